"""The top of the ticket editor: the ticket's number, its tier, the SLA countdown, and the banner.

The SLA pill is green while more than half the time is left, amber after that, and red with
'overdue by' once the deadline has passed (steady, never flashing: it is on screen all day).
The banner carries what needs a decision (a refused save, a change from another desktop) with its
two ways out, Reload and Merge (which asks, in the merge view, about fields changed on both sides).
"""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget

from desktop_agent.core.domain import SLA_HOURS, Priority, Tier
from desktop_agent.core.dto import TicketDTO
from desktop_agent.core.tickets import SlaLevel, sla_state
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.shell.theme import Tone, tone_colour
from desktop_agent.ui.ticket.models import SLA_TONES, format_when, span_text


class TicketHeader(QWidget):
    reload_requested = Signal()
    merge_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.sla_level = SlaLevel.NONE
        self._tones: dict[str, Tone] = {}  # the pill colours set, so a 1 Hz tick does not re-style
        self._banner_tone: Tone | None = None

        self.heading = QLabel(objectName="ticketHeading")
        font = QFont(self.heading.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setWeight(QFont.Weight.DemiBold)
        self.heading.setFont(font)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # never widens the pane
        self.tier_pill = QLabel(objectName="tierPill")
        self.sla = QLabel(objectName="slaCountdown")
        top = QHBoxLayout()
        top.setContentsMargins(0, 0, 0, 0)
        top.addWidget(self.heading, 1)
        top.addWidget(self.tier_pill)
        top.addWidget(self.sla)

        self.banner = QFrame(objectName="ticketBanner")
        self.banner_text = QLabel(objectName="bannerText")
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextFormat(Qt.TextFormat.PlainText)
        self.reload_button = QPushButton(objectName="reloadTicket")
        self.merge_button = QPushButton(objectName="mergeTicket")
        row = QHBoxLayout(self.banner)
        row.setContentsMargins(10, 6, 6, 6)
        row.addWidget(self.banner_text, 1)
        row.addWidget(self.reload_button)
        row.addWidget(self.merge_button)
        self.banner.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.banner)

        self.reload_button.clicked.connect(self.reload_requested)
        self.merge_button.clicked.connect(self.merge_requested)
        self.retranslate()

    # ---- number, tier and SLA ------------------------------------------------------------
    def show_title(self, text: str, tip: str = "") -> None:
        self.heading.setText(text)
        self.heading.setToolTip(tip)

    def show_tier(self, tier: str | None) -> None:
        self.tier_pill.setVisible(tier is not None)
        if tier is not None:
            self.tier_pill.setText(tier)
            self._pill(self.tier_pill, Tone.NEUTRAL if tier == Tier.L1.value else Tone.WRAPUP)

    def show_sla(self, ticket: TicketDTO | None, now: datetime, *, draft_priority: str | None = None) -> None:
        """The countdown of a stored ticket; for a draft, the SLA its priority will get; else nothing."""
        if ticket is None and draft_priority is None:
            self.sla.hide()
            self.sla_level = SlaLevel.NONE
            return
        if ticket is None:
            self.sla_level = SlaLevel.NONE
            self.sla.setText(fill(self.tr("SLA: %1 h"), SLA_HOURS[Priority(draft_priority or "normal")]))
            self.sla.setToolTip(self.tr("The SLA clock starts when the ticket is saved"))
            self._pill(self.sla, Tone.NEUTRAL)
            self.sla.show()
            return
        state = sla_state(ticket.created_at, ticket.sla_due_at, ticket.status, now)
        self.sla_level = state.level
        if state.level is SlaLevel.NONE:
            self.sla.hide()
            return
        if state.level is SlaLevel.BREACHED:
            text = fill(self.tr("SLA: overdue by %1"), span_text(state.remaining_seconds))
        elif state.level is SlaLevel.STOPPED:
            text = self.tr("SLA: stopped (resolved)")
        else:
            text = fill(self.tr("SLA: %1 left"), span_text(state.remaining_seconds))
        self.sla.setText(text)
        self.sla.setToolTip(fill(self.tr("Due %1"), format_when(ticket.sla_due_at)))
        self._pill(self.sla, SLA_TONES.get(state.level, Tone.NEUTRAL))
        self.sla.show()

    def _pill(self, label: QLabel, tone: Tone) -> None:
        if self._tones.get(label.objectName()) is tone:
            return
        self._tones[label.objectName()] = tone
        colour = tone_colour(self.palette(), tone).name()
        label.setStyleSheet(f"QLabel {{ border-radius: 9px; padding: 2px 10px; font-weight: 600; "
                            f"background: {colour}; color: #ffffff; }}")

    # ---- the banner ----------------------------------------------------------------------
    def show_banner(self, text: str, tone: Tone, *, reload: bool = False, merge: bool = False) -> None:
        if tone is not self._banner_tone:
            self._banner_tone = tone
            colour = tone_colour(self.palette(), tone).name()
            self.banner.setStyleSheet(f"QFrame#ticketBanner {{ border: 1px solid {colour}; "
                                      f"border-left: 5px solid {colour}; border-radius: 4px; }}")
        self.banner_text.setText(text)
        self.reload_button.setVisible(reload)
        self.merge_button.setVisible(merge)
        self.banner.show()

    def hide_banner(self) -> None:
        self.banner.hide()

    # ---- language and look ---------------------------------------------------------------
    def retranslate(self) -> None:
        self.tier_pill.setToolTip(self.tr("Support tier"))
        self.reload_button.setText(self.tr("Reload"))
        self.reload_button.setToolTip(self.tr("Show the stored version; your unsaved changes are dropped"))
        self.merge_button.setText(self.tr("Merge"))
        self.merge_button.setToolTip(self.tr("Take the stored version with your changed fields on top; "
                                             "a field changed on both sides is yours to decide"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        elif event.type() == QEvent.Type.PaletteChange:  # the theme changed: colours again
            tones, self._tones, banner, self._banner_tone = self._tones, {}, self._banner_tone, None
            for label in (self.tier_pill, self.sla):
                if label.objectName() in tones:
                    self._pill(label, tones[label.objectName()])
            if banner is not None and self.banner.isVisible():
                self.show_banner(self.banner_text.text(), banner, reload=self.reload_button.isVisible(),
                                 merge=self.merge_button.isVisible())
        super().changeEvent(event)
