"""Ticket models for the card and the editor: ticket lists, history rows, SLA state, and words for codes.

The models hold frozen DTOs that a service already returned; a view never triggers a database
call. The rules they show (`sla_state`, `status_choices`, `merge_edits`) are in core.tickets.
Codes become words here, in the "TicketWords" translation context.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any
from uuid import UUID

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QApplication

from desktop_agent.core.domain import utcnow
from desktop_agent.core.dto import TicketDTO
from desktop_agent.core.ports import TicketHistoryEntry
from desktop_agent.core.tickets import SlaLevel, SlaState, sla_state
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.shell.theme import Tone, tone_colour

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole
WORDS = "TicketWords"

_STATUS = {
    "new": QT_TRANSLATE_NOOP("TicketWords", "New"),
    "open": QT_TRANSLATE_NOOP("TicketWords", "Open"),
    "pending": QT_TRANSLATE_NOOP("TicketWords", "Pending"),
    "escalated": QT_TRANSLATE_NOOP("TicketWords", "Escalated"),
    "resolved": QT_TRANSLATE_NOOP("TicketWords", "Resolved"),
    "closed": QT_TRANSLATE_NOOP("TicketWords", "Closed"),
}
_PRIORITY = {
    "low": QT_TRANSLATE_NOOP("TicketWords", "Low"),
    "normal": QT_TRANSLATE_NOOP("TicketWords", "Normal"),
    "high": QT_TRANSLATE_NOOP("TicketWords", "High"),
    "urgent": QT_TRANSLATE_NOOP("TicketWords", "Urgent"),
}
_CATEGORY = {
    "general": QT_TRANSLATE_NOOP("TicketWords", "General"),
    "technical": QT_TRANSLATE_NOOP("TicketWords", "Technical"),
    "billing": QT_TRANSLATE_NOOP("TicketWords", "Billing"),
    "delivery": QT_TRANSLATE_NOOP("TicketWords", "Delivery"),
    "account": QT_TRANSLATE_NOOP("TicketWords", "Account"),
    "complaint": QT_TRANSLATE_NOOP("TicketWords", "Complaint"),
}
_FIELD = {
    "subject": QT_TRANSLATE_NOOP("TicketWords", "Subject"),
    "description": QT_TRANSLATE_NOOP("TicketWords", "Description"),
    "category": QT_TRANSLATE_NOOP("TicketWords", "Category"),
    "priority": QT_TRANSLATE_NOOP("TicketWords", "Priority"),
    "status": QT_TRANSLATE_NOOP("TicketWords", "Status"),
    "assignee_id": QT_TRANSLATE_NOOP("TicketWords", "Assignee"),
    "customer_id": QT_TRANSLATE_NOOP("TicketWords", "Customer"),
    "tier": QT_TRANSLATE_NOOP("TicketWords", "Tier"),
    "sla_due_at": QT_TRANSLATE_NOOP("TicketWords", "SLA due"),
    "number": QT_TRANSLATE_NOOP("TicketWords", "Number"),
    "interaction": QT_TRANSLATE_NOOP("TicketWords", "Call"),
}


def _word(table: Mapping[str, str], code: str | None) -> str:
    if not code:
        return ""
    source = table.get(code)
    return QCoreApplication.translate(WORDS, source) if source else code.replace("_", " ")


def status_text(code: str | None) -> str:
    return _word(_STATUS, code)


def priority_text(code: str | None) -> str:
    return _word(_PRIORITY, code)


def category_text(code: str | None) -> str:
    return _word(_CATEGORY, code)


def field_text(name: str | None) -> str:
    return _word(_FIELD, name)


def format_when(value: datetime | None, *, date: bool = True) -> str:
    """A UTC timestamp in the desktop's local time, in the interface language's short format."""
    if value is None:
        return ""
    local = value.astimezone().replace(tzinfo=None)
    moment = QDateTime(local.year, local.month, local.day, local.hour, local.minute, local.second)
    if not date:
        return QLocale().toString(moment.time(), QLocale.FormatType.ShortFormat)
    return QLocale().toString(moment, QLocale.FormatType.ShortFormat)


def span_text(seconds: float) -> str:
    """A coarse duration for people: '3 d 4 h', '2 h 15 min', '12 min' (never seconds: SLAs are hours)."""
    total_min = max(0, int(abs(seconds)) // 60)
    days, rest = divmod(total_min, 24 * 60)
    hours, minutes = divmod(rest, 60)
    if days:
        return fill(QCoreApplication.translate("TicketWords", "%1 d %2 h"), days, hours)
    if hours:
        return fill(QCoreApplication.translate("TicketWords", "%1 h %2 min"), hours, minutes)
    return fill(QCoreApplication.translate("TicketWords", "%1 min"), minutes)


SLA_TONES = {SlaLevel.OK: Tone.READY, SlaLevel.WARNING: Tone.NOT_READY, SlaLevel.BREACHED: Tone.DANGER}


# ---- table models ----------------------------------------------------------------------------

class TicketListModel(QAbstractTableModel):
    """Tickets as rows: number, subject, status, SLA. The card's open tickets and the link dialog."""

    TicketRole = Role.UserRole + 1
    ALL_COLUMNS = ("number", "subject", "status", "sla")

    def __init__(self, parent: QObject | None = None, *, columns: Sequence[str] = ALL_COLUMNS,
                 clock: Callable[[], datetime] = utcnow) -> None:
        super().__init__(parent)
        self._rows: tuple[TicketDTO, ...] = ()
        self._cells: list[tuple[dict[str, str], Tone | None]] = []
        self.COLUMNS = tuple(columns)
        self._clock = clock

    def set_tickets(self, tickets: Sequence[TicketDTO]) -> None:
        """The SLA words are those of this moment: the card and the dialogs are short-lived."""
        self.beginResetModel()
        self._rows = tuple(tickets)
        self._cells = [self._words(t) for t in self._rows]
        self.endResetModel()

    def _words(self, t: TicketDTO) -> tuple[dict[str, str], Tone | None]:
        state = self._state(t)
        span = span_text(state.remaining_seconds)
        if state.level is SlaLevel.BREACHED:  # short in the column (red says it), in full in the tooltip
            sla, sla_tip = f"−{span}", fill(self.tr("SLA: overdue by %1"), span)
        elif state.level in (SlaLevel.OK, SlaLevel.WARNING):
            sla, sla_tip = span, fill(self.tr("SLA: %1 left"), span)
        else:
            sla, sla_tip = "", ""
        status = status_text(t.status) + ("" if t.tier == "L1" else f" · {t.tier}")
        tip = f"{t.number} · {t.subject}\n{category_text(t.category)} · {priority_text(t.priority)}"
        return ({"number": t.number, "subject": t.subject, "status": status, "sla": sla,
                 "tip": f"{tip}\n{sla_tip}" if sla_tip else tip}, SLA_TONES.get(state.level))

    def ticket(self, row: int) -> TicketDTO:
        return self._rows[row]

    @property
    def tickets(self) -> tuple[TicketDTO, ...]:
        return self._rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Role.DisplayRole:
            return None
        titles = {"number": self.tr("No."), "subject": self.tr("Subject"), "status": self.tr("Status"),
                  "sla": self.tr("SLA")}
        return titles[self.COLUMNS[section]]

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        t = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        if role == self.TicketRole:
            return t
        if role == Role.DisplayRole:
            return self._cells[index.row()][0][column]
        if role == Role.ToolTipRole:
            return self._cells[index.row()][0]["tip"]
        if role == Role.ForegroundRole and column == "sla":
            tone = self._cells[index.row()][1]
            return tone_colour(QApplication.palette(), tone) if tone is not None else None
        return None

    def _state(self, t: TicketDTO) -> SlaState:
        return sla_state(t.created_at, t.sla_due_at, t.status, self._clock())


