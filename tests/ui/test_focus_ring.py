"""The theme marks the widget that has the keyboard, whatever kind it is, on both themes: an operator
who works by keyboard always sees where the keys go. Fusion alone frames a focused line edit only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QGridLayout,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTextEdit,
    QTreeWidget,
    QWidget,
)

from desktop_agent.ui.shell.focus_ring import RING_WIDTH, FocusRing, install_focus_rings
from desktop_agent.ui.shell.theme import apply_theme

pytestmark = pytest.mark.gui

KINDS = ("list", "tree", "table", "plain_text", "rich_text", "combo", "button", "check_box", "line_edit")


@pytest.fixture(params=["light", "dark"])
def panel(request, qapp, qtbot):
    apply_theme(qapp, request.param)
    page = QWidget()
    combo = QComboBox()
    combo.addItems(["Обычный", "Высокий"])
    table = QTableWidget(3, 2)
    tree = QTreeWidget()
    widgets = {"list": QListWidget(), "tree": tree, "table": table, "plain_text": QPlainTextEdit("текст"),
               "rich_text": QTextEdit(), "combo": combo, "button": QPushButton("Вставить в заявку"),
               "check_box": QCheckBox("Перейти в «Готов»"), "line_edit": QLineEdit("поиск")}
    widgets["list"].addItems(["1  Решено", "2  Информация"])
    grid = QGridLayout(page)
    for i, widget in enumerate(widgets.values()):
        grid.addWidget(widget, i // 3, i % 3)
    qtbot.addWidget(page)
    page.resize(900, 480)
    page.show()
    page.activateWindow()
    assert QTest.qWaitForWindowActive(page)
    yield page, widgets
    apply_theme(qapp, "light")


def edge_colour(page: QWidget, widget: QWidget) -> QColor:
    """The colour at the middle of the widget's left edge, as the window shows it."""
    image = page.grab().toImage()
    at = widget.mapTo(page, QPoint(0, widget.height() // 2))
    if isinstance(widget, QCheckBox):  # its frame is drawn just around it
        at -= QPoint(3, 0)
    return image.pixelColor(at)


@pytest.mark.parametrize("kind", KINDS)
def test_every_kind_of_widget_shows_that_it_has_the_keyboard(panel, kind, qtbot):
    page, widgets = panel
    widget = widgets[kind]
    accent = widget.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight)
    other = widgets["line_edit" if kind != "line_edit" else "list"]
    other.setFocus(Qt.FocusReason.ShortcutFocusReason)  # F2, F4, Ctrl+F...: not only after Tab
    qtbot.waitUntil(other.hasFocus)
    assert edge_colour(page, widget) != accent
    size = widget.size()

    widget.setFocus(Qt.FocusReason.ShortcutFocusReason)
    qtbot.waitUntil(widget.hasFocus)
    assert edge_colour(page, widget) == accent
    assert widget.size() == size  # the frame takes no room: nothing moves when the focus does
    rings = [r for r in page.findChildren(FocusRing) if r.isVisible()]  # the one before is gone
    assert len(rings) == 1 and rings[0].target is widget


def test_the_ring_follows_the_focus_and_goes_with_its_widget(panel, qtbot):
    page, widgets = panel
    for kind in ("list", "button", "check_box", "combo"):
        widgets[kind].setFocus(Qt.FocusReason.TabFocusReason)
        qtbot.waitUntil(lambda k=kind: widgets[k].hasFocus())
        visible = [r for r in page.findChildren(FocusRing) if r.isVisible()]
        assert [r.target for r in visible] == [widgets[kind]]
    box = widgets["check_box"]
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    box.deleteLater()  # its frame is a sibling: it must not stay behind on screen
    qtbot.waitUntil(lambda: not [r for r in page.findChildren(FocusRing) if r.isVisible()])


def test_a_combo_boxs_open_list_has_no_ring(panel, qtbot):
    page, widgets = panel
    combo = widgets["combo"]
    combo.setFocus()
    qtbot.waitUntil(combo.hasFocus)
    combo.showPopup()
    qtbot.waitUntil(lambda: combo.view().isVisible())
    assert not combo.view().findChildren(FocusRing)
    combo.hidePopup()


def test_installed_once_per_application(qapp):
    assert install_focus_rings(qapp) is install_focus_rings(qapp)
    assert RING_WIDTH >= 2  # clearly visible: twice Fusion's own line-edit frame
