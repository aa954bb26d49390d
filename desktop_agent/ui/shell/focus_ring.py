"""The focus ring: where the keys go, on every widget of the window, on both themes.

Fusion frames a focused line edit and nothing else (a button or a check box only after Tab, a
list or a text box never). An operator who works by keyboard jumps between panes with F2, F4,
Ctrl+F and digits, so the widget that has the keyboard gets one mark, the same everywhere: a
2 px accent frame over its own edge. The frame is a child widget laid over the focused widget,
so it costs no layout space, moves nothing when the focus moves, scrolls and hides with its
widget, and takes no mouse clicks; its mask is the 2 px band, so redrawing the inside of a list or
a text box never repaints it.

One FocusRings per application follows QApplication.focusChanged; apply_theme() installs it.
"""

from __future__ import annotations

import shiboken6
from PySide6.QtCore import QEvent, QObject, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette, QPen, QRegion
from PySide6.QtWidgets import QApplication, QCheckBox, QMenu, QRadioButton, QWidget

RING_WIDTH = 2
RING_RADIUS = 3.0
OUTSIDE_GAP = 4  # around a check box: the frame keeps clear of the box it marks


class FocusRing(QWidget):
    """The accent frame over the edge of one widget while that widget has the focus.

    Usually a child of the focused widget, covering its edge. A check box or a radio button has no
    edge of its own (the frame would cut through the box), so its frame is drawn a few pixels around
    the box and the words instead, as a sibling above it."""

    def __init__(self, target: QWidget) -> None:
        self.outside = isinstance(target, QCheckBox | QRadioButton) and target.parentWidget() is not None
        super().__init__(target.parentWidget() if self.outside else target)
        self.setObjectName("focusRing")
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.target = target
        target.installEventFilter(self)
        if self.outside:
            target.destroyed.connect(self.deleteLater)  # a sibling outlives its widget otherwise
        self._fit()
        self.setVisible(target.isVisible())
        self.raise_()

    def _fit(self) -> None:
        target = self.target
        if self.outside:
            width = min(target.width(), target.sizeHint().width())
            rect = QRect(target.pos(), QSize(width, target.height())).adjusted(-OUTSIDE_GAP, -OUTSIDE_GAP // 2,
                                                                             OUTSIDE_GAP, OUTSIDE_GAP // 2)
        else:
            rect = target.rect()
        self.setGeometry(rect)
        local = QRect(0, 0, rect.width(), rect.height())
        inside = local.adjusted(RING_WIDTH, RING_WIDTH, -RING_WIDTH, -RING_WIDTH)
        self.setMask(QRegion(local).subtracted(QRegion(inside)) if inside.isValid() else QRegion(local))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        kind = event.type()
        if kind in (QEvent.Type.Resize, QEvent.Type.Move):
            self._fit()
        elif kind == QEvent.Type.ChildAdded and not self.outside:
            self.raise_()  # a scroll bar or a viewport added later must not cover the frame
        elif self.outside and kind in (QEvent.Type.Show, QEvent.Type.Hide):
            self.setVisible(kind == QEvent.Type.Show)
        return False

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pen = QPen(self.palette().color(QPalette.ColorGroup.Active, QPalette.ColorRole.Highlight), RING_WIDTH)
        painter.setPen(pen)
        painter.setBrush(Qt.BrushStyle.NoBrush)
        half = RING_WIDTH / 2
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(half, half, -half, -half), RING_RADIUS, RING_RADIUS)


def wants_ring(widget: QWidget | None) -> bool:
    """Every focused widget but a pop-up's (a menu, a combo box's list): those show their own choice."""
    if widget is None or isinstance(widget, FocusRing | QMenu) or not widget.isVisible():
        return False
    return widget.window().windowType() != Qt.WindowType.Popup


class FocusRings(QObject):
    """Moves the one ring to whichever widget has the focus now."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        self.setObjectName("focusRings")
        self.ring: FocusRing | None = None
        app.focusChanged.connect(self._moved)
        self._moved(None, app.focusWidget())

    def _moved(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self.ring is not None and shiboken6.isValid(self.ring) and self.ring.target is new:
            return
        self._drop()
        if wants_ring(new):
            self.ring = FocusRing(new)

    def _drop(self) -> None:
        ring, self.ring = self.ring, None
        if ring is not None and shiboken6.isValid(ring):  # gone already when its widget was deleted
            if shiboken6.isValid(ring.target):
                ring.target.removeEventFilter(ring)
            ring.hide()
            ring.deleteLater()


def install_focus_rings(app: QApplication) -> FocusRings:
    """Once per application; later calls return the one installed."""
    existing = app.findChild(FocusRings, "focusRings")
    return existing if existing is not None else FocusRings(app)
