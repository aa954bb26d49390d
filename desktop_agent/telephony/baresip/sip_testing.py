"""Helpers for the SIP integration tests and the SIP benchmark: ports baresip can take, and sipp.

Lives in the package (like desktop_agent.testing) so that benchmarks/ can use it too. Never used by
the app itself.
"""

from __future__ import annotations

import socket
import subprocess
from pathlib import Path


def _bindable(port: int, kind: int) -> bool:
    with socket.socket(socket.AF_INET, kind) as s:
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def free_sip_port() -> int:
    """A port P where baresip can bind UDP and TCP on P and TLS on P + 1 (it always takes both)."""
    for _ in range(200):
        with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port < 65534 and _bindable(port, socket.SOCK_DGRAM) and _bindable(port + 1, socket.SOCK_STREAM):
            return port
    raise RuntimeError("found no free pair of ports for baresip")


def sipp_command(scenario: Path, target: str, *, local_port: int, media_port: int, service: str = "agent",
                 keys: dict[str, str] | None = None, calls: int = 1, rate: float | None = None,
                 timeout_s: int = 30, extra: tuple[str, ...] = ()) -> list[str]:
    """A sipp run of `scenario` against host:port `target`, with the flags known to work here."""
    cmd = ["sipp", target, "-sf", str(scenario.resolve()), "-s", service, "-m", str(calls),
           "-timeout", f"{timeout_s}s", "-timeout_error", "-nostdin",
           "-i", "127.0.0.1", "-p", str(local_port), "-mi", "127.0.0.1", "-mp", str(media_port)]
    if rate is not None:
        cmd += ["-r", f"{rate:g}"]
    for key, value in (keys or {}).items():
        cmd += ["-key", key, value]
    return cmd + list(extra)


def start_sipp(cmd: list[str], workdir: Path) -> subprocess.Popen:
    """Start sipp with its output in files in `workdir` (a pipe nobody reads would block it)."""
    workdir.mkdir(parents=True, exist_ok=True)
    return subprocess.Popen(cmd, cwd=workdir, stdin=subprocess.DEVNULL,
                            stdout=(workdir / "sipp.out").open("wb"), stderr=subprocess.STDOUT)
