"""The Qt-free half of the composition root: the database, the store's services over it, and the
built-in simulator. The operator window (app.py) and the headless desk (`desktop-agent desk
--headless`) both start from here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop_agent.core.ports import (
    AgentDTO,
    ChangeFeed,
    ChecklistService,
    ContactDirectory,
    InteractionService,
    QueueLogSink,
    ReferenceData,
    TemplateService,
    TicketService,
)
from desktop_agent.store.errors import StoreError

if TYPE_CHECKING:  # typing only: neither is imported on the way to the first frame
    from pathlib import Path

    from desktop_agent.core.kpi.personal import PersonalKpis
    from desktop_agent.crm.screen_pop import ScreenPopService
    from desktop_agent.services.outbox import Outbox
    from desktop_agent.store.database import Database

log = logging.getLogger(__name__)

SIMULATED_NUMBERS = 5000   # customer numbers the simulated callers use, so pops show real customers


@dataclass
class OperatorServices:
    """The store's implementations of core.ports, plus what the window shows about the database."""

    db: Database
    origin: str
    agent: AgentDTO
    interactions: InteractionService
    reference: ReferenceData
    tickets: TicketService
    templates: TemplateService
    checklists: ChecklistService
    screen_pops: ScreenPopService
    write_queue_log: QueueLogSink
    personal_kpis: Callable[[], PersonalKpis]
    database_label: str
    numbers: tuple[str, ...] = ()
    contacts: ContactDirectory | None = None
    feed: ChangeFeed | None = None      # other desktops' changes (started by _run_qt)
    # {{company.name}} in templates, by language; None: read from the shipped defaults after the
    # window shows (YAML parsing is not worth delaying the start for)
    company_names: dict[str, str] | None = field(default_factory=dict)


def _local_midnight() -> datetime:
    now = datetime.now().astimezone()
    return now.replace(hour=0, minute=0, second=0, microsecond=0)


def open_store(raw_url: str | None) -> Any:
    """Open and check the database; the embedded file migrates itself, a central one must be current."""
    from desktop_agent.store.database import check_connection, open_database
    from desktop_agent.store.migrate import is_current, upgrade

    db = open_database(raw_url)
    check_connection(db.engine)
    if not is_current(db.engine):
        if not db.is_sqlite:
            raise StoreError("the database schema is not current: run `desktop-agent db upgrade` first")
        upgrade(db.engine)
    return db


def prepare_data(db: Any) -> None:
    """First start: the shipped reference data, and demo customers, tickets and calls in the
    embedded file (a central database gets the reference data only)."""
    import json

    from desktop_agent.store.models import DemoSeedInfo

    # Every later start: one primary-key read instead of importing the generator (Faker, NumPy),
    # which costs about a second of start-up. The row is store.demo's marker ("demo_data").
    with db.session() as session:
        marker = session.get(DemoSeedInfo, "demo_data")
    if marker is not None and json.loads(marker.value).get("state") == "done":
        return
    from desktop_agent.store.demo import ensure_demo_data

    ensure_demo_data(db)


def build_services(db: Any, *, login: str) -> OperatorServices:
    from sqlalchemy import select

    from desktop_agent.core.kpi.personal import personal_kpis
    from desktop_agent.crm.contact_directory import CrmContactDirectory
    from desktop_agent.crm.screen_pop import ScreenPopService
    from desktop_agent.store import queue_log
    from desktop_agent.store.checklists import ChecklistStore
    from desktop_agent.store.database import describe
    from desktop_agent.store.interactions import InteractionStore
    from desktop_agent.store.models import CustomerPhone
    from desktop_agent.store.notify import DatabaseChangeFeed
    from desktop_agent.store.reference import ReferenceStore
    from desktop_agent.store.templates import TemplateStore
    from desktop_agent.store.tickets import TicketStore

    origin = f"desk-{login}"
    reference = ReferenceStore(db, origin)
    agent = reference.get_or_create_agent(login, login)
    if not agent.active:  # `desktop-agent agents set LOGIN --inactive`: the desk must not take calls
        raise StoreError(f"agent {login!r} is deactivated: a lead can reactivate it with "
                         f"`desktop-agent agents set {login} --active`")
    interactions = InteractionStore(db, origin)
    with db.engine.connect() as conn:
        numbers = tuple(conn.scalars(select(CustomerPhone.e164).order_by(CustomerPhone.e164)
                                     .limit(SIMULATED_NUMBERS)))
    label = db.url.database if db.is_sqlite else describe(db.url)
    screen_pops = ScreenPopService.over_store(db)
    return OperatorServices(
        db=db, origin=origin, agent=agent, interactions=interactions, reference=reference,
        tickets=TicketStore(db, origin), templates=TemplateStore(db, origin), checklists=ChecklistStore(db, origin),
        screen_pops=screen_pops,
        write_queue_log=lambda records: queue_log.append_in(db, records),
        personal_kpis=lambda: personal_kpis(interactions.for_agent(agent.id, _local_midnight())),
        database_label=label or "", numbers=numbers,
        contacts=CrmContactDirectory(screen_pops.registry, db, origin), feed=DatabaseChangeFeed(db, origin),
        company_names=None,
    )


def read_company_names() -> dict[str, str]:
    """The company's name by language, from the shipped defaults (demo.yaml)."""
    from desktop_agent.store.defaults import DefaultsError, read_demo_settings

    try:
        return dict(read_demo_settings().company)
    except DefaultsError as exc:
        log.warning("no company name for templates: %s", exc)
        return {}


def make_simulator(services: OperatorServices, deliver: Callable[[Sequence[Any]], None], *,
                   smoke: bool = False) -> Any:
    """The embedded default backend: a small contact centre in which the operator is one agent.

    The desktop owns wrap-up (a disposition is required), so the simulator's own wrap-up limit is
    off. For the smoke test the operator is the only agent and callers arrive often: the first call
    rings within seconds, and it is a real routed call all the same."""
    from desktop_agent.telephony.simulator import SimConfig
    from desktop_agent.telephony.simulator.softphone import SimulatorSoftphone

    if smoke:
        config = SimConfig(agents=0, calls_per_hour=1800, aht=3600, patience=None, queues=("support",),
                           operator=services.agent.login, operator_wrapup_limit=None, operator_autopause=None)
    else:
        config = SimConfig(agents=6, calls_per_hour=90, aht=150, patience=90, wrapup=20,
                           queues=("support", "sales"), profile="weekday", pause_every=1800,
                           operator=services.agent.login, operator_wrapup_limit=None)
    return SimulatorSoftphone(config, services.numbers, records=deliver)


def outbox_path(services: OperatorServices) -> Path:
    """One journal per database and agent: a desk pointed at another database never replays into it."""
    import hashlib

    from desktop_agent import paths

    where = services.db.url.render_as_string(hide_password=True)
    key = hashlib.sha256(f"{where}|{services.agent.login}".encode()).hexdigest()[:20]
    return paths.data_dir() / "outbox" / f"{key}.sqlite3"


def make_outbox(services: OperatorServices, appliers: dict[str, Callable[..., Any]],
                post: Callable[[Callable[[], None]], None]) -> Outbox | None:
    """The desk's outbox for a central database; None for the embedded file (its writes go straight
    to the local disk, which is as durable as the journal would be)."""
    if services.db.is_sqlite:
        return None
    from desktop_agent.services.outbox import Outbox
    from desktop_agent.store.database import is_transient

    return Outbox(outbox_path(services), appliers, post, is_transient=is_transient, batch=services.db.batch)
