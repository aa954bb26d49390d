"""The conflict (de-escalation) checklist pane: caller type, steps with hints and phrases, ticks
with their time into the call, and calm timed cues.

The logic is core.checklist's: a run is immutable and every tick, cue or switch of caller type
returns a new one. The pane records the time (from an injectable clock), shows the run through
ChecklistModel, and saves it on the database worker each time something worth keeping happens,
linked to the call's interaction as soon as that row exists. `finish(interaction_id)` closes the
run at the end of wrap-up; `follow(flow)` wires all of this to the call flow.

An aid, not a nag: the pane never takes the keyboard by itself, never opens a dialog, and a cue is
a quiet banner that goes away by itself when its reason ends (the caller is back from hold, or
speaks again). Where the phone cannot hear silence, a dim note says the silence cue is off.

Its parts live beside it: checklist_steps (the step list), checklist_phrases, checklist_caller_type
(the caller-type box and the question before a switch that drops ticks), checklist_banner,
checklist_cues (the facts cues look at) and checklist_words (texts and actions).
"""

from __future__ import annotations

import uuid
from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import replace
from datetime import datetime
from typing import Any, ClassVar

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QProgressBar,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_agent.core.call_session import CallState
from desktop_agent.core.checklist import CallFacts, ChecklistDefinition, ChecklistRun, FiredCue, start_run
from desktop_agent.core.domain import CallerType, utcnow
from desktop_agent.core.ports import ChecklistService, TemplateDTO, TemplateService
from desktop_agent.ui.checklist.banner import Banner, pane_label
from desktop_agent.ui.checklist.caller_type import CallerTypeSwitch, dropped_ticks
from desktop_agent.ui.checklist.cues import (
    SilenceNote,
    extra_cues,
    facts_from_session,
    has_silence_cue,
    silence_detection,
)
from desktop_agent.ui.checklist.model import ChecklistModel
from desktop_agent.ui.checklist.phrases import PhraseList
from desktop_agent.ui.checklist.steps import StepList
from desktop_agent.ui.checklist.words import (
    CHECKLIST_CALLER_TYPE,
    TICK_ACTIONS,
    TICK_SLOTS,
    caller_type_text,
    cue_message,
)
from desktop_agent.ui.kit.i18n import current_language, fill
from desktop_agent.ui.kit.pane import Area, Pane
from desktop_agent.ui.kit.qt_bridge import ServiceRunner
from desktop_agent.ui.shell.actions import ActionRegistry

