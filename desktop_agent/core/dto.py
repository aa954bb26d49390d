"""Frozen row DTOs: what the store hands to services and the UI. Never ORM objects."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from datetime import datetime
from typing import Any
from uuid import UUID


def _jsonable(value: Any) -> Any:
    if isinstance(value, datetime):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    if isinstance(value, dict):
        return {k: _jsonable(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [_jsonable(v) for v in value]
    return value


class JsonMixin:
    def to_json(self) -> dict[str, Any]:
        return _jsonable(asdict(self))  # type: ignore[call-overload]


@dataclass(frozen=True, slots=True)
class PhoneDTO(JsonMixin):
    e164: str
    label: str = "mobile"


@dataclass(frozen=True, slots=True)
class CustomerDTO(JsonMixin):
    id: UUID
    full_name: str
    phones: tuple[PhoneDTO, ...] = ()
    company: str | None = None
    email: str | None = None
    segment: str = "consumer"
    vip: bool = False
    language: str = "ru"
    notes: str = ""
    provisional: bool = False


@dataclass(frozen=True, slots=True)
class TicketDTO(JsonMixin):
    id: UUID
    number: str
    customer_id: UUID | None
    subject: str
    description: str
    category: str
    priority: str
    status: str
    tier: str
    assignee_id: UUID | None
    created_at: datetime
    updated_at: datetime
    sla_due_at: datetime | None
    version: int


@dataclass(frozen=True, slots=True)
class InteractionDTO(JsonMixin):
    id: UUID
    callid: str
    direction: str
    caller_id_raw: str
    caller_number: str | None
    customer_id: UUID | None
    queue: str | None
    agent_id: UUID | None
    offered_at: datetime
    answered_at: datetime | None
    ended_at: datetime | None
    hold_seconds: int
    wrapup_seconds: int
    disposition: str | None
    ticket_id: UUID | None
    notes: str = ""


@dataclass(frozen=True, slots=True)
class Badges(JsonMixin):
    vip: bool = False
    repeat_caller: bool = False
    contacts_last_7_days: int = 0


@dataclass(frozen=True, slots=True)
class ScreenPop(JsonMixin):
    """Everything the card shows when a call rings."""

    caller_id_raw: str
    caller_kind: str  # number | anonymous | invalid (see core.phone.CallerIdKind)
    caller_number: str | None
    customer: CustomerDTO | None  # None: unknown caller
    badges: Badges = field(default_factory=Badges)
    open_tickets: tuple[TicketDTO, ...] = ()
    last_interactions: tuple[InteractionDTO, ...] = ()
    # other customers owning the same number; `customer` is the one contacted most recently
    alternatives: tuple[CustomerDTO, ...] = ()
    partial: bool = False  # a CRM source failed: what is shown may be incomplete

    @property
    def unknown_caller(self) -> bool:
        return self.customer is None

    def to_json(self) -> dict[str, Any]:
        data = JsonMixin.to_json(self)
        data["unknown_caller"] = self.unknown_caller
        return data
