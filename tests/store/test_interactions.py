import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from desktop_agent.core.ports import NotFoundError, RuleViolation, TicketDraft
from desktop_agent.store.interactions import RAW_MAX, InteractionStore
from desktop_agent.store.models import ChangeLog, Customer, Interaction
from desktop_agent.store.reference import ReferenceStore
from desktop_agent.store.tickets import TicketStore

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


@pytest.fixture
def calls(db):
    return InteractionStore(db, "desk-A", clock=lambda: T0 + timedelta(minutes=10))


@pytest.fixture
def reference(db):
    ref = ReferenceStore(db)
    ref.save_disposition("resolved", title_ru="Решено", title_en="Resolved", position=1)
    ref.save_disposition("ticket", title_ru="Заявка", title_en="Ticket created", requires_ticket=True, position=2)
    ref.save_disposition("old", title_ru="Старый", title_en="Old", active=False)
    return ref


def test_a_call_from_ring_to_wrap_up(db, calls, reference):
    agent = reference.get_or_create_agent("ivanova")
    with db.transaction() as s:
        customer = Customer(full_name="Петров Пётр")
        s.add(customer)
        s.flush()
        customer_id = customer.id
    rang = calls.ring("a84b4c76e66710", "8 (912) 345-67-89", queue="support", agent_id=agent.id,
                      customer_id=customer_id, offered_at=T0)
    assert (rang.caller_id_raw, rang.caller_number, rang.customer_id, rang.queue) == (
        "8 (912) 345-67-89", "+79123456789", customer_id, "support")
    assert (rang.offered_at, rang.answered_at, rang.ended_at, rang.direction) == (T0, None, None, "inbound")

    assert calls.answered(rang.id, T0 + timedelta(seconds=12)).answered_at == T0 + timedelta(seconds=12)
    assert calls.answered(rang.id, T0 + timedelta(seconds=99)).answered_at == T0 + timedelta(seconds=12)
    calls.add_hold(rang.id, 30)
    assert calls.add_hold(rang.id, 45).hold_seconds == 75
    ended = calls.ended(rang.id, T0 + timedelta(seconds=300))
    assert ended.ended_at == T0 + timedelta(seconds=300)
    done = calls.wrap_up(rang.id, disposition="resolved", wrapup_seconds=40, notes="объяснил тариф")
    assert (done.disposition, done.wrapup_seconds, done.notes) == ("resolved", 40, "объяснил тариф")
    assert done.ended_at == ended.ended_at  # wrap-up does not move the end of the call

    assert calls.get(rang.id) == done
    assert calls.by_callid("a84b4c76e66710") == done
    assert calls.by_callid("nope") is None
    assert calls.for_agent(agent.id, T0) == (done,)
    assert calls.for_agent(agent.id, T0 + timedelta(seconds=1)) == ()
    with db.session() as s:
        entities = s.scalars(select(ChangeLog.entity).where(ChangeLog.entity_id == str(rang.id))).all()
    assert entities == ["interaction"] * 7  # ring, 2x answered, 2x hold, ended, wrap-up


def test_garbage_caller_ids_are_kept_truncated_never_refused(db, calls):
    garbage = "\x00<script>" + "Ж" * 600 + "\ud800"
    rang = calls.ring("c" * 300, garbage)
    assert rang.caller_number is None
    assert len(rang.caller_id_raw) == RAW_MAX and rang.caller_id_raw.startswith("<script>ЖЖ")
    assert len(rang.callid) == 128
    assert calls.by_callid("c" * 300) == rang  # looked up the way it was stored
    assert calls.ring("x", "anonymous").caller_number is None
    assert calls.ring("y", "sip:+79123456789@pbx.example").caller_number == "+79123456789"
    # a customer id from a stale screen-pop does not lose the call
    assert calls.ring("z", "+79123456789", customer_id=uuid.uuid4()).customer_id is None


def test_wrap_up_needs_a_known_active_disposition_and_loses_nothing(db, calls, reference):
    rang = calls.ring("call-1", "+79123456789")
    calls.ended(rang.id)
    before = calls.get(rang.id)
    for code, reason in (("", "disposition is required"), ("nonsense", "unknown disposition code 'nonsense'"),
                         ("old", "unknown disposition code 'old'"),
                         ("ticket", "'ticket' needs a ticket linked")):
        with pytest.raises(RuleViolation, match=reason):
            calls.wrap_up(rang.id, disposition=code, wrapup_seconds=10, notes="keep me")
    with pytest.raises(RuleViolation, match="cannot be negative"):
        calls.wrap_up(rang.id, disposition="resolved", wrapup_seconds=-1)
    with pytest.raises(RuleViolation, match="cannot be negative"):
        calls.add_hold(rang.id, -5)
    assert calls.get(rang.id) == before

    ticket = TicketStore(db, "desk-A").create(TicketDraft(subject="x"), agent_id=None)
    calls.link_ticket(rang.id, ticket.id)
    assert calls.wrap_up(rang.id, disposition="ticket", wrapup_seconds=10).ticket_id == ticket.id


def test_links_to_unknown_rows_are_refused(db, calls):
    rang = calls.ring("call-1", "+79123456789")
    with pytest.raises(NotFoundError, match="no ticket"):
        calls.link_ticket(rang.id, uuid.uuid4())
    with pytest.raises(NotFoundError, match="no checklist run"):
        calls.link_checklist_run(rang.id, uuid.uuid4())
    with pytest.raises(NotFoundError, match="no interaction"):
        calls.answered(uuid.uuid4())
    with pytest.raises(RuleViolation, match="unknown call direction"):
        calls.ring("x", "1", direction="sideways")
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Interaction)) == 1
