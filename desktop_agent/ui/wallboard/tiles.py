"""KPI tiles: one big figure, its alarm colour and word, and its formula on request.

Each tile reads its row of the TileModel; nothing is computed here. Sizes follow the tile's own
height, so the same board reads from across the room on a 1080p television and on a 4K panel.
A click, Enter, Space or F1 on a tile asks for its formula (`formula_requested`).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
)
from PySide6.QtWidgets import QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

from desktop_agent.core.thresholds import Level
from desktop_agent.ui.wallboard import words
from desktop_agent.ui.wallboard.models import TILE_KEYS, TileModel, TileRole
from desktop_agent.ui.wallboard.palette import LEVEL_COLOURS, STATE_COLOURS, text_on

FORMULA_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space, Qt.Key.Key_F1)


def _px(label: QLabel, px: int, bold: bool = False) -> None:
    f = label.font()
    if f.pixelSize() != px or f.bold() != bold:
        f.setPixelSize(max(8, px))
        f.setBold(bold)
        label.setFont(f)


class KpiTile(QWidget):
    formula_requested = Signal(str)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"tile.{key}")
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Ignored)
        self.level = Level.NONE
        self._parts: list[tuple[str, str, str]] = []
        self.title = QLabel(self, objectName="tileTitle")
        self.title.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.badge = QLabel(self, objectName="tileBadge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.badge.hide()
        self.sub = QLabel(self, objectName="tileSub")
        self.sub.setWordWrap(False)
        self.sub.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # clip, never push
        self.values: list[QLabel] = []
        self.captions: list[QLabel] = []
        self._parts_row = QHBoxLayout()
        self._parts_row.setSpacing(0)
        self._layout = QVBoxLayout(self)
        self._layout.setSpacing(0)
        self._layout.addWidget(self.title)
        self._layout.addLayout(self._parts_row, 1)
        # the alarm word gets a line of its own under the figure: long words (ВНИМАНИЕ) never
        # squeeze the small line, and the stamp reads as part of the figure
        self._layout.addWidget(self.badge, 0, Qt.AlignmentFlag.AlignHCenter)
        self._layout.addWidget(self.sub)
        self._keyboard_focus = False
        self._apply_colours()

    # ------------------------------------------------------------------ content
    def set_content(self, title: str, parts: list[tuple[str, str, str]], sub: str, level: Level,
                    formula: str) -> None:
        refit_lines = False
        if self.title.text() != title:
            self.title.setText(title)
            self.setAccessibleName(title)
            refit_lines = True
        if len(parts) != len(self.values):
            self._build_parts(len(parts))
        refit = [len(p[0]) for p in parts] != [len(p[0]) for p in self._parts]
        for (text, caption, state), value, cap in zip(parts, self.values, self.captions, strict=True):
            if value.text() != text:
                value.setText(text)
            if state in _STATE_MARK:
                # colour marks the state, the word names it: white figures stay readable on any tile
                caption = f"<span style='color:{_STATE_MARK[state]}'>&#9632;</span>&nbsp;{caption}"
            if cap.text() != caption:
                cap.setText(caption)
            cap.setVisible(bool(caption))
        self._parts = list(parts)
        if self.sub.text() != sub:
            refit_lines = refit_lines or len(sub) != len(self.sub.text())
            self.sub.setText(sub)
        if self.toolTip() != formula:
            self.setToolTip(formula)
        badge = words.level_text(level) if level > Level.GREEN else ""
        if self.badge.text() != badge:
            self.badge.setText(badge)
            self.badge.setVisible(bool(badge))
        if level is not self.level:
            self.level = level
            self._apply_colours()
        if refit:
            self._fit()
        elif refit_lines:
            self._fit_lines()

    def _build_parts(self, n: int) -> None:
        while self._parts_row.count():
            item = self._parts_row.takeAt(0)
            if item.layout() is not None:
                while item.layout().count():
                    w = item.layout().takeAt(0).widget()
                    if w is not None:
                        w.hide()
                        w.deleteLater()
        self.values, self.captions = [], []
        for _ in range(n):
            col = QVBoxLayout()
            col.setSpacing(0)
            value = QLabel(self, objectName="tileValue")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel(self, objectName="tileCaption")
            caption.setTextFormat(Qt.TextFormat.RichText)
            caption.setAlignment(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop)
            col.addWidget(value, 1)
            col.addWidget(caption)
            self._parts_row.addLayout(col, 1)
            self.values.append(value)
            self.captions.append(caption)
        self._fit()

    def _apply_colours(self) -> None:
        bg = LEVEL_COLOURS[self.level]
        fg = text_on(bg)
        dim = "rgba(0,0,0,0.72)" if fg == "#000000" else "rgba(255,255,255,0.78)"
        # the alarm word sits in an inverted pill: a second cue beside the tile's colour
        self.setStyleSheet(f"QLabel {{ color: {fg}; background: transparent; }}"
                           f"QLabel#tileSub, QLabel#tileCaption, QLabel#tileTitle {{ color: {dim}; }}"
                           f"QLabel#tileBadge {{ color: {bg}; background: {fg}; border-radius: 4px; "
                           f"padding: 0px 6px; }}")
        self.update()

    # ------------------------------------------------------------------ size
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        h, w = max(1, self.height()), max(1, self.width())
        pad = int(min(h, w) * 0.06)
        self._layout.setContentsMargins(pad + 4, pad, pad + 4, pad)
        has_captions = any(c.text() for c in self.captions)
        text_px = self._text_px = int(min(h * 0.105, w * 0.085))
        _px(self.badge, text_px, bold=True)
        self._fit_lines()
        n = max(1, len(self.values))
        by_height = h * (0.40 if has_captions else 0.48)
        room = (w - 2 * pad - 8) / n * (0.92 if n == 1 else 0.82)   # several figures need air between
        ref = QFont(self.font())
        ref.setPixelSize(100)
        ref.setBold(True)
        metrics = QFontMetrics(ref)
        widest = max((metrics.horizontalAdvance(v.text()) for v in self.values), default=100)
        value_px = int(min(by_height, 100 * room / max(1, widest)))
        for value, cap in zip(self.values, self.captions, strict=True):
            _px(value, value_px, bold=True)
            _px(cap, int(text_px * 0.85))

    def _fit_lines(self) -> None:
        """Title and small line at their size, or smaller when a long (Russian) text would be cut."""
        pad = int(min(self.height(), self.width()) * 0.06)
        room = self.width() - 2 * pad - 8
        text_px = getattr(self, "_text_px", 12)
        for label, nominal, bold, avail in ((self.title, text_px, True, room),
                                            (self.sub, int(text_px * 0.85), False, room)):
            _px(label, _shrunk(label.text(), nominal, bold, avail, self.font()), bold=bold)

    # ------------------------------------------------------------------ paint and input
    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        r = QRectF(self.rect()).adjusted(2, 2, -2, -2)
        radius = min(12.0, self.height() * 0.06)
        p.setPen(Qt.PenStyle.NoPen)
        p.setBrush(QColor(LEVEL_COLOURS[self.level]))
        p.drawRoundedRect(r, radius, radius)
        if self.level is Level.RED:
            # a second cue beside colour: a thick outline on an alarm
            p.setPen(QPen(QColor("#ffffff"), max(3.0, self.height() * 0.025)))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(r.adjusted(3, 3, -3, -3), radius, radius)
        if self.hasFocus() and self._keyboard_focus:
            p.setPen(QPen(QColor("#ffd84d"), 3, Qt.PenStyle.DashLine))
            p.setBrush(Qt.BrushStyle.NoBrush)
            p.drawRoundedRect(r.adjusted(1, 1, -1, -1), radius, radius)
        p.end()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton:
            self.formula_requested.emit(self.key)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in FORMULA_KEYS:
            self.formula_requested.emit(self.key)
            event.accept()
            return
        super().keyPressEvent(event)

    def focusInEvent(self, event) -> None:  # noqa: ANN001, N802
        # the focus frame is for keyboard users; a kiosk's first tile must not look highlighted
        self._keyboard_focus = event.reason() in (Qt.FocusReason.TabFocusReason, Qt.FocusReason.BacktabFocusReason,
                                                  Qt.FocusReason.ShortcutFocusReason)
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: ANN001, N802
        super().focusOutEvent(event)
        self.update()


_STATE_MARK = {s.value: c for s, c in STATE_COLOURS.items()}


def _shrunk(text: str, nominal: int, bold: bool, avail: float, base: QFont) -> int:
    """The pixel size at which `text` fits `avail`, from `nominal` down to 65 % of it."""
    if not text or nominal <= 8:
        return nominal
    f = QFont(base)
    f.setPixelSize(nominal)
    f.setBold(bold)
    width = QFontMetrics(f).horizontalAdvance(text)
    if width <= avail:
        return nominal
    return max(int(nominal * 0.65), int(nominal * avail / width))


ROW1 = ("waiting_now", "longest_wait_now", "service_level", "asa", "aht", "abandon_rate", "occupancy")
ROW2 = (("calls", 3), ("agents", 4), ("staffing", 2), ("csat", 1), ("nps", 1), ("ces", 1))
SURVEYS = ("csat", "nps", "ces")


class TileBoard(QWidget):
    """The tiles in two rows (the live queue and service on top; volumes, agents and staffing
    below, with survey tiles only on days that have answers), refreshed from a TileModel."""

    formula_requested = Signal(str)

    def __init__(self, model: TileModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tileBoard")
        self.model = model
        self.tiles: dict[str, KpiTile] = {}
        self._rows = QVBoxLayout(self)
        self._rows.setContentsMargins(0, 0, 0, 0)
        self._top = QHBoxLayout()
        self._bottom = QHBoxLayout()
        self._rows.addLayout(self._top, 11)
        self._rows.addLayout(self._bottom, 9)
        for key in TILE_KEYS:
            tile = KpiTile(key, self)
            tile.formula_requested.connect(self.formula_requested)
            self.tiles[key] = tile
        for key in ROW1:
            self._top.addWidget(self.tiles[key], 1)
        for key, stretch in ROW2:
            self._bottom.addWidget(self.tiles[key], stretch)
        order = [*ROW1, *(k for k, _ in ROW2)]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(self.tiles[a], self.tiles[b])
        self._surveys: bool | None = None
        self._show_surveys(False)
        model.dataChanged.connect(self.refresh)
        model.modelReset.connect(self.refresh)
        self.refresh()

    def _show_surveys(self, shown: bool) -> None:
        if shown != self._surveys:
            self._surveys = shown
            for key in SURVEYS:
                self.tiles[key].setVisible(shown)

    def set_spacing(self, px: int) -> None:
        for layout in (self._rows, self._top, self._bottom):
            layout.setSpacing(px)

    def refresh(self, *_args) -> None:  # noqa: ANN002
        m = self.model
        self._show_surveys(any(bool(m.data(m.index(m.row_of(k)), TileRole.SHOWN)) for k in SURVEYS))
        for row in range(m.rowCount()):
            idx: QModelIndex = m.index(row)
            key = m.data(idx, TileRole.KEY)
            self.tiles[key].set_content(m.data(idx, TileRole.TITLE), m.data(idx, TileRole.PARTS) or [("–", "", "")],
                                        m.data(idx, TileRole.SUB), Level(m.data(idx, TileRole.LEVEL)),
                                        m.data(idx, TileRole.FORMULA))
