"""One call's record: everything the desk keeps about it, in one place.

The session (core state machine), the interaction row, the screen-pop, the customer the operator
linked, the ticket work and the checklist run all live here and nowhere else. Panes read the
current call's record and ask the desk to change it; when the call is done the record goes, and
with it everything of that caller: the next call starts clean.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID

from desktop_agent.core.call_session import CallSession
from desktop_agent.core.checklist import ChecklistRun
from desktop_agent.core.dto import CustomerDTO, ScreenPop


@dataclass(frozen=True)
class TicketWork:
    """What the operator has in the ticket editor for a call: a new ticket not saved yet
    (`ticket_id` None) or edits to a stored one. `base` is what is stored (or the draft's
    starting values); the work is unsaved when `values` differ from it, or when it is new."""

    values: Mapping[str, Any]
    base: Mapping[str, Any]
    ticket_id: UUID | None = None
    number: str | None = None
    version: int | None = None
    at: datetime | None = None  # when it was last changed

    @property
    def is_new(self) -> bool:
        return self.ticket_id is None

    @property
    def unsaved(self) -> bool:
        return self.is_new or dict(self.values) != dict(self.base)

    @property
    def subject(self) -> str:
        return str(self.values.get("subject") or "")


@dataclass(frozen=True)
class KeptDraft:
    """Unsaved ticket work kept after its call ended (or set aside, with no call, when a call rang):
    it waits until the operator reopens it and saves or discards it. `key` is the call's id, or an
    `idle-…` key for work that belonged to no call."""

    key: str
    work: TicketWork
    customer: CustomerDTO | None
    caller_id_raw: str
    kept_at: datetime
    interaction_id: UUID | None = None  # the call's row (it may still wait in the outbox)


@dataclass(eq=False)
class CallRecord:
    session: CallSession
    interaction_uuid: UUID | None = None         # the id the desk drew for the call's row at the ring
    interaction_id: UUID | None = None           # the same, once the row is in the database
    pop: ScreenPop | None = None
    linked_customer: CustomerDTO | None = None   # created or linked by the operator on the card
    ticket: TicketWork | None = None
    checklist_run: ChecklistRun | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    @property
    def call_id(self) -> str:
        return self.session.call_id

    @property
    def customer(self) -> CustomerDTO | None:
        """The call's customer: the one the operator linked, else the screen-pop's."""
        if self.linked_customer is not None:
            return self.linked_customer
        return self.pop.customer if self.pop is not None else None

    @property
    def unsaved_ticket(self) -> bool:
        return self.ticket is not None and self.ticket.unsaved
