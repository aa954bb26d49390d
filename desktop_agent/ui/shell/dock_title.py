"""A pane's title bar: the title on a calm band, with float and close buttons.

Drawn with the palette, not a style sheet: a `QDockWidget::title` rule would put the whole pane
under Qt's style-sheet engine (see theme.apply_theme). Mouse presses the buttons do not take go on
to the dock, so dragging the bar moves the pane and a double-click floats or docks it, as with
Qt's own title bar.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QSize, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QLabel, QStyle, QToolButton, QWidget


class DockTitleBar(QWidget):
    def __init__(self, dock: QDockWidget) -> None:
        super().__init__(dock, objectName=f"{dock.objectName()}Title")
        self.dock = dock
        self.setAutoFillBackground(True)
        self.setBackgroundRole(QPalette.ColorRole.Button)
        self.title = QLabel(dock.windowTitle(), objectName="dockTitle")
        self.title.setTextFormat(Qt.TextFormat.PlainText)
        font = QFont(self.title.font())
        font.setWeight(QFont.Weight.DemiBold)
        self.title.setFont(font)
        self.float_button = self._button("dockFloat", QStyle.StandardPixmap.SP_TitleBarNormalButton)
        self.close_button = self._button("dockClose", QStyle.StandardPixmap.SP_TitleBarCloseButton)
        self.float_button.clicked.connect(lambda: dock.setFloating(not dock.isFloating()))
        self.close_button.clicked.connect(dock.close)
        row = QHBoxLayout(self)
        row.setContentsMargins(6, 3, 3, 3)
        row.setSpacing(2)
        row.addWidget(self.title, 1)
        row.addWidget(self.float_button)
        row.addWidget(self.close_button)
        dock.windowTitleChanged.connect(self.title.setText)
        dock.featuresChanged.connect(self._features)
        dock.topLevelChanged.connect(lambda _floating: self.retranslate())  # what a click does now
        self._features(dock.features())
        self.retranslate()

    def _button(self, name: str, pixmap: QStyle.StandardPixmap) -> QToolButton:
        button = QToolButton(self, objectName=name)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # panes are reached by their shortcuts
        button.setIcon(self.style().standardIcon(pixmap, None, self))
        button.setIconSize(QSize(12, 12))
        return button

    def _features(self, features: QDockWidget.DockWidgetFeature) -> None:
        self.float_button.setVisible(bool(features & QDockWidget.DockWidgetFeature.DockWidgetFloatable))
        self.close_button.setVisible(bool(features & QDockWidget.DockWidgetFeature.DockWidgetClosable))

    def retranslate(self) -> None:
        floating = self.dock.isFloating()
        self.float_button.setToolTip(self.tr("Put back into the window") if floating
                                     else self.tr("Detach into its own window"))
        self.close_button.setToolTip(self.tr("Close the pane (View ▸ Panes brings it back)"))
        for button in (self.float_button, self.close_button):
            button.setAccessibleName(button.toolTip())

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def give_title_bar(dock: QDockWidget) -> DockTitleBar:
    bar = DockTitleBar(dock)
    dock.setTitleBarWidget(bar)
    return bar
