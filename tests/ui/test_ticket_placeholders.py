"""A template inserted into a NEW ticket: its {{ticket.number}}, {{ticket.due}} and {{ticket.subject}}
have no value until the ticket is saved. They stay as written while the operator edits, the preview
and the editor say they will be filled on save, and the save stores the text with the saved ticket's
number, due time and subject. Every other variable stays exactly as written. Over the real stores on a
seeded SQLite file.
"""

from __future__ import annotations

import pytest
from desk_fixtures import VIP_RAW, desk, seeded_file  # noqa: F401 - fixtures
from operator_harness import until

from desktop_agent.core.templates import format_datetime
from desktop_agent.store.models import Ticket
from desktop_agent.store.templates import TemplateStore
from desktop_agent.ui.templates.pane import TemplatesPane

pytestmark = pytest.mark.gui

OUTAGE = "tech_outage_known"  # shipped: "... восстановят до {{ticket.due}} ... заявкой № {{ticket.number}}."


@pytest.fixture
def templates(russian, desk, qtbot):  # noqa: F811 - the fixture's name
    """The templates pane wired to the editor as app.py wires it (Russian: the pane's language)."""
    pane = TemplatesPane(TemplateStore(desk.db, "desk-a"), desk.db_runner, agent=desk.agent,
                         company_name="Горизонт Телеком", debounce_ms=0)
    pane.follow(desk.flow)
    desk.editor.ticket_shown.connect(pane.set_ticket)
    pane.insert_requested.connect(desk.editor.insert_text)
    qtbot.addWidget(pane)
    pane.resize(420, 600)
    pane.show()
    return pane


def answered_call(desk, qloop) -> str:  # noqa: F811
    call_id = desk.phone.ring(VIP_RAW, queue="billing")
    qloop.run_until_complete(until(lambda: desk.flow.pop_for(call_id) is not None, what="the screen-pop"))
    qloop.run_until_complete(desk.phone.answer(call_id))
    qloop.run_until_complete(until(lambda: desk.flow.interaction_id(call_id) is not None, what="the call row"))
    return call_id


def stored_description(desk, ticket_id) -> str:  # noqa: F811
    with desk.db.session() as s:
        return s.get(Ticket, ticket_id).description


def show_in_preview(templates, qloop, query: str) -> None:
    templates.search.setText(query)
    templates.search_now()
    qloop.run_until_complete(until(lambda: templates.selected() is not None and not templates.searching,
                                   what="the search"))


def test_a_new_tickets_own_placeholders_are_filled_when_it_is_saved(desk, templates, qloop):  # noqa: F811
    editor = desk.editor
    answered_call(desk, qloop)
    assert editor.new_from_call()
    editor.form.subject.setText("Нет интернета: авария")
    show_in_preview(templates, qloop, "Авария в районе")
    warnings = templates.warnings.text()
    assert "Filled in when the ticket is saved: {{ticket.due}}, {{ticket.number}}" in warnings
    assert "No value yet" not in warnings  # not a warning: the save brings them

    templates.insert_template(OUTAGE)
    qloop.run_until_complete(until(lambda: "аварийные" in editor.form.description.toPlainText(), what="the insert"))
    typed = editor.form.description.toPlainText()
    assert "{{ticket.due}}" in typed and "{{ticket.number}}" in typed  # kept while the ticket is new
    assert editor.note.text() == "{{ticket.due}}, {{ticket.number}} will be filled in when the ticket is saved."

    assert editor.save()
    qloop.run_until_complete(until(lambda: editor.ticket is not None, what="the ticket saved"))
    ticket = editor.ticket
    due = format_datetime(ticket.sla_due_at, "ru")
    stored = stored_description(desk, ticket.id)
    assert f"восстановят до {due}." in stored and stored.endswith(f"заявкой № {ticket.number}.")
    assert "{{" not in stored
    assert editor.form.description.toPlainText() == stored and not editor.dirty  # the form shows what is stored
    assert "filled in the description" in editor.note.text()
    # the stored ticket is the pane's now: its values fill the preview, nothing is left for later
    assert templates.ticket is not None and templates.ticket.id == ticket.id
    show_in_preview(templates, qloop, "Авария в районе")
    assert "Filled in when" not in templates.warnings.text() and ticket.number in templates.preview.toPlainText()

    # a second new ticket in the same call: the pane forgets the saved one (it must not fill its number)
    assert editor.new_from_call()
    assert templates.ticket is None


def test_any_other_variable_stays_as_written(desk, templates, qloop):  # noqa: F811
    editor = desk.editor
    answered_call(desk, qloop)
    assert editor.new_from_call()
    editor.form.subject.setText("Проверка")
    assert editor.insert_text("№ {{ticket.number}}; {{ticket.subject}} {{unknown.var}} {{__import__('os').getcwd()}}")
    assert editor.save()
    qloop.run_until_complete(until(lambda: editor.ticket is not None, what="the ticket saved"))
    stored = stored_description(desk, editor.ticket.id)
    assert stored.endswith(f"№ {editor.ticket.number}; Проверка {{{{unknown.var}}}} "
                           "{{__import__('os').getcwd()}}")


def test_a_stored_ticket_fills_its_own_placeholders_on_save(desk, templates, qloop):  # noqa: F811
    editor = desk.editor
    ticket = desk.vip_tickets[0]
    editor.open_ticket(ticket)
    desk.settle()
    qloop.run_until_complete(until(lambda: len(editor.history.model.entries) >= 1, what="the history"))
    editor.form.description.setPlainText("Сообщили номер заявки {{ticket.number}} и срок {{ticket.due}}. "
                                         "Тема: {{ticket.subject}}")
    editor.form.priority.setCurrentIndex(editor.form.priority.findData("urgent"))  # the due time moves with it
    editor.form.subject.setText("Новая тема")  # and the subject as it will be stored
    assert editor.save()
    qloop.run_until_complete(until(lambda: editor.ticket.version == ticket.version + 1, what="the save"))
    due = format_datetime(editor.ticket.sla_due_at, "ru")
    assert editor.ticket.sla_due_at != ticket.sla_due_at
    assert stored_description(desk, ticket.id) == (f"Сообщили номер заявки {ticket.number} и срок {due}. "
                                                   "Тема: Новая тема")
