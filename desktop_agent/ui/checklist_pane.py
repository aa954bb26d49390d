"""The conflict (de-escalation) checklist pane: caller type, steps with hints and phrases, ticks
with their time into the call, and calm timed cues.

The logic is core.checklist's: a run is immutable and every tick, cue or switch of caller type
returns a new one. The pane records the time (from an injectable clock), shows the run through
ChecklistModel, and saves it on the database worker each time something worth keeping happens,
linked to the call's interaction as soon as that row exists. `finish(interaction_id)` closes the
run at the end of wrap-up; `follow(flow)` wires all of this to the call flow.

An aid, not a nag: the pane never takes the keyboard by itself, never opens a dialog, and a cue is
a quiet banner that goes away by itself when its reason ends (the caller is back from hold).
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import replace
from datetime import datetime
from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_agent.core.call_session import CallState
from desktop_agent.core.checklist import (
    DEFAULT_CUES,
    CallFacts,
    ChecklistDefinition,
    ChecklistRun,
    CueRule,
    FiredCue,
    start_run,
)
from desktop_agent.core.domain import CallerType, utcnow
from desktop_agent.core.ports import ChecklistService, TemplateDTO, TemplateService
from desktop_agent.ui.actions import ActionRegistry, ActionSpec
from desktop_agent.ui.i18n import current_language
from desktop_agent.ui.models.checklist_model import ChecklistModel
from desktop_agent.ui.models.template_model import plain_tooltip
from desktop_agent.ui.pane import Area, Pane
from desktop_agent.ui.qt_bridge import ServiceRunner
from desktop_agent.ui.theme import Tone, tone_colour

TICK_SLOTS = range(1, 10)
PHRASE_REPEAT_GUARD_S = 0.4  # a double click must not insert a phrase twice

GROUP_CHECKLIST = QT_TRANSLATE_NOOP("Actions", "Checklist")
CHECKLIST_CALLER_TYPE = ActionSpec("checklist.caller_type", QT_TRANSLATE_NOOP("Actions", "Caller type…"),
                                   ("Ctrl+Shift+K",), GROUP_CHECKLIST,
                                   QT_TRANSLATE_NOOP("Actions", "Choose the kind of caller: it sets the checklist"))
_TICK_TITLE = QT_TRANSLATE_NOOP("Actions", "Tick checklist step %1")


def _tick_spec(n: int) -> ActionSpec:
    return ActionSpec(f"checklist.tick.{n}", _TICK_TITLE, (f"Ctrl+{n}",), GROUP_CHECKLIST,
                      title_fn=lambda: QCoreApplication.translate("Actions", _TICK_TITLE).replace("%1", str(n)))


TICK_ACTIONS = tuple(_tick_spec(n) for n in TICK_SLOTS)

CALLER_TYPE_WORDS = {
    CallerType.GENERAL: QT_TRANSLATE_NOOP("ChecklistWords", "Any upset caller"),
    CallerType.AGGRESSIVE: QT_TRANSLATE_NOOP("ChecklistWords", "Aggressive"),
    CallerType.CHRONIC: QT_TRANSLATE_NOOP("ChecklistWords", "Chronically dissatisfied"),
    CallerType.STORYTELLER: QT_TRANSLATE_NOOP("ChecklistWords", "Storyteller"),
    CallerType.INFLATED: QT_TRANSLATE_NOOP("ChecklistWords", "Inflated expectations"),
}
_CUE_WORDS = {
    "hold": QT_TRANSLATE_NOOP("ChecklistWords", "The caller has been on hold for %1. Go back to them, "
                                                "even if only to say how it is going."),
    "silence": QT_TRANSLATE_NOOP("ChecklistWords", "It has been quiet for %1. Check the caller is still there."),
    "talk": QT_TRANSLATE_NOOP("ChecklistWords", "The call has lasted %1. Sum up what you know so far."),
}


def caller_type_text(caller_type: str) -> str:
    words = CALLER_TYPE_WORDS.get(caller_type)  # type: ignore[call-overload]
    return QCoreApplication.translate("ChecklistWords", words) if words else caller_type


def _span_text(seconds: float) -> str:
    if seconds >= 60 and seconds % 60 == 0:
        return QCoreApplication.translate("ChecklistWords", "%1 min").replace("%1", str(int(seconds // 60)))
    return QCoreApplication.translate("ChecklistWords", "%1 s").replace("%1", str(int(seconds)))


def facts_from_session(session: Any, now: datetime) -> CallFacts | None:
    """What the cues look at, from a core.call_session.CallSession; None when no one is on the line.

    Telephony reports no voice activity yet, so silence cues fire only where a backend provides
    `silence_since`; hold and talk come from the session."""
    if session is None or session.state not in (CallState.TALKING, CallState.HELD):
        return None
    hold_since = session.history[-1].at if session.state is CallState.HELD else None
    return CallFacts(now=now, hold_since=hold_since, talk_since=session.answered_at,
                     silence_since=getattr(session, "silence_since", None))


def extra_cues(definition: ChecklistDefinition) -> tuple[CueRule, ...]:
    """The default cues for kinds the definition's own steps do not cover (one banner per cause)."""
    own = {s.cue.kind for s in definition.steps if s.cue is not None}
    return tuple(rule for rule in DEFAULT_CUES if rule.kind not in own)


