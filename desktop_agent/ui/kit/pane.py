"""The base of every pane in the operator window.

A pane is one module (screen-pop card, ticket editor, templates, checklist, wrap-up...). The main
window only composes them: it wraps each in a QDockWidget named `pane_id` (saveState keys on that
name, so never rename it), places it in `default_area` (or tabbed with `tab_with`), registers the
pane's actions, and gives it a "show and focus" action on `focus_shortcut`.

Panes get their services in their constructor (from app.py) and never reach for globals. Texts
go through `self.tr()` in `retranslate()`, which runs again when the language changes.
"""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QWidget

from desktop_agent.ui.shell.actions import ActionRegistry

Area = Qt.DockWidgetArea


class Pane(QWidget):
    pane_id: ClassVar[str] = ""                    # the dock's objectName, e.g. "pane.wrapup"
    default_area: ClassVar[Area | None] = Area.RightDockWidgetArea  # None: the central workspace
    tab_with: ClassVar[str] = ""                   # pane_id to share a tab group with by default
    focus_shortcut: ClassVar[str] = ""             # e.g. "Alt+3": show this pane and focus it
    focus_action_id: ClassVar[str] = ""            # or: the pane's own action that does that
    minimum_width: ClassVar[int] = 260

    def title(self) -> str:
        """The dock's title, translated (override with `return self.tr("...")`)."""
        raise NotImplementedError

    def register_actions(self, registry: ActionRegistry) -> None:
        """Add this pane's actions (each with a shortcut) and connect them."""

    def retranslate(self) -> None:
        """Re-apply every text; called once after construction and on each language change."""

    def focus_target(self) -> QWidget:
        """The widget that takes the keyboard when the pane's shortcut is pressed."""
        return self

    def reveal(self) -> None:
        """Bring the pane's dock on screen and on top: it may be closed, or behind another tab."""
        dock = self.parentWidget()
        if dock is not None:
            dock.show()
            dock.raise_()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def on_screen(widget: QWidget) -> bool:
    """Something of `widget` is on the screen now: shown, its window not minimised, and not behind
    another dock's tab (such a dock is not hidden but moved out of its window: "visible", with
    nothing of it on the screen)."""
    window = widget.window()
    return (widget.isVisible() and not (window is not None and window.isMinimized())
            and not widget.visibleRegion().isEmpty())
