"""A desk for the caller-card and ticket-editor tests: a seeded SQLite file, the real services and call
flow, a fake phone (operator_harness), and the two panes wired as app.py wires them.

The seeded database is built once per test module and copied for each test (seeding takes a second).
A known VIP repeat caller is added to it: three calls in the last seven days, two open tickets.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass
from datetime import timedelta
from pathlib import Path

import pytest
from operator_harness import FakeSoftphone

from desktop_agent.core.domain import utcnow
from desktop_agent.core.dto import CustomerDTO, PhoneDTO, TicketDTO
from desktop_agent.core.ports import AgentDTO, TicketDraft
from desktop_agent.crm.contact_directory import CrmContactDirectory
from desktop_agent.crm.screen_pop import ScreenPopService
from desktop_agent.store import queue_log
from desktop_agent.store.customers import NewCustomer, create_customer
from desktop_agent.store.database import Database, make_engine, parse_url
from desktop_agent.store.defaults import load_defaults
from desktop_agent.store.interactions import InteractionStore
from desktop_agent.store.migrate import upgrade
from desktop_agent.store.reference import ReferenceStore
from desktop_agent.store.seed import seed
from desktop_agent.store.tickets import TicketStore
from desktop_agent.ui.call.flow import CallFlow
from desktop_agent.ui.card.card import ScreenPopCard
from desktop_agent.ui.kit.qt_bridge import ServiceRunner
from desktop_agent.ui.ticket.editor import TicketEditor

VIP_NUMBER = "+79161234567"
VIP_RAW = "8 (916) 123-45-67"
ORIGIN = "desk-a"


def open_db(path: Path) -> Database:
    return Database(make_engine(parse_url(f"sqlite:///{path}")))


def build_seeded_file(tmp_path_factory, name: str, **counts) -> Path:  # noqa: ANN001
    """A migrated SQLite file with the shipped defaults and a little generated data: built once per
    module, copied per test."""
    path = tmp_path_factory.mktemp(name) / "seeded.sqlite3"
    db = open_db(path)
    upgrade(db.engine)
    load_defaults(db)
    seed(db, **counts)
    db.dispose()
    return path


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory) -> Path:
    return build_seeded_file(tmp_path_factory, "desk", customers=150, tickets=60, interactions=300,
                             agents=3, seed=11)


@dataclass
class Desk:
    db: Database
    path: Path
    agent: AgentDTO
    vip: CustomerDTO
    vip_tickets: tuple[TicketDTO, ...]
    interactions: InteractionStore
    tickets: TicketStore
    reference: ReferenceStore
    flow: CallFlow
    phone: FakeSoftphone
    card: ScreenPopCard
    editor: TicketEditor
    db_runner: ServiceRunner
    lookup_runner: ServiceRunner

    def other_desktop(self) -> tuple[Database, TicketStore]:
        """A second desktop on the same database file, with its own connections and origin."""
        db = open_db(self.path)
        return db, TicketStore(db, "desk-b")

    def settle(self) -> None:
        """Every queued database call has run (their GUI callbacks still need the loop)."""
        self.db_runner.flush()
        self.lookup_runner.flush()


def _add_vip(db: Database, interactions: InteractionStore, tickets: TicketStore,
             agent: AgentDTO) -> tuple[CustomerDTO, tuple[TicketDTO, ...]]:
    vip = create_customer(db, NewCustomer(
        full_name="Смирнов Пётр Сергеевич", phones=(PhoneDTO(VIP_NUMBER),), vip=True, segment="corporate",
        company="ООО «Ромашка»", notes="Предпочитает звонки после 18:00"))
    now = utcnow()
    for k, (days, code) in enumerate(((1, "info_provided"), (2, "resolved_first_contact"), (4, "info_provided"),
                                      (30, "resolved_first_contact"))):
        offered = now - timedelta(days=days)
        row = interactions.ring(f"past-{k}", VIP_NUMBER, queue="support", agent_id=agent.id, customer_id=vip.id,
                                offered_at=offered)
        interactions.answered(row.id, offered + timedelta(seconds=15))
        interactions.ended(row.id, offered + timedelta(seconds=15 + 125))
        interactions.wrap_up(row.id, disposition=code, wrapup_seconds=20)
    opened = tuple(tickets.create(TicketDraft(subject=subject, customer_id=vip.id, category=category),
                                  agent_id=agent.id)
                   for subject, category in (("Не работает интернет", "technical"),
                                             ("Двойное списание", "billing")))
    return vip, opened


@pytest.fixture
def desk(qtbot, qloop, seeded_file, tmp_path) -> Desk:
    path = tmp_path / "desk.sqlite3"
    shutil.copy(seeded_file, path)
    db = open_db(path)
    reference = ReferenceStore(db, ORIGIN)
    agent = reference.get_or_create_agent("op.ivanova", "Ирина Иванова")
    interactions, tickets = InteractionStore(db, ORIGIN), TicketStore(db, ORIGIN)
    vip, vip_tickets = _add_vip(db, interactions, tickets, agent)
    screen_pops = ScreenPopService.over_store(db)
    db_runner, lookup_runner = ServiceRunner("db"), ServiceRunner("lookup")
    phone = FakeSoftphone()
    flow = CallFlow(softphone=phone, interactions=interactions, screen_pops=screen_pops,
                    queue_log=lambda records: queue_log.append(db.engine, records), agent=agent,
                    db_runner=db_runner, lookup_runner=lookup_runner)
    contacts = CrmContactDirectory(screen_pops.registry, db, ORIGIN)
    card = ScreenPopCard(flow, contacts, interactions, reference, db_runner, tickets=tickets)
    editor = TicketEditor(flow, tickets, reference, db_runner, agent=agent)
    card.open_ticket.connect(editor.open_ticket)
    card.customer_changed.connect(flow.link_customer)
    flow.customer_linked.connect(editor.set_call_customer)
    editor.ticket_shown.connect(card.ticket_changed)
    for pane, size in ((card, (380, 760)), (editor, (900, 700))):
        qtbot.addWidget(pane)
        pane.resize(*size)
        pane.show()
    flow.start(ready=True)
    qloop.run_until_complete(phone.start())
    yield Desk(db, path, agent, vip, vip_tickets, interactions, tickets, reference, flow, phone, card, editor,
               db_runner, lookup_runner)
    flow.stop()
    db_runner.shutdown(wait=True)
    lookup_runner.shutdown(wait=True)
    db.dispose()