# ---- widgets ----------------------------------------------------------------------------------

class StepDelegate(QStyledItemDelegate):
    """A box, the Ctrl+N number, the title (wrapped, never cut), and the tick's time on the right."""

    PAD = 4

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def _geometry(self, option: QStyleOptionViewItem, rect: QRect) -> tuple[QRect, QRect, QRect, QRect]:
        fm = QFontMetrics(option.font)
        box = QRect(rect.left() + self.PAD + 4, rect.top() + self.PAD + (fm.height() - 16) // 2, 16, 16)
        number = QRect(box.right() + 6, rect.top() + self.PAD, fm.horizontalAdvance("9") + 4, fm.height())
        time_w = fm.horizontalAdvance("00:00") + 8
        clock = QRect(rect.right() - self.PAD - time_w, rect.top() + self.PAD, time_w, fm.height())
        title = QRect(number.right() + 8, rect.top() + self.PAD, max(40, clock.left() - number.right() - 14),
                      rect.height() - 2 * self.PAD)
        return box, number, title, clock

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt's name
        width = max(160, self._view.viewport().width())
        _box, _number, title, _clock = self._geometry(option, QRect(0, 0, width, 400))
        bounds = QFontMetrics(option.font).boundingRect(QRect(0, 0, title.width(), 10_000), Qt.TextFlag.TextWordWrap,
                                                 index.data() or "")
        # A small width: the list stretches rows to its viewport, which shrinks under a scroll bar.
        return QSize(120, bounds.height() + 2 * self.PAD + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if widget else QApplication.style()
        painter.save()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
        model = index.model()
        run = getattr(model, "run", None)
        tick = index.data(ChecklistModel.TickRole)
        done = tick is not None and tick.done
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        text = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = QColor(text) if selected else pal.color(QPalette.ColorRole.PlaceholderText)
        box, number, title, clock = self._geometry(option, option.rect)
        # The next step to do gets a faint band and an accented number (bold text would change
        # the row's wrapping, and so its height).
        is_next = run is not None and run.next_step is not None and run.next_step.key == index.data(
            ChecklistModel.KeyRole)
        accent = pal.color(QPalette.ColorRole.Highlight)
        if is_next and not selected:
            band = QColor(accent)
            band.setAlpha(22)
            painter.fillRect(option.rect, band)
        if index.data(ChecklistModel.CuedRole):
            painter.fillRect(QRect(option.rect.left(), option.rect.top() + 2, 3, option.rect.height() - 4),
                             pal.color(QPalette.ColorRole.Highlight))
        if run is not None:
            self._draw_box(painter, box, done, text if selected else dim, tone_colour(pal, Tone.READY))
        strong = QFont(option.font)
        strong.setWeight(QFont.Weight.Bold)
        painter.setFont(strong if is_next else option.font)
        painter.setPen(accent if is_next and not selected else dim)
        painter.drawText(number, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         str(index.data(ChecklistModel.NumberRole)) if index.row() < 9 else "")
        painter.setFont(option.font)
        painter.setPen(dim if done else text)
        painter.drawText(title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                         index.data() or "")
        stamp = index.data(ChecklistModel.TimeRole)
        if stamp:
            painter.setPen(text if selected else tone_colour(pal, Tone.READY))
            painter.drawText(clock, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, stamp)
        painter.restore()

    @staticmethod
    def _draw_box(painter: QPainter, box: QRect, done: bool, edge: QColor, fill: QColor) -> None:
        # Drawn here rather than by the style: Fusion's box vanishes on the dark theme's base colour.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5)
        if done:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(frame, 3, 3)
            pen = QPen(QColor("#ffffff"), 2)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            x, y = frame.left(), frame.top()
            painter.drawPolyline([QPointF(x + 3.5, y + 8), QPointF(x + 6.5, y + 11), QPointF(x + 12, y + 4.5)])
        else:
            painter.setPen(QPen(edge, 1.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(frame, 3, 3)

    def editorEvent(self, event: QEvent, model: Any, option: QStyleOptionViewItem,  # noqa: N802 - Qt's name
                    index: QModelIndex) -> bool:
        # Only a click on the box (or the number next to it) ticks; keys are the list's business.
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent) \
                and index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            box, number, _title, _clock = self._geometry(option, option.rect)
            if event.position().toPoint().x() <= number.right() + 4:
                done = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
                model.setData(index, Qt.CheckState.Unchecked if done else Qt.CheckState.Checked,
                              Qt.ItemDataRole.CheckStateRole)
                return True
        return False


class StepList(QListView):
    """Space ticks or unticks the current step; a double click does too. It asks for the height of
    all its rows, so the layout shows the whole checklist whenever there is room."""

    toggle_current = Signal()
    content_height = 0

    def __init__(self, model: ChecklistModel) -> None:
        super().__init__(objectName="checklistSteps")
        self.setModel(model)
        self.setItemDelegate(StepDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def fit(self) -> None:
        rows = [self.sizeHintForRow(r) for r in range(self.model().rowCount())]
        frame = 2 * self.frameWidth() + 2
        self.setMinimumHeight(max(60, sum(rows[:3]) + frame))
        self.setMaximumHeight(max(60, sum(rows) + frame))
        if self.content_height != sum(rows) + frame:
            self.content_height = sum(rows) + frame
            self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        return QSize(hint.width(), self.content_height or hint.height())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and not event.modifiers():
            self.toggle_current.emit()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self.indexAt(event.position().toPoint()).isValid():
            self.toggle_current.emit()
            return
        super().mouseDoubleClickEvent(event)


class PhraseList(QListWidget):
    """Suggested phrases, shown like links: a click, Enter or Space inserts the phrase's template."""

    chosen = Signal(str)
    KEY_ROLE = Qt.ItemDataRole.UserRole

    def __init__(self) -> None:
        super().__init__(objectName="checklistPhrases")
        self._last: tuple[str, float] = ("", 0.0)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setWordWrap(True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.itemClicked.connect(self._emit)
        self.restyle()

    def restyle(self) -> None:
        self.setStyleSheet(
            "QListWidget#checklistPhrases { background: transparent; }"
            "QListWidget#checklistPhrases::item { padding: 3px 4px; border-radius: 4px; }"
            f"QListWidget#checklistPhrases::item:hover {{ background: {self.palette().button().color().name()}; }}")

    def show_phrases(self, phrases: Sequence[tuple[str, TemplateDTO | None]], quoted: str = "“%1”") -> None:
        self.clear()
        for key, template in phrases:
            item = QListWidgetItem(quoted.replace("%1", template.title) if template is not None else key)
            item.setData(self.KEY_ROLE, key)
            item.setToolTip(plain_tooltip(template.body) if template is not None else "")
            item.setForeground(self.palette().color(QPalette.ColorRole.Link))
            self.addItem(item)
        rows = sum(self.sizeHintForRow(r) for r in range(self.count()))
        self.setFixedHeight(rows + 2 * self.frameWidth() + 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.currentItem():
            self._emit(self.currentItem())
            return
        super().keyPressEvent(event)

    def _emit(self, item: QListWidgetItem) -> None:
        key = item.data(self.KEY_ROLE)
        now = time.monotonic()
        if key == self._last[0] and now - self._last[1] < PHRASE_REPEAT_GUARD_S:
            return
        self._last = (key, now)
        self.chosen.emit(key)


class Banner(QFrame):
    """A quiet strip: a round glyph, one message, and buttons. Colours come from the palette."""

    clicked = Signal()

    def __init__(self, object_name: str, glyph: str, *buttons: QWidget, below: bool = False) -> None:
        super().__init__(objectName=object_name)
        self.icon = QLabel(glyph)  # a letter in a drawn circle: emoji fonts are not everywhere
        self.icon.setFixedSize(18, 18)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 6, 6)
        row.setSpacing(8)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        if below:  # long questions wrap over the whole width, their answers go under them
            column, answers = QVBoxLayout(), QHBoxLayout()
            column.addWidget(self.text)
            answers.addStretch(1)
            for button in buttons:
                answers.addWidget(button)
            column.addLayout(answers)
            row.addLayout(column, 1)
        else:
            row.addWidget(self.text, 1)
            for button in buttons:
                row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.restyle()
        self.hide()

    def restyle(self) -> None:
        accent = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        fill, edge = QColor(accent), QColor(accent)
        fill.setAlpha(28)
        edge.setAlpha(110)
        argb = QColor.NameFormat.HexArgb
        self.setStyleSheet(f"QFrame#{self.objectName()} {{ background-color: {fill.name(argb)}; "
                           f"border: 1px solid {edge.name(argb)}; border-radius: 6px; }}"
                           f"QFrame#{self.objectName()} QLabel {{ background: transparent; border: none; }}")
        self.icon.setStyleSheet(f"background-color: {accent.name()}; color: #ffffff; border-radius: 9px;"
                                " font-weight: 700;")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.clicked.emit()
        super().mouseReleaseEvent(event)


def _label(name: str = "", *, dim: bool = False, wrap: bool = True, bold: bool = False) -> QLabel:
    label = QLabel(objectName=name)
    label.setWordWrap(wrap)
    label.setProperty("dim", dim)
    if bold:
        font = label.font()
        font.setWeight(QFont.Weight.DemiBold)
        label.setFont(font)
    return label


# ---- the pane ---------------------------------------------------------------------------------

class ChecklistPane(Pane):
    pane_id: ClassVar[str] = "pane.checklist"
    default_area: ClassVar[Area | None] = Area.RightDockWidgetArea
    focus_shortcut: ClassVar[str] = "F6"
    minimum_width: ClassVar[int] = 340

    phrase_requested = Signal(str)  # template key: the templates pane fills it in and inserts it
    notice = Signal(str)
    run_saved = Signal(object)      # the finished ChecklistRun, once it is in the database

    def __init__(self, checklists: ChecklistService, templates: TemplateService, db_runner: ServiceRunner, *,
                 agent_id: uuid.UUID | None, clock: Callable[[], datetime] = utcnow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.checklists, self.templates, self.db = checklists, templates, db_runner
        self.agent_id = agent_id
        self._clock = clock
        self._language = current_language()
        self._definitions: dict[str, ChecklistDefinition] = {}  # by caller type
        self._phrases: dict[str, TemplateDTO] = {}
        self._caller_type: str = CallerType.GENERAL.value
        self._pending_type: str | None = None  # a switch waiting for the operator's yes
        self._run: ChecklistRun | None = None
        self._call_id: str | None = None
        self._origin: datetime | None = None  # the answer: ticks count from here
        self._interaction_ids: dict[str, uuid.UUID] = {}
        self._engaged = False  # something happened worth saving
        self._shown_cue: FiredCue | None = None
        self.last_run: ChecklistRun | None = None  # the run finish() closed last

        self.type_label = QLabel()
        self.caller_type = QComboBox(objectName="callerType")
        for caller_type in CallerType:
            self.caller_type.addItem("", caller_type.value)
        self.type_label.setBuddy(self.caller_type)
        self.progress_text = _label("checklistProgress", dim=True, wrap=False)
        self.progress = QProgressBar(objectName="checklistProgressBar", textVisible=False)
        self.progress.setFixedHeight(4)
        self.description = _label("checklistDescription", dim=True)
        self.switch_yes, self.switch_no = QPushButton(), QPushButton()
        self.switch_bar = Banner("checklistSwitch", "?", self.switch_yes, self.switch_no, below=True)
        self.cue_close = QToolButton(text="✕", autoRaise=True)
        self.cue_banner = Banner("cueBanner", "i", self.cue_close)
        self.model = ChecklistModel(self)
        self.steps = StepList(self.model)
        self.step_title = _label("checklistStepTitle", bold=True)
        self.hint = _label("checklistHint")
        self.phrases_label = _label(dim=True)
        self.phrases = PhraseList()
        self.phrases_label.setBuddy(self.phrases)

        head = QHBoxLayout()
        head.setSpacing(6)
        head.addWidget(self.type_label)
        head.addWidget(self.caller_type, 1)
        head.addWidget(self.progress_text)
        details = QWidget(objectName="checklistDetails")
        column = QVBoxLayout(details)
        column.setContentsMargins(2, 2, 2, 2)
        column.setSpacing(4)
        for widget in (self.step_title, self.hint, self.phrases_label, self.phrases):
            column.addWidget(widget)
        column.addStretch(1)
        self.details = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        self.details.setWidget(details)
        self.details.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(head)
        for widget in (self.progress, self.description, self.switch_bar, self.cue_banner):
            layout.addWidget(widget)
        # The steps take the room they need (the list scrolls when the pane is short); the hint and
        # phrases of the selected step get the rest.
        layout.addWidget(self.steps, 0)
        layout.addWidget(self.details, 1)

        self.caller_type.activated.connect(lambda i: self.set_caller_type(self.caller_type.itemData(i)))
        self.switch_yes.clicked.connect(self.confirm_switch)
        self.switch_no.clicked.connect(self.cancel_switch)
        self.cue_close.clicked.connect(self.dismiss_cue)
        self.cue_banner.clicked.connect(self._go_to_cued_step)
        self.model.toggle_requested.connect(self.toggle_step)
        self.steps.toggle_current.connect(self._toggle_current)
        self.steps.selectionModel().currentChanged.connect(lambda _now, _before: self._show_details())
        self.phrases.chosen.connect(self.phrase_requested.emit)
        self.retranslate()
        self.reload()

    # ---- Pane ------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Conflict checklist")

    def register_actions(self, registry: ActionRegistry) -> None:
        registry.add(CHECKLIST_CALLER_TYPE, self.choose_caller_type)
        for n, spec in zip(TICK_SLOTS, TICK_ACTIONS, strict=True):
            registry.add(spec, lambda n=n: self.toggle_number(n))

    def focus_target(self) -> QWidget:
        return self.steps

    def choose_caller_type(self) -> None:
        dock = self.parentWidget()
        if dock is not None:
            dock.show()
            dock.raise_()
        self.caller_type.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.caller_type.showPopup()

    # ---- definitions -----------------------------------------------------------------------
    def reload(self) -> None:
        self._language = language = current_language()
        self.db.submit(self.checklists.definitions, language, on_result=self._got_definitions,
                       on_error=self._failed, owner=self)
        self.db.submit(self.templates.search, language, "", limit=1000, on_result=self._got_phrases,
                       on_error=self._failed, owner=self)

    def _got_definitions(self, definitions: Sequence[ChecklistDefinition]) -> None:
        self._definitions = {}
        for d in definitions:
            self._definitions.setdefault(d.caller_type, d)
        if self._run is not None:
            chosen = self.definition_for(self._run.caller_type)
            if chosen is not None and chosen.id != self._run.definition.id:  # the language changed
                self._run = replace(self._run.with_definition(chosen), caller_type=self._run.caller_type)
                self._save()
        elif self._call_id is not None:
            self._start(self._call_id, self._origin)  # the call was answered before the steps arrived
        self._refresh()

    def _got_phrases(self, templates: Sequence[TemplateDTO]) -> None:
        self._phrases = {t.key: t for t in templates}
        self._show_details()

    def definition_for(self, caller_type: str) -> ChecklistDefinition | None:
        return self._definitions.get(caller_type) or self._definitions.get(CallerType.GENERAL.value)

    # ---- the call --------------------------------------------------------------------------
    def follow(self, flow: Any) -> None:
        """Start a run when a call is answered, watch it for cues, and save it when wrap-up is done."""
        flow.interaction_recorded.connect(self._interaction_recorded)
        flow.call_changed.connect(self._call_changed)
        flow.ticked.connect(lambda: self.update_facts(facts_from_session(flow.current, self._clock())))

        def finished(summary: Any) -> None:
            if summary.call_id == self._call_id:
                self.finish(flow.interaction_id(summary.call_id) or self._interaction_ids.get(summary.call_id))
            self._interaction_ids.pop(summary.call_id, None)

        flow.call_finished.connect(finished)

    def _interaction_recorded(self, call_id: str, dto: Any) -> None:
        self._interaction_ids[call_id] = dto.id
        while len(self._interaction_ids) > 20:  # missed calls never finish: keep only recent ones
            self._interaction_ids.pop(next(iter(self._interaction_ids)))

    def _call_changed(self, session: Any) -> None:
        if session is None:
            return
        if session.state in (CallState.TALKING, CallState.HELD, CallState.WRAPUP) and \
                session.call_id != self._call_id:
            self.call_started(session.call_id, session.answered_at)
        self.update_facts(facts_from_session(session, self._clock()))

    def call_started(self, call_id: str, answered_at: datetime | None = None) -> None:
        """A call was answered: a fresh run over the chosen caller type's steps."""
        if self._run is not None and self._call_id != call_id:
            self.finish(self._interaction_ids.get(self._call_id or ""))  # never lose the last one
        self._call_id = call_id
        self._origin = answered_at or self._clock()
        self._start(call_id, self._origin)
        self._refresh()

    def _start(self, call_id: str, at: datetime | None) -> None:
        definition = self.definition_for(self._caller_type)
        if definition is None:
            return  # steps not loaded yet: started when they arrive
        self._run = start_run(definition, at or self._clock(), caller_type=self._caller_type)
        self._engaged = self._caller_type != CallerType.GENERAL.value

    def current_run(self) -> ChecklistRun | None:
        return self._run

    def finish(self, interaction_id: uuid.UUID | None) -> Future | None:
        """Close the run and save it linked to the call (nothing is saved for an untouched checklist).
        Returns the pending save, or None. The pane is ready for the next call afterwards."""
        run, engaged = self._run, self._engaged
        self._run, self._call_id, self._origin, self._engaged = None, None, None, False
        self._caller_type = CallerType.GENERAL.value
        self._pending_type = None
        self._hide_cue()
        self._refresh()
        if run is None:
            return None
        run = run.finish(self._clock())
        self.last_run = run
        if not engaged:
            return None
        return self.db.submit(self.checklists.save_run, run, interaction_id=interaction_id, agent_id=self.agent_id,
                              on_result=lambda _none: self.run_saved.emit(run), on_error=self._failed, owner=self)

    def _save(self) -> None:
        if self._run is None or not self._engaged:
            return
        self.db.submit(self.checklists.save_run, self._run,
                       interaction_id=self._interaction_ids.get(self._call_id or ""), agent_id=self.agent_id,
                       on_error=self._failed, owner=self)

    def _failed(self, exc: BaseException) -> None:
        self.notice.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)

    # ---- ticking ---------------------------------------------------------------------------
    def toggle_step(self, key: str) -> None:
        if self._run is None:
            self.notice.emit(self.tr("Steps are ticked during a call."))
            return
        tick = self._run.tick_of(key)
        self._run = self._run.untick(key) if tick.done else self._run.tick(key, self._clock())
        self._engaged = True
        self._save()
        self._refresh()
        if not tick.done and self.steps.currentIndex().row() == self.model.row_of(key):
            nxt = self._run.next_step
            if nxt is not None:  # Space, Space, Space walks down the list
                self.steps.setCurrentIndex(self.model.index(self.model.row_of(nxt.key)))

    def toggle_number(self, n: int) -> None:
        step = self.model.step_at(n - 1)
        if step is not None:
            self.toggle_step(step.key)

    def _toggle_current(self) -> None:
        step = self.model.step_at(self.steps.currentIndex().row())
        if step is not None:
            self.toggle_step(step.key)

    # ---- caller type -----------------------------------------------------------------------
    def set_caller_type(self, caller_type: str) -> bool:
        """Switch the checklist. Ticks of steps both variants share are kept; if ticks would be
        dropped the pane asks first (inline) and returns False until the operator confirms."""
        caller_type = CallerType(caller_type).value
        self._pending_type = None
        self.switch_bar.hide()
        if caller_type == self._caller_type:
            self._refresh()
            return True
        definition = self.definition_for(caller_type)
        if self._run is not None and definition is not None:
            keys = {s.key for s in definition.steps}
            dropped = [s.title for s, t in zip(self._run.definition.steps, self._run.ticks, strict=False)
                       if t.done and s.key not in keys]
            if dropped:
                self._pending_type = caller_type
                self.switch_bar.text.setText(
                    self.tr("“%1” has no step “%2”: its tick would be dropped. Switch anyway?")
                    .replace("%1", caller_type_text(caller_type)).replace("%2", "”, “".join(dropped)))
                self.switch_bar.show()
                self.switch_no.setFocus(Qt.FocusReason.OtherFocusReason)
                self._refresh()
                return False
        self._apply_type(caller_type)
        return True

    def confirm_switch(self) -> None:
        if self._pending_type is not None:
            caller_type, self._pending_type = self._pending_type, None
            self.switch_bar.hide()
            self._apply_type(caller_type)

    def cancel_switch(self) -> None:
        self._pending_type = None
        self.switch_bar.hide()
        self._refresh()
        self.steps.setFocus(Qt.FocusReason.OtherFocusReason)

    def _apply_type(self, caller_type: str) -> None:
        self._caller_type = caller_type
        definition = self.definition_for(caller_type)
        if self._run is not None and definition is not None:
            self._run = replace(self._run.with_definition(definition), caller_type=caller_type)
            self._engaged = True
            self._save()
        self._refresh()

    # ---- cues ------------------------------------------------------------------------------
    def update_facts(self, facts: CallFacts | None) -> None:
        """The call as it is now (the flow's twice-a-second tick, or a test's clock)."""
        shown = self._shown_cue
        if shown is not None and (facts is None or facts.since(shown.kind) != shown.since):
            self._hide_cue()  # its reason is over: back from hold, or the call ended
        if self._run is None or facts is None:
            return
        extra = extra_cues(self._run.definition)
        due = self._run.due_cues(facts, extra)
        if not due:
            return
        self._run = self._run.record_cues(due)
        self._engaged = True
        self._save()
        messages = {r.key: r for r in self._run.rules(extra)}
        cue = next((c for c in due if c.step_key), due[0])
        rule = messages.get(cue.key)
        text = rule.message if rule is not None and rule.message else \
            QCoreApplication.translate("ChecklistWords", _CUE_WORDS.get(cue.kind, "%1")).replace(
                "%1", _span_text(rule.after_seconds if rule is not None else 0))
        self._shown_cue = cue
        self.cue_banner.text.setText(text)
        self.cue_banner.show()
        self.model.set_cued(cue.step_key)
        if not self.isVisible():
            self.notice.emit(text)  # the pane is tabbed away: say it once in the status bar

    @property
    def cue_text(self) -> str:
        return self.cue_banner.text.text() if self._shown_cue is not None else ""

    def dismiss_cue(self) -> None:
        self._hide_cue()

    def _hide_cue(self) -> None:
        self._shown_cue = None
        self.cue_banner.hide()
        self.model.set_cued(None)

    def _go_to_cued_step(self) -> None:
        if self._shown_cue is not None and self._shown_cue.step_key:
            row = self.model.row_of(self._shown_cue.step_key)
            if row >= 0:
                self.steps.setCurrentIndex(self.model.index(row))

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() == Qt.Key.Key_Escape and (self._shown_cue is not None or self._pending_type):
            self.cancel_switch() if self._pending_type else self.dismiss_cue()
            return
        super().keyPressEvent(event)

    # ---- showing ---------------------------------------------------------------------------
    def _refresh(self) -> None:
        current_key = self.model.data(self.steps.currentIndex(), ChecklistModel.KeyRole)
        if self._run is not None:
            self.model.set_run(self._run, self._origin)
        else:
            self.model.set_definition(self.definition_for(self._caller_type))
        shown_type = self._run.caller_type if self._run is not None else self._caller_type
        self.caller_type.setCurrentIndex(max(0, self.caller_type.findData(shown_type)))
        definition = self.model.definition
        self.description.setText(definition.description if definition is not None else "")
        # During a call the steps need the room; the description stays on the caller-type box.
        self.description.setVisible(bool(self.description.text()) and self._run is None)
        self.caller_type.setToolTip(self.description.text())
        if self._run is not None:
            p = self._run.progress
            self.progress_text.setText(self.tr("%1 of %2").replace("%1", str(p.done)).replace("%2", str(p.total)))
            self.progress.setRange(0, max(1, p.total))
            self.progress.setValue(p.done)
        else:
            self.progress_text.setText(self.tr("no call"))
            self.progress.setRange(0, 1)
            self.progress.setValue(0)
        row = self.model.row_of(current_key) if current_key else -1
        if row < 0 and self.model.rowCount():
            nxt = self._run.next_step if self._run is not None else None
            row = self.model.row_of(nxt.key) if nxt is not None else 0
        if row >= 0 and row != self.steps.currentIndex().row():
            self.steps.setCurrentIndex(self.model.index(row))
        self.steps.fit()
        self._show_details()

    def resizeEvent(self, event: Any) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self.steps.fit()  # titles wrap differently at another width

    def _show_details(self) -> None:
        row = self.steps.currentIndex().row()
        step = self.model.step_at(row)
        self.step_title.setText(f"{row + 1}. {step.title}" if step is not None else "")
        self.hint.setText(step.hint if step is not None else "")
        keys = step.phrases if step is not None else ()
        self.phrases.show_phrases([(key, self._phrases.get(key)) for key in keys], self.tr("“%1”"))
        self.phrases_label.setVisible(bool(keys))
        self.phrases.setVisible(bool(keys))

    def retranslate(self) -> None:
        self.type_label.setText(self.tr("&Caller:"))
        for i in range(self.caller_type.count()):
            self.caller_type.setItemText(i, caller_type_text(self.caller_type.itemData(i)))
        self.phrases_label.setText(self.tr("Suggested phrases (click or Enter inserts):"))
        self.switch_yes.setText(self.tr("Switch"))
        self.switch_no.setText(self.tr("Keep"))
        self.cue_close.setToolTip(self.tr("Hide (Esc)"))
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and current_language() != self._language:
            self.reload()
        elif event.type() == QEvent.Type.PaletteChange:
            self.cue_banner.restyle()
            self.switch_bar.restyle()
            self.phrases.restyle()
            self._show_details()
