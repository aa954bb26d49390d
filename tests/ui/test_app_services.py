"""app.build_services over a real database: what the operator window starts with."""

from __future__ import annotations

import pytest

from desktop_agent.app import build_services
from desktop_agent.store.defaults import load_defaults
from desktop_agent.store.errors import StoreError
from desktop_agent.store.reference import ReferenceStore

pytestmark = pytest.mark.gui


def test_a_deactivated_agent_cannot_open_the_desk(db):
    load_defaults(db)
    admin = ReferenceStore(db, origin="cli-agents")
    admin.add_agent("op.petrova", "Мария Петрова", role="operator")
    assert build_services(db, login="op.petrova").agent.role == "operator"
    admin.update_agent("op.petrova", active=False)
    with pytest.raises(StoreError, match="op.petrova.*deactivated.*--active"):
        build_services(db, login="op.petrova")


def test_the_role_set_by_an_admin_reaches_the_desk(db):
    load_defaults(db)
    ReferenceStore(db, origin="cli-agents").add_agent("lead.sokolova", "Анна Соколова", role="lead")
    services = build_services(db, login="lead.sokolova")
    assert services.agent.role == "lead"
    assert services.company_names is None  # read after the window shows (see test_main_window)
