import uuid
from datetime import UTC, datetime, timedelta

import pytest

from desktop_agent.core.checklist import (
    DEFAULT_CUES,
    CallFacts,
    ChecklistDefinition,
    CueRule,
    cues_to_json,
    parse_steps,
    restore_run,
    start_run,
    steps_to_json,
    ticks_to_json,
    validate_steps,
)

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
STEPS = [
    {"key": "listen", "title": "Выслушать не перебивая", "hint": "Пауза 2-3 с", "phrases": ["listen-1"]},
    {"key": "acknowledge", "title": "Признать эмоцию",
     "cue": {"kind": "silence", "after": 10, "message": "Назовите эмоцию"}},
    {"key": "apologise", "title": "Извиниться", "phrases": "apology"},
    {"key": "back_from_hold", "title": "Поблагодарить за ожидание", "cue": {"kind": "hold", "after": 60}},
]


def definition(steps=STEPS, caller_type="aggressive", key="deescalation") -> ChecklistDefinition:
    return ChecklistDefinition(id=uuid.uuid4(), key=key, language="ru", caller_type=caller_type,
                               title="Агрессивный абонент", steps=parse_steps(steps))


def s(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


def test_steps_parse_with_hints_phrases_and_cues():
    d = definition()
    assert [st.key for st in d.steps] == ["listen", "acknowledge", "apologise", "back_from_hold"]
    assert d.step("listen").phrases == ("listen-1",) and d.step("apologise").phrases == ("apology",)
    assert d.step("acknowledge").cue == CueRule("silence", 10, "acknowledge:silence", "acknowledge",
                                                "Назовите эмоцию")
    assert d.step("listen").cue is None
    assert parse_steps(steps_to_json(d.steps)) == d.steps


def test_lenient_parsing_drops_what_it_cannot_read():
    steps = parse_steps([{"title": "no key"}, "junk", {"key": "a", "cue": {"kind": "dance", "after": 5}},
                         {"key": "a", "title": "duplicate"}, {"key": "b", "cue": {"kind": "hold", "after": "x"}}])
    assert [(st.key, st.title, st.cue) for st in steps] == [("step1", "no key", None), ("a", "a", None),
                                                          ("b", "b", None)]
    assert parse_steps(None) == () and parse_steps("text") == ()


@pytest.mark.parametrize(("steps", "reason"), [
    ([], "at least one step"),
    ([{"title": "x"}], "step 1 has no key"),
    ([{"key": "a"}], r"step 1 \(a\) has no title"),
    ([{"key": "a", "title": "A"}, {"key": "a", "title": "B"}], "unique"),
    ([{"key": "a", "title": "A", "cue": {"kind": "hold"}}], "has a cue that is not"),
])
def test_strict_validation_for_admins(steps, reason):
    with pytest.raises(ValueError, match=reason):
        validate_steps(steps)


def test_ticking_records_the_time_and_progress():
    run = start_run(definition(), s(0))
    assert run.progress.total == 4 and run.progress.fraction == 0 and run.next_step.key == "listen"
    run = run.tick("listen", s(5))
    again = run.tick("listen", s(50))
    assert again.tick_of("listen").done_at == s(5)  # the first tick's time stays
    run = run.skip("apologise").tick("acknowledge", s(20))
    assert run.next_step.key == "back_from_hold"
    assert (run.progress.done, run.progress.skipped, run.progress.complete) == (2, 1, False)
    assert run.untick("acknowledge").tick_of("acknowledge").done_at is None
    run = run.tick("back_from_hold", s(90))
    assert run.progress.complete and run.progress.fraction == 1.0 and run.next_step is None
    with pytest.raises(ValueError, match="has no step 'fly'"):
        run.tick("fly", s(1))


def test_a_run_is_immutable():
    run = start_run(definition(), s(0))
    run.tick("listen", s(1))
    assert run.tick_of("listen").done_at is None


def test_cues_fire_after_their_time_once_per_episode():
    run = start_run(definition(), s(0))
    hold_from = s(100)
    assert run.due_cues(CallFacts(now=s(159), hold_since=hold_from), extra=()) == ()
    due = run.due_cues(CallFacts(now=s(160), hold_since=hold_from), extra=())
    assert [(c.key, c.kind, c.step_key, c.since, c.fired_at) for c in due] == [
        ("back_from_hold:hold", "hold", "back_from_hold", hold_from, s(160))]
    run = run.record_cues(due)
    assert run.due_cues(CallFacts(now=s(200), hold_since=hold_from), extra=()) == ()  # already shown
    assert run.record_cues(due) is run
    # a second hold is a new episode: the cue fires again
    again = run.due_cues(CallFacts(now=s(400), hold_since=s(330)), extra=())
    assert [c.since for c in again] == [s(330)]
    # silence and the default cues (hold 60 s, silence 15 s)
    facts = CallFacts(now=s(20), silence_since=s(4))
    assert [c.key for c in run.due_cues(facts)] == ["acknowledge:silence", "silence"]
    assert [c.key for c in run.due_cues(facts, extra=DEFAULT_CUES[:1])] == ["acknowledge:silence"]
    assert run.due_cues(CallFacts(now=s(20))) == ()  # not on hold, not silent


def test_switching_caller_type_keeps_shared_ticks():
    run = start_run(definition(), s(0)).tick("listen", s(3)).tick("apologise", s(8))
    chronic = definition([{"key": "listen", "title": "Выслушать"}, {"key": "history", "title": "Уточнить историю"}],
                         caller_type="chronically_dissatisfied", key="chronic")
    switched = run.with_definition(chronic)
    assert switched.caller_type == "chronically_dissatisfied" and switched.id == run.id
    assert [(t.key, t.done_at) for t in switched.ticks] == [("listen", s(3)), ("history", None)]
    # what the switch is about to drop is said before it happens: exactly the ticks that went
    apologise = next(st.title for st in definition().steps if st.key == "apologise")
    assert run.dropped_by(chronic) == [apologise]
    kept = {t.key for t in switched.ticks if t.done}
    assert {t.key for t in run.ticks if t.done} - kept == {"apologise"}
    assert run.dropped_by(definition()) == []


def test_json_round_trip_of_a_run():
    d = definition()
    run = start_run(d, s(0)).tick("listen", s(5)).skip("apologise")
    run = run.record_cues(run.due_cues(CallFacts(now=s(80), hold_since=s(10)))).finish(s(120))
    back = restore_run(run.id, d, run.caller_type, run.started_at, run.finished_at,
                       ticks_to_json(run), cues_to_json(run))
    assert back == run
    # steps the definition lost are dropped, garbage is ignored
    broken = restore_run(run.id, d, "aggressive", s(0), None, [{"key": "gone", "done_at": "x"}, 5], "junk")
    assert all(not t.done for t in broken.ticks) and broken.cues == ()
