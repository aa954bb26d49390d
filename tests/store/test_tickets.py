import re
import uuid
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import func, select

from desktop_agent.core.ports import NotFoundError, RuleViolation, TicketDraft, VersionConflict
from desktop_agent.core.templates import format_datetime
from desktop_agent.store.errors import StaleVersion
from desktop_agent.store.interactions import InteractionStore
from desktop_agent.store.models import ChangeLog, Customer, Ticket, TicketHistory
from desktop_agent.store.reference import ReferenceStore
from desktop_agent.store.tickets import TicketStore

T0 = datetime(2026, 11, 25, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += timedelta(seconds=seconds)


@pytest.fixture
def clock():
    return Clock(T0)


@pytest.fixture
def tickets(db, clock):
    return TicketStore(db, "desk-A", clock=clock)


@pytest.fixture
def agent(db):
    return ReferenceStore(db).get_or_create_agent("ivanova", "Иванова Мария Петровна")


def add_customer(db, name="Петров Пётр") -> uuid.UUID:
    with db.transaction() as s:
        c = Customer(full_name=name)
        s.add(c)
        s.flush()
        return c.id


def count(db, model, *where) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model).where(*where))


def test_create_numbers_the_ticket_sets_sla_and_writes_history_and_change_log(db, tickets, agent):
    customer = add_customer(db)
    t = tickets.create(TicketDraft(subject="  Нет   интернета ", customer_id=customer, priority="high"),
                       agent_id=agent.id)
    assert re.fullmatch(r"2611-[0-9A-HJKMNP-TV-Z]{6}", t.number)
    assert (t.subject, t.status, t.tier, t.version, t.customer_id) == ("Нет интернета", "new", "L1", 1, customer)
    assert t.created_at == T0 and t.sla_due_at == T0 + timedelta(hours=8)
    assert tickets.get(t.id) == t
    assert tickets.by_number(t.number.lower()) == t
    [created] = tickets.history(t.id)
    assert (created.kind, created.new_value, created.agent_id, created.at) == ("created", t.number, agent.id, T0)
    with db.session() as s:
        row = s.scalars(select(ChangeLog).where(ChangeLog.entity == "ticket")).one()
    assert (row.entity, row.entity_id, row.origin) == ("ticket", str(t.id), "desk-A")


def test_bad_drafts_are_refused_with_one_line_reasons(db, tickets):
    with pytest.raises(RuleViolation, match="needs a subject"):
        tickets.create(TicketDraft(subject="   "), agent_id=None)
    with pytest.raises(RuleViolation, match="unknown priority 'asap'"):
        tickets.create(TicketDraft(subject="x", priority="asap"), agent_id=None)
    with pytest.raises(RuleViolation, match="limit is 300"):
        tickets.create(TicketDraft(subject="x" * 301), agent_id=None)
    with pytest.raises(NotFoundError, match="no customer"):
        tickets.create(TicketDraft(subject="x", customer_id=uuid.uuid4()), agent_id=None)
    assert count(db, Ticket) == 0 and count(db, ChangeLog) == 0


def test_number_generator_is_a_parameter_and_a_duplicate_number_is_redrawn(db, clock):
    numbers = iter(["A-1", "A-1", "A-2"])
    store = TicketStore(db, "desk-A", number_factory=lambda _session: next(numbers), clock=clock)
    assert store.create(TicketDraft(subject="one"), agent_id=None).number == "A-1"
    assert store.create(TicketDraft(subject="two"), agent_id=None).number == "A-2"
    assert count(db, Ticket) == 2 and count(db, TicketHistory) == 2


def test_update_fills_the_tickets_own_placeholders_with_the_values_it_is_stored_with(db, tickets, agent):
    t = tickets.create(TicketDraft(subject="Счёт", description="old"), agent_id=agent.id)
    text = "№ {{ticket.number}} до {{ticket.due}}: {{ticket.subject}}; {{customer.name}}"
    t2 = tickets.update(t.id, t.version, {"description": text, "priority": "urgent", "subject": "  Двойной  счёт "},
                        agent_id=agent.id, fill_language="en")
    assert t2.sla_due_at == T0 + timedelta(hours=2)  # the new priority's due time, not the old one
    due = format_datetime(t2.sla_due_at, "en")
    assert t2.description == f"№ {t.number} до {due}: {t2.subject}; {{{{customer.name}}}}"
    history = [h.new_value for h in tickets.history(t.id) if h.field == "description"]
    assert history == [t2.description]  # the history holds what was stored
    # without a language (another client), the text is stored as sent
    t3 = tickets.update(t.id, t2.version, {"description": text}, agent_id=agent.id)
    assert t3.description == text


