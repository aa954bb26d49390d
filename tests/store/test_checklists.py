import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from desktop_agent.core.checklist import CallFacts, start_run
from desktop_agent.core.ports import NotFoundError, RuleViolation
from desktop_agent.store.checklists import ChecklistStore
from desktop_agent.store.interactions import InteractionStore
from desktop_agent.store.models import ChecklistRun as RunRow
from desktop_agent.store.reference import ReferenceStore

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)
STEPS = [
    {"key": "listen", "title": "Выслушать не перебивая", "hint": "не спорить", "phrases": ["listen-1"]},
    {"key": "acknowledge", "title": "Признать эмоцию", "cue": {"kind": "silence", "after": 10}},
    {"key": "solution", "title": "Предложить решение"},
]


def s(seconds: float) -> datetime:
    return T0 + timedelta(seconds=seconds)


@pytest.fixture
def checklists(db):
    return ChecklistStore(db, "desk-A")


def test_definitions_by_caller_type_and_language_with_revisions(db, checklists):
    general = checklists.save_definition(key="deesc", language="ru", caller_type="general", title="Деэскалация",
                                         steps=STEPS)
    checklists.save_definition(key="deesc", language="en", caller_type="general", title="De-escalation",
                               steps=STEPS[:1])
    first = checklists.save_definition(key="aggr", language="ru", caller_type="aggressive", title="Агрессия v1",
                                       steps=STEPS[:2])
    second = checklists.save_definition(key="aggr", language="ru", caller_type="aggressive", title="Агрессия",
                                        steps=STEPS)
    assert (first.revision, second.revision) == (1, 2)
    assert [d.title for d in checklists.definitions("ru")] == ["Агрессия", "Деэскалация"]
    assert checklists.definition_for("aggressive", "ru") == second
    assert checklists.definition_for("storyteller", "ru") == general  # falls back to the general one
    assert checklists.definition_for("storyteller", "de") is None
    assert checklists.definition(first.id).title == "Агрессия v1"  # old revisions stay readable
    assert second.step("acknowledge").cue.after_seconds == 10

    with pytest.raises(RuleViolation, match="step 1 has no key"):
        checklists.save_definition(key="bad", language="ru", caller_type="general", title="x", steps=[{}])
    with pytest.raises(RuleViolation, match="unknown caller type 'shouty'"):
        checklists.save_definition(key="bad", language="ru", caller_type="shouty", title="x", steps=STEPS)
    assert len(checklists.definitions("ru")) == 2


def test_a_run_is_saved_with_ticks_and_cues_and_linked_to_its_call(db, checklists):
    definition = checklists.save_definition(key="aggr", language="ru", caller_type="aggressive",
                                            title="Агрессия", steps=STEPS)
    agent = ReferenceStore(db).get_or_create_agent("ivanova")
    calls = InteractionStore(db, "desk-A")
    call = calls.ring("call-1", "+79123456789", agent_id=agent.id, offered_at=T0)

    run = start_run(definition, s(0)).tick("listen", s(12))
    checklists.save_run(run, interaction_id=call.id, agent_id=agent.id)
    assert checklists.run_for_interaction(call.id) == run
    assert calls.checklist_run_id(call.id) == run.id

    # the operator keeps going; saving again updates the same run
    run = run.record_cues(run.due_cues(CallFacts(now=s(40), silence_since=s(25))))
    run = run.tick("acknowledge", s(41)).skip("solution").finish(s(90))
    checklists.save_run(run, interaction_id=call.id, agent_id=agent.id)
    back = checklists.get_run(run.id)
    assert back == run
    assert [(c.key, c.since, c.fired_at) for c in back.cues] == [("acknowledge:silence", s(25), s(40)),
                                                                ("silence", s(25), s(40))]
    with db.session() as session:
        rows = session.scalars(select(RunRow)).all()
    assert len(rows) == 1
    assert (rows[0].agent_id, rows[0].caller_type, rows[0].finished_at) == (agent.id, "aggressive", s(90))
    assert rows[0].steps[0] == {"key": "listen", "done_at": s(12).isoformat(), "skipped": False}

    assert checklists.run_for_interaction(calls.ring("call-2", "").id) is None
    with pytest.raises(NotFoundError):
        checklists.get_run(uuid.uuid4())
    with pytest.raises(NotFoundError, match="no interaction"):
        checklists.save_run(start_run(definition, s(0)), interaction_id=uuid.uuid4())
    with db.session() as session:
        assert len(session.scalars(select(RunRow)).all()) == 1  # the refused save left nothing behind
