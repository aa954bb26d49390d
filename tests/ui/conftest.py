"""Shared by the operator-window tests: an asyncio loop on Qt (qasync), and the real services."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from desktop_agent.core.dto import CustomerDTO, PhoneDTO
from desktop_agent.core.kpi.personal import PersonalKpis, personal_kpis
from desktop_agent.core.ports import AgentDTO
from desktop_agent.crm.screen_pop import ScreenPopService
from desktop_agent.store import queue_log
from desktop_agent.store.checklists import ChecklistStore
from desktop_agent.store.customers import NewCustomer, create_customer
from desktop_agent.store.database import Database
from desktop_agent.store.defaults import load_defaults
from desktop_agent.store.interactions import InteractionStore
from desktop_agent.store.reference import ReferenceStore
from desktop_agent.store.templates import TemplateStore


@dataclass
class Services:
    db: Database
    agent: AgentDTO
    interactions: InteractionStore
    reference: ReferenceStore
    screen_pops: ScreenPopService
    customer: CustomerDTO
    templates: TemplateStore | None = None
    checklists: ChecklistStore | None = None

    def personal_kpis(self) -> PersonalKpis:
        return personal_kpis(self.interactions.for_agent(self.agent.id, datetime(2000, 1, 1, tzinfo=UTC)))

    @property
    def numbers(self) -> tuple[str, ...]:
        return tuple(p.e164 for p in self.customer.phones)

    database_label = "test database"
    company_names = {"ru": "Горизонт Телеком", "en": "Horizon Telecom"}  # noqa: RUF012 - read only

    def queue_log(self) -> list:
        return list(queue_log.read_after(self.db.engine, 0))

    def write_queue_log(self, records) -> int:  # noqa: ANN001
        return queue_log.append(self.db.engine, records)


@pytest.fixture
def russian():
    """The interface language is Russian (panes search and fill templates in the interface language)."""
    from PySide6.QtCore import QLocale

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Russian))
    yield
    QLocale.setDefault(before)


@pytest.fixture
def services(db: Database) -> Services:
    return make_services(db)


def make_services(db: Database) -> Services:
    load_defaults(db)
    reference = ReferenceStore(db, origin="test-desk")
    agent = reference.get_or_create_agent("op.ivanova", "Ирина Иванова")
    customer = create_customer(db, NewCustomer(
        full_name="Пётр Сергеевич Смирнов", phones=(PhoneDTO("+79161234567"),), vip=True))
    return Services(db, agent, InteractionStore(db, origin="test-desk"), reference,
                    ScreenPopService.over_store(db), customer, templates=TemplateStore(db, origin="test-desk"),
                    checklists=ChecklistStore(db, origin="test-desk"))


@pytest.fixture
def sqlite_services(sqlite_url: str) -> Services:
    """The same services on SQLite only: for window tests that do not depend on the backend."""
    from desktop_agent.store.database import make_engine, parse_url
    from desktop_agent.store.migrate import upgrade

    db = Database(make_engine(parse_url(sqlite_url)))
    upgrade(db.engine)
    yield make_services(db)
    db.dispose()
