"""The frozen app: built with installers/desktop-agent.spec into a temp dir, then run as a user would.

One PyInstaller build (about a minute on 2 cores) serves every test here; nothing is cached in the repo.
Every part the build trims or strips is exercised: the operator window's smoke call, the wallboard
(pyqtgraph and NumPy), the demo-data seeder, PostgreSQL through psycopg's own libraries, and a load of
every shared library in the bundle.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import sqlite3
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "installers"))
import build_support  # noqa: E402

# The first test also pays for the build (about a minute alone, several on a busy 2-core machine).
pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

SPEC = ROOT / "installers" / "desktop-agent.spec"
EXE = "desktop-agent.exe" if sys.platform == "win32" else "desktop-agent"


def project_version() -> str:
    with (ROOT / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)["project"]["version"]


def clean_env(**extra: str) -> dict[str, str]:
    """The environment of a user's session: no test overrides of resources or the database.

    The suite's keyrings.alt backend is a test-only package the frozen app does not carry; keyring's own
    null backend stands in (no password stored: the throwaway PostgreSQL trusts local connections).
    """
    env = {k: v for k, v in os.environ.items()
           if k not in {"DESKTOP_AGENT_DB", "DESKTOP_AGENT_RESOURCES", "PYTHONPATH"}}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHON_KEYRING_BACKEND="keyring.backends.null.Keyring", **extra)
    return env


@pytest.fixture(scope="module")
def frozen_dir(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("frozen")
    result = subprocess.run(
        [sys.executable, "-m", "PyInstaller", "--noconfirm", "--log-level", "WARN",
         "--distpath", str(out / "dist"), "--workpath", str(out / "build"), str(SPEC)],
        cwd=out, capture_output=True, text=True, timeout=900, env=clean_env())
    assert result.returncode == 0, result.stderr[-4000:]
    app = out / "dist" / "desktop-agent"
    assert (app / EXE).is_file()
    return app


def run_app(app: Path, *args: str, home: Path, timeout: float = 180) -> subprocess.CompletedProcess:
    return subprocess.run([str(app / EXE), *args], capture_output=True, text=True, timeout=timeout,
                          env=clean_env(DESKTOP_AGENT_HOME=str(home)), cwd=home)


def test_frozen_version_is_pyprojects(frozen_dir, tmp_path):
    result = run_app(frozen_dir, "--version", home=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"desktop-agent {project_version()}"


def test_smoke_call_on_a_fresh_profile(frozen_dir, tmp_path):
    home = tmp_path / "fresh profile"
    home.mkdir()
    result = run_app(frozen_dir, "--smoke-test", home=home)
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr[-4000:]
    # Demo data holds past interactions too: find the one this run took, by the call id it reports.
    reported = re.search(r"call (\S+) answered", result.stdout)
    assert reported, result.stdout
    database = home / "desktop-agent.sqlite3"
    assert database.is_file()
    with sqlite3.connect(database) as conn:
        (revision,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        rows = conn.execute("SELECT answered_at, ended_at, disposition_code FROM interactions "
                            "WHERE callid = ?", (reported.group(1),)).fetchall()
    assert revision  # the bundled Alembic scripts ran
    assert len(rows) == 1
    answered_at, ended_at, disposition = rows[0]
    assert answered_at and ended_at and disposition
    # The frozen app writes no bytecode into its own folder (the uninstaller would leave it behind).
    assert not list(frozen_dir.rglob("__pycache__"))


@pytest.mark.postgres
def test_frozen_app_migrates_postgresql(frozen_dir, pg_url, tmp_path):
    # psycopg's binary build and the Alembic scripts are the parts PyInstaller cannot see by itself.
    upgrade = run_app(frozen_dir, "--db", pg_url, "db", "upgrade", home=tmp_path)
    assert upgrade.returncode == 0, upgrade.stderr
    info = run_app(frozen_dir, "--db", pg_url, "db", "info", home=tmp_path)
    assert info.returncode == 0, info.stderr
    report = json.loads(info.stdout)
    assert report["backend"] == "postgresql" and report["schema_current"] is True
    # The wallboard's feed on PostgreSQL: LISTEN/NOTIFY through psycopg's stripped libraries.
    board = run_app(frozen_dir, "--db", pg_url, "wallboard", "--smoke-test", home=tmp_path)
    assert board.returncode == 0, board.stdout[-2000:] + board.stderr[-4000:]
    assert "wallboard smoke test: 3 frames" in board.stdout


def test_seeder_and_wallboard_on_a_fresh_profile(frozen_dir, tmp_path):
    """NumPy (the vectorised seeder, the trend chart), Faker's kept locales and pyqtgraph in the bundle."""
    seeded = run_app(frozen_dir, "db", "seed", "--customers", "300", "--tickets", "400", "--interactions", "600",
                     "--agents", "12", home=tmp_path)
    assert seeded.returncode == 0, seeded.stderr[-4000:]
    report = json.loads(seeded.stdout)
    assert (report["customers"], report["tickets"], report["interactions"]) == (300, 400, 600)
    with sqlite3.connect(tmp_path / "desktop-agent.sqlite3") as conn:
        assert conn.execute("SELECT count(*) FROM customers").fetchone()[0] >= 300
        names = [n for (n,) in conn.execute("SELECT full_name FROM customers LIMIT 50")]
    assert any(re.search("[А-Яа-я]", n) for n in names)  # Faker's ru_RU locale made it into the bundle
    board = run_app(frozen_dir, "--lang", "ru", "wallboard", "--smoke-test", home=tmp_path)
    assert board.returncode == 0, board.stdout[-2000:] + board.stderr[-4000:]
    assert "wallboard smoke test: 3 frames" in board.stdout


