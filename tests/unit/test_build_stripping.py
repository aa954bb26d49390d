"""installers/build_support.py without a build: stripping that keeps every library loadable, and the
pruning of what the app never reads. The frozen app itself is tested in test_frozen_app.py (slow)."""

from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "installers"))
import build_support  # noqa: E402

linux_strip = pytest.mark.skipif(not sys.platform.startswith("linux") or shutil.which("strip") is None,
                                 reason="ELF stripping happens on Linux builds only")


def openblas() -> Path:
    import numpy

    found = sorted((Path(numpy.__file__).parent.parent / "numpy.libs").glob("libscipy_openblas*.so"))
    if not found:
        pytest.skip("this NumPy wheel carries no OpenBLAS of its own")
    return found[0]


def yaml_extension() -> Path:
    import yaml._yaml

    return Path(yaml._yaml.__file__)


@linux_strip
def test_a_stripped_openblas_would_not_load_and_is_caught(tmp_path):
    original = openblas()
    assert build_support.load_segments_aligned(original)
    stripped = tmp_path / original.name
    subprocess.run(["strip", "--strip-unneeded", "-o", str(stripped), str(original)], check=True)
    assert not build_support.load_segments_aligned(stripped)  # "ELF load command ... not page-aligned"


@linux_strip
def test_strip_binaries_strips_extensions_and_keeps_what_would_break(tmp_path):
    blas, ext = openblas(), yaml_extension()
    data = tmp_path / "notes.txt"
    data.write_text("data", encoding="utf-8")
    toc = [(f"numpy.libs/{blas.name}", str(blas), "BINARY"), (f"yaml/{ext.name}", str(ext), "EXTENSION"),
           ("notes.txt", str(data), "DATA"), (blas.name, f"numpy.libs/{blas.name}", "SYMLINK")]
    out = build_support.strip_binaries(toc, tmp_path / "work")
    assert [entry[0] for entry in out] == [entry[0] for entry in toc]
    shipped_blas, shipped_ext = Path(out[0][1]), Path(out[1][1])
    assert shipped_blas.read_bytes() == blas.read_bytes()  # shipped as it is
    assert shipped_ext.stat().st_size < ext.stat().st_size / 2  # PyYAML's extension carries debug info
    assert build_support.load_segments_aligned(shipped_ext)
    assert out[2:] == toc[2:]
    # The stripped copy is a module Python can still import.
    spec = importlib.util.spec_from_file_location("yaml._yaml", shipped_ext)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.CParser


def test_only_the_apps_languages_of_qt_translations_stay():
    names = ["qtbase_ru.qm", "qt_ru.qm", "qtbase_en.qm", "qt_help_ru.qm", "qtbase_de.qm", "qt_zh_TW.qm",
             "qtmultimedia_fr.qm"]
    datas = [(f"PySide6/Qt/translations/{n}", f"/src/{n}", "DATA") for n in names]
    datas.append(("resources/i18n/desktop_agent_ru.qm", "/src/desktop_agent_ru.qm", "DATA"))
    kept = [Path(d[0]).name for d in build_support.prune_qt_translations(datas)]
    assert kept == ["qtbase_ru.qm", "qt_ru.qm", "qtbase_en.qm", "desktop_agent_ru.qm"]


def test_unused_package_data_and_dangling_links_go():
    datas = [("pyqtgraph/icons/peegee/peegee_512px.png", "/s/a", "DATA"), ("pyqtgraph/icons/auto.png", "/s/b", "DATA"),
             ("pyqtgraph/colors/maps/CET-L1.csv", "/s/c", "DATA"), ("resources/icons/app.svg", "/s/d", "DATA"),
             ("desktop_agent-0.1.0.dist-info/METADATA", "/s/e", "DATA")]
    assert [d[0] for d in build_support.prune_unused_data(datas)] == [
        "pyqtgraph/icons/auto.png", "resources/icons/app.svg"]
    binaries = [("PySide6/Qt/lib/libQt6Core.so.6", "/s/core", "BINARY"),
                ("libQt6Core.so.6", "PySide6/Qt/lib/libQt6Core.so.6", "SYMLINK"),
                ("libQt6Network.so.6", "PySide6/Qt/lib/libQt6Network.so.6", "SYMLINK")]
    links = [("libQt6Pdf.so.6", "PySide6/Qt/lib/libQt6Pdf.so.6", "SYMLINK")]
    kept, kept_links = build_support.drop_dangling_symlinks(binaries, links)
    assert kept == binaries[:2] and kept_links == []


def test_the_qtopengl_stand_in_explains_itself():
    installers = ROOT / "installers"
    assert build_support.qt_stub_modules(installers, ["PySide6.QtQml"]) == []
    [(name, path, kind)] = build_support.qt_stub_modules(installers, ["PySide6.QtOpenGL"])
    assert (name, kind) == ("PySide6.QtOpenGL", "PYMODULE")
    spec = importlib.util.spec_from_file_location("qtopengl_stand_in", path)
    stub = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(stub)
    with pytest.raises(AttributeError, match="not part of this build"):
        stub.QOpenGLBuffer  # noqa: B018
    assert not hasattr(stub, "QOpenGLVertexArrayObject")


def test_the_replaced_pyside6_hook_is_dropped_and_ours_listed():
    scripts = [("pyi_rth_pyside6", "/x/pyi_rth_pyside6.py", "PYSOURCE"),
               ("pyi_rth_inspect", "/x/pyi_rth_inspect.py", "PYSOURCE"), ("launcher", "/x/launcher.py", "PYSOURCE")]
    assert [s[0] for s in build_support.drop_replaced_runtime_hooks(scripts)] == ["pyi_rth_inspect", "launcher"]
    hooks = build_support.runtime_hooks(ROOT / "installers")
    assert all(Path(h).is_file() for h in hooks) and any(h.endswith("pyi_rth_qt_paths.py") for h in hooks)
