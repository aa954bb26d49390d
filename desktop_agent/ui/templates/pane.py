"""The templates pane: search as you type, a safe preview with the caller's data, insert or copy,
and favourites on Alt+1..Alt+9.

The pane composes its parts: the finder (search field, categories, results; ui/templates/search.py),
the preview (ui/templates/preview.py) and the number keys (ui/templates/favourites.py). It keeps
the call's context (customer, ticket, agent) and fills the chosen template in with it.

'Insert' emits `insert_requested(text)`; the frame connects the ticket editor to it. Checklist
phrases arrive through `insert_template(key)` and leave through the same signal.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from typing import Any, ClassVar

from PySide6.QtCore import QT_TRANSLATE_NOOP, SIGNAL, QEvent, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QHBoxLayout, QMenu, QPushButton, QSizePolicy, QSplitter, QVBoxLayout, QWidget

from desktop_agent.core.domain import utcnow
from desktop_agent.core.dto import CustomerDTO, ScreenPop, TicketDTO
from desktop_agent.core.ports import AgentDTO, TemplateDTO, TemplateService
from desktop_agent.core.templates import FILLED_ON_SAVE, Rendered, render, template_values
from desktop_agent.ui.kit.i18n import current_language, fill
from desktop_agent.ui.kit.pane import Area, Pane
from desktop_agent.ui.kit.qt_bridge import ServiceRunner
from desktop_agent.ui.shell.actions import ActionRegistry, ActionSpec
from desktop_agent.ui.templates.favourites import (
    FAVOURITE_ACTIONS,
    GROUP_TEMPLATES,
    TEMPLATE_PIN,
    FavouriteKeys,
)
from desktop_agent.ui.templates.model import FAVOURITE_SLOTS
from desktop_agent.ui.templates.preview import TemplatePreview
from desktop_agent.ui.templates.search import DEBOUNCE_MS, TemplateFinder

TEMPLATE_FIND = ActionSpec("templates.find", QT_TRANSLATE_NOOP("Actions", "Find a template"), ("Ctrl+F", "F3"),
                           GROUP_TEMPLATES, QT_TRANSLATE_NOOP("Actions", "Go to the template search"))
TEMPLATE_INSERT = ActionSpec("templates.insert", QT_TRANSLATE_NOOP("Actions", "Insert template"),
                             ("Ctrl+Shift+I",), GROUP_TEMPLATES,
                             QT_TRANSLATE_NOOP("Actions", "Insert the selected template into the ticket"))
TEMPLATE_COPY = ActionSpec("templates.copy", QT_TRANSLATE_NOOP("Actions", "Copy template"), ("Ctrl+Shift+C",),
                           GROUP_TEMPLATES,
                           QT_TRANSLATE_NOOP("Actions", "Copy the selected template, filled in, to the clipboard"))


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
        self._flow: Any = None
        self.ticket: TicketDTO | None = None
        self._call_id: str | None = None
        self._language = current_language()

        self.finder = TemplateFinder(templates, db_runner, debounce_ms=debounce_ms)
        f = self.finder
        self.search, self.category, self.list, self.model, self.empty = f.search, f.category, f.list, f.model, f.empty
        self.preview_box = TemplatePreview()
        self.preview, self.warnings = self.preview_box.browser, self.preview_box.warnings
        self.favourites = FavouriteKeys(templates, db_runner, agent.id, self.list, self.model)
        self.insert_button = QPushButton(objectName="templateInsert")
        self.copy_button = QPushButton(objectName="templateCopy")
        self.pin_button = QPushButton(objectName="templatePin")

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.setChildrenCollapsible(False)
        # Split by the stretch factors alone: a text browser asks for more height than a two-line
        # preview needs, and the results are what the operator scans.
        for part in (self.finder, self.preview_box):
            part.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Ignored)
            self.splitter.addWidget(part)
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
        layout.addWidget(self.splitter, 1)
        layout.addLayout(buttons)

        f.current_changed.connect(self._show_preview)
        f.accept.connect(self.insert_selected)
        f.failed.connect(self._failed)
        self.list.doubleClicked.connect(lambda index: self._insert_row(index.row()))
        self.favourites.loaded.connect(f.favourites_changed)
        self.favourites.chosen.connect(self._insert)
        self.favourites.notice.connect(self.notice)
        self.favourites.failed.connect(self._failed)
        self.insert_button.clicked.connect(self.insert_selected)
        self.copy_button.clicked.connect(self.copy_selected)
        self.pin_button.clicked.connect(self.show_pin_menu)
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
        self.reveal()
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    # ---- the call's context ----------------------------------------------------------------
    def follow(self, flow: Any) -> None:
        """Take the caller from the call flow's screen-pop; forget them when the call is over."""
        self._flow = flow
        flow.screen_pop.connect(self._popped)
        flow.call_changed.connect(self._call_changed)

    def _popped(self, call_id: str, pop: ScreenPop) -> None:
        current = self._flow.current if self._flow is not None else None
        if current is not None and current.call_id != call_id:
            return  # a second caller's card: their values are not this call's
        self._call_id = call_id
        customer = self._flow.customer_for(call_id) if self._flow is not None else None
        self.set_customer(customer or pop.customer)

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

    def set_company_name(self, name: str) -> None:
        """{{company.name}}: app.py reads it from the shipped defaults once the window is up."""
        self.company_name = name
        self._show_preview()

    def set_ticket(self, ticket: TicketDTO | None) -> None:
        """The ticket editor's open ticket (the frame connects it); None for a new, unsaved one."""
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
        self.finder.reload(self._language)
        self.favourites.load(self._language)

    def search_now(self) -> None:
        self.finder.searcher.now()

    @property
    def searching(self) -> bool:
        """A search is waiting to start or to answer (tests wait on this)."""
        return self.finder.searcher.searching

    def selected(self) -> TemplateDTO | None:
        return self.finder.selected()

    def _failed(self, exc: BaseException) -> None:
        self.notice.emit(str(exc).splitlines()[0] if str(exc) else type(exc).__name__)

    # ---- preview ---------------------------------------------------------------------------
    @property
    def rendered(self) -> Rendered | None:
        """The preview's render outcome (what the warnings line names)."""
        return self.preview_box.rendered

    def _show_preview(self) -> None:
        template = self.selected()
        for widget in (self.insert_button, self.copy_button, self.pin_button):
            widget.setEnabled(template is not None)
        # no stored ticket: an insert opens (or goes into) a new ticket, whose save fills these in
        on_save = FILLED_ON_SAVE if self.ticket is None else ()
        self.preview_box.show_template(template, self.values() if template is not None else {}, on_save=on_save)

    # ---- insert, copy, favourites ----------------------------------------------------------
    def insert_selected(self) -> None:
        """The highlighted template, once the results of what was typed are in: Enter typed right
        after the last letter must not insert what the previous query had highlighted."""
        self.finder.searcher.then(lambda: self._insert_row(self.list.currentIndex().row()))

    def _insert_row(self, row: int) -> None:
        template = self.model.template_at(row) if row >= 0 else None
        if template is not None:
            self._insert(template)

    def _insert(self, template: TemplateDTO) -> None:
        text = self.filled(template)
        if self.receivers(SIGNAL("insert_requested(QString)")) == 0:
            # No editor is listening (no ticket open in this build): the text is not lost.
            QGuiApplication.clipboard().setText(text)
            self.notice.emit(fill(self.tr("No ticket to insert into: “%1” is copied instead."), template.title))
            return
        self.insert_requested.emit(text)

    def copy_selected(self) -> None:
        self.finder.searcher.then(self._copy_current)

    def _copy_current(self) -> None:
        template = self.selected()
        if template is not None:
            QGuiApplication.clipboard().setText(self.filled(template))
            self.notice.emit(fill(self.tr("Copied: %1"), template.title))

    def insert_template(self, key: str) -> None:
        """Insert the template with this key (a checklist phrase): fetched if not at hand."""
        for template in (*self.model.templates, *self.model.favourites.values()):
            if template.key == key:
                self._insert(template)
                return

        def got(template: TemplateDTO | None) -> None:
            if template is None:
                self.notice.emit(fill(self.tr("There is no template “%1” in this language."), key))
            else:
                self._insert(template)

        self.db.submit(self.templates.get, key, self._language, on_result=got, on_error=self._failed, owner=self)

    def insert_favourite(self, slot: int) -> None:
        self.favourites.choose(slot)

    def show_pin_menu(self) -> None:
        self.favourites.show_menu()

    def assign_favourite(self, slot: int | None) -> None:
        """Put the selected template on number key `slot`; None takes it off its key."""
        template = self.selected()
        if template is not None:
            self.favourites.assign(template, slot)

    def pin_menu(self) -> QMenu:
        """Alt+0's menu for the selected template: slots 1-9 with what is on them now."""
        template = self.selected()
        return self.favourites.menu(template) if template is not None else QMenu(self)

    # ---- language --------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.finder.retranslate()
        self.insert_button.setText(self.tr("Insert into ticket"))
        self.copy_button.setText(self.tr("Copy"))
        self.pin_button.setText(self.tr("Number key…"))
        self._show_preview()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.LanguageChange and current_language() != self._language:
            self.reload()
        elif event.type() == QEvent.Type.PaletteChange:
            self._show_preview()
