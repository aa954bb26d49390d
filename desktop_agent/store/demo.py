"""Demo data for the embedded default: generated once, at first start, and never again.

The `app_meta` row `demo_data` records that it was done (and what was made). It is claimed before
generating, so two desktops starting at once on the same file do not both generate; if generating
fails, the claim is withdrawn so that the next start tries again.
"""

from __future__ import annotations

import json
import logging
from datetime import datetime, timedelta

from sqlalchemy import delete, select
from sqlalchemy.exc import IntegrityError

from desktop_agent.core.domain import utcnow
from desktop_agent.store.database import Database
from desktop_agent.store.defaults import load_defaults, read_demo_settings
from desktop_agent.store.models import DemoSeedInfo
from desktop_agent.store.seed import Progress, seed

log = logging.getLogger(__name__)

META_KEY = "demo_data"
STALE_CLAIM = timedelta(minutes=10)  # far longer than generating takes


def demo_data_info(db: Database) -> dict | None:
    """What the first start generated, or None if it has not (or is generating right now)."""
    with db.session() as s:
        value = s.scalar(select(DemoSeedInfo.value).where(DemoSeedInfo.key == META_KEY))
    if value is None:
        return None
    info = json.loads(value)
    return info if info.get("state") == "done" else None


def _claim(db: Database) -> bool:
    """Take the marker row. A claim left by a start that died while generating expires after a while."""
    claim = json.dumps({"state": "generating", "started_at": utcnow().isoformat()})
    try:
        with db.transaction() as s:
            s.add(DemoSeedInfo(key=META_KEY, value=claim))
        return True
    except IntegrityError:
        pass
    with db.transaction() as s:
        row = s.get(DemoSeedInfo, META_KEY, with_for_update=True)
        info = json.loads(row.value) if row is not None else {}
        if info.get("state") != "generating":
            return False
        started = datetime.fromisoformat(info.get("started_at") or "1970-01-01T00:00:00+00:00")
        if utcnow() - started < STALE_CLAIM:
            return False
        row.value = claim
        return True


def ensure_demo_data(db: Database, *, customers: int | None = None, seed_value: int = 1,
                     progress: Progress | None = None, on_central: bool = False) -> bool:
    """Load the defaults and generate a few thousand customers with their calls and tickets, once.

    Returns True when it did so now, False when the database already had it. `customers` defaults
    to demo.yaml's count; tickets and calls follow demo.yaml's ratios. On a central (PostgreSQL)
    database only the defaults are loaded unless `on_central` is set: invented customers do not
    belong in a database real desktops share.
    """
    if not _claim(db):
        return False
    try:
        settings = read_demo_settings()
        n = settings.customers if customers is None else customers
        if not db.is_sqlite and not on_central:
            n = 0
        loaded = load_defaults(db)
        summary = dict.fromkeys(("agents", "customers", "customer_phones", "tickets", "interactions", "seconds"), 0)
        if n:
            summary = seed(db, customers=n, tickets=round(n * settings.tickets_per_customer),
                           interactions=round(n * settings.interactions_per_customer), agents=settings.agents,
                           seed=seed_value, progress=progress, settings=settings)
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
