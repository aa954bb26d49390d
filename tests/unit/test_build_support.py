"""The spec's trimming rules (installers/build_support.py), on PyInstaller-style TOC entries."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def bs():
    sys.path.insert(0, str(ROOT / "installers"))
    try:
        import build_support
    finally:
        sys.path.remove(str(ROOT / "installers"))
    return build_support


def test_unused_qt_plugins_on_linux_and_windows(bs):
    assert bs._unused_qt_plugin("PySide6/Qt/plugins/platformthemes/libqgtk3.so")
    assert bs._unused_qt_plugin("PySide6/Qt/plugins/platforms/libqeglfs.so")
    assert bs._unused_qt_plugin("PySide6\\plugins\\imageformats\\qtiff.dll")
    for needed in ("PySide6/Qt/plugins/platforms/libqxcb.so", "PySide6/Qt/plugins/platforms/libqwayland.so",
                   "PySide6/Qt/plugins/platforms/libqoffscreen.so", "PySide6\\plugins\\platforms\\qwindows.dll",
                   "PySide6/Qt/plugins/imageformats/libqsvg.so", "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
                   "PySide6/Qt/plugins/platformthemes/libqxdgdesktopportal.so", "numpy/plugins/x.so"):
        assert not bs._unused_qt_plugin(needed), needed


def test_qt_translations_only_for_the_apps_languages(bs):
    datas = [(d, "src", "DATA") for d in (
        "PySide6/Qt/translations/qtbase_ru.qm", "PySide6/Qt/translations/qt_en.qm",
        "PySide6/Qt/translations/qt_de.qm", "PySide6\\translations\\qt_zh_CN.qm",
        "PySide6/Qt/translations/qt_help_ru.qm", "resources/i18n/desktop_agent_de.qm")]
    kept = [d[0] for d in bs.prune_qt_translations(datas)]
    # Qt Help's translations go too: the app has no Qt Help viewer
    assert kept == ["PySide6/Qt/translations/qtbase_ru.qm", "PySide6/Qt/translations/qt_en.qm",
                    "resources/i18n/desktop_agent_de.qm"]


def test_faker_keeps_asked_locales_their_imports_and_fallbacks(bs, tmp_path):
    faker = tmp_path / "faker" / "providers"

    def module(name: str, text: str = "") -> tuple[str, str, str]:
        parts = name.split(".")
        path = tmp_path.joinpath(*parts, "__init__.py")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        return (name, str(path), "PYMODULE")

    app = tmp_path / "app"
    app.mkdir()
    (app / "seed.py").write_text('ru = Faker("ru_RU")\n', encoding="utf-8")
    pure = [module("faker.providers.bank", 'default_locale = "en_GB"\n'),
            module("faker.providers.bank.en_GB"), module("faker.providers.bank.de_DE"),
            module("faker.providers.person"), module("faker.providers.person.ru_RU", "from ..uk_UA import X\n"),
            module("faker.providers.person.uk_UA"),
            module("faker.providers.person.en"), module("faker.providers.person.fr_FR"),
            module("faker.providers.person.en_US", "from ..en import X\n")]
    datas = [("faker/providers/person/fr_FR/__init__.py", "x", "DATA"),
             ("faker/providers/person/ru_RU/__init__.py", "x", "DATA")]
    kept_pure, kept_datas = bs.prune_faker_locales(pure, datas, app)
    assert sorted(m[0] for m in kept_pure) == [
        "faker.providers.bank", "faker.providers.bank.en_GB", "faker.providers.person",
        "faker.providers.person.en", "faker.providers.person.en_US", "faker.providers.person.ru_RU",
        "faker.providers.person.uk_UA"]
    assert [d[0] for d in kept_datas] == ["faker/providers/person/ru_RU/__init__.py"]
    assert faker.is_dir()


def test_qt_excludes_keep_what_the_source_imports(bs, tmp_path):
    (tmp_path / "a.py").write_text("from PySide6.QtNetwork import QTcpSocket\nfrom PySide6 import (QtCore,\n"
                                   "    QtSql)\n", encoding="utf-8")
    excluded = bs.qt_excludes(tmp_path)
    assert "PySide6.QtNetwork" not in excluded and "PySide6.QtSql" not in excluded
    assert "PySide6.QtWidgets" not in excluded and "PySide6.QtSvg" not in excluded
    assert "PySide6.QtQml" in excluded and "PySide6.QtQuick" in excluded


def test_migration_imports_are_found_without_importing(bs):
    names = bs.migration_imports(ROOT / "desktop_agent" / "store" / "migrations")
    assert {"alembic.op", "alembic.context", "sqlalchemy", "desktop_agent.store.models"} <= set(names)
    assert "sqlalchemy.engine_from_config" not in names  # a function, not a module


def test_ico_container_holds_every_size():
    sys.path.insert(0, str(ROOT / "installers"))
    try:
        from render_icons import ico_from_pngs
    finally:
        sys.path.remove(str(ROOT / "installers"))
    blob = ico_from_pngs([(16, b"\x89PNG-a"), (256, b"\x89PNG-bb")])
    assert blob[:6] == b"\x00\x00\x01\x00\x02\x00"
    # entry 2: width/height 0 means 256; size 7 bytes at offset 6 + 2*16 + 6
    assert blob[6 + 16:6 + 18] == b"\x00\x00"
    assert blob[6 + 2 * 16:] == b"\x89PNG-a\x89PNG-bb"
