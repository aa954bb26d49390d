"""Enter on the number pad (Key_Enter with KeypadModifier) does what Return does, in every list and
dialog of the operator window that acts on Enter: the disposition list, the DTMF keypad, the
ticket dialogs and the F1 overlay. (The caller card's lists and the checklist's steps and phrases
are tested with their panes.)"""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow

from desktop_agent.core.dto import TicketDTO
from desktop_agent.ui.call.dtmf_pad import DtmfPad
from desktop_agent.ui.call.wrapup import DispositionList
from desktop_agent.ui.shell.actions import ActionRegistry, ActionSpec
from desktop_agent.ui.shell.help_overlay import HelpOverlay
from desktop_agent.ui.ticket.dialogs import EscalationDialog, LinkTicketDialog

pytestmark = pytest.mark.gui

NO = Qt.KeyboardModifier.NoModifier
PAD = Qt.KeyboardModifier.KeypadModifier
CTRL = Qt.KeyboardModifier.ControlModifier
ENTER_KEYS = pytest.mark.parametrize(("key", "modifier"), [(Qt.Key.Key_Return, NO), (Qt.Key.Key_Enter, PAD)],
                                     ids=["return", "keypad-enter"])


def shown(qtbot, widget):
    qtbot.addWidget(widget)
    widget.show()
    widget.activateWindow()
    return widget


@ENTER_KEYS
def test_enter_picks_the_highlighted_disposition(qtbot, key, modifier):
    dispositions = shown(qtbot, DispositionList(objectName="dispositionList"))
    dispositions.addItems(["1  Решено в ходе звонка", "2  Предоставлена информация", "3  Создана заявка"])
    dispositions.setFocus()
    # what the list does when it gets the focus: the first row is highlighted, nothing is chosen
    dispositions.setCurrentRow(1, QItemSelectionModel.SelectionFlag.NoUpdate)
    assert dispositions.selectedItems() == []
    QTest.keyClick(dispositions, key, modifier)
    assert [i.text() for i in dispositions.selectedItems()] == ["2  Предоставлена информация"]
    QTest.keyClick(dispositions, Qt.Key.Key_3, modifier)  # digits of the number pad pick too
    assert [i.text() for i in dispositions.selectedItems()] == ["3  Создана заявка"]
    QTest.keyClick(dispositions, key, modifier)  # Enter again keeps the choice
    assert [i.text() for i in dispositions.selectedItems()] == ["3  Создана заявка"]


def test_ctrl_enter_is_not_a_disposition_pick(qtbot):
    dispositions = shown(qtbot, DispositionList())
    dispositions.addItems(["1  A", "2  B"])
    dispositions.setFocus()
    dispositions.setCurrentRow(0, QItemSelectionModel.SelectionFlag.NoUpdate)
    QTest.keyClick(dispositions, Qt.Key.Key_Enter, CTRL | PAD)  # Ctrl+Enter is Answer, not "pick"
    assert dispositions.selectedItems() == []


@ENTER_KEYS
def test_the_keypad_sends_number_pad_keys_and_enter_sends_nothing(qtbot, key, modifier):
    sent: list[str] = []
    pad = shown(qtbot, DtmfPad(lambda k: sent.append(k) or True))
    for digit in (Qt.Key.Key_4, Qt.Key.Key_2, Qt.Key.Key_Asterisk):
        QTest.keyClick(pad, digit, PAD)
    QTest.keyClick(pad, key, modifier)
    assert sent == ["4", "2", "*"] and pad.display.text() == "42*"
    assert pad.isVisible()  # the digits sent stay readable; Esc closes
    QTest.keyClick(pad, Qt.Key.Key_Escape)
    assert not pad.isVisible()


@pytest.mark.parametrize("modifier", [NO, PAD], ids=["return", "keypad-enter"])
def test_escalation_reason_takes_enter_as_a_new_line_and_ctrl_enter_escalates(qtbot, modifier):
    key = Qt.Key.Key_Return if modifier == NO else Qt.Key.Key_Enter
    dialog = shown(qtbot, EscalationDialog("T-000042", "L1", "L2"))
    accepted: list[str] = []
    dialog.accepted.connect(lambda: accepted.append(dialog.text()))
    dialog.reason.setFocus()
    QTest.keyClick(dialog.reason, key, CTRL | modifier)  # no reason yet: refused, the dialog stays
    assert accepted == [] and dialog.isVisible()
    QTest.keyClicks(dialog.reason, "Router reset")
    QTest.keyClick(dialog.reason, key, modifier)
    QTest.keyClicks(dialog.reason, "did not help")
    assert dialog.reason.toPlainText() == "Router reset\ndid not help" and dialog.isVisible()
    QTest.keyClick(dialog.reason, key, CTRL | modifier)
    assert accepted == ["Router reset\ndid not help"] and not dialog.isVisible()


def _ticket(number: str, subject: str) -> TicketDTO:
    now = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)
    return TicketDTO(uuid.uuid4(), number, uuid.uuid4(), subject, "", "technical", "normal", "open", "L1", None,
                     now, now, now + timedelta(hours=24), 1)


@ENTER_KEYS
def test_link_dialog_links_the_highlighted_ticket_on_enter(qtbot, key, modifier):
    tickets = [_ticket("T-1", "Не работает интернет"), _ticket("T-2", "Двойное списание")]
    dialog = shown(qtbot, LinkTicketDialog(tickets, "Смирнов Пётр", None))
    accepted: list[TicketDTO] = []
    dialog.accepted.connect(lambda: accepted.append(dialog.chosen()))
    dialog.table.setFocus()
    QTest.keyClick(dialog.table, Qt.Key.Key_Down)
    QTest.keyClick(dialog.table, key, modifier)
    assert [t.number for t in accepted] == ["T-2"] and not dialog.isVisible()


@ENTER_KEYS
def test_enter_closes_the_shortcut_overlay(qtbot, key, modifier):
    window = shown(qtbot, QMainWindow())
    window.resize(1366, 768)
    assert QTest.qWaitForWindowActive(window)
    registry = ActionRegistry(window)
    registry.add(ActionSpec("help.test", "Keyboard shortcuts", ("F1",), "Help"))
    overlay = HelpOverlay(registry, window)
    overlay.open()
    assert overlay.isVisible() and overlay.hasFocus()
    QTest.keyClick(overlay, key, modifier)
    assert not overlay.isVisible()
