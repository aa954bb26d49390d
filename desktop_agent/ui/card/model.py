"""The screen-pop card's models: last contacts with outcomes, merge suggestions, and words for the card.

Everything here is built from the ScreenPop DTO the lookup returned (and CustomerDTOs a search
returned); nothing asks a service, so the card paints as soon as the lookup answers.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QAbstractTableModel,
    QCoreApplication,
    QDateTime,
    QLocale,
    QModelIndex,
    QObject,
    Qt,
)

from desktop_agent.core.domain import utcnow
from desktop_agent.core.dto import CustomerDTO, InteractionDTO, ScreenPop
from desktop_agent.core.phone import format_international, normalise
from desktop_agent.ui.kit.i18n import fill, format_duration
from desktop_agent.ui.ticket.models import Index

Role = Qt.ItemDataRole
WORDS = "CardWords"

_SEGMENT = {
    "consumer": QT_TRANSLATE_NOOP("CardWords", "Consumer"),
    "small_business": QT_TRANSLATE_NOOP("CardWords", "Small business"),
    "corporate": QT_TRANSLATE_NOOP("CardWords", "Corporate"),
    "government": QT_TRANSLATE_NOOP("CardWords", "Government"),
}
_LANGUAGE = {
    "ru": QT_TRANSLATE_NOOP("CardWords", "Russian"),
    "en": QT_TRANSLATE_NOOP("CardWords", "English"),
}
CONTACT_LANGUAGES = tuple(_LANGUAGE)


def segment_text(code: str | None) -> str:
    source = _SEGMENT.get(code or "")
    return QCoreApplication.translate(WORDS, source) if source else (code or "").replace("_", " ")


def language_text(code: str | None) -> str:
    source = _LANGUAGE.get(code or "")
    return QCoreApplication.translate(WORDS, source) if source else (code or "")


def display_number(raw: str, e164: str | None) -> str:
    """The caller's number as people write it; the raw caller ID when it is not a number."""
    if e164:
        return format_international(e164)
    return raw


# A caller-ID name (CNAM, a SIP display name) the network sends when it has no name: never a
# person's name. Compared in lower case, spaces collapsed.
NOT_A_NAME = frozenset({
    "anonymous", "anonymous caller", "unknown", "unknown caller", "unavailable", "private", "private number", "restricted", "withheld",
    "no caller id", "out of area", "wireless caller", "caller", "guest", "asterisk", "sipp", "baresip",
    "аноним", "анонимный", "неизвестно", "неизвестный", "неизвестный номер", "скрытый номер", "номер скрыт",
})
NAME_FROM_CALLER_ID_CHARS = 80   # a longer display name is cut at a word; one longer word is no name
_QUOTE_PAIRS = {'"': '"', "'": "'", "«": "»", "“": "”", "„": "“"}
_YEAR_IN_FORMAT = re.compile(r"^y+[\s.,/-]*|[\s.,/-]*y+")


def name_from_caller_id(display_name: str | None) -> str:
    """The caller-ID display name when it looks like a person's or a company's name, else "".

    Not a name: a number (the network's display name is often the number again), a SIP address,
    a word the network puts there when it knows nothing ('anonymous', 'unknown'...), or one token
    too long to be a name. Trimmed, spaces collapsed, quotes around it dropped, at most
    NAME_FROM_CALLER_ID_CHARS characters (cut at a word)."""
    text = "".join(ch for ch in (display_name or "") if unicodedata.category(ch)[0] != "C")
    text = " ".join(text.split())
    while len(text) >= 2 and _QUOTE_PAIRS.get(text[0]) == text[-1]:  # "Ivanov" -> Ivanov; «Ромашка» ООО kept
        text = text[1:-1].strip()
    if not text or "@" in text or text.lower().startswith(("sip:", "sips:", "tel:")):
        return ""
    if text.casefold() in NOT_A_NAME or normalise(text).is_number:
        return ""
    letters = sum(ch.isalpha() for ch in text)
    if letters < 2 or sum(ch.isdigit() for ch in text) > letters:
        return ""
    if len(text) > NAME_FROM_CALLER_ID_CHARS:
        cut = text[:NAME_FROM_CALLER_ID_CHARS + 1].rsplit(" ", 1)[0]
        text = cut if " " in text[:NAME_FROM_CALLER_ID_CHARS + 1] else ""
    return text


def sentence_start(text: str) -> str:
    """The text with its first letter in capitals: 'missed' -> 'Missed', 'пропущен' -> 'Пропущен'."""
    return text[:1].upper() + text[1:]


def date_format_without_year(pattern: str) -> str:
    """A QLocale date(-time) format with the year and its separator taken out ('dd.MM.yyyy HH:mm'
    -> 'dd.MM HH:mm', 'M/d/yy h:mm AP' -> 'M/d h:mm AP', 'yyyy/M/d' -> 'M/d'); unchanged when
    what is left would not name a day and a month."""
    left = _YEAR_IN_FORMAT.sub("", pattern, count=1)
    return left if "d" in left and "M" in left else pattern


def contact_when(value: datetime | None, now: datetime | None = None) -> str:
    """When a past contact was, in local time and the interface language's short format; the year
    only when it is not this year's."""
    if value is None:
        return ""
    local = value.astimezone()
    this_year = (now or utcnow()).astimezone().year
    locale = QLocale()
    pattern = locale.dateTimeFormat(QLocale.FormatType.ShortFormat)
    if local.year == this_year:
        pattern = date_format_without_year(pattern)
    moment = QDateTime(local.year, local.month, local.day, local.hour, local.minute, local.second)
    return locale.toString(moment, pattern)


