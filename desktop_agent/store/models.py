"""The schema. Rows that desktops create get UUID keys so that any desktop can create them offline."""

from __future__ import annotations

import uuid
from datetime import datetime
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    SmallInteger,
    String,
    Text,
    UniqueConstraint,
    Uuid,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

from desktop_agent.core.domain import utcnow
from desktop_agent.store.types import BigIntPK, UTCDateTime

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)
    type_annotation_map = {datetime: UTCDateTime(), dict[str, Any]: JSON(), list[Any]: JSON()}


def _uuid() -> uuid.UUID:
    return uuid.uuid4()


class Agent(Base):
    __tablename__ = "agents"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=_uuid)
    login: Mapped[str] = mapped_column(String(64), unique=True)
    display_name: Mapped[str] = mapped_column(String(200))
    role: Mapped[str] = mapped_column(String(16), default="operator")  # core.domain.Role
    extension: Mapped[str | None] = mapped_column(String(32))
    language: Mapped[str] = mapped_column(String(8), default="ru")
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)


class Customer(Base):
    __tablename__ = "customers"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=_uuid)
    full_name: Mapped[str] = mapped_column(String(300))
    company: Mapped[str | None] = mapped_column(String(300))
    email: Mapped[str | None] = mapped_column(String(320))
    segment: Mapped[str] = mapped_column(String(32), default="consumer")  # core.domain.Segment
    vip: Mapped[bool] = mapped_column(Boolean, default=False)
    language: Mapped[str] = mapped_column(String(8), default="ru")
    notes: Mapped[str] = mapped_column(Text, default="")
    provisional: Mapped[bool] = mapped_column(Boolean, default=False)  # created from an unknown call
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    phones: Mapped[list[CustomerPhone]] = relationship(
        back_populates="customer", cascade="all, delete-orphan", lazy="raise"
    )

    __table_args__ = (Index("ix_customers_full_name", "full_name"),)


class CustomerPhone(Base):
    __tablename__ = "customer_phones"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=_uuid)
    customer_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("customers.id", ondelete="CASCADE"))
    e164: Mapped[str] = mapped_column(String(20))
    label: Mapped[str] = mapped_column(String(32), default="mobile")

    customer: Mapped[Customer] = relationship(back_populates="phones", lazy="raise")

    __table_args__ = (
        Index("ix_customer_phones_e164", "e164"),
        Index("ix_customer_phones_customer_id", "customer_id"),
        UniqueConstraint("customer_id", "e164"),
    )


class Disposition(Base):
    __tablename__ = "dispositions"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    title_ru: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(32), default="resolved")
    requires_ticket: Mapped[bool] = mapped_column(Boolean, default=False)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class PauseReason(Base):
    __tablename__ = "pause_reasons"

    code: Mapped[str] = mapped_column(String(32), primary_key=True)
    title_ru: Mapped[str] = mapped_column(String(200))
    title_en: Mapped[str] = mapped_column(String(200))
    paid: Mapped[bool] = mapped_column(Boolean, default=True)
    max_minutes: Mapped[int | None] = mapped_column(Integer)
    position: Mapped[int] = mapped_column(Integer, default=0)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class Ticket(Base):
    __tablename__ = "tickets"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=_uuid)
    number: Mapped[str] = mapped_column(String(32), unique=True)
    customer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customers.id", ondelete="SET NULL"))
    subject: Mapped[str] = mapped_column(String(300))
    description: Mapped[str] = mapped_column(Text, default="")
    category: Mapped[str] = mapped_column(String(64), default="general")
    priority: Mapped[str] = mapped_column(String(16), default="normal")  # core.domain.Priority
    status: Mapped[str] = mapped_column(String(16), default="new")  # core.domain.TicketStatus
    tier: Mapped[str] = mapped_column(String(4), default="L1")  # core.domain.Tier
    assignee_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agents.id", ondelete="SET NULL"))
    created_by_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agents.id", ondelete="SET NULL"))
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow)
    sla_due_at: Mapped[datetime | None]
    resolved_at: Mapped[datetime | None]
    version: Mapped[int] = mapped_column(Integer, default=1)

    __mapper_args__ = {"version_id_col": version}
    __table_args__ = (
        Index("ix_tickets_customer_id_status", "customer_id", "status"),
        Index("ix_tickets_assignee_id_status", "assignee_id", "status"),
    )


