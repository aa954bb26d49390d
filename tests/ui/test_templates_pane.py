"""The templates pane over real services on a real SQLite file: search as you type (Cyrillic, any
case), categories, the preview with the caller's data, hostile template text, insert and copy,
favourites on Alt+1..9 and the keyboard."""

from __future__ import annotations

import shutil

import pytest
from desk_fixtures import build_seeded_file
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QGuiApplication, QKeyEvent, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop_agent.core.dto import PhoneDTO
from desktop_agent.core.ports import TicketDraft
from desktop_agent.store.customers import NewCustomer, create_customer
from desktop_agent.store.database import Database, make_engine, parse_url
from desktop_agent.store.reference import ReferenceStore
from desktop_agent.store.templates import TemplateStore
from desktop_agent.store.tickets import TicketStore
from desktop_agent.ui.kit.qt_bridge import ServiceRunner
from desktop_agent.ui.shell.actions import ActionRegistry
from desktop_agent.ui.templates.pane import TemplatesPane
from desktop_agent.ui.templates.preview import PREVIEW_CHARS, preview_html

pytestmark = pytest.mark.gui


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory):
    return build_seeded_file(tmp_path_factory, "templates", customers=20, tickets=5, interactions=10, agents=2)


class CountingTemplates(TemplateStore):
    """The real store; it only counts searches, to show the debounce."""

    searches = 0

    def search(self, *args, **kwargs):  # noqa: ANN002, ANN003
        self.searches += 1
        return super().search(*args, **kwargs)


@pytest.fixture
def env(qtbot, seeded_file, tmp_path, russian):
    path = tmp_path / "db.sqlite3"
    shutil.copy(seeded_file, path)
    db = Database(make_engine(parse_url(f"sqlite:///{path}")))
    agent = ReferenceStore(db, "t").get_or_create_agent("op.ivanova", "Ирина Иванова")
    templates = CountingTemplates(db, "t")
    runner = ServiceRunner("db")
    window = QMainWindow()
    pane = TemplatesPane(templates, runner, agent=agent, company_name="Телеком-Сервис")
    window.setCentralWidget(pane)
    registry = ActionRegistry(window)
    pane.register_actions(registry)
    qtbot.addWidget(window)
    window.show()
    inserted: list[str] = []
    notices: list[str] = []
    pane.insert_requested.connect(inserted.append)
    pane.notice.connect(notices.append)
    settle(qtbot, pane)
    yield pane, registry, templates, db, agent, inserted, notices
    runner.shutdown(wait=True)
    db.dispose()


def settle(qtbot, pane: TemplatesPane) -> None:
    qtbot.waitUntil(lambda: not pane.searching and not pane.db.pending, timeout=5000)


def type_text(widget, text: str) -> None:
    """Key events carrying text, one per character (QTest.keyClicks only knows ASCII)."""
    for ch in text:
        for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
            QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))


def search(qtbot, pane: TemplatesPane, text: str) -> list[str]:
    pane.search.clear()
    type_text(pane.search, text)
    settle(qtbot, pane)
    return [t.title for t in pane.model.templates]


def select(pane: TemplatesPane, key: str) -> None:
    row = pane.model.row_of(key)
    assert row >= 0, key
    pane.list.setCurrentIndex(pane.model.index(row))


def test_search_as_you_type_finds_russian_in_any_case(env, qtbot):
    pane, _registry, templates, *_ = env
    assert pane.model.rowCount() > 30  # the empty query lists everything
    before = templates.searches
    titles = search(qtbot, pane, "ДВОЙНОЕ СПИСАНИЕ")
    assert titles[0] == "Двойное списание"
    assert templates.searches - before == 1  # 16 keystrokes, one search after the pause
    assert all("списан" in (t.title + t.body + " ".join(t.tags)).lower() for t in pane.model.templates)
    assert len(search(qtbot, pane, "УдЕрЖаНи")) >= 2  # mixed case; body and tags count too
    assert all("удержани" in (t.title + t.body + " ".join(t.tags)).lower() for t in pane.model.templates)
    assert any("удержани" not in t.title.lower() for t in pane.model.templates)
    assert search(qtbot, pane, "ёлки-палки нет такого") == []
    assert pane.empty.isVisible() and "ёлки-палки" in pane.empty.text()


def test_category_filter(env, qtbot):
    pane, *_ = env
    index = pane.category.findData("billing")
    assert index > 0 and pane.category.itemData(0) is None
    pane.category.setCurrentIndex(index)
    settle(qtbot, pane)
    assert pane.model.rowCount() >= 3
    assert {t.category for t in pane.model.templates} == {"billing"}
    pane.category.setCurrentIndex(0)
    settle(qtbot, pane)
    assert len({t.category for t in pane.model.templates}) > 3


