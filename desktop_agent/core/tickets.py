"""Ticket rules the editor and the card apply: which statuses to offer, the SLA clock, the merge of edits.

Pure Python (no Qt): ui/ticket/ turns the codes these return into words and colours.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from desktop_agent.core.domain import TICKET_TRANSITIONS, TicketStatus

# Ticket categories the demo data and the default dispositions use, the ones the editor offers; a
# ticket may carry any other (imported) category, which is then shown as it is.
CATEGORIES = ("general", "technical", "billing", "delivery", "account", "complaint")


def status_choices(current: str) -> list[str]:
    """The statuses the editor offers: the current one and where core.domain lets it go.

    'Escalated' is reached only through escalation, which needs a reason, so it is never offered
    as a plain status change."""
    here = TicketStatus(current)
    allowed = TICKET_TRANSITIONS[here] - {TicketStatus.ESCALATED}
    return [s.value for s in TicketStatus if s is here or s in allowed]


class SlaLevel(StrEnum):
    OK = "ok"              # more than half the time left: green
    WARNING = "warning"    # less than half left: amber
    BREACHED = "breached"  # past due: red, 'overdue by'
    STOPPED = "stopped"    # resolved or closed: the clock no longer runs
    NONE = "none"          # no SLA on this ticket


@dataclass(frozen=True)
class SlaState:
    level: SlaLevel
    remaining_seconds: float = 0.0   # negative when overdue
    fraction_left: float | None = None


def sla_state(created_at: datetime | None, due_at: datetime | None, status: str, now: datetime) -> SlaState:
    if due_at is None:
        return SlaState(SlaLevel.NONE)
    if not TicketStatus(status).is_open:
        return SlaState(SlaLevel.STOPPED, (due_at - now).total_seconds())
    remaining = (due_at - now).total_seconds()
    window = (due_at - created_at).total_seconds() if created_at is not None else 0.0
    fraction = remaining / window if window > 0 else (1.0 if remaining > 0 else 0.0)
    if remaining <= 0:
        return SlaState(SlaLevel.BREACHED, remaining, min(fraction, 0.0))
    return SlaState(SlaLevel.OK if fraction > 0.5 else SlaLevel.WARNING, remaining, fraction)


@dataclass(frozen=True)
class Merge:
    values: dict[str, Any]        # what the form should show now
    conflicts: tuple[str, ...]    # fields both sides changed differently: the operator's value is kept


def merge_edits(base: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> Merge:
    """Three-way merge of the editor's fields after someone else saved the ticket.

    A field the operator did not touch takes the newer value; a field the operator changed keeps
    the operator's value (never lose typed text), and is reported as a conflict when the other
    side changed it to something else."""
    values, conflicts = {}, []
    for name, my_value in mine.items():
        their_value = theirs.get(name, base.get(name))
        if my_value == base.get(name):
            values[name] = their_value
        else:
            values[name] = my_value
            if their_value != base.get(name) and their_value != my_value:
                conflicts.append(name)
    return Merge(values, tuple(conflicts))