class TicketHistory(Base):
    """Every field change and comment on a ticket: who, when, what."""

    __tablename__ = "ticket_history"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=_uuid)
    ticket_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("tickets.id", ondelete="CASCADE"))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    agent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agents.id", ondelete="SET NULL"))
    kind: Mapped[str] = mapped_column(String(16))  # created | change | comment | escalation
    field: Mapped[str | None] = mapped_column(String(64))
    old_value: Mapped[str | None] = mapped_column(Text)
    new_value: Mapped[str | None] = mapped_column(Text)
    comment: Mapped[str | None] = mapped_column(Text)

    __table_args__ = (Index("ix_ticket_history_ticket_id_at", "ticket_id", "at"),)


class ChecklistDefinition(Base):
    __tablename__ = "checklist_definitions"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=_uuid)
    key: Mapped[str] = mapped_column(String(64))
    language: Mapped[str] = mapped_column(String(8))
    caller_type: Mapped[str] = mapped_column(String(32))  # core.domain.CallerType
    title: Mapped[str] = mapped_column(String(200))
    description: Mapped[str] = mapped_column(Text, default="")
    # [{"key", "title", "hint", "phrases": [template keys], "cue": {...}}]
    steps: Mapped[list[Any]] = mapped_column(JSON)
    revision: Mapped[int] = mapped_column(Integer, default=1)
    active: Mapped[bool] = mapped_column(Boolean, default=True)

    __table_args__ = (UniqueConstraint("key", "language", "revision"),)


class ChecklistRun(Base):
    __tablename__ = "checklist_runs"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=_uuid)
    definition_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("checklist_definitions.id"))
    agent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agents.id", ondelete="SET NULL"))
    caller_type: Mapped[str] = mapped_column(String(32))
    started_at: Mapped[datetime] = mapped_column(default=utcnow)
    finished_at: Mapped[datetime | None]
    # [{"key": step key, "done_at": ISO time or null, "skipped": bool}]
    steps: Mapped[list[Any]] = mapped_column(JSON, default=list)
    cues: Mapped[list[Any]] = mapped_column(JSON, default=list)  # timed cues shown, with times


class Interaction(Base):
    """One call."""

    __tablename__ = "interactions"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=_uuid)
    callid: Mapped[str] = mapped_column(String(128))
    direction: Mapped[str] = mapped_column(String(8), default="inbound")
    caller_id_raw: Mapped[str] = mapped_column(String(512), default="")
    caller_number: Mapped[str | None] = mapped_column(String(20))  # E.164, when it is one
    customer_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("customers.id", ondelete="SET NULL"))
    queue: Mapped[str | None] = mapped_column(String(128))
    agent_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("agents.id", ondelete="SET NULL"))
    offered_at: Mapped[datetime] = mapped_column(default=utcnow)
    answered_at: Mapped[datetime | None]
    ended_at: Mapped[datetime | None]
    hold_seconds: Mapped[int] = mapped_column(Integer, default=0)
    wrapup_seconds: Mapped[int] = mapped_column(Integer, default=0)
    disposition_code: Mapped[str | None] = mapped_column(ForeignKey("dispositions.code"))
    notes: Mapped[str] = mapped_column(Text, default="")
    ticket_id: Mapped[uuid.UUID | None] = mapped_column(ForeignKey("tickets.id", ondelete="SET NULL"))
    checklist_run_id: Mapped[uuid.UUID | None] = mapped_column(
        ForeignKey("checklist_runs.id", ondelete="SET NULL")
    )

    __table_args__ = (
        Index("ix_interactions_customer_id_offered_at", "customer_id", "offered_at"),
        Index("ix_interactions_caller_number_offered_at", "caller_number", "offered_at"),
        Index("ix_interactions_callid", "callid"),
        Index("ix_interactions_agent_id_offered_at", "agent_id", "offered_at"),
    )


