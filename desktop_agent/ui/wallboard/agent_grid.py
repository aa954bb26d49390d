"""The agent grid: one coloured cell per logged-in agent, sorted by state and time in state.

A cell says who, what (state word; the pause reason when paused) and for how long, so colour is
never the only cue. Cells are painted by a delegate over AgentGridModel (no widget per agent), and
the cell size is chosen so that every agent fits the space: three lines when there is room, two in
dense mode, one line when even that does not fit (the grid scrolls only beyond that).
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPen, QResizeEvent
from PySide6.QtWidgets import QAbstractItemView, QListView, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from desktop_agent.ui.wallboard.models import AgentGridModel, AgentRole
from desktop_agent.ui.wallboard.palette import OVER_LIMIT_EDGE, PANEL

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
    cols = max(1, (width + GAP) // (cell.width + GAP))
    rows = -(-n // cols) if n else 0
    return rows * (cell.height + GAP) <= height


def _widen(cell: CellLayout, width: int) -> CellLayout:
    """Share the row's spare width out among its cells: no ragged gap at the right edge."""
    cols = max(1, (width + GAP) // (cell.width + GAP))
    return CellLayout(max(cell.width, (width + GAP) // cols - GAP), cell.height, cell.lines, cell.font_px)


class AgentCellDelegate(QStyledItemDelegate):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.cell = CellLayout(230, 92, 3, 20)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:  # noqa: N802
        return QSize(self.cell.width, self.cell.height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        cell = self.cell
        rect: QRect = option.rect.adjusted(0, 0, -GAP, -GAP)
        bg = index.data(Qt.ItemDataRole.BackgroundRole) or QColor("#444444")
        fg = index.data(Qt.ItemDataRole.ForegroundRole) or QColor("#ffffff")
        name = index.data(Qt.ItemDataRole.DisplayRole) or ""
        time_text = index.data(AgentRole.TIME_TEXT) or ""
        if index.data(AgentRole.OVER_LIMIT):
            time_text = "! " + time_text
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(bg)
        radius = max(3.0, cell.height * 0.08)
        painter.drawRoundedRect(rect, radius, radius)
        if index.data(AgentRole.OVER_LIMIT):
            # paused past the reason's limit: a heavy outline, and the tooltip says why
            edge = max(2.0, cell.height * 0.07)
            painter.setPen(QPen(QColor(OVER_LIMIT_EDGE), edge))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(QRectF(rect).adjusted(edge / 2, edge / 2, -edge / 2, -edge / 2), radius, radius)
        painter.setPen(fg)
        pad = max(3, cell.font_px // 3)
        inner = rect.adjusted(pad, 0, -pad, 0)
        bold = QFont(option.font)
        bold.setPixelSize(cell.font_px)
        bold.setBold(True)
        plain = QFont(bold)
        plain.setBold(False)
        align_l = Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        align_r = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        if cell.lines == 1:
            state = index.data(AgentRole.SHORT_STATE) or ""
            painter.setFont(bold)
            tw = QFontMetrics(bold).horizontalAdvance(time_text) + pad
            painter.drawText(inner.adjusted(0, 0, -tw, 0), align_l,
                             _elide(f"{name} · {state}", bold, inner.width() - tw))
            painter.drawText(inner, align_r, time_text)
        else:
            line_h = inner.height() // cell.lines
            first = QRect(inner.left(), inner.top(), inner.width(), line_h)
            painter.setFont(bold)
            if cell.lines == 2:
                tw = QFontMetrics(bold).horizontalAdvance(time_text) + pad
                painter.drawText(first.adjusted(0, 0, -tw, 0), align_l, _elide(name, bold, first.width() - tw))
                painter.drawText(first, align_r, time_text)
                state = index.data(AgentRole.SHORT_STATE) or ""
            else:
                painter.drawText(first, align_l, _elide(name, bold, first.width()))
                state = index.data(AgentRole.STATE_TEXT) or ""
            painter.setFont(plain)
            second = first.translated(0, line_h)
            painter.drawText(second, align_l, _elide(state, plain, second.width()))
            if cell.lines == 3:
                painter.setFont(bold)
                painter.drawText(second.translated(0, line_h), align_l, time_text)
        painter.restore()


def _elide(text: str, font: QFont, width: int) -> str:
    return QFontMetrics(font).elidedText(text, Qt.TextElideMode.ElideRight, max(0, width))


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
        cell = choose_layout(self.model().rowCount(), vp.width(), vp.height(), self.scale, self.dense)
        if cell != self.delegate.cell:
            self.delegate.cell = cell
            self.setGridSize(QSize(cell.width + GAP, cell.height + GAP))
            self.scheduleDelayedItemsLayout()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.relayout()
