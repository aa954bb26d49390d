"""The ticket editor's History tab: every change, escalation and comment, and a box to add a comment.

The tab shows what the editor hands it; adding a comment is the editor's operation (it owns the
service calls), so this widget only asks for it with `comment_requested`.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from uuid import UUID

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from desktop_agent.core.ports import TicketHistoryEntry
from desktop_agent.ui.shell.theme import set_dim
from desktop_agent.ui.ticket.models import TicketHistoryModel

COMMENT_MAX = 4000


class TicketHistoryView(QWidget):
    comment_requested = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketHistory")
        self.model = TicketHistoryModel(self)
        self.table = QTableView(objectName="historyTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.setShowGrid(False)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(True)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel(objectName="historyEmpty")
        set_dim(self.empty)
        self.comment_label = QLabel()
        self.comment = QPlainTextEdit(objectName="commentText")
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 14)
        self.comment_label.setBuddy(self.comment)
        self.add = QPushButton(objectName="addComment")
        self.add.setEnabled(False)
        self.note = QLabel(objectName="commentNote")
        self.note.setWordWrap(True)
        set_dim(self.note)

        row = QHBoxLayout()
        row.addWidget(self.comment, 1)
        row.addWidget(self.add, 0, Qt.AlignmentFlag.AlignBottom)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.comment_label)
        layout.addLayout(row)
        layout.addWidget(self.note)

        self.comment.textChanged.connect(self._enable)
        self.add.clicked.connect(self._request)
        self._can_comment = False
        self.retranslate()
        self.set_history((), {})

    def set_history(self, entries: Sequence[TicketHistoryEntry], names: Mapping[UUID, str]) -> None:
        """Newest at the bottom, scrolled into view: what changed last is what the operator wants."""
        self.model.set_history(entries, names)
        self.table.resizeRowsToContents()
        self.table.scrollToBottom()
        self.empty.setVisible(not entries)

    def set_can_comment(self, can: bool, why_not: str = "") -> None:
        self._can_comment = can
        self.comment.setEnabled(can)
        self.note.setText("" if can else why_not)
        self.note.setVisible(bool(why_not) and not can)
        self._enable()

    def comment_saved(self) -> None:
        self.comment.clear()

    def _enable(self) -> None:
        text = self.comment.toPlainText().strip()
        self.add.setEnabled(self._can_comment and 0 < len(text) <= COMMENT_MAX)

    def _request(self) -> None:
        text = self.comment.toPlainText().strip()
        if self._can_comment and text:
            self.comment_requested.emit(text[:COMMENT_MAX])

    def retranslate(self) -> None:
        self.empty.setText(self.tr("No history yet: it starts when the ticket is saved."))
        self.comment_label.setText(self.tr("Co&mment"))
        self.comment.setPlaceholderText(self.tr("A note for colleagues; it does not change the ticket"))
        self.add.setText(self.tr("Add c&omment"))
        self.add.setToolTip(self.tr("Add the comment to the ticket history"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
