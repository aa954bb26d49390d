"""Bulk generation of realistic data: agents, customers with phones, tickets with history, and calls.

Fast by construction. Faker builds name pools once; after that every row is a handful of draws from
one random.Random(seed), so a seed (with a fixed `now`) always gives the same data. Rows go in as
executemany batches on SQLite and COPY on PostgreSQL, never through the ORM.

What later rows must find again (a customer's id, language and phone numbers) is a pure function of
the customer's running index, so a million customers need no id list in memory. Ids are shaped like
UUIDv7 (a counter where the time goes), which makes every bulk insert an append to the primary key.
The running indexes continue from the rows already in each table, so seeding twice adds rows instead
of colliding.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from sqlalchemy import Engine, func, inspect, or_, select

from desktop_agent.core.domain import Priority, Role, TicketStatus, sla_due, utcnow
from desktop_agent.store.database import Database
from desktop_agent.store.defaults import DemoSettings, load_defaults, read_demo_settings
from desktop_agent.store.errors import StoreError
from desktop_agent.store.models import Agent, Base, Customer, Disposition, Interaction, Ticket

Progress = Callable[[str, int, int], None]  # (stage, rows done, rows in the stage)

CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # no I, L, O, U: nothing to misread over the phone
_SYSRANDOM = random.SystemRandom()
_BATCH = 20_000
_M64 = (1 << 64) - 1


class SeedError(StoreError):
    pass


def new_ticket_number(rng: random.Random | None = None, *, at: datetime | None = None) -> str:
    """A ticket number people can read out: `YYMM-` and six Crockford base-32 characters (`2611-4F7K9Q`).

    About a billion numbers a month, so collisions are rare; callers still rely on the unique column.
    """
    bits = (rng or _SYSRANDOM).getrandbits(30)
    month = at or utcnow()
    return f"{month:%y%m}-" + "".join(CROCKFORD[(bits >> s) & 31] for s in (25, 20, 15, 10, 5, 0))


def _mix64(x: int) -> int:
    """SplitMix64's finaliser: turns a running index into well-spread bits."""
    x = (x + 0x9E3779B97F4A7C15) & _M64
    x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & _M64
    x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & _M64
    return x ^ (x >> 31)


class _Ids:
    """UUIDv7-shaped ids from a running index: increasing, so inserts append to the primary key index."""

    def __init__(self, base_ms: int, salt: int) -> None:
        self.base_ms, self.salt = base_ms, salt

    def __call__(self, k: int) -> str:
        # 48-bit counter where UUIDv7 has its milliseconds | version 7 | 12 bits | variant | 62 hashed bits
        return (f"{((self.base_ms + k) & 0xFFFFFFFFFFFF) << 16 | 0x7000 | (k & 0x0FFF):016x}"
                f"{0x8000000000000000 | ((k * 0x9E3779B97F4A7C15 ^ self.salt) & 0x3FFFFFFFFFFFFFFF):016x}")


# --- phone numbers ------------------------------------------------------------------------------------

_A = 2_654_435_761  # prime: x -> (A*x + B) mod space is a bijection for every space below


def _nanp_exchanges() -> tuple[str, ...]:
    # NXX: 200-999 without the N11 service codes
    return tuple(f"{x}" for x in range(200, 1000) if x % 100 != 11)


@dataclass(frozen=True)
class _Plan:
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


_RU_MOBILE_CODES = (
    "900 901 902 903 904 905 906 908 909 910 911 912 913 914 915 916 917 918 919 920 921 922 923 924 925 "
    "926 927 928 929 950 951 952 953 960 961 962 963 964 965 967 968 980 981 982 983 984 985 986 987 988 "
    "989 991 992 993 994 995 996 999"
).split()
_NANP = _nanp_exchanges()
RU_MOBILE = _Plan("ru_mobile", "mobile", tuple("+7" + c for c in _RU_MOBILE_CODES), 10**7)
RU_LANDLINE = _Plan("ru_landline", "home", ("+7495", "+7812", "+7499", "+7843"), 8 * 10**6, 2 * 10**6)
US = _Plan("us", "mobile", tuple("+1" + c for c in (
    "212 646 718 917 415 650 617 312 773 202 305 404 512 206 303 213 310 702 480 215".split())),
    len(_NANP) * 10_000, exchanges=_NANP)
UK_MOBILE = _Plan("uk_mobile", "mobile", ("+4474", "+4475", "+4478", "+4473"), 10**8, width=8)
UK_LANDLINE = _Plan("uk_landline", "home", ("+44207", "+44208", "+44203", "+44161"), 8 * 10**6, 2 * 10**6)
# Callers no customer has: codes no customer gets, so an "unknown caller" really is unknown.
RU_UNKNOWN = _Plan("ru_unknown", "mobile", ("+7958", "+7966", "+7977", "+7978"), 10**7)
PLANS = (RU_MOBILE, RU_LANDLINE, US, UK_MOBILE, UK_LANDLINE, RU_UNKNOWN)
# A customer's phones use slots 3k, 3k+1, 3k+2; a prefix count divisible by 3 would give every
# customer's first phone the same prefix.
assert all(len(p.prefixes) % 3 for p in PLANS)

