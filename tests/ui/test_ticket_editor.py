"""The ticket editor over the real TicketStore on a seeded SQLite file, with a second 'desktop' on the
same file for the conflict and refresh cases (its own Database and TicketStore, another origin).
"""

from __future__ import annotations

import pytest
from desk_fixtures import VIP_NUMBER, VIP_RAW, desk, seeded_file  # noqa: F401 - fixtures
from operator_harness import until
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMainWindow
from sqlalchemy import select

from desktop_agent.store.models import Interaction, Ticket, TicketHistory
from desktop_agent.store.notify import DatabaseChangeFeed
from desktop_agent.ui.shell.actions import ActionRegistry
from desktop_agent.ui.ticket.dialogs import EscalationDialog
from desktop_agent.ui.ticket.editor import TicketEditor

pytestmark = pytest.mark.gui


def answered_call(desk, qloop, raw: str = VIP_RAW) -> str:  # noqa: F811 - the fixture's name
    call_id = desk.phone.ring(raw, queue="billing")
    qloop.run_until_complete(until(lambda: desk.flow.pop_for(call_id) is not None, what="the screen-pop"))
    qloop.run_until_complete(desk.phone.answer(call_id))
    qloop.run_until_complete(until(lambda: desk.flow.interaction_id(call_id) is not None, what="the call row"))
    return call_id


def open_in_editor(desk, qloop, ticket) -> TicketEditor:  # noqa: F811
    editor = desk.editor
    editor.open_ticket(ticket)
    desk.settle()
    qloop.run_until_complete(until(lambda: len(editor.history.model.entries) >= 1, what="the history"))
    return editor


def history_rows(desk, ticket_id) -> list[tuple]:  # noqa: F811
    with desk.db.session() as s:
        return [(h.kind, h.field, h.new_value, h.comment) for h in
                s.scalars(select(TicketHistory).where(TicketHistory.ticket_id == ticket_id).order_by(TicketHistory.at))]


def test_new_ticket_from_the_call(desk, qloop):  # noqa: F811
    editor = desk.editor
    call_id = answered_call(desk, qloop)
    assert editor.new_from_call() is True
    values = editor.form.values()
    assert values["customer_id"] == desk.vip.id
    assert "billing" in values["subject"] and desk.vip.full_name in values["subject"]
    assert "+7 916 123-45-67" in values["description"] and "billing" in values["description"]
    assert values["category"] == "billing" and values["priority"] == "high"  # a VIP
    assert values["assignee_id"] == desk.agent.id and not editor.form.status.isEnabled()

    editor.form.subject.setText("Двойное списание за октябрь")
    assert editor.save() is True
    qloop.run_until_complete(until(lambda: editor.ticket is not None, what="the ticket created"))
    ticket = editor.ticket
    assert editor.draft is None and ticket.subject == "Двойное списание за октябрь"
    with desk.db.session() as s:
        stored = s.get(Ticket, ticket.id)
        assert stored.customer_id == desk.vip.id and stored.priority == "high" and stored.assignee_id == desk.agent.id
        call = s.scalars(select(Interaction).where(Interaction.callid == call_id)).one()
        assert call.ticket_id == ticket.id  # linked to the call in the same transaction
    kinds = [row[0] for row in history_rows(desk, ticket.id)]
    assert kinds == ["created", "link"]
    qloop.run_until_complete(until(lambda: len(editor.history.model.entries) == 2, what="the history tab"))
    assert "History (2)" == editor.tabs.tabText(1)
    card_subjects = [desk.card.ticket_model.ticket(r).subject for r in range(desk.card.ticket_model.rowCount())]
    assert card_subjects[0] == "Двойное списание за октябрь" and len(card_subjects) == 3  # the card follows