@pytest.mark.skipif(sys.platform != "linux", reason="ELF shared libraries")
def test_bundle_takes_only_the_declared_libraries_from_the_system(frozen_dir):
    """What the bundle needs and does not carry is what installers/linux/system-libraries.txt declares
    (and what bootstrap.sh installs and the tarball's install.sh checks for): the C library and the
    graphics stack. A library the build machine lacked (libxcb-cursor0, say) would be missing from the
    bundle, and show up here rather than on a user's desktop."""
    declared = build_support.system_libraries()
    needed = build_support.needs_from_system(frozen_dir)
    undeclared = {name: files[:3] for name, files in needed.items() if name not in declared}
    assert not undeclared, (
        "the bundle needs these from the system but does not carry them: install their packages on the "
        f"build machine (bootstrap.sh's RUN_PACKAGES) so PyInstaller bundles them, or declare them in "
        f"installers/linux/system-libraries.txt: {undeclared}")
    # The list stays honest too: beside the C library, everything declared is needed.
    unneeded = sorted(name for name, package in declared.items()
                      if package != build_support.GLIBC_PACKAGE and name not in needed)
    assert not unneeded, f"no bundled file needs these any more; drop them from system-libraries.txt: {unneeded}"


def _load_in_child(names: list[str], **env: str) -> dict[str, str]:
    """dlopen each library (a path, or a soname the system's loader looks up) in a child process, where a
    crash cannot end the run: {library: error} for those that fail."""
    code = ("import ctypes, os, sys\n"
            "for name in sys.argv[1:]:\n"
            "    try: ctypes.CDLL(name, mode=os.RTLD_LAZY | os.RTLD_LOCAL)\n"
            "    except OSError as exc: print(name, str(exc).replace('\\n', ' '), sep='\\t')\n")
    done = subprocess.run([sys.executable, "-c", code, *names], capture_output=True, text=True,
                          timeout=120, env=clean_env(**env))
    assert done.returncode == 0, done.stderr[-4000:]
    return dict(line.split("\t", 1) for line in done.stdout.splitlines())


