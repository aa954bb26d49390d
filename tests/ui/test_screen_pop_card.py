"""The caller card over the real call flow, services and a seeded SQLite file (fake phone only).

Known VIP repeat caller, unknown caller (provisional form, merge suggestion, saving creates the
customer and links the call), a second ringing call as one compact line, a stale answer dropped,
a failed lookup, and a slow lookup that leaves the GUI thread free.
"""

from __future__ import annotations

import threading
import time

import pytest
from desk_fixtures import VIP_NUMBER, VIP_RAW, desk, open_db, seeded_file  # noqa: F401 - fixtures
from operator_harness import until
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from sqlalchemy import select

from desktop_agent.core.dto import ScreenPop
from desktop_agent.crm.screen_pop import ScreenPopService
from desktop_agent.store.models import Customer, CustomerPhone
from desktop_agent.ui.card import card as screen_pop_card

pytestmark = pytest.mark.gui


def ring(desk, raw: str, qloop, queue: str = "support") -> str:  # noqa: F811 - the fixture's name
    call_id = desk.phone.ring(raw, queue=queue)
    qloop.run_until_complete(until(lambda: desk.card.call_id == call_id, what="the card to follow the ring"))
    return call_id


def test_known_vip_repeat_caller(desk, qloop):  # noqa: F811
    card = desk.card
    painted: list[str] = []
    card.pop_painted.connect(painted.append)
    call_id = desk.phone.ring(VIP_RAW, queue="support")
    qloop.run_until_complete(until(lambda: card.call_id == call_id, what="the ring"))
    # the caller ID shows at once, before the lookup answers
    assert card.name.text() in ("+7 916 123-45-67", "Смирнов Пётр Сергеевич")
    qloop.run_until_complete(until(lambda: card.lookup_state == "done", what="the lookup"))
    qloop.run_until_complete(until(lambda: painted == [call_id], what="the card painted"))

    assert card.name.text() == "Смирнов Пётр Сергеевич"
    assert card.vip_badge.isVisible() and card.repeat_badge.isVisible()
    assert "3" in card.repeat_badge.text()  # three calls in the last seven days (the fourth is older)
    assert not card.provisional_badge.isVisible() and not card.contact_form.isVisible()
    assert card.fact_labels["segment"][1].text() == "Corporate"
    assert card.fact_labels["company"][1].text() == "ООО «Ромашка»"
    assert "18:00" in card.fact_labels["notes"][1].text()
    subjects = {card.ticket_model.ticket(r).subject for r in range(card.ticket_model.rowCount())}
    assert subjects == {"Не работает интернет", "Двойное списание"}
    model = card.contacts_model
    assert model.rowCount() == 4
    outcomes = {model.index(r, 2).data() for r in range(4)}
    assert outcomes == {"Information given", "Resolved on the call"}  # titles, not codes
    assert model.index(0, 3).data() == "2:05" and model.index(0, 1).data() == "support"

    opened = []
    card.open_ticket.connect(opened.append)
    card.focus_target().setFocus()
    QTest.keyClick(card.ticket_table, Qt.Key.Key_Down)
    QTest.keyClick(card.ticket_table, Qt.Key.Key_Return)
    assert len(opened) == 1 and opened[0].id == card.ticket_model.ticket(1).id
    qloop.run_until_complete(until(lambda: desk.editor.ticket is not None, what="the ticket in the editor"))
    assert desk.editor.ticket.id == opened[0].id


