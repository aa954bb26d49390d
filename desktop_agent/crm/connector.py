"""CRM connectors: a small protocol, a registry that survives a broken connector, and the built-in one.

The built-in connector reads our own database. An external CRM (a REST service, another database)
is one more class with the same four methods, registered after it. A connector that raises is
logged and skipped: a broken plug-in must never stop a call from being answered.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Generic, Protocol, TypeVar, runtime_checkable
from uuid import UUID

from desktop_agent.core.dto import CustomerDTO, PhoneDTO
from desktop_agent.core.phone import format_international
from desktop_agent.store import customers as store
from desktop_agent.store.customers import CustomerReader
from desktop_agent.store.database import Database

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class CustomerMatch:
    customer: CustomerDTO
    last_contact_at: datetime | None = None  # picks among several owners of one number
    source: str = ""  # the connector that found it


@runtime_checkable
class CrmConnector(Protocol):
    name: str

    def lookup_by_number(self, e164: str) -> Sequence[CustomerMatch]:
        """Every customer owning this E.164 number (empty when none)."""

    def get_customer(self, customer_id: UUID) -> CustomerDTO | None: ...

    def search(self, text: str, limit: int = 20) -> Sequence[CustomerDTO]:
        """By number or by the start of the name."""

    def create_provisional_contact(self, e164: str | None, caller_id_raw: str = "") -> CustomerDTO:
        """A contact for an unknown caller, marked provisional. Read-only connectors raise NotImplementedError."""


@dataclass(frozen=True, slots=True)
class Gathered(Generic[T]):
    items: T
    failed: tuple[str, ...] = ()  # names of connectors that raised


class ConnectorRegistry:
    """Connectors in priority order (the built-in first). Picard's ExtensionPoint, for CRMs."""

    def __init__(self, connectors: Sequence[CrmConnector] = ()) -> None:
        self._connectors: list[CrmConnector] = list(connectors)

    def register(self, connector: CrmConnector, *, first: bool = False) -> None:
        if any(c.name == connector.name for c in self._connectors):
            raise ValueError(f"a CRM connector named {connector.name!r} is already registered")
        self._connectors.insert(0 if first else len(self._connectors), connector)

    def unregister(self, name: str) -> None:
        self._connectors = [c for c in self._connectors if c.name != name]

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(c.name for c in self._connectors)

    def _call(self, connector: CrmConnector, what: str, fn: Callable[[], T]) -> tuple[bool, T | None]:
        try:
            return True, fn()
        except NotImplementedError:
            return True, None
        except Exception as exc:  # noqa: BLE001 - a connector's failure is logged, never fatal
            log.warning("CRM connector %r failed in %s: %s: %s", connector.name, what,
                        type(exc).__name__, str(exc).splitlines()[0] if str(exc) else "",
                        exc_info=log.isEnabledFor(logging.DEBUG))
            return False, None

    def lookup_by_number(self, e164: str) -> Gathered[list[CustomerMatch]]:
        """The matches of the first connector (in priority order) that knows the number."""
        failed = []
        for connector in self._connectors:
            ok, matches = self._call(connector, "lookup_by_number", lambda c=connector: c.lookup_by_number(e164))
            if not ok:
                failed.append(connector.name)
            elif matches:
                return Gathered([m if m.source else CustomerMatch(m.customer, m.last_contact_at, connector.name)
                                 for m in matches], tuple(failed))
        return Gathered([], tuple(failed))

    def get_customer(self, customer_id: UUID) -> Gathered[CustomerDTO | None]:
        failed = []
        for connector in self._connectors:
            ok, customer = self._call(connector, "get_customer", lambda c=connector: c.get_customer(customer_id))
            if not ok:
                failed.append(connector.name)
            elif customer is not None:
                return Gathered(customer, tuple(failed))
        return Gathered(None, tuple(failed))

    def search(self, text: str, limit: int = 20) -> Gathered[list[CustomerDTO]]:
        """Everyone's results, first connector first, each customer once."""
        failed, seen, found = [], set(), []
        for connector in self._connectors:
            ok, items = self._call(connector, "search", lambda c=connector: c.search(text, limit))
            if not ok:
                failed.append(connector.name)
            for customer in items or ():
                if customer.id not in seen:
                    seen.add(customer.id)
                    found.append(customer)
        return Gathered(found[:limit], tuple(failed))

    def create_provisional_contact(self, e164: str | None, caller_id_raw: str = "") -> Gathered[CustomerDTO | None]:
        """In the first connector that can write."""
        failed = []
        for connector in self._connectors:
            ok, customer = self._call(connector, "create_provisional_contact",
                                      lambda c=connector: c.create_provisional_contact(e164, caller_id_raw))
            if not ok:
                failed.append(connector.name)
            elif customer is not None:
                return Gathered(customer, tuple(failed))
        return Gathered(None, tuple(failed))


class StoreConnector:
    """The built-in CRM: our own customers table, read through store.customers.CustomerReader
    (pass the screen-pop's reader so that a lookup shares its one connection)."""

    name = "builtin"

    def __init__(self, db: Database, reader: CustomerReader | None = None) -> None:
        self.db = db
        self.reader = reader or CustomerReader(db)

    def lookup_by_number(self, e164: str) -> list[CustomerMatch]:
        found = self.reader.find_by_e164(e164)
        return [CustomerMatch(f.customer, f.last_contact_at, self.name) for f in found]

    def get_customer(self, customer_id: UUID) -> CustomerDTO | None:
        return self.reader.get_customer(customer_id)

    def search(self, text: str, limit: int = 20) -> list[CustomerDTO]:
        return self.reader.search_customers(text, limit)

    def create_provisional_contact(self, e164: str | None, caller_id_raw: str = "") -> CustomerDTO:
        # the name stays a number until the operator learns who it is; the card shows 'unknown caller'
        name = format_international(e164) if e164 else ""
        phones = (PhoneDTO(e164=e164, label="mobile"),) if e164 else ()
        return store.create_customer(self.db, store.NewCustomer(full_name=name, phones=phones, provisional=True))