# Kept importable from here: tests and older callers know them by this module.
__all__ = ["CHECKLIST_CALLER_TYPE", "TICK_ACTIONS", "ChecklistPane", "caller_type_text", "extra_cues",
           "facts_from_session"]


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
        self._flow: Any = None
        self._own_run: ChecklistRun | None = None
        self._call_id: str | None = None
        self._origin: datetime | None = None  # the answer: ticks count from here
        self._interaction_ids: dict[str, uuid.UUID] = {}
        self._engaged = False  # something happened worth saving
        self._shown_cue: FiredCue | None = None
        self._silence_available: bool | None = None  # None: no phone told us (a pane on its own)
        self.last_run: ChecklistRun | None = None  # the run finish() closed last

        self.switch = CallerTypeSwitch(self)
        self.type_label, self.caller_type = self.switch.label, self.switch.box
        self.switch_bar, self.switch_yes, self.switch_no = self.switch.bar, self.switch.yes, self.switch.no
        self.progress_text = pane_label("checklistProgress", dim=True, wrap=False)
        self.progress = QProgressBar(objectName="checklistProgressBar", textVisible=False)
        self.progress.setFixedHeight(4)
        self.description = pane_label("checklistDescription", dim=True)
        self.cue_close = QToolButton(text="✕", autoRaise=True)
        self.cue_banner = Banner("cueBanner", "i", self.cue_close)
        self.silence_note = SilenceNote()
        self.model = ChecklistModel(self)
        self.steps = StepList(self.model)
        self.step_title = pane_label("checklistStepTitle", bold=True)
        self.hint = pane_label("checklistHint")
        self.phrases_label = pane_label(dim=True)
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
        for widget in (self.progress, self.description, self.silence_note, self.switch_bar, self.cue_banner):
            layout.addWidget(widget)
        # The steps take the room they need (the list scrolls when the pane is short); the hint and
        # phrases of the selected step get the rest.
        layout.addWidget(self.steps, 0)
        layout.addWidget(self.details, 1)

        self.switch.wanted.connect(self.set_caller_type)
        self.switch.confirmed.connect(self._apply_type)
        self.switch.cancelled.connect(self._switch_cancelled)
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
        self.reveal()
        self.switch.open()

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
    @property
    def _run(self) -> ChecklistRun | None:
        return self._own_run

    @_run.setter
    def _run(self, run: ChecklistRun | None) -> None:
        """The run is the call's: its record in the desk gets every change (ticks, cues, caller type)."""
        self._own_run = run
        if self._flow is not None and getattr(self, "_call_id", None) is not None:
            self._flow.set_checklist_run(self._call_id, run)

    def follow(self, flow: Any) -> None:
        """Start a run when a call is answered, watch it for cues, and save it when wrap-up is done."""
        self._flow = flow
        flow.interaction_recorded.connect(self._interaction_recorded)
        flow.call_changed.connect(self._call_changed)
        self.set_silence_detection(*silence_detection(flow.softphone))

        def ticked() -> None:
            available, backend = silence_detection(flow.softphone)
            if available != self._silence_available:  # a baresip the user runs may start reporting
                self.set_silence_detection(available, backend)
            self.update_facts(facts_from_session(flow.current, self._clock()))

        flow.ticked.connect(ticked)

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
        self.switch.forget()
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
        self.switch.forget()
        if caller_type == self._caller_type:
            self._refresh()
            return True
        dropped = dropped_ticks(self._run, self.definition_for(caller_type))
        if dropped:
            self.switch.ask(caller_type, dropped)
            self._refresh()
            return False
        self._apply_type(caller_type)
        return True

    def confirm_switch(self) -> None:
        self.switch.confirm()

    def cancel_switch(self) -> None:
        self.switch.cancel()

    def _switch_cancelled(self) -> None:
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
        text = cue_message(cue.kind, messages.get(cue.key))
        self._shown_cue = cue
        self.cue_banner.text.setText(text)
        self.cue_banner.show()
        self.model.set_cued(cue.step_key)
        if not self.isVisible():
            self.notice.emit(text)  # the pane is tabbed away: say it once in the status bar

    def set_silence_detection(self, available: bool, backend: str = "") -> None:
        """Whether the phone reports silence: if not, the silence cue is shown as off, with why."""
        self._silence_available = bool(available)
        self.silence_note.backend = backend
        self.silence_note.retranslate()
        self._show_silence_note()

    def _show_silence_note(self) -> None:
        self.silence_note.setVisible(self._silence_available is False and has_silence_cue(self.model.definition))

    @property
    def silence_cue_available(self) -> bool | None:
        return self._silence_available

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
        if event.key() == Qt.Key.Key_Escape and (self._shown_cue is not None or self.switch.pending):
            self.cancel_switch() if self.switch.pending else self.dismiss_cue()
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
        definition = self.model.definition
        self.description.setText(definition.description if definition is not None else "")
        # During a call the steps need the room; the description stays on the caller-type box.
        self.description.setVisible(bool(self.description.text()) and self._run is None)
        self.switch.show_type(shown_type, self.description.text())
        self._show_silence_note()
        if self._run is not None:
            p = self._run.progress
            self.progress_text.setText(fill(self.tr("%1 of %2"), p.done, p.total))
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
        self.switch.retranslate()
        self.phrases_label.setText(self.tr("Suggested phrases (click or Enter inserts):"))
        self.cue_close.setToolTip(self.tr("Hide (Esc)"))
        self.silence_note.retranslate()
        self._refresh()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and current_language() != self._language:
            self.reload()
        elif event.type() == QEvent.Type.PaletteChange:
            self.cue_banner.restyle()
            self.switch.restyle()
            self.phrases.restyle()
            self._show_details()
