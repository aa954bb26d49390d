"""The lower half of the caller card: the caller's open tickets and their last contacts.

Both are list views over table models of frozen DTOs (never item widgets), as tall as their rows up
to TABLE_ROWS. The card is a narrow column, so each row is two lines instead of table columns: what
matters most (the ticket's subject, the contact's outcome) gets the whole width, with the SLA or the
talk time on its right and the rest (status; date and queue) dim beneath; the whole row is in its
tooltip. Enter (or Enter on the number pad) or a double-click opens the highlighted ticket in the editor.

The words here keep the card's translation context ("ScreenPopCard"), where they were translated.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import QAbstractItemModel, QCoreApplication, QModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFont, QFontMetrics, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QListView,
    QSizePolicy,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop_agent.core.dto import InteractionDTO, TicketDTO
from desktop_agent.ui.card.header import set_shown
from desktop_agent.ui.card.model import LastContactsModel
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.kit.item_paint import begin_row
from desktop_agent.ui.shell.actions import EnterKey
from desktop_agent.ui.ticket.models import TicketListModel

TABLE_ROWS = 5  # rows a list shows before it scrolls
NOTHING = ("", "—")  # cells that say nothing are left out of the second line


class TwoLineDelegate(QStyledItemDelegate):
    """Line one: the view's column, cut with '…' to leave room for the `right` column's words (in
    their model colour). Line two, dim: the `below` columns joined with ' · '."""

    PAD_X, PAD_Y, GAP = 8, 4, 2

    def __init__(self, view: QListView, *, right: int, below: Sequence[int]) -> None:
        super().__init__(view)
        self.right, self.below = right, tuple(below)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt's name
        return QSize(120, row_height(QFontMetrics(option.font)))

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        selected, text, dim = begin_row(self, painter, option, index)
        fm = QFontMetrics(option.font)
        line = fm.height()
        rect = option.rect.adjusted(self.PAD_X, self.PAD_Y, -self.PAD_X, -self.PAD_Y)
        first = QRect(rect.left(), rect.top(), rect.width(), line)
        aside = str(index.siblingAtColumn(self.right).data() or "")
        if aside:
            width = min(fm.horizontalAdvance(aside) + 2, rect.width() // 2)  # +2: rounding, no '…'
            painter.setPen(text if selected else _colour(index.siblingAtColumn(self.right), dim))
            painter.drawText(QRect(first.right() - width + 1, first.top(), width, line),
                             Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                             fm.elidedText(aside, Qt.TextElideMode.ElideRight, width))
            first.setRight(first.right() - width - 10)
        painter.setPen(text)
        painter.drawText(first, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(str(index.data() or ""), Qt.TextElideMode.ElideRight, first.width()))
        words = [str(index.siblingAtColumn(c).data() or "") for c in self.below]
        second = QRect(rect.left(), rect.top() + line + self.GAP, rect.width(), line)
        painter.setPen(dim)
        painter.drawText(second, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText("  ·  ".join(w for w in words if w not in NOTHING),
                                       Qt.TextElideMode.ElideRight, second.width()))
        painter.restore()


def row_height(metrics: QFontMetrics) -> int:
    return 2 * metrics.height() + TwoLineDelegate.GAP + 2 * TwoLineDelegate.PAD_Y


def _colour(index: QModelIndex, default: QColor) -> QColor:
    value = index.data(Qt.ItemDataRole.ForegroundRole)
    if isinstance(value, QBrush):
        return value.color()
    return value if isinstance(value, QColor) else default


def _list(view: QListView, model: QAbstractItemModel, column: int, *, right: int, below: Sequence[int]) -> QListView:
    view.setModel(model)
    view.setModelColumn(column)
    view.setItemDelegate(TwoLineDelegate(view, right=right, below=below))
    view.setUniformItemSizes(True)  # one height for all rows: no measuring of each row on a pop
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    return view


def _fit_rows(view: QListView, rows: int) -> None:
    """As tall as its rows (up to TABLE_ROWS): a short list leaves room for the next section."""
    shown = max(1, min(rows, TABLE_ROWS))
    view.setFixedHeight(row_height(view.fontMetrics()) * shown + 2 * view.frameWidth())


class CallerHistory(QWidget):
    """Open tickets, then last contacts, each under a heading that counts them."""

    open_ticket = Signal(object)  # TicketDTO

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tickets_heading = QLabel(objectName="openTicketsHeading")
        # the number is in the tooltip and the editor: in a narrow card the subject matters more
        self.ticket_model = TicketListModel(self, columns=("subject", "status", "sla"))
        # subject; the SLA on its right (red when overdue); the status beneath
        self.ticket_table = _list(QListView(objectName="openTickets"), self.ticket_model, 0, right=2, below=(1,))
        EnterKey(self.ticket_table).pressed.connect(self._open_current)
        self.ticket_table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.contacts_heading = QLabel(objectName="lastContactsHeading")
        self.contacts_model = LastContactsModel(self)
        # outcome; the talk time on its right; date and queue beneath
        self.contacts_table = _list(QListView(objectName="lastContacts"), self.contacts_model, 2, right=3,
                                    below=(0, 1))
        for heading in (self.tickets_heading, self.contacts_heading):
            font = QFont(heading.font())
            font.setWeight(QFont.Weight.DemiBold)
            heading.setFont(font)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addSpacing(4)
        layout.addWidget(self.tickets_heading)
        layout.addWidget(self.ticket_table)
        layout.addSpacing(4)
        layout.addWidget(self.contacts_heading)
        layout.addWidget(self.contacts_table)
        self.retranslate()

    def set_tickets(self, tickets: Sequence[TicketDTO]) -> None:
        self.ticket_model.set_tickets(tickets)
        _fit_rows(self.ticket_table, len(tickets))
        self.tickets_heading.setText(
            fill(QCoreApplication.translate("ScreenPopCard", "Open tickets (%1)"), len(tickets)) if tickets
            else QCoreApplication.translate("ScreenPopCard", "Open tickets: none"))

    def set_contacts(self, contacts: Sequence[InteractionDTO]) -> None:
        self.contacts_model.set_contacts(contacts)

    def set_disposition_titles(self, titles: Mapping[str, str]) -> None:
        self.contacts_model.set_disposition_titles(titles)

    def show_sections(self, known: bool) -> None:
        """The headings once the lookup has answered; each table only when it has rows."""
        has_tickets = self.ticket_model.rowCount() > 0
        has_contacts = self.contacts_model.rowCount() > 0
        set_shown(self.tickets_heading, known)
        set_shown(self.ticket_table, known and has_tickets)
        set_shown(self.contacts_heading, known)
        set_shown(self.contacts_table, known and has_contacts)
        if known:
            _fit_rows(self.contacts_table, self.contacts_model.rowCount())
            self.contacts_heading.setText(QCoreApplication.translate("ScreenPopCard", "Last contacts") if has_contacts
                                          else QCoreApplication.translate("ScreenPopCard", "Last contacts: none"))

    def focus_tickets(self) -> QWidget | None:
        """The ticket table with a row highlighted, for the keyboard; None when there is no ticket."""
        if not self.ticket_model.rowCount():
            return None
        if not self.ticket_table.currentIndex().isValid():
            self.ticket_table.setCurrentIndex(self.ticket_model.index(0, self.ticket_table.modelColumn()))
        return self.ticket_table

    def _open_current(self) -> None:
        index = self.ticket_table.currentIndex()
        if index.isValid():
            self._open_row(index.row())

    def _open_row(self, row: int) -> None:
        if 0 <= row < self.ticket_model.rowCount():
            self.open_ticket.emit(self.ticket_model.ticket(row))

    def retranslate(self) -> None:
        self.ticket_table.setToolTip(QCoreApplication.translate(
            "ScreenPopCard", "Enter or double-click opens the ticket in the editor"))