def test_unknown_caller_gets_a_provisional_contact(desk, qloop):  # noqa: F811
    card, form = desk.card, desk.card.contact_form
    call_id = ring(desk, "+7 (999) 555-44-33", qloop)
    qloop.run_until_complete(until(lambda: card.lookup_state == "done", what="the lookup"))
    assert card.name.text() == "Unknown caller"
    assert form.isVisible() and form.number.text() == "+7 999 555-44-33"
    assert not card.vip_badge.isVisible()

    # a merge suggestion by name: the VIP's surname
    form.name.setFocus()
    QTest.keyClicks(form.name, "Smi")  # ASCII first (QTest types ASCII only), then the Cyrillic name
    form.name.setText("Смирнов Пётр")
    form.name.textEdited.emit(form.name.text())
    qloop.run_until_complete(until(lambda: form.suggestions.rowCount() > 0, what="merge suggestions"))
    names = [s.customer.full_name for s in form.suggestions.suggestions]
    assert "Смирнов Пётр Сергеевич" in names
    assert form.suggestion_list.isVisible() and form.link_button.isEnabled()

    form.language.setCurrentIndex(form.language.findData("en"))
    form.notes.setPlainText("Звонит по поводу подключения")
    form.name.setText("Кузнецова Анна")
    created = []
    card.customer_changed.connect(lambda cid, c: created.append((cid, c)))
    QTest.keyClick(form.name, Qt.Key.Key_Return)  # Enter in the name field saves
    qloop.run_until_complete(until(lambda: created, what="the contact saved"))
    assert created[0][0] == call_id
    customer = created[0][1]
    assert customer.provisional and customer.full_name == "Кузнецова Анна"
    assert card.name.text() == "Кузнецова Анна" and card.provisional_badge.isVisible()
    assert not form.isVisible()

    with desk.db.session() as s:
        row = s.get(Customer, customer.id)
        assert row.provisional and row.language == "en" and row.notes == "Звонит по поводу подключения"
        assert s.scalars(select(CustomerPhone.e164).where(CustomerPhone.customer_id == row.id)).all() \
            == ["+79995554433"]
    desk.settle()
    assert desk.interactions.by_callid(call_id).customer_id == customer.id


ENTER_KEYS = pytest.mark.parametrize(("key", "modifier"), [
    (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier),  # Enter on the number pad
], ids=["return", "keypad-enter"])


@ENTER_KEYS
def test_unknown_caller_linked_to_a_suggested_customer(desk, qloop, key, modifier):  # noqa: F811
    card, form = desk.card, desk.card.contact_form
    call_id = ring(desk, "+7 999 111-22-33", qloop)
    qloop.run_until_complete(until(lambda: card.lookup_state == "done", what="the lookup"))
    form.number.setText(VIP_RAW)  # the caller gives the number the customer is registered with
    form.number.textEdited.emit(form.number.text())
    qloop.run_until_complete(until(lambda: form.suggestions.rowCount() > 0, what="a suggestion by number"))
    first = form.suggestions.suggestions[0]
    assert first.same_number and first.customer.id == desk.vip.id
    form.suggestion_list.setFocus()
    QTest.keyClick(form.suggestion_list, key, modifier)
    qloop.run_until_complete(until(lambda: card.ticket_model.rowCount() == 2, what="the customer's open tickets"))
    assert card.name.text() == desk.vip.full_name and card.vip_badge.isVisible()
    assert desk.interactions.by_callid(call_id).customer_id == desk.vip.id
    with desk.db.session() as s:  # linking created no customer
        assert s.scalars(select(CustomerPhone).where(CustomerPhone.e164 == "+79991112233")).first() is None


def test_bad_number_in_the_form_is_refused_and_kept(desk, qloop):  # noqa: F811
    form = desk.card.contact_form
    ring(desk, "+7 999 777-00-00", qloop)
    qloop.run_until_complete(until(lambda: desk.card.lookup_state == "done", what="the lookup"))
    form.name.setText("Орлов")
    form.number.setText("12ab")
    assert form.save() is False
    assert "not a phone number" in form.message.text() and form.number.text() == "12ab"
    form.message.setText("")
    QTest.keyClick(form.number, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)  # Enter acts as Return
    assert "not a phone number" in form.message.text() and form.number.text() == "12ab"
    with desk.db.session() as s:
        assert s.scalars(select(Customer).where(Customer.full_name == "Орлов")).first() is None


