"""Merge never drops the other side's text silently (issue 12, point 3).

Two desks on one seeded SQLite file edit the same ticket: desk B (a second TicketStore on the file)
saves first, desk A's save is refused, and A merges. Fields both changed go to the merge view, where
A decides each; fields changed on one side only are merged without a question.
"""

from __future__ import annotations

import pytest
from desk_fixtures import desk, seeded_file  # noqa: F401 - fixtures
from operator_harness import until
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from desktop_agent.core.tickets import Resolution
from desktop_agent.store.models import Ticket
from desktop_agent.ui.ticket.editor import TicketEditor
from desktop_agent.ui.ticket.merge_view import MergeDialog

pytestmark = pytest.mark.gui

MY_NOTE = "Клиент перезагрузил роутер трижды, индикатор WAN не горит."
THEIR_NOTE = "Авария на линии в районе, бригада выехала, срок до 18:00."
MY_SUBJECT = "Нет интернета: роутер не видит линию"
THEIR_SUBJECT = "Авария на линии: нет интернета"


def open_in_editor(desk, qloop, ticket) -> TicketEditor:  # noqa: F811 - the fixture's name
    editor = desk.editor
    editor.open_ticket(ticket)
    desk.settle()
    qloop.run_until_complete(until(lambda: len(editor.history.model.entries) >= 1, what="the history"))
    return editor


def desk_b_saves(desk, ticket, changes):  # noqa: F811
    other_db, other = desk.other_desktop()
    try:
        return other.update(ticket.id, ticket.version, changes, agent_id=None)
    finally:
        other_db.dispose()


def refused(editor: TicketEditor, qloop) -> None:
    assert editor.save()
    qloop.run_until_complete(until(lambda: editor.header.banner.isVisible() and editor.stale is not None,
                                   what="the refusal and their version"))
    assert "changed on another desktop" in editor.header.banner_text.text()


def stored(desk, ticket_id) -> Ticket:  # noqa: F811
    with desk.db.session() as s:
        row = s.get(Ticket, ticket_id)
        s.expunge(row)
        return row


def both_edit_subject_and_description(desk, qloop):  # noqa: F811
    ticket = desk.vip_tickets[0]
    editor = open_in_editor(desk, qloop, ticket)
    base = ticket.description
    editor.form.subject.setText(MY_SUBJECT)
    editor.form.description.setPlainText(base + "\n" + MY_NOTE)
    theirs = desk_b_saves(desk, ticket, {"subject": THEIR_SUBJECT, "description": base + "\n" + THEIR_NOTE,
                                         "category": "complaint"})
    refused(editor, qloop)
    return ticket, editor, theirs


def test_both_desks_edit_description_and_subject_and_the_operator_decides(desk, qloop):  # noqa: F811
    ticket, editor, theirs = both_edit_subject_and_description(desk, qloop)
    editor.form.priority.setCurrentIndex(editor.form.priority.findData("urgent"))  # only A changes this

    editor.merge()
    dialog = editor.merge_dialog
    assert isinstance(dialog, MergeDialog) and dialog.isVisible()
    assert list(dialog.panels) == ["subject", "description"]  # the fields changed on both sides, nothing else
    assert "Subject" in dialog.heading.text() and "Description" in dialog.heading.text()
    described = dialog.panels["description"]
    assert described.theirs_box.toPlainText().endswith(THEIR_NOTE) and described.theirs_box.isReadOnly()
    # free text starts on "keep both": the proposal holds both notes, the common lines once
    assert dialog.choice("description") is Resolution.BOTH and dialog.choice("subject") is Resolution.BOTH
    proposal = described.mine_box.toPlainText()
    assert MY_NOTE in proposal and THEIR_NOTE in proposal and proposal.index(MY_NOTE) < proposal.index(THEIR_NOTE)
    # the operator edits the combined text a little
    described.mine_box.setPlainText(proposal + "\nПерезвонить клиенту после 18:00.")
    dialog.choose("subject", Resolution.THEIRS)
    assert not dialog.panels["subject"].mine_box.isEnabled()  # mine is shown greyed: not kept
    assert "not kept" in dialog.panels["subject"].mine_caption.text()
    dialog.accept()

    values = editor.form.values()
    assert editor.ticket.version == theirs.version and editor.stale is None
    assert values["subject"] == THEIR_SUBJECT
    assert MY_NOTE in values["description"] and THEIR_NOTE in values["description"]
    assert values["category"] == "complaint" and values["priority"] == "urgent"  # one side each, no question
    assert "as you decided" in editor.header.banner_text.text()

    assert editor.save()
    qloop.run_until_complete(until(lambda: not editor.busy and editor.ticket.version == theirs.version + 1,
                                   what="the merged save"))
    row = stored(desk, ticket.id)
    assert MY_NOTE in row.description and THEIR_NOTE in row.description
    assert "Перезвонить клиенту после 18:00." in row.description
    assert row.subject == THEIR_SUBJECT and row.category == "complaint" and row.priority == "urgent"


