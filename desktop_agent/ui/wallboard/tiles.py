"""KPI tiles: one big figure, its alarm colour and word, and its formula on request.

Each tile reads its row of the TileModel; nothing is computed here. Sizes follow the tile's own
height, so the same board reads from across the room on a 1080p television and on a 4K panel.
A click, Enter, Space or F1 on a tile asks for its formula (`formula_requested`).
"""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent, QMouseEvent, QPainter, QPaintEvent, QPen, QResizeEvent
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QLabel, QSizePolicy, QVBoxLayout, QWidget

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
        self.badge = QLabel(self, objectName="tileBadge")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.sub = QLabel(self, objectName="tileSub")
        self.sub.setWordWrap(False)
        self.values: list[QLabel] = []
        self.captions: list[QLabel] = []
        top = QHBoxLayout()
        top.addWidget(self.title, 1)
        top.addWidget(self.badge)
        self._parts_row = QHBoxLayout()
        self._parts_row.setSpacing(0)
        self._layout = QVBoxLayout(self)
        self._layout.addLayout(top)
        self._layout.addLayout(self._parts_row, 1)
        self._layout.addWidget(self.sub)
        self._apply_colours()

    # ------------------------------------------------------------------ content
    def set_content(self, title: str, parts: list[tuple[str, str, str]], sub: str, level: Level,
                    formula: str) -> None:
        if self.title.text() != title:
            self.title.setText(title)
            self.setAccessibleName(title)
        if len(parts) != len(self.values):
            self._build_parts(len(parts))
        refit = [len(p[0]) for p in parts] != [len(p[0]) for p in self._parts]
        for (text, caption, state), value, cap in zip(parts, self.values, self.captions, strict=True):
            if value.text() != text:
                value.setText(text)
            if cap.text() != caption:
                cap.setText(caption)
            cap.setVisible(bool(caption))
            css = f"color: {_state_text_colour(state, level)};" if state else ""
            if value.styleSheet() != css:
                value.setStyleSheet(css)
        self._parts = list(parts)
        if self.sub.text() != sub:
            self.sub.setText(sub)
        if self.toolTip() != formula:
            self.setToolTip(formula)
        badge = words.level_text(level) if level is not Level.NONE else ""
        if self.badge.text() != badge:
            self.badge.setText(badge)
        if level is not self.level:
            self.level = level
            self._apply_colours()
        if refit:
            self._fit()

    def _build_parts(self, n: int) -> None:
        while self._parts_row.count():
            item = self._parts_row.takeAt(0)
            if item.layout() is not None:
                while item.layout().count():
                    w = item.layout().takeAt(0).widget()
                    if w is not None:
                        w.deleteLater()
        self.values, self.captions = [], []
        for _ in range(n):
            col = QVBoxLayout()
            col.setSpacing(0)
            value = QLabel(self, objectName="tileValue")
            value.setAlignment(Qt.AlignmentFlag.AlignCenter)
            caption = QLabel(self, objectName="tileCaption")
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
        self.setStyleSheet(f"QLabel {{ color: {fg}; background: transparent; }}"
                           f"QLabel#tileSub, QLabel#tileCaption, QLabel#tileTitle {{ color: {dim}; }}")
        self.update()

    # ------------------------------------------------------------------ size
    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802
        super().resizeEvent(event)
        self._fit()

    def _fit(self) -> None:
        h, w = max(1, self.height()), max(1, self.width())
        pad = int(h * 0.06)
        self._layout.setContentsMargins(pad + 2, pad, pad + 2, pad)
        has_captions = any(c.text() for c in self.captions)
        _px(self.title, int(h * 0.115), bold=True)
        _px(self.badge, int(h * 0.095), bold=True)
        _px(self.sub, int(h * 0.095))
        n = max(1, len(self.values))
        longest = max((len(v.text()) for v in self.values), default=3)
        by_height = h * (0.36 if has_captions else 0.44)
        by_width = (w - 2 * pad) / n / max(2.5, longest * 0.62)
        value_px = int(min(by_height, by_width))
        for value, cap in zip(self.values, self.captions, strict=True):
            _px(value, value_px, bold=True)
            _px(cap, int(h * 0.09))

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
        if self.hasFocus():
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
        super().focusInEvent(event)
        self.update()

    def focusOutEvent(self, event) -> None:  # noqa: ANN001, N802
        super().focusOutEvent(event)
        self.update()


