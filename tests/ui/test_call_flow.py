"""One call through the real window, from ring to Ready, by keyboard: the call bar follows it, and
the database holds the interaction and the agent's queue_log rows afterwards (SQLite and PostgreSQL).

The telephony side is a small fake softphone (tests/ui/fake_softphone.py); test_operator_app.py
takes the same flow through the built-in simulator.
"""

from __future__ import annotations

import pytest
from operator_harness import FakeSoftphone, until
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QFrame

from desktop_agent.app import build_window
from desktop_agent.core.agent_state import AgentState
from desktop_agent.core.call_session import CallState
from desktop_agent.ui.shell.about_dialog import AboutInfo
from desktop_agent.ui.shell.settings import UiSettings

pytestmark = pytest.mark.gui


@pytest.fixture
def operator(qtbot, qloop, services):
    phone = FakeSoftphone()
    settings = UiSettings(wrapup_limit_seconds=120)
    parts = build_window(services=services, softphone=phone, settings=settings, save_settings=lambda: None,
                         on_language=lambda _l: None, on_theme=lambda _t: None,
                         about=AboutInfo("test.sqlite3", "fake", "ui-settings.json"), backend_label="fake")
    parts.window.resize(1366, 768)
    parts.window.show()
    parts.window.activateWindow()
    parts.flow.listen()
    qloop.run_until_complete(phone.start())
    parts.flow.start(ready=True)
    yield parts, phone, services
    parts.window._can_close = lambda: True  # no "quit during a call?" question in a test
    parts.window.close()
    parts.window.deleteLater()
    parts.flow.stop()
    parts.db_runner.shutdown(wait=True)
    parts.lookup_runner.shutdown(wait=True)


def enabled(parts, action_id: str) -> bool:
    return parts.window.registry.get(action_id).isEnabled()


def press(parts, key, modifier=Qt.KeyboardModifier.NoModifier, widget=None) -> None:
    QTest.keyClick(widget or parts.window.focusWidget() or parts.window, key, modifier)


