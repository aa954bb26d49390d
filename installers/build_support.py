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
# QtCore/QtGui/QtWidgets, QtSvg draws the SVG icons (and pyqtgraph's SVG export), and pyqtgraph's plot
# curves import QtOpenGLWidgets and QtOpenGL by name (importlib) whether or not OpenGL is switched on:
# without them the frozen wallboard failed to start. QtOpenGL is only named, never used, so a stub
# stands in for its 8.5 MB binding (QT_STUBS; libQt6OpenGL itself stays, QtOpenGLWidgets links it).
QT_ALWAYS = {"QtCore", "QtGui", "QtWidgets", "QtSvg", "QtOpenGLWidgets"}
QT_STUBS = {"PySide6.QtOpenGL": "PySide6_QtOpenGL.py"}

# Optional extras of our dependencies that the app never uses. Each would pull in megabytes (or a GL
# stack) if it happened to be installed in the build environment.
EXCLUDES = [
    "tkinter", "_tkinter", "turtle", "idlelib", "pydoc_data", "lib2to3", "ensurepip", "venv",
    "matplotlib", "OpenGL", "OpenGL_accelerate", "h5py", "cupy", "numba", "IPython", "jupyter_rfb",
    "pyqtgraph.opengl", "pyqtgraph.examples", "pyqtgraph.jupyter",
    "PyQt5", "PyQt6", "PySide2",
    "pytest", "pytestqt", "_pytest", "keyrings.alt",
    "desktop_agent.testing",  # throwaway PostgreSQL clusters for tests; never part of the app
    # Seen as imports but never loaded by any command of the app (checked against sys.modules after the
    # window's smoke call, the wallboard, db upgrade/seed/info on SQLite and PostgreSQL, kpi, lookup,
    # simulate, erlang): each sits behind a try/except ImportError, a lazy __getattr__ or a function
    # the app never calls. Mako highlights template errors with Pygments when it is there (1.3 MB).
    "pygments", "mako.ext.pygmentplugin",
    "numpy.f2py", "numpy.testing", "numpy.distutils", "numpy._pyinstaller",
    "unittest", "doctest", "pdb", "xmlrpc", "_pydecimal",
    "packaging",  # desktop_agent.licenses reads markers with it only without a build manifest
    "sqlalchemy.dialects.mysql", "sqlalchemy.dialects.mssql", "sqlalchemy.dialects.oracle",
    "pyqtgraph.flowchart", "pyqtgraph.console", "pyqtgraph.canvas", "pyqtgraph.dockarea",
]

# Data files of packages that the app never reads: pyqtgraph's own application icon (used only when
# pyqtgraph creates the QApplication itself) and its named colour maps (only pyqtgraph.colormap.get()).
# PyInstaller also copies the app's own .dist-info (it sees metadata.version("desktop-agent")); that
# copy carries the version of the last `pip install -e`, while desktop_agent/_version.py is rewritten
# from pyproject.toml by every build: without the copy the frozen app reports the build's version.
DATA_UNUSED = ("pyqtgraph/icons/peegee/*", "pyqtgraph/colors/maps/*", "desktop_agent-*.dist-info/*")

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
    # Images: the app draws SVG and PNG (built into QtGui) and Windows wants .ico; nothing loads GIF,
    # JPEG or the rarer formats.
    "imageformats/*tiff*", "imageformats/*webp*", "imageformats/*icns*", "imageformats/*tga*",
    "imageformats/*wbmp*", "imageformats/*gif*", "imageformats/*jpeg*",
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


def drop_dangling_symlinks(binaries: list, datas: list) -> tuple[list, list]:
    """PyInstaller links each library found in a package folder into _internal/ as well (SYMLINK
    entries, among the binaries or the datas); a link to a library that was pruned would dangle."""
    shipped = {_posix(e[0]) for e in binaries + datas if e[2] != "SYMLINK"}

    def keep(entry) -> bool:
        return entry[2] != "SYMLINK" or _posix(entry[1]) in shipped
    return [e for e in binaries if keep(e)], [e for e in datas if keep(e)]


