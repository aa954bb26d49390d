"""The conflict checklist pane over real services: caller types, ticks with their time into the
call (an injected clock), keeping ticks across a switch, calm cues on a long hold, phrases that
insert templates, and the run saved and linked to the call's interaction in the database."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime, timedelta

import pytest
from desk_fixtures import build_seeded_file
from operator_harness import FakeSoftphone, until
from PySide6.QtCore import QEvent, QLocale, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMainWindow

from desktop_agent.app import build_window
from desktop_agent.core.call_session import CallSession, CallState, ManualClock
from desktop_agent.core.checklist import CallFacts
from desktop_agent.store.checklists import ChecklistStore
from desktop_agent.store.database import Database, make_engine, parse_url
from desktop_agent.store.defaults import load_defaults
from desktop_agent.store.interactions import InteractionStore
from desktop_agent.store.reference import ReferenceStore
from desktop_agent.store.templates import TemplateStore
from desktop_agent.ui.checklist.model import ChecklistModel
from desktop_agent.ui.checklist.pane import ChecklistPane, facts_from_session
from desktop_agent.ui.kit.qt_bridge import ServiceRunner
from desktop_agent.ui.shell.about_dialog import AboutInfo
from desktop_agent.ui.shell.actions import ActionRegistry
from desktop_agent.ui.shell.settings import UiSettings
from desktop_agent.ui.templates.pane import TemplatesPane

pytestmark = pytest.mark.gui

T0 = datetime(2024, 3, 1, 9, 0, tzinfo=UTC)


class Clock:
    def __init__(self) -> None:
        self.now = T0

    def __call__(self) -> datetime:
        return self.now

    def at(self, seconds: float) -> datetime:
        self.now = T0 + timedelta(seconds=seconds)
        return self.now


@pytest.fixture(scope="module")
def seeded_file(tmp_path_factory):
    return build_seeded_file(tmp_path_factory, "checklist", customers=10, tickets=3, interactions=5, agents=2)


def make_pane(qtbot, db: Database, clock: Clock):
    agent = ReferenceStore(db, "t").get_or_create_agent("op.petrova", "Анна Петрова")
    runner = ServiceRunner("db")
    window = QMainWindow()
    pane = ChecklistPane(ChecklistStore(db, "t"), TemplateStore(db, "t"), runner, agent_id=agent.id, clock=clock)
    window.setCentralWidget(pane)
    registry = ActionRegistry(window)
    pane.register_actions(registry)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: pane.model.rowCount() > 0 and not runner.pending, timeout=5000)
    return pane, registry, runner, agent


@pytest.fixture
def env(qtbot, seeded_file, tmp_path, russian):
    path = tmp_path / "db.sqlite3"
    shutil.copy(seeded_file, path)
    db = Database(make_engine(parse_url(f"sqlite:///{path}")))
    clock = Clock()
    pane, registry, runner, agent = make_pane(qtbot, db, clock)
    yield pane, registry, db, clock, agent
    runner.shutdown(wait=True)
    db.dispose()


def keys(pane: ChecklistPane) -> list[str]:
    return [pane.model.index(r).data(ChecklistModel.KeyRole) for r in range(pane.model.rowCount())]


def test_caller_type_loads_its_variant_in_the_interface_language(env, qtbot):
    pane, *_ = env
    assert pane.model.definition.caller_type == "general" and pane.model.definition.language == "ru"
    assert pane.model.index(0).data() == "Выслушать, не перебивая"
    assert pane.caller_type.count() == 5
    assert pane.set_caller_type("storyteller")
    assert keys(pane)[:2] == ["listen", "steer_closed_question"]
    assert pane.caller_type.currentData() == "storyteller"
    assert "Многословный" in pane.model.definition.title
    assert pane.current_run() is None and not pane.model.flags(pane.model.index(0)) & Qt.ItemFlag.ItemIsUserCheckable

    QLocale.setDefault(QLocale(QLocale.Language.English))  # what Translations.install does, then:
    QApplication.sendEvent(pane, QEvent(QEvent.Type.LanguageChange))
    qtbot.waitUntil(lambda: pane.model.definition.language == "en", timeout=5000)
    assert pane.model.index(0).data() == "Listen without interrupting"
    assert pane.caller_type.currentData() == "storyteller"


def test_ticking_records_the_time_into_the_call(env, qtbot):
    pane, registry, db, clock, _agent = env
    notices: list[str] = []
    pane.notice.connect(notices.append)
    pane.toggle_number(1)
    assert pane.current_run() is None and notices  # no call: nothing to record

    pane.call_started("call-1", answered_at=clock.at(0))
    clock.at(12)
    registry.get("checklist.tick.1").trigger()  # Ctrl+1
    run = pane.current_run()
    assert run.tick_of("listen").done_at == T0 + timedelta(seconds=12)
    assert pane.model.index(0).data(ChecklistModel.TimeRole) == "00:12"
    assert pane.steps.currentIndex().row() == 1  # the next step is where Space goes

    clock.at(75)
    pane.steps.setFocus()
    QTest.keyClick(pane.steps, Qt.Key.Key_Space)
    assert pane.current_run().tick_of("acknowledge").done_at == T0 + timedelta(seconds=75)
    assert pane.model.index(1).data(ChecklistModel.TimeRole) == "01:15"
    assert pane.current_run().progress.done == 2 and pane.progress.value() == 2

    pane.steps.setCurrentIndex(pane.model.index(1))
    QTest.keyClick(pane.steps, Qt.Key.Key_Space)  # Space again: untick
    assert not pane.current_run().tick_of("acknowledge").done
    assert pane.model.index(1).data(ChecklistModel.TimeRole) == ""

    # saved as the operator goes, so a crash loses nothing
    qtbot.waitUntil(lambda: not pane.db.pending, timeout=5000)
    stored = ChecklistStore(db, "t").get_run(pane.current_run().id)
    assert stored.tick_of("listen").done_at == T0 + timedelta(seconds=12) and not stored.tick_of("acknowledge").done


@pytest.mark.parametrize(("key", "modifier"), [
    (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier),  # Enter on the number pad
], ids=["return", "keypad-enter"])
def test_enter_ticks_the_current_step_and_inserts_the_current_phrase(env, qtbot, key, modifier):
    pane, _registry, _db, clock, _agent = env
    pane.call_started("call-1", answered_at=clock.at(0))
    clock.at(9)
    pane.steps.setFocus()
    QTest.keyClick(pane.steps, key, modifier)
    QTest.keyClick(pane.steps, key, modifier)  # the next step is current after a tick: Enter, Enter
    run = pane.current_run()
    assert run.tick_of("listen").done_at == T0 + timedelta(seconds=9) and run.tick_of("acknowledge").done
    QTest.keyClick(pane.steps, key, modifier | Qt.KeyboardModifier.ShiftModifier)  # Shift+Enter ticks nothing
    assert pane.current_run().progress.done == 2

    asked: list[str] = []
    pane.phrase_requested.connect(asked.append)
    pane.steps.setCurrentIndex(pane.model.index(pane.model.row_of("offer_solution")))
    qtbot.waitUntil(lambda: pane.phrases.count() == 2, timeout=5000)
    pane.phrases.setFocus()
    pane.phrases.setCurrentRow(1)
    QTest.keyClick(pane.phrases, key, modifier)
    assert asked == [pane.phrases.item(1).data(pane.phrases.KEY_ROLE)]


def test_switching_caller_type_keeps_matching_ticks_or_asks(env, qtbot):
    pane, registry, _db, clock, _agent = env
    pane.call_started("call-1", answered_at=clock.at(0))
    clock.at(5)
    pane.toggle_step("listen")
    clock.at(30)
    pane.toggle_step("acknowledge")

    assert pane.set_caller_type("aggressive")
    run = pane.current_run()
    assert run.caller_type == "aggressive" and keys(pane)[1] == "set_boundary"
    assert run.tick_of("listen").done_at == T0 + timedelta(seconds=5)
    assert run.tick_of("acknowledge").done_at == T0 + timedelta(seconds=30)
    clock.at(40)
    registry.get("checklist.tick.2").trigger()  # Ctrl+2: "set a calm boundary"
    assert pane.current_run().tick_of("set_boundary").done

    assert not pane.set_caller_type("storyteller")  # storyteller has no boundary step: ask first
    assert pane.switch_bar.isVisible() and "Спокойно обозначить границу" in pane.switch_bar.text.text()
    assert pane.current_run().caller_type == "aggressive" and pane.caller_type.currentData() == "aggressive"
    pane.cancel_switch()
    assert not pane.switch_bar.isVisible() and pane.current_run().tick_of("set_boundary").done

    pane.set_caller_type("storyteller")
    pane.switch_yes.click()
    run = pane.current_run()
    assert run.caller_type == "storyteller" and "set_boundary" not in keys(pane)
    assert run.tick_of("listen").done_at == T0 + timedelta(seconds=5)


def test_a_hold_over_a_minute_raises_a_calm_cue(env, qtbot):
    pane, _registry, _db, _clock, _agent = env
    clock = ManualClock(start=T0)
    pane._clock = clock.wall  # the pane and the call share one hand-driven clock
    session = CallSession("call-7", "+79161234567", monotonic=clock.monotonic, wall=clock.wall)
    session.on_established()
    pane.call_started(session.call_id, session.answered_at)
    clock.advance(20)
    session.on_held()
    clock.advance(59)
    pane.update_facts(facts_from_session(session, clock.wall()))
    assert pane.current_run().cues == () and not pane.cue_banner.isVisible()

    clock.advance(2)  # 61 s on hold
    pane.update_facts(facts_from_session(session, clock.wall()))
    cues = pane.current_run().cues
    assert [(c.kind, c.step_key) for c in cues] == [("hold", "offer_solution")]  # one banner, not two
    assert cues[0].since == T0 + timedelta(seconds=20) and cues[0].fired_at == T0 + timedelta(seconds=81)
    assert pane.cue_banner.isVisible() and "удержании больше минуты" in pane.cue_text
    assert pane.model.index(pane.model.row_of("offer_solution")).data(ChecklistModel.CuedRole)
    assert not pane.steps.hasFocus() or pane.steps.currentIndex().row() != pane.model.row_of("offer_solution")

    clock.advance(30)
    pane.update_facts(facts_from_session(session, clock.wall()))
    assert len(pane.current_run().cues) == 1  # once per hold, however long it lasts

    session.on_resumed()
    pane.update_facts(facts_from_session(session, clock.wall()))
    assert not pane.cue_banner.isVisible()  # its reason is over: it goes by itself
    session.on_held()
    clock.advance(61)
    pane.update_facts(facts_from_session(session, clock.wall()))
    assert len(pane.current_run().cues) == 2 and pane.cue_banner.isVisible()
    QTest.keyClick(pane, Qt.Key.Key_Escape)
    assert not pane.cue_banner.isVisible() and len(pane.current_run().cues) == 2
    assert facts_from_session(None, clock.wall()) is None


def test_a_phrase_inserts_its_template_through_the_templates_pane(env, qtbot):
    pane, _registry, db, _clock, agent = env
    templates = TemplatesPane(TemplateStore(db, "t"), pane.db, agent=agent)
    qtbot.addWidget(templates)
    inserted: list[str] = []
    templates.insert_requested.connect(inserted.append)
    pane.phrase_requested.connect(templates.insert_template)
    pane.steps.setCurrentIndex(pane.model.index(pane.model.row_of("offer_solution")))
    qtbot.waitUntil(lambda: pane.phrases.count() == 2 and pane.phrases.item(0).text()[0] in "“«", timeout=5000)
    assert pane.phrases.item(0).text() in ("“Конкретное решение”", "«Конкретное решение»")
    assert pane.hint.text().startswith("Предложите")

    item = pane.phrases.item(0)
    QTest.mouseClick(pane.phrases.viewport(), Qt.MouseButton.LeftButton,
                     pos=pane.phrases.visualItemRect(item).center())
    qtbot.waitUntil(lambda: len(inserted) == 1, timeout=5000)
    assert inserted[0] == templates.filled(TemplateStore(db, "t").get("deesc_offer_solution", "ru"))
    assert inserted[0].startswith("Вот что я могу сделать")
    QTest.mouseDClick(pane.phrases.viewport(), Qt.MouseButton.LeftButton,
                      pos=pane.phrases.visualItemRect(item).center())
    qtbot.wait(50)
    assert len(inserted) == 1  # a double click right after is not a second insert


def test_the_run_is_saved_and_linked_to_the_interaction(qtbot, db, russian):
    load_defaults(db)
    clock = Clock()
    pane, _registry, runner, agent = make_pane(qtbot, db, clock)
    interactions = InteractionStore(db, "t")
    call = interactions.ring("call-42", "+79161234567", agent_id=agent.id, offered_at=clock.at(0))
    quiet = interactions.ring("call-43", "+79161234568", agent_id=agent.id, offered_at=clock.at(0))
    saved: list = []
    pane.run_saved.connect(saved.append)

    pane.call_started("call-42", answered_at=clock.at(3))
    pane.set_caller_type("aggressive")
    clock.at(10)
    pane.toggle_step("listen")
    clock.at(50)
    pane.toggle_step("set_boundary")
    held = clock.at(60)
    pane.update_facts(CallFacts(now=clock.at(125), hold_since=held, talk_since=T0 + timedelta(seconds=3)))
    closing = pane.current_run()
    future = pane.finish(call.id)
    future.result(10)
    qtbot.waitUntil(lambda: bool(saved), timeout=5000)
    assert pane.current_run() is None and pane.caller_type.currentData() == "general"  # ready for the next call

    stored = ChecklistStore(db, "t").run_for_interaction(call.id)
    assert stored.id == closing.id and stored.caller_type == "aggressive"
    assert stored.tick_of("listen").done_at == T0 + timedelta(seconds=10)
    assert stored.tick_of("set_boundary").done_at == T0 + timedelta(seconds=50)
    assert not stored.tick_of("acknowledge").done
    assert [(c.kind, c.since) for c in stored.cues] == [("hold", held)]
    assert stored.started_at == T0 + timedelta(seconds=3) and stored.finished_at == T0 + timedelta(seconds=125)

    pane.call_started("call-43", answered_at=clock.at(200))  # a call without trouble: nothing to keep
    assert pane.finish(quiet.id) is None
    runner.flush()
    assert ChecklistStore(db, "t").run_for_interaction(quiet.id) is None
    runner.shutdown(wait=True)


def test_the_window_runs_the_checklist_through_a_whole_call(qtbot, qloop, services):
    """Through app.build_window: answer, Ctrl+1, hang up, disposition, Ready: the run is linked."""
    phone = FakeSoftphone()
    parts = build_window(services=services, softphone=phone, settings=UiSettings(), save_settings=lambda: None,
                         on_language=lambda _l: None, on_theme=lambda _t: None,
                         about=AboutInfo("test", "fake", "ui-settings.json"), backend_label="fake")
    qtbot.addWidget(parts.window)
    parts.window.show()
    parts.flow.start(ready=True)
    checklist = next(p for p in parts.panes if isinstance(p, ChecklistPane))
    registry, flow = parts.window.registry, parts.flow

    async def scenario() -> str:
        await phone.start()
        call_id = phone.ring("+79161234567")
        await until(lambda: flow.current is not None and flow.interaction_id(call_id) is not None)
        registry.get("call.answer").trigger()
        await until(lambda: checklist.current_run() is not None, what="the run to start on answer")
        registry.get("checklist.tick.1").trigger()
        registry.get("call.hangup").trigger()
        await until(lambda: flow.current.state is CallState.WRAPUP)
        flow.set_disposition("resolved_first_contact")
        registry.get("agent.ready").trigger()
        await until(lambda: flow.current is None, what="wrap-up stored")
        return call_id

    try:
        call_id = qloop.run_until_complete(scenario())
        qtbot.waitUntil(lambda: checklist.last_run is not None and not parts.db_runner.pending, timeout=5000)
        interaction = services.interactions.by_callid(call_id)
        stored = ChecklistStore(services.db, "t").run_for_interaction(interaction.id)
        assert stored is not None and stored.tick_of("listen").done and stored.finished_at is not None
    finally:
        parts.flow.stop()
        parts.db_runner.shutdown(wait=True)
        parts.lookup_runner.shutdown(wait=True)


def test_the_words_are_russian_with_the_russian_catalogue(env, qapp):
    from desktop_agent.ui.kit.i18n import Translations

    pane, *_ = env
    translations = Translations(qapp)
    try:
        assert translations.install("ru")
        qapp.processEvents()  # LanguageChange is posted to every widget
        assert pane.title() == "Чек-лист конфликта"
        words = [pane.caller_type.itemText(i) for i in range(pane.caller_type.count())]
        assert "Агрессивный" in words and "Завышенные ожидания" in words
        assert pane.switch_yes.text() == "Переключить"
    finally:
        translations.install("en")
        qapp.processEvents()
    assert pane.title() == "Conflict checklist" and pane.caller_type.itemText(1) == "Aggressive"
