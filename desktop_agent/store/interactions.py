"""The call record: one interactions row per call, written from ring to wrap-up.

The InteractionService of core.ports. Telephony delivers caller IDs in every shape, including
garbage; the raw value is kept (cut to the column's size, never refused) beside its E.164 form.
The agent-side queue_log rows are the caller's job (store.queue_log.append), not this module's.
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import case, func, literal, select, update
from sqlalchemy.orm import Session

from desktop_agent.core.domain import Direction, utcnow
from desktop_agent.core.dto import InteractionDTO
from desktop_agent.core.phone import normalise
from desktop_agent.store.database import Database
from desktop_agent.store.errors import InvalidOperation, RowNotFound
from desktop_agent.store.models import Agent, ChecklistRun, Customer, Disposition, Interaction, Ticket
from desktop_agent.store.notify import record_change

_columns = Interaction.__table__.c
RAW_MAX = _columns.caller_id_raw.type.length  # 512
CALLID_MAX = _columns.callid.type.length  # 128
# the columns of InteractionDTO, by its field names (disposition is the code's column)
_ROW = tuple(_columns[name].label(field) for field, name in (
    ("id", "id"), ("callid", "callid"), ("direction", "direction"), ("caller_id_raw", "caller_id_raw"),
    ("caller_number", "caller_number"), ("customer_id", "customer_id"), ("queue", "queue"),
    ("agent_id", "agent_id"), ("offered_at", "offered_at"), ("answered_at", "answered_at"),
    ("ended_at", "ended_at"), ("hold_seconds", "hold_seconds"), ("wrapup_seconds", "wrapup_seconds"),
    ("disposition", "disposition_code"), ("ticket_id", "ticket_id"), ("notes", "notes")))
QUEUE_MAX = _columns.queue.type.length


def storable(value: object, limit: int | None = None) -> str:
    """Any text made safe to store: no NUL (PostgreSQL refuses it), no lone surrogates, cut to size."""
    text = "" if value is None else str(value)
    text = text.replace("\x00", "").encode("utf-8", "replace").decode("utf-8")
    return text[:limit] if limit else text


def interaction_dto(i: Interaction) -> InteractionDTO:
    return InteractionDTO(
        id=i.id, callid=i.callid, direction=i.direction, caller_id_raw=i.caller_id_raw,
        caller_number=i.caller_number, customer_id=i.customer_id, queue=i.queue, agent_id=i.agent_id,
        offered_at=i.offered_at, answered_at=i.answered_at, ended_at=i.ended_at, hold_seconds=i.hold_seconds,
        wrapup_seconds=i.wrapup_seconds, disposition=i.disposition_code, ticket_id=i.ticket_id, notes=i.notes,
    )


_INSERTS: dict[str, Any] = {}


def _insert_new(dialect: Any) -> Any:
    """INSERT ... ON CONFLICT (id) DO NOTHING RETURNING the row, built once per dialect."""
    stmt = _INSERTS.get(dialect.name)
    if stmt is None:
        if dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as dialect_insert
        else:
            from sqlalchemy.dialects.sqlite import insert as dialect_insert
        stmt = _INSERTS[dialect.name] = (dialect_insert(Interaction.__table__)
                                         .on_conflict_do_nothing(index_elements=["id"]).returning(*_ROW))
    return stmt


def _seconds(value: object, what: str) -> int:
    try:
        seconds = int(value)  # type: ignore[call-overload]
    except (TypeError, ValueError):
        raise InvalidOperation(f"{what} must be a whole number of seconds, not {str(value)[:20]!r}") from None
    if seconds < 0:
        raise InvalidOperation(f"{what} cannot be negative")
    return seconds


class InteractionStore:
    """core.ports.InteractionService on a Database. `origin` is this desktop's id for change_log."""

    def __init__(self, db: Database, origin: str, *, clock: Callable[[], datetime] = utcnow) -> None:
        self.db, self.origin, self.clock = db, origin, clock
        self._agents: set[uuid.UUID] = set()

    def _change(self, interaction_id: uuid.UUID, apply: Callable[[Session, Interaction], None]) -> InteractionDTO:
        with self.db.transaction() as session:
            interaction = session.get(Interaction, interaction_id, with_for_update=True)
            if interaction is None:
                raise RowNotFound(f"no interaction with id {interaction_id}")
            apply(session, interaction)
            session.flush()
            record_change(session, "interaction", interaction.id, self.origin)
            return interaction_dto(interaction)

    def ring(self, callid: str, caller_id_raw: str, *, direction: str = "inbound", queue: str | None = None,
             agent_id: uuid.UUID | None = None, customer_id: uuid.UUID | None = None,
             offered_at: datetime | None = None, interaction_id: uuid.UUID | None = None) -> InteractionDTO:
        """The call's row. With `interaction_id` (the desk draws it, so its outbox can replay the
        ring), a row that already has that id is returned as it is: a replay writes nothing twice."""
        try:
            direction = Direction(direction).value
        except ValueError:
            raise InvalidOperation(f"unknown call direction {str(direction)[:20]!r}") from None
        raw = storable(caller_id_raw, RAW_MAX)
        caller = normalise(raw)
        row_id = interaction_id or uuid.uuid4()
        values = {"id": row_id, "callid": storable(callid, CALLID_MAX), "direction": direction,
                  "caller_id_raw": raw, "caller_number": caller.e164, "customer_id": customer_id,
                  "queue": storable(queue, QUEUE_MAX) if queue else None, "agent_id": agent_id,
                  "offered_at": offered_at or self.clock(), "hold_seconds": 0, "wrapup_seconds": 0, "notes": ""}
        with self.db.transaction() as session:
            if customer_id is not None and session.get(Customer, customer_id) is None:
                values["customer_id"] = None  # a stale screen-pop match must not lose the call record
            if agent_id is not None and agent_id not in self._agents:
                if session.get(Agent, agent_id) is None:
                    raise RowNotFound(f"no agent with id {agent_id}")
                self._agents.add(agent_id)  # agents are deactivated, not deleted: once seen, known
            # one INSERT ... ON CONFLICT DO NOTHING RETURNING: nothing comes back for an id that is there
            row = session.execute(_insert_new(session.get_bind().dialect), values).one_or_none()
            if row is None:
                existing = session.execute(select(*_ROW).where(Interaction.id == row_id)).one()
                return InteractionDTO(**existing._mapping)
            record_change(session, "interaction", row_id, self.origin)
            return InteractionDTO(**row._mapping)

    def _set(self, interaction_id: uuid.UUID, **values: Any) -> InteractionDTO:
        """One UPDATE ... RETURNING (no row loaded first): the call's simple updates, which the desk's
        outbox also replays by the thousand after an outage."""
        stmt = update(Interaction).where(Interaction.id == interaction_id).values(**values).returning(*_ROW)
        with self.db.transaction() as session:
            row = session.execute(stmt).one_or_none()
            if row is None:
                raise RowNotFound(f"no interaction with id {interaction_id}")
            record_change(session, "interaction", interaction_id, self.origin)
            return InteractionDTO(**row._mapping)

    def answered(self, interaction_id: uuid.UUID, at: datetime | None = None) -> InteractionDTO:
        # the first answer counts
        when = literal(at or self.clock(), Interaction.answered_at.type)
        return self._set(interaction_id, answered_at=func.coalesce(Interaction.answered_at, when))

    def add_hold(self, interaction_id: uuid.UUID, seconds: int) -> InteractionDTO:
        extra = _seconds(seconds, "hold time")

        def apply(_s: Session, i: Interaction) -> None:
            i.hold_seconds = (i.hold_seconds or 0) + extra

        return self._change(interaction_id, apply)

    def set_hold(self, interaction_id: uuid.UUID, seconds: int) -> InteractionDTO:
        """The call's hold time so far, as a total: writing it again (a replay) changes nothing."""
        total = _seconds(seconds, "hold time")
        return self._set(interaction_id, hold_seconds=case((Interaction.hold_seconds > total, Interaction.hold_seconds),
                                                           else_=total))

    def ended(self, interaction_id: uuid.UUID, at: datetime | None = None) -> InteractionDTO:
        when = literal(at or self.clock(), Interaction.ended_at.type)
        return self._set(interaction_id, ended_at=func.coalesce(Interaction.ended_at, when))

    def wrap_up(self, interaction_id: uuid.UUID, *, disposition: str, wrapup_seconds: int,
                notes: str = "") -> InteractionDTO:
        seconds = _seconds(wrapup_seconds, "wrap-up time")
        code = (disposition or "").strip()
        if not code:
            raise InvalidOperation("a disposition is required to finish wrap-up")
        stmt = (update(Interaction).where(Interaction.id == interaction_id)
                .values(disposition_code=code, wrapup_seconds=seconds, notes=storable(notes or ""),
                        ended_at=func.coalesce(Interaction.ended_at,
                                               literal(self.clock(), Interaction.ended_at.type)))
                .returning(*_ROW))
        with self.db.transaction() as session:
            found = session.get(Disposition, code)
            if found is None or not found.active:
                raise InvalidOperation(f"unknown disposition code {code[:40]!r}")
            row = session.execute(stmt).one_or_none()
            if row is None:
                raise RowNotFound(f"no interaction with id {interaction_id}")
            if found.requires_ticket and row.ticket_id is None:  # raising here rolls the update back
                raise InvalidOperation(f"the disposition {code!r} needs a ticket linked to the call")
            record_change(session, "interaction", interaction_id, self.origin)
            return InteractionDTO(**row._mapping)

    def add_note(self, interaction_id: uuid.UUID, line: str) -> InteractionDTO:
        """A line added to the call's notes (on a line of its own after what is there), unless the
        notes hold that line already: writing it again (a recovery run twice) changes nothing."""
        text = storable(line).strip()
        if not text:
            raise InvalidOperation("a note needs some text")

        def apply(_s: Session, i: Interaction) -> None:
            notes = i.notes or ""
            if text not in notes.splitlines():
                i.notes = f"{notes.rstrip()}\n{text}" if notes.strip() else text

        return self._change(interaction_id, apply)

    def set_customer(self, interaction_id: uuid.UUID, customer_id: uuid.UUID | None) -> InteractionDTO:
        def apply(session: Session, i: Interaction) -> None:
            if customer_id is not None and session.get(Customer, customer_id) is None:
                raise RowNotFound(f"no customer with id {customer_id}")
            i.customer_id = customer_id

        return self._change(interaction_id, apply)

    def link_ticket(self, interaction_id: uuid.UUID, ticket_id: uuid.UUID | None) -> InteractionDTO:
        def apply(session: Session, i: Interaction) -> None:
            if ticket_id is not None and session.get(Ticket, ticket_id) is None:
                raise RowNotFound(f"no ticket with id {ticket_id}")
            i.ticket_id = ticket_id

        return self._change(interaction_id, apply)

    def link_checklist_run(self, interaction_id: uuid.UUID, run_id: uuid.UUID | None) -> InteractionDTO:
        def apply(session: Session, i: Interaction) -> None:
            if run_id is not None and session.get(ChecklistRun, run_id) is None:
                raise RowNotFound(f"no checklist run with id {run_id}")
            i.checklist_run_id = run_id

        return self._change(interaction_id, apply)

    def checklist_run_id(self, interaction_id: uuid.UUID) -> uuid.UUID | None:
        with self.db.session() as session:
            return session.scalar(select(Interaction.checklist_run_id).where(Interaction.id == interaction_id))

    def get(self, interaction_id: uuid.UUID) -> InteractionDTO:
        with self.db.session() as session:
            interaction = session.get(Interaction, interaction_id)
            if interaction is None:
                raise RowNotFound(f"no interaction with id {interaction_id}")
            return interaction_dto(interaction)

    def by_callid(self, callid: str) -> InteractionDTO | None:
        """The newest interaction with this call id (ids can repeat across PBX restarts)."""
        stmt = (select(Interaction).where(Interaction.callid == storable(callid, CALLID_MAX))
                .order_by(Interaction.offered_at.desc()).limit(1))
        with self.db.session() as session:
            interaction = session.scalar(stmt)
            return interaction_dto(interaction) if interaction else None

    def for_agent(self, agent_id: uuid.UUID, since: datetime) -> Sequence[InteractionDTO]:
        """An agent's calls since a time, oldest first: the personal KPI strip counts these."""
        stmt = (select(Interaction).where(Interaction.agent_id == agent_id, Interaction.offered_at >= since)
                .order_by(Interaction.offered_at))
        with self.db.session() as session:
            return tuple(interaction_dto(i) for i in session.scalars(stmt))
