"""The ticket editor: one ticket at a time, created from the call or opened from the caller card.

    Ctrl+N        a new ticket pre-filled from the call (customer, subject, call time and caller)
    Ctrl+L        link the call to one of the caller's open tickets instead
    Ctrl+S        save (refused with the reason shown when a field is wrong; the text stays)
    Ctrl+Shift+U  escalate L1 -> L2 -> L3 (a dialog asks for the reason)
    Ctrl+Shift+H  the History tab and its comment box

Every service call runs on the database worker. Another desktop's change to the open ticket
arrives through the change feed: with no unsaved edits the editor simply shows it; with edits it
keeps them and offers "reload" (take theirs) or "merge" (keep mine on top of theirs; a field changed
on both sides goes to the merge view, where the operator decides it). Saving over
a newer version is refused by the store, and the editor keeps the operator's text and offers the
same two ways out.

The pane is composed of the header (ui/ticket/header.py), the form (ui/ticket/form.py), the
history tab (ui/ticket/history.py) and the action bar (ui/ticket/actions.py); saving and conflicts
(ui/ticket/saving.py) and linking, escalation and comments (ui/ticket/linking.py) are parts of
this class kept in their own modules.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import datetime
from typing import Any, ClassVar
from uuid import UUID

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QAction, QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QMessageBox,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_agent.core.domain import TicketStatus, Tier, utcnow
from desktop_agent.core.dto import TicketDTO
from desktop_agent.core.ports import AgentDTO, ChangeFeed, ReferenceData, TicketHistoryEntry, TicketService
from desktop_agent.core.templates import fill_saved_ticket, filled_on_save, variables_in
from desktop_agent.core.tickets import merge_edits
from desktop_agent.ui.call.flow import CallFlow
from desktop_agent.ui.kit.i18n import current_language, fill
from desktop_agent.ui.kit.pane import Area, Pane
from desktop_agent.ui.kit.qt_bridge import GuiRelay, ServiceRunner, assert_gui_thread
from desktop_agent.ui.shell.actions import ActionRegistry
from desktop_agent.ui.shell.theme import Tone, set_dim
from desktop_agent.ui.ticket.actions import (
    TICKET_ACTIONS,
    TICKET_ESCALATE,
    TICKET_HISTORY,
    TICKET_LINK,
    TICKET_NEW,
    TICKET_SAVE,
    TicketActionBar,
)
from desktop_agent.ui.ticket.call_work import KEY_ROLE, KeptDraftList, TicketCallWork
from desktop_agent.ui.ticket.dialogs import EscalationDialog, LinkTicketDialog
from desktop_agent.ui.ticket.form import DESCRIPTION_MAX, TicketForm
from desktop_agent.ui.ticket.header import TicketHeader
from desktop_agent.ui.ticket.history import TicketHistoryView
from desktop_agent.ui.ticket.linking import TicketLinking
from desktop_agent.ui.ticket.ops import (
    CallContext,
    Draft,
    Fetched,
    fetch_ticket,
    prefill_from_call,
    ticket_values,
)
from desktop_agent.ui.ticket.saving import TicketSaving
from desktop_agent.ui.ticket.sla import SlaTicker


class TicketEditor(TicketSaving, TicketLinking, TicketCallWork, Pane):
    pane_id: ClassVar[str] = "pane.ticket_editor"
    default_area: ClassVar[Area | None] = None  # the central workspace
    focus_shortcut: ClassVar[str] = "F4"  # Alt+digits are template favourites
    minimum_width: ClassVar[int] = 440

    # TicketDTO now in the editor (after open, save, reload); None for a new ticket not saved yet:
    # the templates pane then fills no ticket values (they come with the save)
    ticket_shown = Signal(object)

    def __init__(self, flow: CallFlow, tickets: TicketService, reference: ReferenceData, db_runner: ServiceRunner,
                 *, agent: AgentDTO, feed: ChangeFeed | None = None, clock: Callable[[], datetime] = utcnow,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketEditor")
        self.flow, self.tickets, self.reference, self.db = flow, tickets, reference, db_runner
        self.agent, self.clock = agent, clock
        self.call = CallContext(flow)
        self.ticket: TicketDTO | None = None   # the stored version the form is based on
        self.draft: Draft | None = None
        self.stale: TicketDTO | None = None    # a newer stored version, while the operator has edits
        self.work_call: str | None = None      # the call (or kept draft) what the editor holds belongs to
        self._after_save: Callable[[], object] | None = None  # Ready waits for this save (TicketCallWork._decide)
        self.busy = False
        self.escalation_dialog: EscalationDialog | None = None
        self.link_dialog: LinkTicketDialog | None = None
        self.merge_dialog: QWidget | None = None  # the merge view while it is open (TicketSaving.merge)
        self._names: dict[UUID, str] = {agent.id: agent.display_name}
        self._dispositions: dict[str, str] = {}
        self._actions: dict[str, QAction] = {}

        self.header = TicketHeader()
        self.form = TicketForm()
        form_scroll = QScrollArea()
        form_scroll.setWidgetResizable(True)
        form_scroll.setFrameShape(QFrame.Shape.NoFrame)
        form_scroll.setWidget(self.form)
        self.history = TicketHistoryView()
        self.tabs = QTabWidget(objectName="ticketTabs")
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(form_scroll, "")
        self.tabs.addTab(self.history, "")
        self.action_bar = TicketActionBar()
        self.buttons, self.note = self.action_bar.buttons, self.action_bar.note

        self.editor_page = QWidget()
        page = QVBoxLayout(self.editor_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(self.header)
        page.addWidget(self.tabs, 1)
        self.empty = QLabel(objectName="ticketEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        set_dim(self.empty)
        self.kept_title = QLabel(objectName="keptDraftsTitle")
        self.kept_list = KeptDraftList()
        self.kept_list.itemActivated.connect(lambda item: self.reopen_kept(item.data(KEY_ROLE)))
        self.kept_list.discard_requested.connect(self.discard_kept)
        self.kept_list.hide()
        self.empty_page = QWidget()
        empty = QVBoxLayout(self.empty_page)
        empty.setContentsMargins(0, 0, 0, 0)
        empty.addWidget(self.empty, 1)
        empty.addWidget(self.kept_title)
        empty.addWidget(self.kept_list)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty_page)
        self.stack.addWidget(self.editor_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.action_bar)

        self.buttons[TICKET_NEW.id].clicked.connect(self.new_from_call)
        self.buttons[TICKET_LINK.id].clicked.connect(self.link_existing)
        self.buttons[TICKET_SAVE.id].clicked.connect(self.save)
        self.header.reload_requested.connect(self.reload)
        self.header.merge_requested.connect(self.merge)
        self.form.edited.connect(self._edited)
        self.form.escalate_requested.connect(self.escalate)
        self.form.use_caller_requested.connect(self._use_caller)
        self.form.other_agent_requested.connect(self._ask_agent)
        self.history.comment_requested.connect(self.add_comment)
        flow.call_changed.connect(self._follow_call)
        flow.ticket_decision.connect(self._decide)
        flow.screen_pop.connect(self._remember_pop)

        self._sla = SlaTicker(self, self._show_sla)
        if feed is not None:
            unsubscribe = feed.subscribe(GuiRelay(self._changed_elsewhere, self))
            self.destroyed.connect(lambda *_: unsubscribe())
        self.retranslate()
        self._load_dispositions()

    # ---- Pane ----------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Ticket")

    def register_actions(self, registry: ActionRegistry) -> None:
        handlers = {TICKET_NEW.id: self.new_from_call, TICKET_LINK.id: self.link_existing,
                    TICKET_SAVE.id: self.save, TICKET_ESCALATE.id: self.escalate,
                    TICKET_HISTORY.id: self.show_history}
        for spec in TICKET_ACTIONS:
            self._actions[spec.id] = registry.add(spec, handlers[spec.id])
        self._refresh_state()

    def focus_target(self) -> QWidget:
        return self.form.subject if self.stack.currentWidget() is self.editor_page else self

    # ---- opening -------------------------------------------------------------------------
    @property
    def dirty(self) -> bool:
        """The form holds something the operator typed that is not stored."""
        if self.draft is not None:
            return self.form.values() != self.draft.values
        return self.ticket is not None and self.form.values() != ticket_values(self.ticket)

    def _may_leave(self) -> bool:
        if not self.dirty:
            return True
        what = self.ticket.number if self.ticket else self.tr("the new ticket")
        answer = QMessageBox.question(
            self, self.tr("Unsaved changes"), fill(self.tr("Your changes to %1 are not saved. Discard them?"), what),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Discard:
            return False
        self._discard_work()
        return True

    def open_ticket(self, ticket: TicketDTO) -> bool:
        """Show a ticket (from the caller card): what we have at once, then the stored version and history."""
        if self.ticket is not None and self.ticket.id == ticket.id and self.draft is None:
            self.focus_target().setFocus()
            return True
        if not self._may_leave():
            return False
        current = self.flow.current
        self.work_call = current.call_id if current is not None else None
        self._show_ticket(ticket, (), {})
        self._fetch(ticket.id, self._loaded)
        return True

    def _job(self, write: Callable[[], UUID]) -> Callable[[], Fetched]:
        """A worker job: `write` (which returns the ticket's id), then the ticket as stored now."""
        tickets, reference, known = self.tickets, self.reference, set(self._names)
        return lambda: fetch_ticket(tickets, reference, known, write())

    def _fetch(self, ticket_id: UUID, then: Callable[[Fetched], None]) -> None:
        self.db.submit(self._job(lambda: ticket_id), on_result=then, on_error=self._refused, owner=self)

    def _loaded(self, fetched: Fetched) -> None:
        ticket, history, names = fetched
        if self.ticket is None or self.ticket.id != ticket.id:
            return  # the operator moved on meanwhile
        self._names.update(names)
        self.history.set_history(history, self._names)
        if ticket.version != self.ticket.version:
            self._newer(ticket)
        self._refresh_state()

    def _show_ticket(self, t: TicketDTO, history: tuple[TicketHistoryEntry, ...], names: Mapping[UUID, str], *,
                     mine_since: Mapping[str, Any] | None = None) -> None:
        """Base the form on stored version `t`. With `mine_since` (the values the form had when a save or
        an escalation was sent), whatever the operator typed after that stays on top."""
        assert_gui_thread()
        typed = self.form.values() if mine_since is not None else None
        self.ticket, self.draft, self.stale = t, None, None
        self._names.update(names)
        values = ticket_values(t)
        if typed is not None and mine_since is not None:
            values = merge_edits(mine_since, typed, values).values
        self._set_form(values, t.status, t.tier, draft=False)
        self.history.set_history(history, self._names)
        self.history.set_can_comment(True)
        self.stack.setCurrentWidget(self.editor_page)
        self.header.hide_banner()
        self._refresh_state()
        self._push_work()
        self.ticket_shown.emit(t)

    def _set_form(self, values: Mapping[str, Any], status: str, tier: str, *, draft: bool) -> None:
        self.form.set_values(values, stored_status=status, tier=tier,
                             customer_text=self.call.customer_text(values["customer_id"]),
                             agents=self._agents(values["assignee_id"]), draft=draft)

    # ---- a new ticket from the call (linking one: TicketLinking) ----------------------------
    def new_from_call(self) -> bool:
        if not self._may_leave():
            return False
        session = self.flow.current
        customer = self.call.caller(session.call_id) if session else None
        values = prefill_from_call(session, customer, agent_id=self.agent.id, disposition_titles=self._dispositions)
        self.ticket, self.stale = None, None
        self.draft = Draft(session.call_id if session else None, values)
        self.work_call = self.draft.call_id
        self._set_form(values, TicketStatus.NEW.value, Tier.L1.value, draft=True)
        self.history.set_history((), {})
        self.history.set_can_comment(False, self.tr("Comments can be added once the ticket is saved."))
        self.stack.setCurrentWidget(self.editor_page)
        self.tabs.setCurrentIndex(0)
        self.header.hide_banner()
        self._say("", Tone.NEUTRAL)
        self._refresh_state()
        self._push_work()
        self.ticket_shown.emit(None)
        self.form.subject.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.form.subject.selectAll()
        return True

    # ---- template text and the history tab -----------------------------------------------
    def insert_text(self, text: str) -> bool:
        """A filled-in template: into the description at the cursor (a new ticket from the call if none
        is open); on a line of its own when it is added at the end of what the operator wrote."""
        if self.ticket is None and self.draft is None and not self.new_from_call():
            return False
        self.tabs.setCurrentIndex(0)
        editor = self.form.description
        cursor = editor.textCursor()
        given = text
        if not editor.hasFocus() and not cursor.hasSelection():
            cursor.movePosition(cursor.MoveOperation.End)
            before = editor.toPlainText()[-1:]
            if before and not before.isspace():
                text = "\n" + text
        if self.ticket is not None:  # a stored ticket has its own values already: none is left open
            text = fill_saved_ticket(text, number=self.ticket.number, due_at=self.ticket.sla_due_at,
                                     subject=self.ticket.subject, language=current_language())
        length = editor.document().characterCount() - 1 - len(cursor.selectedText()) + len(text)  # as it would be
        if length > DESCRIPTION_MAX:
            # It could never be saved, and laying out a huge text stalls the window: refused, not lost.
            QGuiApplication.clipboard().setText(given)
            self._say(fill(self.tr("The text does not fit into the description (%1 characters with it, at most "
                                   "%2): it is on the clipboard instead."), length, DESCRIPTION_MAX), Tone.NOT_READY)
            return False
        cursor.insertText(text)
        editor.setTextCursor(cursor)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        pending = filled_on_save(variables_in(text))
        if pending:
            self._say(fill(self.tr("%1 will be filled in when the ticket is saved."),
                           ", ".join("{{" + name + "}}" for name in pending)), Tone.WRAPUP)
        return True

    def show_history(self) -> None:
        self.tabs.setCurrentWidget(self.history)
        self.history.comment.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ---- showing state -------------------------------------------------------------------
    def _edited(self) -> None:
        self.form.show_problem("")
        self._refresh_state()
        self._push_work()

    def _refresh_state(self) -> None:
        t, draft = self.ticket, self.draft
        open_ = t is not None or draft is not None
        if not open_:
            self.stack.setCurrentWidget(self.empty_page)
            self._show_kept()
        self.kept_title.setVisible(not open_ and self.kept_list.count() > 0)
        if draft is not None:
            self.header.show_title(self.tr("New ticket — not saved yet"))
        elif t is not None:
            dirty = self.dirty
            self.header.show_title(f"{t.number}  •" if dirty else t.number, self.tr("• unsaved changes") if dirty else "")
        self.header.show_tier((t.tier if t is not None else Tier.L1.value) if open_ else None)
        current = self.flow.current
        # Only the work of the call on now may take its caller: never another call's ticket.
        caller = self.call.current_caller() if current is not None and current.call_id == self.work_call else None
        form_customer = self.form.values()["customer_id"] if open_ else None
        self.form.set_use_caller(open_ and caller is not None and caller.id != form_customer,
                                 caller.full_name if caller else "")
        can_escalate = t is not None and Tier(t.tier).next() is not None and TicketStatus(t.status).is_open
        self.form.escalate.setEnabled(can_escalate and not self.busy)
        enabled = {TICKET_SAVE.id: open_ and not self.busy, TICKET_NEW.id: not self.busy,
                   TICKET_LINK.id: self.flow.current is not None and not self.busy,
                   TICKET_ESCALATE.id: can_escalate and not self.busy, TICKET_HISTORY.id: open_}
        for action_id, on in enabled.items():
            if action_id in self.buttons:
                self.buttons[action_id].setEnabled(on)
            if action_id in self._actions:
                self._actions[action_id].setEnabled(on)
        self.tabs.setTabText(1, fill(self.tr("History (%1)"), len(self.history.model.entries)))
        self._show_sla()

    def _show_sla(self) -> None:
        draft_priority = self.form.values()["priority"] if self.draft is not None else None
        self.header.show_sla(self.ticket, self.clock(), draft_priority=draft_priority)

    def _say(self, text: str, tone: Tone) -> None:
        self.action_bar.say(text, tone)

    def _load_dispositions(self) -> None:
        reference = self.reference

        def loaded(items: tuple) -> None:
            self._dispositions = {d.code: d.title for d in items}

        self.db.submit(lambda: tuple(reference.dispositions(current_language())), on_result=loaded,
                       on_error=lambda _e: None, owner=self)

    def retranslate(self) -> None:
        self.empty.setText(self.tr("No ticket open.\n\nCtrl+N — a new ticket from the call\n"
                                   "Ctrl+L — link the call to one of the caller's open tickets\n"
                                   "F2 — the caller card: Enter opens one of their tickets"))
        self.kept_title.setText(self.tr("Unsaved tickets kept as drafts (Enter reopens one):"))
        self.tabs.setTabText(0, self.tr("Details"))
        self.action_bar.retranslate()
        self.form.escalate.setToolTip(self.tr("Escalate to the next tier; a reason is required (Ctrl+Shift+U)"))
        self._refresh_state()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._load_dispositions()
        super().changeEvent(event)