class TicketHistoryModel(QAbstractTableModel):
    """A ticket's history, oldest first: when, who, what changed (comments and escalation reasons in full)."""

    EntryRole = Role.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[TicketHistoryEntry, ...] = ()
        self._names: dict[UUID, str] = {}

    def set_history(self, entries: Sequence[TicketHistoryEntry], agent_names: Mapping[UUID, str] | None = None) -> None:
        self.beginResetModel()
        self._rows = tuple(entries)
        if agent_names is not None:
            self._names = dict(agent_names)
        self.endResetModel()

    @property
    def entries(self) -> tuple[TicketHistoryEntry, ...]:
        return self._rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Role.DisplayRole:
            return None
        return (self.tr("When"), self.tr("Who"), self.tr("What"))[section]

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        h = self._rows[index.row()]
        if role == self.EntryRole:
            return h
        if role in (Role.DisplayRole, Role.ToolTipRole):
            if index.column() == 0:
                return format_when(h.at)
            if index.column() == 1:
                return self.who(h)
            return self.describe(h)
        return None

    def who(self, h: TicketHistoryEntry) -> str:
        if h.agent_id is None:
            return self.tr("system")
        return self._names.get(h.agent_id) or str(h.agent_id)[:8]

    def _value(self, name: str | None, value: str | None) -> str:
        if value is None or value == "":
            return "—"
        if name == "status":
            return status_text(value)
        if name == "priority":
            return priority_text(value)
        if name == "category":
            return category_text(value)
        if name == "sla_due_at":
            try:
                return format_when(datetime.fromisoformat(value))
            except ValueError:
                return value
        if name in ("assignee_id", "customer_id"):
            try:
                return self._names.get(UUID(value)) or self.tr("another record")
            except ValueError:
                return value
        if name == "description":
            return value if len(value) <= 120 else value[:119] + "…"
        return value

    def describe(self, h: TicketHistoryEntry) -> str:
        if h.kind == "created":
            text = fill(self.tr("Created ticket %1"), h.new_value or "")
            return f"{text}: {h.comment}" if h.comment else text
        if h.kind == "comment":
            return fill(self.tr("Comment: %1"), h.comment or "")
        if h.kind == "escalation":
            return fill(self.tr("Escalated %1 → %2. Reason: %3"), h.old_value or "", h.new_value or "", h.comment or "")
        if h.kind == "link":
            return self.tr("Linked to a call")
        return fill(self.tr("%1: %2 → %3"), field_text(h.field), self._value(h.field, h.old_value),
                    self._value(h.field, h.new_value))
