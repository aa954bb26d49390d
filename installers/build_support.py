"""Build-time helpers for installers/desktop-agent.spec: version, resources, Qt excludes, licences, icons.

Imported by the spec inside PyInstaller's process. Everything here works on Linux and Windows alike:
paths are joined with pathlib, and nothing assumes a shell.
"""

from __future__ import annotations

import ast
import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import tomllib
from importlib import metadata
from pathlib import Path

# Qt modules the app always needs, beside those found in its source: pyqtgraph and qasync import
# QtCore/QtGui/QtWidgets, and QtSvg draws the SVG icons (and pyqtgraph's SVG export).
QT_ALWAYS = {"QtCore", "QtGui", "QtWidgets", "QtSvg"}

# Optional extras of our dependencies that the app never uses. Each would pull in megabytes (or a GL
# stack) if it happened to be installed in the build environment.
EXCLUDES = [
    "tkinter", "_tkinter", "turtle", "idlelib", "pydoc_data", "lib2to3", "ensurepip", "venv",
    "matplotlib", "OpenGL", "OpenGL_accelerate", "h5py", "cupy", "numba", "IPython", "jupyter_rfb",
    "pyqtgraph.opengl", "pyqtgraph.examples", "pyqtgraph.jupyter",
    "PyQt5", "PyQt6", "PySide2",
    "pytest", "pytestqt", "_pytest", "keyrings.alt",
    "desktop_agent.testing",  # throwaway PostgreSQL clusters for tests; never part of the app
]

# Translation sources are compiled to .qm; these never need to travel with the app.
RESOURCE_SKIP_SUFFIXES = {".ts", ".pro", ".pyc"}


def project_version(root: Path) -> str:
    with (root / "pyproject.toml").open("rb") as fh:
        return tomllib.load(fh)["project"]["version"]


def write_version_module(root: Path) -> str:
    """Make desktop_agent/_version.py carry pyproject's version: the frozen app has no package metadata.

    The file is rewritten only when the version changed, so a build leaves a checkout untouched.
    """
    version = project_version(root)
    target = root / "desktop_agent" / "_version.py"
    text = ("# Fallback for frozen builds; installers/ regenerates it from pyproject.toml before freezing.\n"
            f'VERSION = "{version}"\n')
    if not target.is_file() or target.read_text(encoding="utf-8") != text:
        target.write_text(text, encoding="utf-8", newline="\n")
    return version


def resource_datas(root: Path) -> list[tuple[str, str]]:
    """(source file, destination folder) pairs for everything under resources/ that the app reads."""
    base = root / "resources"
    pairs = []
    for path in sorted(base.rglob("*")):
        if path.is_file() and path.suffix not in RESOURCE_SKIP_SUFFIXES and "__pycache__" not in path.parts:
            rel_dir = path.parent.relative_to(root)
            pairs.append((str(path), str(rel_dir)))
    return pairs


def unused_phonenumbers_data(package_dir: Path) -> list[str]:
    """phonenumbers' geocoder, carrier and time-zone tables (40 MB of modules, a minute of analysis)
    stay out unless the app's source uses them; parse/format need only phonenumbers.data."""
    source = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in package_dir.rglob("*.py"))
    unused = []
    for api, tables in (("geocoder", "geodata"), ("carrier", "carrierdata"), ("timezone", "tzdata")):
        if not re.search(rf"phonenumbers(\.|\s+import\s+.*\b){api}\b", source):
            unused += [f"phonenumbers.{api}", f"phonenumbers.{tables}"]
    return unused


# Qt plugins a desktop never loads: kiosk and embedded platforms with their input drivers, rare image
# formats, and the GTK3 theme, which would load the desktop's own GTK against the GLib and Pango copied
# from the build machine (a crash on a newer desktop); Qt's own style and the portal theme remain.
QT_PLUGINS_UNUSED = (
    "platforms/*eglfs*", "platforms/*linuxfb*", "platforms/*minimalegl*", "platforms/*vnc*",
    "platforms/*vkkhrdisplay*", "egldeviceintegrations/*", "generic/*", "platformthemes/*gtk3*",
    "imageformats/*tiff*", "imageformats/*webp*", "imageformats/*icns*", "imageformats/*tga*",
    "imageformats/*wbmp*",
)
APP_LANGUAGES = {"ru", "en"}


