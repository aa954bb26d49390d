"""The day's trend: calls waiting (filled, left axis) and the rolling service level (line, right
axis, with the goal dashed).

Samples go into fixed-size ring buffers (a day at one sample a second), so memory does not grow.
The two curves are made once; each tick only calls setData on them, and only while the chart can
be seen. Peak downsampling and clip-to-view keep a day of samples cheap to draw: a spike of
callers waiting survives downsampling instead of being averaged away.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from datetime import datetime, timedelta

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFont
from PySide6.QtWidgets import QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop_agent.core.kpi import PeriodKpis
from desktop_agent.ui.wallboard.palette import DIM_TEXT, GRID_LINE, PANEL, SL_CURVE, TEXT, WAITING_CURVE

DAY_SAMPLES = 86_400
SL_AXIS_TOP = 108  # per cent at the top of the right-hand axis


class RingBuffer:
    """The last `capacity` samples of a few float series, always readable as contiguous numpy views:
    every sample is written twice (at i and i + capacity), so no read ever copies or wraps."""

    def __init__(self, capacity: int, series: int) -> None:
        if capacity <= 0:
            raise ValueError("a ring buffer needs room for at least one sample")
        self.capacity = capacity
        self._data = np.full((series, 2 * capacity), np.nan)
        self._next = 0
        self.size = 0

    def append(self, *values: float) -> None:
        i = self._next
        self._data[:, i] = values
        self._data[:, i + self.capacity] = values
        self._next = (i + 1) % self.capacity
        self.size = min(self.size + 1, self.capacity)

    def series(self, k: int) -> np.ndarray:
        start = (self._next - self.size) % self.capacity
        return self._data[k, start:start + self.size]

    def last(self, k: int) -> float:
        return float(self._data[k, (self._next - 1) % self.capacity]) if self.size else math.nan

    def clear(self) -> None:
        self._data.fill(np.nan)
        self._next = self.size = 0


def hour_ticks(lo: float, hi: float) -> list[tuple[float, str]]:
    """Whole hours in local time, every hour up to 12 of them, else every second or third: a label
    under each gridline, whatever the width (pyqtgraph's own choice drops to one label at 1080p)."""
    span_h = max(1.0, (hi - lo) / 3600.0)
    step = 1 if span_h <= 12 else 2 if span_h <= 24 else 3
    first = datetime.fromtimestamp(lo).astimezone().replace(minute=0, second=0, microsecond=0)
    ticks = []
    t = first
    while t.timestamp() <= hi:
        if t.timestamp() >= lo and t.hour % step == 0:
            ticks.append((t.timestamp(), t.strftime("%H:%M")))
        t = t + timedelta(hours=1)
    return ticks


class TrendChart(QWidget):
    def __init__(self, parent: QWidget | None = None, *, capacity: int = DAY_SAMPLES) -> None:
        super().__init__(parent)
        self.setObjectName("trendChart")
        self.buffer = RingBuffer(capacity, 3)   # x (epoch s), waiting, service level %
        self._day_start = 0.0
        self._goal = 80.0
        self._ranges: tuple[float, float, float] = (0.0, 0.0, 0.0)
        self._column = -1                          # pixel column of the newest sample drawn
        self._extent = [0.0, 0.0, math.nan, math.nan]  # its waiting min/max and service-level min/max
        self.redraws = self.skipped = 0
        self.legend = QLabel(self, objectName="trendLegend")
        self.legend.setTextFormat(Qt.TextFormat.RichText)
        # a long legend (Russian) is cut at the chart's edge; it must never widen the chart
        self.legend.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.plot = pg.PlotWidget(parent=self, background=PANEL,
                                  axisItems={"bottom": pg.DateAxisItem(orientation="bottom")})
        self.plot.setObjectName("trendPlot")
        item = self.plot.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.setDownsampling(auto=True, mode="peak")
        item.setClipToView(True)
        item.showGrid(x=True, y=True, alpha=0.25)
        for name in ("left", "bottom", "right"):
            axis = item.getAxis(name)
            axis.setPen(pg.mkPen(GRID_LINE))
            axis.setTextPen(pg.mkPen(DIM_TEXT))
        fill = QColor(WAITING_CURVE)
        fill.setAlpha(90)
        self.waiting_curve = pg.PlotDataItem(pen=pg.mkPen(WAITING_CURVE, width=2), fillLevel=0, brush=fill,
                                             connect="finite")
        item.addItem(self.waiting_curve)
        # the service level has its own 0-100 % scale on the right
        self.sl_view = pg.ViewBox(enableMouse=False)
        item.showAxis("right")
        item.scene().addItem(self.sl_view)
        item.getAxis("right").linkToView(self.sl_view)
        self.sl_view.setXLink(item)
        # 0 lines up with "no calls waiting" on the left; the headroom above 100 % keeps a full
        # service level (the usual case on a quiet morning) visible instead of on the frame.
        self.sl_view.setYRange(0, SL_AXIS_TOP, padding=0)
        item.getAxis("right").setTicks([[(v, str(v)) for v in range(0, 101, 20)], []])
        self.sl_curve = pg.PlotDataItem(pen=pg.mkPen(SL_CURVE, width=3), connect="finite")
        self.sl_curve.setDownsampling(auto=True, method="peak")
        self.sl_curve.setClipToView(True)
        self.sl_view.addItem(self.sl_curve)
        self.goal_line = pg.InfiniteLine(pos=self._goal, angle=0,
                                         pen=pg.mkPen(SL_CURVE, width=1, style=Qt.PenStyle.DashLine))
        self.sl_view.addItem(self.goal_line)
        item.getViewBox().sigResized.connect(self._sync_views)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.legend)
        layout.addWidget(self.plot, 1)
        self.retranslate()

    def _sync_views(self) -> None:
        vb = self.plot.getPlotItem().getViewBox()
        self.sl_view.setGeometry(vb.sceneBoundingRect())
        self.sl_view.linkedViewChanged(vb, self.sl_view.XAxis)

    def retranslate(self) -> None:
        waiting = QCoreApplication.translate("Wallboard", "Calls waiting")
        sl = QCoreApplication.translate("Wallboard", "Service level, last 15 min, %")
        goal = QCoreApplication.translate("Wallboard", "goal")
        self.legend.setText(
            f"<span style='color:{WAITING_CURVE}'>&#9632;</span> <span style='color:{TEXT}'>{waiting}</span>"
            f" &nbsp;&nbsp; <span style='color:{SL_CURVE}'>&#9473;&#9473;</span> <span style='color:{TEXT}'>{sl}</span>"
            f" &nbsp;&nbsp; <span style='color:{SL_CURVE}'>- - -</span> <span style='color:{DIM_TEXT}'>{goal}</span>")
        item = self.plot.getPlotItem()
        item.getAxis("left").setLabel(QCoreApplication.translate("Wallboard", "Calls waiting"), color=DIM_TEXT)
        item.getAxis("right").setLabel(QCoreApplication.translate("Wallboard", "Service level, %"), color=DIM_TEXT)

    def set_goal(self, percent: float) -> None:
        if percent != self._goal:
            self._goal = percent
            self.goal_line.setValue(percent)

    def set_scale(self, scale: float) -> None:
        px = max(10, int(15 * scale))
        font = QFont()
        font.setPixelSize(px)
        item = self.plot.getPlotItem()
        for name in ("left", "bottom", "right"):
            axis = item.getAxis(name)
            axis.setStyle(tickFont=font, tickTextOffset=max(3, int(5 * scale)))
            axis.label.setFont(font)
        item.getAxis("left").setWidth(int(56 * scale))
        item.getAxis("right").setWidth(int(56 * scale))
        item.getAxis("bottom").setHeight(int(34 * scale))
        legend_font = QFont()
        legend_font.setPixelSize(max(11, int(17 * scale)))
        self.legend.setFont(legend_font)
        self.waiting_curve.setPen(pg.mkPen(WAITING_CURVE, width=max(2, int(2 * scale))))
        self.sl_curve.setPen(pg.mkPen(SL_CURVE, width=max(2, int(3 * scale))))

    # ------------------------------------------------------------------ data
    def add_sample(self, at: datetime, waiting: int, service_level: float | None, day_start: datetime | None) -> None:
        """One sample per tick. The day starts afresh at the engine's midnight."""
        start = day_start.timestamp() if day_start is not None else 0.0
        if start > self._day_start:
            if self._day_start:
                self.buffer.clear()
            self._day_start = start
        self.buffer.append(at.timestamp(), float(waiting), math.nan if service_level is None else service_level)

    def backfill(self, intervals: Iterable[PeriodKpis]) -> None:
        """The day before the board started, one point per finished interval (peak waiting, SL)."""
        if self.buffer.size:
            return
        for p in intervals:
            if p.end is None:
                continue
            sl = p.service_level
            self.buffer.append(p.end.timestamp(), float(p.peak_waiting), math.nan if sl is None else sl)

    def redraw(self) -> None:
        """setData on the two curves, at most once a tick; the caller skips this while the chart is
        hidden. A day of samples spans a few hundred pixels, so most seconds land in the column
        already drawn: when the newest sample neither starts a new column nor leaves the range of
        values that column shows (peak downsampling draws its min to max), nothing on screen would
        move, and the curves are left alone."""
        b = self.buffer
        if not b.size:
            return
        x = b.series(0)
        waiting = b.series(1)
        # The axes only change when the day reaches a new hour or a new peak: a range that moved every
        # second would have them lay out and repaint their ticks every second.
        first = float(x[0])
        now = float(x[-1])
        lo = max(first, self._day_start) if self._day_start else first
        lo = lo - (lo - self._day_start) % 3600 if self._day_start else lo
        hi = lo + max(3600.0, math.ceil((now - lo + 60.0) / 3600.0) * 3600.0)
        top = float(np.nanmax(waiting)) if waiting.size else 0.0
        y_top = max(10.0, math.ceil(top * 1.15 / 5.0) * 5.0)   # from 10 up the ticks are whole calls
        item = self.plot.getPlotItem()
        ranges_moved = (lo, hi, y_top) != self._ranges
        if ranges_moved:
            self._ranges = (lo, hi, y_top)
            item.setXRange(lo, hi, padding=0)
            item.setYRange(0, y_top, padding=0)
            item.getAxis("bottom").setTicks([hour_ticks(lo, hi), []])
        w, sl = b.last(1), b.last(2)
        column = int((now - lo) / (hi - lo) * max(1.0, item.getViewBox().width()))
        if not ranges_moved and column == self._column and self._column_holds(w, sl):
            self.skipped += 1
            return
        if column != self._column or ranges_moved:
            self._column, self._extent = column, [w, w, sl, sl]
        self.waiting_curve.setData(x, waiting)
        self.sl_curve.setData(x, b.series(2))
        self.redraws += 1

    def _column_holds(self, waiting: float, sl: float) -> bool:
        """Is the sample inside what the current pixel column already shows? Widens it if not."""
        e = self._extent
        inside = e[0] <= waiting <= e[1] and (math.isnan(sl) or (e[2] <= sl <= e[3]))
        if not inside:
            e[0], e[1] = min(e[0], waiting), max(e[1], waiting)
            if not math.isnan(sl):
                e[2] = sl if math.isnan(e[2]) else min(e[2], sl)
                e[3] = sl if math.isnan(e[3]) else max(e[3], sl)
        return inside
