"""Tickets: create, edit with optimistic locking, escalate, comment, history, link to a call, search.

The TicketService of core.ports. Each operation is one transaction that also writes its
ticket_history rows and a change_log row, so another desktop either sees all of it or none.
Refusals (stale version, bad workflow step, missing reason) are raised before anything is
written, and the transaction rolls back: the database is unchanged and the UI keeps its text.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session
from sqlalchemy.orm.exc import StaleDataError

from desktop_agent.core.domain import (
    OPEN_STATUSES,
    Priority,
    TicketStatus,
    Tier,
    can_transition,
    sla_due,
    utcnow,
)
from desktop_agent.core.dto import TicketDTO
from desktop_agent.core.ports import EDITABLE_TICKET_FIELDS, TicketDraft, TicketHistoryEntry
from desktop_agent.core.templates import fill_saved_ticket
from desktop_agent.store.database import Database
from desktop_agent.store.errors import InvalidOperation, RowNotFound, StaleEdit
from desktop_agent.store.models import Agent, Customer, Interaction, Ticket, TicketHistory
from desktop_agent.store.notify import record_change

NumberFactory = Callable[[Session], str]

SUBJECT_MAX = 300
CATEGORY_MAX = 64


def _project_ticket_number(at: datetime) -> str:
    # imported on first use: seed.py brings the demo-data machinery, which a cold start need not load
    from desktop_agent.store.seed import new_ticket_number

    return new_ticket_number(at=at)


def ticket_dto(t: Ticket) -> TicketDTO:
    return TicketDTO(
        id=t.id, number=t.number, customer_id=t.customer_id, subject=t.subject, description=t.description,
        category=t.category, priority=t.priority, status=t.status, tier=t.tier, assignee_id=t.assignee_id,
        created_at=t.created_at, updated_at=t.updated_at, sla_due_at=t.sla_due_at, version=t.version,
    )


def history_dto(h: TicketHistory) -> TicketHistoryEntry:
    return TicketHistoryEntry(id=h.id, ticket_id=h.ticket_id, at=h.at, agent_id=h.agent_id, kind=h.kind,
                              field=h.field, old_value=h.old_value, new_value=h.new_value, comment=h.comment)


def _text(value: object) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat()
    return str(value)


def _uuid_or_none(value: object, what: str) -> uuid.UUID | None:
    if value is None or value == "":
        return None
    if isinstance(value, uuid.UUID):
        return value
    try:
        return uuid.UUID(str(value))
    except ValueError:
        raise InvalidOperation(f"{what} is not a valid id: {str(value)[:40]!r}") from None


def _clean_text(value: object) -> str:
    # PostgreSQL refuses NUL in text; an operator never means one
    return str(value).replace("\x00", "")


class _History:
    """The history rows of one operation: one timestamp, a microsecond apart, so they list in order."""

    def __init__(self, session: Session, ticket_id: uuid.UUID, agent_id: uuid.UUID | None, at: datetime):
        self.session, self.ticket_id, self.agent_id, self.at = session, ticket_id, agent_id, at
        self.count = 0

    def add(self, kind: str, field: str | None = None, old: object = None, new: object = None,
            comment: str | None = None) -> TicketHistory:
        row = TicketHistory(ticket_id=self.ticket_id, agent_id=self.agent_id, kind=kind, field=field,
                            old_value=_text(old), new_value=_text(new), comment=comment,
                            at=self.at + timedelta(microseconds=self.count))
        self.count += 1
        self.session.add(row)
        return row


class TicketStore:
    """core.ports.TicketService on a Database. `origin` is this desktop's id for change_log."""

    def __init__(self, db: Database, origin: str, *, number_factory: NumberFactory | None = None,
                 clock: Callable[[], datetime] = utcnow) -> None:
        self.db, self.origin, self.clock = db, origin, clock
        # a parameter so that tests and imports can number tickets their own way
        self.number_factory = number_factory or (lambda _session: _project_ticket_number(self.clock()))

    # -- validation, before any write ---------------------------------------------------------

    @staticmethod
    def _subject(value: object) -> str:
        subject = " ".join(_clean_text(value or "").split())
        if not subject:
            raise InvalidOperation("a ticket needs a subject")
        if len(subject) > SUBJECT_MAX:
            raise InvalidOperation(f"the subject is {len(subject)} characters long; the limit is {SUBJECT_MAX}")
        return subject

    @staticmethod
    def _category(value: object) -> str:
        category = _clean_text(value or "").strip() or "general"
        if len(category) > CATEGORY_MAX:
            raise InvalidOperation(f"the category is longer than {CATEGORY_MAX} characters")
        return category

    @staticmethod
    def _priority(value: object) -> str:
        try:
            return Priority(str(value)).value
        except ValueError:
            raise InvalidOperation(
                f"unknown priority {str(value)[:40]!r}: use one of {', '.join(p.value for p in Priority)}"
            ) from None

    @staticmethod
    def _exists(session: Session, model: type, key: uuid.UUID | None, what: str) -> None:
        if key is not None and session.get(model, key) is None:
            raise RowNotFound(f"no {what} with id {key}")

    def _locked(self, session: Session, ticket_id: uuid.UUID, expected_version: int | None) -> Ticket:
        ticket = session.get(Ticket, ticket_id, with_for_update=True)  # a row lock on PostgreSQL
        if ticket is None:
            raise RowNotFound(f"no ticket with id {ticket_id}")
        if expected_version is not None and ticket.version != expected_version:
            raise StaleEdit("ticket", ticket.number, expected_version, ticket.version)
        return ticket

    def _flush(self, session: Session, ticket: Ticket, expected_version: int) -> None:
        try:
            session.flush()
        except StaleDataError:  # another desktop saved between our read and our write
            session.rollback()
            actual = self._current_version(ticket.id)
            raise StaleEdit("ticket", ticket.number, expected_version, actual) from None

    def _current_version(self, ticket_id: uuid.UUID) -> int | None:
        with self.db.session() as session:
            return session.scalar(select(Ticket.version).where(Ticket.id == ticket_id))

    # -- operations ---------------------------------------------------------------------------

    def create(self, draft: TicketDraft, *, agent_id: uuid.UUID | None) -> TicketDTO:
        if draft.id is not None:  # drawn by the desk: a replayed create returns the ticket it made
            with self.db.session() as session:
                existing = session.get(Ticket, draft.id)
                if existing is not None:
                    return ticket_dto(existing)
        subject = self._subject(draft.subject)
        category = self._category(draft.category)
        priority = self._priority(draft.priority)
        now = self.clock()
        for attempt in range(8):
            try:
                with self.db.transaction() as session:
                    self._exists(session, Customer, draft.customer_id, "customer")
                    self._exists(session, Agent, draft.assignee_id, "agent")
                    self._exists(session, Agent, agent_id, "agent")
                    self._exists(session, Interaction, draft.interaction_id, "interaction")
                    number, due = self.number_factory(session), sla_due(now, Priority(priority))
                    description = _clean_text(draft.description or "")
                    if draft.fill_language:  # the ticket's own placeholders, now that it has them
                        description = fill_saved_ticket(description, number=number, due_at=due, subject=subject,
                                                        language=draft.fill_language)
                    ticket = Ticket(
                        id=draft.id or uuid.uuid4(), number=number, customer_id=draft.customer_id,
                        subject=subject, description=description, category=category,
                        priority=priority, status=TicketStatus.NEW.value, tier=Tier.L1.value,
                        assignee_id=draft.assignee_id, created_by_id=agent_id, created_at=now, updated_at=now,
                        sla_due_at=due,
                    )
                    session.add(ticket)
                    session.flush()  # a duplicate number fails here, and the loop draws another
                    history = _History(session, ticket.id, agent_id, now)
                    history.add("created", "number", None, ticket.number, comment=subject)
                    if draft.interaction_id is not None:
                        self._link(session, history, ticket, draft.interaction_id)
                    record_change(session, "ticket", ticket.id, self.origin)
                    return ticket_dto(ticket)
            except IntegrityError as exc:
                if attempt == 7 or "number" not in str(exc.orig).lower():
                    raise InvalidOperation(f"the ticket could not be saved: {str(exc.orig).splitlines()[0]}") from exc
        raise AssertionError("unreachable")

    def get(self, ticket_id: uuid.UUID) -> TicketDTO:
        with self.db.session() as session:
            ticket = session.get(Ticket, ticket_id)
            if ticket is None:
                raise RowNotFound(f"no ticket with id {ticket_id}")
            return ticket_dto(ticket)

    def by_number(self, number: str) -> TicketDTO | None:
        with self.db.session() as session:
            ticket = session.scalar(select(Ticket).where(Ticket.number == number.strip().upper()))
            return ticket_dto(ticket) if ticket else None

    def _validated_changes(self, changes: Mapping[str, Any]) -> dict[str, Any]:
        clean: dict[str, Any] = {}
        for name, value in changes.items():
            if name == "tier":
                raise InvalidOperation("the tier changes only by escalation, which needs a reason")
            if name not in EDITABLE_TICKET_FIELDS:
                raise InvalidOperation(f"a ticket has no editable field {name!r}")
            if name == "subject":
                value = self._subject(value)
            elif name == "category":
                value = self._category(value)
            elif name == "priority":
                value = self._priority(value)
            elif name == "status":
                try:
                    value = TicketStatus(str(value)).value
                except ValueError:
                    raise InvalidOperation(f"unknown ticket status {str(value)[:40]!r}") from None
            elif name == "description":
                value = _clean_text(value or "")
            else:  # assignee_id, customer_id
                value = _uuid_or_none(value, name)
            clean[name] = value
        return clean

    def update(self, ticket_id: uuid.UUID, expected_version: int, changes: Mapping[str, Any], *,
               agent_id: uuid.UUID | None, fill_language: str | None = None) -> TicketDTO:
        clean = self._validated_changes(changes)
        now = self.clock()
        with self.db.transaction() as session:
            ticket = self._locked(session, ticket_id, expected_version)
            if fill_language and "description" in clean:  # the ticket's own placeholders, as it will be stored
                due = sla_due(ticket.created_at, Priority(clean["priority"])) if "priority" in clean \
                    else ticket.sla_due_at
                clean["description"] = fill_saved_ticket(
                    clean["description"], number=ticket.number, due_at=due,
                    subject=clean.get("subject", ticket.subject), language=fill_language)
            diffs = {k: v for k, v in clean.items() if getattr(ticket, k) != v}
            if not diffs:
                return ticket_dto(ticket)  # nothing to save: no new version, no history
            if "status" in diffs and not can_transition(ticket.status, diffs["status"]):
                raise InvalidOperation(
                    f"ticket {ticket.number} cannot go from {ticket.status} to {diffs['status']}"
                )
            self._exists(session, Customer, diffs.get("customer_id"), "customer")
            self._exists(session, Agent, diffs.get("assignee_id"), "agent")
            history = _History(session, ticket.id, agent_id, now)
            for name, value in diffs.items():
                history.add("change", name, getattr(ticket, name), value)
                setattr(ticket, name, value)
            if "priority" in diffs:
                due = sla_due(ticket.created_at, Priority(ticket.priority))
                history.add("change", "sla_due_at", ticket.sla_due_at, due)
                ticket.sla_due_at = due
            if "status" in diffs:
                if not TicketStatus(ticket.status).is_open:
                    ticket.resolved_at = ticket.resolved_at or now
                else:
                    ticket.resolved_at = None
            ticket.updated_at = now
            self._flush(session, ticket, expected_version)
            record_change(session, "ticket", ticket.id, self.origin)
            return ticket_dto(ticket)

    def escalate(self, ticket_id: uuid.UUID, expected_version: int, reason: str, *,
                 agent_id: uuid.UUID | None) -> TicketDTO:
        reason = _clean_text(reason or "").strip()
        if not reason:
            raise InvalidOperation("an escalation needs a reason")
        now = self.clock()
        with self.db.transaction() as session:
            ticket = self._locked(session, ticket_id, expected_version)
            higher = Tier(ticket.tier).next()
            if higher is None:
                raise InvalidOperation(f"ticket {ticket.number} is already at {ticket.tier}, the highest tier")
            if not TicketStatus(ticket.status).is_open:
                raise InvalidOperation(f"ticket {ticket.number} is {ticket.status}: reopen it before escalating")
            history = _History(session, ticket.id, agent_id, now)
            history.add("escalation", "tier", ticket.tier, higher.value, comment=reason)
            ticket.tier = higher.value
            if ticket.status != TicketStatus.ESCALATED:
                history.add("change", "status", ticket.status, TicketStatus.ESCALATED.value)
                ticket.status = TicketStatus.ESCALATED.value
            ticket.updated_at = now
            self._flush(session, ticket, expected_version)
            record_change(session, "ticket", ticket.id, self.origin)
            return ticket_dto(ticket)

    def add_comment(self, ticket_id: uuid.UUID, text: str, *, agent_id: uuid.UUID | None) -> TicketHistoryEntry:
        """A comment is history only: it does not bump the version, so nobody's open edit goes stale."""
        comment = _clean_text(text or "").strip()
        if not comment:
            raise InvalidOperation("an empty comment is not saved")
        with self.db.transaction() as session:
            ticket = self._locked(session, ticket_id, None)
            row = _History(session, ticket.id, agent_id, self.clock()).add("comment", comment=comment)
            session.flush()
            record_change(session, "ticket", ticket.id, self.origin)
            return history_dto(row)

    def history(self, ticket_id: uuid.UUID) -> Sequence[TicketHistoryEntry]:
        with self.db.session() as session:
            rows = session.scalars(
                select(TicketHistory).where(TicketHistory.ticket_id == ticket_id).order_by(TicketHistory.at)
            )
            return tuple(history_dto(r) for r in rows)

    def _link(self, session: Session, history: _History, ticket: Ticket, interaction_id: uuid.UUID) -> None:
        interaction = session.get(Interaction, interaction_id)
        if interaction is None:
            raise RowNotFound(f"no interaction with id {interaction_id}")
        if interaction.ticket_id == ticket.id:
            return
        history.add("link", "interaction", interaction.ticket_id, interaction.id)
        interaction.ticket_id = ticket.id
        record_change(session, "interaction", interaction.id, self.origin)

    def link_interaction(self, ticket_id: uuid.UUID, interaction_id: uuid.UUID, *,
                         agent_id: uuid.UUID | None) -> None:
        with self.db.transaction() as session:
            ticket = self._locked(session, ticket_id, None)
            self._link(session, _History(session, ticket.id, agent_id, self.clock()), ticket, interaction_id)
            record_change(session, "ticket", ticket.id, self.origin)

    def search(self, *, customer_id: uuid.UUID | None = None, text: str = "", open_only: bool = False,
               limit: int = 50) -> Sequence[TicketDTO]:
        """Newest first. Text matches the number or the subject, case-insensitively (Cyrillic too).

        With a customer the text is matched in Python (a customer has tens of tickets, and SQLite's
        and PostgreSQL-C-locale's lower() only fold ASCII); without one, by number or SQL ILIKE.
        """
        needle = " ".join((text or "").split())
        stmt = select(Ticket).order_by(Ticket.created_at.desc())
        if customer_id is not None:
            stmt = stmt.where(Ticket.customer_id == customer_id)
        if open_only:
            stmt = stmt.where(Ticket.status.in_(OPEN_STATUSES))
        in_python = bool(needle) and customer_id is not None
        if needle and not in_python:
            pattern = "%" + needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
            stmt = stmt.where(or_(Ticket.number == needle.upper(),
                                  Ticket.subject.ilike(pattern, escape="\\"),
                                  Ticket.number.ilike(pattern, escape="\\")))
        stmt = stmt.limit(5000 if in_python else limit)
        with self.db.session() as session:
            tickets = [ticket_dto(t) for t in session.scalars(stmt)]
        if in_python:
            folded = needle.casefold().replace("ё", "е")
            tickets = [t for t in tickets
                       if folded in f"{t.number} {t.subject}".casefold().replace("ё", "е")][:limit]
        return tuple(tickets)