def _posix(dest: str) -> str:
    return dest.replace("\\", "/")


def _unused_qt_plugin(dest: str) -> bool:
    path = _posix(dest)
    if not path.startswith("PySide6/") or "/plugins/" not in path:
        return False
    tail = path.split("/plugins/", 1)[1]
    return any(fnmatch.fnmatch(tail, pattern) for pattern in QT_PLUGINS_UNUSED)


def prune_qt_binaries(binaries: list) -> list:
    """Drop the unused Qt plugins, then the libraries that only they needed (and nothing else does)."""
    from PyInstaller.depend.bindepend import get_imports

    dropped = [b for b in binaries if _unused_qt_plugin(b[0])]
    kept = [b for b in binaries if not _unused_qt_plugin(b[0])]
    by_name = {Path(_posix(b[0])).name.lower(): b for b in kept}

    def needs(entry) -> set[str]:
        try:
            return {Path(name).name.lower() for name, _ in get_imports(entry[1])}
        except Exception:  # noqa: BLE001 - an unreadable binary keeps everything it might need
            return set(by_name)

    candidates: set[str] = set()
    stack = [needs(b) for b in dropped]
    while stack:
        for name in stack.pop() - candidates:
            if name in by_name:
                candidates.add(name)
                stack.append(needs(by_name[name]))
    changed = True
    while changed:  # a candidate that anything kept still links against stays
        changed = False
        for entry in kept:
            if Path(_posix(entry[0])).name.lower() not in candidates:
                still = needs(entry) & candidates
                if still:
                    candidates -= still
                    changed = True
    return [b for b in kept if Path(_posix(b[0])).name.lower() not in candidates]


# Libraries that break when stripped: NumPy's bundled OpenBLAS (and its Fortran runtime) then fails to
# load with "ELF load command address/offset not page-aligned".
NO_STRIP = ("*openblas*", "*gfortran*", "*quadmath*")


def strip_binaries(binaries: list, work: Path) -> list:
    """Strip debug symbols from ELF binaries (copies in `work`), except the NO_STRIP ones.

    PyInstaller's own strip=True strips every binary, OpenBLAS included, which breaks NumPy.
    """
    strip = shutil.which("strip")
    if strip is None or not sys.platform.startswith("linux"):
        return binaries
    result = []
    for entry in binaries:
        dest, src, kind = entry[0], Path(entry[1]), entry[2]
        name = Path(_posix(dest)).name.lower()
        if kind != "BINARY" or any(fnmatch.fnmatch(name, p) for p in NO_STRIP):
            result.append(entry)
            continue
        copy = work / "stripped" / _posix(dest)
        if not copy.exists() or copy.stat().st_mtime < src.stat().st_mtime:
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, copy)
            if subprocess.run([strip, "--strip-debug", str(copy)], capture_output=True).returncode != 0:
                shutil.copy2(src, copy)  # not strippable: ship it as it is
        result.append((dest, str(copy), kind))
    return result


def prune_qt_translations(datas: list) -> list:
    """Qt's own .qm files only for the languages the app ships (a few MB of the rest otherwise)."""
    def other_language(dest: str) -> bool:
        path = _posix(dest)
        match = re.search(r"/translations/[a-z_]+?_([a-z]{2})(?:_[A-Za-z]{2})?\.qm$", path)
        return path.startswith("PySide6/") and bool(match) and match.group(1) not in APP_LANGUAGES
    return [d for d in datas if not other_language(d[0])]


def faker_locales_used(package_dir: Path) -> set[str]:
    source = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in package_dir.rglob("*.py"))
    return {"en", "en_US"} | set(re.findall(r"Faker\(\s*[\"']([a-z]{2}_[A-Z]{2})[\"']", source))


