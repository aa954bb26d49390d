"""The top of the caller card: who is calling (name, number, queue), the VIP, repeat-caller and
provisional badges, the lookup's status line, the customer's facts and other customers on the
same number.

The card decides what to show; this widget only shows it. Free text from the CRM (notes, company)
is cut to a few lines, the whole of it in the tooltip: a page of notes must not push the open
tickets out of sight while the phone rings. A word too long for a line (a SIP URI, a 300-character
token typed as a name) is shortened with '…' where it is shown (WrapLabel), so the card never
scrolls sideways; its tooltip holds the whole text. The call bar's caller name uses the same label
on one line.

The words here keep the card's translation context ("ScreenPopCard"), where they were translated.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPalette, QResizeEvent
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_agent.core.call_session import CallSession
from desktop_agent.core.dto import CustomerDTO, ScreenPop
from desktop_agent.core.phone import CallerIdKind, format_international, normalise
from desktop_agent.ui.card.model import badges_of, display_number, language_text, segment_text
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.shell.theme import Tone, is_dark, set_dim, tone_colour
from desktop_agent.ui.templates.model import plain_tooltip

FACT_CHARS = 200      # of notes or a company name shown on the card; the rest is in the tooltip
FACT_LINES = 4
TOOLTIP_CHARS = 2000
HINT_CHARS = 40       # a wrapping label asks for at most this many average characters of width
MIN_CHARS = 10        # and needs no more than this many: a long word is shortened instead

_SPACES = re.compile(r"(\s+)")
_LONG_RUN = re.compile(r"\S{24}(?=\S)")
ZERO_WIDTH_SPACE = "\u200b"


def set_shown(widget: QWidget, on: bool) -> None:
    """Show or hide only on a change: each real change costs a relayout of the card."""
    if widget.isHidden() == on:
        widget.setVisible(on)


def clipped(text: str, chars: int = FACT_CHARS, lines: int = FACT_LINES) -> str:
    """The start of a long text: at most `lines` lines and `chars` characters, '…' where it was cut."""
    if len(text) <= chars and text.count("\n") < lines:
        return text
    return "\n".join(text[:chars].splitlines()[:lines]).rstrip() + "…"


def fit_words(text: str, metrics: QFontMetrics, width: int) -> str:
    """`text` with each word wider than `width` pixels shortened in the middle with '…' (the start
    and the end of a URI or number say most); spaces and line breaks are kept."""
    if width <= 0:
        return text
    parts = _SPACES.split(text)
    changed = False
    for i in range(0, len(parts), 2):  # even places are words, odd ones the spaces between them
        word = parts[i]
        if len(word) > 3 and metrics.horizontalAdvance(word) > width:
            parts[i] = metrics.elidedText(word, Qt.TextElideMode.ElideMiddle, width)
            changed = True
    return "".join(parts) if changed else text


def whole_text_tip(text: str) -> str:
    """A tooltip with all of `text` that wraps on screen: long words get invisible break points
    (a tooltip is read, never copied)."""
    return plain_tooltip(_LONG_RUN.sub(lambda m: m.group(0) + ZERO_WIDTH_SPACE, text), TOOLTIP_CHARS)


def fit_line(text: str, metrics: QFontMetrics, width: int) -> str:
    """`text` on one line of `width` pixels: cut at the end with '…' when it is wider (a name reads
    from its start)."""
    line = " ".join(text.split())
    if width <= 0 or metrics.horizontalAdvance(line) <= width:
        return line
    return metrics.elidedText(line, Qt.TextElideMode.ElideRight, width)


class WrapLabel(QLabel):
    """A plain-text label that wraps at spaces and never grows wider than it is given: a word too
    long for a line is shown shortened (fit_words), whole in the tooltip. `text()` is the whole text.

    With `one_line=True` it never wraps: the whole text is cut at the end with '…' (fit_line) when
    the line is too short for it, for a name in a toolbar (the call bar's caller)."""

    def __init__(self, parent: QWidget | None = None, *, one_line: bool = False, **kwargs: object) -> None:
        super().__init__(parent, **kwargs)
        self._full = ""
        self._whole = ""    # what the tooltip shows when the label shows less (set_text)
        self._own_tip = ""
        self._fitted_to = -1
        self._one_line = one_line
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.setWordWrap(not one_line)

    def text(self) -> str:
        return self._full

    def setText(self, text: str) -> None:  # noqa: N802 - Qt's name
        self.set_text(text)

    def set_text(self, text: str, whole: str = "") -> None:
        """Show `text`, a cut of `whole` if given: the tooltip then holds `whole`."""
        self._full, self._whole = text, whole
        self._fitted_to = -1
        self._fit(self.contentsRect().width())

    def setToolTip(self, tip: str) -> None:  # noqa: N802 - Qt's name
        self._own_tip = tip
        self._show_tip(super().text())

    def _fit(self, width: int) -> None:
        if width == self._fitted_to and width > 0:
            return
        self._fitted_to = width
        fit = fit_line if self._one_line else fit_words
        shown = fit(self._full, self.fontMetrics(), width - 2 * self.margin() - 2)
        if shown != super().text():
            super().setText(shown)
        self._show_tip(shown)

    def _show_tip(self, shown: str) -> None:
        whole = self._whole or self._full
        super().setToolTip(self._own_tip or (whole_text_tip(whole) if shown != whole else ""))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._fit(self.contentsRect().width())

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        width = hint.width()
        if self._one_line:  # the whole text's width, not the shortened one's: room is given back when there is some
            width = self.fontMetrics().horizontalAdvance(" ".join(self._full.split())) + 2 * self.margin() + 4
        return QSize(min(width, self.fontMetrics().averageCharWidth() * HINT_CHARS), hint.height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().averageCharWidth() * MIN_CHARS), hint.height())


class CallerHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = WrapLabel(objectName="callerName")
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        big = QFont(self.name.font())
        big.setPointSizeF(big.pointSizeF() * 1.45)
        big.setWeight(QFont.Weight.DemiBold)
        self.name.setFont(big)
        self.number = WrapLabel(objectName="callerNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.vip_badge = QLabel(objectName="vipBadge")
        self.repeat_badge = QLabel(objectName="repeatBadge")
        self.provisional_badge = QLabel(objectName="provisionalBadge")
        badges = QHBoxLayout()
        badges.setSpacing(6)
        for badge in (self.vip_badge, self.repeat_badge, self.provisional_badge):
            badge.hide()
            badges.addWidget(badge)
        badges.addStretch(1)
        self.status = WrapLabel(objectName="lookupStatus")

        self.facts = QWidget(objectName="customerFacts")
        self.facts_form = QFormLayout(self.facts)
        self.facts_form.setContentsMargins(0, 0, 0, 0)
        self.facts_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fact_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("segment", "language", "company", "notes"):
            label, value = QLabel(), WrapLabel(objectName=f"fact_{key}")
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts_form.addRow(label, value)
            self.fact_labels[key] = (label, value)
        self.alternatives = WrapLabel(objectName="alternatives")
        set_dim(self.alternatives)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.name)
        layout.addWidget(self.number)
        layout.addLayout(badges)
        layout.addWidget(self.status)
        layout.addWidget(self.facts)
        layout.addWidget(self.alternatives)
        self.restyle()
        self.retranslate()

    # ---- what the card shows -------------------------------------------------------------
    def show_caller_id(self, session: CallSession) -> None:
        """The caller ID as it rang, before the lookup answers."""
        caller = normalise(session.caller_id_raw)
        if caller.kind is CallerIdKind.ANONYMOUS:
            self.name.setText(QCoreApplication.translate("ScreenPopCard", "Anonymous caller"))
        elif caller.e164:
            self.name.setText(session.display_name or format_international(caller.e164))
        else:
            self.name.setText(session.display_name or session.caller_id_raw
                              or QCoreApplication.translate("ScreenPopCard", "No caller ID"))
        self.show_number(session, caller.e164)
        for widget in (self.vip_badge, self.repeat_badge, self.provisional_badge, self.facts, self.alternatives):
            set_shown(widget, False)

    def show_number(self, session: CallSession, e164: str | None, caller_name: str = "") -> None:
        """The number and the queue; before them, for an unknown caller, the name their caller ID gave."""
        parts = [caller_name] if caller_name else []
        if e164 or session.caller_id_raw:
            parts.append(display_number(session.caller_id_raw, e164))
        if session.queue:
            parts.append(fill(QCoreApplication.translate("ScreenPopCard", "queue %1"), session.queue))
        self.number.setText("  ·  ".join(parts))

    def show_customer(self, customer: CustomerDTO) -> None:
        self.name.setText(customer.full_name or QCoreApplication.translate("ScreenPopCard", "(no name yet)"))
        values = {"segment": segment_text(customer.segment), "language": language_text(customer.language),
                  "company": customer.company or "", "notes": customer.notes or ""}
        for key, (label, value) in self.fact_labels.items():
            text = values[key]
            value.set_text(clipped(text), whole=text)
            set_shown(label, bool(text))
            set_shown(value, bool(text))
        set_shown(self.facts, True)

    def show_unknown(self, pop: ScreenPop) -> None:
        set_shown(self.facts, False)
        if pop.caller_kind == CallerIdKind.ANONYMOUS.value:
            self.name.setText(QCoreApplication.translate("ScreenPopCard", "Anonymous caller"))
        else:
            self.name.setText(QCoreApplication.translate("ScreenPopCard", "Unknown caller"))

    def show_badges(self, pop: ScreenPop) -> None:
        b = badges_of(pop)
        set_shown(self.vip_badge, b.vip)
        self.repeat_badge.setText(fill(QCoreApplication.translate("ScreenPopCard", "↻ Repeat: %1 in 7 days"),
                                       b.contacts_7_days))
        self.repeat_badge.setToolTip(fill(QCoreApplication.translate(
            "ScreenPopCard", "Repeat caller: %1 contacts in the last 7 days"), b.contacts_7_days))
        set_shown(self.repeat_badge, b.repeat)
        set_shown(self.provisional_badge, b.provisional)

    def show_alternatives(self, pop: ScreenPop) -> None:
        others = [c.full_name for c in pop.alternatives[:3] if c.full_name]
        self.alternatives.setText(fill(QCoreApplication.translate("ScreenPopCard", "This number is also used by: %1"),
                                       ", ".join(others)))
        set_shown(self.alternatives, bool(others))

    def show_status(self, text: str, tone: Tone | None = None) -> None:
        """The lookup's state, or what the operator's last step did; an empty text hides the line."""
        self.status.setText(text)
        set_shown(self.status, bool(text))
        # A palette colour, not a style sheet: re-styling a widget on every call costs a re-polish.
        palette = self.status.palette()
        colour = tone_colour(self.palette(), tone) if tone else self.palette().placeholderText().color()
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        self.status.setPalette(palette)

    # ---- language and look ---------------------------------------------------------------
    def restyle(self) -> None:
        dark = is_dark(self.palette())
        gold_bg, gold_fg = ("#d4a72c", "#1b1e22") if dark else ("#a8770a", "#ffffff")
        ring = tone_colour(self.palette(), Tone.RINGING).name()
        neutral = tone_colour(self.palette(), Tone.NEUTRAL).name()
        pill = "border-radius: 9px; padding: 2px 10px; font-weight: 600;"
        self.vip_badge.setStyleSheet(f"QLabel {{ {pill} background: {gold_bg}; color: {gold_fg}; }}")
        self.repeat_badge.setStyleSheet(f"QLabel {{ {pill} background: {ring}; color: #ffffff; }}")
        self.provisional_badge.setStyleSheet(f"QLabel {{ {pill} border: 1px solid {neutral}; color: {neutral}; }}")
        self.number.setStyleSheet(f"color: {self.palette().placeholderText().color().name()};")

    def retranslate(self) -> None:
        self.vip_badge.setText(QCoreApplication.translate("ScreenPopCard", "★ VIP"))
        self.provisional_badge.setText(QCoreApplication.translate("ScreenPopCard", "Provisional contact"))
        titles = {"segment": QCoreApplication.translate("ScreenPopCard", "Segment"),
                  "language": QCoreApplication.translate("ScreenPopCard", "Language"),
                  "company": QCoreApplication.translate("ScreenPopCard", "Company"),
                  "notes": QCoreApplication.translate("ScreenPopCard", "Notes")}
        for key, (label, _value) in self.fact_labels.items():
            label.setText(titles[key])
