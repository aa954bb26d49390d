"""Suggested phrases of the selected checklist step, shown like links: a click, Enter or Space
asks for the phrase's template (the templates pane fills it in and inserts it)."""

from __future__ import annotations

import time
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QPalette
from PySide6.QtWidgets import QFrame, QListWidget, QListWidgetItem

from desktop_agent.core.ports import TemplateDTO
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.shell.actions import is_enter
from desktop_agent.ui.templates.model import plain_tooltip

PHRASE_REPEAT_GUARD_S = 0.4  # a double click must not insert a phrase twice


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
            item = QListWidgetItem(fill(quoted, template.title) if template is not None else key)
            item.setData(self.KEY_ROLE, key)
            item.setToolTip(plain_tooltip(template.body) if template is not None else "")
            item.setForeground(self.palette().color(QPalette.ColorRole.Link))
            self.addItem(item)
        rows = sum(self.sizeHintForRow(r) for r in range(self.count()))
        self.setFixedHeight(rows + 2 * self.frameWidth() + 2)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        space = event.key() == Qt.Key.Key_Space and not event.modifiers()
        if (space or is_enter(event)) and self.currentItem():
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