def test_second_ringing_call_is_one_compact_line(desk, qloop):  # noqa: F811
    card = desk.card
    first = ring(desk, VIP_RAW, qloop)
    qloop.run_until_complete(until(lambda: card.lookup_state == "done", what="the first lookup"))
    qloop.run_until_complete(desk.phone.answer(first))
    assert not card.waiting_line.isVisible()
    second = desk.phone.ring("+7 912 000-11-22", queue="sales")
    qloop.run_until_complete(until(lambda: card.waiting_line.isVisible(), what="the compact line"))
    assert "+7 912 000-11-22" in card.waiting_text.text() and "sales" in card.waiting_text.text()
    assert card.call_id == first and card.name.text() == desk.vip.full_name  # the card did not change
    assert card.waiting_line.height() < 3 * card.fontMetrics().height()
    desk.phone.remote_hangup(second)
    qloop.run_until_complete(until(lambda: not card.waiting_line.isVisible(), what="the line to go"))


def test_a_stale_answer_is_dropped(desk, qloop):  # noqa: F811
    card = desk.card
    call_id = ring(desk, VIP_RAW, qloop)
    qloop.run_until_complete(until(lambda: card.lookup_state == "done", what="the lookup"))
    stale = ScreenPop(caller_id_raw="+79990000000", caller_kind="number", caller_number="+79990000000",
                      customer=None)
    desk.flow.screen_pop.emit("an-ended-call", stale)
    assert card.call_id == call_id and card.name.text() == desk.vip.full_name
    desk.phone.remote_hangup(call_id)
    qloop.run_until_complete(until(lambda: card.call_id is None, what="the card to clear"))
    desk.flow.screen_pop.emit(call_id, stale)  # the lookup of a call that has ended
    assert card.call_id is None and card.stack.currentWidget() is card.idle


def test_failed_lookup_says_so_and_keeps_the_raw_caller_id(desk, qloop, tmp_path):  # noqa: F811
    broken = open_db(tmp_path / "missing-dir" / "nowhere.sqlite3")  # the CRM's database is unreachable
    desk.flow.desk.screen_pops = ScreenPopService.over_store(broken)
    ring(desk, "8 (916) 765-43-21", qloop)
    qloop.run_until_complete(until(lambda: desk.card.lookup_state == "partial", what="the failed lookup"))
    status = desk.card.status.text()
    assert desk.card.status.isVisible() and "did not answer" in status and "8 (916) 765-43-21" in status
    assert "+7 916 765-43-21" in desk.card.number.text()
    assert not desk.card.contact_form.isVisible()  # no new contact that may duplicate a real one


def test_slow_lookup_leaves_the_gui_free(desk, qloop, monkeypatch):  # noqa: F811
    monkeypatch.setattr(screen_pop_card, "SLOW_LOOKUP_MS", 100)
    gate = threading.Event()
    real = desk.flow.screen_pops

    class GatedLookup:  # the real lookup, held back until the test lets it go
        def lookup(self, raw):  # noqa: ANN001
            gate.wait(10)
            return real.lookup(raw)

    desk.flow.desk.screen_pops = GatedLookup()
    desk.card._slow.setInterval(100)
    call_id = ring(desk, VIP_RAW, qloop)
    assert desk.card.name.text() == "+7 916 123-45-67" and desk.card.lookup_state == "looking"
    # the GUI thread keeps running timers while the lookup is blocked on its worker
    qloop.run_until_complete(until(lambda: desk.card.lookup_state == "slow", what="the 'still looking' note"))
    assert "Still looking" in desk.card.status.text()
    gate.set()
    qloop.run_until_complete(until(lambda: desk.card.lookup_state == "done", what="the late answer"))
    assert desk.card.call_id == call_id and desk.card.name.text() == desk.vip.full_name


