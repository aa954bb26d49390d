"""An unknown number whose caller ID carries a name (CNAM, a SIP display name): the card keeps the name
on screen and the provisional contact form starts with it, for the operator to confirm or correct.
A display name that is no name (a number, 'anonymous', a SIP address) pre-fills nothing."""

from __future__ import annotations

import pytest
from desk_fixtures import desk, seeded_file  # noqa: F401 - fixtures
from operator_harness import until
from sqlalchemy import select

from desktop_agent.store.models import Customer
from desktop_agent.ui.card.model import NAME_FROM_CALLER_ID_CHARS, name_from_caller_id

UNKNOWN = "+7 (999) 555-44-33"


@pytest.mark.parametrize(("display_name", "name"), [
    ("  Сергей   Иванов ", "Сергей Иванов"),
    ('"Ivanov Sergei"', "Ivanov Sergei"),
    ("ООО «Ромашка»", "ООО «Ромашка»"),
    ("«Ромашка»", "Ромашка"),
    ("Office 2", "Office 2"),
    ("+79995554433", ""),
    ("8 (999) 555-44-33", ""),
    ("anonymous", ""),
    ("Anonymous", ""),
    ("UNKNOWN", ""),
    ("Неизвестный", ""),
    ("WIRELESS CALLER", ""),
    ("sip:agent@127.0.0.1", ""),
    ("ivanov@example.org", ""),
    ("12345 A", ""),
    ("", ""),
    ("x" * 300, ""),        # one token too long to be a name
    ("\u202eИван\x00", "Иван"),  # control and direction characters dropped
])
def test_which_display_names_look_like_a_name(display_name, name):
    assert name_from_caller_id(display_name) == name


def test_a_long_display_name_is_cut_at_a_word():
    long = " ".join(["Константинопольский"] * 10)
    name = name_from_caller_id(long)
    assert len(name) <= NAME_FROM_CALLER_ID_CHARS and name.endswith("Константинопольский")
    assert long.startswith(name)


def ring(desk, qloop, display_name: str) -> str:  # noqa: F811 - the fixture's name
    call_id = desk.phone.ring(UNKNOWN, queue="support", display_name=display_name)
    qloop.run_until_complete(until(lambda: desk.card.call_id == call_id and desk.card.lookup_state == "done",
                                   what="the lookup"))
    return call_id


@pytest.mark.gui
def test_the_caller_id_name_stays_on_the_card_and_starts_the_form(desk, qloop):  # noqa: F811
    card, form = desk.card, desk.card.contact_form
    call_id = ring(desk, qloop, "  Орлова   Мария ")
    assert card.name.text() == "Unknown caller"  # the CRM does not know the number
    assert card.number.text().startswith("Орлова Мария  ·  +7 999 555-44-33")
    assert form.isVisible() and form.name.text() == "Орлова Мария" and form.number.text() == "+7 999 555-44-33"
    assert card.focus_target() is form.name  # the operator confirms or corrects it at once

    form.name.setText("Орлова Мария Ивановна")  # corrected by the operator
    assert form.save()
    qloop.run_until_complete(until(lambda: card.pop is not None and card.pop.customer is not None,
                                   what="the contact saved"))
    with desk.db.session() as s:
        names = s.scalars(select(Customer.full_name).where(Customer.full_name.like("Орлова%"))).all()
    assert names == ["Орлова Мария Ивановна"]
    assert desk.flow.current.call_id == call_id


@pytest.mark.gui
@pytest.mark.parametrize("display_name", ["+79995554433", "anonymous", "sip:999@pbx.local"])
def test_a_display_name_that_is_no_name_prefills_nothing(desk, qloop, display_name):  # noqa: F811
    card, form = desk.card, desk.card.contact_form
    ring(desk, qloop, display_name)
    assert form.isVisible() and form.name.text() == ""
    assert card.number.text().startswith("+7 999 555-44-33")
