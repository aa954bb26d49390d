"""Customer, phone, interaction and ticket reads for the screen-pop, and customer creation.

Every function returns core DTOs, never ORM objects. Each screen-pop part is ONE statement that
the indexes answer (customer_phones.e164, tickets(customer_id, status), interactions(customer_id,
offered_at) and (caller_number, offered_at)); tests/crm checks that with EXPLAIN on both backends.
Functions take a Connection or Session so that a caller can run several on one checkout;
CustomerReader runs them for the CRM (crm/ never sees a connection) on one shared checkout a lookup.
"""

from __future__ import annotations

import difflib
import re
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import Connection, Select, bindparam, func, insert, literal_column, or_, select
from sqlalchemy.orm import Session

from desktop_agent.core.domain import OPEN_STATUSES, Segment, utcnow
from desktop_agent.core.dto import CustomerDTO, InteractionDTO, PhoneDTO, TicketDTO
from desktop_agent.core.phone import normalise
from desktop_agent.store.database import Database
from desktop_agent.store.errors import InvalidOperation
from desktop_agent.store.models import Customer, CustomerPhone, Interaction, Ticket
from desktop_agent.store.notify import record_change

Executor = Connection | Session

# A number shared by thousands of customers (a switchboard, a placeholder in bad data) must not
# make the screen-pop slow: only this many customers are considered for one number.
MAX_CUSTOMERS_PER_NUMBER = 50
MAX_OPEN_TICKETS = 50
E164 = re.compile(r"^\+[1-9]\d{4,14}$")
LANGUAGES = ("ru", "en")

_customers = Customer.__table__
_phones = CustomerPhone.__table__
_interactions = Interaction.__table__
_tickets = Ticket.__table__


class InvalidCustomer(InvalidOperation):
    """Also a core.ports.RuleViolation, so the UI can catch it without knowing the store."""


class ContactedCustomer(NamedTuple):
    customer: CustomerDTO
    last_contact_at: datetime | None  # the newest interaction linked to the customer


@dataclass(frozen=True, slots=True)
class NewCustomer:
    full_name: str
    phones: tuple[PhoneDTO, ...] = ()
    company: str | None = None
    email: str | None = None
    segment: str = Segment.CONSUMER.value
    vip: bool = False
    language: str = "ru"
    notes: str = ""
    provisional: bool = False

    def problem(self) -> str | None:
        """Why this customer cannot be stored, or None. The same limits as the schema, on every backend."""
        if not self.full_name.strip() and not self.provisional:
            return "no name"
        if len(self.full_name) > 300:
            return "name longer than 300 characters"
        if self.company and len(self.company) > 300:
            return "company longer than 300 characters"
        if self.email and len(self.email) > 320:
            return "email longer than 320 characters"
        if self.segment not in {s.value for s in Segment}:
            return f"unknown segment {self.segment!r}"
        if self.language not in LANGUAGES:
            return f"unknown language {self.language!r}"
        for phone in self.phones:
            if not E164.match(phone.e164):
                return f"not an E.164 number: {phone.e164!r}"
            if len(phone.label) > 32:
                return "phone label longer than 32 characters"
        if len({p.e164 for p in self.phones}) != len(self.phones):
            return "the same number twice"
        if any("\x00" in (v or "") for v in (self.full_name, self.company, self.email, self.notes)):
            return "NUL character in a field"
        return None


@dataclass(frozen=True, slots=True)
class MergeCandidate:
    """Another customer who is probably the same person: a shared number and a similar name."""

    customer: CustomerDTO
    shared_numbers: tuple[str, ...]
    name_similarity: float  # 0..1
    reasons: tuple[str, ...] = field(default=("same_number", "similar_name"))


# -- reading customers ---------------------------------------------------------------------------

_CUSTOMER_COLUMNS = (
    _customers.c.id, _customers.c.full_name, _customers.c.company, _customers.c.email,
    _customers.c.segment, _customers.c.vip, _customers.c.language, _customers.c.notes,
    _customers.c.provisional,
)


def _last_contact_at():  # noqa: ANN202 - a correlated scalar subquery
    # ORDER BY .. LIMIT 1 (not max()) so both SQLite and PostgreSQL read one index entry backwards
    return (
        select(_interactions.c.offered_at)
        .where(_interactions.c.customer_id == _customers.c.id)
        .order_by(_interactions.c.offered_at.desc())
        .limit(1)
        .correlate(_customers)
        .scalar_subquery()
        .label("last_contact_at")
    )