def test_update_saves_only_changed_fields_each_with_who_when_old_new(db, tickets, agent, clock):
    t = tickets.create(TicketDraft(subject="Счёт", description="old"), agent_id=agent.id)
    clock.advance(60)
    t2 = tickets.update(t.id, t.version, {"subject": "Счёт", "description": "new text", "status": "open",
                                          "priority": "urgent", "assignee_id": str(agent.id)},
                        agent_id=agent.id)
    assert t2.version == 2 and t2.updated_at == T0 + timedelta(seconds=60)
    assert (t2.description, t2.status, t2.priority, t2.assignee_id) == ("new text", "open", "urgent", agent.id)
    assert t2.sla_due_at == T0 + timedelta(hours=2)  # SLA follows the priority, from creation
    changes = [(h.field, h.old_value, h.new_value) for h in tickets.history(t.id) if h.kind == "change"]
    assert changes == [
        ("description", "old", "new text"),
        ("status", "new", "open"),
        ("priority", "normal", "urgent"),
        ("assignee_id", None, str(agent.id)),
        ("sla_due_at", (T0 + timedelta(hours=24)).isoformat(), (T0 + timedelta(hours=2)).isoformat()),
    ]
    assert all(h.agent_id == agent.id and h.at >= T0 + timedelta(seconds=60)
               for h in tickets.history(t.id) if h.kind == "change")
    # saving the same values again is no change: same version, no history, no change_log row
    before = count(db, ChangeLog)
    assert tickets.update(t.id, 2, {"status": "open"}, agent_id=None).version == 2
    assert count(db, ChangeLog) == before


def test_saving_over_a_newer_version_is_refused_and_changes_nothing(db, tickets, clock):
    other_desktop = TicketStore(db, "desk-B", clock=clock)
    t = tickets.create(TicketDraft(subject="Roaming"), agent_id=None)
    other_desktop.update(t.id, 1, {"description": "B was first"}, agent_id=None)
    history_before, log_before = count(db, TicketHistory), count(db, ChangeLog)

    with pytest.raises(StaleVersion) as refused:
        tickets.update(t.id, 1, {"description": "A's long text", "status": "open"}, agent_id=None)
    assert isinstance(refused.value, VersionConflict)  # what the UI catches
    assert str(refused.value) == (f"ticket {t.number} was changed elsewhere (you edited version 1, "
                                  "the database has version 2); reload it before saving")
    assert (refused.value.expected, refused.value.actual) == (1, 2)
    now = tickets.get(t.id)
    assert (now.version, now.description, now.status) == (2, "B was first", "new")
    assert (count(db, TicketHistory), count(db, ChangeLog)) == (history_before, log_before)
    with pytest.raises(VersionConflict):
        tickets.escalate(t.id, 1, "too hard", agent_id=None)
    assert tickets.get(t.id).tier == "L1"


@pytest.mark.parametrize(("path", "bad"), [((), "closed"), (("resolved", "closed"), "open"),
                                           (("pending",), "new")])
def test_invalid_status_transitions_are_refused(db, tickets, path, bad):
    t = tickets.create(TicketDraft(subject="x"), agent_id=None)
    for status in path:
        t = tickets.update(t.id, t.version, {"status": status}, agent_id=None)
    with pytest.raises(RuleViolation, match=f"cannot go from {t.status} to {bad}"):
        tickets.update(t.id, t.version, {"status": bad, "subject": "changed"}, agent_id=None)
    assert tickets.get(t.id) == t


def test_resolving_stamps_resolved_at_and_reopening_clears_it(db, tickets):
    t = tickets.create(TicketDraft(subject="x"), agent_id=None)
    t = tickets.update(t.id, t.version, {"status": "resolved"}, agent_id=None)
    with db.session() as s:
        assert s.get(Ticket, t.id).resolved_at == T0
    tickets.update(t.id, t.version, {"status": "open"}, agent_id=None)
    with db.session() as s:
        assert s.get(Ticket, t.id).resolved_at is None


def test_unknown_fields_and_tier_are_refused(db, tickets):
    t = tickets.create(TicketDraft(subject="x"), agent_id=None)
    with pytest.raises(RuleViolation, match="only by escalation"):
        tickets.update(t.id, 1, {"tier": "L3"}, agent_id=None)
    with pytest.raises(RuleViolation, match="no editable field 'version'"):
        tickets.update(t.id, 1, {"version": 9}, agent_id=None)
    with pytest.raises(RuleViolation, match="not a valid id"):
        tickets.update(t.id, 1, {"assignee_id": "bob"}, agent_id=None)
    assert tickets.get(t.id).version == 1


