"""Domain vocabulary shared by every layer: roles, ticket workflow, call direction."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from enum import StrEnum


def utcnow() -> datetime:
    return datetime.now(UTC)


class Role(StrEnum):
    OPERATOR = "operator"
    LEAD = "lead"
    TRAINER = "trainer"
    ADMIN = "admin"


class Direction(StrEnum):
    INBOUND = "inbound"
    OUTBOUND = "outbound"


class Segment(StrEnum):
    CONSUMER = "consumer"
    SMALL_BUSINESS = "small_business"
    CORPORATE = "corporate"
    GOVERNMENT = "government"


class Priority(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    URGENT = "urgent"


# Hours to resolve, by priority: the default SLA policy. Admins can override per category later.
SLA_HOURS: dict[Priority, int] = {
    Priority.LOW: 72,
    Priority.NORMAL: 24,
    Priority.HIGH: 8,
    Priority.URGENT: 2,
}


def sla_due(created_at: datetime, priority: Priority) -> datetime:
    return created_at + timedelta(hours=SLA_HOURS[Priority(priority)])


class Tier(StrEnum):
    L1 = "L1"
    L2 = "L2"
    L3 = "L3"

    def next(self) -> Tier | None:
        order = [Tier.L1, Tier.L2, Tier.L3]
        i = order.index(self)
        return order[i + 1] if i + 1 < len(order) else None


class TicketStatus(StrEnum):
    NEW = "new"
    OPEN = "open"
    PENDING = "pending"
    ESCALATED = "escalated"
    RESOLVED = "resolved"
    CLOSED = "closed"

    @property
    def is_open(self) -> bool:
        return self not in (TicketStatus.RESOLVED, TicketStatus.CLOSED)


# The workflow: new -> open -> pending -> escalated -> resolved -> closed, with the
# back-steps a real desk needs (a pending ticket reopens when the customer answers,
# a resolved one reopens when the fix did not hold).
TICKET_TRANSITIONS: dict[TicketStatus, frozenset[TicketStatus]] = {
    TicketStatus.NEW: frozenset({TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.ESCALATED,
                                 TicketStatus.RESOLVED}),
    TicketStatus.OPEN: frozenset({TicketStatus.PENDING, TicketStatus.ESCALATED, TicketStatus.RESOLVED}),
    TicketStatus.PENDING: frozenset({TicketStatus.OPEN, TicketStatus.ESCALATED, TicketStatus.RESOLVED}),
    TicketStatus.ESCALATED: frozenset({TicketStatus.OPEN, TicketStatus.PENDING, TicketStatus.RESOLVED}),
    TicketStatus.RESOLVED: frozenset({TicketStatus.OPEN, TicketStatus.CLOSED}),
    TicketStatus.CLOSED: frozenset(),
}

OPEN_STATUSES: tuple[str, ...] = tuple(s.value for s in TicketStatus if s.is_open)


def can_transition(old: TicketStatus | str, new: TicketStatus | str) -> bool:
    old, new = TicketStatus(old), TicketStatus(new)
    return old == new or new in TICKET_TRANSITIONS[old]


class CallerType(StrEnum):
    """The kinds of difficult caller the de-escalation checklist has variants for."""

    GENERAL = "general"
    AGGRESSIVE = "aggressive"
    CHRONIC = "chronically_dissatisfied"
    STORYTELLER = "storyteller"
    INFLATED = "inflated_expectations"