def test_edit_and_save_writes_history(desk, qloop):  # noqa: F811
    ticket = desk.vip_tickets[0]
    editor = open_in_editor(desk, qloop, ticket)
    assert not editor.dirty
    editor.form.subject.setText("Нет интернета после грозы")
    editor.form.subject.textEdited.emit(editor.form.subject.text())
    editor.form.priority.setCurrentIndex(editor.form.priority.findData("urgent"))
    editor.form.status.setCurrentIndex(editor.form.status.findData("open"))
    assert editor.dirty and editor.header.heading.text().endswith("•")
    assert editor.save()
    qloop.run_until_complete(until(lambda: editor.ticket.version == ticket.version + 1, what="the save"))
    assert not editor.dirty and editor.ticket.priority == "urgent" and editor.ticket.status == "open"
    changes = {(field, new) for kind, field, new, _c in history_rows(desk, ticket.id) if kind == "change"}
    assert {("subject", "Нет интернета после грозы"), ("priority", "urgent"), ("status", "open")} <= changes
    assert any(field == "sla_due_at" for field, _new in changes)  # the SLA follows the priority
    qloop.run_until_complete(until(lambda: len(editor.history.model.entries) >= 5, what="history refreshed"))
    described = [editor.history.model.describe(h) for h in editor.history.model.entries]
    assert any("Priority" in d and "Urgent" in d for d in described)


def test_validation_refuses_before_anything_is_written(desk, qloop):  # noqa: F811
    ticket = desk.vip_tickets[0]
    editor = open_in_editor(desk, qloop, ticket)
    editor.form.subject.setText("   ")
    assert editor.save() is False
    assert editor.form.problem.isVisible() and "subject is required" in editor.form.problem.text()
    desk.settle()
    with desk.db.session() as s:
        assert s.get(Ticket, ticket.id).version == ticket.version
    # the status combo offers only what the workflow allows, never 'escalated' (that needs a reason)
    offered = [editor.form.status.itemData(i) for i in range(editor.form.status.count())]
    assert offered == ["new", "open", "pending", "resolved"]


def test_stale_save_is_refused_and_the_text_kept(desk, qloop):  # noqa: F811
    ticket = desk.vip_tickets[0]
    editor = open_in_editor(desk, qloop, ticket)
    mine = "Роутер не включается. Клиент перезагружал его трижды."
    editor.form.description.setPlainText(mine)
    other_db, other = desk.other_desktop()
    try:
        other.update(ticket.id, ticket.version, {"subject": "Интернет: авария на линии"}, agent_id=None)
    finally:
        other_db.dispose()
    assert editor.save()
    qloop.run_until_complete(until(lambda: editor.header.banner.isVisible(), what="the refusal"))
    assert "changed on another desktop" in editor.header.banner_text.text()
    assert editor.form.description.toPlainText() == mine  # nothing typed is lost
    assert editor.header.reload_button.isVisible() and editor.header.merge_button.isVisible()
    with desk.db.session() as s:
        assert s.get(Ticket, ticket.id).description != mine
    qloop.run_until_complete(until(lambda: editor.stale is not None, what="the newer version"))

    editor.merge()  # mine on top of theirs: their subject, my description
    assert editor.form.values()["subject"] == "Интернет: авария на линии"
    assert editor.form.description.toPlainText() == mine
    assert editor.save()
    qloop.run_until_complete(until(lambda: not editor.dirty and editor.ticket.version == ticket.version + 2,
                                   what="the merged save"))
    with desk.db.session() as s:
        stored = s.get(Ticket, ticket.id)
        assert stored.subject == "Интернет: авария на линии" and stored.description == mine


def test_escalation_needs_a_reason(desk, qloop):  # noqa: F811
    ticket = desk.vip_tickets[1]
    editor = open_in_editor(desk, qloop, ticket)
    assert editor.escalate_with_reason("   ") is False
    assert editor.header.banner.isVisible() and "needs a reason" in editor.header.banner_text.text()
    desk.settle()
    with desk.db.session() as s:
        assert s.get(Ticket, ticket.id).tier == "L1"

    assert editor.escalate() is True
    dialog = editor.escalation_dialog
    assert isinstance(dialog, EscalationDialog) and not dialog.ok.isEnabled()
    dialog.accept()  # Enter with an empty reason: the dialog stays
    assert dialog.isVisible()
    dialog.reason.setPlainText("Нужна проверка линии инженером")
    assert dialog.ok.isEnabled()
    dialog.ok.click()
    qloop.run_until_complete(until(lambda: editor.ticket.tier == "L2", what="the escalation"))
    assert editor.ticket.status == "escalated" and editor.header.tier_pill.text() == "L2"
    escalations = [row for row in history_rows(desk, ticket.id) if row[0] == "escalation"]
    assert escalations == [("escalation", "tier", "L2", "Нужна проверка линии инженером")]


