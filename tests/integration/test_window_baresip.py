"""The operator window over the real baresip backend (issue 3 point 4, issue 4 point 11).

The window is composed by app.build_window over app.build_services, as the app does; baresip runs
on free loopback ports and sipp plays the caller. SQLite only: the database side of the window is
covered on both databases by tests/ui.
"""

from __future__ import annotations

import asyncio
import os
import signal

import pytest
from baresip_harness import SCENARIOS, agent_settings, wait_exit

from desktop_agent.app import build_services, build_window
from desktop_agent.core.agent_state import AgentState
from desktop_agent.core.call_session import CallState
from desktop_agent.core.dto import PhoneDTO
from desktop_agent.store.customers import NewCustomer, create_customer
from desktop_agent.store.database import Database, make_engine, parse_url
from desktop_agent.store.defaults import load_defaults
from desktop_agent.store.migrate import upgrade
from desktop_agent.telephony.baresip.backend import BaresipSoftphone
from desktop_agent.telephony.baresip.process import BaresipSettings
from desktop_agent.telephony.baresip.sip_testing import sipp_command
from desktop_agent.testing import free_port
from desktop_agent.ui.shell.about_dialog import AboutInfo
from desktop_agent.ui.shell.settings import UiSettings

pytestmark = [pytest.mark.gui, pytest.mark.timeout(60)]

CALLER = "+79161234567"


@pytest.fixture
def store(sqlite_url):
    db = Database(make_engine(parse_url(sqlite_url)))
    upgrade(db.engine)
    load_defaults(db)
    customer = create_customer(db, NewCustomer(full_name="Пётр Сергеевич Смирнов", phones=(PhoneDTO(CALLER),),
                                               vip=True))
    yield build_services(db, login="op.baresip"), customer
    db.dispose()


async def until(condition, timeout: float = 10.0, what: str = "") -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not condition():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        await asyncio.sleep(0.02)


@pytest.fixture
def window_over(qloop, qtbot, store):
    """`window_over(phone)` -> (parts, states): the real window over `phone`, started the way
    app._run_qt starts it; `states` records the status bar's backend text after every change."""
    services, _customer = store
    made = []

    def make(phone):
        parts = build_window(services=services, softphone=phone, settings=UiSettings(), save_settings=lambda: None,
                             on_language=lambda _l: None, on_theme=lambda _t: None,
                             about=AboutInfo("test.sqlite3", phone.name, "ui-settings.json"),
                             backend_label=phone.name)
        states: list[str] = []
        # Connected after the window's own slot, so it reads the label the operator sees.
        parts.flow.backend_changed.connect(lambda *_: states.append(parts.window.backend_label.text()))
        parts.flow.listen()
        parts.window.show()
        made.append((parts, phone))
        qloop.run_until_complete(asyncio.wait_for(phone.start(), 15))
        parts.flow.start(ready=True)
        return parts, states

    yield make
    for parts, phone in made:
        parts.window._can_close = lambda: True
        parts.window.close()
        parts.flow.stop()
        qloop.run_until_complete(asyncio.wait_for(phone.stop(), 15))
        parts.window.deleteLater()
        parts.db_runner.shutdown(wait=True)
        parts.lookup_runner.shutdown(wait=True)


@pytest.mark.sip
def test_a_sipp_call_through_the_window(sip_tools, sipp, store, window_over, qloop):
    _services, customer = store
    settings = agent_settings()
    parts, states = window_over(BaresipSoftphone(settings))
    flow, registry = parts.flow, parts.window.registry

    async def scenario():
        await until(lambda: "running" in parts.window.backend_label.text(), what="baresip running")
        await until(lambda: flow.agent_status.state is AgentState.READY, what="Ready")
        proc = sipp(sipp_command(SCENARIOS / "uac_agent_hangs_up.xml", f"127.0.0.1:{settings.sip_port}",
                                 local_port=free_port(), media_port=free_port(),
                                 keys={"caller": CALLER, "display": "Пётр"}, timeout_s=20))
        await until(lambda: flow.current is not None, what="the ring")
        call = flow.current
        assert call.state is CallState.RINGING and call.caller_id_raw == CALLER
        assert call.display_name == "Пётр"  # peerdisplayname
        await until(lambda: flow.pop_for(call.call_id) is not None, what="the screen-pop")
        assert flow.pop_for(call.call_id).customer.id == customer.id
        await until(lambda: "Смирнов" in parts.window.call_bar.caller.text(), what="the caller's name")
        assert registry.get("call.answer").isEnabled()

        registry.get("call.answer").trigger()
        await until(lambda: flow.current.state is CallState.TALKING, what="the call to connect")
        registry.get("call.hangup").trigger()
        await until(lambda: flow.current.state is CallState.WRAPUP, what="wrap-up after hang-up")
        assert await wait_exit(proc, 10) == 0  # sipp got our BYE and everything it expected

    qloop.run_until_complete(asyncio.wait_for(scenario(), 40))
    assert states[-1].endswith("running")


@pytest.mark.sip
def test_a_killed_baresip_shows_restarting_then_running(sip_tools, window_over, qloop):
    phone = BaresipSoftphone(agent_settings())
    parts, states = window_over(phone)

    async def scenario():
        await until(lambda: "running" in parts.window.backend_label.text(), what="baresip running")
        first_pid = phone.process.pid
        seen = len(states)
        os.kill(first_pid, signal.SIGKILL)
        await until(lambda: any("restarting" in s for s in states[seen:]), what="restarting in the status bar")
        await until(lambda: "running" in parts.window.backend_label.text(), what="running again")
        assert phone.process.pid not in (None, first_pid)
        # The window kept working through it: the operator is still Ready.
        assert flow_state(parts) is AgentState.READY

    qloop.run_until_complete(asyncio.wait_for(scenario(), 25))
    later = states[next(i for i, s in enumerate(states) if "restarting" in s):]
    assert later[-1].endswith("running")


def test_a_missing_baresip_leaves_a_usable_window(window_over, qloop):
    phone = BaresipSoftphone(BaresipSettings(binary="desktop-agent-no-such-baresip", sip_port=free_port(),
                                             ctrl_port=free_port()))
    parts, states = window_over(phone)

    async def scenario():
        await until(lambda: "unavailable" in parts.window.backend_label.text(), what="unavailable")
        assert "not installed" in parts.window.backend_label.toolTip()
        await until(lambda: flow_state(parts) is AgentState.READY, what="Ready all the same")

    qloop.run_until_complete(asyncio.wait_for(scenario(), 10))
    assert parts.window.isVisible()


def flow_state(parts) -> AgentState:
    return parts.flow.agent_status.state
