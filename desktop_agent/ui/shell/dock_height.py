"""Height for a docked pane while it is busy, borrowed from the docks above and below it.

At 1366x768 the right column holds the templates over the checklist and wrap-up (tabbed): the
wrap-up list then lacks rows for every disposition. While wrap-up runs the pane borrows what it
lacks from its neighbours in the column (each down to its own minimum at most) and gives each its
height back when wrap-up ends. Floating panes and panes outside a main window borrow nothing.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QTabBar, QWidget


class DockHeightLoan:
    """take() borrows for the pane's dock; give_back() returns every borrowed pixel."""

    def __init__(self, pane: QWidget) -> None:
        self.pane = pane
        self.lent: dict[QDockWidget, int] = {}  # each dock's height before the loan

    def _docked(self) -> tuple[QDockWidget, QMainWindow] | None:
        dock = self.pane.parentWidget()
        window = dock.parentWidget() if dock is not None else None
        if isinstance(dock, QDockWidget) and isinstance(window, QMainWindow) and not dock.isFloating():
            return dock, window
        return None

    def take(self, extra: int) -> bool:
        """Up to `extra` more pixels for the pane; False when no dock beside it could spare any."""
        docked = self._docked()
        if docked is None or extra <= 0:
            return False
        dock, window = docked
        area = window.dockWidgetArea(dock)
        column = dock.geometry()
        lenders = [d for d in window.findChildren(QDockWidget)
                   if d is not dock and d.isVisible() and not d.isFloating() and window.dockWidgetArea(d) == area
                   and d.geometry().left() < column.right() and column.left() < d.geometry().right()]
        heights: dict[QDockWidget, int] = {}
        wanted = extra
        for lender in sorted(lenders, key=lambda d: d.height(), reverse=True):  # the tallest can spare most
            spare = min(wanted, lender.height() - lender.minimumSizeHint().height())
            if spare > 0:
                heights[lender] = _slot_height(window, lender) - spare
                wanted -= spare
        if not heights:
            return False
        heights[dock] = _slot_height(window, dock) + extra - wanted
        for d in heights:
            self.lent.setdefault(d, _slot_height(window, d))
        window.resizeDocks(list(heights), list(heights.values()), Qt.Orientation.Vertical)
        return True

    def give_back(self) -> None:
        docked, lent, self.lent = self._docked(), self.lent, {}
        if docked is None or not lent:
            return
        window = docked[1]
        back = {d: h for d, h in lent.items() if shiboken6.isValid(d) and not d.isFloating()}
        window.resizeDocks(list(back), list(back.values()), Qt.Orientation.Vertical)


def _slot_height(window: QMainWindow, dock: QDockWidget) -> int:
    """The height resizeDocks() sets for `dock`: a tabbed dock's slot holds its tab bar too."""
    height = dock.height()
    if window.tabifiedDockWidgets(dock):
        at = dock.geometry()
        for bar in window.findChildren(QTabBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
            edge = bar.geometry()
            touches = edge.top() == at.bottom() + 1 or edge.bottom() + 1 == at.top()  # under it, or above it
            if bar.isVisible() and edge.left() == at.left() and touches:
                return height + edge.height()
    return height

