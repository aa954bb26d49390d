"""The ticket editor's SLA countdown clock: once a second while the editor is on screen, never while
it is hidden (a countdown nobody sees is not updated). The pill itself is in ui/ticket/header.py."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget


class SlaTicker(QObject):
    def __init__(self, watched: QWidget, tick: Callable[[], None], interval_ms: int = 1000) -> None:
        super().__init__(watched)
        self._tick = tick
        self.timer = QTimer(self, interval=interval_ms)
        self.timer.timeout.connect(tick)
        watched.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Show:
            self.timer.start()
            self._tick()  # at once: the countdown may have been hidden for hours
        elif event.type() == QEvent.Type.Hide:
            self.timer.stop()
        return False
