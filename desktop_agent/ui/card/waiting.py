"""The compact line above the caller card for a second call ringing meanwhile: who (★ for a VIP),
the queue, how long it has rung, and the Decline action beside it. Pops never stack: the card
stays with the first call.

The line is one line whatever the caller's display name: a long one is cut with '…' (whole in the
tooltip) instead of widening the dock. The words keep the card's translation context
("ScreenPopCard"), where they were translated.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QToolButton, QWidget

from desktop_agent.core.call_session import CallSession
from desktop_agent.core.dto import ScreenPop
from desktop_agent.core.phone import format_international, normalise
from desktop_agent.ui.card.header import WrapLabel
from desktop_agent.ui.kit.i18n import fill, format_duration
from desktop_agent.ui.shell.theme import keep_sheet, waiting_call_sheet


class WaitingCallLine(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, objectName="waitingCall")
        keep_sheet(self, waiting_call_sheet)
        self.text = WrapLabel(objectName="waitingText", one_line=True)  # cut with '…', whole in the tooltip
        self.decline = QToolButton(objectName="waitingDecline")  # the Decline action, once registered
        self.decline.hide()
        line = QHBoxLayout(self)
        line.setContentsMargins(8, 4, 8, 4)
        line.addWidget(self.text, 1)
        line.addWidget(self.decline)
        self.hide()

    def show_call(self, session: CallSession | None, pop: ScreenPop | None) -> None:
        """The second call, with what its lookup found so far; None hides the line."""
        if session is None:
            if not self.isHidden():
                self.hide()
            return
        caller = normalise(session.caller_id_raw)
        who = (pop.customer.full_name if pop is not None and pop.customer is not None else "") \
            or session.display_name \
            or (format_international(caller.e164) if caller.e164 else session.caller_id_raw) \
            or QCoreApplication.translate("ScreenPopCard", "No caller ID")
        if pop is not None and pop.badges.vip:
            who = "★ " + who
        parts = [fill(QCoreApplication.translate("ScreenPopCard", "Second call ringing: %1"), who)]
        if session.queue:
            parts.append(session.queue)
        parts.append(format_duration(session.ring_seconds))
        self.text.setText("  ·  ".join(parts))
        if self.isHidden():
            self.show()
