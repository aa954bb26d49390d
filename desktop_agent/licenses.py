"""The components Desktop Agent ships with, their licences, and the Qt LGPL notice (for the About dialog).

A frozen build carries `resources/licenses/components.json` and the licence texts beside it, collected at
build time from the installed packages' metadata (installers/build_support.py). From a checkout or a pip
install there is no manifest, and the same list is read live from the metadata of the installed packages.

Each component is a plain dict (JSON-friendly, so the About dialog needs no import from here but the call):
    name           distribution or product name, e.g. "SQLAlchemy", "Qt"
    version        e.g. "2.1.9"
    license        SPDX expression where the package declares one, else its licence words
    homepage       project URL, "" when unknown
    license_files  absolute paths of the licence texts on this machine (read them with license_text())
    notice         extra text shown with the licence ("" for most; the LGPL notice for Qt)
"""

from __future__ import annotations

import json
import platform
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

import desktop_agent
from desktop_agent.paths import resources_dir

if TYPE_CHECKING:  # importlib.metadata costs start-up time; the frozen app reads its manifest instead
    from importlib import metadata

APP_DISTRIBUTION = "desktop-agent"
MANIFEST_NAME = "components.json"
# Written once into resources/licenses/: the Qt wheels carry no licence file, and LGPLv3 section 4
# asks that the LGPL and the GPL it extends travel with the combined work.
LGPL3_TEXT = "LGPL-3.0-only.txt"
GPL3_TEXT = "GPL-3.0-only.txt"
QT_DISTRIBUTIONS = ("PySide6_Essentials", "PySide6", "PySide6_Addons", "shiboken6")

_LICENSE_FILE = re.compile(r"^(licen[cs]e|copying|notice)", re.IGNORECASE)
_REQUIREMENT = re.compile(r"^\s*([A-Za-z0-9][A-Za-z0-9._-]*)\s*(?:\[([^\]]*)\])?")
_EXTRA_IN_MARKER = re.compile(r"""extra\s*==\s*["']([^"']+)["']""")


def licenses_dir() -> Path:
    return resources_dir() / "licenses"


def bundled_components() -> list[dict[str, Any]]:
    """Desktop Agent first, then Qt, Python and every library, sorted by name."""
    manifest = licenses_dir() / MANIFEST_NAME
    if manifest.is_file():
        return read_manifest(manifest)
    return components_from_metadata()


def license_text(component: dict[str, Any]) -> str:
    """The licence texts of one component, each under a header naming its file."""
    parts = []
    for name in component.get("license_files", []):
        path = Path(name)
        try:
            text = path.read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue  # a missing text must not break the About dialog; the licence name is still shown
        parts.append(f"==> {path.name} <==\n{text.strip()}\n")
    return "\n".join(parts) or f"{component.get('name', '?')}: {component.get('license', 'unknown licence')}"


def has_license_text(component: dict[str, Any]) -> bool:
    """Whether any of the component's licence files can be read here."""
    return any(Path(name).is_file() for name in component.get("license_files", []))


def qt_version() -> str:
    """The Qt version PySide6 was built against (PySide6 versions follow Qt's), without importing Qt."""
    from importlib import metadata

    for dist in QT_DISTRIBUTIONS[:3]:
        try:
            return metadata.version(dist)
        except metadata.PackageNotFoundError:
            continue
    manifest = licenses_dir() / MANIFEST_NAME
    if manifest.is_file():
        for component in json.loads(manifest.read_text(encoding="utf-8"))["components"]:
            if component["name"] == "Qt":
                return component["version"]
    return "6"


def qt_lgpl_notice(version: str | None = None) -> str:
    v = version or qt_version()
    series = ".".join(v.split(".")[:2])
    return (
        f"Desktop Agent uses the Qt {v} libraries and Qt for Python (PySide6 {v} with shiboken6) under the "
        "GNU Lesser General Public License version 3 (LGPLv3).\n\n"
        "Qt is shipped unmodified, as separate shared libraries in the PySide6 folder inside the "
        "application's _internal folder. You may replace them with your own build of the same Qt version "
        "to run Desktop Agent with a modified Qt; nothing in Desktop Agent prevents this.\n\n"
        f"The full texts of the LGPLv3 ({LGPL3_TEXT}) and of the GNU General Public License version 3 it "
        f"builds on ({GPL3_TEXT}) are shipped with the application in resources/licenses, and are published "
        "at https://www.gnu.org/licenses/lgpl-3.0.html and https://www.gnu.org/licenses/gpl-3.0.html.\n\n"
        "The complete corresponding source code of this version of Qt is available from "
        f"https://download.qt.io/official_releases/qt/{series}/{v}/ and from the Qt Project's "
        "repositories at https://code.qt.io/cgit/qt/ ; the source of Qt for Python is at "
        "https://download.qt.io/official_releases/QtForPython/ and "
        f"https://code.qt.io/cgit/pyside/pyside-setup.git/ (tag v{v}). If those sources are ever "
        "unavailable, the distributor of your copy of Desktop Agent provides them on request, for at "
        "least three years from the date you received this copy.\n\n"
        "Qt is a registered trademark of The Qt Company Ltd. and its subsidiaries."
    )


# -- reading the metadata of installed packages (checkout, and the build) --------------------------------