def prune_faker_locales(pure: list, datas: list, package_dir: Path) -> tuple[list, list]:
    """Faker (demo data only) ships ~90 locales as modules and as files it lists; keep those the app asks
    for, plus the locales they import from (en_US's bank provider builds on en_GB's, for one).

    Its locale discovery lists the files beside the providers, so modules and files are pruned alike.
    """
    wanted = faker_locales_used(package_dir)

    def locale_key(parts: list[str]) -> tuple[str, str] | None:
        # faker.providers.<provider>.<locale>[...]: a locale is xx, xxx or xx_YY
        if (len(parts) >= 4 and parts[:2] == ["faker", "providers"]
                and re.fullmatch(r"[a-z]{2,3}(_[A-Z]{2})?", parts[3])):
            return parts[2], parts[3]
        return None

    sources = {m[0]: m[1] for m in pure}
    keep = {key for name in sources if (key := locale_key(name.split("."))) and key[1] in wanted}
    # A provider without the asked-for locale falls back to its `default_locale` (bank: en_GB).
    for name, path in sources.items():
        parts = name.split(".")
        if len(parts) == 3 and parts[:2] == ["faker", "providers"] and path and path.endswith(".py"):
            found = re.search(r"^default_locale\s*=\s*[\"']([\w]+)[\"']", Path(path).read_text(encoding="utf-8"),
                              re.MULTILINE)
            if found:
                keep.add((parts[2], found.group(1)))
    pending = [name for name in sources if (key := locale_key(name.split("."))) in keep]
    while pending:
        name = pending.pop()
        try:
            tree = ast.parse(Path(sources[name]).read_text(encoding="utf-8"))
        except (OSError, SyntaxError, TypeError):
            continue
        package = name.split(".") if sources[name].endswith("__init__.py") else name.split(".")[:-1]
        for node in ast.walk(tree):
            if not isinstance(node, ast.ImportFrom):
                continue
            base = package[:len(package) - node.level + 1] if node.level else []
            target = base + (node.module.split(".") if node.module else [])
            key = locale_key(target)
            if key and key not in keep:
                keep.add(key)
                pending += [n for n in sources if locale_key(n.split(".")) == key]

    def dropped(parts: list[str]) -> bool:
        key = locale_key(parts)
        return key is not None and key not in keep

    pure = [m for m in pure if not dropped(m[0].split("."))]
    datas = [d for d in datas if not dropped(_posix(d[0]).split("/"))]
    return pure, datas


def qt_modules_used(package_dir: Path) -> set[str]:
    """Every `PySide6.QtXxx` the app's own source names."""
    found = set()
    pattern = re.compile(r"PySide6\.(Qt\w+)|from\s+PySide6\s+import\s+\(?([\w\s,]+)")
    for source in package_dir.rglob("*.py"):
        for dotted, listed in pattern.findall(source.read_text(encoding="utf-8", errors="replace")):
            if dotted:
                found.add(dotted)
            found.update(n.strip() for n in listed.split(",") if n.strip().startswith("Qt"))
    return found


def qt_excludes(package_dir: Path) -> list[str]:
    """PySide6 modules installed but not used: excluded, so their Qt libraries and plugins stay out."""
    import PySide6

    installed = {p.name.split(".")[0] for p in Path(PySide6.__file__).parent.iterdir()
                 if p.name.startswith("Qt") and p.suffix in {".so", ".pyd"}}
    keep = QT_ALWAYS | qt_modules_used(package_dir)
    return sorted(f"PySide6.{name}" for name in installed - keep)


def bundled_distributions(toc_names: list[str]) -> set[str]:
    """Distribution names of the top-level packages PyInstaller collected (from its TOC entry names)."""
    owners = metadata.packages_distributions()
    tops = {re.split(r"[./\\]", name, maxsplit=1)[0] for name in toc_names}
    return {dist for top in tops for dist in owners.get(top, [])}


