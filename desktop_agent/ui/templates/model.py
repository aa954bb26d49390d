"""The templates pane's list model: search results over frozen TemplateDTOs, with favourite slots.

The model holds DTOs the search returned (a few dozen) and never asks the service anything, so a
view can never trigger a database call. Favourites (slot 1-9 -> template) are kept beside the
rows: a result shows the number key it sits on, and Alt+N finds its template without a query.
"""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping, Sequence
from typing import Any

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from desktop_agent.core.ports import TemplateDTO

FAVOURITE_SLOTS = range(1, 10)
SNIPPET_CHARS = 160
TOOLTIP_CHARS = 600

Index = QModelIndex | QPersistentModelIndex
Role = Qt.ItemDataRole


def snippet(text: str, limit: int = SNIPPET_CHARS) -> str:
    """The start of a body on one line. Looks at a bounded prefix only: bodies can be huge."""
    words = (text or "")[: limit * 3].split()
    line = " ".join(words)
    return line if len(line) <= limit else line[: limit - 1].rstrip() + "…"


def plain_tooltip(text: str, limit: int = TOOLTIP_CHARS) -> str:
    """A tooltip that shows template text as text: Qt would render markup in a plain string."""
    body = (text or "")[:limit] + ("…" if len(text or "") > limit else "")
    return f"<p style='white-space:pre-wrap'>{html.escape(body)}</p>"


def pin_favourites(results: Sequence[TemplateDTO], favourites: Mapping[int, TemplateDTO]) -> tuple[TemplateDTO, ...]:
    """Favourites first in slot order, then the other results: the list shown for an empty query."""
    pinned = [favourites[s] for s in sorted(favourites)]
    keys = {t.key for t in pinned}
    seen: set[str] = set()
    ordered = []
    for t in pinned:
        if t.key not in seen:
            seen.add(t.key)
            ordered.append(t)
    return tuple(ordered) + tuple(t for t in results if t.key not in keys)


class TemplateListModel(QAbstractListModel):
    TemplateRole = Role.UserRole + 1     # the TemplateDTO
    KeyRole = Role.UserRole + 2
    CategoryRole = Role.UserRole + 3     # the category code
    CategoryTitleRole = Role.UserRole + 4  # the category in words (the pane's translation)
    SlotRole = Role.UserRole + 5         # favourite number key 1-9, or None
    SnippetRole = Role.UserRole + 6      # the start of the body on one line

    def __init__(self, category_title: Callable[[str], str] = str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._category_title = category_title
        self._rows: tuple[TemplateDTO, ...] = ()
        self._favourites: dict[int, TemplateDTO] = {}
        self._slot_by_key: dict[str, int] = {}

    # ---- content -------------------------------------------------------------------------
    def set_templates(self, templates: Sequence[TemplateDTO]) -> None:
        """A new result set: search results replace each other wholesale."""
        self.beginResetModel()
        self._rows = tuple(templates)
        self.endResetModel()

    def set_favourites(self, favourites: Mapping[int, TemplateDTO]) -> None:
        """Slot -> template. Repaints only the rows whose number key changed."""
        before = dict(self._slot_by_key)
        self._favourites = {s: t for s, t in favourites.items() if s in FAVOURITE_SLOTS}
        self._slot_by_key = {}
        for slot in sorted(self._favourites):
            self._slot_by_key.setdefault(self._favourites[slot].key, slot)
        for row, t in enumerate(self._rows):
            if before.get(t.key) != self._slot_by_key.get(t.key):
                index = self.index(row)
                self.dataChanged.emit(index, index, [self.SlotRole, Role.DisplayRole])

    def set_category_title(self, category_title: Callable[[str], str]) -> None:
        """The language changed: category words are asked for again."""
        self._category_title = category_title
        if self._rows:
            self.dataChanged.emit(self.index(0), self.index(len(self._rows) - 1), [self.CategoryTitleRole])

    @property
    def templates(self) -> tuple[TemplateDTO, ...]:
        return self._rows

    @property
    def favourites(self) -> dict[int, TemplateDTO]:
        return dict(self._favourites)

    def template_at(self, row: int) -> TemplateDTO | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, key: str) -> int:
        for row, t in enumerate(self._rows):
            if t.key == key:
                return row
        return -1

    def slot_of(self, key: str) -> int | None:
        return self._slot_by_key.get(key)

    def favourite(self, slot: int) -> TemplateDTO | None:
        return self._favourites.get(slot)

    # ---- Qt --------------------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's name and default
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Role.DisplayRole) -> Any:
        t = self.template_at(index.row()) if index.isValid() else None
        if t is None:
            return None
        if role == Role.DisplayRole:
            return t.title
        if role == Role.ToolTipRole:
            return plain_tooltip(t.body)
        if role == self.TemplateRole:
            return t
        if role == self.KeyRole:
            return t.key
        if role == self.CategoryRole:
            return t.category
        if role == self.CategoryTitleRole:
            return self._category_title(t.category)
        if role == self.SlotRole:
            return self._slot_by_key.get(t.key)
        if role == self.SnippetRole:
            return snippet(t.body)
        if role == Role.AccessibleTextRole:
            slot = self._slot_by_key.get(t.key)
            return f"{t.title}, Alt+{slot}" if slot else t.title
        return None

    def roleNames(self) -> dict[int, bytes]:  # noqa: N802 - Qt's name
        names = dict(super().roleNames())
        names.update({self.TemplateRole: b"template", self.KeyRole: b"key", self.CategoryRole: b"category",
                      self.CategoryTitleRole: b"categoryTitle", self.SlotRole: b"slot",
                      self.SnippetRole: b"snippet"})
        return names
