"""Each call starts clean: calls in a row through the real window, and what happens to a ticket the
operator has not saved when the call ends.

Two known customers call one after the other; the first call gets a ticket. During the second call
nothing of the first caller is in the editor, the card or the templates' values. Ready with an
unsaved ticket asks (save / keep as draft / discard); a kept draft is listed and can be reopened
and saved later, linked to its own call.
"""

from __future__ import annotations

import pytest
from operator_harness import until
from sqlalchemy import select
from window_fixtures import close_window, fake_phone_window

from desktop_agent.core.call_session import CallState
from desktop_agent.core.dto import PhoneDTO
from desktop_agent.store.customers import NewCustomer, create_customer
from desktop_agent.store.models import Interaction, Ticket

pytestmark = pytest.mark.gui

SECOND_NUMBER = "+79035550011"


@pytest.fixture
def operator(qtbot, qloop, sqlite_services):
    services = sqlite_services
    second = create_customer(services.db, NewCustomer(full_name="Анна Викторовна Кузнецова",
                                                      phones=(PhoneDTO(SECOND_NUMBER),)))
    parts, phone = fake_phone_window(services, qloop)
    yield parts, phone, services, second
    close_window(parts)


def pane(parts, pane_id):
    return next(p for p in parts.panes if p.pane_id == pane_id)


def ring_and_answer(parts, phone, qloop, number: str) -> str:
    call_id = phone.ring(number)
    qloop.run_until_complete(until(lambda: parts.flow.pop_for(call_id) is not None, what="the screen-pop"))
    assert parts.flow.answer()
    qloop.run_until_complete(until(lambda: parts.flow.current and parts.flow.current.state is CallState.TALKING,
                                   what="talking"))
    qloop.run_until_complete(until(lambda: parts.flow.interaction_id(call_id) is not None, what="the call row"))
    return call_id


def hang_up_into_wrapup(parts, qloop) -> None:
    assert parts.flow.hangup()
    qloop.run_until_complete(until(lambda: parts.flow.current.state is CallState.WRAPUP, what="wrap-up"))
    assert parts.flow.set_disposition("info_provided")


def wait_done(parts, qloop, call_id: str) -> None:
    qloop.run_until_complete(until(lambda: parts.flow.current is None or parts.flow.current.call_id != call_id,
                                   what="the call to finish"))


def test_two_calls_in_a_row_nothing_of_the_first_in_the_second(operator, qloop):
    parts, phone, services, second = operator
    editor, card, templates = (pane(parts, "pane.ticket_editor"), pane(parts, "pane.screen_pop"),
                               pane(parts, "pane.templates"))
    first_call = ring_and_answer(parts, phone, qloop, services.customer.phones[0].e164)
    assert templates.customer.id == services.customer.id
    first_run = parts.flow.current_record.checklist_run  # the checklist's run lives in the call's record
    assert first_run is not None
    assert editor.new_from_call()
    editor.form.subject.setText("Двойное списание")
    assert editor.save()
    qloop.run_until_complete(until(lambda: editor.ticket is not None, what="the ticket saved"))
    first_ticket = editor.ticket
    hang_up_into_wrapup(parts, qloop)
    assert parts.flow.go_ready()  # saved: no question
    wait_done(parts, qloop, first_call)

    second_call = ring_and_answer(parts, phone, qloop, SECOND_NUMBER)
    assert second_call != first_call
    # the editor holds nothing of the first call, and offers no caller to take into an old ticket
    assert editor.ticket is None and editor.draft is None and editor.work_call == second_call
    assert editor.stack.currentWidget() is editor.empty_page
    assert not editor.form.use_caller.isVisible()
    # the card and the templates show the second caller only
    assert card.pop is not None and card.pop.customer.id == second.id
    assert services.customer.full_name not in card.header.name.text()
    assert templates.customer.id == second.id
    assert templates.ticket is None
    second_run = parts.flow.current_record.checklist_run
    assert second_run is not None and second_run.id != first_run.id and not any(t.done for t in second_run.ticks)
    # a new ticket now is the second caller's, and linking offers the second caller's tickets
    assert editor.new_from_call()
    assert editor.form.values()["customer_id"] == second.id
    assert first_ticket.number not in editor.form.values()["description"]
    with services.db.session() as s:
        calls = {i.callid: i for i in s.scalars(select(Interaction).where(
            Interaction.callid.in_([first_call, second_call])))}
        assert calls[first_call].ticket_id == first_ticket.id and calls[second_call].ticket_id is None


def test_ready_with_an_unsaved_ticket_asks_and_keeps_it_as_a_draft(operator, qloop, monkeypatch):
    parts, phone, services, _second = operator
    editor = pane(parts, "pane.ticket_editor")
    asked = []
    monkeypatch.setattr(editor, "ask_decision", lambda what, _discard: asked.append(what) or "keep")
    first_call = ring_and_answer(parts, phone, qloop, services.customer.phones[0].e164)
    assert editor.new_from_call()
    editor.form.subject.setText("Перезвонить по счёту")
    hang_up_into_wrapup(parts, qloop)
    assert editor.draft is not None  # hanging up keeps the work with its call, in wrap-up

    assert not parts.flow.go_ready()  # refused until the operator decides ...
    assert len(asked) == 1            # ... and asked once: kept as a draft, then Ready
    wait_done(parts, qloop, first_call)
    assert editor.draft is None and editor.ticket is None
    assert [k.key for k in parts.flow.kept_drafts()] == [first_call]
    assert editor.kept_list.count() == 1 and editor.kept_list.isVisible()

    second_call = ring_and_answer(parts, phone, qloop, SECOND_NUMBER)
    assert editor.draft is None  # the kept draft does not come into the next call
    # reopened during the second call, it is still the first call's ticket and links to it when saved
    assert editor.reopen_kept(first_call)
    assert editor.form.values()["subject"] == "Перезвонить по счёту"
    assert editor.form.values()["customer_id"] == services.customer.id
    assert not editor.form.use_caller.isVisible()  # the second caller is not offered for it
    assert editor.save()
    qloop.run_until_complete(until(lambda: editor.ticket is not None, what="the draft saved"))
    assert parts.flow.kept_drafts() == []
    with services.db.session() as s:
        row = s.scalars(select(Interaction).where(Interaction.callid == first_call)).one()
        assert row.ticket_id == editor.ticket.id
        assert s.get(Ticket, editor.ticket.id).customer_id == services.customer.id
        other = s.scalars(select(Interaction).where(Interaction.callid == second_call)).one()
        assert other.ticket_id is None


