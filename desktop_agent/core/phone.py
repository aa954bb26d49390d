"""Caller-ID normalisation: whatever telephony delivers becomes an E.164 number or a clear 'not a number'.

Telephony hands us caller IDs in every shape (`+7 912 345-67-89`, `89123456789`, `sip:+7...@host`,
`anonymous`, garbage). The screen-pop needs one key to look up, so everything goes through
:func:`normalise`, which never raises.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

DEFAULT_REGION = "RU"
MAX_RAW_LENGTH = 512  # a longer caller ID is cut before parsing; the raw value is kept truncated

_ANONYMOUS = {
    "anonymous", "unknown", "unavailable", "restricted", "private", "withheld",
    "anonymous.invalid", "anonymous@anonymous.invalid", "",
}
_SIP_URI = re.compile(r"^\s*(?:\"[^\"]*\"\s*)?<?(?:sips?|tel):([^@;>]*)(?:@[^>;]*)?[^>]*>?\s*$", re.IGNORECASE)
_DIGITS_ONLY = re.compile(r"[^\d+]")
_DIALLABLE = re.compile(r"^[\d\s+\-().\/]+$")


class CallerIdKind(StrEnum):
    NUMBER = "number"        # normalised to E.164
    ANONYMOUS = "anonymous"  # the network withheld the number
    INVALID = "invalid"      # something arrived, but it is not a phone number


@dataclass(frozen=True, slots=True)
class CallerId:
    raw: str
    kind: CallerIdKind
    e164: str | None = None

    @property
    def is_number(self) -> bool:
        return self.kind is CallerIdKind.NUMBER


def _phonenumbers() -> Any:
    """The phonenumbers package, imported on first use: it is not needed to open the window
    (app.py warms it up on a worker thread right after the window is interactive)."""
    import phonenumbers

    return phonenumbers


def _clean(raw: object) -> str:
    text = "" if raw is None else str(raw)
    text = unicodedata.normalize("NFKC", text)[:MAX_RAW_LENGTH]
    # control characters never belong in a caller ID, and they break logs
    return "".join(ch for ch in text if unicodedata.category(ch)[0] != "C").strip()


def _user_part(text: str) -> str:
    match = _SIP_URI.match(text)
    return match.group(1) if match else text


def normalise(raw: object, region: str = DEFAULT_REGION) -> CallerId:
    """Turn any caller ID into a :class:`CallerId`. Never raises."""
    text = _clean(raw)
    user = _user_part(text).strip()
    if user.lower() in _ANONYMOUS or text.lower() in _ANONYMOUS:
        return CallerId(raw=text, kind=CallerIdKind.ANONYMOUS)
    if not _DIALLABLE.match(user):
        return CallerId(raw=text, kind=CallerIdKind.INVALID)
    candidate = _DIGITS_ONLY.sub("", user)
    # a '+' is only meaningful at the front
    if "+" in candidate[1:]:
        return CallerId(raw=text, kind=CallerIdKind.INVALID)
    digits = candidate.lstrip("+")
    if not (5 <= len(digits) <= 15) or not digits.isdigit():
        return CallerId(raw=text, kind=CallerIdKind.INVALID)
    if not candidate.startswith("+"):
        if region == "RU" and len(digits) == 11 and digits[0] in "78":
            # Russian trunk prefix 8 (and 7 without '+') before a ten-digit national number
            candidate = "+7" + digits[1:]
        elif len(digits) > 11 and digits.startswith("810"):
            candidate = "+" + digits[3:]  # Russian international prefix
        elif len(digits) > 10 and digits.startswith("00"):
            candidate = "+" + digits[2:]
    phonenumbers = _phonenumbers()
    try:
        parsed = phonenumbers.parse(candidate, region)
    except phonenumbers.NumberParseException:
        return CallerId(raw=text, kind=CallerIdKind.INVALID)
    if not phonenumbers.is_possible_number(parsed):
        return CallerId(raw=text, kind=CallerIdKind.INVALID)
    e164 = phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)
    return CallerId(raw=text, kind=CallerIdKind.NUMBER, e164=e164)


def format_international(e164: str) -> str:
    """`+79123456789` -> `+7 912 345-67-89` for display."""
    phonenumbers = _phonenumbers()
    try:
        parsed = phonenumbers.parse(e164, None)
    except phonenumbers.NumberParseException:
        return e164
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def mask(e164: str | None) -> str:
    """A number with its middle hidden, for places that must not show it whole."""
    if not e164:
        return ""
    return e164[:3] + "•" * max(0, len(e164) - 5) + e164[-2:]
