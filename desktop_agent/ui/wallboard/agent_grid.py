"""The agent grid: one coloured cell per logged-in agent, sorted by state and time in state.

A cell says who, what (state word; the pause reason when paused) and for how long, so colour is
never the only cue. Cells are painted by a delegate over AgentGridModel (no widget per agent), and
the cell size is chosen so that every agent fits the space: three lines when there is room, two in
dense mode, one line when even that does not fit (the grid scrolls only beyond that).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QResizeEvent, QStaticText
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop_agent.ui.wallboard.models import AgentCell, AgentGridModel, AgentRole
from desktop_agent.ui.wallboard.palette import OVER_LIMIT_EDGE, PANEL

OVER_LIMIT = QColor(OVER_LIMIT_EDGE)

GAP = 4


@dataclass(frozen=True, slots=True)
class CellLayout:
    width: int
    height: int
    lines: int      # 3: name / state / time; 2: name + time / state; 1: name state time
    font_px: int


# (lines) -> (cell width, cell height) in units of the font's pixel size
_SHAPE = {3: (10.5, 4.4), 2: (10.0, 3.1), 1: (14.0, 1.75)}


def _cell(lines: int, px: int) -> CellLayout:
    w, h = _SHAPE[lines]
    return CellLayout(int(px * w), int(px * h), lines, px)


def choose_layout(n: int, width: int, height: int, scale: float, dense: str) -> CellLayout:
    """The roomiest cell in which `n` agents fit a width x height area. dense: auto | on | off.
    auto tries three lines, then two; on starts at two; off keeps three lines and scrolls."""
    if dense == "off":
        return _widen(_cell(3, max(11, int(20 * scale))), width)
    tries = [(3, 26, 15), (2, 22, 12)] if dense != "on" else [(2, 18, 11)]
    for lines, high, low in tries:
        for px in range(max(9, round(high * scale)), max(9, round(low * scale)) - 1, -1):
            cell = _cell(lines, px)
            if _fits(n, width, height, cell):
                return _widen(cell, width)
    # squeeze: one line per agent, never below a readable size (the grid scrolls beyond that)
    for px in range(max(10, int(16 * scale)), 9, -1):
        cell = _cell(1, px)
        if _fits(n, width, height, cell):
            return _widen(cell, width)
    return _widen(_cell(1, 10), width)


def _fits(n: int, width: int, height: int, cell: CellLayout) -> bool:
    cols = max(1, width // (cell.width + GAP))   # the grid size holds the gap: every column has one
    rows = -(-n // cols) if n else 0
    return rows * (cell.height + GAP) <= height


def _widen(cell: CellLayout, width: int) -> CellLayout:
    """Share the row's spare width out among its cells: no ragged gap at the right edge."""
    cols = max(1, width // (cell.width + GAP))
    return CellLayout(max(cell.width, width // cols - GAP), cell.height, cell.lines, cell.font_px)


class AgentCellDelegate(QStyledItemDelegate):
    """Paints one agent. 300 cells repaint every second, so everything that does not change from
    one second to the next (fonts, metrics, elided names and state words) is prepared once."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._texts: dict[tuple[str, bool, int], QStaticText] = {}
        self.cell = CellLayout(230, 92, 3, 20)

    @property
    def cell(self) -> CellLayout:
        return self._cell

    @cell.setter
    def cell(self, cell: CellLayout) -> None:
        self._cell = cell
        self._bold = QFont()
        self._bold.setPixelSize(cell.font_px)
        self._bold.setBold(True)
        self._plain = QFont(self._bold)
        self._plain.setBold(False)
        self._bold_metrics = QFontMetrics(self._bold)
        self._plain_metrics = QFontMetrics(self._plain)
        self._pad = max(3, cell.font_px // 3)
        self._texts.clear()

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        return QSize(self._cell.width, self._cell.height)

    def _static(self, text: str, bold: bool, width: int) -> QStaticText:
        key = (text, bold, width)
        st = self._texts.get(key)
        if st is None:
            metrics = self._bold_metrics if bold else self._plain_metrics
            st = QStaticText(metrics.elidedText(text, Qt.TextElideMode.ElideRight, max(0, width)))
            st.setTextFormat(Qt.TextFormat.PlainText)
            st.prepare(font=self._bold if bold else self._plain)
            if len(self._texts) > 4000:
                self._texts.clear()
            self._texts[key] = st
        return st

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        c: AgentCell | None = index.data(AgentRole.CELL)
        if c is None:
            return
        cell, pad = self._cell, self._pad
        rect: QRect = option.rect.adjusted(0, 0, -GAP, -GAP)
        painter.fillRect(rect, c.background)   # square cells: no anti-aliasing to pay for, 300 times
        time_text = f"! {c.time_text}" if c.over_limit else c.time_text
        if c.over_limit:
            # paused past the reason's limit: a heavy outline, a "!", and the tooltip says why
            edge = max(2, cell.height // 14)
            painter.fillRect(rect.adjusted(0, 0, 0, edge - rect.height()), OVER_LIMIT)
            painter.fillRect(rect.adjusted(0, rect.height() - edge, 0, 0), OVER_LIMIT)
            painter.fillRect(rect.adjusted(0, 0, edge - rect.width(), 0), OVER_LIMIT)
            painter.fillRect(rect.adjusted(rect.width() - edge, 0, 0, 0), OVER_LIMIT)
        painter.setPen(c.foreground)
        inner = rect.adjusted(pad, 0, -pad, 0)
        line_h = inner.height() // cell.lines
        ascent_pad = (line_h - self._bold_metrics.height()) // 2
        time_w = self._bold_metrics.horizontalAdvance(time_text)
        top = inner.top()
        if cell.lines == 1:
            first = self._static(f"{c.name} · {c.short_state}", True, inner.width() - time_w - pad)
            painter.drawStaticText(inner.left(), top + ascent_pad, first)
        else:
            name_w = inner.width() - (time_w + pad if cell.lines == 2 else 0)
            painter.drawStaticText(inner.left(), top + ascent_pad, self._static(c.name, True, name_w))
            state = c.short_state if cell.lines == 2 else c.state_text
            painter.drawStaticText(inner.left(), top + line_h + ascent_pad, self._static(state, False, inner.width()))
        painter.setFont(self._bold)
        if cell.lines == 3:
            painter.drawText(inner.left(), top + 2 * line_h + ascent_pad + self._bold_metrics.ascent(), time_text)
        else:
            painter.drawText(inner.right() - time_w, top + ascent_pad + self._bold_metrics.ascent(), time_text)


class AgentGrid(QListView):
    def __init__(self, model: AgentGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agentGrid")
        self.setModel(model)
        self.delegate = AgentCellDelegate(self)
        self.setItemDelegate(self.delegate)
        self.setViewMode(QListView.ViewMode.IconMode)
        self.setFlow(QListView.Flow.LeftToRight)
        self.setWrapping(True)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setMovement(QListView.Movement.Static)
        self.setUniformItemSizes(True)
        self.setSpacing(0)
        self.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setStyleSheet(f"QListView {{ background: {PANEL}; border: none; }}")
        self.setUpdatesEnabled(True)
        self.scale = 1.0
        self.dense = "auto"
        model.modelReset.connect(self.relayout)
        model.rowsInserted.connect(self.relayout)

    @property
    def cell(self) -> CellLayout:
        return self.delegate.cell

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self.relayout()

    def set_dense(self, dense: str) -> None:
        self.dense = dense
        self.relayout()

    def relayout(self) -> None:
        vp = self.viewport()
        # QListView keeps room for its scroll bar when it wraps items, even while the bar is hidden
        bar = 0 if self.verticalScrollBar().isVisible() else self.verticalScrollBar().sizeHint().width()
        width = vp.width() - bar - 1
        cell = choose_layout(self.model().rowCount(), width, vp.height() - 2, self.scale, self.dense)
        if cell != self.delegate.cell:
            self.delegate.cell = cell
            self.setGridSize(QSize(cell.width + GAP, cell.height + GAP))
            self.scheduleDelayedItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.relayout()
