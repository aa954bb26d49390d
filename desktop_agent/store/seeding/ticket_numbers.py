"""Ticket numbers people can read out: `YYMM-` and six Crockford base-32 characters (`2611-4F7K9Q`)."""

from __future__ import annotations

import random
from datetime import datetime

import numpy as np

from desktop_agent.core.domain import utcnow
from desktop_agent.store.seeding.draws import ascii_rows

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # no I, L, O, U: nothing to misread over the phone
_CROCKFORD_CODES = np.frombuffer(CROCKFORD.encode("ascii"), dtype=np.uint8)
_SYSRANDOM = random.SystemRandom()
_M30 = np.uint64((1 << 30) - 1)


def new_ticket_number(rng: random.Random | None = None, *, at: datetime | None = None) -> str:
    """A random ticket number for the month of `at` (default: now).

    About a billion numbers a month, so collisions are rare; callers still rely on the unique column.
    """
    bits = (rng or _SYSRANDOM).getrandbits(30)
    month = at or utcnow()
    return f"{month:%y%m}-" + "".join(CROCKFORD[(bits >> s) & 31] for s in (25, 20, 15, 10, 5, 0))


def _scramble(x: np.ndarray) -> np.ndarray:
    """A bijection on 30-bit numbers (odd multipliers and xor-shifts): counters come out looking random."""
    for multiplier, shift in ((0x2F0B3A75, 15), (0x1B873593, 13), (0x3C6EF35F, 16)):
        x = (x * np.uint64(multiplier)) & _M30
        x ^= x >> np.uint64(shift)
    return x


class SeedTicketNumbers:
    """Numbers for generated tickets, unique by construction: the n-th ticket of a month gets a scrambled n.

    Nothing to remember but a counter per month, where random draws would need a set of every number
    given out (millions of strings) to stay unique. `taken` holds the numbers already in the database
    for these months; a number found there is skipped.
    """

    def __init__(self, salt: int, taken: set[str]) -> None:
        self.salt, self.taken = salt, taken
        self.next: dict[int, int] = {}  # YYMM -> the next counter

    def _format(self, months: np.ndarray, counters: np.ndarray) -> list[str]:
        start = (counters + np.uint64(self.salt) + months.astype(np.uint64) * np.uint64(0x9E3779B1)) & _M30
        bits = _scramble(start)
        out = np.empty((len(months), 11), dtype=np.uint8)  # YYMM-XXXXXX
        out[:, 4] = ord("-")
        for column, place in enumerate((1000, 100, 10, 1)):
            out[:, column] = 48 + months // place % 10
        for column, shift in enumerate((25, 20, 15, 10, 5, 0), start=5):
            out[:, column] = _CROCKFORD_CODES[(bits >> np.uint64(shift)) & np.uint64(31)]
        return ascii_rows(out)

    def _take(self, month: int, count: int) -> int:
        first = self.next.get(month, 0)
        if first + count > 1 << 30:
            raise OverflowError(f"more than 2**30 tickets in month {month:04d}")
        self.next[month] = first + count
        return first

    def numbers(self, months: np.ndarray) -> list[str]:
        """One new number for each ticket, given its month as YYMM."""
        order = np.argsort(months, kind="stable")
        ordered = months[order]
        starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
        sizes = np.diff(np.concatenate((starts, [len(months)])))
        firsts = [self._take(month, size)
                  for month, size in zip(ordered[starts].tolist(), sizes.tolist(), strict=True)]
        rank = np.arange(len(months)) - np.repeat(starts, sizes)  # place among the batch's tickets that month
        counters = np.empty(len(months), dtype=np.uint64)
        counters[order] = rank + np.repeat(np.array(firsts, dtype=np.int64), sizes)
        out = self._format(months, counters)
        if self.taken:
            for i, number in enumerate(out):
                while number in self.taken:
                    m = months[i:i + 1]
                    number = self._format(m, np.array([self._take(int(m[0]), 1)], dtype=np.uint64))[0]
                out[i] = number
        return out
