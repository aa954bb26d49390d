"""Drawing for a whole batch at once: weighted tables, moments on the daily curve, stored time texts, ids.

Each helper turns numpy arrays of uniform draws into a column, so a batch of 20,000 rows costs a few
vector steps and one list comprehension per text column, not a dozen Python calls per row.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

import numpy as np

from desktop_agent.store.seeding import SeedError

EPOCH = datetime(1970, 1, 1)  # stored times are naive UTC
DAY = 86400


def ascii_rows(chars: np.ndarray) -> list[str]:
    """Each row of a 2-D uint8 array of ASCII codes as a string."""
    width = chars.shape[1]
    text = chars.tobytes().decode("ascii")
    return [text[i:i + width] for i in range(0, len(text), width)]


def weighted(weights: dict[Any, float], size: int = 1000) -> tuple[Any, ...]:
    """A lookup table for weighted draws in O(1): table[int(u * len(table))] for a uniform u."""
    total = sum(weights.values())
    if total <= 0:
        raise SeedError("weights add up to nothing")
    out: list[Any] = []
    for value, weight in weights.items():
        out.extend([value] * max(1 if weight > 0 else 0, round(size * weight / total)))
    return tuple(out)


def objects(values: Sequence[Any]) -> np.ndarray:
    """A numpy object array of these values (strings stay Python strings; None stays None)."""
    out = np.empty(len(values), dtype=object)
    out[:] = list(values)
    return out


def whole(x: np.ndarray) -> np.ndarray:
    """Whole numbers (seconds, mostly) of non-negative draws, truncated as int() does."""
    return x.astype(np.int64)


def pick(table: np.ndarray, u: np.ndarray) -> np.ndarray:
    """table[int(u * len(table))] for each uniform draw u."""
    return table[(u * len(table)).astype(np.int64)]


class GroupedChoices:
    """One list of values per group (a queue's dispositions, a category's subjects in a language):
    draws an entry of each row's group in one vector step. An empty group gives None."""

    def __init__(self, groups: Sequence[Sequence[Any]]) -> None:
        self.values = objects([v for group in groups for v in group] + [None])
        self.lengths = np.array([len(group) for group in groups], dtype=np.int64)
        self.offsets = np.concatenate(([0], np.cumsum(self.lengths)[:-1])).astype(np.int64)

    def pick(self, group: np.ndarray, u: np.ndarray) -> np.ndarray:
        n = self.lengths[group]
        at = np.where(n > 0, self.offsets[group] + (u * n).astype(np.int64), len(self.values) - 1)
        return self.values[at]


# Calls by hour of the day, Moscow time (UTC+3): a contact centre's daily curve.
_MSK_HOURS = {0: 0.3, 1: 0.2, 2: 0.1, 3: 0.1, 4: 0.1, 5: 0.2, 6: 0.5, 7: 1.2, 8: 3, 9: 6, 10: 9, 11: 10,
              12: 9, 13: 8, 14: 8.5, 15: 9, 16: 9, 17: 8, 18: 6, 19: 4.5, 20: 3.5, 21: 2.5, 22: 1.5, 23: 0.7}
_UTC_HOURS = np.array(weighted({(h - 3) % 24: w for h, w in _MSK_HOURS.items()}), dtype=np.int64)