def test_use_mine_for_the_description_keeps_mine_and_says_theirs_is_dropped(desk, qloop):  # noqa: F811
    ticket, editor, theirs = both_edit_subject_and_description(desk, qloop)
    editor.merge()
    dialog = editor.merge_dialog
    panel = dialog.panels["description"]
    panel.mine_box.setPlainText(panel.mine_box.toPlainText() + "\nправка")  # typed under "keep both"
    dialog.choose("description", Resolution.MINE)
    assert panel.mine_box.toPlainText() == ticket.description + "\n" + MY_NOTE
    assert "not kept" in panel.theirs_caption.text()
    dialog.choose("description", Resolution.BOTH)  # back: what was typed there is still there
    assert panel.mine_box.toPlainText().endswith("\nправка")
    dialog.choose("description", Resolution.MINE)
    dialog.choose("subject", Resolution.MINE)
    dialog.accept()
    assert editor.form.values()["description"] == ticket.description + "\n" + MY_NOTE
    assert editor.form.values()["subject"] == MY_SUBJECT
    assert editor.save()
    qloop.run_until_complete(until(lambda: not editor.busy and editor.ticket.version == theirs.version + 1,
                                   what="the save"))
    assert stored(desk, ticket.id).subject == MY_SUBJECT


def test_the_merge_view_works_from_the_keyboard_and_esc_changes_nothing(desk, qloop, qtbot):  # noqa: F811
    ticket, editor, theirs = both_edit_subject_and_description(desk, qloop)
    typed = editor.form.values()
    editor.window().activateWindow()
    editor.merge()
    dialog = editor.merge_dialog
    subject = dialog.panels["subject"]
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert QApplication.focusWidget() is subject.buttons[Resolution.BOTH]  # the first field's choice
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    # cancelled: the form, its base and the offer are as they were
    assert editor.form.values() == typed and editor.ticket.version == ticket.version
    assert editor.stale is not None and editor.header.merge_button.isVisible()

    editor.merge()
    dialog = editor.merge_dialog
    subject = dialog.panels["subject"]
    qtbot.waitUntil(lambda: QApplication.focusWidget() is subject.buttons[Resolution.BOTH])
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)   # keep both -> use mine
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)   # use mine -> use theirs
    assert dialog.choice("subject") is Resolution.THEIRS
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)    # their subject: read-only, to copy from
    assert QApplication.focusWidget() is subject.theirs_box
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)    # mine is greyed (not kept): on to the next field
    assert QApplication.focusWidget() is dialog.panels["description"].buttons[Resolution.BOTH]
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)    # into their text (read-only), then mine
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is dialog.panels["description"].mine_box
    QTest.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert not dialog.isVisible() and dialog.result() == MergeDialog.DialogCode.Accepted
    values = editor.form.values()
    assert values["subject"] == THEIR_SUBJECT and MY_NOTE in values["description"] \
        and THEIR_NOTE in values["description"]
    assert editor.ticket.version == theirs.version


def test_changes_on_one_side_each_merge_without_a_question(desk, qloop):  # noqa: F811
    ticket = desk.vip_tickets[1]
    editor = open_in_editor(desk, qloop, ticket)
    editor.form.description.setPlainText("Списание дважды 12.10, выписка у клиента.")  # only A
    editor.form.priority.setCurrentIndex(editor.form.priority.findData("high"))      # only A
    theirs = desk_b_saves(desk, ticket, {"subject": "Двойное списание за октябрь", "category": "account"})  # only B
    refused(editor, qloop)
    editor.merge()
    assert editor.merge_dialog is None  # nothing to ask
    assert "no field was changed on both sides" in editor.header.banner_text.text()
    assert editor.save()
    qloop.run_until_complete(until(lambda: not editor.busy and editor.ticket.version == theirs.version + 1,
                                   what="the merged save"))
    row = stored(desk, ticket.id)
    assert row.subject == "Двойное списание за октябрь" and row.category == "account"
    assert row.description == "Списание дважды 12.10, выписка у клиента." and row.priority == "high"


def test_a_list_field_changed_on_both_sides_offers_theirs_or_mine(desk, qloop):  # noqa: F811
    ticket = desk.vip_tickets[1]
    editor = open_in_editor(desk, qloop, ticket)
    editor.form.priority.setCurrentIndex(editor.form.priority.findData("urgent"))
    editor.form.status.setCurrentIndex(editor.form.status.findData("pending"))
    theirs = desk_b_saves(desk, ticket, {"priority": "low", "status": "resolved"})
    refused(editor, qloop)
    editor.merge()
    dialog = editor.merge_dialog
    assert list(dialog.panels) == ["priority", "status"]
    priority = dialog.panels["priority"]
    assert set(priority.buttons) == {Resolution.THEIRS, Resolution.MINE}  # nothing to combine in a list
    assert priority.theirs_box.text() == "Low" and priority.mine_box.text() == "Urgent"
    assert dialog.choice("priority") is Resolution.MINE
    # a resolved ticket cannot go back to pending: mine cannot be kept, and the view says why
    status = dialog.panels["status"]
    assert not status.buttons[Resolution.MINE].isEnabled() and dialog.choice("status") is Resolution.THEIRS
    assert status.note.isVisible() and "cannot go to Pending" in status.note.text()
    dialog.accept()
    assert editor.form.values()["priority"] == "urgent" and editor.form.values()["status"] == "resolved"
    assert editor.ticket.version == theirs.version
