"""The card's and the editor's models without any view (the rules they show are tested in tests/unit/test_ticket_rules.py)."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

import pytest
from PySide6.QtCore import QModelIndex, Qt

from desktop_agent.core.dto import Badges, CustomerDTO, InteractionDTO, PhoneDTO, ScreenPop, TicketDTO
from desktop_agent.core.ports import TicketHistoryEntry
from desktop_agent.ui.card.model import (
    LastContactsModel,
    SuggestionsModel,
    badges_of,
    caller_number_of,
    contact_seconds,
    rank_suggestions,
)
from desktop_agent.ui.ticket.models import TicketHistoryModel, TicketListModel, span_text

pytestmark = pytest.mark.gui  # Qt models (no widgets), with the test's QApplication

T0 = datetime(2026, 3, 2, 9, 0, tzinfo=UTC)
Display = Qt.ItemDataRole.DisplayRole


def ticket(subject: str = "Нет интернета", *, status: str = "open", tier: str = "L1", hours: int = 24,
           number: str = "2603-ABCDEF") -> TicketDTO:
    return TicketDTO(id=uuid.uuid4(), number=number, customer_id=None, subject=subject, description="",
                     category="technical", priority="normal", status=status, tier=tier, assignee_id=None,
                     created_at=T0, updated_at=T0, sla_due_at=T0 + timedelta(hours=hours), version=1)


def call(minutes_ago: int, *, disposition: str | None = "info_provided", talk: int | None = 125,
         queue: str = "support") -> InteractionDTO:
    offered = T0 - timedelta(minutes=minutes_ago)
    answered = offered + timedelta(seconds=10) if talk is not None else None
    ended = (answered + timedelta(seconds=talk)) if answered is not None else offered + timedelta(seconds=40)
    return InteractionDTO(id=uuid.uuid4(), callid=f"c{minutes_ago}", direction="inbound", caller_id_raw="+79161234567",
                          caller_number="+79161234567", customer_id=None, queue=queue, agent_id=None,
                          offered_at=offered, answered_at=answered, ended_at=ended, hold_seconds=0,
                          wrapup_seconds=0, disposition=disposition, ticket_id=None)


def customer(name: str, number: str = "+79160000001", vip: bool = False) -> CustomerDTO:
    return CustomerDTO(id=uuid.uuid4(), full_name=name, phones=(PhoneDTO(number),), vip=vip)


# ---- words -----------------------------------------------------------------------------------

def test_spans():
    assert span_text(3 * 3600 + 5 * 60) == "3 h 5 min"
    assert span_text(-(26 * 3600)) == "1 d 2 h"
    assert span_text(59) == "0 min"


# ---- card models -----------------------------------------------------------------------------

def test_ticket_list_model(qapp):
    now = T0 + timedelta(hours=20)
    model = TicketListModel(columns=("number", "subject", "status", "sla"), clock=lambda: now)
    rows = [ticket("Нет интернета", hours=24), ticket("Двойное списание", tier="L2", status="escalated", hours=8)]
    model.set_tickets(rows)
    assert (model.rowCount(), model.columnCount()) == (2, 4)
    assert model.rowCount(model.index(0, 0)) == 0  # a table, not a tree
    assert [model.headerData(i, Qt.Orientation.Horizontal) for i in range(4)] == ["No.", "Subject", "Status", "SLA"]
    assert model.index(0, 1).data() == "Нет интернета"
    assert model.index(0, 3).data() == "4 h 0 min"
    assert model.index(1, 2).data() == "Escalated · L2"
    assert model.index(1, 3).data() == "−12 h 0 min"
    assert "SLA: overdue by 12 h 0 min" in model.index(1, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert model.index(1, 0).data(TicketListModel.TicketRole) is rows[1]
    amber, red = model.index(0, 3).data(Qt.ItemDataRole.ForegroundRole), model.index(1, 3).data(
        Qt.ItemDataRole.ForegroundRole)
    assert amber is not None and red is not None and amber != red
    assert model.index(5, 0).data() is None and model.data(QModelIndex()) is None


def test_last_contacts_model(qapp):
    model = LastContactsModel()
    rows = [call(10), call(60, disposition=None, talk=None), call(90, disposition="odd_code")]
    model.set_contacts(rows)
    assert model.rowCount() == 3 and model.columnCount() == 4
    assert model.index(0, 2).data() == "Info provided"  # before the titles arrive: the code, readable
    changed = []
    model.dataChanged.connect(lambda a, b, _r: changed.append((a.row(), b.row(), a.column())))
    model.set_disposition_titles({"info_provided": "Information given"})
    assert changed == [(0, 2, 2)]  # only the outcome column repaints
    assert model.index(0, 2).data() == "Information given"
    assert model.index(0, 3).data() == "2:05" and model.index(0, 1).data() == "support"
    assert model.index(1, 2).data() == "Missed" and model.index(1, 3).data() == "—"
    assert model.index(2, 2).data() == "Odd code"
    assert contact_seconds(rows[0]) == 125 and contact_seconds(rows[1]) is None


def test_suggestions_are_ranked_and_explained(qapp):
    same_number = customer("Петров Иван", "+79161234567")
    both = customer("Смирнов Пётр", "+79161234567", vip=True)
    by_name = customer("Смирнова Анна", "+79990000000")
    ranked = rank_suggestions([same_number, both], [both, by_name])
    assert [s.customer for s in ranked] == [both, same_number, by_name]
    model = SuggestionsModel()
    model.set_suggestions(ranked)
    assert model.rowCount() == 3
    first = model.index(0, 0).data(Display)
    assert first.startswith("★ Смирнов Пётр") and "same number and name" in first
    assert "similar name" in model.index(2, 0).data(Display)
    assert model.index(1, 0).data(SuggestionsModel.CustomerRole) is same_number
    assert len(rank_suggestions([customer(f"N{i}") for i in range(20)], [], limit=8)) == 8


def test_badges_and_caller_number():
    pop = ScreenPop(caller_id_raw="8 916 123 45 67", caller_kind="number", caller_number="+79161234567",
                    customer=CustomerDTO(id=uuid.uuid4(), full_name="X", vip=True, provisional=True),
                    badges=Badges(vip=True, repeat_caller=True, contacts_last_7_days=4))
    b = badges_of(pop)
    assert (b.vip, b.repeat, b.contacts_7_days, b.provisional) == (True, True, 4, True)
    assert caller_number_of("8 (916) 123-45-67") == "+79161234567"
    assert caller_number_of("anonymous") is None


# ---- history ---------------------------------------------------------------------------------

def test_history_model_says_what_happened(qapp):
    agent = uuid.uuid4()
    tid = uuid.uuid4()

    def entry(kind, field=None, old=None, new=None, comment=None, who=agent):  # noqa: ANN001, ANN202
        return TicketHistoryEntry(id=uuid.uuid4(), ticket_id=tid, at=T0, agent_id=who, kind=kind, field=field,
                                  old_value=old, new_value=new, comment=comment)

    rows = [entry("created", "number", None, "2603-ABCDEF", "Нет интернета"),
            entry("change", "status", "new", "open"),
            entry("change", "priority", "normal", "urgent", who=None),
            entry("escalation", "tier", "L1", "L2", "Нужен инженер"),
            entry("comment", comment="Перезвонит"),
            entry("link", "interaction", None, str(uuid.uuid4())),
            entry("change", "assignee_id", None, str(agent))]
    model = TicketHistoryModel()
    model.set_history(rows, {agent: "Ирина Иванова"})
    assert model.rowCount() == 7 and model.columnCount() == 3
    texts = [model.index(r, 2).data() for r in range(7)]
    assert texts[0] == "Created ticket 2603-ABCDEF: Нет интернета"
    assert texts[1] == "Status: New → Open"
    assert texts[3] == "Escalated L1 → L2. Reason: Нужен инженер"
    assert texts[4] == "Comment: Перезвонит"
    assert texts[5] == "Linked to a call"
    assert texts[6] == "Assignee: — → Ирина Иванова"
    assert model.index(0, 1).data() == "Ирина Иванова" and model.index(2, 1).data() == "system"
    assert model.index(0, 0).data()  # a local time, in the interface language's format
