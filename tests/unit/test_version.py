"""One version, from pyproject.toml: the package, the frozen fallback and `desktop-agent --version` agree."""

from __future__ import annotations

import subprocess
import sys
import tomllib
from pathlib import Path

from desktop_agent import __version__, _version, cli

ROOT = Path(__file__).resolve().parents[2]


def pyproject_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)["project"]["version"]


def test_package_version_is_pyprojects():
    # A stale editable install (pyproject bumped, `pip install -e .` not rerun) fails here.
    assert __version__ == pyproject_version()


def test_frozen_fallback_matches_pyproject():
    # installers/build_support.write_version_module keeps this in step; a bump without a build fails here.
    assert _version.VERSION == pyproject_version()


def test_cli_prints_the_version(capsys):
    try:
        cli.main(["--version"])
    except SystemExit as exc:
        assert exc.code == 0
    assert capsys.readouterr().out.strip() == f"desktop-agent {pyproject_version()}"


def test_console_script_prints_the_version():
    out = subprocess.run([sys.executable, "-m", "desktop_agent.cli", "--version"],
                         capture_output=True, text=True, timeout=60, check=True).stdout
    assert out.strip() == f"desktop-agent {pyproject_version()}"


def test_write_version_module_rewrites_only_on_change(tmp_path):
    sys.path.insert(0, str(ROOT / "installers"))
    try:
        import build_support
    finally:
        sys.path.remove(str(ROOT / "installers"))
    (tmp_path / "desktop_agent").mkdir()
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "x"\nversion = "9.8.7rc1"\n', encoding="utf-8")
    assert build_support.write_version_module(tmp_path) == "9.8.7rc1"
    target = tmp_path / "desktop_agent" / "_version.py"
    namespace: dict = {}
    exec(target.read_text(encoding="utf-8"), namespace)  # noqa: S102 - our own generated file
    assert namespace["VERSION"] == "9.8.7rc1"
    before = target.stat().st_mtime_ns
    build_support.write_version_module(tmp_path)
    assert target.stat().st_mtime_ns == before
    # The Windows version resource (built only on Windows, where PyInstaller has pefile) takes 4 numbers.
    assert build_support.version_tuple("9.8.7rc1") == (9, 8, 7, 1)
    assert build_support.version_tuple("0.1") == (0, 1, 0, 0)