@pytest.mark.skipif(sys.platform != "linux", reason="ELF shared libraries")
def test_every_bundled_library_loads(frozen_dir):
    """Stripping must leave every library loadable: dlopen each one (their own dependencies resolved
    from the bundle, the declared ones from the system), as the frozen app would. A wrongly stripped
    OpenBLAS fails here with "ELF load command address/offset not page-aligned"."""
    # First what the bundle takes from this machine, so a missing package is named as such.
    declared = build_support.system_libraries()
    from_system = sorted(build_support.needs_from_system(frozen_dir))
    missing = _load_in_child(from_system)
    assert not missing, (
        "this machine lacks libraries the frozen app takes from the system (`bash scripts/bootstrap.sh test` "
        "installs their packages): "
        + "; ".join(f"{name} (package {declared.get(name, '?')}): {error}" for name, error in missing.items()))

    internal = frozen_dir / "_internal"
    libraries = [p for p in sorted(internal.rglob("*.so*")) if p.is_file() and not p.is_symlink()
                 and p.read_bytes()[:4] == b"\x7fELF"]
    assert len(libraries) > 100
    folders = sorted({str(p.parent) for p in libraries})
    failed = _load_in_child([str(p) for p in libraries], LD_LIBRARY_PATH=os.pathsep.join(folders))
    assert not failed, "\n".join(f"{name}: {error}" for name, error in failed.items())[-4000:]


def test_bundle_contents(frozen_dir):
    internal = frozen_dir / "_internal"
    assert (internal / "resources" / "icons" / "desktop-agent.svg").is_file()
    assert list((internal / "resources" / "defaults").glob("*.yaml"))
    assert (internal / "desktop_agent" / "store" / "migrations" / "script.py.mako").is_file()
    assert list((internal / "desktop_agent" / "store" / "migrations" / "versions").glob("*.py"))
    manifest = json.loads((internal / "resources" / "licenses" / "components.json").read_text("utf-8"))
    names = {c["name"]: c for c in manifest["components"]}
    for needed in ("Desktop Agent", "Qt", "Python", "PySide6_Essentials", "SQLAlchemy", "pyinstaller"):
        assert needed in names, needed
    for component in manifest["components"]:
        for rel in component["license_files"]:
            assert (internal / "resources" / "licenses" / rel).is_file(), rel
    assert "LGPL-3.0-only.txt" in names["Qt"]["license_files"]
    # The About dialog takes the versions from here (the frozen app has no package metadata).
    assert all(c["version"] for c in manifest["components"]), [c["name"] for c in manifest["components"]]
    assert names["Desktop Agent"]["version"] == project_version()
    assert names["SQLAlchemy"]["version"] == __import__("sqlalchemy").__version__
    assert names["Qt"]["version"] == __import__("PySide6").__version__
    # Qt modules the app does not use stay out, with their libraries.
    bundled = {p.name for p in internal.rglob("*")}
    for unused in ("QtQml", "QtQuick", "QtWebEngineCore", "Qt3DCore", "QtMultimedia", "QtDesigner"):
        assert not any(name.startswith((f"PySide6.{unused}", f"{unused}.", f"libQt6{unused[2:]}.",
                                        f"Qt6{unused[2:]}.")) for name in bundled), unused
    assert not [n for n in bundled if n.startswith("phonenumbers") and "geodata" in n]
    # Trimmed by the spec: the 8.5 MB QtOpenGL binding (a stub stands in), pyqtgraph's own app icon and
    # colour maps, Qt Help's translations; no link may point at a pruned library.
    assert not list((internal / "PySide6").glob("QtOpenGL.*"))
    assert (internal / "PySide6" / "Qt" / "translations" / "qtbase_ru.qm").is_file()
    assert not list(internal.rglob("qt_help_*.qm")) and not list(internal.rglob("peegee*"))
    assert not list(internal.glob("desktop_agent-*.dist-info"))  # the version is the build's, from pyproject
    assert not [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]