def test_card_rows_are_models_not_widgets(desk, qloop):  # noqa: F811
    ring(desk, VIP_RAW, qloop)
    qloop.run_until_complete(until(lambda: desk.card.lookup_state == "done", what="the lookup"))
    assert desk.card.ticket_table.indexWidget(desk.card.ticket_model.index(0, 0)) is None
    assert desk.card.ticket_model.rowCount(desk.card.ticket_model.index(0, 0)) == 0
    assert desk.card.ticket_model.data(QModelIndex()) is None


def test_language_switch_mid_call_keeps_what_was_typed(desk, qloop, qapp):  # noqa: F811
    from desktop_agent.ui.kit.i18n import Translations

    card, form = desk.card, desk.card.contact_form
    ring(desk, "+7 999 888-77-66", qloop)
    qloop.run_until_complete(until(lambda: card.lookup_state == "done", what="the lookup"))
    form.name.setText("Орлова Мария")
    form.notes.setPlainText("Перезвонить после обеда")
    translations = Translations(qapp)
    try:
        assert translations.install("ru")
        qapp.processEvents()
        assert card.name.text() == "Неизвестный абонент" and card.title() == "Абонент"
        assert form.save_button.text() == "Сохранить контакт"
        assert form.name.text() == "Орлова Мария" and form.notes.toPlainText() == "Перезвонить после обеда"
    finally:
        translations.install("en")
        qapp.processEvents()
    assert card.name.text() == "Unknown caller" and form.name.text() == "Орлова Мария"


def test_a_long_display_name_on_the_second_call_does_not_widen_the_card(desk, qloop):  # noqa: F811
    card = desk.card
    first = ring(desk, VIP_RAW, qloop)
    qloop.run_until_complete(until(lambda: card.lookup_state == "done", what="the first lookup"))
    qloop.run_until_complete(desk.phone.answer(first))
    width = card.minimumSizeHint().width()
    name = "Отдел закупок ООО «Северо-Западная логистическая компания» " * 6
    desk.phone.ring("+7 912 000-11-22", queue="sales", display_name=name)
    qloop.run_until_complete(until(lambda: card.waiting_line.isVisible(), what="the compact line"))
    assert card.waiting_text.text().startswith("Second call ringing: Отдел закупок")
    assert "sales" in card.waiting_text.text() and name.strip() in card.waiting_text.toolTip()
    assert card.minimumSizeHint().width() <= max(width, 400)  # was ~1,800 px: the dock grew with the name
    assert card.waiting_line.height() < 3 * card.fontMetrics().height()