# (cumulative share, plan): which range a customer's first and further numbers come from
_RU_FIRST = ((0.92, RU_MOBILE), (1.0, RU_LANDLINE))
_EN_FIRST = ((0.45, US), (0.75, UK_MOBILE), (0.85, UK_LANDLINE), (1.0, RU_MOBILE))
_RU_MORE = ((0.6, RU_MOBILE), (1.0, RU_LANDLINE))
_EN_MORE = ((0.4, US), (0.6, UK_MOBILE), (0.7, UK_LANDLINE), (1.0, RU_MOBILE))


def _pick_plan(table: tuple[tuple[float, _Plan], ...], u: float) -> _Plan:
    for cut, plan in table:
        if u < cut:
            return plan
    return table[-1][1]


def caller_id_formats(e164: str) -> list[str]:
    """The shapes a PBX or carrier really delivers this number in; all normalise back to `e164`."""
    if e164.startswith("+7"):
        n = e164[2:]
        return [e164, "8" + n, "7" + n, f"+7 {n[:3]} {n[3:6]}-{n[6:8]}-{n[8:]}",
                f"8 ({n[:3]}) {n[3:6]}-{n[6:8]}-{n[8:]}", f"sip:{e164}@192.0.2.10",
                f"<sip:8{n}@192.0.2.10;user=phone>", f"tel:{e164}"]
    if e164.startswith("+1"):
        n = e164[2:]
        return [e164, f"+1 ({n[:3]}) {n[3:6]}-{n[6:]}", "001" + n, "8101" + n, f"sip:{e164}@192.0.2.10"]
    n = e164[1:]
    return [e164, f"+{n[:2]} {n[2:6]} {n[6:]}", "00" + n, "810" + n, f"sip:{e164}@192.0.2.10"]


def caller_id_format(e164: str, choice: int) -> str:
    """One of :func:`caller_id_formats`, picked by `choice`; E.164 as it is, half the time."""
    if choice < 500:
        return e164
    formats = caller_id_formats(e164)
    return formats[choice % len(formats)]


class Population:
    """What a customer's running index determines: its language and phone numbers (first one first)."""

    def __init__(self, rng: random.Random, mix: dict[str, float]) -> None:
        self.salt = rng.getrandbits(64)
        self.offsets = {p.name: rng.randrange(p.space) for p in PLANS}
        self.english_cut = int(mix["english_speaking"] * 65536)
        self.extra_cut = int(mix["extra_phones"] * 65536)

    def profile(self, k: int) -> tuple[bool, list[tuple[str, str]]]:
        h = _mix64(k ^ self.salt)
        english = (h & 0xFFFF) < self.english_cut
        count = 1
        if ((h >> 16) & 0xFFFF) < self.extra_cut:
            count = 3 if ((h >> 32) & 0xFF) < 85 else 2  # a third of them have three numbers
        first = _pick_plan(_EN_FIRST if english else _RU_FIRST, ((h >> 40) & 0xFFFF) / 65536)
        phones = [(first.number(3 * k, self.offsets[first.name]), first.label)]
        more, h2 = (_EN_MORE if english else _RU_MORE), _mix64(h)
        for j in range(1, count):
            plan = _pick_plan(more, ((h2 >> (16 * j)) & 0xFFFF) / 65536)
            label = "mobile" if plan.label == "mobile" else "work"
            phones.append((plan.number(3 * k + j, self.offsets[plan.name]), label))
        return english, phones

    def unknown_number(self, rng: random.Random) -> str:
        return RU_UNKNOWN.number(rng.randrange(10**9), self.offsets[RU_UNKNOWN.name])


# --- names ---------------------------------------------------------------------------------------------

_TRANSLIT = str.maketrans({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya",
})


def _latin(name: str) -> str:
    return "".join(ch for ch in name.lower().translate(_TRANSLIT) if ch.isascii() and ch.isalnum())


_POOLS: dict[tuple, NamePools] = {}