def test_preview_fills_customer_ticket_and_agent(env, qtbot):
    pane, _registry, _templates, db, agent, inserted, _notices = env
    search(qtbot, pane, "")
    select(pane, "greeting_callback")
    assert set(pane.rendered.missing) == {"customer.first_name", "ticket.number"}
    assert pane.warnings.isVisible() and "ticket.number" in pane.warnings.text()
    customer = create_customer(db, NewCustomer(full_name="Смирнов Пётр Сергеевич", phones=(PhoneDTO("+79161234567"),)))
    ticket = TicketStore(db, "t").create(TicketDraft(subject="Нет интернета", customer_id=customer.id),
                                         agent_id=agent.id)
    pane.set_customer(customer)
    pane.set_ticket(ticket)
    text = pane.preview.toPlainText()
    assert "Пётр" in text and "Ирина" in text and "Телеком-Сервис" in text and ticket.number in text
    assert "{{" not in text and pane.rendered.complete and not pane.warnings.isVisible()
    pane.insert_selected()
    assert inserted == [text]


def test_hostile_template_text_is_shown_as_text(env, qtbot):
    pane, _registry, templates, _db, _agent, inserted, _notices = env
    hostile = ("Здравствуйте, {{customer.name}}! {{__class__}} {{ customer.__init__.__globals__ }} {0.__globals__} "
               "{{{{agent.name}}}} <b>жирный</b><script>alert(1)</script> {{customer.name")
    templates.save(key="zz_hostile", language="ru", category="closing", title="Hostile", body=hostile)
    templates.save(key="zz_huge", language="ru", category="closing", title="Huge",
                   body="{{agent.first_name}} " + "x" * 1_000_000 + " {{nope}}")
    search(qtbot, pane, "hostile")
    select(pane, "zz_hostile")
    shown = pane.preview.toPlainText()
    assert "{{__class__}}" in shown and "{0.__globals__}" in shown and "<b>жирный</b><script>" in shown
    assert "{{customer.name" in shown  # the unclosed one stays as typed
    assert "Ирина Иванова" in shown  # the inner {{agent.name}} is filled, the outer braces stay
    assert set(pane.rendered.unknown) == {"__class__", "customer.__init__.__globals__"}
    assert "__class__" in pane.warnings.text()
    assert "<script>" not in pane.preview.toHtml() and "&lt;script&gt;" in pane.preview.toHtml()
    pane.insert_selected()
    assert inserted[-1].startswith("Здравствуйте, {{customer.name}}! {{__class__}}")  # no customer yet

    search(qtbot, pane, "huge")
    select(pane, "zz_huge")
    assert PREVIEW_CHARS - 10 <= len(pane.preview.toPlainText()) <= PREVIEW_CHARS + 100  # not 1 MB
    assert pane.preview.toPlainText().startswith("Ирина ")
    assert "beginning" in pane.warnings.text() or "начало" in pane.warnings.text()
    pane.insert_selected()
    assert len(inserted[-1]) > 1_000_000 and inserted[-1].endswith("{{nope}}")


def test_values_are_never_read_as_variables(qapp):
    page, rendered, cut = preview_html("Hi {{customer.name}}, {{agent.name}}", {"customer.name": "{{agent.name}}"},
                                       QPalette())
    assert rendered.missing == ("agent.name",) and not rendered.unknown and not cut
    assert page.count("{{agent.name}}") == 2  # the customer's odd name, and the real missing variable
    assert page.count("font-weight:600") == 1  # only the real one is flagged


def test_keyboard_insert_copy_and_focus(env, qtbot):
    pane, registry, _templates, _db, _agent, inserted, notices = env
    registry.get("templates.find").trigger()
    assert pane.search.hasFocus()
    type_text(pane.search, "доставк")
    settle(qtbot, pane)
    first = pane.selected()
    QTest.keyClick(pane.search, Qt.Key.Key_Down)
    second = pane.selected()
    assert second is not None and second.key != first.key and pane.search.hasFocus()
    QTest.keyClick(pane.search, Qt.Key.Key_Up)
    QTest.keyClick(pane.search, Qt.Key.Key_Return)
    assert inserted == [pane.filled(first)]
    registry.get("templates.insert").trigger()
    assert len(inserted) == 2
    registry.get("templates.copy").trigger()
    assert QGuiApplication.clipboard().text() == pane.filled(first)
    assert notices and first.title in notices[-1]
    QTest.keyClick(pane.search, Qt.Key.Key_Escape)
    assert pane.search.text() == ""


