"""Small, exact data sets for the CRM tests: customers, calls and tickets written straight to the tables.

The `db` fixture (tests/conftest.py) gives each test a migrated database on SQLite and PostgreSQL.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import insert

from desktop_agent.core.dto import PhoneDTO
from desktop_agent.store import customers as store
from desktop_agent.store.models import Disposition, Interaction, Ticket

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@dataclass
class CrmData:
    """Ivanov (VIP, two numbers, 3 calls this week, 2 open tickets + 1 closed), Petrova (one old call),
    a shared office number owned by Sidorov (called yesterday) and Sidorova (called a month ago)."""

    ivanov: uuid.UUID
    petrova: uuid.UUID
    sidorov: uuid.UUID
    sidorova: uuid.UUID
    never_called: uuid.UUID


def add_customer(db, name: str, *numbers: str, vip: bool = False, **kw) -> uuid.UUID:
    phones = tuple(PhoneDTO(n, "mobile") for n in numbers)
    return store.create_customer(db, store.NewCustomer(full_name=name, phones=phones, vip=vip, **kw)).id


def add_call(db, *, at: datetime, customer_id=None, number: str | None = None, disposition: str | None = None,
             raw: str = "") -> uuid.UUID:
    iid = uuid.uuid4()
    with db.engine.begin() as conn:
        conn.execute(insert(Interaction), [{
            "id": iid, "callid": f"call-{iid.hex[:8]}", "direction": "inbound", "caller_id_raw": raw or (number or ""),
            "caller_number": number, "customer_id": customer_id, "queue": "support", "offered_at": at,
            "answered_at": at + timedelta(seconds=5), "ended_at": at + timedelta(minutes=3),
            "hold_seconds": 0, "wrapup_seconds": 20, "disposition_code": disposition, "notes": "",
        }])
    return iid


def add_ticket(db, customer_id, number: str, status: str, created_at: datetime) -> uuid.UUID:
    tid = uuid.uuid4()
    with db.engine.begin() as conn:
        conn.execute(insert(Ticket), [{
            "id": tid, "number": number, "customer_id": customer_id, "subject": f"Ticket {number}",
            "description": "", "category": "billing", "priority": "normal", "status": status, "tier": "L1",
            "created_at": created_at, "updated_at": created_at, "version": 1,
        }])
    return tid


@pytest.fixture
def crm_data(db) -> CrmData:
    with db.engine.begin() as conn:
        conn.execute(insert(Disposition), [
            {"code": "resolved", "title_ru": "Решено", "title_en": "Resolved"},
            {"code": "callback", "title_ru": "Перезвонить", "title_en": "Call back", "category": "followup"},
        ])
    ivanov = add_customer(db, "Иванов Иван Иванович", "+79123456789", "+74951234567", vip=True)
    petrova = add_customer(db, "Petrova Anna", "+79990001122", language="en")
    sidorov = add_customer(db, "Сидоров Пётр", "+74957654321")
    sidorova = add_customer(db, "Сидорова Мария", "+74957654321", "+79161112233")
    never = add_customer(db, "Nobody Calls", "+79160000000")
    # Ivanov: three calls in the last 7 days (one from his landline), one 20 days ago
    for days, number, disp in ((1, "+79123456789", "resolved"), (3, "+74951234567", "callback"),
                               (6, "+79123456789", None), (20, "+79123456789", "resolved")):
        add_call(db, at=NOW - timedelta(days=days), customer_id=ivanov, number=number, disposition=disp)
    add_call(db, at=NOW - timedelta(days=30), customer_id=petrova, number="+79990001122", disposition="resolved")
    add_call(db, at=NOW - timedelta(days=1), customer_id=sidorov, number="+74957654321")
    add_call(db, at=NOW - timedelta(days=31), customer_id=sidorova, number="+74957654321")
    add_ticket(db, ivanov, "T-1", "open", NOW - timedelta(days=3))
    add_ticket(db, ivanov, "T-2", "escalated", NOW - timedelta(days=1))
    add_ticket(db, ivanov, "T-3", "closed", NOW - timedelta(days=10))
    add_ticket(db, petrova, "T-4", "resolved", NOW - timedelta(days=30))
    return CrmData(ivanov, petrova, sidorov, sidorova, never)