def test_escalation_needs_a_reason_and_climbs_l1_l2_l3(db, tickets, agent):
    t = tickets.create(TicketDraft(subject="Сбой"), agent_id=None)
    for empty in ("", "   ", None):
        with pytest.raises(RuleViolation, match="needs a reason"):
            tickets.escalate(t.id, t.version, empty, agent_id=agent.id)
    assert tickets.get(t.id) == t
    t = tickets.escalate(t.id, t.version, "нужен инженер", agent_id=agent.id)
    assert (t.tier, t.status, t.version) == ("L2", "escalated", 2)
    t = tickets.escalate(t.id, t.version, "нужен разработчик", agent_id=agent.id)
    assert (t.tier, t.status, t.version) == ("L3", "escalated", 3)
    with pytest.raises(RuleViolation, match="already at L3"):
        tickets.escalate(t.id, t.version, "more", agent_id=agent.id)
    escalations = [(h.old_value, h.new_value, h.comment, h.agent_id)
                   for h in tickets.history(t.id) if h.kind == "escalation"]
    assert escalations == [("L1", "L2", "нужен инженер", agent.id), ("L2", "L3", "нужен разработчик", agent.id)]


def test_a_resolved_ticket_is_not_escalated(db, tickets):
    t = tickets.create(TicketDraft(subject="x"), agent_id=None)
    t = tickets.update(t.id, 1, {"status": "resolved"}, agent_id=None)
    with pytest.raises(RuleViolation, match="reopen it"):
        tickets.escalate(t.id, t.version, "why", agent_id=None)


def test_comments_are_history_and_do_not_make_open_edits_stale(db, tickets, agent, clock):
    t = tickets.create(TicketDraft(subject="x"), agent_id=None)
    clock.advance(5)
    entry = tickets.add_comment(t.id, "  перезвонить в 15:00 ", agent_id=agent.id)
    assert (entry.kind, entry.comment, entry.agent_id) == ("comment", "перезвонить в 15:00", agent.id)
    with pytest.raises(RuleViolation):
        tickets.add_comment(t.id, "  ", agent_id=agent.id)
    assert tickets.get(t.id).version == 1
    assert tickets.update(t.id, 1, {"subject": "y"}, agent_id=None).version == 2
    assert [h.kind for h in tickets.history(t.id)] == ["created", "comment", "change"]


def test_link_to_the_call_at_creation_and_later(db, tickets, agent, clock):
    calls = InteractionStore(db, "desk-A")
    first = calls.ring("call-1", "+79123456789", agent_id=agent.id)
    second = calls.ring("call-2", "89123456789", agent_id=agent.id)
    t = tickets.create(TicketDraft(subject="x", interaction_id=first.id), agent_id=agent.id)
    assert calls.get(first.id).ticket_id == t.id
    clock.advance(1)
    tickets.link_interaction(t.id, second.id, agent_id=agent.id)
    assert calls.get(second.id).ticket_id == t.id
    links = [h.new_value for h in tickets.history(t.id) if h.kind == "link"]
    assert links == [str(first.id), str(second.id)]
    with pytest.raises(NotFoundError, match="no interaction"):
        tickets.link_interaction(t.id, uuid.uuid4(), agent_id=None)


def test_search_a_customers_tickets_case_insensitively_in_cyrillic(db, tickets, clock):
    customer, other = add_customer(db), add_customer(db, "Other")
    made = []
    for subject in ("Нет ИНТЕРНЕТА дома", "Счёт за май", "Роутер"):
        clock.advance(60)
        made.append(tickets.create(TicketDraft(subject=subject, customer_id=customer), agent_id=None))
    tickets.create(TicketDraft(subject="нет интернета", customer_id=other), agent_id=None)
    tickets.update(made[2].id, 1, {"status": "resolved"}, agent_id=None)

    assert [t.subject for t in tickets.search(customer_id=customer)] == ["Роутер", "Счёт за май",
                                                                        "Нет ИНТЕРНЕТА дома"]
    assert [t.subject for t in tickets.search(customer_id=customer, open_only=True)] == [
        "Счёт за май", "Нет ИНТЕРНЕТА дома"]
    assert [t.subject for t in tickets.search(customer_id=customer, text="интернет")] == ["Нет ИНТЕРНЕТА дома"]
    assert [t.subject for t in tickets.search(customer_id=customer, text="СЧЕТ")] == ["Счёт за май"]
    assert [t.id for t in tickets.search(text=made[1].number)] == [made[1].id]
    assert tickets.search(text="100%_") == ()
