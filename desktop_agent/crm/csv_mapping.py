"""Which CSV column is which customer field, and turning one row into a NewCustomer (or a reason).

Headers are matched after folding case, 'ё' and punctuation away, so "E-mail", "e_mail" and
"EMAIL" are the same. --map COLUMN=field overrides the guess; the field 'ignore' drops a column.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

import phonenumbers

from desktop_agent.core.domain import Segment
from desktop_agent.core.dto import PhoneDTO
from desktop_agent.core.phone import normalise
from desktop_agent.crm.csv_reading import CsvFormatError
from desktop_agent.store.customers import NewCustomer

FIELDS = ("full_name", "first_name", "last_name", "middle_name", "phone", "email", "company",
          "segment", "vip", "language", "notes")
IGNORE = "ignore"
NAME_PARTS = frozenset({"first_name", "last_name", "middle_name"})

_ALIASES: dict[str, set[str]] = {
    "full_name": {"фио", "фиоклиента", "клиент", "имяклиента", "контакт", "контактноелицо", "абонент",
                  "name", "fullname", "customer", "customername", "client", "clientname", "contact",
                  "contactname", "person"},
    "first_name": {"имя", "firstname", "givenname", "forename"},
    "last_name": {"фамилия", "lastname", "surname", "familyname"},
    "middle_name": {"отчество", "middlename", "patronymic"},
    "phone": {"телефон", "телефоны", "тел", "номер", "номертелефона", "мобильный", "моб", "мобтелефон",
              "сотовый", "phone", "phones", "phonenumber", "telephone", "tel", "mobile", "cell",
              "cellphone", "msisdn"},
    "email": {"email", "mail", "почта", "эпочта", "элпочта", "электроннаяпочта", "емейл", "имейл"},
    "company": {"company", "companyname", "organization", "organisation", "employer", "компания",
                "организация", "фирма", "наименованиеорганизации", "работодатель"},
    "segment": {"segment", "сегмент", "типклиента", "customertype"},
    "vip": {"vip", "вип", "isvip", "vipклиент", "важный"},
    "language": {"language", "lang", "язык", "preferredlanguage"},
    "notes": {"notes", "note", "comment", "comments", "remarks", "примечание", "примечания",
              "комментарий", "комментарии", "заметки"},
}
_PHONE_WORDS = ("телефон", "phone", "mobile", "моб", "сотов")

_TRUE = {"1", "true", "yes", "y", "да", "д", "vip", "вип", "+", "x", "х", "✓", "✔"}
_FALSE = {"", "0", "false", "no", "n", "нет", "н", "-", "—"}
_SEGMENTS = {s.value: s.value for s in Segment} | {
    "частный": "consumer", "частноелицо": "consumer", "физлицо": "consumer", "физическоелицо": "consumer",
    "personal": "consumer", "private": "consumer",
    "малыйбизнес": "small_business", "мсб": "small_business", "ип": "small_business",
    "smallbusiness": "small_business", "smb": "small_business",
    "корпоративный": "corporate", "юрлицо": "corporate", "корпорация": "corporate", "business": "corporate",
    "государственный": "government", "госсектор": "government", "гос": "government", "public": "government",
}
_LANGUAGES = {"ru": "ru", "rus": "ru", "russian": "ru", "русский": "ru", "рус": "ru",
              "en": "en", "eng": "en", "english": "en", "английский": "en", "англ": "en"}
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_SPLIT_NUMBERS = re.compile(r"[,;\n]+")


def fold(text: str) -> str:
    """'Моб. Телефон' -> 'мобтелефон', 'E-mail' -> 'email': the form aliases are written in."""
    text = unicodedata.normalize("NFKC", text).casefold().replace("ё", "е")
    return "".join(ch for ch in text if ch.isalnum())


def guess_field(header: str) -> str | None:
    key = fold(header)
    bare = key.rstrip("0123456789")  # "Телефон 2", "phone1"
    for name, aliases in _ALIASES.items():
        if key in aliases or bare in aliases:
            return name
    if any(word in key for word in _PHONE_WORDS) and "код" not in key and "ext" not in key:
        return "phone"  # "Рабочий телефон", "Home phone", "Телефон (моб.)"
    return None


def phone_label(header: str) -> str | None:
    """From the header when it says; None means 'decide by the number'."""
    key = fold(header)
    for label, words in (("work", ("раб", "work", "office", "офис", "служ")),
                         ("home", ("дом", "home")),
                         ("mobile", ("моб", "сот", "mobile", "cell"))):
        if any(w in key for w in words):
            return label
    return None


@dataclass(frozen=True, slots=True)
class ColumnMapping:
    header: tuple[str, ...]
    fields: tuple[str | None, ...]  # per column: a field, or None when ignored
    phone_labels: tuple[str | None, ...]

    def describe(self) -> dict[str, str]:
        return {h: (f or IGNORE) for h, f in zip(self.header, self.fields, strict=True)}


def parse_map_options(options: Sequence[str]) -> dict[str, str]:
    """['Телефон=phone', 'Col=ignore'] -> {column as written: field}."""
    result = {}
    for option in options:
        column, sep, name = option.rpartition("=")
        name = name.strip().lower()
        if not sep or not column.strip():
            raise CsvFormatError(f"--map needs CSVCOLUMN=field, got {option!r}")
        if name not in FIELDS and name != IGNORE:
            raise CsvFormatError(f"--map {option!r}: unknown field {name!r} (fields: {', '.join(FIELDS)}, ignore)")
        result[column.strip()] = name
    return result


def _column_of(header: Sequence[str], column: str) -> int:
    """The header as written (any case) first; else the folded form, when that names one column."""
    exact = [i for i, h in enumerate(header) if h.strip().casefold() == column.casefold()]
    if len(exact) == 1:
        return exact[0]
    folded = [i for i, h in enumerate(header) if fold(h) == fold(column)]
    if len(exact) > 1 or len(folded) > 1:
        raise CsvFormatError(f"--map {column!r}: several columns have that name")
    if not folded:
        raise CsvFormatError(f"--map names a column the file does not have: {column!r} "
                             f"(columns: {', '.join(header)})")
    return folded[0]


def build_mapping(header: Sequence[str], overrides: Mapping[str, str]) -> ColumnMapping:
    forced = {_column_of(header, column): name for column, name in overrides.items()}
    chosen: list[str | None] = []
    for i, h in enumerate(header):
        f = forced.get(i) or guess_field(h)
        chosen.append(None if f == IGNORE else f)
    # a single-valued field given by --map wins over a guess for the same field
    for i, f in enumerate(chosen):
        if f and f != "phone" and i not in forced and f in forced.values():
            chosen[i] = None
    for f in set(chosen) - {None, "phone"}:
        columns = [h for h, c in zip(header, chosen, strict=True) if c == f]
        if len(columns) > 1:
            raise CsvFormatError(f"columns {columns[0]!r} and {columns[1]!r} both look like {f}: "
                                 f"use --map to say which one (the other =ignore)")
    if "phone" not in chosen:
        raise CsvFormatError(f"no phone column found among: {', '.join(header)} (use --map COLUMN=phone)")
    if "full_name" not in chosen and not NAME_PARTS & set(chosen):
        raise CsvFormatError(f"no name column found among: {', '.join(header)} (use --map COLUMN=full_name)")
    labels = tuple(phone_label(h) if f == "phone" else None for h, f in zip(header, chosen, strict=True))
    return ColumnMapping(tuple(header), tuple(chosen), labels)


def _label_for(e164: str, label: str | None) -> str:
    if label:
        return label
    if e164.startswith("+7"):  # the common case, without parsing the number a second time
        return "mobile" if e164.startswith(("+79", "+77")) else "other"
    try:
        kind = phonenumbers.number_type(phonenumbers.parse(e164, None))
    except phonenumbers.NumberParseException:
        return "other"
    mobile = (phonenumbers.PhoneNumberType.MOBILE, phonenumbers.PhoneNumberType.FIXED_LINE_OR_MOBILE)
    return "mobile" if kind in mobile else "other"


def _flag(value: str) -> bool | None:
    v = value.strip().casefold()
    return True if v in _TRUE else False if v in _FALSE else None


def parse_row(fields: Sequence[str], mapping: ColumnMapping) -> NewCustomer | str:
    """A NewCustomer, or the one-line reason the row is rejected."""
    width = len(mapping.header)
    if len(fields) != width and not (len(fields) > width and not any(f.strip() for f in fields[width:])):
        return f"expected {width} columns, found {len(fields)}"
    values: dict[str, str] = {}
    name_parts: list[str] = []
    phones: dict[str, PhoneDTO] = {}
    for i, f in enumerate(mapping.fields):
        value = " ".join(fields[i].split()) if f != "notes" else fields[i].strip()
        if f is None or not value:
            continue
        if f == "phone":
            for part in _SPLIT_NUMBERS.split(value):
                if not part.strip():
                    continue
                caller = normalise(part)
                if not caller.is_number or not caller.e164:
                    return f"invalid phone number {part.strip()[:40]!r} in column {mapping.header[i]!r}"
                phones.setdefault(caller.e164, PhoneDTO(caller.e164, _label_for(caller.e164, mapping.phone_labels[i])))
        elif f in NAME_PARTS:
            name_parts.append(value)  # in the file's own column order ("Фамилия Имя Отчество")
        else:
            values[f] = value
    full_name = values.pop("full_name", "") or " ".join(name_parts)
    if not full_name:
        return "no name"
    if not phones:
        return "no phone number"
    vip = _flag(values.get("vip", ""))
    if vip is None:
        return f"VIP must be yes/no (да/нет, 1/0), got {values['vip'][:20]!r}"
    segment = _SEGMENTS.get(fold(values.get("segment", "")) or "consumer")
    if segment is None:
        return f"unknown segment {values['segment'][:40]!r} (use {', '.join(s.value for s in Segment)})"
    language = _LANGUAGES.get(fold(values.get("language", "")) or "ru")
    if language is None:
        return f"unknown language {values['language'][:20]!r} (use ru or en)"
    email = values.get("email")
    if email and not _EMAIL.match(email):
        return f"invalid email {email[:60]!r}"
    customer = NewCustomer(full_name=full_name, phones=tuple(phones.values()), company=values.get("company"),
                           email=email, segment=segment, vip=vip, language=language, notes=values.get("notes", ""))
    return customer.problem() or customer