def test_keypad_enter_opens_the_ticket(desk, qloop):  # noqa: F811
    card = desk.card
    ring(desk, VIP_RAW, qloop)
    qloop.run_until_complete(until(lambda: card.lookup_state == "done", what="the lookup"))
    opened = []
    card.open_ticket.connect(opened.append)
    card.focus_target().setFocus()
    QTest.keyClick(card.ticket_table, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    assert [t.id for t in opened] == [card.ticket_model.ticket(0).id]
    QTest.keyClick(card.ticket_table, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert len(opened) == 1  # Shift+Enter is not 'open'


def test_long_notes_leave_the_open_tickets_in_sight(desk, qloop):  # noqa: F811
    from desktop_agent.core.dto import PhoneDTO
    from desktop_agent.core.ports import TicketDraft
    from desktop_agent.store.customers import NewCustomer, create_customer

    notes = "Клиент просил не звонить до 10 утра. " * 300 + "КОНЕЦ"
    customer = create_customer(desk.db, NewCustomer(full_name="Орлова Мария", phones=(PhoneDTO("+79035550011"),),
                                                    notes=notes))
    desk.tickets.create(TicketDraft(subject="Не приходит счёт", customer_id=customer.id), agent_id=desk.agent.id)
    card = desk.card
    ring(desk, "+7 903 555-00-11", qloop)
    qloop.run_until_complete(until(lambda: card.lookup_state == "done", what="the lookup"))
    shown = card.fact_labels["notes"][1]
    assert shown.text().startswith("Клиент просил") and shown.text().endswith("…") and len(shown.text()) < 400
    assert "Клиент просил не звонить" in shown.toolTip() and "КОНЕЦ" not in shown.text()
    assert card.ticket_table.isVisible()
    top = card.ticket_table.mapTo(card.page, card.ticket_table.rect().topLeft()).y()
    assert top + card.ticket_table.height() <= card.scroll.viewport().height()  # no scrolling to find it


def whole(tooltip: str) -> str:
    """A tooltip's text without the invisible break points that let it wrap on screen."""
    return tooltip.replace("\u200b", "")


def test_long_unbroken_words_never_widen_the_card(desk, qloop):  # noqa: F811
    """A SIP URI as caller ID, a 300-character token as name and company: shortened with '…' where
    shown (whole in the tooltip and in text()), the card's content stays inside a 1366x768 dock."""
    from desktop_agent.core.dto import PhoneDTO
    from desktop_agent.core.ports import TicketDraft
    from desktop_agent.store.customers import NewCustomer, create_customer

    card = desk.card
    dock_width = card.minimum_width  # the caller dock's width in the window at 1366x768
    card.resize(dock_width, 700)
    uri = "sip:" + "operator-queue-overflow-" * 8 + "x@pbx.example.org"
    token = "Ж" * 300
    company = "ООО_" + "Северо_Западная_Логистическая_" * 8
    customer = create_customer(desk.db, NewCustomer(full_name=token, company=company,
                                                    phones=(PhoneDTO("+79035550011"),), notes="Заметка: " + "y" * 150))
    desk.tickets.create(TicketDraft(subject="Z" * 300, customer_id=customer.id), agent_id=desk.agent.id)

    def fits(what: str) -> None:
        qloop.run_until_complete(until(lambda: not card.scroll.horizontalScrollBar().isVisible(),
                                       what=f"no sideways scrolling ({what})", timeout=2))
        page = card.page
        assert page.minimumSizeHint().width() <= dock_width, what
        # the contact form of any unknown caller asks ~340 px (and takes less): long words add nothing
        assert page.sizeHint().width() <= dock_width + 30, what
        assert card.minimumSizeHint().width() <= dock_width and card.sizeHint().width() <= dock_width + 30, what
        assert page.width() <= card.scroll.viewport().width(), what

    # ringing: the display name and the raw caller ID before the lookup answers
    desk.lookup_runner.submit(time.sleep, 0.3)  # the lookup answers a little later
    call_id = desk.phone.ring(uri, display_name=token)
    qloop.run_until_complete(until(lambda: card.call_id == call_id, what="the ring"))
    assert card.name.text() == token  # whole: what the card was given
    assert "…" in QLabel.text(card.name) and token in whole(card.name.toolTip())  # shown shortened
    fits("ringing")
    qloop.run_until_complete(until(lambda: card.lookup_state == "done", what="the lookup"))
    assert uri in card.number.text()
    assert uri in whole(card.number.toolTip())
    fits("unknown caller")
    qloop.run_until_complete(desk.phone.hangup(call_id))
    desk.flow.set_disposition("info_provided")
    desk.flow.go_ready()
    qloop.run_until_complete(until(lambda: desk.flow.current is None, what="Ready again"))

    # a known customer whose name and company are one word each
    ring(desk, "+7 903 555-00-11", qloop)
    qloop.run_until_complete(until(lambda: card.lookup_state == "done", what="the lookup"))
    assert card.name.text() == token and token in whole(card.name.toolTip())
    assert "\u200b" in card.name.toolTip()  # break points: the tooltip wraps on screen instead of running off it
    company_value = card.fact_labels["company"][1]
    assert company_value.text().startswith(company[:150]) and company in whole(company_value.toolTip())
    assert card.ticket_table.isVisible() and card.ticket_model.rowCount() == 1
    fits("known customer")
    card.resize(dock_width + 200, 700)  # wider again: more of each word is shown, still no scrolling
    fits("wider")