def test_favourites_on_number_keys(env, qtbot):
    pane, registry, templates, _db, agent, inserted, notices = env
    search(qtbot, pane, "двойное списание")
    select(pane, pane.model.templates[0].key)
    key = pane.selected().key
    pane.assign_favourite(3)
    qtbot.waitUntil(lambda: pane.model.slot_of(key) == 3, timeout=5000)
    assert templates.favourites(agent.id, "ru")[3].key == key
    registry.get("templates.favourite.3").trigger()
    assert inserted == [pane.filled(pane.model.favourite(3))]

    menu = pane.pin_menu()  # Alt+0's menu: digits pick the slot
    slots = [a for a in menu.actions() if a.text().startswith("&")]
    assert [a.text()[:2] for a in slots] == [f"&{n}" for n in range(1, 10)] + ["&0"]
    assert slots[2].isChecked()
    slots[6].trigger()  # "&7": the template moves from Alt+3 to Alt+7
    qtbot.waitUntil(lambda: pane.model.slot_of(key) == 7, timeout=5000)
    assert set(templates.favourites(agent.id, "ru")) == {7}

    registry.get("templates.favourite.4").trigger()
    assert len(inserted) == 1 and "Alt+4" in notices[-1]
    pane.search.clear()
    settle(qtbot, pane)
    assert pane.model.templates[0].key == key  # favourites first when nothing is typed
    pane.assign_favourite(None)
    qtbot.waitUntil(lambda: pane.model.slot_of(key) is None, timeout=5000)
    assert templates.favourites(agent.id, "ru") == {}


def test_a_phrase_key_inserts_through_the_same_signal(env, qtbot):
    pane, _registry, _templates, _db, _agent, inserted, notices = env
    search(qtbot, pane, "двойное")
    pane.insert_template("deesc_acknowledge_emotion")  # not among the results: fetched
    qtbot.waitUntil(lambda: len(inserted) == 1, timeout=5000)
    assert "{{" not in inserted[0] or "customer" in inserted[0]
    pane.insert_template("no_such_template")
    qtbot.waitUntil(lambda: bool(notices), timeout=5000)
    assert "no_such_template" in notices[-1]


def test_without_an_editor_the_text_goes_to_the_clipboard(env, qtbot):
    pane, _registry, _templates, _db, _agent, inserted, notices = env
    pane.insert_requested.disconnect()
    search(qtbot, pane, "двойное списание")
    pane.insert_selected()
    assert QGuiApplication.clipboard().text() == pane.filled(pane.selected())
    assert notices


def test_enter_right_after_typing_inserts_what_was_typed_for(env, qtbot):
    """Enter within the search pause waits for the answer: it never inserts the template the
    previous query had highlighted (here: the first of the whole list)."""
    pane, _registry, _templates, _db, _agent, inserted, _notices = env
    unfiltered_first = pane.selected()
    pane.search.setFocus()
    type_text(pane.search, "двойное списание")
    QTest.keyClick(pane.search, Qt.Key.Key_Return)  # before the debounce has even started the search
    assert inserted == [] and pane.searching
    settle(qtbot, pane)
    assert len(inserted) == 1
    assert pane.selected().title == "Двойное списание" and pane.selected().key != unfiltered_first.key
    assert inserted[0] == pane.filled(pane.selected())

    # typing on after Enter means the operator changed their mind: nothing is inserted for it
    type_text(pane.search, "x")
    QTest.keyClick(pane.search, Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier)
    type_text(pane.search, "y")
    settle(qtbot, pane)
    assert len(inserted) == 1


def test_a_pasted_page_does_not_widen_the_pane(env, qtbot):
    pane, *_ = env
    width = pane.minimumSizeHint().width()
    pane.search.setText("ёлкипалки" * 300)  # 2,700 characters, no space to wrap at
    settle(qtbot, pane)
    assert pane.empty.isVisible() and pane.empty.text().count("ё") < 10 and "…" in pane.empty.text()
    assert pane.minimumSizeHint().width() <= width + 40


def test_a_long_favourite_title_keeps_the_number_key_menu_readable(env, qtbot):
    pane, _registry, templates, _db, agent, _inserted, _notices = env
    templates.save(key="zz_long_title", language="ru", category="closing", title="Очень" + "о" * 180 + " длинно",
                   body="Текст")
    search(qtbot, pane, "оооооооооо")
    select(pane, "zz_long_title")
    pane.assign_favourite(2)
    qtbot.waitUntil(lambda: pane.model.slot_of("zz_long_title") == 2, timeout=5000)
    menu = pane.pin_menu()
    assert menu.actions()[1].text().startswith("&2   Оч") and "…" in menu.actions()[1].text()
    assert menu.sizeHint().width() < 600


def test_each_search_answer_draws_the_preview_once(env, qtbot):
    # A 20,000-character template takes tens of milliseconds to preview on the GUI thread: a search
    # answer (and an empty one) must draw it once, not once per signal that says so.
    pane = env[0]
    drawn: list[int] = []
    pane.finder.current_changed.connect(lambda: drawn.append(1))
    assert search(qtbot, pane, "спасибо")
    assert len(drawn) == 1
    drawn.clear()
    assert search(qtbot, pane, "zzzz-nothing") == []
    assert len(drawn) == 1 and pane.finder.selected() is None
