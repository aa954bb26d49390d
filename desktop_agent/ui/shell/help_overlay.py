"""The F1 overlay: every shortcut of the window, grouped, over a dimmed window.

It reads the action registry, so an action added by any pane shows up here by itself. Keys that
are not actions (digits in the disposition list, typing in the keypad) are listed as extra hints.
Esc, F1, Enter (Return or the number pad's) or a click closes it.
"""

from __future__ import annotations

import html
from collections import OrderedDict

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt
from PySide6.QtGui import QColor, QKeyEvent, QKeySequence, QMouseEvent, QPainter, QPaintEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from desktop_agent.ui.shell.actions import CONTEXT, ActionRegistry, is_enter
from desktop_agent.ui.shell.theme import set_dim

# (group, keys, what) for keys that are not registered actions
EXTRA_KEYS = (
    (QT_TRANSLATE_NOOP("Actions", "Agent"), "1 … 9",
     QT_TRANSLATE_NOOP("Actions", "In the disposition list: choose that disposition")),
    (QT_TRANSLATE_NOOP("Actions", "Call"), "0 … 9  *  #",
     QT_TRANSLATE_NOOP("Actions", "In the keypad: send that tone")),
    (QT_TRANSLATE_NOOP("Actions", "Help"), "Esc",
     QT_TRANSLATE_NOOP("Actions", "Close this overlay, a dialog or a menu")),
)
COLUMNS = 3


class HelpOverlay(QWidget):
    def __init__(self, registry: ActionRegistry, parent: QWidget) -> None:
        super().__init__(parent)
        self.setObjectName("helpOverlay")
        self.registry = registry
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.card = QFrame(self)
        self.card.setObjectName("helpCard")
        self.card.setAutoFillBackground(True)
        self.card.setFrameShape(QFrame.Shape.StyledPanel)
        self.heading = QLabel(objectName="helpHeading")
        font = self.heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.3)
        font.setBold(True)
        self.heading.setFont(font)
        self.footer = QLabel()
        set_dim(self.footer)
        self.grid = QGridLayout()
        self.grid.setHorizontalSpacing(28)
        self.grid.setVerticalSpacing(10)
        box = QVBoxLayout(self.card)
        box.setContentsMargins(24, 18, 24, 18)
        box.addWidget(self.heading)
        box.addLayout(self.grid)
        box.addWidget(self.footer)
        self.sections: dict[str, QLabel] = {}
        parent.installEventFilter(self)
        self.hide()

    # ---- content ---------------------------------------------------------------------------
    def rows(self) -> OrderedDict[str, list[tuple[str, str]]]:
        """Group title -> [(keys, what)], in registration order: what the overlay lists."""
        groups: OrderedDict[str, list[tuple[str, str]]] = OrderedDict()
        for spec in self.registry:
            keys = " / ".join(self._native(k) for k in spec.shortcuts[:2])
            groups.setdefault(self.registry.group_title(spec), []).append((keys, self.registry.title(spec)))
        for group, keys, what in EXTRA_KEYS:
            title = QCoreApplication.translate(CONTEXT, group)
            groups.setdefault(title, []).append((keys, QCoreApplication.translate(CONTEXT, what)))
        return groups

    @staticmethod
    def _native(key: str) -> str:
        return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)

    def rebuild(self) -> None:
        while self.grid.count():
            item = self.grid.takeAt(0)
            if item.widget() is not None:
                item.widget().deleteLater()
        self.sections.clear()
        self.heading.setText(self.tr("Keyboard shortcuts"))
        self.footer.setText(self.tr("Every button's tooltip shows its shortcut too. Esc or F1 closes."))
        for i, (group, rows) in enumerate(self.rows().items()):
            body = "".join(
                f"<tr><td style='padding:2px 14px 2px 0'><b>{html.escape(keys)}</b></td>"
                f"<td style='padding:2px 0'>{html.escape(what)}</td></tr>" for keys, what in rows
            )
            label = QLabel(f"<h3 style='margin:0 0 4px 0'>{html.escape(group)}</h3><table>{body}</table>")
            label.setTextFormat(Qt.TextFormat.RichText)
            label.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
            self.grid.addWidget(label, i // COLUMNS, i % COLUMNS, Qt.AlignmentFlag.AlignTop)
            self.sections[group] = label

    # ---- showing ---------------------------------------------------------------------------
    def toggle(self) -> None:
        if self.isVisible():
            self.hide()
        else:
            self.open()

    def open(self) -> None:
        self.rebuild()
        self._fit()
        self.show()
        self.raise_()
        self.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _fit(self) -> None:
        parent = self.parentWidget()
        self.setGeometry(parent.rect())
        self.card.adjustSize()
        size = self.card.sizeHint().boundedTo(self.size())
        self.card.resize(size)
        self.card.move((self.width() - size.width()) // 2, max(0, (self.height() - size.height()) // 2))

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(0, 0, 0, 120))
        painter.end()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F1) or is_enter(event):
            self.hide()
            return
        super().keyPressEvent(event)

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        self.hide()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.parentWidget() and event.type() == QEvent.Type.Resize and self.isVisible():
            self._fit()
        return False

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange and self.isVisible():
            self.rebuild()
            self._fit()
        super().changeEvent(event)
