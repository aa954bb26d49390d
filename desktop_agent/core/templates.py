"""Response-template rendering: `{{customer.name}}`-style variables, and nothing else.

Template text is written by admins and pasted from anywhere, so it is treated as data: one regex
pass replaces known variable names with plain strings. No eval, no str.format, no Jinja, no
attribute lookup. A value is inserted as-is and never expanded again, so a customer called
"{{agent.name}}" stays literally that. An unknown variable stays visible in the text and is
reported, so the preview can flag it instead of sending a half-filled answer.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, tzinfo

from desktop_agent.core.dto import CustomerDTO, TicketDTO

ALLOWED_VARIABLES: tuple[str, ...] = (
    "customer.name", "customer.first_name", "customer.phone",
    "ticket.number", "ticket.subject", "ticket.due",
    "agent.name", "agent.first_name",
    "company.name",
    "today",
)
_ALLOWED = frozenset(ALLOWED_VARIABLES)

# `{{` + at most 100 characters without braces + `}}`. The bound keeps a huge text linear, and
# excluding braces means `{{{{x}}}}` or an unclosed `{{` can never swallow the rest of the text.
_VARIABLE = re.compile(r"\{\{([^{}\n]{0,100})\}\}")


# The ticket's own values, which exist only once it is stored: the store draws the number and
# sets the SLA due time as it creates the ticket. A template inserted into a new ticket keeps these
# as written, and the ticket's save fills them in (fill_saved_ticket).
FILLED_ON_SAVE: tuple[str, ...] = ("ticket.number", "ticket.due", "ticket.subject")


@dataclass(frozen=True, slots=True)
class Rendered:
    text: str
    unknown: tuple[str, ...] = ()  # names that are not variables at all: left as written
    missing: tuple[str, ...] = ()  # known variables with no value here (no ticket yet): left as written

    @property
    def complete(self) -> bool:
        return not self.unknown and not self.missing


def variables_in(text: str) -> tuple[str, ...]:
    """The variable names a template uses, in order of first use."""
    seen: dict[str, None] = {}
    for match in _VARIABLE.finditer(text or ""):
        seen.setdefault(match.group(1).strip(), None)
    return tuple(seen)


def render(text: str, values: Mapping[str, str]) -> Rendered:
    """Replace each `{{name}}` whose name is allowed and has a value. Never raises for any text."""
    text = "" if text is None else str(text)
    unknown: dict[str, None] = {}
    missing: dict[str, None] = {}

    def substitute(match: re.Match[str]) -> str:
        name = match.group(1).strip()
        if name not in _ALLOWED:
            unknown.setdefault(name, None)
            return match.group(0)
        value = values.get(name)
        if value is None or value == "":
            missing.setdefault(name, None)
            return match.group(0)
        return str(value)  # a callable's return value is inserted literally: no backslash escapes

    return Rendered(_VARIABLE.sub(substitute, text), tuple(unknown), tuple(missing))


def filled_on_save(names: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """Those of `names` that a ticket's save fills in (FILLED_ON_SAVE), in their order."""
    return tuple(n for n in names if n in FILLED_ON_SAVE)


def fill_saved_ticket(text: str, *, number: str, due_at: datetime | None, language: str,
                      subject: str = "", tz: tzinfo | None = None) -> str:
    """`text` with the ticket's own placeholders ({{ticket.number}}, {{ticket.due}},
    {{ticket.subject}}) filled with the stored ticket's values; every other `{{...}}` stays exactly as
    written. The same single regex pass as render(): nothing is evaluated, and a filled-in value is
    never read again."""
    values = {"ticket.number": number, "ticket.subject": subject}
    if due_at is not None:
        values["ticket.due"] = format_datetime(due_at, language, tz)

    def substitute(match: re.Match[str]) -> str:
        value = values.get(match.group(1).strip())
        return value if value else match.group(0)

    return _VARIABLE.sub(substitute, "" if text is None else str(text))


_PATRONYMIC_ENDINGS = ("вич", "вна", "ична", "ьич", "оглы", "кызы")


def first_name(full_name: str | None) -> str:
    """The name to address someone by. Russian full names are often 'Surname Name Patronymic'."""
    words = (full_name or "").split()
    if not words:
        return ""
    if len(words) == 3 and words[2].lower().endswith(_PATRONYMIC_ENDINGS):
        return words[1]
    return words[0]


_EN_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


def format_date(day: date, language: str) -> str:
    # explicit formats: strftime's month names follow the process locale, not the UI language
    if language == "ru":
        return day.strftime("%d.%m.%Y")
    return f"{day.day} {_EN_MONTHS[day.month - 1]} {day.year}"


def format_datetime(moment: datetime, language: str, tz: tzinfo | None = None) -> str:
    local = moment.astimezone(tz)
    return f"{format_date(local.date(), language)} {local:%H:%M}"


def template_values(*, customer: CustomerDTO | None = None, ticket: TicketDTO | None = None,
                    agent_name: str | None = None, company_name: str | None = None,
                    today: date | None = None, language: str = "ru",
                    tz: tzinfo | None = None) -> dict[str, str]:
    """The variable values for a preview, from whatever the operator has open. Absent parts are absent."""
    values: dict[str, str] = {}
    if customer is not None:
        values["customer.name"] = customer.full_name
        values["customer.first_name"] = first_name(customer.full_name)
    if customer is not None and customer.phones:
        values["customer.phone"] = customer.phones[0].e164
    if ticket is not None:
        values["ticket.number"] = ticket.number
        values["ticket.subject"] = ticket.subject
        if ticket.sla_due_at is not None:
            values["ticket.due"] = format_datetime(ticket.sla_due_at, language, tz)
    if agent_name:
        values["agent.name"] = agent_name
        values["agent.first_name"] = first_name(agent_name)
    if company_name:
        values["company.name"] = company_name
    if today is not None:
        values["today"] = format_date(today, language)
    return {k: v for k, v in values.items() if v}