@pytest.mark.gui
def test_about_dialog_shows_the_bundled_versions(frozen_dir, qtbot, monkeypatch):
    """The dialog as the frozen app builds it: from the bundle's manifest and licence texts."""
    from desktop_agent.ui.shell.about_dialog import AboutDialog, AboutInfo

    monkeypatch.setenv("DESKTOP_AGENT_RESOURCES", str(frozen_dir / "_internal" / "resources"))
    dialog = AboutDialog(AboutInfo(database="desktop-agent.sqlite3", backend="simulator", settings_file="x"))
    qtbot.addWidget(dialog)
    table = dialog.findChild(object, "componentsTable")
    rows = {table.item(r, 0).text(): table.item(r, 1).text() for r in range(table.rowCount())}
    assert rows["Desktop Agent"] == project_version() and rows["numpy"] == __import__("numpy").__version__
    assert "–" not in rows.values()
    qt_row = list(rows).index("Qt")
    table.selectRow(qt_row)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in dialog.findChild(object, "componentLicence").toPlainText()
    assert "LGPL" in dialog.findChild(object, "qtNotice").text()


@pytest.mark.skipif(sys.platform != "linux", reason="the tarball and install.sh are for Linux")
def test_linux_tarball_installs_and_uninstalls_for_the_user(frozen_dir, tmp_path):
    out = tmp_path / "out"
    built = subprocess.run(
        ["bash", str(ROOT / "installers" / "linux" / "build_tarball.sh"), "--app-dir", str(frozen_dir),
         "--out", str(out), "--fast"],
        capture_output=True, text=True, timeout=300, env=clean_env(PYTHON=sys.executable))
    assert built.returncode == 0, built.stderr
    tarball = Path(built.stdout.strip().splitlines()[-1])
    assert tarball.name == f"desktop-agent-{project_version()}-linux-{os.uname().machine}.tar.gz"
    (tmp_path / "unpacked").mkdir()
    # as a user unpacks it (Python's own tarfile has no extraction filter before 3.11.4)
    subprocess.run(["tar", "-xzf", str(tarball), "-C", str(tmp_path / "unpacked")], check=True, timeout=120)
    unpacked = next((tmp_path / "unpacked").iterdir())
    # what the app takes from the user's system, for install.sh and the user to read
    assert (unpacked / "system-libraries.txt").read_text("utf-8") == \
        (ROOT / "installers" / "linux" / "system-libraries.txt").read_text("utf-8")

    home = tmp_path / "home of a user"  # a space, as in many real home folders
    home.mkdir()
    env = clean_env(HOME=str(home), PATH="/usr/bin:/bin")
    env.pop("XDG_DATA_HOME", None)
    env.pop("PREFIX", None)
    installed = subprocess.run(["sh", str(unpacked / "install.sh")], capture_output=True, text=True,
                               timeout=120, env=env)
    assert installed.returncode == 0, installed.stderr
    assert "lacks" not in installed.stdout, installed.stdout  # this machine has every system library
    local = home / ".local"
    command = local / "bin" / "desktop-agent"
    entry = local / "share" / "applications" / "desktop-agent.desktop"
    assert command.is_symlink()
    assert (local / "share" / "icons" / "hicolor" / "scalable" / "apps" / "desktop-agent.svg").is_file()
    assert (local / "share" / "icons" / "hicolor" / "256x256" / "apps" / "desktop-agent.png").is_file()
    version = subprocess.run([str(command), "--version"], capture_output=True, text=True, timeout=60, env=env)
    assert version.stdout.strip() == f"desktop-agent {project_version()}"
    text = entry.read_text(encoding="utf-8")
    assert f'Exec="{local}/lib/desktop-agent/desktop-agent"\n' in text
    assert "@EXEC@" not in text and "Icon=desktop-agent" in text
    if shutil.which("desktop-file-validate"):
        check = subprocess.run(["desktop-file-validate", str(entry)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr

    data = home / ".local" / "share" / "desktop-agent"
    data.mkdir()
    (data / "desktop-agent.sqlite3").write_bytes(b"the user's data")
    removed = subprocess.run(["sh", str(local / "lib" / "desktop-agent" / "uninstall.sh")],
                             capture_output=True, text=True, timeout=60, env=env)
    assert removed.returncode == 0, removed.stderr
    assert not command.exists() and not command.is_symlink() and not entry.exists()
    assert not (local / "lib" / "desktop-agent").exists()
    assert not list((local / "share" / "icons").rglob("desktop-agent.*"))
    assert (data / "desktop-agent.sqlite3").read_bytes() == b"the user's data"
