"""The caller card's last contacts, model without a view: outcomes read as headings (a capital first
letter, in both languages), and a date shows its year only when it is not this year."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime

import pytest
from PySide6.QtCore import QLocale

from desktop_agent.core.dto import InteractionDTO
from desktop_agent.ui.card.model import (
    LastContactsModel,
    date_format_without_year,
    sentence_start,
)
from desktop_agent.ui.kit.i18n import Translations

pytestmark = pytest.mark.gui

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


def contact(offered: datetime, *, answered: bool = True, ended: bool = True, disposition: str | None = None
            ) -> InteractionDTO:
    return InteractionDTO(id=uuid.uuid4(), callid=f"c-{offered:%j%H%M}", direction="inbound",
                          caller_id_raw="+79161234567", caller_number="+79161234567", customer_id=None,
                          queue="support", agent_id=None, offered_at=offered,
                          answered_at=offered if answered else None, ended_at=offered if ended else None,
                          hold_seconds=0, wrapup_seconds=0, disposition=disposition, ticket_id=None)


def local(moment: datetime) -> datetime:
    return moment.astimezone().replace(tzinfo=None)


CONTACTS = (
    contact(datetime(2026, 11, 24, 15, 2, tzinfo=UTC), disposition="info_provided"),
    contact(datetime(2026, 3, 5, 9, 41, tzinfo=UTC), answered=False),
    contact(datetime(2025, 12, 30, 18, 5, tzinfo=UTC), disposition="wrong_number"),  # a code without a title
    contact(datetime(2026, 11, 25, 11, 50, tzinfo=UTC), ended=False),
    contact(datetime(2024, 6, 1, 10, 0, tzinfo=UTC)),
)


@pytest.fixture
def model(qapp):
    model = LastContactsModel(clock=lambda: NOW)
    model.set_disposition_titles({"info_provided": "Information given"})
    model.set_contacts(CONTACTS)
    return model


def column(model: LastContactsModel, c: int) -> list[str]:
    return [model.index(r, c).data() for r in range(model.rowCount())]


def test_outcomes_start_with_a_capital_letter(model, qapp):
    assert column(model, 2) == ["Information given", "Missed", "Wrong number", "In progress", "No outcome"]
    translations = Translations(qapp)
    try:
        assert translations.install("ru")
        model.set_contacts(CONTACTS)  # the words are made when the rows are set
        assert column(model, 2)[1:] == ["Пропущен", "Wrong number", "Идёт", "Без итога"]
    finally:
        translations.install("en")


def test_the_year_is_shown_only_when_it_is_not_this_year(model, qapp):
    translations = Translations(qapp)
    try:
        assert translations.install("ru")
        model.set_contacts(CONTACTS)
        first, second, third, _fourth, fifth = column(model, 0)
        assert first == f"{local(CONTACTS[0].offered_at):%d.%m %H:%M}"  # '24.11 15:02': this year
        assert second == f"{local(CONTACTS[1].offered_at):%d.%m %H:%M}"
        assert third == f"{local(CONTACTS[2].offered_at):%d.%m.%Y %H:%M}"  # last year: with the year
        assert fifth == f"{local(CONTACTS[4].offered_at):%d.%m.%Y %H:%M}"
    finally:
        translations.install("en")
    model.set_contacts(CONTACTS)
    this_year, last_year = column(model, 0)[0], column(model, 0)[2]
    assert this_year.count("/") == 1 and this_year.startswith("11/2")  # English: 11/24 3:02 PM
    assert last_year.count("/") == 2 and "/25 " in last_year            # 12/30/25 6:05 PM


@pytest.mark.parametrize(("pattern", "without"), [
    ("dd.MM.yyyy HH:mm", "dd.MM HH:mm"),
    ("M/d/yy h:mm\u202fAp", "M/d h:mm\u202fAp"),
    ("dd/MM/yyyy HH:mm", "dd/MM HH:mm"),
    ("yyyy/MM/dd H:mm", "MM/dd H:mm"),
    ("yyyy-MM-dd", "MM-dd"),
    ("d MMM yyyy", "d MMM"),
    ("HH:mm", "HH:mm"),                 # no date in it: unchanged
])
def test_a_locale_format_without_its_year(pattern, without):
    assert date_format_without_year(pattern) == without


def test_every_shipped_language_keeps_day_and_month():
    for language in (QLocale.Language.Russian, QLocale.Language.English):
        pattern = QLocale(language).dateTimeFormat(QLocale.FormatType.ShortFormat)
        left = date_format_without_year(pattern)
        assert "y" not in left and "d" in left and "M" in left


def test_sentence_start():
    assert [sentence_start(w) for w in ("missed", "пропущен", "", "ёж", "Already")] == [
        "Missed", "Пропущен", "", "Ёж", "Already"]