@dataclass(frozen=True)
class NamePools:
    """Lists to draw from with rng.choice; a name listed more often is drawn more often."""

    ru_male: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]  # first, patronymic, last
    ru_female: tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...]]
    en_male: tuple[str, ...]
    en_female: tuple[str, ...]
    en_last: tuple[str, ...]
    companies: dict[str, tuple[str, ...]]
    latin: dict[str, str]  # Russian name -> its Latin spelling, for e-mail addresses

    @classmethod
    def build(cls, seed: int, popular: dict[str, list[str]], size: int = 1000) -> NamePools:
        """Pools for a seed; built once per process (Faker is slow, the pools never change)."""
        key = (seed, size, tuple((sex, tuple(names)) for sex, names in sorted(popular.items())))
        pools = _POOLS.get(key)
        if pools is None:
            pools = _POOLS[key] = cls._build(seed, popular, size)
        return pools

    @classmethod
    def _build(cls, seed: int, popular: dict[str, list[str]], size: int) -> NamePools:
        from faker import Faker  # imported here: loading its locales costs time nobody else should pay

        ru, en = Faker("ru_RU"), Faker("en_US")
        ru.seed_instance(seed)
        en.seed_instance(seed)

        def draw(fn: Callable[[], str], n: int = size) -> tuple[str, ...]:
            return tuple(fn() for _ in range(n))

        def weighted(drawn: tuple[str, ...], common: list[str]) -> tuple[str, ...]:
            # the common names end up about three quarters of the pool
            return drawn + tuple(common) * max(1, 3 * len(drawn) // max(1, len(common)))

        stems = {n[:4] for n in popular.get("male", [])} | {"Павл"}
        male_mid = draw(ru.middle_name_male)
        female_mid = draw(ru.middle_name_female)
        ru_male = (weighted(draw(ru.first_name_male), popular.get("male", [])),
                   male_mid + tuple(m for m in male_mid if m[:4] in stems) * 6, draw(ru.last_name_male))
        ru_female = (weighted(draw(ru.first_name_female), popular.get("female", [])),
                     female_mid + tuple(m for m in female_mid if m[:4] in stems) * 6, draw(ru.last_name_female))
        en_male, en_female, en_last = draw(en.first_name_male), draw(en.first_name_female), draw(en.last_name)
        names = {n for group in (ru_male, ru_female) for part in group for n in part}
        latin = {n: _latin(n) for n in names | set(en_male) | set(en_female) | set(en_last)}
        return cls(
            ru_male=ru_male, ru_female=ru_female,
            en_male=en_male, en_female=en_female, en_last=en_last,
            companies={"ru": draw(ru.company, 300), "en": draw(en.company, 300)},
            latin=latin,
        )


# --- writing in bulk -------------------------------------------------------------------------------------

AGENT_COLUMNS = ("id", "login", "display_name", "role", "extension", "language", "active", "created_at")
CUSTOMER_COLUMNS = ("id", "full_name", "company", "email", "segment", "vip", "language", "notes", "provisional",
                    "created_at", "updated_at")
PHONE_COLUMNS = ("id", "customer_id", "e164", "label")
TICKET_COLUMNS = ("id", "number", "customer_id", "subject", "description", "category", "priority", "status",
                  "tier", "assignee_id", "created_by_id", "created_at", "updated_at", "sla_due_at",
                  "resolved_at", "version")
HISTORY_COLUMNS = ("id", "ticket_id", "at", "agent_id", "kind", "field", "old_value", "new_value", "comment")
INTERACTION_COLUMNS = ("id", "callid", "direction", "caller_id_raw", "caller_number", "customer_id", "queue",
                       "agent_id", "offered_at", "answered_at", "ended_at", "hold_seconds", "wrapup_seconds",
                       "disposition_code", "notes", "ticket_id")


class _BulkWriter:
    """Rows in the stored form both backends accept: ids as 32 hex digits (SQLAlchemy's Uuid on SQLite),
    times as naive-UTC `YYYY-MM-DD HH:MM:SS.ffffff` text (SQLAlchemy's SQLite format; PostgreSQL's COPY
    parses it). One transaction per batch: `commit()` after each."""

    def __init__(self, engine: Engine) -> None:
        self.fairy = engine.raw_connection()
        self.conn: Any = self.fairy.driver_connection
        self.seconds: dict[str, float] = {}

    def insert(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        if rows:
            started = time.perf_counter()
            self._insert(table, columns, rows)
            self.seconds[table] = self.seconds.get(table, 0.0) + time.perf_counter() - started

    def _insert(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        raise NotImplementedError

    def commit(self) -> None:
        started = time.perf_counter()
        self.conn.commit()
        self.seconds["commit"] = self.seconds.get("commit", 0.0) + time.perf_counter() - started

    def close(self, ok: bool) -> None:
        if not ok:
            self.conn.rollback()
        self.fairy.close()


class _SqliteWriter(_BulkWriter):
    # For the seed only: no fsync per batch, a bigger page cache, and no foreign-key lookups for rows
    # that are consistent by construction. Restored before the connection goes back to the pool.
    PRAGMAS = {"synchronous": "OFF", "foreign_keys": "OFF", "cache_size": "-131072", "temp_store": "MEMORY"}

    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self.conn.commit()  # PRAGMA foreign_keys is ignored inside a transaction
        self.saved = {p: self.conn.execute(f"PRAGMA {p}").fetchone()[0] for p in self.PRAGMAS}
        for pragma, value in self.PRAGMAS.items():
            self.conn.execute(f"PRAGMA {pragma}={value}")

    def _insert(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        # table and column names are this module's constants, never input
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"  # noqa: S608
        self.conn.executemany(sql, rows)

    def close(self, ok: bool) -> None:
        try:
            if not ok:
                self.conn.rollback()
            self.conn.commit()
            for pragma, value in self.saved.items():
                self.conn.execute(f"PRAGMA {pragma}={value}")
        finally:
            self.fairy.close()


class _PostgresWriter(_BulkWriter):
    def __init__(self, engine: Engine) -> None:
        super().__init__(engine)
        self.conn.execute("SET synchronous_commit TO off")  # for this session only; reset in close()

    def _insert(self, table: str, columns: tuple[str, ...], rows: list[tuple]) -> None:
        with self.conn.cursor() as cur, cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)

    def close(self, ok: bool) -> None:
        try:
            if not ok:
                self.conn.rollback()
            self.conn.execute("RESET synchronous_commit")
            self.conn.commit()
        finally:
            self.fairy.close()


@contextmanager
def _bulk_writer(db: Database) -> Iterator[_BulkWriter]:
    writer = _SqliteWriter(db.engine) if db.is_sqlite else _PostgresWriter(db.engine)
    ok = False
    try:
        yield writer
        ok = True
    finally:
        writer.close(ok)


_BIG_LOAD = 50_000


@contextmanager
def _indexes_set_aside(db: Database, planned: dict[str, tuple[int, int]],
                       stages: dict[str, float]) -> Iterator[None]:
    """Drop a table's plain (non-unique) indexes while a big load goes in, and build them again after.

    One sorted pass afterwards is much faster than keeping random-order indexes up to date row by row.
    Only for loads at least as big as what the table already holds. Unique indexes stay, so
    constraints hold throughout. An interrupted seed's missing indexes come back with
    :func:`restore_indexes` (the next seed calls it first).
    """
    aside = [ix for name, (adding, present) in planned.items() if adding >= _BIG_LOAD and adding >= present
             for ix in Base.metadata.tables[name].indexes if not ix.unique]
    if aside:
        with db.engine.begin() as conn:
            for ix in aside:
                ix.drop(conn)
    try:
        yield
    finally:
        started = time.perf_counter()
        restore_indexes(db)
        stages["indexes"] = time.perf_counter() - started


SEEDED_TABLES = ("customers", "customer_phones", "tickets", "ticket_history", "interactions")


def restore_indexes(db: Database, tables: tuple[str, ...] = SEEDED_TABLES) -> list[str]:
    """Create the models' indexes on these tables that the database lacks; returns their names."""
    created = []
    with db.engine.begin() as conn:
        inspector = inspect(conn)
        for name in tables:
            have = {ix["name"] for ix in inspector.get_indexes(name)}
            for ix in Base.metadata.tables[name].indexes:
                if ix.name not in have:
                    ix.create(conn)
                    created.append(ix.name)
    return created


def _table(weights: dict[Any, float], size: int = 1000) -> tuple[Any, ...]:
    """A lookup table for weighted draws in O(1): table[int(rng.random() * len(table))]."""
    total = sum(weights.values())
    if total <= 0:
        raise SeedError("weights add up to nothing")
    out: list[Any] = []
    for value, weight in weights.items():
        out.extend([value] * max(1 if weight > 0 else 0, round(size * weight / total)))
    return tuple(out)


# Calls by hour of the day, Moscow time (UTC+3): a contact centre's daily curve.
_MSK_HOURS = {0: 0.3, 1: 0.2, 2: 0.1, 3: 0.1, 4: 0.1, 5: 0.2, 6: 0.5, 7: 1.2, 8: 3, 9: 6, 10: 9, 11: 10, 12: 9,
              13: 8, 14: 8.5, 15: 9, 16: 9, 17: 8, 18: 6, 19: 4.5, 20: 3.5, 21: 2.5, 22: 1.5, 23: 0.7}
_UTC_HOURS = _table({(h - 3) % 24: w for h, w in _MSK_HOURS.items()})
_SEGMENTS = _table({"consumer": 80, "small_business": 12, "corporate": 7, "government": 1}, 100)
_PRIORITIES = _table({Priority.LOW.value: 15, Priority.NORMAL.value: 60, Priority.HIGH.value: 20,
                      Priority.URGENT.value: 5}, 100)
# Ticket status by age: young tickets are still being worked on, old ones are mostly closed.
_STATUS_YOUNG = _table({"new": 35, "open": 30, "pending": 15, "escalated": 10, "resolved": 10}, 100)
_STATUS_WEEK = _table({"new": 3, "open": 15, "pending": 15, "escalated": 7, "resolved": 30, "closed": 30}, 100)
_STATUS_OLD = _table({"open": 3, "pending": 3, "escalated": 2, "resolved": 12, "closed": 80}, 100)
_TIERS = _table({"L1": 75, "L2": 20, "L3": 5}, 100)
_ANONYMOUS = ("anonymous", "Anonymous", "unknown", "restricted", "")
_CATEGORY_QUEUE = {"billing": "billing", "account": "billing"}  # every other category is support's
_OUTBOUND_CODES = {"info_provided": 40, "resolved_first_contact": 35, "callback_scheduled": 10, "sale_made": 10,
                   "call_dropped": 5}
_EPOCH = datetime(1970, 1, 1)  # stored times are naive UTC
assert all(s in {t.value for t in TicketStatus} for s in _STATUS_YOUNG + _STATUS_WEEK + _STATUS_OLD)


# --- the generator -------------------------------------------------------------------------------------

class _Clock:
    """Times as whole epoch seconds (cheap to draw and add), written as SQLAlchemy stores them on SQLite."""

    def __init__(self, now: datetime) -> None:
        self.now = int(now.timestamp())
        self.window_start = (self.now // 86400 - 90) * 86400  # midnight UTC, 90 days ago
        self.latest = self.now - 7200  # calls that started before this have ended by now
        self._days: dict[int, str] = {}

    def text(self, sec: int) -> str:
        day, rem = divmod(sec, 86400)
        date = self._days.get(day)
        if date is None:
            date = self._days[day] = (_EPOCH + timedelta(days=day)).strftime("%Y-%m-%d")
        hours, rem = divmod(rem, 3600)
        return f"{date} {hours:02d}:{rem // 60:02d}:{rem % 60:02d}.000000"

    def moment(self, rnd: Callable[[], float]) -> int:
        """A moment in the last 90 days, on the contact centre's daily curve."""
        hour = _UTC_HOURS[int(rnd() * len(_UTC_HOURS))]
        sec = self.window_start + int(rnd() * 91) * 86400 + hour * 3600 + int(rnd() * 3600)
        while sec > self.latest:
            sec -= 86400
        return sec


@dataclass
class _Agents:
    ids: list[str]
    handling: list[str]  # who takes calls and owns tickets: operators (or everyone, if none)


class _Seeder:
    def __init__(self, db: Database, settings: DemoSettings, seed: int, now: datetime,
                 progress: Progress | None) -> None:
        self.db, self.settings, self.progress = db, settings, progress
        self.rng = random.Random(seed)
        self.clock = _Clock(now)
        base_ms = int(now.timestamp() * 1000) - 2**32  # about 50 days before now: "created" in the past
        rng = self.rng
        self.ids = {name: _Ids(base_ms, rng.getrandbits(64))
                    for name in ("agent", "customer", "phone", "ticket", "history", "interaction")}
        self.population = Population(rng, settings.mix)
        self.pools = NamePools.build(seed, settings.popular_names)
        self.queues = _table({q.name: q.weight for q in settings.queues}, 100)
        self.categories = _table({c.name: c.weight for c in settings.ticket_categories}, 100)
        self.category = {c.name: c for c in settings.ticket_categories}
        # the SLA policy of core.domain, as seconds per priority
        self.sla_seconds = {p.value: int((sla_due(_EPOCH, p) - _EPOCH).total_seconds()) for p in Priority}
        self.used_numbers: set[str] = set()
        self.counts: dict[str, int] = {}
        self.seed_value = seed
        self.c0 = self.n_customers = 0

    # shared draws

    def _customer_index(self) -> int:
        # loyal (older) customers call more: the first 1% of customers make about 5% of the contacts
        return self.c0 + int(self.n_customers * self.rng.random() ** 1.5)

    def _ticket_number(self, sec: int) -> str:
        at = _EPOCH + timedelta(seconds=sec)
        while True:
            number = new_ticket_number(self.rng, at=at)
            if number not in self.used_numbers:
                self.used_numbers.add(number)
                return number

    def _caller(self, numbers: list[tuple[str, str]]) -> str:
        # most people call from their first number; some from another one they have
        if len(numbers) == 1 or self.rng.random() < 0.8:
            return numbers[0][0]
        return numbers[1 + int(self.rng.random() * (len(numbers) - 1))][0]

    def _raw(self, e164: str) -> str:
        return caller_id_format(e164, int(self.rng.random() * 1000))

    def _report(self, stage: str, done: int, total: int) -> None:
        if self.progress is not None:
            self.progress(stage, done, total)

    # stages

    def agents(self, writer: _BulkWriter, count: int) -> _Agents:
        logins = [f"agent{i:03d}" for i in range(1, count + 1)]
        with self.db.session() as s:
            existing = {login: aid.hex for login, aid in
                        s.execute(select(Agent.login, Agent.id).where(Agent.login.in_(logins)))}
        rows, ids, handling = [], [], []
        named, (m_first, _, m_last), (f_first, _, f_last) = (self.settings.named_agents, self.pools.ru_male,
                                                             self.pools.ru_female)
        created = self.clock.text(self.clock.now - 400 * 86400)
        for i, login in enumerate(logins):
            first, last = (self.rng.choice(f_first), self.rng.choice(f_last)) if i % 2 else \
                (self.rng.choice(m_first), self.rng.choice(m_last))
            spec = named[i] if i < len(named) else {"display_name": f"{first} {last}",
                                                    "role": Role.OPERATOR.value, "language": "ru"}
            aid = existing.get(login) or self.ids["agent"](i)
            if login not in existing:
                rows.append((aid, login, spec["display_name"], spec["role"], str(1001 + i), spec["language"],
                             True, created))
            ids.append(aid)
            if spec["role"] == Role.OPERATOR.value:
                handling.append(aid)
        writer.insert("agents", AGENT_COLUMNS, rows)
        writer.commit()
        self.counts["agents"] = len(rows)
        return _Agents(ids, handling or ids)

    def customers(self, writer: _BulkWriter, c0: int, n: int) -> None:
        # the hottest loop of the seed: draws are inlined (seq[int(rnd() * len(seq))] is rng.choice, faster)
        rnd, pools, mix, profile = self.rng.random, self.pools, self.settings.mix, self.population.profile
        cid_of, pid_of, text, now = self.ids["customer"], self.ids["phone"], self.clock.text, self.clock.now
        domains, notes, companies, latin = (self.settings.email_domains, self.settings.customer_notes,
                                            pools.companies, pools.latin)
        en_female, en_male, en_last = pools.en_female, pools.en_male, pools.en_last
        with_email, with_notes, vip_share = mix["with_email"], mix["with_notes"], mix["vip"]
        phones_written = 0
        for start in range(0, n, _BATCH):
            customers, phones = [], []
            for k in range(c0 + start, c0 + min(n, start + _BATCH)):
                english, numbers = profile(k)
                if english:
                    lang = "en"
                    firsts = en_female if rnd() < 0.5 else en_male
                    first, last = firsts[int(rnd() * len(firsts))], en_last[int(rnd() * len(en_last))]
                    full_name = f"{first} {last}"
                else:
                    lang = "ru"
                    firsts, middles, lasts = pools.ru_female if rnd() < 0.53 else pools.ru_male
                    first, last = firsts[int(rnd() * len(firsts))], lasts[int(rnd() * len(lasts))]
                    full_name = f"{last} {first} {middles[int(rnd() * len(middles))]}"
                segment = _SEGMENTS[int(rnd() * 100)]
                company = None
                if segment != "consumer":
                    names = companies[lang]
                    company = names[int(rnd() * len(names))]
                email = None
                if rnd() < with_email:
                    f, la, style = latin[first], latin[last], rnd()
                    local = f"{f}.{la}" if style < 0.45 else f"{la}{int(70 + rnd() * 30)}" if style < 0.75 \
                        else f"{f[:1]}{la}"
                    hosts = domains[lang]
                    email = f"{local}@{hosts[int(rnd() * len(hosts))]}"
                note = ""
                if rnd() < with_notes:
                    texts = notes[lang]
                    note = texts[int(rnd() * len(texts))]
                vip = rnd() < vip_share
                created = text(now - 91 * 86400 - int(rnd() * 1095 * 86400))  # customers for up to 3 years
                cid = cid_of(k)
                customers.append((cid, full_name, company, email, segment, vip, lang, note, False, created, created))
                slot = 3 * k
                for e164, label in numbers:
                    phones.append((pid_of(slot), cid, e164, label))
                    slot += 1
            writer.insert("customers", CUSTOMER_COLUMNS, customers)
            writer.insert("customer_phones", PHONE_COLUMNS, phones)
            writer.commit()
            phones_written += len(phones)
            self._report("customers", min(n, start + _BATCH), n)
        self.counts["customers"], self.counts["customer_phones"] = n, phones_written

    def tickets(self, writer: _BulkWriter, t0: int, n: int, linked: int, i0: int, agents: _Agents) -> None:
        rng, profile, clock, text = self.rng, self.population.profile, self.clock, self.clock.text
        rnd, now, latest = rng.random, clock.now, clock.latest
        tid_of, hid_of, cid_of = self.ids["ticket"], self.ids["history"], self.ids["customer"]
        handling, categories, sla = agents.handling, self.categories, self.sla_seconds
        counts = {"tickets": 0, "ticket_history": 0, "interactions": 0}
        for start in range(0, n, _BATCH):
            tickets, history, calls = [], [], []
            for t in range(t0 + start, t0 + min(n, start + _BATCH)):
                k = self._customer_index()
                english, numbers = profile(k)
                lang = "en" if english else "ru"
                category = self.category[categories[int(rnd() * len(categories))]]
                created = clock.moment(rnd)
                subjects, descriptions = category.subjects[lang], category.descriptions[lang]
                subject = subjects[int(rnd() * len(subjects))]
                description = descriptions[int(rnd() * len(descriptions))]
                if rnd() < 0.4:
                    more = descriptions[int(rnd() * len(descriptions))]
                    if more != description:
                        description = f"{description} {more}"
                priority = _PRIORITIES[int(rnd() * 100)]
                age = now - created
                statuses = _STATUS_YOUNG if age < 2 * 86400 else _STATUS_WEEK if age < 14 * 86400 else _STATUS_OLD
                status = statuses[int(rnd() * 100)]
                tier = ("L2" if rnd() < 0.7 else "L3") if status == "escalated" else _TIERS[int(rnd() * 100)]
                creator = handling[int(rnd() * len(handling))]
                assignee = None if status == "new" and rnd() < 0.5 else \
                    creator if rnd() < 0.6 else handling[int(rnd() * len(handling))]
                due = created + sla[priority]
                resolved = None
                if status in ("resolved", "closed"):
                    # most are solved within the SLA, some are late
                    resolved = min(created + int(sla[priority] * (0.05 + 1.25 * rnd())), latest)
                    updated = resolved if status == "resolved" else min(resolved + int(3600 + rnd() * 71 * 3600),
                                                                        latest)
                elif status != "new":
                    updated = created + int((latest - created) * rnd() * 0.5)
                else:
                    updated = created
                tid = tid_of(t)
                created_ts, updated_ts = text(created), text(updated)
                tickets.append((tid, self._ticket_number(created), cid_of(k), subject, description, category.name,
                                priority, status, tier, assignee, creator, created_ts, updated_ts, text(due),
                                text(resolved) if resolved else None, 1 if status == "new" else 2))
                history.append((hid_of(2 * t), tid, created_ts, creator, "created", None, None, None, None))
                if status != "new":
                    history.append((hid_of(2 * t + 1), tid, updated_ts, assignee or creator, "change", "status",
                                    "new", status, None))
                if t - t0 < linked:
                    calls.append(self._ticket_call(i0 + t - t0, cid_of(k), numbers, created, category.name,
                                                   tier, creator, tid))
            writer.insert("tickets", TICKET_COLUMNS, tickets)
            writer.insert("ticket_history", HISTORY_COLUMNS, history)
            writer.insert("interactions", INTERACTION_COLUMNS, calls)
            writer.commit()
            counts["tickets"] += len(tickets)
            counts["ticket_history"] += len(history)
            counts["interactions"] += len(calls)
            self._report("tickets", min(n, start + _BATCH), n)
        for key, value in counts.items():
            self.counts[key] = self.counts.get(key, 0) + value

    def _ticket_call(self, i: int, customer_id: str, numbers: list[tuple[str, str]], created: int,
                     category: str, tier: str, agent: str, ticket_id: str) -> tuple:
        """The call during which the operator opened the ticket."""
        rnd, text = self.rng.random, self.clock.text
        answered = created - int(60 + rnd() * 340)
        offered = answered - int(self.rng.expovariate(1 / 20))
        hold = int(15 + rnd() * 135) if rnd() < 0.3 else 0
        ended = created + int(30 + rnd() * 150) + hold
        code = "complaint_registered" if category == "complaint" else "escalated" if tier != "L1" else "ticket_created"
        if code not in self.codes:
            code = self.ticket_code
        number = self._caller(numbers)
        return (self.ids["interaction"](i), f"{offered}.{i}", "inbound", self._raw(number), number,
                customer_id, _CATEGORY_QUEUE.get(category, "support"), agent, text(offered), text(answered),
                text(ended), hold, int(20 + rnd() * 100), code, "", ticket_id)

    def interactions(self, writer: _BulkWriter, i_start: int, n: int, agents: _Agents) -> None:
        rng, profile, mix, clock, text = self.rng, self.population.profile, self.settings.mix, self.clock, self.clock.text
        rnd, expo, lognorm = rng.random, rng.expovariate, rng.lognormvariate
        iid_of, cid_of, handling = self.ids["interaction"], self.ids["customer"], agents.handling
        queues, outbound_codes, dispositions = self.queues, self.outbound_codes, self.dispositions
        anonymous, unknown, outbound = mix["anonymous"], mix["anonymous"] + mix["unknown_caller"], mix["outbound"]
        written = 0
        for start in range(0, n, _BATCH):
            calls = []
            for i in range(i_start + start, i_start + min(n, start + _BATCH)):
                offered = clock.moment(rnd)
                customer_id = number = queue = agent = answered = code = None
                hold = wrapup = 0
                if rnd() < outbound:
                    direction = "outbound"
                    k = self._customer_index()
                    number = self._caller(profile(k)[1])
                    raw, customer_id, agent = number, cid_of(k), handling[int(rnd() * len(handling))]
                    ring = int(5 + rnd() * 30)
                    if rnd() < 0.75:
                        answered = offered + ring
                        ended = answered + int(lognorm(5.0, 0.6))
                        wrapup = int(5 + rnd() * 55)
                        code = outbound_codes[int(rnd() * len(outbound_codes))] if outbound_codes else None
                    else:
                        ended = offered + ring
                else:
                    direction = "inbound"
                    queue = queues[int(rnd() * len(queues))]
                    v = rnd()
                    if v < anonymous:
                        raw = _ANONYMOUS[int(rnd() * len(_ANONYMOUS))]
                    elif v < unknown:
                        number = self.population.unknown_number(rng)
                        raw = self._raw(number)
                    else:
                        k = self._customer_index()
                        number = self._caller(profile(k)[1])
                        raw, customer_id = self._raw(number), cid_of(k)
                    wait, patience = expo(1 / 22), expo(1 / 160)
                    if wait > patience:  # the caller gave up before an agent answered
                        ended = offered + int(patience) + 1
                    else:
                        answered = offered + int(wait)
                        hold = int(10 + rnd() * 170) if rnd() < 0.22 else 0
                        ended = answered + int(lognorm(5.2, 0.6)) + hold
                        wrapup = int(5 + rnd() * 85)
                        agent = handling[int(rnd() * len(handling))]
                        table = dispositions.get(queue)
                        code = table[int(rnd() * len(table))] if table else None
                calls.append((iid_of(i), f"{offered}.{i}", direction, raw, number, customer_id, queue, agent,
                              text(offered), text(answered) if answered else None, text(ended), hold, wrapup,
                              code, "", None))
            writer.insert("interactions", INTERACTION_COLUMNS, calls)
            writer.commit()
            written += len(calls)
            self._report("interactions", min(n, start + _BATCH), n)
        self.counts["interactions"] = self.counts.get("interactions", 0) + written

    def run(self, customers: int, tickets: int, interactions: int, agents: int, started: float) -> dict[str, Any]:
        with self.db.session() as s:
            self.c0 = s.scalar(select(func.count()).select_from(Customer)) or 0
            t0 = s.scalar(select(func.count()).select_from(Ticket)) or 0
            i0 = s.scalar(select(func.count()).select_from(Interaction)) or 0
            self.codes = set(s.scalars(select(Disposition.code)))
            ticket_codes = list(s.scalars(select(Disposition.code).where(Disposition.requires_ticket)))
            if t0:
                months = {f"{_EPOCH + timedelta(seconds=self.clock.window_start, days=d):%y%m}"
                          for d in range(0, 92, 7)} | {f"{_EPOCH + timedelta(seconds=self.clock.now):%y%m}"}
                self.used_numbers.update(s.scalars(select(Ticket.number).where(
                    or_(*(Ticket.number.like(f"{m}-%") for m in sorted(months))))))
        self.n_customers = customers
        self.ticket_code = ticket_codes[0] if ticket_codes else None
        self.dispositions = {}
        for q in self.settings.queues:
            weights = {c: w for c, w in q.dispositions.items() if c in self.codes}
            self.dispositions[q.name] = _table(weights, 100) if weights else ()
        outbound = {c: w for c, w in _OUTBOUND_CODES.items() if c in self.codes}
        self.outbound_codes = _table(outbound, 100) if outbound else ()
        linked = min(round(tickets * self.settings.mix["tickets_from_calls"]), interactions)

        stages: dict[str, float] = {}
        planned = {"customers": (customers, self.c0), "customer_phones": (customers, self.c0),
                   "tickets": (tickets, t0), "ticket_history": (tickets, t0), "interactions": (interactions, i0)}
        with _indexes_set_aside(self.db, planned, stages), _bulk_writer(self.db) as writer:
            mark = time.perf_counter()
            team = self.agents(writer, agents)
            stages["agents"] = time.perf_counter() - mark
            mark = time.perf_counter()
            self.customers(writer, self.c0, customers)
            stages["customers"] = time.perf_counter() - mark
            mark = time.perf_counter()
            self.tickets(writer, t0, tickets, linked, i0, team)
            stages["tickets"] = time.perf_counter() - mark
            mark = time.perf_counter()
            self.interactions(writer, i0 + linked, interactions - linked, team)
            stages["interactions"] = time.perf_counter() - mark
            insert_seconds = dict(writer.seconds)
        return {
            **{key: self.counts.get(key, 0) for key in
               ("agents", "customers", "customer_phones", "tickets", "ticket_history", "interactions")},
            "seed": self.seed_value,
            "backend": self.db.engine.dialect.name,
            "seconds": round(time.perf_counter() - started, 3),
            "stage_seconds": {k: round(v, 3) for k, v in stages.items()},
            "insert_seconds": {k: round(v, 3) for k, v in insert_seconds.items()},
        }




def seed(db: Database, *, customers: int, tickets: int, interactions: int, agents: int = 40, seed: int = 1,
         progress: Progress | None = None, now: datetime | None = None,
         settings: DemoSettings | None = None) -> dict[str, Any]:
    """Generate realistic data in bulk and return a summary: rows per table, seconds per stage and table.

    Tickets and calls go to the customers generated in the same run. The same `seed` and `now` give the
    same rows. Missing dispositions and other defaults are loaded first. Each batch is one transaction.
    """
    for name, value in (("customers", customers), ("tickets", tickets), ("interactions", interactions)):
        if not isinstance(value, int) or value < 0:
            raise SeedError(f"{name} must be a whole number 0 or more, got {value!r}")
    if not isinstance(agents, int) or not 1 <= agents <= 999:
        raise SeedError(f"agents must be from 1 to 999, got {agents!r}")
    if now is not None and now.tzinfo is None:
        raise SeedError("now must be an aware datetime (use core.domain.utcnow())")
    if (tickets or interactions) and not customers:
        raise SeedError("tickets and interactions belong to the customers of the same run: give customers too")
    started = time.perf_counter()
    with db.session() as s:
        have_dispositions = s.scalar(select(func.count()).select_from(Disposition))
    if not have_dispositions:
        load_defaults(db)
    restore_indexes(db)  # in case an earlier seed was interrupted while they were set aside
    seeder = _Seeder(db, settings or read_demo_settings(), seed, now or utcnow(), progress)
    return seeder.run(customers, tickets, interactions, agents, started)