def prune_unused_data(datas: list) -> list:
    return [d for d in datas if not any(fnmatch.fnmatch(_posix(d[0]), p) for p in DATA_UNUSED)]


# ELF program header: p_type, p_flags, p_offset, p_vaddr (the fields the loader checks).
_PT_LOAD = 1
_PAGE = 4096


def load_segments_aligned(path: Path) -> bool:
    """Whether the dynamic loader will map this ELF file: every PT_LOAD segment's file offset and address
    must agree modulo the page size (glibc: "ELF load command address/offset not page-aligned").

    Libraries that auditwheel/patchelf rewrote (NumPy's OpenBLAS and its Fortran runtime) keep their
    dynamic sections behind the symbol table; GNU and LLVM strip both move those sections by an offset
    that is not a whole page, so a stripped copy no longer loads. Reading the program headers catches
    that at build time, for any library, without loading it into the build's own process.
    """
    import struct

    data = path.read_bytes()
    if data[:4] != b"\x7fELF" or data[4] != 2:  # 64-bit only; anything else is shipped unstripped
        return False
    endian = "<" if data[5] == 1 else ">"
    phoff, = struct.unpack_from(endian + "Q", data, 0x20)
    phentsize, phnum = struct.unpack_from(endian + "HH", data, 0x36)
    for i in range(phnum):
        p_type, _flags, offset, vaddr = struct.unpack_from(endian + "IIQQ", data, phoff + i * phentsize)
        if p_type == _PT_LOAD and (vaddr - offset) % _PAGE:
            return False
    return True


# What the Linux bundle may take from the target system (the C library, the graphics stack), one soname
# and its Debian/Ubuntu package a line: read by the tests, installed by scripts/bootstrap.sh, shipped in
# the tarball for install.sh. PyInstaller bundles everything else it finds on the build machine.
SYSTEM_LIBRARIES = Path(__file__).resolve().parent / "linux" / "system-libraries.txt"
GLIBC_PACKAGE = "libc6"

_PT_DYNAMIC, _PT_INTERP, _DT_NEEDED, _DT_STRTAB = 2, 3, 1, 5


def system_libraries(path: Path = SYSTEM_LIBRARIES) -> dict[str, str]:
    """soname -> the Debian/Ubuntu package that provides it, from installers/linux/system-libraries.txt."""
    found: dict[str, str] = {}
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        fields = line.split("#", 1)[0].split()
        if not fields:
            continue
        if len(fields) != 2 or fields[0] in found:
            raise ValueError(f"{path.name}:{number}: want one 'SONAME PACKAGE' per soname, got {line.strip()!r}")
        found[fields[0]] = fields[1]
    return found