def runtime_distributions(root: str = APP_DISTRIBUTION) -> list[metadata.Distribution]:
    """The installed distributions `root` needs at run time: its requirements, followed recursively."""
    from importlib import metadata

    seen: dict[str, metadata.Distribution] = {}
    walked: set[tuple[str, frozenset[str]]] = set()  # a package asked for with new extras needs more
    pending: list[tuple[str, frozenset[str]]] = [(root, frozenset())]
    while pending:
        name, extras = pending.pop()
        if (_canonical(name), extras) in walked:
            continue
        walked.add((_canonical(name), extras))
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue  # a requirement for another platform, or an optional one not installed
        seen[_canonical(dist.metadata["Name"])] = dist
        for requirement in dist.requires or []:
            parsed = _needed_requirement(requirement, extras)
            if parsed:
                pending.append(parsed)
    seen.pop(_canonical(root), None)
    return sorted(seen.values(), key=lambda d: d.metadata["Name"].lower())


def component_from_distribution(dist: metadata.Distribution) -> dict[str, Any]:
    meta = dist.metadata
    return {
        "name": meta["Name"],
        "version": dist.version,
        "license": _license_of(meta),
        "homepage": _homepage_of(meta),
        "license_files": [str(dist.locate_file(f)) for f in distribution_license_files(dist)],
        "notice": "",
    }


def distribution_license_files(dist: metadata.Distribution) -> list[Any]:
    """Licence files inside the distribution's .dist-info folder (incl. its licenses/ subfolder)."""
    found = []
    for f in dist.files or []:
        if f.parts and f.parts[0].endswith(".dist-info") and _LICENSE_FILE.match(f.name):
            found.append(f)
    return sorted(found, key=lambda f: (len(f.parts), str(f)))


def components_from_metadata(extra_distributions: tuple[str, ...] = ()) -> list[dict[str, Any]]:
    from importlib import metadata

    dists = {d.metadata["Name"]: d for d in runtime_distributions()}
    for name in extra_distributions:
        try:
            dist = metadata.distribution(name)
        except metadata.PackageNotFoundError:
            continue
        dists[dist.metadata["Name"]] = dist
    libraries = [component_from_distribution(d) for d in dists.values()]
    lgpl_files = [str(licenses_dir() / LGPL3_TEXT), str(licenses_dir() / GPL3_TEXT)]
    qt = None
    for component in libraries:
        if _canonical(component["name"]) in {_canonical(n) for n in QT_DISTRIBUTIONS}:
            component["license_files"] = component["license_files"] or lgpl_files
            if qt is None:
                qt = {"name": "Qt", "version": component["version"], "license": "LGPL-3.0-only",
                      "homepage": "https://www.qt.io/", "license_files": lgpl_files,
                      "notice": qt_lgpl_notice(component["version"])}
    head = [app_component(), python_component()] + ([qt] if qt else [])
    return head + sorted(libraries, key=lambda c: c["name"].lower())


def app_component() -> dict[str, Any]:
    return {"name": "Desktop Agent", "version": desktop_agent.__version__, "license": "GPL-3.0-or-later",
            "homepage": "", "license_files": [str(licenses_dir() / GPL3_TEXT)], "notice": ""}


def python_component() -> dict[str, Any]:
    return {"name": "Python", "version": platform.python_version(), "license": "PSF-2.0",
            "homepage": "https://www.python.org/",
            "license_files": [str(p) for p in python_license_files()], "notice": ""}


def python_license_files() -> list[Path]:
    """Python's LICENSE.txt: beside the stdlib on POSIX, in the install folder on Windows."""
    base = Path(sys.base_prefix)
    candidates = [base / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}" / "LICENSE.txt",
                  base / "LICENSE.txt", base / "Lib" / "LICENSE.txt"]
    return [p for p in candidates if p.is_file()][:1]


def read_manifest(manifest: Path) -> list[dict[str, Any]]:
    """Components from a build's manifest; its licence paths are relative to the manifest's folder."""
    data = json.loads(manifest.read_text(encoding="utf-8"))
    base = manifest.parent
    components = []
    for component in data["components"]:
        files = [str(base.joinpath(*rel.split("/"))) for rel in component.get("license_files", [])]
        components.append({**component, "license_files": files})
    return components


def _needed_requirement(requirement: str, extras: frozenset[str]) -> tuple[str, frozenset[str]] | None:
    text, _, marker = requirement.partition(";")
    match = _REQUIREMENT.match(text)
    if not match:
        return None
    if marker.strip() and not _marker_holds(marker, extras):
        return None
    wanted = frozenset(e.strip() for e in (match.group(2) or "").split(",") if e.strip())
    return match.group(1), wanted


def _marker_holds(marker: str, extras: frozenset[str]) -> bool:
    try:
        from packaging.markers import Marker  # exact, where packaging is installed (always at build time)
    except ImportError:
        wanted = set(_EXTRA_IN_MARKER.findall(marker))
        return not wanted or bool(wanted & extras)
    parsed = Marker(marker.strip())
    return any(parsed.evaluate({"extra": e}) for e in (extras or {""}))


def _license_of(meta: Any) -> str:
    expression = meta.get("License-Expression")
    if expression:
        return expression.strip()
    declared = (meta.get("License") or "").strip()
    if declared and "\n" not in declared and len(declared) <= 200:
        return declared
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::") and c.split("::")[-1].strip() != "OSI Approved"]
    return " / ".join(classifiers) or "see the licence text"


def _homepage_of(meta: Any) -> str:
    if meta.get("Home-page"):
        return meta["Home-page"]
    urls = {}
    for entry in meta.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        urls[label.strip().lower()] = url.strip()
    for label in ("homepage", "home", "source", "source code", "repository", "documentation"):
        if urls.get(label):
            return urls[label]
    return next(iter(urls.values()), "")


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()