def _with_phones(ids: Select) -> Select:
    """customers named by `ids` (a SELECT of customer_id), joined with all their phones, in one statement."""
    wanted = ids.subquery("wanted")
    return (
        select(*_CUSTOMER_COLUMNS, _last_contact_at(), _phones.c.e164, _phones.c.label)
        .select_from(
            wanted.join(_customers, _customers.c.id == wanted.c.customer_id)
            .outerjoin(_phones, _phones.c.customer_id == _customers.c.id)
        )
    )


def _collect(rows: Iterable, first_number: str | None = None) -> list[ContactedCustomer]:
    by_id: dict[uuid.UUID, tuple[object, list[PhoneDTO]]] = {}
    for row in rows:
        entry = by_id.setdefault(row.id, (row, []))
        if row.e164 is not None and all(p.e164 != row.e164 for p in entry[1]):
            entry[1].append(PhoneDTO(e164=row.e164, label=row.label))
    result = []
    for row, phones in by_id.values():
        # the number that rang first, then the rest in a stable order
        phones.sort(key=lambda p: (p.e164 != first_number, p.e164))
        result.append(ContactedCustomer(_customer_dto(row, tuple(phones)), row.last_contact_at))
    return result


def _customer_dto(row, phones: tuple[PhoneDTO, ...]) -> CustomerDTO:  # noqa: ANN001
    return CustomerDTO(
        id=row.id, full_name=row.full_name, phones=phones, company=row.company, email=row.email,
        segment=row.segment, vip=bool(row.vip), language=row.language, notes=row.notes or "",
        provisional=bool(row.provisional),
    )


# The screen-pop's statements are built once, with bind parameters: building a SELECT costs more
# Python time than running it through the indexes.
_BY_E164 = _with_phones(
    select(_phones.c.customer_id).where(_phones.c.e164 == bindparam("e164")).limit(bindparam("limit"))
)
_BY_ID = _with_phones(select(_customers.c.id.label("customer_id")).where(_customers.c.id == bindparam("id")))


def find_by_e164(conn: Executor, e164: str, limit: int = MAX_CUSTOMERS_PER_NUMBER) -> list[ContactedCustomer]:
    """Customers owning the number, with all their phones and last contact time: one indexed query."""
    return _collect(conn.execute(_BY_E164, {"e164": e164, "limit": limit}), first_number=e164)


def get_customer(conn: Executor, customer_id: uuid.UUID) -> CustomerDTO | None:
    found = _collect(conn.execute(_BY_ID, {"id": customer_id}))
    return found[0].customer if found else None


def search_customers(conn: Executor, text: str, limit: int = 20) -> list[CustomerDTO]:
    """By number when the text is one, else by the start of the name (as typed, or capitalised)."""
    text = (text or "").strip()[:300]
    if not text:
        return []
    caller = normalise(text)
    if caller.is_number:
        return [c.customer for c in find_by_e164(conn, caller.e164 or "", limit)]
    # a range on the name index instead of LIKE: LIKE ignores the index on SQLite (case-insensitive)
    prefixes = {text, text[:1].upper() + text[1:], text.title()}
    name = _customers.c.full_name
    ids = (
        select(_customers.c.id.label("customer_id"))
        .where(or_(*[(name >= p) & (name < p + "\U0010ffff") for p in sorted(prefixes)]))
        .order_by(_customers.c.full_name)
        .limit(limit)
    )
    found = _collect(conn.execute(_with_phones(ids)))
    return sorted((c.customer for c in found), key=lambda c: c.full_name)


def existing_numbers(conn: Executor, numbers: Iterable[str]) -> set[str]:
    """Which of these E.164 numbers some customer already has (the import's duplicate check)."""
    wanted = sorted(set(numbers))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):  # stay far below every backend's parameter limit
        chunk = wanted[start:start + 500]
        stmt = select(_phones.c.e164).where(_phones.c.e164.in_(chunk)).distinct()
        found.update(conn.execute(stmt).scalars())
    return found


# -- the rest of the screen-pop ------------------------------------------------------------------

_TICKET_COLUMNS = (
    _tickets.c.id, _tickets.c.number, _tickets.c.customer_id, _tickets.c.subject, _tickets.c.description,
    _tickets.c.category, _tickets.c.priority, _tickets.c.status, _tickets.c.tier, _tickets.c.assignee_id,
    _tickets.c.created_at, _tickets.c.updated_at, _tickets.c.sla_due_at, _tickets.c.version,
)


_OPEN_TICKETS = (
    select(*_TICKET_COLUMNS)
    .where(_tickets.c.customer_id == bindparam("customer_id"), _tickets.c.status.in_(OPEN_STATUSES))
    .order_by(_tickets.c.created_at.desc())
    .limit(bindparam("limit"))
)


