"""The About dialog lists the bundled components with their versions and licence texts.

The installed (frozen) app has no package metadata: the dialog must take the versions from the manifest
the build writes (resources/licenses/components.json), never show "–" for them, and keep the Qt LGPL notice.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pytest

import desktop_agent
from desktop_agent import licenses, paths
from desktop_agent.ui.shell.about_dialog import AboutDialog, AboutInfo

pytestmark = pytest.mark.gui

INFO = AboutInfo(database="/home/op/.local/share/desktop-agent/desktop-agent.sqlite3", backend="simulator",
                 settings_file="/home/op/.config/desktop-agent/settings.json")


def table_rows(dialog: AboutDialog) -> list[tuple[str, str, str]]:
    table = dialog.findChild(object, "componentsTable")
    return [tuple(table.item(r, c).text() for c in range(3)) for r in range(table.rowCount())]


@pytest.fixture
def frozen_resources(tmp_path, monkeypatch):
    """A resources/ folder laid out as the build lays it out: manifest, licence texts, the LGPL."""
    checkout = paths.resources_dir() / "licenses"
    lic = tmp_path / "resources" / "licenses"
    (lic / "SQLAlchemy").mkdir(parents=True)
    (lic / "SQLAlchemy" / "LICENSE").write_text("Copyright 2005-2026 the SQLAlchemy authors\n" * 5, "utf-8")
    for name in (licenses.LGPL3_TEXT, licenses.GPL3_TEXT):
        shutil.copyfile(checkout / name, lic / name)
    components = [
        {"name": "Desktop Agent", "version": "9.8.7", "license": "GPL-3.0-or-later", "homepage": "",
         "license_files": [licenses.GPL3_TEXT], "notice": ""},
        {"name": "Qt", "version": "6.11.3", "license": "LGPL-3.0-only", "homepage": "https://www.qt.io/",
         "license_files": [licenses.LGPL3_TEXT, licenses.GPL3_TEXT], "notice": licenses.qt_lgpl_notice("6.11.3")},
        {"name": "SQLAlchemy", "version": "2.1.9", "license": "MIT", "homepage": "",
         "license_files": ["SQLAlchemy/LICENSE"], "notice": ""},
        {"name": "NoVersion", "version": "", "license": "", "homepage": "", "license_files": [], "notice": ""},
    ]
    (lic / licenses.MANIFEST_NAME).write_text(json.dumps({"components": components}), encoding="utf-8")
    monkeypatch.setenv("DESKTOP_AGENT_RESOURCES", str(tmp_path / "resources"))
    return components


def test_versions_come_from_the_build_manifest(qtbot, frozen_resources):
    dialog = AboutDialog(INFO)
    qtbot.addWidget(dialog)
    assert table_rows(dialog) == [("Desktop Agent", "9.8.7", "GPL-3.0-or-later"),
                                  ("Qt", "6.11.3", "LGPL-3.0-only"),
                                  ("SQLAlchemy", "2.1.9", "MIT"),
                                  ("NoVersion", "–", "–")]
    licence = dialog.findChild(object, "componentLicence")
    assert "GNU GENERAL PUBLIC LICENSE" in licence.toPlainText()  # the first row is selected at once
    table = dialog.findChild(object, "componentsTable")
    table.selectRow(2)
    assert "the SQLAlchemy authors" in licence.toPlainText()
    table.selectRow(3)
    assert licence.toPlainText().endswith("Its licence: –")  # nothing to show, and no crash
    notice = dialog.findChild(object, "qtNotice").text()
    assert "Lesser General Public License" in notice and "Qt" in notice
    full = [w for w in dialog.findChildren(object) if w.objectName() != "componentLicence"
            and type(w).__name__ == "QPlainTextEdit"]
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in full[0].toPlainText()


def test_from_a_checkout_every_component_has_its_installed_version(qtbot, monkeypatch):
    monkeypatch.delenv("DESKTOP_AGENT_RESOURCES", raising=False)
    dialog = AboutDialog(INFO)
    qtbot.addWidget(dialog)
    rows = {name: (version, licence) for name, version, licence in table_rows(dialog)}
    assert rows["Desktop Agent"][0] == desktop_agent.__version__
    assert rows["SQLAlchemy"][0] == __import__("sqlalchemy").__version__
    assert rows["numpy"][0] == __import__("numpy").__version__
    assert not [name for name, (version, _) in rows.items() if version == "–"]
    about = dialog.findChild(object, "aboutText").text()
    assert desktop_agent.__version__ in about and "desktop-agent.sqlite3" in about


def test_the_dialog_costs_the_start_nothing():
    """main_window imports the dialog at start: reading package metadata must wait until it opens."""
    code = ("import sys, desktop_agent.ui.shell.about_dialog; "
            "print('importlib.metadata' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                          env={**__import__("os").environ, "QT_QPA_PLATFORM": "offscreen"})
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "False"