def caller_number_of(raw: str) -> str | None:
    """E.164 of a raw caller ID, or None: the card shows the number before the lookup answers."""
    caller = normalise(raw)
    return caller.e164 if caller.is_number else None


@dataclass(frozen=True, slots=True)
class CardBadges:
    vip: bool
    repeat: bool
    contacts_7_days: int
    provisional: bool


def badges_of(pop: ScreenPop) -> CardBadges:
    customer = pop.customer
    return CardBadges(vip=pop.badges.vip, repeat=pop.badges.repeat_caller,
                      contacts_7_days=pop.badges.contacts_last_7_days,
                      provisional=bool(customer and customer.provisional))


def contact_seconds(i: InteractionDTO) -> int | None:
    """Talk time (answer to end); None for a call that was never answered or is still going."""
    if i.answered_at is None or i.ended_at is None:
        return None
    return max(0, round((i.ended_at - i.answered_at).total_seconds()))


class LastContactsModel(QAbstractTableModel):
    """The caller's last calls: date, queue, outcome (the disposition in words), talk time."""

    InteractionRole = Role.UserRole + 1

    def __init__(self, parent: QObject | None = None, *, clock: Callable[[], datetime] = utcnow) -> None:
        super().__init__(parent)
        self._clock = clock  # which year is this year (dates of this year leave it out)
        self._rows: tuple[InteractionDTO, ...] = ()
        self._titles: dict[str, str] = {}
        # the words of each row, made once per set: a view asks data() many times per paint
        self._cells: list[tuple[str, str, str, str]] = []

    def set_contacts(self, contacts: Sequence[InteractionDTO]) -> None:
        self.beginResetModel()
        self._rows = tuple(contacts)
        self._cells = [self._words(i) for i in self._rows]
        self.endResetModel()

    def set_disposition_titles(self, titles: Mapping[str, str]) -> None:
        """Code -> title in the interface language; repaints the outcome column only."""
        self._titles = dict(titles)
        self._cells = [self._words(i) for i in self._rows]
        if self._rows:
            self.dataChanged.emit(self.index(0, 2), self.index(len(self._rows) - 1, 2), [Role.DisplayRole])

    def _words(self, i: InteractionDTO) -> tuple[str, str, str, str]:
        seconds = contact_seconds(i)
        return (contact_when(i.offered_at, self._clock()), i.queue or "—", self.outcome(i),
                format_duration(seconds) if seconds is not None else "—")

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Role.DisplayRole) -> Any:  # noqa: N802
        if orientation != Qt.Orientation.Horizontal or role != Role.DisplayRole:
            return None
        return (self.tr("Date"), self.tr("Queue"), self.tr("Outcome"), self.tr("Talk"))[section]

    def outcome(self, i: InteractionDTO) -> str:
        """The outcome as a heading: it starts the row, so with a capital letter in every language
        (the words are translated in lower case, as they read inside a sentence)."""
        if i.disposition:
            return sentence_start(self._titles.get(i.disposition) or i.disposition.replace("_", " "))
        if i.answered_at is None and i.ended_at is not None:
            return sentence_start(self.tr("missed"))
        if i.ended_at is None:
            return sentence_start(self.tr("in progress"))
        return sentence_start(self.tr("no outcome"))

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        i = self._rows[index.row()]
        if role == self.InteractionRole:
            return i
        column = index.column()
        if role == Role.DisplayRole:
            return self._cells[index.row()][column]
        if role == Role.ToolTipRole:
            return i.notes or self._cells[index.row()][2]
        if role == Role.TextAlignmentRole and column == 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


@dataclass(frozen=True, slots=True)
class Suggestion:
    customer: CustomerDTO
    same_number: bool   # owns the number in the form
    similar_name: bool  # the name starts like the one typed


def rank_suggestions(by_number: Sequence[CustomerDTO], by_name: Sequence[CustomerDTO],
                     limit: int = 8) -> tuple[Suggestion, ...]:
    """Both reasons first, then the same number, then the name; each customer once."""
    number_ids = {c.id for c in by_number}
    name_ids = {c.id for c in by_name}
    seen: dict[Any, Suggestion] = {}
    for c in list(by_number) + list(by_name):
        if c.id not in seen:
            seen[c.id] = Suggestion(c, c.id in number_ids, c.id in name_ids)
    ranked = sorted(seen.values(), key=lambda s: (not (s.same_number and s.similar_name), not s.same_number,
                                                 s.customer.full_name))
    return tuple(ranked[:limit])


class SuggestionsModel(QAbstractListModel):
    """Existing customers the unknown caller may be: name, first number, and why they are suggested."""

    CustomerRole = Role.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: tuple[Suggestion, ...] = ()

    def set_suggestions(self, suggestions: Sequence[Suggestion]) -> None:
        self.beginResetModel()
        self._rows = tuple(suggestions)
        self.endResetModel()

    @property
    def suggestions(self) -> tuple[Suggestion, ...]:
        return self._rows

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def reason(self, s: Suggestion) -> str:
        if s.same_number and s.similar_name:
            return self.tr("same number and name")
        return self.tr("same number") if s.same_number else self.tr("similar name")

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        s = self._rows[index.row()]
        c = s.customer
        if role == self.CustomerRole:
            return c
        if role == Role.DisplayRole:  # two lines: who, then the number and why
            number = format_international(c.phones[0].e164) if c.phones else ""
            star = "★ " if c.vip else ""
            second = "  ·  ".join(p for p in (number, self.reason(s)) if p)
            return f"{star}{c.full_name or '—'}\n{second}"
        if role == Role.ToolTipRole:
            numbers = ", ".join(format_international(p.e164) for p in c.phones)
            return fill(self.tr("%1\nNumbers: %2\nLanguage: %3"), c.full_name, numbers or "—",
                        language_text(c.language))
        return None
