"""The templates pane: search as you type, a safe preview with the caller's data, insert or copy,
and favourites on Alt+1..Alt+9.

Searching runs on the database worker (TemplateService.search), debounced, and a late answer for
an older query is dropped. The preview renders with core.templates, the only renderer: template
text is data, so it is HTML-escaped before it is shown and a variable is never evaluated. A
variable the renderer does not know, or one with no value yet, stays visible and highlighted.

'Insert' emits `insert_requested(text)`; the frame connects the ticket editor to it. Checklist
phrases arrive through `insert_template(key)` and leave through the same signal.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import Any, ClassVar

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    SIGNAL,
    QCoreApplication,
    QEvent,
    QModelIndex,
    QPoint,
    QRect,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QColor, QFont, QFontMetrics, QGuiApplication, QKeyEvent, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QMenu,
    QPushButton,
    QSizePolicy,
    QSplitter,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from desktop_agent.core.domain import utcnow
from desktop_agent.core.dto import CustomerDTO, ScreenPop, TicketDTO
from desktop_agent.core.ports import AgentDTO, TemplateDTO, TemplateService
from desktop_agent.core.templates import Rendered, render, template_values
from desktop_agent.ui.actions import ActionRegistry, ActionSpec
from desktop_agent.ui.i18n import current_language
from desktop_agent.ui.models.template_model import FAVOURITE_SLOTS, TemplateListModel, pin_favourites
from desktop_agent.ui.pane import Area, Pane
from desktop_agent.ui.qt_bridge import ServiceRunner
from desktop_agent.ui.theme import Tone, tone_colour

RESULT_LIMIT = 50
DEBOUNCE_MS = 150
PREVIEW_CHARS = 20_000  # a 1 MB body is previewed in part; insert and copy take all of it

GROUP_TEMPLATES = QT_TRANSLATE_NOOP("Actions", "Templates")
TEMPLATE_FIND = ActionSpec("templates.find", QT_TRANSLATE_NOOP("Actions", "Find a template"), ("Ctrl+F", "F3"),
                           GROUP_TEMPLATES, QT_TRANSLATE_NOOP("Actions", "Go to the template search"))
TEMPLATE_INSERT = ActionSpec("templates.insert", QT_TRANSLATE_NOOP("Actions", "Insert template"),
                             ("Ctrl+Shift+I",), GROUP_TEMPLATES,
                             QT_TRANSLATE_NOOP("Actions", "Insert the selected template into the ticket"))
TEMPLATE_COPY = ActionSpec("templates.copy", QT_TRANSLATE_NOOP("Actions", "Copy template"), ("Ctrl+Shift+C",),
                           GROUP_TEMPLATES,
                           QT_TRANSLATE_NOOP("Actions", "Copy the selected template, filled in, to the clipboard"))
TEMPLATE_PIN = ActionSpec("templates.pin", QT_TRANSLATE_NOOP("Actions", "Put on a number key…"), ("Alt+0",),
                          GROUP_TEMPLATES,
                          QT_TRANSLATE_NOOP("Actions", "Make the selected template a favourite on Alt+1…9"))
_FAVOURITE_TITLE = QT_TRANSLATE_NOOP("Actions", "Insert favourite %1")


def _favourite_spec(slot: int) -> ActionSpec:
    return ActionSpec(f"templates.favourite.{slot}", _FAVOURITE_TITLE, (f"Alt+{slot}",), GROUP_TEMPLATES,
                      title_fn=lambda: QCoreApplication.translate("Actions", _FAVOURITE_TITLE)
                      .replace("%1", str(slot)))


FAVOURITE_ACTIONS = tuple(_favourite_spec(slot) for slot in FAVOURITE_SLOTS)

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


# ---- the preview ------------------------------------------------------------------------------

# Values are put in as numbered private-use markers, so the preview knows exactly which characters
# came from the customer or ticket (and a customer called "{{agent.name}}" is never mistaken for a
# variable). Markers in the template itself are removed first.
_OPEN, _CLOSE = "\ue000", "\ue001"
_MARKER = re.compile("\ue000(\\d+)\ue001")
_LEFT_AS_WRITTEN = re.compile(r"\{\{([^{}\n]{0,100})\}\}")  # what core.templates leaves in place


def preview_html(body: str, values: Mapping[str, str], palette: QPalette,
                 limit: int = PREVIEW_CHARS) -> tuple[str, Rendered, bool]:
    """(HTML for the preview, the render's outcome for the part shown, whether it was cut). Never raises."""
    body = body or ""
    # Only the beginning of a huge body is rendered here (the GUI thread must not stall); insert
    # and copy render all of it. A variable cut in half at the end stays as written.
    source = body[: limit * 2].replace(_OPEN, "").replace(_CLOSE, "")
    names = list(values)
    marked = render(source, {name: f"{_OPEN}{i}{_CLOSE}" for i, name in enumerate(names)})
    text = marked.text
    cut = len(text) > limit or len(body) > limit * 2
    if cut:
        text = text[:limit]
        if text.rfind(_OPEN) > text.rfind(_CLOSE):  # do not split a marker
            text = text[:text.rfind(_OPEN)]
    unknown, missing = set(marked.unknown), set(marked.missing)
    value_bg = QColor(palette.color(QPalette.ColorRole.Highlight))
    value_bg.setAlpha(40)
    danger = tone_colour(palette, Tone.DANGER)
    amber = tone_colour(palette, Tone.NOT_READY)

    def literal(piece: str) -> str:
        out, at = [], 0
        for m in _LEFT_AS_WRITTEN.finditer(piece):
            name = m.group(1).strip()
            colour = danger if name in unknown else amber if name in missing else None
            if colour is None:
                continue
            out.append(html.escape(piece[at:m.start()]))
            bg = QColor(colour)
            bg.setAlpha(36)
            out.append(f"<span style='color:{colour.name()}; background-color:{bg.name(QColor.NameFormat.HexArgb)};"
                       f" font-weight:600'>{html.escape(m.group(0))}</span>")
            at = m.end()
        out.append(html.escape(piece[at:]))
        return "".join(out)

    parts, at = [], 0
    for m in _MARKER.finditer(text):
        parts.append(literal(text[at:m.start()]))
        value = values.get(names[int(m.group(1))], "") if int(m.group(1)) < len(names) else ""
        parts.append(f"<span style='background-color:{value_bg.name(QColor.NameFormat.HexArgb)}'>"
                     f"{html.escape(value)}</span>")
        at = m.end()
    parts.append(literal(text[at:].replace(_OPEN, "").replace(_CLOSE, "")))
    page = f"<div style='white-space:pre-wrap'>{''.join(parts)}{'…' if cut else ''}</div>"
    return page, marked, cut


# ---- widgets ----------------------------------------------------------------------------------

class TemplateDelegate(QStyledItemDelegate):
    """Two lines per template: the title with its number key, then category · the start of the text."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:  # noqa: N802 - Qt's name
        fm = QFontMetrics(option.font)
        return QSize(200, fm.height() * 2 + 14)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        self.initStyleOption(option, index)
        style = option.widget.style() if option.widget else QApplication.style()
        painter.save()
        style.drawPrimitive(QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        pal = option.palette
        text = pal.color(QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text)
        dim = QColor(text) if selected else pal.color(QPalette.ColorRole.PlaceholderText)
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
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.accept.emit()
            return
        if key == Qt.Key.Key_Escape and self.text():
            self.clear()
            return
        super().keyPressEvent(event)


class ResultList(QListView):
    accept = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
                not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            self.accept.emit()
            return
        super().keyPressEvent(event)


class TemplatesPane(Pane):
    pane_id: ClassVar[str] = "pane.templates"
    default_area: ClassVar[Area | None] = Area.RightDockWidgetArea
    focus_action_id: ClassVar[str] = TEMPLATE_FIND.id
    minimum_width: ClassVar[int] = 340

    insert_requested = Signal(str)  # the filled-in text, for the ticket editor
    notice = Signal(str)            # one line for the status bar

    def __init__(self, templates: TemplateService, db_runner: ServiceRunner, *, agent: AgentDTO,
                 company_name: str = "", clock: Callable[[], datetime] = utcnow,
                 debounce_ms: int = DEBOUNCE_MS, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.templates = templates
        self.db = db_runner
        self.agent = agent
        self.company_name = company_name
        self._clock = clock
        self.customer: CustomerDTO | None = None
        self.ticket: TicketDTO | None = None
        self._call_id: str | None = None
        self._search_seq = 0    # the newest search asked for
        self._answered_seq = 0  # the newest search whose results are shown
        self._results: tuple[TemplateDTO, ...] = ()
        self._language = current_language()
        self.rendered: Rendered | None = None  # the preview's render outcome, for the warnings line

        self.search = SearchField(objectName="templateSearch")
        self.search.setClearButtonEnabled(True)
        self.category = QComboBox(objectName="templateCategory")
        self.category.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.model = TemplateListModel(category_title, self)
        self.list = ResultList(objectName="templateList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(TemplateDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setUniformItemSizes(True)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.empty = QLabel(objectName="templateEmpty")
        self.empty.setProperty("dim", True)
        self.empty.setWordWrap(True)
        self.empty.hide()
        self.preview = QTextBrowser(objectName="templatePreview")
        self.preview.setOpenLinks(False)
        self.preview.setOpenExternalLinks(False)
        self.preview.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.warnings = QLabel(objectName="templateWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.hide()
        self.insert_button = QPushButton(objectName="templateInsert")
        self.insert_button.setDefault(False)
        self.copy_button = QPushButton(objectName="templateCopy")
        self.pin_button = QPushButton(objectName="templatePin")

        top = QHBoxLayout()
        top.setSpacing(6)
        top.addWidget(self.search, 1)
        top.addWidget(self.category)
        results = QWidget()
        results_layout = QVBoxLayout(results)
        results_layout.setContentsMargins(0, 0, 0, 0)
        results_layout.addWidget(self.list, 1)
        results_layout.addWidget(self.empty)
        preview = QWidget()
        preview_layout = QVBoxLayout(preview)
        preview_layout.setContentsMargins(0, 0, 0, 0)
        preview_layout.setSpacing(4)
        preview_layout.addWidget(self.preview, 1)
        preview_layout.addWidget(self.warnings)
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        self.splitter.addWidget(results)
        self.splitter.addWidget(preview)
        # Split by the stretch factors alone: a text browser asks for more height than a two-line
        # preview needs, and the results are what the operator scans.
        for part in (results, preview):
            part.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
        self.preview.setMinimumHeight(QFontMetrics(self.preview.font()).height() * 3 + 12)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        buttons = QHBoxLayout()
        buttons.setSpacing(6)
        buttons.addWidget(self.insert_button, 1)
        buttons.addWidget(self.copy_button)
        buttons.addWidget(self.pin_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(debounce_ms)
        self._debounce.timeout.connect(self.search_now)
        self.search.textChanged.connect(lambda _text: self._debounce.start())
        self.search.move.connect(self._move)
        self.search.accept.connect(self.insert_selected)
        self.list.accept.connect(self.insert_selected)
        self.list.doubleClicked.connect(lambda _index: self.insert_selected())
        self.list.selectionModel().currentChanged.connect(lambda _now, _before: self._show_preview())
        self.list.customContextMenuRequested.connect(self._context_menu)
        self.category.currentIndexChanged.connect(lambda _i: self.search_now())
        self.insert_button.clicked.connect(self.insert_selected)
        self.copy_button.clicked.connect(self.copy_selected)
        self.pin_button.clicked.connect(lambda: self.show_pin_menu())
        self.retranslate()
        self.reload()

    # ---- Pane ------------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Templates")

    def register_actions(self, registry: ActionRegistry) -> None:
        registry.add(TEMPLATE_FIND, self.focus_search)
        self._insert_action = registry.add(TEMPLATE_INSERT, self.insert_selected)
        self._copy_action = registry.add(TEMPLATE_COPY, self.copy_selected)
        self._pin_action = registry.add(TEMPLATE_PIN, self.show_pin_menu)
        for slot, spec in zip(FAVOURITE_SLOTS, FAVOURITE_ACTIONS, strict=True):
            registry.add(spec, lambda slot=slot: self.insert_favourite(slot))
        for button, spec in ((self.insert_button, TEMPLATE_INSERT), (self.copy_button, TEMPLATE_COPY),
                             (self.pin_button, TEMPLATE_PIN)):
            button.setToolTip(registry.get(spec.id).toolTip())

    def focus_target(self) -> QWidget:
        return self.search

    def focus_search(self) -> None:
        dock = self.parentWidget()
        if dock is not None:
            dock.show()
            dock.raise_()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ---- the call's context ----------------------------------------------------------------
    def follow(self, flow: Any) -> None:
        """Take the caller from the call flow's screen-pop; forget them when the call is over."""
        flow.screen_pop.connect(self._popped)
        flow.call_changed.connect(self._call_changed)

    def _popped(self, call_id: str, pop: ScreenPop) -> None:
        self._call_id = call_id
        self.set_customer(pop.customer)

    def _call_changed(self, session: Any) -> None:
        if session is None or session.call_id != self._call_id:
            self._call_id = session.call_id if session is not None else None
            self.customer = None
            self.ticket = None
            self._show_preview()

    def set_call_customer(self, call_id: str, customer: CustomerDTO | None) -> None:
        """The operator created or linked the caller's contact on the card (for the current call)."""
        if call_id == self._call_id:
            self.set_customer(customer)

    def set_customer(self, customer: CustomerDTO | None) -> None:
        self.customer = customer
        self._show_preview()

    def set_ticket(self, ticket: TicketDTO | None) -> None:
        """The ticket editor's open ticket (the frame connects it)."""
        self.ticket = ticket
        self._show_preview()

    def values(self) -> dict[str, str]:
        now = self._clock().astimezone()
        return template_values(customer=self.customer, ticket=self.ticket, agent_name=self.agent.display_name,
                               company_name=self.company_name, today=date(now.year, now.month, now.day),
                               language=self._language)

    def filled(self, template: TemplateDTO) -> str:
        return render(template.body, self.values()).text

    # ---- searching -------------------------------------------------------------------------
    def reload(self) -> None:
        """Categories, favourites and results again (start, language change)."""
        self._language = current_language()
        self.db.submit(self.templates.categories, self._language, on_result=self._got_categories,
                       on_error=self._failed, owner=self)
        self.reload_favourites()
        self.search_now()

    def reload_favourites(self) -> None:
        self.db.submit(self.templates.favourites, self.agent.id, self._language,
                       on_result=self._got_favourites, on_error=self._failed, owner=self)

    def _got_categories(self, categories: Any) -> None:
        current = self.category.currentData()
        self.category.blockSignals(True)
        self.category.clear()
        self.category.addItem(self.tr("All categories"), None)
        for code in categories:
            self.category.addItem(category_title(code), code)
        index = self.category.findData(current)
        self.category.setCurrentIndex(max(0, index))
        self.category.blockSignals(False)

    def _got_favourites(self, favourites: Mapping[int, TemplateDTO]) -> None:
        self.model.set_favourites(favourites)
        if not self.search.text().strip() and self.category.currentData() is None:
            self._show_results(self._results)

    def search_now(self) -> None:
        self._debounce.stop()
        self._search_seq += 1
        seq, query, category = self._search_seq, self.search.text(), self.category.currentData()
        self.db.submit(self.templates.search, self._language, query, category=category, limit=RESULT_LIMIT,
                       on_result=lambda found: self._found(seq, found),
                       on_error=lambda exc: self._search_failed(seq, exc), owner=self)

    @property
    def searching(self) -> bool:
        """A search is waiting to start or to answer (tests wait on this)."""
        return self._debounce.isActive() or self._search_seq != self._answered_seq

    def _found(self, seq: int, found: Any) -> None:
        if seq != self._search_seq:
            return  # the operator typed on: a newer search is on its way
        self._answered_seq = seq
        self._results = tuple(found)
        self._show_results(self._results)

    def _show_results(self, results: tuple[TemplateDTO, ...]) -> None:
        current = self.selected()
        if not self.search.text().strip() and self.category.currentData() is None:
            results = pin_favourites(results, self.model.favourites)
        self.model.set_templates(results)
        row = self.model.row_of(current.key) if current is not None else -1
        self.list.setCurrentIndex(self.model.index(max(row, 0)))
        query = self.search.text().strip()
        self.empty.setText(self.tr("No template has “%1”.").replace("%1", query) if query
                           else self.tr("No templates in this category."))
        self.empty.setVisible(not results)
        self._show_preview()

    def _search_failed(self, seq: int, exc: BaseException) -> None:
        if seq == self._search_seq:
            self._answered_seq = seq
            self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.notice.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)

    def _move(self, step: int) -> None:
        rows = self.model.rowCount()
        if rows:
            row = min(max(self.list.currentIndex().row() + step, 0), rows - 1)
            self.list.setCurrentIndex(self.model.index(row))

    def selected(self) -> TemplateDTO | None:
        index = self.list.currentIndex()
        return self.model.template_at(index.row()) if index.isValid() else None

    # ---- preview ---------------------------------------------------------------------------
    def _show_preview(self) -> None:
        template = self.selected()
        for widget in (self.insert_button, self.copy_button, self.pin_button):
            widget.setEnabled(template is not None)
        if template is None:
            self.rendered = None
            self.preview.setHtml(f"<p style='color:{self.palette().color(QPalette.ColorRole.PlaceholderText).name()}'>"
                                 f"{html.escape(self.tr('Pick a template to see it filled in.'))}</p>")
            self.warnings.hide()
            return
        page, rendered, cut = preview_html(template.body, self.values(), self.palette())
        self.rendered = rendered
        self.preview.setHtml(page)
        danger = tone_colour(self.palette(), Tone.DANGER).name()
        amber = tone_colour(self.palette(), Tone.NOT_READY).name()
        lines = []  # (colour, escaped text): an unknown name is a mistake, a missing value is not yet
        if rendered.unknown:
            names = ", ".join(html.escape("{{" + n + "}}") for n in rendered.unknown[:5])
            lines.append((danger, self.tr("Unknown variable, left as written: %1").replace("%1", names)))
        if rendered.missing:
            names = ", ".join(html.escape("{{" + n + "}}") for n in rendered.missing[:5])
            lines.append((amber, self.tr("No value yet: %1").replace("%1", names)))
        if cut:
            lines.append((amber, html.escape(self.tr(
                "The preview shows the beginning; insert and copy take the whole text."))))
        self.warnings.setText("<br>".join(f"<span style='color:{c}'>⚠ {t}</span>" for c, t in lines))
        self.warnings.setVisible(bool(lines))

    # ---- insert, copy, favourites ----------------------------------------------------------
    def insert_selected(self) -> None:
        template = self.selected()
        if template is not None:
            self._insert(template)

    def _insert(self, template: TemplateDTO) -> None:
        text = self.filled(template)
        if self.receivers(SIGNAL("insert_requested(QString)")) == 0:
            # No editor is listening (no ticket open in this build): the text is not lost.
            QGuiApplication.clipboard().setText(text)
            self.notice.emit(self.tr("No ticket to insert into: “%1” is copied instead.").replace("%1", template.title))
            return
        self.insert_requested.emit(text)

    def copy_selected(self) -> None:
        template = self.selected()
        if template is not None:
            QGuiApplication.clipboard().setText(self.filled(template))
            self.notice.emit(self.tr("Copied: %1").replace("%1", template.title))

    def insert_template(self, key: str) -> None:
        """Insert the template with this key (a checklist phrase): fetched if not at hand."""
        for template in (*self.model.templates, *self.model.favourites.values()):
            if template.key == key:
                self._insert(template)
                return

        def got(template: TemplateDTO | None) -> None:
            if template is None:
                self.notice.emit(self.tr("There is no template “%1” in this language.").replace("%1", key))
            else:
                self._insert(template)

        self.db.submit(self.templates.get, key, self._language, on_result=got, on_error=self._failed, owner=self)

    def insert_favourite(self, slot: int) -> None:
        template = self.model.favourite(slot)
        if template is None:
            self.notice.emit(self.tr("Nothing is on Alt+%1 yet: select a template and press Alt+0.")
                             .replace("%1", str(slot)))
            return
        self._insert(template)

    def assign_favourite(self, slot: int | None) -> None:
        """Put the selected template on number key `slot`; None takes it off its key."""
        template = self.selected()
        if template is None:
            return
        old = self.model.slot_of(template.key)
        agent_id, key = self.agent.id, template.key

        def store() -> None:
            if old is not None and old != slot:
                self.templates.set_favourite(agent_id, old, None)  # one key per template
            if slot is not None:
                self.templates.set_favourite(agent_id, slot, key)

        def stored(_none: None) -> None:
            self.notice.emit(self.tr("“%1” is on Alt+%2.").replace("%1", template.title).replace("%2", str(slot))
                             if slot else self.tr("“%1” is off the number keys.").replace("%1", template.title))
            self.reload_favourites()

        self.db.submit(store, on_result=stored, on_error=self._failed, owner=self)

    def pin_menu(self) -> QMenu:
        """Slots 1-9 with what is on them now; the digit picks (the menu's mnemonics)."""
        menu = QMenu(self)
        template = self.selected()
        current = self.model.slot_of(template.key) if template is not None else None
        for slot in FAVOURITE_SLOTS:
            on_it = self.model.favourite(slot)
            label = on_it.title if on_it is not None else self.tr("(empty)")
            action = menu.addAction(f"&{slot}   {label.replace('&', '&&')}")
            action.setCheckable(True)
            action.setChecked(slot == current)
            action.triggered.connect(lambda _checked=False, slot=slot: self.assign_favourite(slot))
        if current is not None:
            menu.addSeparator()
            menu.addAction(self.tr("&0   Take off its number key"), lambda: self.assign_favourite(None))
        return menu

    def show_pin_menu(self, at: QPoint | None = None) -> None:
        if self.selected() is None:
            self.notice.emit(self.tr("Select a template first."))
            return
        menu = self.pin_menu()
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if at is None:
            rect = self.list.visualRect(self.list.currentIndex())
            at = self.list.viewport().mapToGlobal(rect.bottomLeft() if rect.isValid() else QPoint(0, 0))
        menu.popup(at)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.list.indexAt(pos)
        if index.isValid():
            self.list.setCurrentIndex(index)
            self.show_pin_menu(self.list.viewport().mapToGlobal(pos))

    # ---- language --------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.search.setPlaceholderText(self.tr("Search templates (Ctrl+F)"))
        self.category.setToolTip(self.tr("Category"))
        if self.category.count():
            self.category.setItemText(0, self.tr("All categories"))
        self.insert_button.setText(self.tr("Insert into ticket"))
        self.copy_button.setText(self.tr("Copy"))
        self.pin_button.setText(self.tr("Number key…"))
        self.model.set_category_title(category_title)
        self._show_preview()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and current_language() != self._language:
            self.reload()
        elif event.type() == QEvent.Type.PaletteChange:
            self._show_preview()
