"""The templates pane's finder: the search field, the category filter and the result list, with
`TemplateSearch`, which runs the searches on the database worker.

Searching is debounced (one search after the operator pauses, not one per keystroke), and an
answer for an older query is dropped. An action that needs the newest results (Enter typed right
after the last letter) waits for them instead of acting on the list the previous query left.
With nothing typed and no category chosen, the favourites come first.

The words here keep the pane's translation context ("TemplatesPane"), where they were translated.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QCoreApplication,
    QModelIndex,
    QObject,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QFont, QFontMetrics, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from desktop_agent.core.ports import TemplateDTO, TemplateService
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.kit.item_paint import begin_row
from desktop_agent.ui.kit.qt_bridge import ServiceRunner
from desktop_agent.ui.shell.actions import EnterKey, is_enter
from desktop_agent.ui.shell.theme import set_dim
from desktop_agent.ui.templates.model import TemplateListModel, pin_favourites

RESULT_LIMIT = 50
DEBOUNCE_MS = 150
QUERY_SHOWN = 32  # characters of the query quoted in 'no template has ...': a pasted page must not widen the pane

_CATEGORY_WORDS = {
    "greeting": QT_TRANSLATE_NOOP("TemplateWords", "Greeting"),
    "identification": QT_TRANSLATE_NOOP("TemplateWords", "Identification"),
    "billing": QT_TRANSLATE_NOOP("TemplateWords", "Billing"),
    "delivery": QT_TRANSLATE_NOOP("TemplateWords", "Delivery"),
    "technical": QT_TRANSLATE_NOOP("TemplateWords", "Technical"),
    "hold_transfer": QT_TRANSLATE_NOOP("TemplateWords", "Hold and transfer"),
    "de_escalation": QT_TRANSLATE_NOOP("TemplateWords", "De-escalation"),
    "closing": QT_TRANSLATE_NOOP("TemplateWords", "Closing"),
}


def category_title(code: str) -> str:
    """Category codes are shared by both languages; their words are ours. An admin's new code shows as is."""
    words = _CATEGORY_WORDS.get(code)
    if words is not None:
        return QCoreApplication.translate("TemplateWords", words)
    return (code or "").replace("_", " ").capitalize()


