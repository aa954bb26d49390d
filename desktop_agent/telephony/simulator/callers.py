"""Who calls: known customers' numbers, unknown numbers and withheld ones, formatted as networks deliver them.

The app injects customer numbers from the database so that screen-pops show real data. Each caller
ID comes out in one of the shapes seen on real trunks (E.164, spaced, the Russian trunk prefix 8,
a SIP or tel URI), so the normaliser downstream is exercised on every call. A few "regulars" call
much more often than the rest, which is what lights the repeat-caller badge.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass

# Documentation addresses (RFC 5737) and reserved example domains: never a real host.
_HOSTS = ("192.0.2.10", "198.51.100.7", "pbx.example.net")
_ANONYMOUS = ("anonymous", "Anonymous", "sip:anonymous@anonymous.invalid", "unavailable", "Restricted")
_REGULAR_SHARE = 0.3  # of the known callers' calls, this share comes from the regulars


@dataclass(frozen=True, slots=True)
class Caller:
    caller_id: str
    display_name: str = ""
    kind: str = "known"  # known | unknown | anonymous


def _ru_formats(e164: str, rng: random.Random) -> str:
    """A +7XXXXXXXXXX number in one of the shapes Russian networks deliver."""
    national = e164[2:]
    shape = rng.randrange(8)
    if shape == 0:
        return e164
    if shape == 1:
        return f"+7 {national[:3]} {national[3:6]}-{national[6:8]}-{national[8:]}"
    if shape == 2:
        return "8" + national
    if shape == 3:
        return "7" + national
    if shape == 4:
        return f"sip:{e164}@{rng.choice(_HOSTS)}"
    if shape == 5:
        return f"<sip:8{national}@{rng.choice(_HOSTS)};user=phone>"
    if shape == 6:
        return f"tel:{e164}"
    return f"8 ({national[:3]}) {national[3:6]}-{national[6:8]}-{national[8:]}"


def _formats(number: str, rng: random.Random) -> str:
    if number.startswith("+7") and len(number) == 12 and number[1:].isdigit():
        return _ru_formats(number, rng)
    if number.startswith("+") and rng.random() < 0.3:
        return f"sip:{number}@{rng.choice(_HOSTS)}"
    return number


class CallerPool:
    def __init__(self, numbers: Sequence[str], rng: random.Random, *, unknown_share: float = 0.25,
                 anonymous_share: float = 0.05):
        self.numbers = [str(n) for n in numbers if str(n).strip()]
        self.rng = rng
        self.unknown_share = unknown_share if self.numbers else 1.0 - anonymous_share
        self.anonymous_share = anonymous_share
        shuffled = list(self.numbers)
        rng.shuffle(shuffled)
        self.regulars = shuffled[: max(1, len(shuffled) // 20)] if shuffled else []

    def next(self) -> Caller:
        rng = self.rng
        r = rng.random()
        if r < self.anonymous_share:
            return Caller(rng.choice(_ANONYMOUS), "", "anonymous")
        if r < self.anonymous_share + self.unknown_share:
            number = f"+79{rng.randrange(10 ** 9):09d}"
            return Caller(_formats(number, rng), "", "unknown")
        pool = self.regulars if rng.random() < _REGULAR_SHARE else self.numbers
        return Caller(_formats(rng.choice(pool), rng), "", "known")