@pytest.mark.parametrize("choice", ["save", "discard", None])
def test_ready_with_an_unsaved_ticket_save_discard_or_stay(operator, qloop, monkeypatch, choice):
    parts, phone, services, _second = operator
    editor = pane(parts, "pane.ticket_editor")
    monkeypatch.setattr(editor, "ask_decision", lambda _what, _discard: choice)
    call_id = ring_and_answer(parts, phone, qloop, services.customer.phones[0].e164)
    assert editor.new_from_call()
    editor.form.subject.setText("Вопрос по тарифу")
    hang_up_into_wrapup(parts, qloop)
    parts.flow.go_ready()
    if choice is None:  # Cancel: still in wrap-up with the work in the editor
        qloop.run_until_complete(until(lambda: True))
        assert parts.flow.current.state is CallState.WRAPUP and editor.draft is not None
        return
    wait_done(parts, qloop, call_id)
    assert editor.draft is None and editor.ticket is None and parts.flow.kept_drafts() == []
    with services.db.session() as s:
        row = s.scalars(select(Interaction).where(Interaction.callid == call_id)).one()
        assert row.disposition_code == "info_provided"
        tickets = s.scalars(select(Ticket).where(Ticket.subject == "Вопрос по тарифу")).all()
        assert len(tickets) == (1 if choice == "save" else 0)
        if choice == "save":
            assert row.ticket_id == tickets[0].id


def test_a_missed_call_keeps_work_begun_for_it(operator, qloop):
    """The caller gives up while the operator already typed a ticket: kept, not dropped, not moved on."""
    parts, phone, services, _second = operator
    editor = pane(parts, "pane.ticket_editor")
    call_id = phone.ring(services.customer.phones[0].e164)
    qloop.run_until_complete(until(lambda: parts.flow.pop_for(call_id) is not None, what="the screen-pop"))
    assert editor.new_from_call()
    editor.form.subject.setText("Начатая заявка")
    phone.remote_hangup(call_id)
    wait_done(parts, qloop, call_id)
    assert editor.draft is None
    assert [k.work.subject for k in parts.flow.kept_drafts()] == ["Начатая заявка"]


def test_a_kept_draft_can_be_discarded_from_the_list(operator, qloop, monkeypatch):
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QMessageBox

    parts, phone, services, _second = operator
    editor = pane(parts, "pane.ticket_editor")
    monkeypatch.setattr(editor, "ask_decision", lambda _what, _discard: "keep")
    call_id = ring_and_answer(parts, phone, qloop, services.customer.phones[0].e164)
    assert editor.new_from_call()
    editor.form.subject.setText("Лишний черновик")
    hang_up_into_wrapup(parts, qloop)
    parts.flow.go_ready()
    wait_done(parts, qloop, call_id)
    assert editor.kept_list.count() == 1
    questions = []
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: questions.append(a[2]) or QMessageBox.StandardButton.Discard)
    editor.kept_list.setFocus()
    QTest.keyClick(editor.kept_list, Qt.Key.Key_Delete)
    assert questions and "Лишний черновик" in questions[0]
    assert parts.flow.kept_drafts() == [] and editor.kept_list.count() == 0


def test_unsaved_changes_to_a_stored_ticket_are_asked_about_and_saved(operator, qloop, monkeypatch):
    parts, phone, services, _second = operator
    editor = pane(parts, "pane.ticket_editor")
    asked = []
    monkeypatch.setattr(editor, "ask_decision", lambda what, discard: asked.append((what, discard)) or "save")
    call_id = ring_and_answer(parts, phone, qloop, services.customer.phones[0].e164)
    assert editor.new_from_call()
    editor.form.subject.setText("Первая версия")
    assert editor.save()
    qloop.run_until_complete(until(lambda: editor.ticket is not None, what="the ticket saved"))
    number, version = editor.ticket.number, editor.ticket.version
    editor.form.subject.setText("Вторая версия")
    editor._edited()  # as a keystroke would
    hang_up_into_wrapup(parts, qloop)
    assert not parts.flow.go_ready()
    assert len(asked) == 1 and number in asked[0][0] and asked[0][1] == "Discard changes"
    wait_done(parts, qloop, call_id)
    with services.db.session() as s:
        stored = s.scalars(select(Ticket).where(Ticket.number == number)).one()
        assert stored.subject == "Вторая версия" and stored.version == version + 1
        row = s.scalars(select(Interaction).where(Interaction.callid == call_id)).one()
        assert row.disposition_code == "info_provided" and row.ticket_id == stored.id
