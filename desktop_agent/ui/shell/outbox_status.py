"""The status bar's word on the outbox: nothing while every change is in the central database;
"Offline — 12 changes waiting, for 1:05" while it does not answer; "Sending 12 changes…" while a
backlog takes longer than a moment to go (not for each ordinary save: no flicker); and how many
changes the database refused (the reason in the tooltip)."""

from __future__ import annotations

import time
from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication, QEvent
from PySide6.QtWidgets import QLabel, QWidget

from desktop_agent.services.outbox import OutboxStatus
from desktop_agent.ui.kit.i18n import fill, format_duration
from desktop_agent.ui.shell.theme import Tone, tone_colour

SLOW_S = 2.0  # writes pending longer than this are a backlog worth showing


def database_down_text() -> str:
    """What the operator reads instead of a driver's error when the central database is away."""
    return QCoreApplication.translate("OutboxStatusLabel", "The central database does not answer: your work is kept on this computer and sent when it is back.")  # noqa: E501


class OutboxStatusLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="outboxStatus")
        self.status = OutboxStatus(0, None)
        self._pending_since: float | None = None
        self.hide()

    def show_status(self, status: OutboxStatus) -> None:
        self.status = status
        if not status.pending:
            self._pending_since = None
        elif self._pending_since is None:
            self._pending_since = time.monotonic()
        self._show()

    def tick(self) -> None:
        if self.status.offline_since is not None or self.status.pending:
            self._show()  # the time offline goes on; a backlog may now be worth a word

    def _show(self) -> None:
        s = self.status
        if s.offline_since is not None:
            away = (datetime.now(UTC) - s.offline_since).total_seconds()
            text = fill(self.tr("Offline — %1 changes waiting, for %2"), s.pending, format_duration(away))
            tip = self.tr("The central database does not answer. Calls, tickets and wrap-ups are kept on this "
                          "computer and sent, in order and with their real times, as soon as it answers.")
            tone = Tone.DANGER
        elif s.pending and self._pending_since is not None and time.monotonic() - self._pending_since > SLOW_S:
            text, tip, tone = fill(self.tr("Sending %1 changes…"), s.pending), "", Tone.WRAPUP
        elif s.failed:
            text = fill(self.tr("%1 changes refused by the database"), s.failed)
            tip, tone = s.last_error, Tone.NOT_READY
        else:
            self.hide()
            return
        self.setText(f"● {text}")
        self.setToolTip(tip)
        self.setStyleSheet(f"color: {tone_colour(self.palette(), tone).name()};")
        self.show()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange and self.isVisible():
            self._show()
        super().changeEvent(event)