def test_refresh_when_another_desktop_changes_the_ticket(desk, qloop, qtbot):  # noqa: F811
    feed = DatabaseChangeFeed(desk.db, "desk-a", poll_interval=0.05)
    editor = TicketEditor(desk.flow, desk.tickets, desk.reference, desk.db_runner, agent=desk.agent, feed=feed)
    qtbot.addWidget(editor)
    editor.show()
    feed.start()
    other_db, other = desk.other_desktop()
    try:
        qloop.run_until_complete(until(lambda: feed.status is not None and feed.status.connected,
                                       what="the feed"))
        ticket = desk.vip_tickets[0]
        editor.open_ticket(ticket)
        qloop.run_until_complete(until(lambda: len(editor.history.model.entries) >= 1, what="the history"))

        # no unsaved edits: the editor shows the other desktop's change by itself
        changed = other.update(ticket.id, ticket.version, {"status": "pending", "priority": "low"}, agent_id=None)
        qloop.run_until_complete(until(lambda: editor.ticket.version == changed.version, what="the refresh"))
        assert editor.form.values()["status"] == "pending" and editor.form.values()["priority"] == "low"
        assert not editor.header.banner.isVisible()

        # a comment from elsewhere: the history tab refreshes, the version stays
        other.add_comment(ticket.id, "Клиент перезвонит вечером", agent_id=None)
        qloop.run_until_complete(until(lambda: any(h.kind == "comment" for h in editor.history.model.entries),
                                       what="the comment"))

        # with unsaved edits: they are kept, and the operator is told
        editor.form.subject.setText("Мой новый заголовок")
        newer = other.update(ticket.id, changed.version, {"category": "complaint"}, agent_id=None)
        qloop.run_until_complete(until(lambda: editor.stale is not None, what="the newer version"))
        assert editor.stale.version == newer.version
        assert editor.header.banner.isVisible() and "changed elsewhere" in editor.header.banner_text.text()
        assert editor.form.subject.text() == "Мой новый заголовок"
        editor.reload()
        assert editor.form.values()["category"] == "complaint"
        assert editor.form.subject.text() == ticket.subject and not editor.dirty
    finally:
        feed.stop()
        other_db.dispose()


def test_link_the_call_to_an_open_ticket(desk, qloop):  # noqa: F811
    editor = desk.editor
    call_id = answered_call(desk, qloop)
    assert editor.link_existing() is True
    qloop.run_until_complete(until(lambda: editor.link_dialog is not None, what="the list of open tickets"))
    dialog = editor.link_dialog
    assert dialog.model.rowCount() == 2
    dialog.table.selectRow(1)
    chosen = dialog.chosen()
    dialog.accept()
    qloop.run_until_complete(until(lambda: editor.ticket is not None and editor.ticket.id == chosen.id,
                                   what="the linked ticket"))
    desk.settle()
    assert desk.interactions.by_callid(call_id).ticket_id == chosen.id
    assert [r[0] for r in history_rows(desk, chosen.id)] == ["created", "link"]


def test_comments_and_template_text(desk, qloop):  # noqa: F811
    ticket = desk.vip_tickets[0]
    editor = open_in_editor(desk, qloop, ticket)
    editor.show_history()
    editor.history.comment.setPlainText("Передал технику")
    assert editor.history.add.isEnabled()
    editor.history.add.click()
    qloop.run_until_complete(until(lambda: any(h.kind == "comment" for h in editor.history.model.entries),
                                   what="the comment"))
    assert editor.history.comment.toPlainText() == ""
    assert ("comment", None, None, "Передал технику") in history_rows(desk, ticket.id)
    assert editor.ticket.version == ticket.version  # a comment does not make anyone's edit stale

    assert editor.insert_text("Здравствуйте, Пётр Сергеевич!")
    assert editor.form.description.toPlainText().endswith("Здравствуйте, Пётр Сергеевич!")
    assert editor.dirty


