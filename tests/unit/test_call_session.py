"""The per-call state machine, without Qt: transitions, refusals, timers and the wrap-up limit."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from desktop_agent.core.call_session import (
    CallCommand,
    CallSession,
    CallState,
    EndReason,
    ManualClock,
    Refusal,
    WrapupPolicy,
)

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)


def make(policy: WrapupPolicy | None = None, dispositions=None) -> tuple[CallSession, ManualClock]:
    clock = ManualClock(start=T0)
    session = CallSession("c1", "+79123456789", queue="support", policy=policy, dispositions=dispositions,
                          monotonic=clock.monotonic, wall=clock.wall)
    return session, clock


def test_full_call_with_hold_and_timers():
    s, clock = make()
    clock.advance(4)
    assert s.on_established().changed
    assert s.state is CallState.TALKING and s.answered_at == T0 + timedelta(seconds=4)
    clock.advance(30)
    assert s.on_held().state is CallState.HELD
    clock.advance(15)
    assert s.current_hold_seconds == 15
    assert s.on_resumed().state is CallState.TALKING
    clock.advance(20)
    assert s.on_held()
    clock.advance(5)
    assert s.hold_seconds == 20 and s.connected_seconds == 70
    assert s.on_closed(EndReason.REMOTE_HANGUP).state is CallState.WRAPUP
    assert s.ended_at == T0 + timedelta(seconds=74)
    clock.advance(12)
    assert s.wrapup_seconds == 12 and s.wrapup_remaining == 48
    assert s.set_disposition("resolved")
    assert s.finish_wrapup().state is CallState.DONE
    clock.advance(100)  # time after done counts nowhere
    summary = s.summary()
    assert (summary.ring_seconds, summary.talk_seconds, summary.hold_seconds, summary.wrapup_seconds) == (4, 50, 20, 12)
    assert summary.handle_seconds == 82
    assert summary.end_reason is EndReason.REMOTE_HANGUP
    assert summary.disposition == "resolved" and not summary.auto_ready
    assert [step.state for step in s.history] == [
        CallState.RINGING, CallState.TALKING, CallState.HELD, CallState.TALKING, CallState.HELD,
        CallState.WRAPUP, CallState.DONE,
    ]


def test_disposition_is_required_before_ready():
    s, _ = make()
    s.on_established()
    s.on_closed()
    refused = s.finish_wrapup()
    assert not refused and refused.refusal is Refusal.DISPOSITION_REQUIRED
    assert s.state is CallState.WRAPUP
    assert not s.set_disposition("  ") and s.disposition is None
    assert s.set_disposition("info") and s.finish_wrapup()


def test_disposition_can_be_chosen_while_talking_but_not_while_ringing():
    s, _ = make()
    assert s.set_disposition("sale").refusal is Refusal.NOT_CONNECTED
    s.on_established()
    assert s.set_disposition("sale")
    s.on_closed()
    assert s.finish_wrapup().state is CallState.DONE


def test_unknown_disposition_refused_when_the_list_is_known():
    s, _ = make(dispositions=frozenset({"resolved", "callback"}))
    s.on_established()
    s.on_closed()
    assert s.set_disposition("bogus").refusal is Refusal.UNKNOWN_DISPOSITION
    assert s.set_disposition("callback")


@pytest.mark.parametrize(("command", "state_events", "refusal"), [
    (CallCommand.HOLD, [], Refusal.NOT_TALKING),
    (CallCommand.RESUME, ["on_established"], Refusal.NOT_HELD),
    (CallCommand.ANSWER, ["on_established"], Refusal.NOT_RINGING),
    (CallCommand.HANGUP, [], Refusal.NOT_CONNECTED),
    (CallCommand.MUTE, ["on_established", "on_held"], Refusal.NOT_TALKING),
    (CallCommand.DTMF, [], Refusal.NOT_TALKING),
    (CallCommand.HOLD, ["on_established", "on_closed"], Refusal.CALL_ENDED),
    (CallCommand.FINISH_WRAPUP, ["on_established"], Refusal.NOT_IN_WRAPUP),
])
def test_illegal_commands_are_refused_with_a_reason(command, state_events, refusal):
    s, _ = make()
    for name in state_events:
        getattr(s, name)()
    before = s.state
    outcome = s.check(command)
    assert not outcome and outcome.refusal is refusal
    assert s.state is before


def test_allowed_commands_follow_the_state():
    s, _ = make()
    assert {c for c in CallCommand if s.allowed(c)} == {CallCommand.ANSWER, CallCommand.REJECT}
    s.on_established()
    assert {c for c in CallCommand if s.allowed(c)} == {
        CallCommand.HOLD, CallCommand.MUTE, CallCommand.TRANSFER, CallCommand.DTMF, CallCommand.HANGUP,
        CallCommand.SET_DISPOSITION,
    }
    s.on_held()
    assert {c for c in CallCommand if s.allowed(c)} == {
        CallCommand.RESUME, CallCommand.TRANSFER, CallCommand.HANGUP, CallCommand.SET_DISPOSITION,
    }


def test_events_out_of_order_are_refused_or_idempotent():
    s, _ = make()
    assert s.on_held().refusal is Refusal.NOT_TALKING
    assert s.on_resumed().refusal is Refusal.NOT_HELD
    assert s.on_muted(True).refusal is Refusal.NOT_CONNECTED
    s.on_established()
    repeat = s.on_established()
    assert repeat and not repeat.changed
    s.on_closed(EndReason.LOCAL_HANGUP)
    again = s.on_closed(EndReason.REMOTE_HANGUP)
    assert again and not again.changed and s.end_reason is EndReason.LOCAL_HANGUP
    assert s.on_established().refusal is Refusal.CALL_ENDED


def test_missed_call_is_done_without_wrapup():
    s, clock = make()
    clock.advance(9)
    outcome = s.on_closed(EndReason.CANCELLED)
    assert outcome.state is CallState.DONE
    summary = s.summary()
    assert not summary.answered and summary.ring_seconds == 9 and summary.wrapup_seconds == 0
    assert summary.end_reason is EndReason.CANCELLED


def test_unknown_close_reason_becomes_failed():
    s, _ = make()
    s.on_established()
    s.on_closed("weird-thing")
    assert s.end_reason is EndReason.FAILED


def test_transfer_ends_the_call_and_the_later_bye_is_ignored():
    s, _ = make()
    s.on_established()
    failed = s.on_transferred("+74950000000", ok=False, reason="busy")
    assert failed and s.state is CallState.TALKING and s.last_transfer_error == "busy"
    assert s.on_transferred("1002", ok=True).state is CallState.WRAPUP
    assert s.on_closed(EndReason.NORMAL) and s.end_reason is EndReason.TRANSFERRED
    assert s.summary().transferred_to == "1002"
    assert s.check_transfer(" ").refusal is Refusal.CALL_ENDED


def test_dtmf_and_transfer_arguments_are_checked():
    s, _ = make()
    s.on_established()
    assert s.check_dtmf("12#*")
    assert s.check_dtmf("12x").refusal is Refusal.BAD_DTMF
    assert s.check_dtmf("").refusal is Refusal.BAD_DTMF
    assert s.check_transfer("  ").refusal is Refusal.NO_TRANSFER_TARGET
    assert s.check_transfer("1002")


def test_mute_is_tracked_and_cleared_at_hangup():
    s, _ = make()
    s.on_established()
    assert s.on_muted(True).changed and s.muted
    assert not s.on_muted(True).changed
    s.on_closed()
    assert not s.muted


def test_auto_ready_at_the_limit_with_a_disposition():
    s, clock = make(WrapupPolicy(limit_seconds=30, auto_ready=True))
    s.on_established()
    s.on_closed()
    s.set_disposition("resolved")
    clock.advance(29)
    assert not s.tick().changed and s.state is CallState.WRAPUP
    clock.advance(1)
    outcome = s.tick()
    assert outcome.changed and outcome.automatic and s.state is CallState.DONE
    assert s.summary().wrapup_seconds == 30 and s.summary().auto_ready


def test_auto_ready_without_disposition_waits_or_uses_the_fallback():
    s, clock = make(WrapupPolicy(limit_seconds=10, auto_ready=True))
    s.on_established()
    s.on_closed()
    clock.advance(15)
    waiting = s.tick()
    assert not waiting and waiting.refusal is Refusal.DISPOSITION_REQUIRED
    assert s.state is CallState.WRAPUP and s.wrapup_overdue and s.wrapup_remaining == -5
    s.set_disposition("info")
    assert s.tick().automatic  # chosen late: Ready at once

    fb, clock = make(WrapupPolicy(limit_seconds=10, auto_ready=True, fallback_disposition="no_outcome"))
    fb.on_established()
    fb.on_closed()
    clock.advance(10)
    assert fb.tick().automatic and fb.disposition == "no_outcome"


def test_limit_without_auto_ready_only_marks_overdue():
    s, clock = make(WrapupPolicy(limit_seconds=5, auto_ready=False))
    s.on_established()
    s.on_closed()
    clock.advance(8)
    assert s.tick() and s.state is CallState.WRAPUP and s.wrapup_overdue


def test_no_limit_has_no_countdown():
    s, clock = make(WrapupPolicy(limit_seconds=0, auto_ready=True))
    s.on_established()
    s.on_closed()
    clock.advance(1000)
    assert s.wrapup_remaining is None and not s.wrapup_overdue
    assert s.tick() and s.state is CallState.WRAPUP


def test_negative_limit_is_rejected():
    with pytest.raises(ValueError):
        WrapupPolicy(limit_seconds=-1)
