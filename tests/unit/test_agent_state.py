"""The agent session state machine and the queue_log rows it writes."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop_agent.core.agent_state import AgentSession, AgentState, IllegalTransition, agent_name

T0 = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def rows(records):
    return [(r.callid, r.queuename, r.agent, r.event, r.data) for r in records]


def test_agent_name_is_asterisk_member_name():
    assert agent_name("ivanova") == "Agent/ivanova"


def test_full_shift_writes_asterisk_rows_in_order():
    s = AgentSession("ivanova", ("support", "sales"), at=T0)
    log = []
    log += s.log_in(at(0))
    assert s.state is AgentState.READY and s.available
    log += s.pause("lunch", at(60))
    assert s.state is AgentState.NOT_READY and s.paused_reason == "lunch" and not s.available
    log += s.unpause(at(1860))
    log += s.offer("1700000000.1", "support", at(1900))
    assert s.state is AgentState.RINGING and not s.available
    log += s.connect("1700000000.1", at=at(1905))
    log += s.end_call(at(2005))
    assert s.state is AgentState.WRAP_UP
    log += s.end_wrapup(at(2035), "resolved")
    log += s.log_out(at(3600))
    assert s.state is AgentState.LOGGED_OUT
    assert rows(log) == [
        ("NONE", "support", "Agent/ivanova", "ADDMEMBER", ()),
        ("NONE", "sales", "Agent/ivanova", "ADDMEMBER", ()),
        ("NONE", "support", "Agent/ivanova", "PAUSE", ("lunch",)),
        ("NONE", "sales", "Agent/ivanova", "PAUSE", ("lunch",)),
        ("NONE", "support", "Agent/ivanova", "UNPAUSE", ("lunch",)),
        ("NONE", "sales", "Agent/ivanova", "UNPAUSE", ("lunch",)),
        ("NONE", "support", "Agent/ivanova", "WRAPUPSTART", ("1700000000.1",)),
        ("NONE", "support", "Agent/ivanova", "WRAPUPEND", ("1700000000.1", "30", "resolved")),
        ("NONE", "support", "Agent/ivanova", "REMOVEMEMBER", ()),
        ("NONE", "sales", "Agent/ivanova", "REMOVEMEMBER", ()),
    ]
    assert [r.time for r in log] == sorted(r.time for r in log)
    assert log[2].time == at(60) and log[7].time == at(2035)
    assert log[2].to_line() == f"{int(at(60).timestamp())}|NONE|support|Agent/ivanova|PAUSE|lunch"


def test_time_in_state_and_totals():
    s = AgentSession("a1", at=T0)
    s.log_in(at(0))
    assert s.time_in_state(at(42)) == 42
    s.pause("break", at(100))
    s.unpause(at(400))
    s.offer("c1", "default", at(500))
    s.connect("c1", at=at(503))
    s.end_call(at(603), wrapup=False)
    assert s.state is AgentState.READY and s.calls_handled == 1
    assert s.time_in(AgentState.NOT_READY, at(700)) == 300
    assert s.time_in(AgentState.RINGING, at(700)) == 3
    assert s.time_in(AgentState.ON_CALL, at(700)) == 100
    assert s.time_in(AgentState.READY, at(700)) == 100 + 100 + 97  # the current stretch included
    assert s.status().since == at(603)


def test_login_paused_writes_addmember_then_pause():
    s = AgentSession("a1", ("q",), at=T0)
    recs = s.log_in(at(0), paused_reason="training")
    assert [r.event for r in recs] == ["ADDMEMBER", "PAUSE"]
    assert s.state is AgentState.NOT_READY and s.status().reason == "training"


def test_pause_during_call_waits_for_the_end_of_wrap_up():
    s = AgentSession("a1", ("q",), at=T0)
    s.log_in(at(0))
    s.offer("c1", "q", at(1))
    s.connect("c1", at=at(2))
    assert s.pause("break", at(10)) == []  # nothing written while talking
    assert s.state is AgentState.ON_CALL and s.status().pending == "break"
    s.end_call(at(20))
    recs = s.end_wrapup(at(30), "info")
    assert [(r.event, r.data) for r in recs] == [("WRAPUPEND", ("c1", "10", "info")), ("PAUSE", ("break",))]
    assert s.state is AgentState.NOT_READY and s.paused_reason == "break"
    assert recs[1].time == at(30)


def test_ready_asked_during_call_cancels_the_pending_pause():
    s = AgentSession("a1", ("q",), at=T0)
    s.log_in(at(0))
    s.offer("c1", "q", at(1))
    s.connect("c1", at=at(2))
    s.pause("break", at(3))
    s.unpause(at(4))
    assert s.status().pending == "ready"
    recs = s.end_call(at(5), wrapup=False)
    assert recs == [] and s.state is AgentState.READY


def test_outbound_call_while_paused_keeps_the_pause_without_rows():
    s = AgentSession("a1", ("q",), at=T0)
    s.log_in(at(0))
    s.pause("callbacks", at(1))
    assert s.connect("out-1", at=at(2)) == []
    assert s.state is AgentState.ON_CALL and s.paused_reason == "callbacks"
    recs = s.end_call(at(62))
    assert [r.event for r in recs] == ["WRAPUPSTART"] and recs[0].queuename == "NONE"
    recs = s.end_wrapup(at(70), "callback_done")
    assert [r.event for r in recs] == ["WRAPUPEND"]  # still paused: no PAUSE again
    assert s.state is AgentState.NOT_READY and s.paused_reason == "callbacks"


def test_changing_pause_reason_writes_a_new_pause_and_same_reason_nothing():
    s = AgentSession("a1", ("q",), at=T0)
    s.log_in(at(0))
    s.pause("break", at(1))
    assert s.pause("break", at(2)) == []
    recs = s.pause("meeting", at(3))
    assert [(r.event, r.data) for r in recs] == [("PAUSE", ("meeting",))]
    assert s.time_in_state(at(5)) == 2  # time in the new reason


def test_ring_ended_returns_to_ready_and_applies_pending():
    s = AgentSession("a1", ("q",), at=T0)
    s.log_in(at(0))
    s.offer("c1", "q", at(1))
    assert s.ring_ended(at(16)) == []
    assert s.state is AgentState.READY and s.call_id is None
    s.offer("c2", "q", at(20))
    s.pause("break", at(21))
    recs = s.ring_ended(at(22))
    assert [r.event for r in recs] == ["PAUSE"] and s.state is AgentState.NOT_READY


@pytest.mark.parametrize(("prepare", "action", "message"), [
    (lambda s: None, lambda s: s.pause("x", at(1)), "logged out"),
    (lambda s: None, lambda s: s.offer("c", "q", at(1)), "logged_out"),
    (lambda s: s.log_in(at(0)), lambda s: s.log_in(at(1)), "log in"),
    (lambda s: s.log_in(at(0)), lambda s: s.end_call(at(1)), "end a call"),
    (lambda s: s.log_in(at(0)), lambda s: s.end_wrapup(at(1)), "end wrap-up"),
    (lambda s: (s.log_in(at(0)), s.pause("b", at(1))), lambda s: s.offer("c", "q", at(2)), "not_ready"),
    (lambda s: (s.log_in(at(0)), s.offer("c", "q", at(1))), lambda s: s.connect("other", at=at(2)), "another"),
    (lambda s: (s.log_in(at(0)), s.offer("c", "q", at(1)), s.connect("c", at=at(2))),
     lambda s: s.log_out(at(3)), "finish the call"),
])
def test_illegal_transitions_raise_one_line(prepare, action, message):
    s = AgentSession("a1", ("q",), at=T0)
    prepare(s)
    before = (s.state, s.paused_reason, s.call_id)
    with pytest.raises(IllegalTransition) as err:
        action(s)
    assert message in str(err.value) and "\n" not in str(err.value)
    assert (s.state, s.paused_reason, s.call_id) == before  # nothing changed


def test_pause_needs_a_reason_and_session_needs_a_login():
    s = AgentSession("a1", ("q",), at=T0)
    s.log_in(at(0))
    with pytest.raises(ValueError, match="reason"):
        s.pause("  ", at(1))
    with pytest.raises(ValueError):
        AgentSession("", ("q",))
    with pytest.raises(ValueError):
        AgentSession("a", ())


def test_odd_reason_and_login_text_is_kept_within_queue_log_limits():
    s = AgentSession("оператор|1", ("поддержка",), at=T0)
    recs = s.log_in(at(0)) + s.pause("обед'; DROP TABLE queue_log;--" + "я" * 200, at(1))
    assert recs[0].agent == "Agent/оператор/1"  # a pipe would split the text form
    assert recs[1].data[0].startswith("обед'; DROP TABLE queue_log;--") and len(recs[1].data[0]) == 100
