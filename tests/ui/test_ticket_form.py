"""The ticket form on its own: its fields line up, and what it shows is what it hands back."""

from __future__ import annotations

import uuid

import pytest
from PySide6.QtCore import QPoint

from desktop_agent.ui.ticket.form import SUBJECT_MAX, TicketForm

pytestmark = pytest.mark.gui

ME = uuid.uuid4()


def right_edge(widget, form) -> int:
    return widget.mapTo(form, QPoint(widget.width(), 0)).x()


def left_edge(widget, form) -> int:
    return widget.mapTo(form, QPoint(0, 0)).x()


@pytest.fixture
def form(qtbot):
    form = TicketForm()
    qtbot.addWidget(form)
    form.set_values({"subject": "Нет интернета", "customer_id": None, "category": "technical",
                     "priority": "normal", "status": "new", "assignee_id": ME, "description": "Текст"},
                    stored_status="new", tier="L1", customer_text="Смирнов Пётр", agents={None: "—", ME: "Я"},
                    draft=False)
    form.set_use_caller(False)
    form.resize(800, 520)
    form.show()
    qtbot.waitExposed(form)
    return form


def test_the_subject_ends_where_the_description_ends(form):
    # it used to stop 12 px short: an empty character counter and its spacing sat beside it
    assert left_edge(form.subject, form) == left_edge(form.description, form)
    assert right_edge(form.subject, form) == right_edge(form.description, form)
    assert left_edge(form.category, form) == left_edge(form.subject, form)


def test_the_counter_shows_near_the_limit_only(form, qtbot):
    form.subject.setText("x" * (SUBJECT_MAX - 10))
    qtbot.waitUntil(lambda: form.subject_count.isVisible())
    assert form.subject_count.text() == f"{SUBJECT_MAX - 10}/{SUBJECT_MAX}"
    assert right_edge(form.subject_count, form) == right_edge(form.description, form)
    form.subject.setText("Коротко")
    assert not form.subject_count.isVisible()
    qtbot.waitUntil(lambda: right_edge(form.subject, form) == right_edge(form.description, form))


def test_an_assignee_read_back_from_the_database_is_shown_as_assigned(form):
    # the stored ticket's id is an equal UUID, not the same object: it must still select 'me'
    same_agent = uuid.UUID(str(ME))
    form.set_agents({None: "—", ME: "Я"}, same_agent)
    assert form.assignee.currentText() == "Я" and form.values()["assignee_id"] == ME
