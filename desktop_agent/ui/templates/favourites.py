"""The templates pane's favourites: up to nine templates on Alt+1..Alt+9, one key per template.

Alt+0 (or the pane's "Number key…" button, or the list's context menu) opens a menu of the nine
slots with what is on each now, for the highlighted template; the digit picks the slot.
Favourites are kept per agent and language by the TemplateService, on the database worker.

The words here keep the pane's translation context ("TemplatesPane"), where they were translated.
"""

from __future__ import annotations

from collections.abc import Mapping
from uuid import UUID

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QObject, QPoint, Qt, Signal
from PySide6.QtWidgets import QListView, QMenu

from desktop_agent.core.ports import TemplateDTO, TemplateService
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.kit.qt_bridge import ServiceRunner
from desktop_agent.ui.shell.actions import ActionSpec
from desktop_agent.ui.templates.model import FAVOURITE_SLOTS, TemplateListModel

GROUP_TEMPLATES = QT_TRANSLATE_NOOP("Actions", "Templates")
TEMPLATE_PIN = ActionSpec("templates.pin", QT_TRANSLATE_NOOP("Actions", "Put on a number key…"), ("Alt+0",),
                          GROUP_TEMPLATES,
                          QT_TRANSLATE_NOOP("Actions", "Make the selected template a favourite on Alt+1…9"))
_FAVOURITE_TITLE = QT_TRANSLATE_NOOP("Actions", "Insert favourite %1")
MENU_TITLE_PX = 360  # a long title is elided in the slot menu: a menu as wide as the screen is unreadable


def _favourite_spec(slot: int) -> ActionSpec:
    return ActionSpec(f"templates.favourite.{slot}", _FAVOURITE_TITLE, (f"Alt+{slot}",), GROUP_TEMPLATES,
                      title_fn=lambda: fill(QCoreApplication.translate("Actions", _FAVOURITE_TITLE), slot))


FAVOURITE_ACTIONS = tuple(_favourite_spec(slot) for slot in FAVOURITE_SLOTS)


class FavouriteKeys(QObject):
    """Loads the agent's favourites into the result list's model, moves the highlighted template
    onto a key or off it, and hands out the template on a key."""

    loaded = Signal()           # the model holds the favourites as stored now
    chosen = Signal(object)     # TemplateDTO: the operator pressed its number key
    notice = Signal(str)        # one line for the status bar
    failed = Signal(object)

    def __init__(self, templates: TemplateService, db_runner: ServiceRunner, agent_id: UUID,
                 view: QListView, model: TemplateListModel) -> None:
        super().__init__(view)
        self.templates, self.db, self.agent_id, self.view, self.model = templates, db_runner, agent_id, view, model
        self.language = ""
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        view.customContextMenuRequested.connect(self._context_menu)

    def load(self, language: str) -> None:
        self.language = language
        self.db.submit(self.templates.favourites, self.agent_id, language,
                       on_result=self._got, on_error=self.failed.emit, owner=self)

    def _got(self, favourites: Mapping[int, TemplateDTO]) -> None:
        self.model.set_favourites(favourites)
        self.loaded.emit()

    def highlighted(self) -> TemplateDTO | None:
        index = self.view.currentIndex()
        return self.model.template_at(index.row()) if index.isValid() else None

    def choose(self, slot: int) -> None:
        template = self.model.favourite(slot)
        if template is None:
            self.notice.emit(fill(QCoreApplication.translate(
                "TemplatesPane", "Nothing is on Alt+%1 yet: select a template and press Alt+0."), slot))
            return
        self.chosen.emit(template)

    def assign(self, template: TemplateDTO, slot: int | None) -> None:
        """Put `template` on number key `slot`; None takes it off its key."""
        old = self.model.slot_of(template.key)
        templates, agent_id, key = self.templates, self.agent_id, template.key

        def store() -> None:
            if old is not None and old != slot:
                templates.set_favourite(agent_id, old, None)  # one key per template
            if slot is not None:
                templates.set_favourite(agent_id, slot, key)

        def stored(_none: None) -> None:
            if slot:
                text = QCoreApplication.translate("TemplatesPane", "“%1” is on Alt+%2.")
                self.notice.emit(fill(text, template.title, slot))
            else:
                text = QCoreApplication.translate("TemplatesPane", "“%1” is off the number keys.")
                self.notice.emit(fill(text, template.title))
            self.load(self.language)

        self.db.submit(store, on_result=stored, on_error=self.failed.emit, owner=self)

    def menu(self, template: TemplateDTO) -> QMenu:
        """Slots 1-9 with what is on them now; the digit picks (the menu's mnemonics)."""
        menu = QMenu(self.view)
        metrics = menu.fontMetrics()
        current = self.model.slot_of(template.key)
        for slot in FAVOURITE_SLOTS:
            on_it = self.model.favourite(slot)
            label = on_it.title if on_it is not None else QCoreApplication.translate("TemplatesPane", "(empty)")
            label = metrics.elidedText(label, Qt.TextElideMode.ElideRight, MENU_TITLE_PX)
            action = menu.addAction(f"&{slot}   {label.replace('&', '&&')}")
            action.setCheckable(True)
            action.setChecked(slot == current)
            action.triggered.connect(lambda _checked=False, slot=slot: self.assign(template, slot))
        if current is not None:
            menu.addSeparator()
            menu.addAction(QCoreApplication.translate("TemplatesPane", "&0   Take off its number key"),
                           lambda: self.assign(template, None))
        return menu

    def show_menu(self, at: QPoint | None = None) -> None:
        template = self.highlighted()
        if template is None:
            self.notice.emit(QCoreApplication.translate("TemplatesPane", "Select a template first."))
            return
        menu = self.menu(template)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        if at is None:
            rect = self.view.visualRect(self.view.currentIndex())
            at = self.view.viewport().mapToGlobal(rect.bottomLeft() if rect.isValid() else QPoint(0, 0))
        menu.popup(at)

    def _context_menu(self, pos: QPoint) -> None:
        index = self.view.indexAt(pos)
        if index.isValid():
            self.view.setCurrentIndex(index)
            self.show_menu(self.view.viewport().mapToGlobal(pos))
