"""The wallboard emits dozens of Qt signals a second, all day. PySide6 6.12.0 loses a reference to
True (and None) on every Signal.emit(); on Python 3.11, where those objects are not immortal, the
process aborts with "bool_dealloc" within minutes. pyproject.toml excludes that release; this test
fails on any binding that brings the leak back."""

from __future__ import annotations

import sys

import pytest
from PySide6.QtCore import QObject, Signal

pytestmark = pytest.mark.gui


class Emitter(QObject):
    plain = Signal()
    with_object = Signal(object)


def test_emitting_signals_keeps_true_and_none_alive(qapp):
    e = Emitter()
    received: list[object] = []
    e.with_object.connect(received.append)
    e.plain.connect(lambda: None)
    before = sys.getrefcount(True), sys.getrefcount(None)
    for _ in range(2000):
        e.plain.emit()
        e.with_object.emit(1)
    received.clear()
    after = sys.getrefcount(True), sys.getrefcount(None)
    assert abs(after[0] - before[0]) < 50 and abs(after[1] - before[1]) < 50, (before, after)
