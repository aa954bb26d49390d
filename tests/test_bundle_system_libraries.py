"""installers/linux/system-libraries.txt, the one list of what the Linux bundle takes from the system, and
the places that must agree with it: scripts/bootstrap.sh (installs the packages), build_tarball.sh (ships
the list) and install.sh (names what a user's system lacks). No build: tests/test_frozen_app.py checks
the list against a frozen bundle.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "installers"))
import build_support  # noqa: E402

LINUX = ROOT / "installers" / "linux"
BOOTSTRAP = ROOT / "scripts" / "bootstrap.sh"


def bootstrap_arrays() -> dict[str, list[str]]:
    """bootstrap.sh's package arrays (NAME_PACKAGES=(...)), with "${OTHER[@]}" expanded."""
    arrays: dict[str, list[str]] = {}
    text = BOOTSTRAP.read_text(encoding="utf-8")
    for name, body in re.findall(r"^(\w+_PACKAGES)=\((.*?)\)", text, re.MULTILINE | re.DOTALL):
        words: list[str] = []
        for token in body.split():
            reference = re.fullmatch(r'"\$\{(\w+)\[@\]\}"', token)
            words += arrays[reference.group(1)] if reference else [token]
        arrays[name] = words
    return arrays


def test_the_list_is_well_formed():
    declared = build_support.system_libraries()
    assert "libwayland-cursor.so.0" in declared and "libwayland-egl.so.1" in declared  # issue 11
    for soname, package in declared.items():
        assert re.fullmatch(r"(lib|ld-linux)[\w.+-]*\.so(\.\d+)+", soname), soname
        assert re.fullmatch(r"[a-z0-9][a-z0-9+.-]+", package), package
    # The C library's own sonames are the only ones exempt from install.sh's check (and from being
    # needed by the bundle: the other architecture's loader is listed too).
    assert {"libc.so.6", "ld-linux-x86-64.so.2"} <= {s for s, p in declared.items()
                                                     if p == build_support.GLIBC_PACKAGE}


def test_a_malformed_line_is_refused(tmp_path):
    listing = tmp_path / "system-libraries.txt"
    listing.write_text("# soname package\nlibGL.so.1 libgl1  # GL\nlibEGL.so.1\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"system-libraries.txt:3"):
        build_support.system_libraries(listing)
    listing.write_text("libGL.so.1 libgl1\n\n  # indented comment\n", encoding="utf-8")
    assert build_support.system_libraries(listing) == {"libGL.so.1": "libgl1"}


def test_bootstrap_installs_exactly_the_listed_packages():
    arrays = bootstrap_arrays()
    declared = set(build_support.system_libraries().values())
    assert set(arrays["SYSTEM_PACKAGES"]) == declared, (
        "scripts/bootstrap.sh's SYSTEM_PACKAGES and installers/linux/system-libraries.txt disagree: "
        f"only in bootstrap.sh {sorted(set(arrays['SYSTEM_PACKAGES']) - declared)}, "
        f"only in the list {sorted(declared - set(arrays['SYSTEM_PACKAGES']))}")
    # `run` installs RUN_PACKAGES, `test` (and so CI, which builds the frozen app) those and more.
    assert declared <= set(arrays["RUN_PACKAGES"])
    text = BOOTSTRAP.read_text(encoding="utf-8")
    assert 'install_packages "${RUN_PACKAGES[@]}" "${TEST_PACKAGES[@]}"' in text


@pytest.mark.skipif(shutil.which("dpkg-query") is None, reason="not a Debian/Ubuntu machine")
def test_the_listed_packages_are_installed_here():
    """bootstrap.sh put them here (which also proves the names are real packages)."""
    packages = sorted(set(build_support.system_libraries().values()))
    done = subprocess.run(["dpkg-query", "-W", "-f", "${Package} ${db:Status-Status}\\n", *packages],
                          capture_output=True, text=True)
    installed = {line.split()[0].split(":")[0] for line in done.stdout.splitlines()
                 if line.endswith(" installed")}
    assert set(packages) <= installed, (
        f"not installed: {sorted(set(packages) - installed)}: run bash scripts/bootstrap.sh test")


def test_the_tarball_ships_the_list_for_install_sh():
    build = (LINUX / "build_tarball.sh").read_text(encoding="utf-8")
    assert re.search(r'^install -m 644 "\$here/system-libraries.txt" "\$stage/"', build, re.MULTILINE)
    assert "system-libraries.txt" in (LINUX / "install.sh").read_text(encoding="utf-8")


@pytest.mark.skipif(sys.platform != "linux", reason="ELF files and install.sh are for Linux")
def test_elf_needs_reads_what_the_loader_reads():
    python = Path(os.path.realpath(sys.executable))
    needs = build_support.elf_needs(python)
    assert "libc.so.6" in needs
    assert needs[0].startswith("ld-linux")  # an executable names its loader first (PT_INTERP)
    assert build_support.elf_needs(BOOTSTRAP) == []
    readelf = shutil.which("readelf")
    if readelf:  # binutils, which bootstrap.sh installs for PyInstaller
        out = subprocess.run([readelf, "-d", str(python)], capture_output=True, text=True).stdout
        assert needs[1:] == re.findall(r"\(NEEDED\)\s+Shared library: \[(.+?)\]", out)


@pytest.mark.skipif(sys.platform != "linux", reason="install.sh is for Linux")
def test_install_sh_names_the_libraries_a_system_lacks(tmp_path):
    """install.sh against a stand-in app: a library the system lacks is named with its package; the C
    library (here, the other architecture's loader) is never checked."""
    unpacked = tmp_path / "desktop-agent-0.0-linux"
    (unpacked / "desktop-agent").mkdir(parents=True)
    app = unpacked / "desktop-agent" / "desktop-agent"
    app.write_text("#!/bin/sh\necho 'desktop-agent 0.0'\n", encoding="utf-8")
    app.chmod(0o755)
    (unpacked / "share" / "applications").mkdir(parents=True)
    shutil.copy(LINUX / "desktop-agent.desktop", unpacked / "share" / "applications")
    for script in ("install.sh", "uninstall.sh"):
        shutil.copy(LINUX / script, unpacked)
    listing = (LINUX / "system-libraries.txt").read_text(encoding="utf-8")
    (unpacked / "system-libraries.txt").write_text(
        listing + "libdesktop-agent-absent.so.7   libdesktop-agent-absent7\n", encoding="utf-8")
    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "PATH": "/usr/bin:/bin"}
    done = subprocess.run(["sh", str(unpacked / "install.sh")], capture_output=True, text=True, timeout=60,
                          env=env)
    assert done.returncode == 0, done.stderr
    notes = [line for line in done.stdout.splitlines() if "lacks" in line]
    if not any(Path(d, "ldconfig").exists() for d in ("/sbin", "/usr/sbin", "/usr/bin", "/bin")):
        assert notes == []  # no loader cache to ask: nothing is claimed
        return
    assert len(notes) == 1, done.stdout
    assert "libdesktop-agent-absent.so.7 (libdesktop-agent-absent7)" in notes[0]
    assert "ld-linux" not in notes[0] and "libc6" not in notes[0]
