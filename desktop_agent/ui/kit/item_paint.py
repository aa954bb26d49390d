"""What every custom-painted list row starts with: the style's own row background (selection,
hover, focus) and the two text colours, so our rows look like the platform's on both themes."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex
from PySide6.QtGui import QColor, QPainter, QPalette
from PySide6.QtWidgets import QApplication, QStyle, QStyledItemDelegate, QStyleOptionViewItem


def begin_row(delegate: QStyledItemDelegate, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex) -> tuple[bool, QColor, QColor]:
    """Saves the painter and draws the row's background; returns (selected, text colour, dim colour).
    The caller draws its content and then calls painter.restore()."""
    delegate.initStyleOption(option, index)
    widget = option.widget
    style = widget.style() if widget else QApplication.style()
    painter.save()
    style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget)
    selected = bool(option.state & QStyle.StateFlag.State_Selected)
    pal = option.palette
    text = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
    dim = QColor(text) if selected else pal.color(QPalette.ColorRole.PlaceholderText)
    return selected, text, dim
