"""A new ticket's own placeholders ({{ticket.number}}, {{ticket.due}}), left in its description by a
template inserted before it was saved, are filled as the store creates it: the stored text already
holds the number it drew and the SLA due time it set, in one transaction (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import select

from desktop_agent.core.domain import Priority, sla_due
from desktop_agent.core.ports import TicketDraft
from desktop_agent.core.templates import format_datetime
from desktop_agent.store.models import Ticket, TicketHistory
from desktop_agent.store.tickets import TicketStore

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
TEXT = ("Ваше обращение зарегистрировано под № {{ticket.number}}, решим до {{ ticket.due }}. "
        "{{customer.name}} {{no.such}} {{__import__('os')}}")


def test_the_store_fills_the_new_tickets_own_placeholders_before_the_text_is_stored(db):
    tickets = TicketStore(db, "desk-A", clock=lambda: T0, number_factory=lambda _s: "2611-4F7K9Q")
    created = tickets.create(TicketDraft(subject="Нет связи", description=TEXT, priority="high",
                                         fill_language="ru"), agent_id=None)
    due = format_datetime(sla_due(T0, Priority.HIGH), "ru")
    expected = (f"Ваше обращение зарегистрировано под № 2611-4F7K9Q, решим до {due}. "
                "{{customer.name}} {{no.such}} {{__import__('os')}}")
    assert created.description == expected and created.version == 1
    with db.session() as s:
        assert s.get(Ticket, created.id).description == expected  # stored so, not patched afterwards
        kinds = [h.kind for h in s.scalars(select(TicketHistory).where(TicketHistory.ticket_id == created.id))]
    assert kinds == ["created"]  # one write: no 'description changed' right after the creation


def test_without_a_language_the_description_is_stored_as_written(db):
    tickets = TicketStore(db, "desk-A", clock=lambda: T0)
    created = tickets.create(TicketDraft(subject="Нет связи", description=TEXT), agent_id=None)
    assert created.description == TEXT
