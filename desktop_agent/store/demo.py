"""Demo data for the embedded default: generated once, at first start, and never again.

The `app_meta` row `demo_data` records that it was done (and what was made). It is claimed before
generating, so two desktops starting at once on the same file do not both generate; if generating
fails, the claim is withdrawn so that the next start tries again.
"""

from __future__ import annotations

import json
import logging

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from desktop_agent.core.domain import utcnow
from desktop_agent.store.database import Database
from desktop_agent.store.defaults import load_defaults, read_demo_settings
from desktop_agent.store.models import DemoSeedInfo
from desktop_agent.store.seed import Progress, seed

log = logging.getLogger(__name__)

META_KEY = "demo_data"


def demo_data_info(db: Database) -> dict | None:
    """What the first start generated, or None if it has not (or is generating right now)."""
    with db.session() as s:
        value = s.scalar(select(DemoSeedInfo.value).where(DemoSeedInfo.key == META_KEY))
    if value is None:
        return None
    info = json.loads(value)
    return info if info.get("state") == "done" else None


def _claim(db: Database) -> bool:
    try:
        with db.transaction() as s:
            s.add(DemoSeedInfo(key=META_KEY, value=json.dumps({"state": "generating",
                                                               "started_at": utcnow().isoformat()})))
    except IntegrityError:
        return False
    return True


def ensure_demo_data(db: Database, *, customers: int | None = None, seed_value: int = 1,
                     progress: Progress | None = None) -> bool:
    """Load the defaults and generate a few thousand customers with their calls and tickets, once.

    Returns True when it generated now, False when the database already had its demo data.
    `customers` defaults to demo.yaml's count; tickets and calls follow demo.yaml's ratios.
    """
    if not _claim(db):
        return False
    try:
        settings = read_demo_settings()
        n = settings.customers if customers is None else customers
        loaded = load_defaults(db)
        summary = seed(
            db,
            customers=n,
            tickets=round(n * settings.tickets_per_customer),
            interactions=round(n * settings.interactions_per_customer),
            agents=settings.agents,
            seed=seed_value,
            progress=progress,
            settings=settings,
        )
    except BaseException:
        with db.transaction() as s:
            s.execute(delete(DemoSeedInfo).where(DemoSeedInfo.key == META_KEY))
        raise
    info = {"state": "done", "generated_at": utcnow().isoformat(), "defaults": loaded,
            **{k: summary[k] for k in ("agents", "customers", "customer_phones", "tickets", "interactions",
                                       "seconds")}}
    with db.transaction() as s:
        s.get(DemoSeedInfo, META_KEY).value = json.dumps(info)
    log.info("demo data generated: %s", info)
    return True