class Clock:
    """Times as whole epoch seconds (cheap to draw and add), written as SQLAlchemy stores them on SQLite."""

    def __init__(self, now: datetime) -> None:
        self.now = int(now.timestamp())
        self.window_start = (self.now // DAY - 90) * DAY  # midnight UTC, 90 days ago
        self.latest = self.now - 7200  # calls that started before this have ended by now
        self._dates: dict[int, str] = {}
        self._times: tuple[str, ...] = ()  # ' HH:MM:SS.000000' for every second of a day, once needed

    def _date(self, day: int) -> str:
        date = self._dates.get(day)
        if date is None:
            date = self._dates[day] = (EPOCH + timedelta(days=day)).strftime("%Y-%m-%d")
        return date

    def text(self, sec: int) -> str:
        """For rows drawn one at a time: a date and a time of day, each looked up."""
        if not self._times:
            minutes = [f" {h:02d}:{m:02d}:" for h in range(24) for m in range(60)]
            self._times = tuple(hm + f"{s:02d}.000000" for hm in minutes for s in range(60))
        day, rem = divmod(sec, DAY)
        return self._date(day) + self._times[rem]

    def texts(self, secs: np.ndarray, present: np.ndarray | None = None) -> list[str | None]:
        """:meth:`text` of each moment (None where `present` is False), written digit by digit into one
        byte array: twice as fast as a list comprehension over date and time lookups."""
        if present is not None:
            return [t if p else None for t, p in zip(self.texts(secs), present.tolist(), strict=True)]
        if not len(secs):
            return []
        days, rems = np.divmod(secs, DAY)
        first = int(days.min())
        dates = "".join(self._date(d) for d in range(first, int(days.max()) + 1))
        out = np.empty((len(secs), 26), dtype=np.uint8)  # YYYY-MM-DD HH:MM:SS.000000
        out[:, :10] = np.frombuffer(dates.encode("ascii"), dtype=np.uint8).reshape(-1, 10)[days - first]
        out[:, 10:] = np.frombuffer(b" 00:00:00.000000", dtype=np.uint8)
        for column, value in ((11, rems // 3600), (14, rems // 60 % 60), (17, rems % 60)):
            out[:, column] += (value // 10).astype(np.uint8)
            out[:, column + 1] += (value % 10).astype(np.uint8)
        return ascii_rows(out)

    def moments(self, g: np.random.Generator, n: int) -> np.ndarray:
        """Moments in the last 90 days, on the contact centre's daily curve, none after `latest`."""
        day, hour = whole(g.random(n) * 91), pick(_UTC_HOURS, g.random(n))
        sec = self.window_start + day * DAY + hour * 3600 + whole(g.random(n) * 3600)
        days_back = np.maximum(0, sec - self.latest + DAY - 1) // DAY  # the fewest that end up before latest
        return sec - days_back * DAY

    @staticmethod
    def year_months(secs: np.ndarray) -> np.ndarray:
        """YYMM as a number (2611 for November 2026) for each moment."""
        months = secs.astype("datetime64[s]").astype("datetime64[M]").astype(np.int64)  # since 1970-01
        return (months // 12 + 1970) % 100 * 100 + months % 12 + 1


_U64 = np.uint64


class Ids:
    """UUIDv7-shaped ids from a running index: increasing, so inserts append to the primary key index.

    48-bit counter where UUIDv7 has its milliseconds | version 7 | 12 bits | variant | 62 hashed bits,
    as 32 hex digits.
    """

    def __init__(self, base_ms: int, salt: int) -> None:
        self.base_ms, self.salt = base_ms, salt

    def __call__(self, k: int) -> str:
        return self.of(np.array([k]))[0]

    def of(self, ks: np.ndarray) -> list[str]:
        k = ks.astype(np.uint64)
        words = np.empty((len(k), 2), dtype=">u8")  # big-endian, so the bytes' hex is the digits in order
        words[:, 0] = ((_U64(self.base_ms) + k) & _U64(0xFFFFFFFFFFFF)) << _U64(16) | _U64(0x7000) \
            | (k & _U64(0x0FFF))
        words[:, 1] = _U64(0x8000000000000000) | (k * _U64(0x9E3779B97F4A7C15) ^ _U64(self.salt)) \
            & _U64(0x3FFFFFFFFFFFFFFF)
        digits = words.tobytes().hex()
        return [digits[i:i + 32] for i in range(0, len(digits), 32)]

    def range(self, start: int, stop: int) -> list[str]:
        return self.of(np.arange(start, stop, dtype=np.int64))