class TemplateSearch(QObject):
    """Search as you type: `schedule()` on each keystroke, `now()` for a new category or language.

    `params()` gives (language, query, category) at the moment the search starts."""

    found = Signal(object)   # tuple[TemplateDTO, ...]: the newest query's results
    failed = Signal(object)  # the exception of the newest query's search

    def __init__(self, templates: TemplateService, db_runner: ServiceRunner,
                 params: Callable[[], tuple[str, str, str | None]], *, debounce_ms: int = DEBOUNCE_MS,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.templates, self.db, self._params = templates, db_runner, params
        self._asked = 0     # the newest search asked for
        self._answered = 0  # the newest search whose results are shown
        self._then: list[Callable[[], None]] = []
        self.debounce = QTimer(self, singleShot=True, interval=debounce_ms)
        self.debounce.timeout.connect(self.now)

    @property
    def searching(self) -> bool:
        """A search is waiting to start or to answer."""
        return self.debounce.isActive() or self._asked != self._answered

    def schedule(self) -> None:
        """The query changed: search after the pause. An action waiting for the old query's results
        is dropped: the operator typed on after asking for it."""
        self._then.clear()
        self.debounce.start()

    def now(self) -> None:
        self.debounce.stop()
        self._asked += 1
        seq = self._asked
        language, query, category = self._params()
        self.db.submit(self.templates.search, language, query, category=category, limit=RESULT_LIMIT,
                       on_result=lambda found: self._found(seq, found),
                       on_error=lambda exc: self._failed(seq, exc), owner=self)

    def then(self, action: Callable[[], None]) -> None:
        """Run `action` once the newest query's results are shown (at once when they are)."""
        if not self.searching:
            action()
            return
        self._then.append(action)
        if self.debounce.isActive():
            self.now()  # no need to wait for the pause: the operator has finished typing

    def _found(self, seq: int, found: Any) -> None:
        if seq != self._asked:
            return  # the operator typed on: a newer search is on its way
        self._answered = seq
        self.found.emit(tuple(found))
        self._run_waiting()

    def _failed(self, seq: int, exc: BaseException) -> None:
        if seq == self._asked:
            self._answered = seq
            self._then.clear()
            self.failed.emit(exc)

    def _run_waiting(self) -> None:
        waiting, self._then = self._then, []
        for action in waiting:
            action()


class TemplateDelegate(QStyledItemDelegate):
    """Two lines per template: the title with its number key, then category · the start of the text."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt's name
        fm = QFontMetrics(option.font)
        return QSize(200, fm.height() * 2 + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        selected, text, dim = begin_row(self, painter, option, index)
        rect = option.rect.adjusted(8, 5, -8, -5)
        fm = QFontMetrics(option.font)
        line = fm.height()
        slot = index.data(TemplateListModel.SlotRole)
        right = rect.right()
        if slot:
            badge = f"Alt+{slot}"
            small = QFont(option.font)
            small.setPointSizeF(max(7.0, option.font.pointSizeF() * 0.85))
            sfm = QFontMetrics(small)
            w = sfm.horizontalAdvance(badge) + 10
            box = QRect(right - w + 1, rect.top() + (line - sfm.height()) // 2 - 1, w, sfm.height() + 2)
            painter.setPen(dim if not selected else text)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.drawRoundedRect(box, 4, 4)
            painter.setFont(small)
            painter.drawText(box, Qt.AlignmentFlag.AlignCenter, badge)
            right = box.left() - 6
        bold = QFont(option.font)
        bold.setWeight(QFont.Weight.DemiBold)
        painter.setFont(bold)
        painter.setPen(text)
        title_rect = QRect(rect.left(), rect.top(), max(0, right - rect.left()), line)
        painter.drawText(title_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         QFontMetrics(bold).elidedText(index.data() or "", Qt.TextElideMode.ElideRight,
                                                       title_rect.width()))
        painter.setFont(option.font)
        painter.setPen(dim)
        second = f"{index.data(TemplateListModel.CategoryTitleRole) or ''} · {index.data(TemplateListModel.SnippetRole)}"
        sub_rect = QRect(rect.left(), rect.top() + line + 2, rect.width(), line)
        painter.drawText(sub_rect, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                         fm.elidedText(second, Qt.TextElideMode.ElideRight, sub_rect.width()))
        painter.restore()


class SearchField(QLineEdit):
    """Arrows move through the results without leaving the field; Enter inserts; Esc clears."""

    move = Signal(int)
    accept = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        key = event.key()
        steps = {Qt.Key.Key_Down: 1, Qt.Key.Key_Up: -1, Qt.Key.Key_PageDown: 8, Qt.Key.Key_PageUp: -8}
        if key in steps and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.move.emit(steps[key])
            return
        if is_enter(event):
            self.accept.emit()
            return
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class TemplateFinder(QWidget):
    """The search row over the result list; 'no template has …' under it when nothing matches."""

    current_changed = Signal()  # another template is highlighted (or none)
    accept = Signal()           # Enter in the field or the list
    failed = Signal(object)     # a search or the categories could not be read

    def __init__(self, templates: TemplateService, db_runner: ServiceRunner, *, debounce_ms: int = DEBOUNCE_MS,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.templates, self.db = templates, db_runner
        self.language = ""
        self.results: tuple[TemplateDTO, ...] = ()  # the newest search's answer, before favourites are pinned
        self.search = SearchField(objectName="templateSearch")
        self.search.setClearButtonEnabled(True)
        self.category = QComboBox(objectName="templateCategory")
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.model = TemplateListModel(category_title, self)
        self.list = QListView(objectName="templateList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(TemplateDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.empty = QLabel(objectName="templateEmpty")
        set_dim(self.empty)
        self.empty.setWordWrap(True)
        self.empty.hide()
        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.search, 1)
        top.addWidget(self.category)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)

        self.searcher = TemplateSearch(templates, db_runner, lambda: (self.language, self.search.text(),
                                                                      self.category.currentData()),
                                       debounce_ms=debounce_ms, parent=self)
        self.searcher.found.connect(self._found)
        self.searcher.failed.connect(self.failed)
        self.search.textChanged.connect(lambda _text: self.searcher.schedule())
        self.search.move.connect(self.move)
        self.search.accept.connect(self.accept)
        EnterKey(self.list).pressed.connect(self.accept)
        self.list.selectionModel().currentChanged.connect(lambda _now, _before: self.current_changed.emit())
        self.category.currentIndexChanged.connect(lambda _i: self.searcher.now())
        self.retranslate()

    def reload(self, language: str) -> None:
        """Categories and results in `language` (start, language change)."""
        self.language = language
        self.db.submit(self.templates.categories, language, on_result=self._got_categories,
                       on_error=self.failed.emit, owner=self)
        self.searcher.now()

    def _got_categories(self, categories: Any) -> None:
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(QCoreApplication.translate("TemplatesPane", "All categories"), None)
        for code in categories:
            self.category.addItem(category_title(code), code)
        self.category.setCurrentIndex(max(0, self.category.findData(current)))
        self.category.blockSignals(False)

    def _found(self, found: tuple[TemplateDTO, ...]) -> None:
        self.results = found
        self.show_results()

    def _unfiltered(self) -> bool:
        return not self.search.text().strip() and self.category.currentData() is None

    def favourites_changed(self) -> None:
        if self._unfiltered():
            self.show_results()

    def show_results(self) -> None:
        current, results = self.selected(), self.results
        if self._unfiltered():
            results = pin_favourites(results, self.model.favourites)
        self.model.set_templates(results)
        row = self.model.row_of(current.key) if current is not None else -1
        self.list.setCurrentIndex(self.model.index(max(row, 0)))
        query = " ".join(self.search.text().split())
        if len(query) > QUERY_SHOWN:
            query = query[:QUERY_SHOWN - 1] + "…"
        self.empty.setText(fill(QCoreApplication.translate("TemplatesPane", "No template has “%1”."), query)
                           if query else QCoreApplication.translate("TemplatesPane", "No templates in this category."))
        self.empty.setVisible(not results)
        if not results:  # with rows, setting the current one above has said so already
            self.current_changed.emit()

    def move(self, step: int) -> None:
        rows = self.model.rowCount()
        if rows:
            row = min(max(self.list.currentIndex().row() + step, 0), rows - 1)
            self.list.setCurrentIndex(self.model.index(row))

    def selected(self) -> TemplateDTO | None:
        index = self.list.currentIndex()
        return self.model.template_at(index.row()) if index.isValid() else None

    def retranslate(self) -> None:
        self.search.setPlaceholderText(QCoreApplication.translate("TemplatesPane", "Search templates (Ctrl+F)"))
        self.category.setToolTip(QCoreApplication.translate("TemplatesPane", "Category"))
        if self.category.count():
            self.category.setItemText(0, QCoreApplication.translate("TemplatesPane", "All categories"))
        self.model.set_category_title(category_title)
