"""The checklist's step list: a box, the Ctrl+N number, the title (wrapped, never cut) and the
tick's time into the call; Space, Enter or a double click ticks, a click on the box too. The list asks
for the height of all its rows, so the pane shows the whole checklist whenever there is room."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QPointF, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFont, QFontMetrics, QKeyEvent, QMouseEvent, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from desktop_agent.ui.checklist.model import ChecklistModel
from desktop_agent.ui.kit.item_paint import begin_row
from desktop_agent.ui.shell.actions import is_enter
from desktop_agent.ui.shell.theme import Tone, tone_colour


class StepDelegate(QStyledItemDelegate):
    """A box, the Ctrl+N number, the title (wrapped, never cut), and the tick's time on the right."""

    PAD = 4

    def __init__(self, view: QListView) -> None:
        super().__init__(view)
        self._view = view

    def _geometry(self, option: QStyleOptionViewItem, rect: QRect) -> tuple[QRect, QRect, QRect, QRect]:
        fm = QFontMetrics(option.font)
        box = QRect(rect.left() + self.PAD + 4, rect.top() + self.PAD + (fm.height() - 16) // 2, 16, 16)
        number = QRect(box.right() + 6, rect.top() + self.PAD, fm.horizontalAdvance("9") + 4, fm.height())
        time_w = fm.horizontalAdvance("00:00") + 8
        clock = QRect(rect.right() - self.PAD - time_w, rect.top() + self.PAD, time_w, fm.height())
        title = QRect(number.right() + 8, rect.top() + self.PAD, max(40, clock.left() - number.right() - 14),
                      rect.height() - 2 * self.PAD)
        return box, number, title, clock

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt's name
        width = max(160, self._view.viewport().width())
        _box, _number, title, _clock = self._geometry(option, QRect(0, 0, width, 400))
        bounds = QFontMetrics(option.font).boundingRect(QRect(0, 0, title.width(), 10_000), Qt.TextFlag.TextWordWrap,
                                                 index.data() or "")
        # A small width: the list stretches rows to its viewport, which shrinks under a scroll bar.
        return QSize(120, bounds.height() + 2 * self.PAD + 2)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        selected, text, dim = begin_row(self, painter, option, index)
        model = index.model()
        run = getattr(model, "run", None)
        tick = index.data(ChecklistModel.TickRole)
        done = tick is not None and tick.done
        pal = option.palette
        box, number, title, clock = self._geometry(option, option.rect)
        # The next step to do gets a faint band and an accented number (bold text would change
        # the row's wrapping, and so its height).
        is_next = run is not None and run.next_step is not None and run.next_step.key == index.data(
            ChecklistModel.KeyRole)
        accent = pal.color(QPalette.ColorRole.Highlight)
        if is_next and not selected:
            band = QColor(accent)
            band.setAlpha(22)
            painter.fillRect(option.rect, band)
        if index.data(ChecklistModel.CuedRole):
            painter.fillRect(QRect(option.rect.left(), option.rect.top() + 2, 3, option.rect.height() - 4),
                             pal.color(QPalette.ColorRole.Highlight))
        if run is not None:
            self._draw_box(painter, box, done, text if selected else dim, tone_colour(pal, Tone.READY))
        strong = QFont(option.font)
        strong.setWeight(QFont.Weight.Bold)
        painter.setFont(strong if is_next else option.font)
        painter.setPen(accent if is_next and not selected else dim)
        painter.drawText(number, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         str(index.data(ChecklistModel.NumberRole)) if index.row() < 9 else "")
        painter.setFont(option.font)
        painter.setPen(dim if done else text)
        painter.drawText(title, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                         index.data() or "")
        stamp = index.data(ChecklistModel.TimeRole)
        if stamp:
            painter.setPen(text if selected else tone_colour(pal, Tone.READY))
            painter.drawText(clock, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, stamp)
        painter.restore()

    @staticmethod
    def _draw_box(painter: QPainter, box: QRect, done: bool, edge: QColor, fill: QColor) -> None:
        # Drawn here rather than by the style: Fusion's box vanishes on the dark theme's base colour.
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        frame = QRectF(box).adjusted(0.5, 0.5, -0.5, -0.5)
        if done:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(frame, 3, 3)
            pen = QPen(QColor("#ffffff"), 2)
            pen.setCapStyle(Qt.PenCapStyle.RoundCap)
            pen.setJoinStyle(Qt.PenJoinStyle.RoundJoin)
            painter.setPen(pen)
            x, y = frame.left(), frame.top()
            painter.drawPolyline([QPointF(x + 3.5, y + 8), QPointF(x + 6.5, y + 11), QPointF(x + 12, y + 4.5)])
        else:
            painter.setPen(QPen(edge, 1.2))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(frame, 3, 3)

    def editorEvent(self, event: QEvent, model: Any, option: QStyleOptionViewItem,  # noqa: N802 - Qt's name
                    index: QModelIndex) -> bool:
        # Only a click on the box (or the number next to it) ticks; keys are the list's business.
        if event.type() == QEvent.Type.MouseButtonRelease and isinstance(event, QMouseEvent) \
                and index.flags() & Qt.ItemFlag.ItemIsUserCheckable:
            box, number, _title, _clock = self._geometry(option, option.rect)
            if event.position().toPoint().x() <= number.right() + 4:
                done = index.data(Qt.ItemDataRole.CheckStateRole) == Qt.CheckState.Checked
                model.setData(index, Qt.CheckState.Unchecked if done else Qt.CheckState.Checked,
                              Qt.ItemDataRole.CheckStateRole)
                return True
        return False


class StepList(QListView):
    """Space or Enter (Return or the number pad's) ticks or unticks the current step; a double click does too. It asks for the height of
    all its rows, so the layout shows the whole checklist whenever there is room."""

    toggle_current = Signal()
    content_height = 0

    def __init__(self, model: ChecklistModel) -> None:
        super().__init__(objectName="checklistSteps")
        self.setModel(model)
        self.setItemDelegate(StepDelegate(self))
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setResizeMode(QListView.ResizeMode.Adjust)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def fit(self) -> None:
        rows = [self.sizeHintForRow(r) for r in range(self.model().rowCount())]
        frame = 2 * self.frameWidth() + 2
        self.setMinimumHeight(max(60, sum(rows[:3]) + frame))
        self.setMaximumHeight(max(60, sum(rows) + frame))
        if self.content_height != sum(rows) + frame:
            self.content_height = sum(rows) + frame
            self.updateGeometry()

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().sizeHint()
        return QSize(hint.width(), self.content_height or hint.height())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if (event.key() in (Qt.Key.Key_Space, Qt.Key.Key_Select) and not event.modifiers()) or is_enter(event):
            self.toggle_current.emit()
            return
        super().keyPressEvent(event)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        if self.indexAt(event.position().toPoint()).isValid():
            self.toggle_current.emit()
            return
        super().mouseDoubleClickEvent(event)
