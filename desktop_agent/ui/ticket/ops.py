"""What the ticket editor knows about the call, and the steps it runs on the database worker.

`CallContext` follows the call flow: who the caller is (from the screen-pop, or the contact the
card created or linked), and the call's interaction row. `prefill_from_call` turns a call into a
draft; `fetch_ticket` reads a ticket with its history and the agents' names in one worker job.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from uuid import UUID

from PySide6.QtCore import QCoreApplication

from desktop_agent.core.call_session import CallSession
from desktop_agent.core.domain import Priority, TicketStatus
from desktop_agent.core.dto import CustomerDTO, ScreenPop, TicketDTO
from desktop_agent.core.phone import format_international, normalise
from desktop_agent.core.ports import ReferenceData, ServiceError, TicketHistoryEntry, TicketService
from desktop_agent.ui.call.flow import CallFlow
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.ticket.form import FORM_FIELDS
from desktop_agent.ui.ticket.models import format_when

# The queue a call came in on suggests the ticket's category; everything else starts as general.
QUEUE_CATEGORY = {"billing": "billing", "delivery": "delivery", "complaints": "complaint", "technical": "technical"}

Fetched = tuple[TicketDTO, tuple[TicketHistoryEntry, ...], dict[UUID, str]]


def ticket_values(t: TicketDTO) -> dict[str, Any]:
    return {name: getattr(t, name) for name in FORM_FIELDS}


@dataclass(frozen=True, slots=True)
class Draft:
    """A new ticket not saved yet; `call_id` is the call it is linked to when saved."""

    call_id: str | None
    values: dict[str, Any]


def prefill_from_call(session: CallSession | None, customer: CustomerDTO | None, *, agent_id: UUID,
                      disposition_titles: dict[str, str]) -> dict[str, Any]:
    """A draft from the call: the caller as customer, a subject from the disposition (or the queue),
    and a description that says when the call came and from whom. A VIP's ticket starts as high."""
    values: dict[str, Any] = {"subject": "", "customer_id": customer.id if customer else None,
                              "category": "general", "priority": Priority.NORMAL.value,
                              "status": TicketStatus.NEW.value, "assignee_id": agent_id, "description": ""}
    if session is None:
        return values
    caller = normalise(session.caller_id_raw)
    number = format_international(caller.e164) if caller.e164 else (session.caller_id_raw or "—")
    who = customer.full_name if customer and customer.full_name else (session.display_name or number)
    queue = session.queue or ""
    if session.disposition and session.disposition in disposition_titles:
        values["subject"] = disposition_titles[session.disposition]
    elif queue:
        values["subject"] = fill(QCoreApplication.translate("TicketEditor", "Call to the %1 line: %2"), queue, who)
    else:
        values["subject"] = fill(QCoreApplication.translate("TicketEditor", "Call from %1"), who)
    values["category"] = QUEUE_CATEGORY.get(queue, "general")
    if customer is not None and customer.vip:
        values["priority"] = Priority.HIGH.value
    lines = [fill(QCoreApplication.translate("TicketEditor", "Call: %1"), format_when(session.offered_at)),
             fill(QCoreApplication.translate("TicketEditor", "Caller: %1"),
                  f"{who}, {number}" if who != number else number)]
    if queue:
        lines.append(fill(QCoreApplication.translate("TicketEditor", "Queue: %1"), queue))
    values["description"] = "\n".join(lines) + "\n\n"
    return values


def fetch_ticket(tickets: TicketService, reference: ReferenceData, known: set[UUID], ticket_id: UUID) -> Fetched:
    """On the worker: the stored ticket, its history, and the names of agents not seen before."""
    ticket = tickets.get(ticket_id)
    history = tuple(tickets.history(ticket_id))
    wanted = {h.agent_id for h in history if h.agent_id is not None} | {ticket.assignee_id} - {None}
    for h in history:
        for value in (h.old_value, h.new_value) if h.field == "assignee_id" else ():
            try:
                wanted.add(UUID(value))
            except (TypeError, ValueError):
                pass
    names: dict[UUID, str] = {}
    for agent_id in wanted - known - {None}:
        try:
            names[agent_id] = reference.agent(agent_id).display_name
        except ServiceError:
            pass  # an agent removed since: the history shows the id
    return ticket, history, names


class CallContext:
    """The customers the editor can name, and the call's customer and interaction row."""

    def __init__(self, flow: CallFlow) -> None:
        self.flow = flow
        self.customers: dict[UUID, CustomerDTO] = {}

    def remember_pop(self, pop: ScreenPop) -> None:
        for customer in ((pop.customer,) if pop.customer else ()) + pop.alternatives:
            self.customers[customer.id] = customer

    def set_call_customer(self, call_id: str, customer: CustomerDTO) -> None:
        self.customers[customer.id] = customer

    def caller(self, call_id: str | None) -> CustomerDTO | None:
        """The call's customer, as its record in the desk has it (linked on the card, else the pop's)."""
        customer = self.flow.customer_for(call_id)
        if customer is not None:
            self.customers[customer.id] = customer
        return customer

    def current_caller(self) -> CustomerDTO | None:
        session = self.flow.current
        return self.caller(session.call_id) if session is not None else None

    def customer_text(self, customer_id: UUID | None) -> str:
        if customer_id is None:
            return ""
        c = self.customers.get(customer_id)
        if c is None:
            return QCoreApplication.translate("TicketEditor", "a customer on record")
        number = format_international(c.phones[0].e164) if c.phones else ""
        return f"{'★ ' if c.vip else ''}{c.full_name or '—'}" + (f"  ·  {number}" if number else "")

    def interaction_resolver(self, call_id: str | None) -> Callable[[], UUID | None]:
        """For the worker: the call's row id (its insert ran earlier on the same worker)."""
        known = self.flow.interaction_id(call_id) if call_id else None
        interactions = self.flow.interactions

        def resolve() -> UUID | None:
            if known is not None or call_id is None:
                return known
            row = interactions.by_callid(call_id)
            return row.id if row is not None else None

        return resolve
