"""The checklist pane's step model: one row per step of a definition, ticks and times from a run.

The run is a frozen core.checklist.ChecklistRun owned by the pane; the model only shows it. When
the view asks to tick (Space, a click on the box), the model emits `toggle_requested` and the pane
decides, records the time and hands back the new run. Replacing the run repaints only the rows
whose tick changed, so a view keeps its selection and scroll position.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt, Signal

from desktop_agent.core.checklist import ChecklistDefinition, ChecklistRun, ChecklistStep, StepTick

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole


def elapsed_text(seconds: float) -> str:
    """`mm:ss` into the call (`h:mm:ss` from an hour on). A tick before the origin shows 00:00."""
    total = max(0, int(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes:02d}:{secs:02d}"


class ChecklistModel(QAbstractListModel):
    StepRole = Role.UserRole + 1     # the ChecklistStep
    TickRole = Role.UserRole + 2     # the StepTick, or None without a run
    KeyRole = Role.UserRole + 3
    HintRole = Role.UserRole + 4
    TimeRole = Role.UserRole + 5     # "mm:ss" into the call when done, else ""
    NumberRole = Role.UserRole + 6   # 1-based: Ctrl+N ticks it
    PhrasesRole = Role.UserRole + 7  # template keys of suggested phrases
    CuedRole = Role.UserRole + 8     # a timed cue points at this step now

    toggle_requested = Signal(str)  # step key: the view asked to tick or untick it

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._definition: ChecklistDefinition | None = None
        self._run: ChecklistRun | None = None
        self._origin: datetime | None = None
        self._cued: str | None = None

    # ---- content -------------------------------------------------------------------------
    @property
    def steps(self) -> tuple[ChecklistStep, ...]:
        return self._definition.steps if self._definition is not None else ()

    @property
    def run(self) -> ChecklistRun | None:
        return self._run

    @property
    def definition(self) -> ChecklistDefinition | None:
        return self._definition

    def set_definition(self, definition: ChecklistDefinition | None) -> None:
        """Show a definition without a run: steps to read, nothing to tick."""
        self._replace(definition, None, None)

    def set_run(self, run: ChecklistRun | None, origin: datetime | None = None) -> None:
        """Show a run; `origin` is where the times count from (the answer), else the run's start."""
        if run is None:
            self._replace(self._definition, None, None)
        else:
            self._replace(run.definition, run, origin or run.started_at)

    def set_cued(self, step_key: str | None) -> None:
        if step_key == self._cued:
            return
        rows = [self.row_of(k) for k in (self._cued, step_key) if k]
        self._cued = step_key
        for row in rows:
            if row >= 0:
                self.dataChanged.emit(self.index(row), self.index(row), [self.CuedRole])

    def _replace(self, definition: ChecklistDefinition | None, run: ChecklistRun | None,
                 origin: datetime | None) -> None:
        old_keys = tuple(s.key for s in self.steps)
        new_keys = tuple(s.key for s in definition.steps) if definition is not None else ()
        same_rows = old_keys == new_keys and self._definition is not None and definition is not None \
            and [(s.title, s.hint, s.phrases) for s in self.steps] == \
            [(s.title, s.hint, s.phrases) for s in definition.steps]
        if not same_rows:
            self.beginResetModel()
            self._definition, self._run, self._origin = definition, run, origin
            self.endResetModel()
            return
        before = [(self._tick(k), self._checkable) for k in old_keys]
        origin_moved = origin != self._origin
        self._definition, self._run, self._origin = definition, run, origin
        for row, key in enumerate(new_keys):
            if origin_moved or before[row] != (self._tick(key), self._checkable):
                index = self.index(row)
                self.dataChanged.emit(index, index, [Role.CheckStateRole, self.TickRole, self.TimeRole])

    @property
    def _checkable(self) -> bool:
        return self._run is not None

    def _tick(self, key: str) -> StepTick | None:
        if self._run is None:
            return None
        for tick in self._run.ticks:
            if tick.key == key:
                return tick
        return None

    def step_at(self, row: int) -> ChecklistStep | None:
        steps = self.steps
        return steps[row] if 0 <= row < len(steps) else None

    def row_of(self, key: str) -> int:
        for row, step in enumerate(self.steps):
            if step.key == key:
                return row
        return -1

    def time_text(self, key: str) -> str:
        tick = self._tick(key)
        if tick is None or tick.done_at is None or self._origin is None:
            return ""
        return elapsed_text((tick.done_at - self._origin).total_seconds())

    # ---- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name and default
        return 0 if parent.isValid() else len(self.steps)

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        return flags | Qt.ItemFlag.ItemIsUserCheckable if self._checkable else flags

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        step = self.step_at(index.row()) if index.isValid() else None
        if step is None:
            return None
        if role == Role.DisplayRole:
            return step.title
        if role == Role.CheckStateRole:
            if not self._checkable:
                return None
            tick = self._tick(step.key)
            return Qt.CheckState.Checked if tick is not None and tick.done else Qt.CheckState.Unchecked
        if role == Role.ToolTipRole:
            return step.hint or None
        if role == self.StepRole:
            return step
        if role == self.TickRole:
            return self._tick(step.key)
        if role == self.KeyRole:
            return step.key
        if role == self.HintRole:
            return step.hint
        if role == self.TimeRole:
            return self.time_text(step.key)
        if role == self.NumberRole:
            return index.row() + 1
        if role == self.PhrasesRole:
            return step.phrases
        if role == self.CuedRole:
            return step.key == self._cued
        return None

    def setData(self, index: Index, value: Any, role: int = Role.EditRole) -> bool:  # noqa: N802 - Qt's name
        """A tick from the view becomes a request; the pane records it with the time and returns a
        new run (set_run), which repaints the row."""
        if role != Role.CheckStateRole or not self._checkable or not index.isValid():
            return False
        step = self.step_at(index.row())
        if step is None:
            return False
        wanted = Qt.CheckState(value) == Qt.CheckState.Checked if not isinstance(value, bool) else value
        tick = self._tick(step.key)
        if wanted != (tick is not None and tick.done):
            self.toggle_requested.emit(step.key)
        return True

    def roleNames(self) -> dict[int, bytes]:  # noqa: N802 - Qt's name
        names = dict(super().roleNames())
        names.update({self.StepRole: b"step", self.TickRole: b"tick", self.KeyRole: b"key",
                      self.HintRole: b"hint", self.TimeRole: b"time", self.NumberRole: b"number",
                      self.PhrasesRole: b"phrases", self.CuedRole: b"cued"})
        return names