def elf_needs(path: Path) -> list[str]:
    """The libraries a 64-bit ELF file names as its dependencies (DT_NEEDED, and the dynamic loader of an
    executable), read from its headers without loading it or asking the system's loader; [] for any
    other file."""
    import struct

    with path.open("rb") as fh:
        def read(offset: int, size: int) -> bytes:
            fh.seek(offset)
            return fh.read(size)

        header = read(0, 64)
        if len(header) < 64 or header[:4] != b"\x7fELF" or header[4] != 2:
            return []
        endian = "<" if header[5] == 1 else ">"
        phoff, = struct.unpack_from(endian + "Q", header, 0x20)
        phentsize, phnum = struct.unpack_from(endian + "HH", header, 0x36)
        loads, dynamic, needs = [], None, []
        for i in range(phnum):
            p_type, _flags, offset, vaddr, _paddr, filesz = struct.unpack(
                endian + "IIQQQQ", read(phoff + i * phentsize, 40))
            if p_type == _PT_LOAD:
                loads.append((vaddr, offset, filesz))
            elif p_type == _PT_DYNAMIC:
                dynamic = (offset, filesz)
            elif p_type == _PT_INTERP:
                needs.append(read(offset, filesz).split(b"\0", 1)[0].decode().rsplit("/", 1)[-1])
        if dynamic is None:
            return needs
        table = read(*dynamic)
        names, strtab = [], None
        for tag, value in struct.iter_unpack(endian + "qQ", table[:len(table) // 16 * 16]):
            if tag == 0:  # DT_NULL ends the table
                break
            if tag == _DT_NEEDED:
                names.append(value)
            elif tag == _DT_STRTAB:
                strtab = value
        # DT_STRTAB is an address in memory: the load segment holding it tells where it is in the file.
        base = next((strtab - vaddr + offset for vaddr, offset, filesz in loads
                     if strtab is not None and vaddr <= strtab < vaddr + filesz), None)
        if base is None:
            return needs
        for name in names:
            needs.append(read(base + name, 256).split(b"\0", 1)[0].decode())
    return needs


def needs_from_system(app_dir: Path) -> dict[str, list[str]]:
    """The libraries that files of a frozen app folder need but the folder does not carry, each with the
    files (relative to app_dir, sorted) that need it: what the app takes from the system it runs on."""
    bundled = {p.name for p in app_dir.rglob("*")}
    found: dict[str, list[str]] = {}
    for path in sorted(app_dir.rglob("*")):
        if path.is_symlink() or not path.is_file():
            continue
        for name in elf_needs(path):
            if name not in bundled:
                found.setdefault(name, []).append(path.relative_to(app_dir).as_posix())
    return found


def strip_binaries(binaries: list, work: Path) -> list:
    """Strip the symbols a shared library does not need to load (copies in `work`), on Linux.

    Debug info and static symbol tables are about 30 MB of the bundle: the Python extension modules of
    SQLAlchemy, PyYAML and the standard library ship with full debug info, cryptography and libpython
    with their symbol tables. `strip --strip-unneeded` is what Linux distributions run on their shared
    libraries; the dynamic symbols that the loader and Python's import use stay. A stripped copy that
    would no longer load (see load_segments_aligned) is dropped and the original shipped, as is any file
    strip refuses. PyInstaller's own strip=True strips every binary blindly, which broke NumPy's OpenBLAS.
    """
    strip = shutil.which("strip")
    if strip is None or not sys.platform.startswith("linux"):
        return binaries
    result = []
    for entry in binaries:
        dest, src, kind = entry[0], Path(entry[1]), entry[2]
        if kind not in {"BINARY", "EXTENSION"}:
            result.append(entry)
            continue
        copy = work / "stripped" / _posix(dest)
        if not copy.exists() or copy.stat().st_mtime < src.stat().st_mtime:
            copy.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, copy)
            stripped = subprocess.run([strip, "--strip-unneeded", str(copy)], capture_output=True).returncode == 0
            if not (stripped and copy.stat().st_size < src.stat().st_size and load_segments_aligned(copy)):
                shutil.copy2(src, copy)  # nothing to gain, or it would break: ship it as it is
        result.append((dest, str(copy), kind))
    return result


def prune_qt_translations(datas: list) -> list:
    """Qt's own .qm files only for the languages the app ships (a few MB of the rest otherwise), and
    none for Qt Help, which the app does not use."""
    def other_language(dest: str) -> bool:
        path = _posix(dest)
        match = re.search(r"/translations/([a-z_]+?)_([a-z]{2})(?:_[A-Za-z]{2})?\.qm$", path)
        return (path.startswith("PySide6/") and bool(match)
                and (match.group(2) not in APP_LANGUAGES or match.group(1) == "qt_help"))
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


def qt_stub_modules(installers: Path, excludes: list[str]) -> list[tuple[str, str, str]]:
    """PYZ entries for the stand-in modules of QT_STUBS whose real binding was excluded."""
    return [(name, str(installers / "stubs" / file), "PYMODULE") for name, file in QT_STUBS.items()
            if name in excludes]


# PyInstaller runtime hooks replaced by our own (installers/rthooks/): see each one's docstring.
REPLACED_RUNTIME_HOOKS = {"pyi_rth_pyside6": "pyi_rth_qt_paths.py"}


def runtime_hooks(installers: Path) -> list[str]:
    return [str(installers / "rthooks" / name)
            for name in ("pyi_rth_desktop_agent.py", *REPLACED_RUNTIME_HOOKS.values())]


def drop_replaced_runtime_hooks(scripts: list) -> list:
    return [s for s in scripts if s[0] not in REPLACED_RUNTIME_HOOKS]


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
