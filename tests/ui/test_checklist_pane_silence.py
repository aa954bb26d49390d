"""The long-silence cue in the window: a simulated caller goes quiet, the checklist pane shows the
cue on its step and drops it when the caller speaks again; with a phone that cannot hear silence
the pane says the cue is off, and why, instead of keeping a cue that can never fire."""

from __future__ import annotations

import contextlib
from datetime import timedelta

import pytest
from operator_harness import FakeSoftphone, until

from desktop_agent.app import build_window
from desktop_agent.core.agent_state import AgentState
from desktop_agent.core.call_session import CallState
from desktop_agent.core.domain import utcnow
from desktop_agent.telephony.simulator import SimConfig, SimulatorSoftphone
from desktop_agent.ui.checklist.model import ChecklistModel
from desktop_agent.ui.checklist.pane import ChecklistPane
from desktop_agent.ui.shell.about_dialog import AboutInfo
from desktop_agent.ui.shell.settings import UiSettings

pytestmark = pytest.mark.gui

SPEED = 4.0  # the simulator runs 4x: a caller's 1 s of quiet is reported after 0.25 s


def window(services, phone):
    parts = build_window(services=services, softphone=phone, settings=UiSettings(), save_settings=lambda: None,
                         on_language=lambda _l: None, on_theme=lambda _t: None,
                         about=AboutInfo("test", phone.name, "ui-settings.json"), backend_label=phone.name)
    parts.window.show()
    return parts, next(p for p in parts.panes if isinstance(p, ChecklistPane))


def close(parts, qloop, phone) -> None:
    parts.window._can_close = lambda: True
    parts.window.close()
    parts.flow.stop()
    with contextlib.suppress(RuntimeError):
        qloop.run_until_complete(phone.stop())
    parts.db_runner.shutdown(wait=True)
    parts.lookup_runner.shutdown(wait=True)


def test_a_simulated_caller_goes_quiet_and_the_cue_appears_then_goes(qtbot, qloop, sqlite_services):
    services = sqlite_services
    config = SimConfig(agents=0, calls_per_hour=0, queues=("support",), operator=services.agent.login,
                       operator_wrapup_limit=None, operator_autopause=None, seed=3)
    phone = SimulatorSoftphone(config, services.numbers, speed=SPEED)
    parts, checklist = window(services, phone)
    qtbot.addWidget(parts.window)
    flow = parts.flow
    skip = timedelta(0)
    checklist._clock = lambda: utcnow() + skip  # the pane looks ahead; the call runs in real time

    async def scenario() -> None:
        nonlocal skip
        await phone.start()
        flow.start(ready=True)
        await until(lambda: flow.agent_status.state is AgentState.READY, what="Ready")
        await until(lambda: checklist.definition_for("general") is not None, what="the checklists")
        assert checklist.silence_cue_available and not checklist.silence_note.isVisible()
        # talks for 2 s after the answer, then says nothing for 8 s (simulated), then talks again
        call_id = phone.offer_call(services.numbers[0], "Смирнов", talk=60, patience=60, pauses=[(2, 10)])
        await until(lambda: flow.current is not None and flow.current.state is CallState.RINGING, what="the ring")
        flow.answer()
        await until(lambda: checklist.current_run() is not None, what="the run")
        await until(lambda: flow.current.caller_silent, what="the caller going quiet")
        assert flow.current.call_id == call_id
        assert not checklist.cue_banner.isVisible()  # quiet for a second is no cue yet
        skip = timedelta(seconds=16)  # as if 16 s of quiet had passed
        await until(lambda: checklist.cue_banner.isVisible(), what="the silence cue")
        run = checklist.current_run()
        assert [(c.kind, c.step_key) for c in run.cues] == [("silence", "listen")]
        listen = checklist.model.definition.step("listen")
        assert checklist.cue_text == listen.cue.message  # the step's own words, not a generic line
        assert checklist.model.index(checklist.model.row_of("listen")).data(ChecklistModel.CuedRole)

        await until(lambda: not flow.current.caller_silent, what="the caller speaking again")
        await until(lambda: not checklist.cue_banner.isVisible(), what="the cue to go by itself")
        assert len(checklist.current_run().cues) == 1  # recorded with the run all the same
        await phone.stop()

    try:
        qloop.run_until_complete(scenario())
    finally:
        close(parts, qloop, phone)


def test_without_silence_detection_the_cue_is_shown_as_off_with_the_reason(qtbot, qloop, sqlite_services):
    phone = FakeSoftphone()  # like a baresip run by the user without vumeter: no silence reports
    assert not phone.capabilities.silence_detection
    parts, checklist = window(sqlite_services, phone)
    qtbot.addWidget(parts.window)
    try:
        qtbot.waitUntil(lambda: checklist.model.rowCount() > 0, timeout=5000)
        assert checklist.silence_cue_available is False
        note = checklist.silence_note
        assert note.isVisible() and note.text()
        assert "fake" in note.toolTip() and "hold" in note.toolTip()  # why, and what still works

        checklist.set_silence_detection(True, "fake")  # the backend starts reporting levels
        assert not note.isVisible()
        phone.capabilities = type(phone.capabilities)(silence_detection=True)
        checklist.set_silence_detection(False, "fake")
        parts.flow.ticked.emit()  # the pane looks at the phone's capabilities on every tick
        assert checklist.silence_cue_available is True and not note.isVisible()
    finally:
        close(parts, qloop, phone)


def test_a_pane_on_its_own_does_not_guess(qtbot, sqlite_services):
    from desktop_agent.ui.kit.qt_bridge import ServiceRunner

    runner = ServiceRunner("db")
    pane = ChecklistPane(sqlite_services.checklists, sqlite_services.templates, runner, agent_id=None)
    qtbot.addWidget(pane)
    pane.show()
    try:
        qtbot.waitUntil(lambda: pane.model.rowCount() > 0, timeout=5000)
        assert pane.silence_cue_available is None and not pane.silence_note.isVisible()
    finally:
        runner.shutdown(wait=True)
