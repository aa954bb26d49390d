"""Help ▸ About: version, where the data lives, and the licences of the parts we ship.

The components and their licence texts come from desktop_agent.licenses.bundled_components(): in the
installed app from the manifest the build wrote (resources/licenses/components.json, with the versions
that were frozen), in a checkout from the installed packages' metadata. Both are read only when the
dialog opens, never at start-up.

Qt for Python is used under the GNU LGPL v3; the notice below and the full licence text (from
resources/licenses) are part of meeting its terms, together with the right to swap the Qt
libraries for one's own build.
"""

from __future__ import annotations

import html
import platform
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, qVersion
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

import desktop_agent
from desktop_agent import licenses, paths
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.shell.about_info import AboutInfo
from desktop_agent.ui.shell.theme import app_icon

QT_NOTICE = QT_TRANSLATE_NOOP(
    "AboutDialog",
    "This program uses Qt %1 through Qt for Python (PySide6) %2, used under the GNU Lesser General "
    "Public License version 3 (LGPL-3.0). Qt is a product of The Qt Company Ltd and its contributors. "
    "You may replace the Qt and PySide6 libraries shipped with this program by your own, modified "
    "builds of compatible versions; the installed program loads them from its own folder. "
    "The source code of Qt and Qt for Python is available from the Qt Project (https://download.qt.io) "
    "and on request. The full text of the LGPL-3.0 is included below.",
)


def component_rows(components: list[dict]) -> list[tuple[str, str, str]]:
    """(name, version, licence) of each component, "–" where the source did not say."""
    return [(c.get("name", ""), c.get("version", "") or "–", c.get("license", "") or "–") for c in components]


def component_versions() -> list[tuple[str, str, str]]:
    """(name, version, licence) of every bundled component: from the manifest the frozen build writes,
    else from the installed packages' metadata (desktop_agent.licenses)."""
    return component_rows(licenses.bundled_components())


def _licence_text(name: str) -> str:
    path: Path = paths.resources_dir() / "licenses" / name
    try:
        return path.read_text(encoding="utf-8")
    except OSError:
        return ""


class AboutDialog(QDialog):
    def __init__(self, info: AboutInfo, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("aboutDialog")
        self.setWindowTitle(self.tr("About Desktop Agent"))
        self.setWindowIcon(app_icon())
        self.resize(720, 560)
        tabs = QTabWidget()
        tabs.addTab(self._about_tab(info), self.tr("About"))
        tabs.addTab(self._components_tab(), self.tr("Components"))
        tabs.addTab(self._qt_tab(), self.tr("Qt licence"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        about_qt = buttons.addButton(self.tr("About Qt"), QDialogButtonBox.ButtonRole.HelpRole)
        about_qt.clicked.connect(lambda: QMessageBox.aboutQt(self))
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(tabs)
        layout.addWidget(buttons)

    def _about_tab(self, info: AboutInfo) -> QWidget:
        version = desktop_agent.__version__
        rows = (
            (self.tr("Version"), version),
            (self.tr("Database"), info.database),
            (self.tr("Telephony"), info.backend),
            (self.tr("Settings file"), info.settings_file),
            (self.tr("Python"), f"{platform.python_version()} ({sys.platform})"),
            (self.tr("Qt / PySide6"), f"{qVersion()} / {PySide6.__version__}"),
        )
        table = "".join(f"<tr><td style='padding:2px 12px 2px 0'><b>{html.escape(k)}</b></td>"
                        f"<td>{html.escape(v)}</td></tr>" for k, v in rows)
        purpose = self.tr("One window for call-centre operators: screen-pop, tickets, templates, "
                          "the de-escalation checklist and call control.")
        licence = self.tr("This program is free software under the GNU General Public License, version 3 "
                          "or later, and comes with ABSOLUTELY NO WARRANTY. See the Components tab for the "
                          "licences of the parts it is built from.")
        text = (f"<h2>Desktop Agent {html.escape(version)}</h2><p>{html.escape(purpose)}</p>"
                f"<table>{table}</table><p>{html.escape(licence)}</p>")
        label = QLabel(text)
        label.setObjectName("aboutText")
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        page = QWidget()
        QVBoxLayout(page).addWidget(label)
        page.layout().addStretch(1)
        return page

    def _components_tab(self) -> QWidget:
        """The components in a table; the licence texts of the selected one below it."""
        components = licenses.bundled_components()
        rows = component_rows(components)
        table = QTableWidget(len(rows), 3)
        table.setObjectName("componentsTable")
        table.setHorizontalHeaderLabels([self.tr("Component"), self.tr("Version"), self.tr("Licence")])
        for r, values in enumerate(rows):
            for c, value in enumerate(values):
                table.setItem(r, c, QTableWidgetItem(value))
        table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        table.verticalHeader().hide()
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        text = QPlainTextEdit()
        text.setObjectName("componentLicence")
        text.setReadOnly(True)
        text.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)  # licence texts are laid out by hand

        def show_licence() -> None:
            row = table.currentRow()
            if not 0 <= row < len(components):
                text.clear()
            elif licenses.has_license_text(components[row]):
                text.setPlainText(licenses.license_text(components[row]))
            else:
                text.setPlainText(fill(self.tr("No licence text of this component is included. Its licence: %1"),
                                       components[row].get("license") or "–"))

        table.itemSelectionChanged.connect(show_licence)
        if components:
            table.selectRow(0)
        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(table)
        splitter.addWidget(text)
        return splitter

    def _qt_tab(self) -> QWidget:
        notice = QLabel(fill(QCoreApplication.translate("AboutDialog", QT_NOTICE), qVersion(), PySide6.__version__))
        notice.setObjectName("qtNotice")
        notice.setWordWrap(True)
        full = QPlainTextEdit(_licence_text("LGPL-3.0-only.txt") or self.tr("The licence text is missing from "
                                                                            "this installation."))
        full.setReadOnly(True)
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.addWidget(notice)
        layout.addWidget(full, 1)
        return page

