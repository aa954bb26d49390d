"""Phone numbers for generated customers and callers: numbering plans, and which numbers a customer has.

A customer's language and numbers are a pure function of its running index (hashed), so tickets and
calls find them again without a list of a million customers in memory. Everything here works on a
numpy array of indexes at once: one vector step per batch instead of a dozen calls per row.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

import numpy as np

from desktop_agent.store.seeding.draws import objects

_A = 2_654_435_761  # prime: x -> (A*x + B) mod space is a bijection for every space below
_U64 = np.uint64


def mix64(x: np.ndarray) -> np.ndarray:
    """SplitMix64's finaliser on uint64 (wrapping arithmetic): turns running indexes into well-spread bits."""
    x = x + _U64(0x9E3779B97F4A7C15)
    x = (x ^ (x >> _U64(30))) * _U64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> _U64(27))) * _U64(0x94D049BB133111EB)
    return x ^ (x >> _U64(31))


def _nanp_exchanges() -> tuple[str, ...]:
    # NXX: 200-999 without the N11 service codes
    return tuple(f"{x}" for x in range(200, 1000) if x % 100 != 11)


@dataclass(frozen=True)
class NumberPlan:
    """A numbering range. Slot i gets prefix i % len(prefixes) and a permuted subscriber number, so
    distinct slots get distinct numbers without remembering which were given out."""

    name: str
    label: str
    prefixes: tuple[str, ...]
    space: int
    first: int = 0  # subscriber numbers start here (landlines never start with 0 or 1)
    width: int = 7
    exchanges: tuple[str, ...] = ()  # NANP: subscriber = exchange + 4 digits

    def number(self, slot: int, offset: int) -> str:
        n = len(self.prefixes)
        sub = (_A * (slot // n) + offset) % self.space + self.first
        if self.exchanges:
            return f"{self.prefixes[slot % n]}{self.exchanges[sub // 10_000]}{sub % 10_000:04d}"
        return f"{self.prefixes[slot % n]}{sub:0{self.width}d}"

    def numbers(self, slots: np.ndarray, offset: int) -> list[str]:
        """:meth:`number` for each slot (int64; slots up to 3e9, a billion customers, keep the arithmetic
        inside 64 bits)."""
        n = len(self.prefixes)
        sub = ((_A * (slots // n) + offset) % self.space + self.first).tolist()
        prefixes = [self.prefixes[i] for i in (slots % n).tolist()]
        if self.exchanges:
            ex = self.exchanges
            return [f"{p}{ex[s // 10_000]}{s % 10_000:04d}" for p, s in zip(prefixes, sub, strict=True)]
        pattern = f"%s%0{self.width}d"
        return [pattern % ps for ps in zip(prefixes, sub, strict=True)]


_RU_MOBILE_CODES = (
    "900 901 902 903 904 905 906 908 909 910 911 912 913 914 915 916 917 918 919 920 921 922 923 924 925 "
    "926 927 928 929 950 951 952 953 960 961 962 963 964 965 967 968 980 981 982 983 984 985 986 987 988 "
    "989 991 992 993 994 995 996 999"
).split()
_NANP = _nanp_exchanges()
RU_MOBILE = NumberPlan("ru_mobile", "mobile", tuple("+7" + c for c in _RU_MOBILE_CODES), 10**7)
RU_LANDLINE = NumberPlan("ru_landline", "home", ("+7495", "+7812", "+7499", "+7843"), 8 * 10**6, 2 * 10**6)
US = NumberPlan("us", "mobile", tuple("+1" + c for c in (
    "212 646 718 917 415 650 617 312 773 202 305 404 512 206 303 213 310 702 480 215".split())),
    len(_NANP) * 10_000, exchanges=_NANP)
UK_MOBILE = NumberPlan("uk_mobile", "mobile", ("+4474", "+4475", "+4478", "+4473"), 10**8, width=8)
UK_LANDLINE = NumberPlan("uk_landline", "home", ("+44207", "+44208", "+44203", "+44161"), 8 * 10**6,
                         2 * 10**6)
# Callers no customer has: codes no customer gets, so an "unknown caller" really is unknown.
RU_UNKNOWN = NumberPlan("ru_unknown", "mobile", ("+7958", "+7966", "+7977", "+7978"), 10**7)
PLANS = (RU_MOBILE, RU_LANDLINE, US, UK_MOBILE, UK_LANDLINE, RU_UNKNOWN)
# A customer's phones use slots 3k, 3k+1, 3k+2; a prefix count divisible by 3 would give every
# customer's first phone the same prefix.
assert all(len(p.prefixes) % 3 for p in PLANS)


class _PlanTable:
    """Which range a number comes from, by a 16-bit draw: the first plan whose cumulative share is above
    the draw."""

    def __init__(self, shares: tuple[tuple[float, NumberPlan], ...]) -> None:
        self.cuts = np.array([cut for cut, _ in shares])
        self.plans = np.array([PLANS.index(plan) for _, plan in shares])

    def pick(self, bits16: np.ndarray) -> np.ndarray:
        u = bits16.astype(np.float64) / 65536
        return self.plans[np.minimum(np.searchsorted(self.cuts, u, side="right"), len(self.plans) - 1)]


# (cumulative share, plan): which range a customer's first and further numbers come from
_RU_FIRST = _PlanTable(((0.92, RU_MOBILE), (1.0, RU_LANDLINE)))
_EN_FIRST = _PlanTable(((0.45, US), (0.75, UK_MOBILE), (0.85, UK_LANDLINE), (1.0, RU_MOBILE)))
_RU_MORE = _PlanTable(((0.6, RU_MOBILE), (1.0, RU_LANDLINE)))
_EN_MORE = _PlanTable(((0.4, US), (0.6, UK_MOBILE), (0.7, UK_LANDLINE), (1.0, RU_MOBILE)))
_FIRST_LABELS = tuple(p.label for p in PLANS)
_MORE_LABELS = tuple("mobile" if p.label == "mobile" else "work" for p in PLANS)


class Population:
    """What a customer's running index determines: its language and phone numbers (first one first)."""

    def __init__(self, rng: random.Random, mix: dict[str, float]) -> None:
        self.salt = rng.getrandbits(64)
        self.offsets = [rng.randrange(p.space) for p in PLANS]
        self.english_cut = int(mix["english_speaking"] * 65536)
        self.extra_cut = int(mix["extra_phones"] * 65536)

    def _hash(self, ks: np.ndarray) -> np.ndarray:
        return mix64(ks.astype(np.uint64) ^ _U64(self.salt))

    def english(self, ks: np.ndarray) -> np.ndarray:
        return (self._hash(ks) & _U64(0xFFFF)) < self.english_cut

    def _layout(self, ks: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Per customer: how many numbers (1-3), and the plan index of each of the three slots."""
        h = self._hash(ks)
        english = (h & _U64(0xFFFF)) < self.english_cut
        extra = ((h >> _U64(16)) & _U64(0xFFFF)) < self.extra_cut
        count = np.where(extra, np.where(((h >> _U64(32)) & _U64(0xFF)) < 85, 3, 2), 1)  # a third have three
        h2 = mix64(h)
        plans = np.empty((len(ks), 3), dtype=np.int64)
        plans[:, 0] = np.where(english, _EN_FIRST.pick((h >> _U64(40)) & _U64(0xFFFF)),
                               _RU_FIRST.pick((h >> _U64(40)) & _U64(0xFFFF)))
        for j in (1, 2):
            bits = (h2 >> _U64(16 * j)) & _U64(0xFFFF)
            plans[:, j] = np.where(english, _EN_MORE.pick(bits), _RU_MORE.pick(bits))
        return count, plans

    def _numbers(self, slots: np.ndarray, plans: np.ndarray) -> list[str]:
        out = np.empty(len(slots), dtype=object)
        for p in np.unique(plans).tolist():
            chosen = plans == p
            out[chosen] = objects(PLANS[p].numbers(slots[chosen], self.offsets[p]))
        return out.tolist()

    def phones(self, ks: np.ndarray) -> tuple[list[int], np.ndarray, list[str], list[str]]:
        """Every number of these customers, in slot order: (row in ks, slot, E.164, label) as columns."""
        count, plans = self._layout(ks)
        rows = np.concatenate([np.arange(len(ks))] + [np.flatnonzero(count > j) for j in (1, 2)])
        j = np.repeat([0, 1, 2], [len(ks), int((count > 1).sum()), int((count > 2).sum())])
        order = np.argsort(3 * rows + j, kind="stable")
        rows, j = rows[order], j[order]
        slots = 3 * ks.astype(np.int64)[rows] + j
        plan = plans[rows, j]
        labels = [(_MORE_LABELS if later else _FIRST_LABELS)[p]
                  for later, p in zip(j.tolist(), plan.tolist(), strict=True)]
        return rows.tolist(), slots, self._numbers(slots, plan), labels

    def callers(self, ks: np.ndarray, u_other: np.ndarray, u_which: np.ndarray) -> list[str]:
        """The number each customer calls from: most people use their first number, some another one."""
        count, plans = self._layout(ks)
        j = np.where((count == 1) | (u_other < 0.8), 0, 1 + (u_which * (count - 1)).astype(np.int64))
        return self._numbers(3 * ks.astype(np.int64) + j, plans[np.arange(len(ks)), j])

    def unknown_numbers(self, draws: np.ndarray) -> list[str]:
        return RU_UNKNOWN.numbers(draws, self.offsets[PLANS.index(RU_UNKNOWN)])


# The shapes a PBX or carrier really delivers a number in, as (E.164, national part) -> text.
_RU_SHAPES = (
    lambda e, n: e, lambda e, n: "8" + n, lambda e, n: "7" + n,
    lambda e, n: f"+7 {n[:3]} {n[3:6]}-{n[6:8]}-{n[8:]}",
    lambda e, n: f"8 ({n[:3]}) {n[3:6]}-{n[6:8]}-{n[8:]}",
    lambda e, n: f"sip:{e}@192.0.2.10", lambda e, n: f"<sip:8{n}@192.0.2.10;user=phone>",
    lambda e, n: f"tel:{e}",
)
_NANP_SHAPES = (
    lambda e, n: e, lambda e, n: f"+1 ({n[:3]}) {n[3:6]}-{n[6:]}", lambda e, n: "001" + n,
    lambda e, n: "8101" + n, lambda e, n: f"sip:{e}@192.0.2.10",
)
_OTHER_SHAPES = (  # the national part here keeps the country code: +44 20 7946 0000 -> 442079460000
    lambda e, n: e, lambda e, n: f"+{n[:2]} {n[2:6]} {n[6:]}", lambda e, n: "00" + n, lambda e, n: "810" + n,
    lambda e, n: f"sip:{e}@192.0.2.10",
)


def _shapes(e164: str) -> tuple[tuple, str]:
    if e164.startswith("+7"):
        return _RU_SHAPES, e164[2:]
    if e164.startswith("+1"):
        return _NANP_SHAPES, e164[2:]
    return _OTHER_SHAPES, e164[1:]


def caller_id_formats(e164: str) -> list[str]:
    """The shapes a PBX or carrier really delivers this number in; all normalise back to `e164`."""
    shapes, national = _shapes(e164)
    return [shape(e164, national) for shape in shapes]


def raw_caller_ids(numbers: list[str], u: np.ndarray) -> list[str]:
    """What the PBX delivers for each number: E.164 as it is half the time, else one of its other shapes."""
    choice = (u * 1000).astype(np.int64).tolist()
    return [e164 if c < 500 else _one_shape(e164, c) for e164, c in zip(numbers, choice, strict=True)]


def _one_shape(e164: str, choice: int) -> str:
    shapes, national = _shapes(e164)
    return shapes[choice % len(shapes)](e164, national)
