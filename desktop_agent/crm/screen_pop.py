"""The screen-pop: whatever caller ID telephony delivers -> one ScreenPop DTO for the card.

Runs off the GUI thread. It never raises: bad input gives 'unknown caller', and a failing CRM
source is logged and marks the result `partial` so the card can say the data may be incomplete.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from contextlib import AbstractContextManager, nullcontext
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Protocol
from uuid import UUID

from desktop_agent.core.domain import utcnow
from desktop_agent.core.dto import Badges, CustomerDTO, InteractionDTO, ScreenPop, TicketDTO
from desktop_agent.core.phone import CallerId, normalise
from desktop_agent.crm.connector import ConnectorRegistry, CustomerMatch, StoreConnector
from desktop_agent.store.customers import CustomerReader
from desktop_agent.store.database import Database

log = logging.getLogger(__name__)

REPEAT_WINDOW = timedelta(days=7)
REPEAT_THRESHOLD = 2  # contacts within the window that make a repeat caller
LAST_INTERACTIONS = 10


@dataclass(frozen=True, slots=True)
class CallerHistory:
    open_tickets: tuple[TicketDTO, ...] = ()
    last_interactions: tuple[InteractionDTO, ...] = ()
    contacts_in_window: int = 0


class HistorySource(Protocol):
    """Tickets and calls: these live in our own database whichever CRM knows the customer."""

    def history(self, *, customer_id: UUID | None, caller_number: str | None, since: datetime,
                limit: int = LAST_INTERACTIONS) -> CallerHistory: ...


class StoreHistory:
    """Three indexed queries on one connection (store.customers.contact_history)."""

    def __init__(self, db: Database, reader: CustomerReader | None = None) -> None:
        self.reader = reader or CustomerReader(db)

    def history(self, *, customer_id: UUID | None, caller_number: str | None, since: datetime,
                limit: int = LAST_INTERACTIONS) -> CallerHistory:
        tickets, calls, count = self.reader.contact_history(customer_id=customer_id, caller_number=caller_number,
                                                            since=since, limit=limit)
        return CallerHistory(tuple(tickets), tuple(calls), count)


def _most_recent_first(matches: Sequence[CustomerMatch]) -> list[CustomerMatch]:
    # never-contacted customers last; otherwise the connector's order is kept (sort is stable)
    return sorted(matches, key=lambda m: (m.last_contact_at is None,
                                          -(m.last_contact_at.timestamp() if m.last_contact_at else 0)))


class ScreenPopService:
    def __init__(self, registry: ConnectorRegistry, history: HistorySource, *,
                 clock: Callable[[], datetime] = utcnow,
                 scope: Callable[[], AbstractContextManager[object]] = nullcontext) -> None:
        self.registry = registry
        self.history_source = history
        self.clock = clock
        self.scope = scope  # held around each lookup: lets the built-in parts share one connection

    @classmethod
    def over_store(cls, db: Database, **kwargs) -> ScreenPopService:  # noqa: ANN003
        """The default wiring: the built-in connector first, history from the same database."""
        reader = CustomerReader(db)
        return cls(ConnectorRegistry([StoreConnector(db, reader)]), StoreHistory(db, reader),
                   scope=reader.connection, **kwargs)

    def lookup(self, caller_id_raw: object) -> ScreenPop:
        """Never raises: any input gives a ScreenPop (unknown caller when nothing matches)."""
        caller = normalise(caller_id_raw)  # never raises either
        if not caller.is_number or caller.e164 is None:
            return ScreenPop(caller_id_raw=caller.raw, caller_kind=caller.kind.value, caller_number=None,
                             customer=None)
        try:
            with self.scope():
                return self._lookup(caller)
        except Exception as exc:  # noqa: BLE001 - the ring path must survive anything, the database too
            log.warning("screen-pop lookup failed: %s: %s", type(exc).__name__, (str(exc).splitlines() or [""])[0],
                        exc_info=log.isEnabledFor(logging.DEBUG))
            return ScreenPop(caller_id_raw=caller.raw, caller_kind=caller.kind.value, caller_number=caller.e164,
                             customer=None, partial=True)

    def _lookup(self, caller: CallerId) -> ScreenPop:
        assert caller.e164 is not None  # checked by lookup()
        found = self.registry.lookup_by_number(caller.e164)
        partial = bool(found.failed)
        ranked = _most_recent_first(found.items)
        customer = ranked[0].customer if ranked else None
        try:
            history = self.history_source.history(
                customer_id=customer.id if customer else None,
                caller_number=None if customer else caller.e164,
                since=self.clock() - REPEAT_WINDOW,
            )
        except Exception as exc:  # noqa: BLE001 - show who is calling even when history is unavailable
            log.warning("screen-pop history unavailable: %s: %s", type(exc).__name__,
                        (str(exc).splitlines() or [""])[0])
            history, partial = CallerHistory(), True
        badges = Badges(
            vip=bool(customer and customer.vip),
            repeat_caller=history.contacts_in_window >= REPEAT_THRESHOLD,
            contacts_last_7_days=history.contacts_in_window,
        )
        return ScreenPop(
            caller_id_raw=caller.raw,
            caller_kind=caller.kind.value,
            caller_number=caller.e164,
            customer=customer,
            badges=badges,
            open_tickets=history.open_tickets,
            last_interactions=history.last_interactions,
            alternatives=tuple(m.customer for m in ranked[1:]),
            partial=partial,
        )

    def create_provisional_contact(self, pop: ScreenPop) -> CustomerDTO | None:
        """For an unknown caller: a provisional contact the operator fills in during the call."""
        return self.registry.create_provisional_contact(pop.caller_number, pop.caller_id_raw).items
