"""The wrap-up pane on its own, over the real call flow and reference data (fake phone only): it
comes to the front from behind the checklist's tab when a call ends, the disposition list shows
that it has the keyboard (the theme's focus ring), and Enter (Return or the number pad's) picks the highlighted disposition."""

from __future__ import annotations

import pytest
from operator_harness import FakeSoftphone, until
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget, QLabel, QMainWindow
from window_fixtures import window_1366  # noqa: F401 - a fixture

from desktop_agent.core.call_session import CallState
from desktop_agent.ui.call.flow import CallFlow
from desktop_agent.ui.call.wrapup import WrapupPane
from desktop_agent.ui.kit.qt_bridge import ServiceRunner
from desktop_agent.ui.shell.theme import apply_theme

pytestmark = pytest.mark.gui


@pytest.fixture
def desk(qtbot, qloop, qapp, sqlite_services):
    apply_theme(qapp, "light")  # as app.py does: the theme marks the focused widget
    services = sqlite_services
    phone = FakeSoftphone()
    db_runner, lookup_runner = ServiceRunner("db"), ServiceRunner("lookup")
    flow = CallFlow(softphone=phone, interactions=services.interactions, screen_pops=services.screen_pops,
                    queue_log=services.write_queue_log, agent=services.agent, db_runner=db_runner,
                    lookup_runner=lookup_runner)
    pane = WrapupPane(flow, services.reference, db_runner, on_auto_ready=lambda _on: None)
    window = QMainWindow()
    window.setCentralWidget(QLabel("ticket editor"))
    docks = {}
    for name, widget in (("pane.checklist", QLabel("checklist")), ("pane.wrapup", pane)):
        dock = QDockWidget(name, window, objectName=name)
        dock.setWidget(widget)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        docks[name] = dock
    window.tabifyDockWidget(docks["pane.checklist"], docks["pane.wrapup"])
    docks["pane.checklist"].raise_()  # as in the window: the checklist is in front during a call
    qtbot.addWidget(window)
    window.resize(1000, 600)
    window.show()
    assert QTest.qWaitForWindowActive(window)
    flow.start(ready=True)
    qloop.run_until_complete(phone.start())
    qloop.run_until_complete(until(lambda: pane.list.count() > 0, what="dispositions"))
    yield pane, flow, phone, docks
    flow.stop()
    db_runner.shutdown(wait=True)
    lookup_runner.shutdown(wait=True)


def frame_colour(widget) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(0, image.height() // 2)


@pytest.mark.parametrize(("key", "modifier"), [
    (Qt.Key.Key_Return, Qt.KeyboardModifier.NoModifier),
    (Qt.Key.Key_Enter, Qt.KeyboardModifier.KeypadModifier),
], ids=["return", "keypad-enter"])
def test_hang_up_reveals_wrapup_and_enter_picks_the_highlighted_disposition(desk, qloop, key, modifier):
    pane, flow, phone, docks = desk
    phone.ring("+79161234567")
    qloop.run_until_complete(until(lambda: flow.current is not None, what="the ring"))
    flow.answer()
    qloop.run_until_complete(until(lambda: flow.current.state is CallState.TALKING, what="answer"))
    assert docks["pane.wrapup"].visibleRegion().isEmpty()  # behind the checklist's tab
    edge_before = frame_colour(pane.list)

    flow.hangup()
    qloop.run_until_complete(until(lambda: flow.current.state is CallState.WRAPUP, what="hang up"))
    assert not docks["pane.wrapup"].visibleRegion().isEmpty() and pane.list.hasFocus()
    highlight = pane.palette().color(QPalette.ColorRole.Highlight)
    assert frame_colour(pane.list) == highlight != edge_before  # the frame says where the keys go

    pane.list.setCurrentRow(1, QItemSelectionModel.SelectionFlag.NoUpdate)  # highlighted, not chosen
    assert flow.current.disposition is None
    QTest.keyClick(pane.list, key, modifier)
    assert flow.current.disposition == pane.list.item(1).data(Qt.ItemDataRole.UserRole)
    assert pane.finish.isEnabled()


def test_every_disposition_is_on_screen_at_768_during_wrapup(window_1366, qloop, qtbot):  # noqa: F811
    parts, phone = window_1366
    window, flow = parts.window, parts.flow
    pane = next(p for p in parts.panes if isinstance(p, WrapupPane))
    templates = window.docks["pane.templates"]
    qloop.run_until_complete(phone.start())
    flow.start(ready=True)
    qloop.run_until_complete(until(lambda: pane.list.count() == 11, what="the dispositions"))
    call_id = phone.ring("+79161234567")
    qloop.run_until_complete(until(lambda: flow.current is not None, what="the ring"))
    qloop.run_until_complete(phone.answer(call_id))
    qloop.run_until_complete(until(lambda: flow.current.state is CallState.TALKING, what="answer"))
    QTest.qWait(50)
    during_call = templates.height()

    window.registry.get("call.hangup").trigger()
    qloop.run_until_complete(until(lambda: flow.current.state is CallState.WRAPUP, what="hang up"))
    view = pane.list.viewport().rect()
    qtbot.waitUntil(lambda: all(view.contains(pane.list.visualItemRect(pane.list.item(r)))
                                for r in range(pane.list.count())), timeout=3000)
    assert pane.list.verticalScrollBar().value() == 0 and pane.list.hasFocus()
    assert templates.height() < during_call  # the templates lent the rows; they are not needed now
    QTest.keyClick(pane.list, Qt.Key.Key_9)
    ninth = pane.list.item(8)
    assert ninth.isSelected() and view.contains(pane.list.visualItemRect(ninth))
    assert flow.current.disposition == ninth.data(Qt.ItemDataRole.UserRole)

    window.registry.get("agent.ready").trigger()
    qloop.run_until_complete(until(lambda: flow.current is None or flow.current.state is not CallState.WRAPUP,
                                   what="Ready"))
    qtbot.waitUntil(lambda: templates.height() == during_call, timeout=3000)  # given back
