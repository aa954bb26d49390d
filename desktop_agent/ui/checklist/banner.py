"""The checklist pane's quiet strips (a cue, a question before switching the caller type) and
its labels. Colours come from the palette, so both themes work."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QFont, QMouseEvent, QPalette
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from desktop_agent.ui.shell.theme import set_dim


class Banner(QFrame):
    """A quiet strip: a round glyph, one message, and buttons. Colours come from the palette."""

    clicked = Signal()

    def __init__(self, object_name: str, glyph: str, *buttons: QWidget, below: bool = False) -> None:
        super().__init__(objectName=object_name)
        self.icon = QLabel(glyph)  # a letter in a drawn circle: emoji fonts are not everywhere
        self.icon.setFixedSize(18, 18)
        self.icon.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 6, 6, 6)
        row.setSpacing(8)
        row.addWidget(self.icon, 0, Qt.AlignmentFlag.AlignTop)
        if below:  # long questions wrap over the whole width, their answers go under them
            column, answers = QVBoxLayout(), QHBoxLayout()
            column.addWidget(self.text)
            answers.addStretch(1)
            for button in buttons:
                answers.addWidget(button)
            column.addLayout(answers)
            row.addLayout(column, 1)
        else:
            row.addWidget(self.text, 1)
            for button in buttons:
                row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        self.restyle()
        self.hide()

    def restyle(self) -> None:
        accent = QColor(self.palette().color(QPalette.ColorRole.Highlight))
        fill, edge = QColor(accent), QColor(accent)
        fill.setAlpha(28)
        edge.setAlpha(110)
        argb = QColor.NameFormat.HexArgb
        self.setStyleSheet(f"QFrame#{self.objectName()} {{ background-color: {fill.name(argb)}; "
                           f"border: 1px solid {edge.name(argb)}; border-radius: 6px; }}"
                           f"QFrame#{self.objectName()} QLabel {{ background: transparent; border: none; }}")
        self.icon.setStyleSheet(f"background-color: {accent.name()}; color: #ffffff; border-radius: 9px;"
                                " font-weight: 700;")

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.clicked.emit()
        super().mouseReleaseEvent(event)


def pane_label(name: str = "", *, dim: bool = False, wrap: bool = True, bold: bool = False) -> QLabel:
    label = QLabel(objectName=name)
    label.setWordWrap(wrap)
    set_dim(label, dim)
    if bold:
        font = label.font()
        font.setWeight(QFont.Weight.DemiBold)
        label.setFont(font)
    return label