def open_tickets(conn: Executor, customer_id: uuid.UUID, limit: int = MAX_OPEN_TICKETS) -> list[TicketDTO]:
    """Not resolved or closed, newest first (index customer_id, status)."""
    rows = conn.execute(_OPEN_TICKETS, {"customer_id": customer_id, "limit": limit})
    return [TicketDTO(**row._mapping) for row in rows]


_INTERACTION_COLUMNS = (
    _interactions.c.id, _interactions.c.callid, _interactions.c.direction, _interactions.c.caller_id_raw,
    _interactions.c.caller_number, _interactions.c.customer_id, _interactions.c.queue,
    _interactions.c.agent_id, _interactions.c.offered_at, _interactions.c.answered_at,
    _interactions.c.ended_at, _interactions.c.hold_seconds, _interactions.c.wrapup_seconds,
    _interactions.c.disposition_code.label("disposition"), _interactions.c.ticket_id, _interactions.c.notes,
)


def _by_owner(make) -> dict[str, Select]:  # noqa: ANN001
    """The same statement keyed by customer and by raw number (each has its own index)."""
    return {
        "customer_id": make(_interactions.c.customer_id == bindparam("key")),
        "caller_number": make(_interactions.c.caller_number == bindparam("key")),
    }


_LAST_INTERACTIONS = _by_owner(lambda whose: (
    select(*_INTERACTION_COLUMNS).where(whose).order_by(_interactions.c.offered_at.desc()).limit(bindparam("limit"))
))
_COUNT_SINCE = _by_owner(lambda whose: (
    select(func.count(literal_column("1"))).select_from(_interactions)
    .where(whose, _interactions.c.offered_at >= bindparam("since"))
))


def _owner(customer_id: uuid.UUID | None, caller_number: str | None) -> tuple[str, object]:
    if customer_id is not None:
        return "customer_id", customer_id
    if caller_number:
        return "caller_number", caller_number
    raise ValueError("a customer id or a caller number is needed")


def last_interactions(conn: Executor, *, customer_id: uuid.UUID | None = None,
                      caller_number: str | None = None, limit: int = 10) -> list[InteractionDTO]:
    """The newest calls of a customer, or of a raw number nobody owns; the disposition is the outcome."""
    by, key = _owner(customer_id, caller_number)
    rows = conn.execute(_LAST_INTERACTIONS[by], {"key": key, "limit": limit})
    return [InteractionDTO(**row._mapping) for row in rows]


def count_contacts_since(conn: Executor, since: datetime, *, customer_id: uuid.UUID | None = None,
                         caller_number: str | None = None) -> int:
    by, key = _owner(customer_id, caller_number)
    return int(conn.execute(_COUNT_SINCE[by], {"key": key, "since": since}).scalar_one())


class ContactHistory(NamedTuple):
    open_tickets: list[TicketDTO]
    last_interactions: list[InteractionDTO]
    contacts_since: int


def contact_history(conn: Executor, *, customer_id: uuid.UUID | None, caller_number: str | None,
                    since: datetime, limit: int = 10) -> ContactHistory:
    """The screen-pop's history part: open tickets (of a customer only), the newest calls and the
    number of contacts since `since`, of a customer or else of a raw number. Three indexed queries."""
    tickets = open_tickets(conn, customer_id) if customer_id is not None else []
    calls = last_interactions(conn, customer_id=customer_id, caller_number=caller_number, limit=limit)
    count = count_contacts_since(conn, since, customer_id=customer_id, caller_number=caller_number)
    return ContactHistory(tickets, calls, count)


# -- the CRM's reads on a shared connection ------------------------------------------------------

class CustomerReader:
    """Read-only connections for the CRM, shared by everything one lookup does on this thread.

    A screen-pop asks the connector and then the history; on PostgreSQL every checkout costs a
    ping, a BEGIN and a ROLLBACK on top of the queries. Inside `with reader.connection():` they all
    use one AUTOCOMMIT connection, so a lookup is one checkout and its queries only. Each read
    below runs on that connection, or on a checkout of its own outside such a block.
    """

    def __init__(self, db: Database) -> None:
        self.db = db
        self._local = threading.local()

    @contextmanager
    def connection(self) -> Iterator[Connection]:
        current = getattr(self._local, "conn", None)
        if current is not None:
            yield current
            return
        with self.db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            self._local.conn = conn
            try:
                yield conn
            finally:
                self._local.conn = None

    def find_by_e164(self, e164: str, limit: int = MAX_CUSTOMERS_PER_NUMBER) -> list[ContactedCustomer]:
        with self.connection() as conn:
            return find_by_e164(conn, e164, limit)

    def get_customer(self, customer_id: uuid.UUID) -> CustomerDTO | None:
        with self.connection() as conn:
            return get_customer(conn, customer_id)

    def search_customers(self, text: str, limit: int = 20) -> list[CustomerDTO]:
        with self.connection() as conn:
            return search_customers(conn, text, limit)

    def contact_history(self, *, customer_id: uuid.UUID | None, caller_number: str | None, since: datetime,
                        limit: int = 10) -> ContactHistory:
        with self.connection() as conn:
            return contact_history(conn, customer_id=customer_id, caller_number=caller_number, since=since,
                                   limit=limit)