class ResponseTemplate(Base):
    __tablename__ = "response_templates"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=_uuid)
    key: Mapped[str] = mapped_column(String(64))  # the same key in every language
    language: Mapped[str] = mapped_column(String(8))
    category: Mapped[str] = mapped_column(String(64))
    title: Mapped[str] = mapped_column(String(200))
    body: Mapped[str] = mapped_column(Text)
    tags: Mapped[str] = mapped_column(String(500), default="")  # space-separated
    active: Mapped[bool] = mapped_column(Boolean, default=True)
    updated_at: Mapped[datetime] = mapped_column(default=utcnow, onupdate=utcnow)

    __table_args__ = (UniqueConstraint("key", "language"),)


class TemplateFavourite(Base):
    """An agent's template on a number key (1-9)."""

    __tablename__ = "template_favourites"

    agent_id: Mapped[uuid.UUID] = mapped_column(ForeignKey("agents.id", ondelete="CASCADE"), primary_key=True)
    slot: Mapped[int] = mapped_column(SmallInteger, primary_key=True)
    template_key: Mapped[str] = mapped_column(String(64))


class SurveyAnswer(Base):
    """Post-call survey answers, for CSAT, NPS and CES."""

    __tablename__ = "survey_answers"

    id: Mapped[uuid.UUID] = mapped_column(Uuid, primary_key=True, default=_uuid)
    callid: Mapped[str] = mapped_column(String(128))
    queue: Mapped[str | None] = mapped_column(String(128))
    at: Mapped[datetime] = mapped_column(default=utcnow)
    kind: Mapped[str] = mapped_column(String(8))  # csat (1-5) | nps (0-10) | ces (1-7)
    score: Mapped[int] = mapped_column(SmallInteger)

    __table_args__ = (Index("ix_survey_answers_at", "at"),)


class QueueLog(Base):
    """Asterisk's realtime queue_log layout, plus a serial id so readers can fetch only new rows,
    and a uid (an idempotency key, unique when set) so a row written twice is stored once."""

    __tablename__ = "queue_log"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    time: Mapped[datetime] = mapped_column()
    callid: Mapped[str] = mapped_column(String(80), default="")
    queuename: Mapped[str] = mapped_column(String(256), default="")
    agent: Mapped[str] = mapped_column(String(80), default="")
    event: Mapped[str] = mapped_column(String(32))
    data1: Mapped[str] = mapped_column(String(100), default="")
    data2: Mapped[str] = mapped_column(String(100), default="")
    data3: Mapped[str] = mapped_column(String(100), default="")
    data4: Mapped[str] = mapped_column(String(100), default="")
    data5: Mapped[str] = mapped_column(String(100), default="")
    uid: Mapped[str | None] = mapped_column(String(64))  # NULL: no key (Asterisk's own rows, older rows)

    __table_args__ = (
        Index("ix_queue_log_time", "time"),
        Index("ix_queue_log_callid", "callid"),
        Index("ix_queue_log_uid", "uid", unique=True),
    )


class ChangeLog(Base):
    """One row per committed change, for other desktops: polled on SQLite, announced by NOTIFY on PostgreSQL."""

    __tablename__ = "change_log"

    id: Mapped[int] = mapped_column(BigIntPK, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(default=utcnow)
    entity: Mapped[str] = mapped_column(String(32))  # ticket | customer | template | ...
    entity_id: Mapped[str] = mapped_column(String(64))
    origin: Mapped[str] = mapped_column(String(64), default="")  # the desktop that made it


class DemoSeedInfo(Base):
    """Marks what the first start generated, so it is not generated twice."""

    __tablename__ = "app_meta"

    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    value: Mapped[str] = mapped_column(Text)
