"""Silence on the call session and the checklist's silence cue, without Qt: what telephony reports
becomes `silence_since`, counted while talking only, and the cue fires once per quiet episode."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from desktop_agent.core.call_session import CallSession, ManualClock, Refusal
from desktop_agent.core.checklist import (
    DEFAULT_CUES,
    CallFacts,
    ChecklistDefinition,
    parse_steps,
    start_run,
)

T0 = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


def at(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def talking_session() -> tuple[CallSession, ManualClock]:
    clock = ManualClock(start=T0)
    session = CallSession("c1", "+79161234567", monotonic=clock.monotonic, wall=clock.wall)
    clock.advance(5)
    session.on_established()  # answered at 5 s
    return session, clock


def definition(steps: list[dict]) -> ChecklistDefinition:
    return ChecklistDefinition(uuid.uuid4(), "general", "en", "general", "Any", parse_steps(steps))


def test_silence_since_counts_back_by_the_detectors_delay():
    session, clock = talking_session()
    assert session.silence_since is None and not session.caller_silent
    clock.advance(20)  # 25 s: reported one second after the caller went quiet
    outcome = session.on_silence(True, started_ago=1.0)
    assert outcome.ok and outcome.changed
    assert session.silence_since == at(24)
    clock.advance(3)
    again = session.on_silence(True, started_ago=1.0)  # a repeated report keeps the episode
    assert again.ok and not again.changed and session.silence_since == at(24)
    assert session.on_silence(False).changed
    assert session.silence_since is None and not session.caller_silent


def test_silence_is_not_counted_on_hold_and_restarts_at_the_resume():
    session, clock = talking_session()
    clock.advance(5)
    session.on_silence(True, started_ago=1.0)  # quiet since 9 s
    clock.advance(10)
    session.on_held()  # 20 s: the caller hears music; quiet is expected
    assert session.silence_since is None
    clock.advance(40)
    session.on_resumed()  # 60 s, and the caller has not said a word yet
    assert session.silence_since == at(60)
    clock.advance(2)
    session.on_silence(False)
    assert session.silence_since is None


def test_silence_before_the_answer_or_after_the_end_is_refused():
    clock = ManualClock(start=T0)
    session = CallSession("c2", "x", monotonic=clock.monotonic, wall=clock.wall)
    assert session.on_silence(True).refusal is Refusal.NOT_CONNECTED
    session.on_established()
    session.on_silence(True)
    session.on_closed()
    assert session.silence_since is None  # wrap-up: no silence cue
    assert not session.on_silence(False)


def test_a_negative_delay_does_not_move_silence_into_the_future():
    session, clock = talking_session()
    clock.advance(10)
    session.on_silence(True, started_ago=-5)
    assert session.silence_since == at(15)


def test_the_silence_cue_fires_once_per_quiet_episode():
    run = start_run(definition([{"key": "listen", "title": "Listen"}]), at(0))
    facts = CallFacts(now=at(30), talk_since=at(0), silence_since=at(20))
    assert run.due_cues(facts) == ()  # 10 s of 15
    facts = CallFacts(now=at(35.5), talk_since=at(0), silence_since=at(20))
    due = run.due_cues(facts)
    assert [(c.kind, c.since, c.fired_at) for c in due] == [("silence", at(20), at(35.5))]
    run = run.record_cues(due)
    assert run.due_cues(CallFacts(now=at(80), talk_since=at(0), silence_since=at(20))) == ()  # still the same one

    # the caller spoke, then went quiet again: a new episode, a new cue
    assert run.due_cues(CallFacts(now=at(90), talk_since=at(0))) == ()
    second = run.due_cues(CallFacts(now=at(110), talk_since=at(0), silence_since=at(94)))
    assert [c.since for c in second] == [at(94)]
    run = run.record_cues(second)
    assert [c.kind for c in run.cues] == ["silence", "silence"]


def test_a_steps_own_silence_cue_replaces_the_default_and_points_at_the_step():
    steps = [{"key": "listen", "title": "Listen",
              "cue": {"kind": "silence", "after": 10, "message": "Ask if they are still there"}},
             {"key": "offer", "title": "Offer"}]
    run = start_run(definition(steps), at(0))
    extra = tuple(r for r in DEFAULT_CUES if r.kind != "silence")  # what the pane passes
    due = run.due_cues(CallFacts(now=at(22), talk_since=at(0), silence_since=at(11)), extra)
    assert [(c.key, c.step_key) for c in due] == [("listen:silence", "listen")]


def test_session_to_cue_end_to_end_through_the_facts():
    session, clock = talking_session()
    run = start_run(definition([{"key": "listen", "title": "Listen"}]), session.answered_at)
    clock.advance(3)
    session.on_silence(True, started_ago=1.0)  # quiet since 7 s

    def facts() -> CallFacts:
        return CallFacts(now=clock.wall(), talk_since=session.answered_at, silence_since=session.silence_since)

    clock.advance(13)  # 21 s: 14 s quiet
    assert run.due_cues(facts()) == ()
    clock.advance(1)  # 15 s quiet
    due = run.due_cues(facts())
    assert [(c.kind, c.since) for c in due] == [("silence", at(7))]