def stage_licenses(root: Path, dest: Path, toc_names: list[str]) -> list[tuple[str, str, str]]:
    """Copy every bundled component's licence texts into `dest` and write its components.json.

    Returns PyInstaller TOC entries (dest name, source, "DATA") placing them in resources/licenses.
    """
    sys.path.insert(0, str(root))
    from desktop_agent import licenses

    # PyInstaller's bootloader ships too; the app itself is listed first under its product name.
    extra = sorted((bundled_distributions(toc_names) | {"pyinstaller"}) - {licenses.APP_DISTRIBUTION})
    components = licenses.components_from_metadata(extra_distributions=tuple(extra))
    if dest.exists():
        shutil.rmtree(dest)
    dest.mkdir(parents=True)
    shared_dir = (root / "resources" / "licenses").resolve()
    manifest = []
    for component in components:
        rel_files = []
        for src in map(Path, component["license_files"]):
            if src.resolve().parent == shared_dir:  # the committed LGPL/GPL texts travel with resources/
                rel_files.append(src.name)
                continue
            rel = Path(_safe_name(component["name"])) / _path_inside_dist_info(src)
            (dest / rel).parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest / rel)
            rel_files.append(rel.as_posix())
        manifest.append({**component, "license_files": rel_files})
    (dest / licenses.MANIFEST_NAME).write_text(
        json.dumps({"components": manifest}, ensure_ascii=False, indent=1), encoding="utf-8")
    toc = []
    for path in sorted(p for p in dest.rglob("*") if p.is_file()):
        rel = path.relative_to(dest)
        toc.append((str(Path("resources", "licenses", rel)), str(path), "DATA"))
    return toc


def migration_imports(migrations_dir: Path) -> list[str]:
    """Modules that Alembic's env.py and the revision scripts import: PyInstaller cannot see them,
    because Alembic loads those files from disk at run time."""
    names = set()
    for script in migrations_dir.rglob("*.py"):
        for node in ast.walk(ast.parse(script.read_text(encoding="utf-8"), str(script))):
            if isinstance(node, ast.Import):
                names.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module)
                names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return sorted(n for n in names if _importable(n))


def render_icons(root: Path, out_dir: Path) -> dict[str, Path]:
    """PNGs and a .ico from resources/icons/desktop-agent.svg, rendered by Qt in a child process."""
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    svg = root / "resources" / "icons" / "desktop-agent.svg"
    subprocess.run([sys.executable, str(root / "installers" / "render_icons.py"), str(svg), str(out_dir)],
                   check=True, env=env, stdout=subprocess.DEVNULL)
    return {"ico": out_dir / "desktop-agent.ico", "png256": out_dir / "desktop-agent-256.png"}


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """Windows wants four numbers: "1.2.3rc1" -> (1, 2, 3, 1), "0.1" -> (0, 1, 0, 0)."""
    numbers = [int(n) for n in re.findall(r"\d+", version)[:4]]
    return tuple(numbers + [0] * (4 - len(numbers)))  # type: ignore[return-value]


def windows_version_info(version: str):  # -> PyInstaller.utils.win32.versioninfo.VSVersionInfo
    """The version resource Windows shows in the executable's Properties, from pyproject's version."""
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = version_tuple(version)
    strings = [vi.StringStruct(k, v) for k, v in (
        ("CompanyName", "Desktop Agent"), ("FileDescription", "Desktop Agent"),
        ("FileVersion", version), ("InternalName", "desktop-agent"),
        ("LegalCopyright", "GPL-3.0-or-later"), ("OriginalFilename", "desktop-agent.exe"),
        ("ProductName", "Desktop Agent"), ("ProductVersion", version))]
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=numbers, prodvers=numbers),
        kids=[vi.StringFileInfo([vi.StringTable("040904B0", strings)]),
              vi.VarFileInfo([vi.VarStruct("Translation", [0x0409, 1200])])])


def _path_inside_dist_info(src: Path) -> Path:
    for i, part in enumerate(src.parts):
        if part.endswith(".dist-info"):
            return Path(*src.parts[i + 1:])
    return Path(src.name)  # e.g. Python's own LICENSE.txt


def _safe_name(name: str) -> str:
    return re.sub(r"[^A-Za-z0-9._-]+", "_", name)


def _importable(name: str) -> bool:
    """Whether `name` is a module, found on disk without importing it (importing would run its code)."""
    import importlib.machinery
    import importlib.util

    top, *rest = name.split(".")
    spec = importlib.util.find_spec(top)
    if spec is None:
        return False
    places = list(spec.submodule_search_locations or [])
    for i, part in enumerate(rest):
        last = i == len(rest) - 1
        found = importlib.machinery.PathFinder.find_spec(part, places)
        if found is None:
            return False
        if not last:
            places = list(found.submodule_search_locations or [])
    return True
