"""The call bar at 1366 px: a caller's name too long for the room before the timer is cut with '…',
and the whole of it is in the tooltip; a name that fits is shown whole."""

from __future__ import annotations

import pytest
from operator_harness import until
from PySide6.QtCore import QPoint
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QLabel
from window_fixtures import window_1366  # noqa: F401 - a fixture

pytestmark = pytest.mark.gui

LONG_NAME = ("Общество с ограниченной ответственностью «Константинопольский-Щедрин и партнёры — "
             "Северо-Западный региональный филиал по обслуживанию корпоративных клиентов»")


def shown(label: QLabel) -> str:
    """What the label paints (its text() is the whole name)."""
    return QLabel.text(label)


def right_edge(widget, window) -> int:
    return widget.mapTo(window, QPoint(widget.width(), 0)).x()


def left_edge(widget, window) -> int:
    return widget.mapTo(window, QPoint(0, 0)).x()


def ring(parts, phone, qloop, display_name: str) -> None:
    qloop.run_until_complete(phone.start())
    parts.flow.start(ready=True)
    call_id = phone.ring("+7 (999) 555-44-33", display_name=display_name)
    qloop.run_until_complete(until(lambda: parts.flow.pop_for(call_id) is not None, what="the lookup"))


def test_a_long_caller_name_is_cut_before_the_timer_and_whole_in_the_tooltip(window_1366, qloop, qtbot):  # noqa: F811
    parts, phone = window_1366
    bar = parts.window.call_bar
    ring(parts, phone, qloop, LONG_NAME)
    qtbot.waitUntil(lambda: shown(bar.caller).endswith("…"), timeout=3000)
    assert bar.caller.text().startswith(LONG_NAME)  # the whole text is kept
    assert shown(bar.caller).startswith("Общество с ограниченной")
    assert right_edge(bar.caller, parts.window) <= left_edge(bar.timer, parts.window)
    assert bar.caller.fontMetrics().horizontalAdvance(shown(bar.caller)) <= bar.caller.contentsRect().width()
    tip = bar.caller.toolTip().replace("\u200b", "")  # invisible break points in long words
    assert "Константинопольский-Щедрин" in tip and "корпоративных клиентов" in tip and "+7 999 555-44-33" in tip
    assert "<script" not in tip  # the tooltip shows text as text


def test_a_name_that_fits_is_shown_whole(window_1366, qloop, qtbot):  # noqa: F811
    parts, phone = window_1366
    bar = parts.window.call_bar
    ring(parts, phone, qloop, "Иван Петров")
    qtbot.waitUntil(lambda: "Иван Петров" in shown(bar.caller), timeout=3000)
    QTest.qWait(20)
    assert shown(bar.caller) == bar.caller.text() == "Иван Петров · +7 999 555-44-33"
    assert not shown(bar.caller).endswith("…")
    for action_id, button in bar.buttons.items():
        assert button.isVisible(), f"{action_id} went into the toolbar's overflow"
