"""The ticket editor: one ticket at a time, created from the call or opened from the caller card.

    Ctrl+N        a new ticket pre-filled from the call (customer, subject, call time and caller)
    Ctrl+L        link the call to one of the caller's open tickets instead
    Ctrl+S        save (refused with the reason shown when a field is wrong; the text stays)
    Ctrl+Shift+U  escalate L1 -> L2 -> L3 (a dialog asks for the reason)
    Ctrl+Shift+H  the History tab and its comment box

Every service call runs on the database worker. Another desktop's change to the open ticket
arrives through the change feed: with no unsaved edits the editor simply shows it; with edits it
keeps them and offers "reload" (take theirs) or "merge" (keep mine on top of theirs). Saving over
a newer version is refused by the store, and the editor keeps the operator's text and offers the
same two ways out.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import datetime
from typing import Any, ClassVar
from uuid import UUID

from PySide6.QtCore import QT_TRANSLATE_NOOP, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop_agent.core.domain import TicketStatus, Tier, utcnow
from desktop_agent.core.dto import CustomerDTO, ScreenPop, TicketDTO
from desktop_agent.core.ports import (
    AgentDTO,
    ChangeEvent,
    ChangeFeed,
    ReferenceData,
    ServiceError,
    TicketDraft,
    TicketHistoryEntry,
    TicketService,
    VersionConflict,
)
from desktop_agent.ui.actions import ActionRegistry, ActionSpec
from desktop_agent.ui.call_flow import CallFlow
from desktop_agent.ui.i18n import current_language
from desktop_agent.ui.models.ticket_models import field_text, fill, format_when, merge_edits
from desktop_agent.ui.pane import Area, Pane
from desktop_agent.ui.qt_bridge import GuiRelay, ServiceRunner, assert_gui_thread
from desktop_agent.ui.theme import Tone, tone_colour
from desktop_agent.ui.ticket_dialogs import EscalationDialog, LinkTicketDialog
from desktop_agent.ui.ticket_form import TicketForm
from desktop_agent.ui.ticket_header import TicketHeader
from desktop_agent.ui.ticket_history import TicketHistoryView
from desktop_agent.ui.ticket_ops import (
    CallContext,
    Draft,
    Fetched,
    fetch_ticket,
    prefill_from_call,
    ticket_values,
)

GROUP_TICKET = QT_TRANSLATE_NOOP("Actions", "Ticket")
TICKET_SAVE = ActionSpec("ticket.save", QT_TRANSLATE_NOOP("Actions", "Save ticket"), ("Ctrl+S",), GROUP_TICKET,
                         QT_TRANSLATE_NOOP("Actions", "Save the ticket in the editor"))
TICKET_NEW = ActionSpec("ticket.new_from_call", QT_TRANSLATE_NOOP("Actions", "New ticket from call"), ("Ctrl+N",),
                        GROUP_TICKET, QT_TRANSLATE_NOOP("Actions", "A new ticket filled in from the current call"))
TICKET_LINK = ActionSpec("ticket.link_existing", QT_TRANSLATE_NOOP("Actions", "Link call to open ticket…"),
                         ("Ctrl+L",), GROUP_TICKET,
                         QT_TRANSLATE_NOOP("Actions", "Add the call to one of the caller's open tickets instead"))
# Ctrl+Shift+E is Decline (ui/actions.py): a priority call action keeps its keys.
TICKET_ESCALATE = ActionSpec("ticket.escalate", QT_TRANSLATE_NOOP("Actions", "Escalate ticket…"),
                             ("Ctrl+Shift+U",), GROUP_TICKET,
                             QT_TRANSLATE_NOOP("Actions", "Up one tier, L1 → L2 → L3; asks for the reason"))
TICKET_HISTORY = ActionSpec("ticket.history", QT_TRANSLATE_NOOP("Actions", "Ticket history"), ("Ctrl+Shift+H",),
                            GROUP_TICKET, QT_TRANSLATE_NOOP("Actions", "Show the ticket's history and comments"))
TICKET_ACTIONS = (TICKET_NEW, TICKET_LINK, TICKET_SAVE, TICKET_ESCALATE, TICKET_HISTORY)


class TicketEditor(Pane):
    pane_id: ClassVar[str] = "pane.ticket_editor"
    default_area: ClassVar[Area | None] = None  # the central workspace
    focus_shortcut: ClassVar[str] = "F4"  # Alt+digits are template favourites
    minimum_width: ClassVar[int] = 440

    ticket_shown = Signal(object)  # TicketDTO now in the editor (after open, save, reload)

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
        self.busy = False
        self.escalation_dialog: EscalationDialog | None = None
        self.link_dialog: LinkTicketDialog | None = None
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
        self.buttons = {spec.id: QPushButton(objectName=spec.id.replace(".", "_"))
                        for spec in (TICKET_NEW, TICKET_LINK, TICKET_SAVE)}
        self.buttons[TICKET_SAVE.id].setDefault(True)
        self.note = QLabel(objectName="ticketNote")  # notices that need no decision, above the buttons
        self.note.setWordWrap(True)
        self.note.hide()
        row = QHBoxLayout()
        row.addWidget(self.buttons[TICKET_NEW.id])
        row.addWidget(self.buttons[TICKET_LINK.id])
        row.addStretch(1)
        row.addWidget(self.buttons[TICKET_SAVE.id])

        self.editor_page = QWidget()
        page = QVBoxLayout(self.editor_page)
        page.setContentsMargins(0, 0, 0, 0)
        page.addWidget(self.header)
        page.addWidget(self.tabs, 1)
        self.empty = QLabel(objectName="ticketEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.setProperty("dim", True)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(self.editor_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.note)
        layout.addLayout(row)

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
        flow.call_changed.connect(lambda _s: self._refresh_state())
        flow.screen_pop.connect(self._remember_pop)

        self._sla_timer = QTimer(self, interval=1000)
        self._sla_timer.timeout.connect(self._show_sla)
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
        return answer == QMessageBox.StandardButton.Discard

    def open_ticket(self, ticket: TicketDTO) -> bool:
        """Show a ticket (from the caller card): what we have at once, then the stored version and history."""
        if self.ticket is not None and self.ticket.id == ticket.id and self.draft is None:
            self.focus_target().setFocus()
            return True
        if not self._may_leave():
            return False
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
        self.ticket_shown.emit(t)

    def _set_form(self, values: Mapping[str, Any], status: str, tier: str, *, draft: bool) -> None:
        self.form.set_values(values, stored_status=status, tier=tier,
                             customer_text=self.call.customer_text(values["customer_id"]),
                             agents=self._agents(values["assignee_id"]), draft=draft)

    # ---- new ticket from the call, or link an existing one --------------------------------
    def new_from_call(self) -> bool:
        if not self._may_leave():
            return False
        session = self.flow.current
        customer = self.call.caller(session.call_id) if session else None
        values = prefill_from_call(session, customer, agent_id=self.agent.id, disposition_titles=self._dispositions)
        self.ticket, self.stale = None, None
        self.draft = Draft(session.call_id if session else None, values)
        self._set_form(values, TicketStatus.NEW.value, Tier.L1.value, draft=True)
        self.history.set_history((), {})
        self.history.set_can_comment(False, self.tr("Comments can be added once the ticket is saved."))
        self.stack.setCurrentWidget(self.editor_page)
        self.tabs.setCurrentIndex(0)
        self.header.hide_banner()
        self._say("", Tone.NEUTRAL)
        self._refresh_state()
        self.form.subject.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.form.subject.selectAll()
        return True

    def link_existing(self) -> bool:
        session = self.flow.current
        if session is None:
            self._say(self.tr("Linking needs a call, and there is no call now."), Tone.NOT_READY)
            return False
        customer = self.call.caller(session.call_id)
        if customer is None:
            self._say(self.tr("The caller is not known: save a contact on the caller card first, "
                              "or create a new ticket (Ctrl+N)."), Tone.NOT_READY)
            return False
        tickets, call_id = self.tickets, session.call_id

        def found(open_tickets: tuple[TicketDTO, ...]) -> None:
            if not open_tickets:
                self._say(fill(self.tr("%1 has no open tickets: create a new one (Ctrl+N)."), customer.full_name),
                          Tone.NOT_READY)
                return
            self.link_dialog = dialog = LinkTicketDialog(open_tickets, customer.full_name, self)
            dialog.accepted.connect(lambda: self.link_call_to(dialog.chosen(), call_id))
            dialog.open()

        self.db.submit(lambda: tuple(tickets.search(customer_id=customer.id, open_only=True, limit=50)),
                       on_result=found, on_error=self._refused, owner=self)
        return True

    def link_call_to(self, ticket: TicketDTO | None, call_id: str) -> bool:
        """Put the call on `ticket` and open it in the editor."""
        if ticket is None or not self._may_leave():
            return False
        tickets, agent_id, interaction_of = self.tickets, self.agent.id, self.call.interaction_resolver(call_id)

        def link() -> UUID:
            interaction_id = interaction_of()
            if interaction_id is None:
                raise ServiceError("the call is not recorded yet; try again in a moment")
            tickets.link_interaction(ticket.id, interaction_id, agent_id=agent_id)
            return ticket.id

        def linked(fetched: Fetched) -> None:
            self._show_ticket(*fetched)
            self._say(fill(self.tr("The call is linked to ticket %1."), fetched[0].number), Tone.READY)

        self._run(self._job(link), linked)
        return True

    # ---- saving --------------------------------------------------------------------------
    def save(self) -> bool:
        if self.busy or (self.ticket is None and self.draft is None):
            return False
        problem = self.form.problem_of()
        if problem is not None:
            widget, text = problem
            self.form.show_problem(text)
            self.tabs.setCurrentIndex(0)
            widget.setFocus(Qt.FocusReason.OtherFocusReason)
            return False
        self.form.show_problem("")
        values = self.form.values()
        tickets, agent_id = self.tickets, self.agent.id
        if self.draft is not None:
            draft = TicketDraft(subject=values["subject"], customer_id=values["customer_id"],
                                description=values["description"], category=values["category"],
                                priority=values["priority"], assignee_id=values["assignee_id"])
            interaction_of = self.call.interaction_resolver(self.draft.call_id)

            def write() -> UUID:
                return tickets.create(replace(draft, interaction_id=interaction_of()), agent_id=agent_id).id
        else:
            assert self.ticket is not None
            base = ticket_values(self.ticket)
            changes = {k: v for k, v in values.items() if v != base[k]}
            if not changes:
                self._say(self.tr("Nothing to save: no field has changed."), Tone.NEUTRAL)
                return True
            ticket_id, version = self.ticket.id, self.ticket.version

            def write() -> UUID:
                return tickets.update(ticket_id, version, changes, agent_id=agent_id).id
        self._run(self._job(write), lambda fetched: self._saved(fetched, values))
        return True

    def _saved(self, fetched: Fetched, sent: Mapping[str, Any]) -> None:
        self._show_ticket(*fetched, mine_since=sent)
        self._say(fill(self.tr("Saved %1"), format_when(self.clock(), date=False)), Tone.NEUTRAL)

    def _run(self, job: Callable[[], Fetched], done: Callable[[Fetched], None]) -> None:
        self.busy = True
        self._refresh_state()

        def finished(fetched: Fetched) -> None:
            self.busy = False
            done(fetched)

        def failed(exc: BaseException) -> None:
            self.busy = False
            self._refused(exc)

        self.db.submit(job, on_result=finished, on_error=failed, owner=self)

    def _refused(self, exc: BaseException) -> None:
        """Any refused operation: say why, keep every typed character."""
        self._refresh_state()
        line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        if isinstance(exc, VersionConflict) and self.ticket is not None:
            self.header.show_banner(fill(self.tr(
                "Not saved: ticket %1 was changed on another desktop while you were editing. Your text is kept. "
                "Reload shows their version (your changes are dropped); Merge puts your changes on top of theirs."),
                self.ticket.number), Tone.DANGER, reload=True, merge=True)
            self._fetch(self.ticket.id, self._conflict_loaded)
        elif isinstance(exc, ServiceError):
            self.header.show_banner(fill(self.tr("Refused: %1. Your text is kept."), line), Tone.DANGER)
        else:
            self.header.show_banner(fill(self.tr("Not saved, the database did not answer: %1. Your text is kept; "
                                                 "try again."), line), Tone.DANGER)

    def _conflict_loaded(self, fetched: Fetched) -> None:
        ticket, history, names = fetched
        if self.ticket is not None and ticket.id == self.ticket.id:
            self.stale = ticket
            self._names.update(names)
            self.history.set_history(history, self._names)

    # ---- another desktop changed the ticket ----------------------------------------------
    def _changed_elsewhere(self, event: ChangeEvent) -> None:
        if event.entity == "ticket" and self.ticket is not None and event.entity_id == str(self.ticket.id):
            self._fetch(self.ticket.id, self._loaded)

    def _newer(self, ticket: TicketDTO) -> None:
        """A newer stored version: shown at once when the form holds no edits, else offered."""
        if not self.dirty and not self.busy:
            self._show_ticket(ticket, self.history.model.entries, {})
            self._say(fill(self.tr("Ticket %1 was updated on another desktop."), ticket.number), Tone.WRAPUP)
            return
        self.stale = ticket
        self.header.show_banner(fill(self.tr("Ticket %1 was changed elsewhere: reload it, or merge your unsaved "
                                             "changes into the new version."), ticket.number), Tone.NOT_READY,
                                reload=True, merge=True)

    def reload(self) -> None:
        """Take the stored version; the operator's unsaved edits are dropped (they chose to)."""
        if self.ticket is not None:
            target = self.stale or self.ticket
            self._show_ticket(target, self.history.model.entries, {})
            self._fetch(target.id, self._loaded)

    def merge(self) -> None:
        """Base the form on the newer version, keeping the operator's changed fields on top."""
        if self.ticket is None or self.stale is None:
            return
        merged = merge_edits(ticket_values(self.ticket), self.form.values(), ticket_values(self.stale))
        newer = self.stale
        self.ticket, self.stale = newer, None
        self._set_form(merged.values, newer.status, newer.tier, draft=False)
        if merged.conflicts:
            self.header.show_banner(fill(self.tr("Merged with the newer version. Changed on both sides, your value "
                                                 "kept: %1. Check and save."),
                                         ", ".join(field_text(n) for n in merged.conflicts)), Tone.NOT_READY)
        else:
            self.header.show_banner(self.tr("Merged with the newer version: no field was changed on both sides. "
                                            "Save to store your changes."), Tone.WRAPUP)
        self._refresh_state()

    # ---- escalation, comments, template text ---------------------------------------------
    def escalate(self) -> bool:
        t = self.ticket
        if t is None:
            self._say(self.tr("Save the ticket before escalating it."), Tone.NOT_READY)
            return False
        higher = Tier(t.tier).next()
        if higher is None:
            self._say(fill(self.tr("Ticket %1 is already at %2, the highest tier."), t.number, t.tier),
                      Tone.NOT_READY)
            return False
        if not TicketStatus(t.status).is_open:
            self._say(fill(self.tr("Ticket %1 is closed or resolved: reopen it before escalating."), t.number),
                      Tone.NOT_READY)
            return False
        self.escalation_dialog = dialog = EscalationDialog(t.number, t.tier, higher.value, self)
        dialog.accepted.connect(lambda: self.escalate_with_reason(dialog.text()))
        dialog.open()
        return True

    def escalate_with_reason(self, reason: str) -> bool:
        reason = (reason or "").strip()
        if self.ticket is None or self.busy:
            return False
        if not reason:
            self.header.show_banner(self.tr("An escalation needs a reason: nothing was changed."), Tone.DANGER)
            return False
        tickets, agent_id = self.tickets, self.agent.id
        ticket_id, version, before = self.ticket.id, self.ticket.version, ticket_values(self.ticket)

        def done(fetched: Fetched) -> None:
            self._show_ticket(*fetched, mine_since=before)  # unsaved edits stay on top
            self._say(fill(self.tr("Escalated to %1."), fetched[0].tier), Tone.WRAPUP)

        self._run(self._job(lambda: tickets.escalate(ticket_id, version, reason, agent_id=agent_id).id), done)
        return True

    def add_comment(self, text: str) -> None:
        if self.ticket is None:
            return
        tickets, agent_id, ticket_id = self.tickets, self.agent.id, self.ticket.id

        def comment() -> UUID:
            tickets.add_comment(ticket_id, text, agent_id=agent_id)
            return ticket_id

        def done(fetched: Fetched) -> None:
            self.history.comment_saved()
            self._loaded(fetched)

        self.db.submit(self._job(comment), on_result=done, on_error=self._refused, owner=self)

    def insert_text(self, text: str) -> bool:
        """A filled-in template: into the description at the cursor (a new ticket from the call if none is open)."""
        if self.ticket is None and self.draft is None and not self.new_from_call():
            return False
        self.tabs.setCurrentIndex(0)
        editor = self.form.description
        cursor = editor.textCursor()
        if not editor.hasFocus() and not cursor.hasSelection():
            cursor.movePosition(cursor.MoveOperation.End)
        cursor.insertText(text)
        editor.setTextCursor(cursor)
        editor.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def show_history(self) -> None:
        self.tabs.setCurrentWidget(self.history)
        self.history.comment.setFocus(Qt.FocusReason.ShortcutFocusReason)

    # ---- the call's customer and the assignee --------------------------------------------
    def set_call_customer(self, call_id: str, customer: CustomerDTO) -> None:
        """The caller card created or linked a contact for this call."""
        self.call.set_call_customer(call_id, customer)
        if self.draft is not None and self.draft.call_id == call_id and self.form.values()["customer_id"] is None:
            self.form.set_customer(customer.id, self.call.customer_text(customer.id))
        self._refresh_state()

    def _remember_pop(self, _call_id: str, pop: ScreenPop) -> None:
        self.call.remember_pop(pop)
        self._refresh_state()

    def _use_caller(self) -> None:
        customer = self.call.current_caller()
        if customer is not None:
            self.form.set_customer(customer.id, self.call.customer_text(customer.id))

    def _agents(self, assignee_id: UUID | None) -> dict[UUID | None, str]:
        agents: dict[UUID | None, str] = {None: self.tr("Unassigned"),
                                          self.agent.id: fill(self.tr("Me (%1)"), self.agent.display_name)}
        if assignee_id is not None and assignee_id not in agents:
            agents[assignee_id] = self._names.get(assignee_id) or self.tr("another agent")
        return agents

    def _ask_agent(self) -> None:
        login, ok = QInputDialog.getText(self, self.tr("Assign to another agent"), self.tr("Agent's login:"))
        login = (login or "").strip()
        if not ok or not login:
            return
        reference = self.reference

        def found(agent: AgentDTO | None) -> None:
            if agent is None:
                self.form.show_problem(fill(self.tr("No agent has the login “%1”."), login[:64]))
                return
            self._names[agent.id] = agent.display_name
            self.form.set_agents({**self._agents(None), agent.id: agent.display_name}, agent.id)
            self._edited()

        self.db.submit(lambda: reference.agent_by_login(login), on_result=found, on_error=self._refused, owner=self)

    # ---- showing state -------------------------------------------------------------------
    def _edited(self) -> None:
        self.form.show_problem("")
        self._refresh_state()

    def _refresh_state(self) -> None:
        t, draft = self.ticket, self.draft
        open_ = t is not None or draft is not None
        if not open_:
            self.stack.setCurrentWidget(self.empty)
        if draft is not None:
            self.header.show_title(self.tr("New ticket — not saved yet"))
        elif t is not None:
            dirty = self.dirty
            self.header.show_title(f"{t.number}  •" if dirty else t.number, self.tr("• unsaved changes") if dirty else "")
        self.header.show_tier((t.tier if t is not None else Tier.L1.value) if open_ else None)
        caller = self.call.current_caller()
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
        """A short note beside the Save button (notices that need no decision)."""
        self.note.setText(text)
        self.note.setVisible(bool(text))
        self.note.setStyleSheet(f"color: {tone_colour(self.palette(), tone).name()};")

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
        self.tabs.setTabText(0, self.tr("Details"))
        texts = {TICKET_NEW.id: (self.tr("New from call"), "Ctrl+N", self.tr("A new ticket filled in from the call")),
                 TICKET_LINK.id: (self.tr("Link…"), "Ctrl+L",
                                  self.tr("Link the call to one of the caller's open tickets")),
                 TICKET_SAVE.id: (self.tr("Save"), "Ctrl+S", self.tr("Save the ticket"))}
        for action_id, (title, key, tip) in texts.items():
            self.buttons[action_id].setText(f"{title} ({key})")
            self.buttons[action_id].setToolTip(f"{tip} ({key})")
        self.form.escalate.setToolTip(self.tr("Escalate to the next tier; a reason is required (Ctrl+Shift+U)"))
        self._refresh_state()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self._load_dispositions()
        super().changeEvent(event)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt's name
        self._sla_timer.start()  # a countdown nobody sees is not updated
        self._show_sla()
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:  # noqa: N802 - Qt's name
        self._sla_timer.stop()
        super().hideEvent(event)
