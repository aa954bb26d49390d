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


class Resolution(StrEnum):
    """What the operator keeps of a field both sides changed."""

    THEIRS = "theirs"
    MINE = "mine"
    BOTH = "both"   # both texts combined, then edited by the operator: free-text fields only


# Free text the operator may combine ("keep both"): the description line by line, the subject on one line.
TEXT_FIELDS = ("subject", "description")
SUBJECT_JOINER = " / "


@dataclass(frozen=True)
class FieldConflict:
    """A field both sides changed, to different values: the stored value both started from, the operator's
    and the one the other desktop saved."""

    name: str
    base: Any
    mine: Any
    theirs: Any

    @property
    def combinable(self) -> bool:
        return self.name in TEXT_FIELDS and isinstance(self.mine, str) and isinstance(self.theirs, str)

    def proposal(self) -> Any:
        """What 'keep both' starts from: the two texts combined (the operator edits it); mine when the field
        is not free text."""
        if not self.combinable:
            return self.mine
        return combine_texts(self.mine, self.theirs, lines=self.name != "subject")


@dataclass(frozen=True)
class Merge:
    values: dict[str, Any]        # what the form should show now; on a conflict the operator's value, until resolved
    conflicts: tuple[str, ...]    # fields both sides changed differently, in the order of the fields
    details: tuple[FieldConflict, ...] = ()   # the same fields with base, mine and theirs

    def detail(self, name: str) -> FieldConflict:
        for c in self.details:
            if c.name == name:
                return c
        raise KeyError(name)

    def resolved(self, chosen: Mapping[str, Any]) -> dict[str, Any]:
        """The merged values with the operator's value for every conflicting field; a conflict left without
        a decision is refused (ValueError): nobody's text is dropped by default."""
        missing = [name for name in self.conflicts if name not in chosen]
        if missing:
            raise ValueError(f"no decision for {', '.join(missing)}")
        unknown = set(chosen) - set(self.conflicts)
        if unknown:
            raise ValueError(f"not in conflict: {', '.join(sorted(unknown))}")
        return {**self.values, **chosen}

    def pick(self, resolutions: Mapping[str, Resolution]) -> dict[str, Any]:
        """`resolved` with a plain choice per field (theirs, mine, or the combined proposal)."""
        chosen: dict[str, Any] = {}
        for name, how in resolutions.items():
            c = self.detail(name)
            if how is Resolution.THEIRS:
                chosen[name] = c.theirs
            elif how is Resolution.MINE:
                chosen[name] = c.mine
            else:
                chosen[name] = c.proposal()
        return self.resolved(chosen)


def merge_edits(base: Mapping[str, Any], mine: Mapping[str, Any], theirs: Mapping[str, Any]) -> Merge:
    """Three-way merge of the editor's fields after someone else saved the ticket.

    A field changed on one side only takes that side's value, silently. A field both sides changed to
    different values is a conflict: `values` holds the operator's value for it (never lose typed text)
    and `details` has base, mine and theirs, for the operator to decide (`Merge.resolved`). Both sides
    changing a field to the same value is no conflict."""
    values: dict[str, Any] = {}
    details: list[FieldConflict] = []
    for name, my_value in mine.items():
        base_value = base.get(name)
        their_value = theirs.get(name, base_value)
        if my_value == base_value:
            values[name] = their_value
        else:
            values[name] = my_value
            if their_value != base_value and their_value != my_value:
                details.append(FieldConflict(name, base_value, my_value, their_value))
    return Merge(values, tuple(c.name for c in details), tuple(details))


def combine_texts(mine: str, theirs: str, *, lines: bool = True) -> str:
    """Both texts in one, nothing of either dropped: a proposal the operator edits.

    With `lines`, a line-level union: the lines both have once, in their order; where they differ, my
    lines and then theirs. On one line (a subject): the one that holds the other, else mine / theirs."""
    if not lines:
        a, b = mine.strip(), theirs.strip()
        if b in a:
            return mine
        if a in b:
            return theirs
        return f"{a}{SUBJECT_JOINER}{b}"
    from difflib import SequenceMatcher  # only when a merge needs it: not on the start path

    mine_lines, their_lines = mine.split("\n"), theirs.split("\n")
    out: list[str] = []
    matcher = SequenceMatcher(None, mine_lines, their_lines, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        out.extend(mine_lines[i1:i2])          # equal, or mine where they differ
        if op in ("insert", "replace"):
            out.extend(their_lines[j1:j2])     # then theirs
    return "\n".join(out)