def _state_text_colour(state: str, level: Level) -> str:
    """An agent-state figure on the agents tile is drawn in its state's colour on the neutral tile."""
    from desktop_agent.core.kpi import AgentState

    try:
        colour = STATE_COLOURS[AgentState(state)]
    except ValueError:
        return text_on(LEVEL_COLOURS[level])
    return colour if level is Level.NONE else text_on(LEVEL_COLOURS[level])


# Where each tile sits on an 8-column grid: (row, column, column span). Survey tiles take the
# right of row 2 when there are answers today, and the tiles beside them narrow.
_GRID = {"waiting_now": (0, 0, 1), "longest_wait_now": (0, 1, 1), "service_level": (0, 2, 1), "asa": (0, 3, 1),
         "aht": (0, 4, 1), "abandon_rate": (0, 5, 1), "occupancy": (0, 6, 1), "staffing": (0, 7, 1)}
_ROW2 = {False: {"calls": (1, 0, 3), "agents": (1, 3, 5)},
         True: {"calls": (1, 0, 2), "agents": (1, 2, 3), "csat": (1, 5, 1), "nps": (1, 6, 1), "ces": (1, 7, 1)}}
COLUMNS = 8


class TileBoard(QWidget):
    """The tiles, laid out on a grid, refreshed from a TileModel."""

    formula_requested = Signal(str)

    def __init__(self, model: TileModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("tileBoard")
        self.model = model
        self.tiles: dict[str, KpiTile] = {}
        self.grid = QGridLayout(self)
        self.grid.setContentsMargins(0, 0, 0, 0)
        for key in TILE_KEYS:
            tile = KpiTile(key, self)
            tile.formula_requested.connect(self.formula_requested)
            self.tiles[key] = tile
        for c in range(COLUMNS):
            self.grid.setColumnStretch(c, 1)
        self.grid.setRowStretch(0, 11)
        self.grid.setRowStretch(1, 9)
        self._surveys: bool | None = None
        self._place(False)
        model.dataChanged.connect(self.refresh)
        model.modelReset.connect(self.refresh)
        self.refresh()

    def _place(self, surveys: bool) -> None:
        if surveys == self._surveys:
            return
        self._surveys = surveys
        for tile in self.tiles.values():
            self.grid.removeWidget(tile)
        for key, (row, col, span) in {**_GRID, **_ROW2[surveys]}.items():
            self.grid.addWidget(self.tiles[key], row, col, 1, span)
        for key in ("csat", "nps", "ces"):
            self.tiles[key].setVisible(surveys)
        order = [k for k in TILE_KEYS if surveys or k not in ("csat", "nps", "ces")]
        for a, b in zip(order, order[1:], strict=False):
            QWidget.setTabOrder(self.tiles[a], self.tiles[b])

    def set_spacing(self, px: int) -> None:
        self.grid.setSpacing(px)

    def refresh(self, *_args) -> None:  # noqa: ANN002
        m = self.model
        surveys = any(m.data(m.index(m.row_of(k)), TileRole.SHOWN) for k in ("csat", "nps", "ces"))
        self._place(bool(surveys))
        for row in range(m.rowCount()):
            idx: QModelIndex = m.index(row)
            key = m.data(idx, TileRole.KEY)
            self.tiles[key].set_content(m.data(idx, TileRole.TITLE), m.data(idx, TileRole.PARTS) or [("–", "", "")],
                                        m.data(idx, TileRole.SUB), Level(m.data(idx, TileRole.LEVEL)),
                                        m.data(idx, TileRole.FORMULA))