def test_sla_countdown_colour(desk, qloop):  # noqa: F811
    from datetime import timedelta

    ticket = desk.vip_tickets[0]  # normal priority: 24 h
    editor = open_in_editor(desk, qloop, ticket)
    for hours, level, words in ((2, "ok", "left"), (20, "warning", "left"), (30, "breached", "overdue by")):
        editor.clock = lambda h=hours: ticket.created_at + timedelta(hours=h)
        editor._show_sla()
        assert editor.header.sla_level.value == level and words in editor.header.sla.text()
    assert "overdue by 6 h" in editor.header.sla.text()


def test_the_keyboard_does_it_all(desk, qloop, qtbot):  # noqa: F811
    window = QMainWindow()
    qtbot.addWidget(window)
    registry = ActionRegistry(window)
    window.setCentralWidget(desk.editor)
    desk.editor.register_actions(registry)
    window.show()
    window.activateWindow()
    call_id = answered_call(desk, qloop)
    QTest.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert desk.editor.draft is not None and desk.editor.draft.call_id == call_id
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
    qloop.run_until_complete(until(lambda: desk.editor.ticket is not None, what="saved by Ctrl+S"))
    QTest.keyClick(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert desk.editor.escalation_dialog is not None and desk.editor.escalation_dialog.isVisible()
    desk.editor.escalation_dialog.reject()
    QTest.keyClick(window, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    qloop.run_until_complete(until(lambda: desk.editor.link_dialog is not None, what="Ctrl+L"))
    assert desk.editor.link_dialog.model.rowCount() == 3  # the two open tickets and the new one
    assert "(Ctrl+S)" in registry.get("ticket.save").toolTip()


def test_template_text_goes_on_its_own_line_after_what_was_typed(desk, qloop):  # noqa: F811
    editor = open_in_editor(desk, qloop, desk.vip_tickets[0])
    editor.form.description.setPlainText("Клиент звонил дважды.")
    editor.tabs.setFocus()  # the operator is in the templates pane, not in the description
    assert editor.insert_text("Приносим извинения за неудобства.")
    assert editor.form.description.toPlainText() == "Клиент звонил дважды.\nПриносим извинения за неудобства."
    editor.form.description.setPlainText("Строка с переводом\n")
    editor.tabs.setFocus()
    assert editor.insert_text("Ещё")
    assert editor.form.description.toPlainText() == "Строка с переводом\nЕщё"


def test_a_template_too_long_for_the_description_is_refused_not_lost(desk, qloop):  # noqa: F811
    from PySide6.QtGui import QGuiApplication

    from desktop_agent.ui.ticket.form import DESCRIPTION_MAX

    editor = open_in_editor(desk, qloop, desk.vip_tickets[0])
    editor.form.description.setPlainText("Моё описание.")
    huge = "Текст шаблона без конца. " * 60_000  # 1.5 million characters: could never be saved
    assert editor.insert_text(huge) is False
    assert editor.form.description.toPlainText() == "Моё описание."  # untouched, nothing to undo
    assert QGuiApplication.clipboard().text() == huge
    assert editor.note.isVisible() and "clipboard" in editor.note.text() and str(DESCRIPTION_MAX) in editor.note.text()
    fits = "x" * (DESCRIPTION_MAX - len("Моё описание.") - 1)  # with the new line before it: exactly the limit
    assert editor.insert_text(fits) is True and len(editor.form.description.toPlainText()) == DESCRIPTION_MAX


def test_the_length_check_counts_the_new_line_an_insert_adds(desk, qloop):  # noqa: F811
    from desktop_agent.ui.ticket.form import DESCRIPTION_MAX

    editor = open_in_editor(desk, qloop, desk.vip_tickets[0])
    editor.form.description.setPlainText("abc")
    one_too_many = "x" * (DESCRIPTION_MAX - 3)  # fits by itself, not with the new line put before it
    assert editor.insert_text(one_too_many) is False
    assert editor.form.description.toPlainText() == "abc"