# -- writing -------------------------------------------------------------------------------------

def insert_customer(conn: Executor, new: NewCustomer, *, customer_id: uuid.UUID | None = None,
                    now: datetime | None = None) -> CustomerDTO:
    """Insert a customer and its phones in the caller's transaction (no commit here)."""
    problem = new.problem()
    if problem:
        raise InvalidCustomer(f"cannot store customer: {problem}")
    customer_id = customer_id or uuid.uuid4()
    insert_customers(conn, [(customer_id, new)], now=now)
    return customer_dto(customer_id, new)


def customer_dto(customer_id: uuid.UUID, new: NewCustomer) -> CustomerDTO:
    return CustomerDTO(
        id=customer_id, full_name=new.full_name, phones=new.phones, company=new.company, email=new.email,
        segment=new.segment, vip=new.vip, language=new.language, notes=new.notes,
        provisional=new.provisional,
    )


def insert_customers(conn: Executor, rows: Sequence[tuple[uuid.UUID, NewCustomer]],
                     now: datetime | None = None) -> None:
    """Several customers with their phones in two multi-row INSERTs. Validate with `problem()` first."""
    if not rows:
        return
    now = now or utcnow()
    conn.execute(insert(_customers), [
        {"id": cid, "full_name": n.full_name, "company": n.company, "email": n.email, "segment": n.segment,
         "vip": n.vip, "language": n.language, "notes": n.notes, "provisional": n.provisional,
         "created_at": now, "updated_at": now}
        for cid, n in rows
    ])
    phones = [{"id": uuid.uuid4(), "customer_id": cid, "e164": p.e164, "label": p.label}
              for cid, n in rows for p in n.phones]
    if phones:
        conn.execute(insert(_phones), phones)


def create_customer(db: Database, new: NewCustomer, *, origin: str = "") -> CustomerDTO:
    """A customer with its phones, in one transaction: all of it is stored or none.

    Other desktops hear of it through the change feed (store.notify).
    """
    with db.transaction() as session:
        customer = insert_customer(session, new)
        record_change(session, "customer", customer.id, origin)
    return customer


# -- merge suggestions ---------------------------------------------------------------------------

def _name_key(name: str) -> list[str]:
    return sorted(re.sub(r"[^\w\s]", " ", name.casefold().replace("ё", "е")).split())


def name_similarity(a: str, b: str) -> float:
    """1.0 for the same words in any order ("Иванов Иван" ~ "Иван Иванов"), less for typos."""
    ka, kb = _name_key(a), _name_key(b)
    if not ka or not kb:
        return 0.0
    if set(ka) <= set(kb) or set(kb) <= set(ka):
        return 1.0 if ka == kb else 0.9  # one name is the other without the patronymic
    return difflib.SequenceMatcher(None, " ".join(ka), " ".join(kb)).ratio()


def merge_suggestions(conn: Executor, customer_id: uuid.UUID, *, min_similarity: float = 0.75,
                      limit: int = 20) -> list[MergeCandidate]:
    """Customers sharing a number with this one whose name is similar, most similar first.

    A shared number alone is not enough: families and offices share numbers.
    """
    me = get_customer(conn, customer_id)
    if me is None or not me.phones:
        return []
    numbers = [p.e164 for p in me.phones]
    ids = (
        select(_phones.c.customer_id)
        .where(_phones.c.e164.in_(numbers), _phones.c.customer_id != customer_id)
        .distinct()
        .limit(limit * 5)
    )
    candidates = []
    for other in _collect(conn.execute(_with_phones(ids))):
        similarity = name_similarity(me.full_name, other.customer.full_name)
        if similarity < min_similarity:
            continue
        shared = tuple(sorted(set(numbers) & {p.e164 for p in other.customer.phones}))
        candidates.append(MergeCandidate(other.customer, shared, round(similarity, 3)))
    candidates.sort(key=lambda c: (-c.name_similarity, c.customer.full_name))
    return candidates[:limit]
