"""The About dialog's data: every bundled component with its licence text, and the Qt LGPL notice."""

from __future__ import annotations

import json

from desktop_agent import __version__, licenses


def by_name(components):
    return {c["name"]: c for c in components}


def test_components_from_the_installed_packages():
    components = licenses.bundled_components()
    names = by_name(components)
    assert components[0]["name"] == "Desktop Agent" and components[0]["version"] == __version__
    assert components[0]["license"] == "GPL-3.0-or-later"
    for needed in ("Python", "Qt", "PySide6_Essentials", "shiboken6", "SQLAlchemy", "alembic", "pyqtgraph",
                   "psycopg", "keyring", "platformdirs", "numpy", "PyYAML", "phonenumbers", "qasync"):
        assert needed in names, needed
    # Test-only and build-only packages are not shipped with the app.
    for absent in ("pytest", "ruff", "import-linter", "pyinstaller", "keyrings.alt", "desktop-agent"):
        assert absent not in names, absent
    assert names["SQLAlchemy"]["license"] == "MIT"
    assert names["psycopg"]["license"] == "LGPL-3.0-only"
    for component in components:
        assert set(component) == {"name", "version", "license", "homepage", "license_files", "notice"}
        assert component["license_files"], component["name"]


def test_every_licence_text_is_readable():
    for component in licenses.bundled_components():
        text = licenses.license_text(component)
        assert text.startswith("==> "), component["name"]
        assert len(text) > 200, component["name"]
    qt = by_name(licenses.bundled_components())["Qt"]
    text = licenses.license_text(qt)
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in text and "GNU GENERAL PUBLIC LICENSE" in text


def test_qt_lgpl_notice_names_the_licence_and_the_source():
    notice = licenses.qt_lgpl_notice("6.12.0")
    assert "LGPLv3" in notice and "Lesser General Public License version 3" in notice
    assert "https://download.qt.io/official_releases/qt/6.12/6.12.0/" in notice
    assert "pyside-setup" in notice and "tag v6.12.0" in notice
    assert licenses.LGPL3_TEXT in notice and licenses.GPL3_TEXT in notice
    assert licenses.qt_version() == by_name(licenses.bundled_components())["Qt"]["version"]
    assert by_name(licenses.bundled_components())["Qt"]["notice"] == licenses.qt_lgpl_notice()


def test_a_build_manifest_is_preferred_and_resolved(monkeypatch, tmp_path):
    lic = tmp_path / "resources" / "licenses"
    (lic / "Foo").mkdir(parents=True)
    (lic / "Foo" / "LICENSE").write_text("Foo licence " * 40, encoding="utf-8")
    manifest = {"components": [{"name": "Foo", "version": "1.0", "license": "MIT", "homepage": "",
                                "license_files": ["Foo/LICENSE"], "notice": ""}]}
    (lic / licenses.MANIFEST_NAME).write_text(json.dumps(manifest), encoding="utf-8")
    monkeypatch.setenv("DESKTOP_AGENT_RESOURCES", str(tmp_path / "resources"))
    [foo] = licenses.bundled_components()
    assert foo["license_files"] == [str(lic / "Foo" / "LICENSE")]
    assert "Foo licence" in licenses.license_text(foo)


def test_a_missing_text_does_not_break_the_dialog():
    text = licenses.license_text({"name": "Gone", "license": "MIT", "license_files": ["/nonexistent/LICENSE"]})
    assert text == "Gone: MIT"


def test_requirement_markers():
    needed = licenses._needed_requirement
    assert needed("psycopg[binary]>=3.1", frozenset()) == ("psycopg", frozenset({"binary"}))
    assert needed("pytest>=8; extra == 'test'", frozenset()) is None
    assert needed("psycopg-binary==3.3.9; implementation_name != 'pypy' and extra == 'binary'",
                  frozenset({"binary"})) == ("psycopg-binary", frozenset())
    assert needed("pywin32-ctypes>=0.2.0; sys_platform == 'win32'", frozenset()) == (
        ("pywin32-ctypes", frozenset()) if __import__("sys").platform == "win32" else None)
