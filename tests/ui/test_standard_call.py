"""The standard call of issue 4, by keyboard only, through the real window and the built-in simulator:
answer, a new ticket from the call, a template into it, a checklist step, save, hang up, a
disposition, Ready — in 8 key presses or fewer (typed text not counted). Afterwards the database
holds the interaction, the ticket and its history, the checklist run and the queue_log events.

Every key is a real key event sent to the widget that has the focus, as a keyboard would: if an
action leaves the focus where the next shortcut cannot reach, this test fails.
"""

from __future__ import annotations

import contextlib
import math

import pytest
from operator_harness import until
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from sqlalchemy import select
from window_fixtures import quiet_simulator_window

from desktop_agent.core.agent_state import AgentState
from desktop_agent.core.call_session import CallState
from desktop_agent.store.models import ChecklistRun, Interaction, Ticket, TicketHistory
from desktop_agent.ui.shell.settings import UiSettings

pytestmark = pytest.mark.gui

KEY_LIMIT = 8
FAVOURITE = "greeting_known_customer"  # "Hello, {{customer.first_name}}! …", on the operator's Alt+1
SUBJECT = "Router keeps rebooting"


@pytest.fixture
def desk(qtbot, qloop, services):
    """The real window over the simulator; the operator is the only agent and no random caller comes."""
    services.templates.set_favourite(services.agent.id, 1, FAVOURITE)  # the operator's own setup, once
    parts, phone = quiet_simulator_window(services, UiSettings(wrapup_limit_seconds=120), seed=4)
    yield parts, phone, services
    parts.window._can_close = lambda: True  # no "quit during a call?" question in a test
    parts.window.close()
    parts.window.deleteLater()
    parts.flow.stop()
    with contextlib.suppress(RuntimeError):  # already stopped by the test, unless it failed midway
        qloop.run_until_complete(phone.stop())
    parts.db_runner.shutdown(wait=True)
    parts.lookup_runner.shutdown(wait=True)


def pane(parts, pane_id: str):
    return next(p for p in parts.panes if p.pane_id == pane_id)


def test_a_standard_call_in_eight_keys_or_fewer(desk, qloop):
    parts, phone, services = desk
    flow, window = parts.flow, parts.window
    editor, checklist = pane(parts, "pane.ticket_editor"), pane(parts, "pane.checklist")
    templates, wrapup = pane(parts, "pane.templates"), pane(parts, "pane.wrapup")
    keys: list[str] = []

    def press(name: str, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        """One key press on whatever has the keyboard focus now (the window if nothing has)."""
        keys.append(name)
        QTest.keyClick(QApplication.focusWidget() or window, key, modifier)

    def type_text(text: str) -> None:  # typed text is not counted
        QTest.keyClicks(QApplication.focusWidget(), text)

    async def scenario() -> str:
        # Started inside the scenario: the simulator's task must only ever step on the running loop
        # (pytest-qt processes Qt events between test phases, outside it).
        await phone.start()
        flow.start(ready=True)
        await until(lambda: flow.agent_status.state is AgentState.READY, what="Ready after login")
        await until(lambda: templates.model.favourite(1) is not None, what="the favourites")
        await until(lambda: checklist.definition_for("general") is not None, what="the checklists")
        call_id = phone.offer_call(services.numbers[0], "Smirnov", talk=math.inf, patience=math.inf)
        await until(lambda: flow.current is not None and flow.current.state is CallState.RINGING, what="the ring")
        await until(lambda: flow.pop_for(call_id) is not None, what="the screen-pop")
        assert flow.pop_for(call_id).customer.id == services.customer.id

        press("answer", Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
        await until(lambda: flow.current.state is CallState.TALKING, what="answer")
        await until(lambda: checklist.current_run() is not None, what="the checklist run")

        press("new ticket", Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
        assert editor.draft is not None and editor.form.subject.hasFocus(), "Ctrl+N puts the cursor in the subject"
        type_text(SUBJECT)

        press("insert template", Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
        assert ", Пётр!" in editor.form.description.toPlainText()

        press("tick step 1", Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
        first_step = checklist.model.step_at(0)
        assert checklist.current_run().tick_of(first_step.key).done

        press("save", Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)
        await until(lambda: editor.ticket is not None and not editor.busy, what="the ticket saved")

        press("hang up", Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        await until(lambda: flow.current.state is CallState.WRAPUP, what="hang up")
        await until(lambda: wrapup.list.count() > 0, what="dispositions")
        assert wrapup.list.hasFocus(), "wrap-up takes the keyboard when the call ends"

        press("disposition", Qt.Key.Key_3)  # 3: ticket created
        assert flow.current.disposition == "ticket_created"
        press("ready", Qt.Key.Key_F9)
        await until(lambda: flow.current is None, what="wrap-up stored")
        await until(lambda: flow.agent_status.state is AgentState.READY, what="Ready again")
        await until(lambda: any(r.event == "WRAPUPEND" for r in services.queue_log()),
                    what="the wrap-up's queue_log rows")
        # Stopped here, on the running loop: the simulator's task must not step outside it.
        await phone.stop()
        return call_id

    call_id = qloop.run_until_complete(scenario())
    assert len(keys) <= KEY_LIMIT, keys
    parts.flow.flush()
    check_rows(services, call_id, ticket_subject=SUBJECT)


def check_rows(services, call_id: str, *, ticket_subject: str) -> None:
    customer = services.customer
    with services.db.session() as session:
        call = session.scalars(select(Interaction).where(Interaction.callid == call_id)).one()
        assert call.customer_id == customer.id and call.agent_id == services.agent.id
        assert call.caller_number == customer.phones[0].e164 and call.queue == "support"
        assert call.answered_at is not None and call.ended_at is not None and call.answered_at <= call.ended_at
        assert call.disposition_code == "ticket_created"
        assert call.ticket_id is not None and call.checklist_run_id is not None

        ticket = session.get(Ticket, call.ticket_id)
        assert ticket.subject == ticket_subject and ticket.customer_id == customer.id
        # the template, filled in with the caller's first name (the company name is not configured here)
        assert ", Пётр!" in ticket.description and "{{customer." not in ticket.description
        kinds = [h.kind for h in session.scalars(select(TicketHistory).where(TicketHistory.ticket_id == ticket.id)
                                                 .order_by(TicketHistory.at))]
        assert kinds[0] == "created", kinds

        run = session.get(ChecklistRun, call.checklist_run_id)
        assert run.agent_id == services.agent.id and run.finished_at is not None
        ticked = [s for s in run.steps if s["done_at"]]
        assert len(ticked) == 1, run.steps

    rows = [r for r in services.queue_log() if r.callid == call_id or r.event.startswith("WRAPUP")]
    agent = f"Agent/{services.agent.login}"
    events = [r.event for r in rows]
    assert events[0] == "ENTERQUEUE", events
    assert [e for e in events if e in ("ENTERQUEUE", "CONNECT", "WRAPUPSTART", "WRAPUPEND")] == \
        ["ENTERQUEUE", "CONNECT", "WRAPUPSTART", "WRAPUPEND"], events
    complete = [i for i, e in enumerate(events) if e.startswith("COMPLETE")]
    assert len(complete) == 1 and events.index("CONNECT") < complete[0] < events.index("WRAPUPSTART"), events
    assert all(r.agent == agent for r in rows if r.event != "ENTERQUEUE")
    end = next(r for r in rows if r.event == "WRAPUPEND")
    assert end.data[0] == call_id and end.data[2] == "ticket_created"
