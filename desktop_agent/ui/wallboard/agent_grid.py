"""The agent grid: one coloured cell per logged-in agent, sorted by state and time in state.

A cell says who, what (state word; the pause reason when paused) and for how long, so colour is
never the only cue. The cell size is chosen so that every agent fits the space: three lines when
there is room, two in dense mode, one line when even that does not fit; past the smallest readable
size a "+N more" line says how many could not be shown (a wall screen cannot be scrolled).

The whole grid is painted in one paintEvent over AgentGridModel: 300 cells repaint every second
(their times change), and one Python call per frame instead of a delegate call per cell is what
keeps that cheap. Everything that does not change from one second to the next (fonts, metrics,
elided names and state words) is prepared once.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QRect, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QStaticText,
)
from PySide6.QtWidgets import QToolTip, QWidget

from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.wallboard.models import AgentCell, AgentGridModel
from desktop_agent.ui.wallboard.palette import DIM_TEXT, OVER_LIMIT_EDGE, PANEL

GAP = 4
OVER_LIMIT = QColor(OVER_LIMIT_EDGE)


@dataclass(frozen=True, slots=True)
class CellLayout:
    width: int
    height: int
    lines: int      # 3: name / state / time; 2: name + time / state; 1: name · state  time
    font_px: int


# (lines) -> (cell width, cell height) in units of the font's pixel size
_SHAPE = {3: (10.5, 4.4), 2: (10.0, 3.1), 1: (14.0, 1.75)}


def _cell(lines: int, px: int) -> CellLayout:
    w, h = _SHAPE[lines]
    return CellLayout(int(px * w), int(px * h), lines, px)


def gap_for(scale: float) -> int:
    return max(GAP, round(GAP * scale))


def columns(width: int, cell: CellLayout, gap: int = GAP) -> int:
    return max(1, (width + gap) // (cell.width + gap))


def _fits(n: int, width: int, height: int, cell: CellLayout, gap: int) -> bool:
    rows = -(-n // columns(width, cell, gap)) if n else 0
    return rows * (cell.height + gap) - gap <= height


def _widen(cell: CellLayout, width: int, gap: int) -> CellLayout:
    """Share the row's spare width out among its cells: no ragged gap at the right edge."""
    cols = columns(width, cell, gap)
    return CellLayout(max(cell.width, (width + gap) // cols - gap), cell.height, cell.lines, cell.font_px)


def choose_layout(n: int, width: int, height: int, scale: float, dense: str) -> CellLayout:
    """The roomiest cell in which `n` agents fit a width x height area. dense: auto | on | off.
    auto tries three lines, then two; on starts at two; off keeps three lines."""
    gap = gap_for(scale)
    if dense == "off":
        return _widen(_cell(3, max(11, int(20 * scale))), width, gap)
    tries = [(3, 26, 15), (2, 22, 12)] if dense != "on" else [(2, 18, 11)]
    for lines, high, low in tries:
        for px in range(max(9, round(high * scale)), max(9, round(low * scale)) - 1, -1):
            cell = _cell(lines, px)
            if _fits(n, width, height, cell, gap):
                return _widen(cell, width, gap)
    # squeeze: one line per agent, never below a readable size
    for px in range(max(10, int(16 * scale)), 9, -1):
        cell = _cell(1, px)
        if _fits(n, width, height, cell, gap):
            return _widen(cell, width, gap)
    return _widen(_cell(1, 10), width, gap)


class AgentGrid(QWidget):
    def __init__(self, model: AgentGridModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("agentGrid")
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent, True)   # every pixel is painted below
        self.model = model
        self.scale = 1.0
        self.dense = "auto"
        self.gap = GAP
        self._texts: dict[tuple[str, bool, int], QStaticText] = {}
        self._times: dict[str, tuple[QStaticText, int]] = {}
        self._background = QColor(PANEL)
        self._dim = QColor(DIM_TEXT)
        self.cell = _cell(3, 20)
        self.shown = 0    # cells that fit; the rest are counted on the "+N more" line
        for signal in (model.modelReset, model.rowsInserted, model.rowsRemoved, model.layoutChanged):
            signal.connect(self.relayout)
        model.dataChanged.connect(self.update)

    # ------------------------------------------------------------------ layout
    @property
    def cell(self) -> CellLayout:
        return self._cell

    @cell.setter
    def cell(self, cell: CellLayout) -> None:
        self._cell = cell
        self._bold = QFont(self.font())
        self._bold.setPixelSize(cell.font_px)
        self._bold.setBold(True)
        self._plain = QFont(self._bold)
        self._plain.setBold(False)
        self._bold_metrics = QFontMetrics(self._bold)
        self._plain_metrics = QFontMetrics(self._plain)
        self._pad = max(3, cell.font_px // 3)
        self._offset = (cell.height // cell.lines - self._bold_metrics.height()) // 2
        self._texts.clear()
        self._times.clear()

    def set_scale(self, scale: float) -> None:
        self.scale = scale
        self.relayout()

    def set_dense(self, dense: str) -> None:
        self.dense = dense
        self.relayout()

    def relayout(self) -> None:
        cell = choose_layout(self.model.rowCount(), self.width(), self.height(), self.scale, self.dense)
        if cell != self._cell:
            self.cell = cell
        gap = self.gap = gap_for(self.scale)
        cols = columns(self.width(), cell, gap)
        rows_fit = max(1, (self.height() + gap) // (cell.height + gap))
        n = self.model.rowCount()
        self.shown = n if n <= cols * rows_fit else max(0, cols * (rows_fit - 1))   # a row for "+N more"
        self.update()

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.relayout()

    def cell_rect(self, i: int) -> QRect:
        cell, gap = self._cell, self.gap
        r, c = divmod(i, columns(self.width(), cell, gap))
        return QRect(c * (cell.width + gap), r * (cell.height + gap), cell.width, cell.height)

    def index_at(self, pos: QPoint) -> int | None:
        for i in range(min(self.shown, self.model.rowCount())):
            if self.cell_rect(i).contains(pos):
                return i
        return None

    # ------------------------------------------------------------------ painting
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

    def _time(self, text: str) -> tuple[QStaticText, int]:
        """A time in state ("12:34") ready to draw, and its width: the same few thousand strings
        come back all day, so they are laid out and measured once."""
        hit = self._times.get(text)
        if hit is None:
            st = QStaticText(text)
            st.setTextFormat(Qt.TextFormat.PlainText)
            st.prepare(font=self._bold)
            if len(self._times) > 8000:
                self._times.clear()
            hit = self._times[text] = (st, self._bold_metrics.horizontalAdvance(text))
        return hit

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), self._background)
        n = self.model.rowCount()
        shown = min(self.shown, n)
        clip = event.rect()
        cell, gap = self._cell, self.gap
        cols = columns(self.width(), cell, gap)
        step_x, step_y = cell.width + gap, cell.height + gap
        cell_of = self.model.cell
        for i in range(shown):
            r, c = divmod(i, cols)
            rect = QRect(c * step_x, r * step_y, cell.width, cell.height)
            if rect.intersects(clip):
                self._paint_cell(p, rect, cell_of(i))
        if n == 0:
            p.setPen(self._dim)
            p.setFont(self._plain)
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter,
                       QCoreApplication.translate("Wallboard", "No agent is logged in."))
        elif shown < n:
            p.setPen(self._dim)
            p.setFont(self._bold)
            rect = self.cell_rect(shown)
            p.drawText(QRect(0, rect.top(), self.width(), rect.height()), Qt.AlignmentFlag.AlignCenter,
                       fill(QCoreApplication.translate("Wallboard", "+%1 more agents: switch dense mode (D) or give the grid more room"),
                            n - shown))
        p.end()

    def _paint_cell(self, p: QPainter, rect: QRect, c: AgentCell) -> None:
        cell, pad = self._cell, self._pad
        p.fillRect(rect, c.background)   # square cells: no anti-aliasing to pay for, 300 times a second
        time_st, time_w = self._time(f"! {c.time_text}" if c.over_limit else c.time_text)
        if c.over_limit:
            # paused past the reason's limit: a heavy outline and a "!", and the tooltip says why
            edge = max(2, cell.height // 14)
            x, y, w, h = rect.x(), rect.y(), rect.width(), rect.height()
            for r in ((x, y, w, edge), (x, y + h - edge, w, edge), (x, y, edge, h), (x + w - edge, y, edge, h)):
                p.fillRect(*r, OVER_LIMIT)
        p.setPen(c.foreground)
        left, top = rect.left() + pad, rect.top()
        width = rect.width() - 2 * pad
        line_h = rect.height() // cell.lines
        offset = self._offset
        p.setFont(self._bold)   # a static text is laid out once, but drawn in the painter's font
        if cell.lines == 1:
            p.drawStaticText(left, top + offset, self._static(f"{c.name} · {c.short_state}", True, width - time_w - pad))
            p.drawStaticText(left + width - time_w, top + offset, time_st)
            return
        name_w = width - (time_w + pad if cell.lines == 2 else 0)
        p.drawStaticText(left, top + offset, self._static(c.name, True, name_w))
        if cell.lines == 3:
            p.drawStaticText(left, top + 2 * line_h + offset, time_st)
        else:
            p.drawStaticText(left + width - time_w, top + offset, time_st)
        state = c.short_state if cell.lines == 2 else c.state_text
        p.setFont(self._plain)
        p.drawStaticText(left, top + line_h + offset, self._static(state, False, width))

    # ------------------------------------------------------------------ tooltips
    def event(self, event: QEvent) -> bool:
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            i = self.index_at(event.pos())
            if i is None:
                QToolTip.hideText()
            else:
                QToolTip.showText(event.globalPos(), self.model.data(self.model.index(i), Qt.ItemDataRole.ToolTipRole),
                                  self)
            return True
        return super().event(event)
