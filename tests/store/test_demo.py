"""Demo data on first start: generated once, never twice; a failed attempt leaves no claim behind."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from sqlalchemy import func, select

from desktop_agent.core.domain import utcnow
from desktop_agent.store import demo
from desktop_agent.store.demo import META_KEY, demo_data_info, ensure_demo_data
from desktop_agent.store.models import Customer, DemoSeedInfo, Interaction, ResponseTemplate, Ticket


def counts(db) -> tuple[int, int, int, int]:  # noqa: ANN001
    with db.session() as s:
        return tuple(s.scalar(select(func.count()).select_from(m))
                     for m in (Customer, Ticket, Interaction, ResponseTemplate))


def test_demo_data_is_generated_once(db):
    assert demo_data_info(db) is None
    assert ensure_demo_data(db, customers=150, on_central=True) is True
    first = counts(db)
    assert first[:3] == (150, 60, 450) and first[3] > 48  # demo.yaml: 0.4 tickets and 3 calls per customer
    info = demo_data_info(db)
    assert info["customers"] == 150 and info["tickets"] == 60 and info["defaults"]["templates"] == first[3]

    assert ensure_demo_data(db, customers=150, on_central=True) is False
    assert ensure_demo_data(db) is False
    assert counts(db) == first


def test_a_central_database_gets_the_defaults_but_no_invented_customers(db):
    assert ensure_demo_data(db, customers=50) is True
    expected = 50 if db.is_sqlite else 0
    assert counts(db)[0] == expected and counts(db)[3] > 0
    assert demo_data_info(db)["customers"] == expected


def test_a_failed_attempt_is_tried_again(db, monkeypatch):
    def broken(*_a, **_kw):  # noqa: ANN002, ANN003
        raise RuntimeError("disk full")

    monkeypatch.setattr(demo, "seed", broken)
    with pytest.raises(RuntimeError, match="disk full"):
        ensure_demo_data(db, customers=40, on_central=True)
    with db.session() as s:
        assert s.get(DemoSeedInfo, META_KEY) is None
    monkeypatch.undo()
    assert ensure_demo_data(db, customers=40, on_central=True) is True
    assert counts(db)[0] == 40


def test_a_claim_left_by_a_crashed_start_expires(db):
    with db.transaction() as s:
        s.add(DemoSeedInfo(key=META_KEY, value=json.dumps(
            {"state": "generating", "started_at": utcnow().isoformat()})))
    assert ensure_demo_data(db, customers=30, on_central=True) is False  # someone is generating right now
    with db.transaction() as s:
        s.get(DemoSeedInfo, META_KEY).value = json.dumps(
            {"state": "generating", "started_at": (utcnow() - timedelta(hours=1)).isoformat()})
    assert ensure_demo_data(db, customers=30, on_central=True) is True
    assert counts(db)[0] == 30 and demo_data_info(db)["customers"] == 30
