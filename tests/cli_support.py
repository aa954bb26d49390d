"""Shared by the command-line tests (with the `run` fixture of tests/conftest.py)."""

from __future__ import annotations


def one_line(err: str) -> str:
    """The error a command printed: exactly one line, prefixed with the program's name."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("desktop-agent: ")
    return lines[0]