def test_a_whole_call_by_keyboard(operator, qloop):
    parts, phone, services = operator
    flow, bar = parts.flow, parts.window.call_bar
    keystrokes = 0

    async def scenario():
        nonlocal keystrokes
        await until(lambda: flow.agent_status.state is AgentState.READY, what="Ready after login")
        assert not enabled(parts, "call.answer") and not enabled(parts, "call.hangup")

        call_id = phone.ring("8 (916) 123-45-67")
        await until(lambda: flow.current is not None, what="the ring")
        assert flow.current.state is CallState.RINGING
        assert enabled(parts, "call.answer") and enabled(parts, "call.decline")
        assert not enabled(parts, "call.hold") and not enabled(parts, "call.hangup")
        await until(lambda: flow.pop_for(call_id) is not None, what="the screen-pop")
        assert flow.pop_for(call_id).customer.id == services.customer.id
        await until(lambda: "Смирнов" in bar.caller.text(), what="the caller's name in the call bar")
        assert bar.caller.text().startswith("★")  # a VIP

        press(parts, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        keystrokes += 1
        await until(lambda: flow.current.state is CallState.TALKING, what="answer")
        assert enabled(parts, "call.hangup") and enabled(parts, "call.hold") and not enabled(parts, "call.answer")
        assert flow.agent_status.state is AgentState.ON_CALL

        parts.window.registry.get("call.hold").trigger()
        await until(lambda: flow.current.state is CallState.HELD, what="hold")
        assert parts.window.registry.get("call.hold").isChecked()
        assert not enabled(parts, "call.mute")
        parts.window.registry.get("call.hold").trigger()
        await until(lambda: flow.current.state is CallState.TALKING, what="resume")

        press(parts, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        keystrokes += 1
        await until(lambda: flow.current.state is CallState.WRAPUP, what="hang up")
        assert flow.agent_status.state is AgentState.WRAP_UP
        wrapup = parts.panes[0]
        await until(lambda: wrapup.list.count() > 0, what="dispositions")
        assert wrapup.list.hasFocus(), "wrap-up takes the keyboard when the call ends"
        assert bar.timer.text().startswith("1:5") or bar.timer.text().startswith("2:00")  # the countdown

        press(parts, Qt.Key.Key_F9)  # Ready without a disposition: refused, still in wrap-up
        await until(lambda: "disposition" in parts.window.statusBar().currentMessage().lower(),
                    what="the refusal")
        assert flow.current.state is CallState.WRAPUP

        press(parts, Qt.Key.Key_1, widget=wrapup.list)
        keystrokes += 1
        assert flow.current.disposition == "resolved_first_contact"
        wrapup.notes.insertPlainText("Клиент доволен")  # typed text (QTest types ASCII only)
        press(parts, Qt.Key.Key_F9)
        keystrokes += 1
        await until(lambda: flow.current is None, what="wrap-up stored")
        await until(lambda: flow.agent_status.state is AgentState.READY, what="Ready again")
        assert bar.state_pill.text() in ("Ready", "Готов")
        return call_id

    call_id = qloop.run_until_complete(scenario())
    assert keystrokes == 4  # answer, hang up, disposition, Ready
    parts.flow.flush()

    row = services.interactions.by_callid(call_id)
    assert row.caller_number == "+79161234567" and row.customer_id == services.customer.id
    assert row.agent_id == services.agent.id and row.queue == "support"
    assert row.answered_at is not None and row.ended_at is not None
    assert row.disposition == "resolved_first_contact" and row.notes == "Клиент доволен"
    assert 0 <= row.wrapup_seconds < 60 and row.hold_seconds >= 0
    log = services.queue_log()
    events = [(r.event, r.agent) for r in log]
    agent = f"Agent/{services.agent.login}"
    assert events[0] == ("ADDMEMBER", agent)
    start = next(r for r in log if r.event == "WRAPUPSTART")
    end = next(r for r in log if r.event == "WRAPUPEND")
    assert start.data[0] == call_id and end.data[0] == call_id
    assert end.data[2] == "resolved_first_contact" and int(end.data[1]) == row.wrapup_seconds
    assert [e for e, _ in events].index("WRAPUPSTART") < [e for e, _ in events].index("WRAPUPEND")


def test_caller_gives_up_while_ringing_and_a_second_call_waits(operator, qloop):
    parts, phone, services = operator
    flow, bar = parts.flow, parts.window.call_bar

    async def scenario():
        first = phone.ring("+79161234567")
        await until(lambda: flow.current is not None)
        await until(lambda: flow.pop_for(first) is not None)
        phone.remote_hangup(first)
        await until(lambda: flow.current is None, what="a missed call leaves no wrap-up")
        assert flow.agent_status.state is AgentState.READY

        one = phone.ring("+74950000001")
        await until(lambda: flow.current is not None)
        parts.window.registry.get("call.answer").trigger()
        await until(lambda: flow.current.state is CallState.TALKING)
        two = phone.ring("anonymous")
        await until(lambda: flow.waiting is not None, what="the second call")
        card = next(p for p in parts.panes if p.pane_id == "pane.screen_pop")
        assert card.waiting_line.isVisible() and "0:0" in card.waiting_text.text()
        assert not bar.findChildren(QFrame, "waitingCall"), "shown once: the card's compact line, not the bar"
        assert card.waiting_decline.defaultAction() is parts.window.registry.get("call.decline")
        assert flow.current.call_id == one, "a second call never replaces the first one's card"
        assert enabled(parts, "call.decline")
        parts.window.registry.get("call.decline").trigger()
        await until(lambda: flow.waiting is None, what="decline the waiting call")
        assert not card.waiting_line.isVisible()
        assert ("reject", two) in phone.commands
        return first, two

    first, two = qloop.run_until_complete(scenario())
    parts.flow.flush()
    missed = services.interactions.by_callid(first)
    assert missed.answered_at is None and missed.ended_at is not None and missed.disposition is None
    declined = services.interactions.by_callid(two)
    assert declined.caller_number is None and declined.ended_at is not None


def test_not_ready_with_a_reason_is_logged(operator, qloop):
    parts, phone, services = operator
    flow, bar = parts.flow, parts.window.call_bar

    async def scenario():
        await until(lambda: bar.pause_reasons, what="pause reasons")
        parts.window.registry.get("agent.not_ready").trigger()
        menu = bar._pause_menu
        assert menu is not None and menu.isVisible()
        assert [a.data() for a in menu.actions()][:2] == ["break", "lunch"]
        menu.actions()[1].trigger()
        await until(lambda: flow.agent_status.state is AgentState.NOT_READY)
        assert flow.agent_status.reason == "lunch"
        assert bar.state_pill.text() in ("Not ready", "Не готов")
        parts.window.registry.get("agent.ready").trigger()
        await until(lambda: flow.agent_status.state is AgentState.READY)

    qloop.run_until_complete(scenario())
    parts.flow.flush()
    rows = [(r.event, r.data[:1]) for r in services.queue_log() if r.event in ("PAUSE", "UNPAUSE")]
    assert rows == [("PAUSE", ("lunch",)), ("UNPAUSE", ("lunch",))]


def test_refused_wrapup_keeps_the_operator_in_wrapup(operator, qloop):
    """'Ticket created' needs a linked ticket: the store refuses, the operator stays in wrap-up."""
    parts, phone, services = operator
    flow = parts.flow

    async def scenario():
        phone.ring("+79161234567")
        await until(lambda: flow.current is not None)
        parts.window.registry.get("call.answer").trigger()
        await until(lambda: flow.current.state is CallState.TALKING)
        parts.window.registry.get("call.hangup").trigger()
        await until(lambda: flow.current.state is CallState.WRAPUP)
        assert flow.set_disposition("ticket_created")
        flow.set_notes("позвонить завтра")
        parts.window.registry.get("agent.ready").trigger()
        await until(lambda: "ticket" in parts.window.statusBar().currentMessage(), what="the refusal")
        assert flow.current is not None and flow.current.state is CallState.WRAPUP
        assert flow.current.notes == "позвонить завтра"  # nothing the operator typed is lost
        assert flow.agent_status.state is AgentState.WRAP_UP

    qloop.run_until_complete(scenario())
