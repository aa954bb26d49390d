"""The DTMF keypad: sends tones to the caller's system (IVR menus, PIN prompts).

A small tool window beside the call bar. Typing 0-9, * and # on the keyboard sends at once, as the
buttons do; Esc closes it. What was sent stays visible, so the operator can read back the digits.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QDialog, QGridLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_agent.ui.shell.theme import set_dim

KEYS = ("1", "2", "3", "4", "5", "6", "7", "8", "9", "*", "0", "#")


class DtmfPad(QDialog):
    def __init__(self, send: Callable[[str], bool], parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Tool)
        self.setObjectName("dtmfPad")
        self._send = send
        self.sent = ""
        self.display = QLabel(objectName="dtmfSent")
        self.display.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.display.setMinimumHeight(28)
        self.hint = QLabel()
        set_dim(self.hint)
        self.hint.setWordWrap(True)
        grid = QGridLayout()
        grid.setSpacing(6)
        self.buttons: dict[str, QPushButton] = {}
        for i, key in enumerate(KEYS):
            button = QPushButton(key)
            button.setMinimumSize(52, 40)
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys go to the pad, not to a button
            button.clicked.connect(lambda _=False, k=key: self.press(k))
            grid.addWidget(button, i // 3, i % 3)
            self.buttons[key] = button
        layout = QVBoxLayout(self)
        layout.addWidget(self.display)
        layout.addLayout(grid)
        layout.addWidget(self.hint)
        self.retranslate()

    def press(self, key: str) -> bool:
        if not self._send(key):
            return False
        self.sent = (self.sent + key)[-24:]
        self.display.setText(self.sent)
        return True

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        text = event.text()
        if text and text in KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.press(text)
            return
        super().keyPressEvent(event)

    def showEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        self.sent = ""
        self.display.setText("")
        super().showEvent(event)

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Keypad"))
        self.hint.setText(self.tr("Type digits, * or # to send them. Esc closes."))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
