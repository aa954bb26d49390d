"""The screen-pop card: who is calling, at a glance, while the phone rings.

One card per active call; pops never stack. The caller ID shows the moment the call rings, and
the rest fills in when the lookup (run off the GUI thread by the call flow) answers; an answer for
a call that is no longer the card's is dropped. A lookup that fails or takes long says so in
words and keeps the raw caller ID on screen. A second call ringing meanwhile is one compact line
above the card.

Known caller: name, number, VIP and repeat-caller badges (with the 7-day count), segment,
language, notes, open tickets (Enter or double-click opens one in the ticket editor), and the
last contacts with their outcomes. Unknown caller: the provisional contact form.

The card follows the call and the lookup; its parts show what it gives them: the header
(ui/card/header.py), the open tickets and last contacts (ui/card/lists.py) and the
second call's line (ui/card/waiting.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import ClassVar

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QPaintEvent
from PySide6.QtWidgets import QFrame, QLabel, QScrollArea, QStackedWidget, QVBoxLayout, QWidget

from desktop_agent.core.call_session import CallSession
from desktop_agent.core.domain import TicketStatus
from desktop_agent.core.dto import CustomerDTO, ScreenPop, TicketDTO
from desktop_agent.core.ports import (
    ContactDirectory,
    DispositionDTO,
    InteractionService,
    ReferenceData,
    TicketService,
)
from desktop_agent.ui.call.flow import CallFlow
from desktop_agent.ui.card.header import CallerHeader, set_shown
from desktop_agent.ui.card.lists import CallerHistory
from desktop_agent.ui.card.model import name_from_caller_id
from desktop_agent.ui.card.provisional_contact import ProvisionalContactForm
from desktop_agent.ui.card.waiting import WaitingCallLine
from desktop_agent.ui.kit.i18n import current_language, fill
from desktop_agent.ui.kit.pane import Area, Pane
from desktop_agent.ui.kit.qt_bridge import ServiceRunner, assert_gui_thread
from desktop_agent.ui.shell import actions as A
from desktop_agent.ui.shell.actions import ActionRegistry
from desktop_agent.ui.shell.theme import Tone, set_dim

SLOW_LOOKUP_MS = 1500     # then: 'still looking up'
LOOKUP_GIVE_UP_MS = 5000  # then: the lookup did not answer; the raw caller ID stays


class _CardPage(QWidget):
    """The card's body. Reports its first paint after a lookup filled it (the ring-to-card measure)."""

    def __init__(self, on_paint: Callable[[], None], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._on_paint = on_paint

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        self._on_paint()


class ScreenPopCard(Pane):
    pane_id: ClassVar[str] = "pane.screen_pop"
    default_area: ClassVar[Area | None] = Area.LeftDockWidgetArea
    focus_shortcut: ClassVar[str] = "F2"  # Alt+digits are template favourites
    minimum_width: ClassVar[int] = 330

    open_ticket = Signal(object)             # TicketDTO: the operator wants it in the ticket editor
    customer_changed = Signal(str, object)   # call id, CustomerDTO: created or linked for the call
    pop_painted = Signal(str)                # call id: the card painted the lookup's answer

    def __init__(self, flow: CallFlow, directory: ContactDirectory, interactions: InteractionService,
                 reference: ReferenceData, db_runner: ServiceRunner, *, tickets: TicketService | None = None,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("screenPopCard")
        self.flow, self.reference, self.tickets, self.db = flow, reference, tickets, db_runner
        self.call_id: str | None = None
        self.session: CallSession | None = None
        self.pop: ScreenPop | None = None
        self.lookup_state = "idle"  # idle | looking | slow | failed | partial | done
        self._paint_pending = False
        self._waiting: CallSession | None = None

        self.waiting_line = WaitingCallLine()
        self.waiting_text, self.waiting_decline = self.waiting_line.text, self.waiting_line.decline
        self.idle = QLabel(objectName="cardIdle")
        self.idle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.idle.setWordWrap(True)
        set_dim(self.idle)

        self.page = _CardPage(self._painted)
        self.page.setObjectName("cardPage")
        self.header = h = CallerHeader()
        self.name, self.number, self.status, self.facts, self.fact_labels, self.alternatives = \
            h.name, h.number, h.status, h.facts, h.fact_labels, h.alternatives
        self.vip_badge, self.repeat_badge, self.provisional_badge = h.vip_badge, h.repeat_badge, h.provisional_badge
        # the form's searches go to the database worker, not the call flow's lookup worker: a ringing
        # call's lookup never waits behind them
        self.contact_form = ProvisionalContactForm(directory, interactions, db_runner, self)
        self.contact_form.contact_chosen.connect(self._contact_chosen)
        self.history = CallerHistory()
        self.history.open_ticket.connect(self.open_ticket)
        self.ticket_model, self.ticket_table = self.history.ticket_model, self.history.ticket_table
        self.contacts_model, self.contacts_table = self.history.contacts_model, self.history.contacts_table

        body = QVBoxLayout(self.page)
        body.setContentsMargins(10, 8, 10, 8)
        body.setSpacing(6)
        body.addWidget(self.header)
        body.addWidget(self.contact_form)
        body.addWidget(self.history)
        body.addStretch(1)
        self.scroll = QScrollArea(objectName="cardScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)  # never clip: scroll
        self.scroll.setWidget(self.page)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.idle)
        self.stack.addWidget(self.scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.waiting_line)
        layout.addWidget(self.stack, 1)

        self._slow = QTimer(self, singleShot=True, interval=SLOW_LOOKUP_MS)
        self._slow.timeout.connect(lambda: self._lookup_late("slow"))
        self._give_up = QTimer(self, singleShot=True, interval=LOOKUP_GIVE_UP_MS)
        self._give_up.timeout.connect(lambda: self._lookup_late("failed"))

        flow.call_changed.connect(self._call_changed)
        flow.waiting_changed.connect(self._waiting_changed)
        flow.screen_pop.connect(self._popped)
        flow.ticked.connect(self._tick_waiting)
        self.retranslate()
        self._load_dispositions()
        self._call_changed(flow.current)
        self._waiting_changed(flow.waiting)

    # ---- Pane ----------------------------------------------------------------------------
    def title(self) -> str:
        return self.tr("Caller")

    def register_actions(self, registry: ActionRegistry) -> None:
        # The call bar registers Decline; the compact line of a second call offers it beside the caller.
        if A.CALL_DECLINE.id in registry:
            self.waiting_decline.setDefaultAction(registry.get(A.CALL_DECLINE.id))
            self.waiting_decline.show()

    def focus_target(self) -> QWidget:
        if self.pop is not None and self.pop.customer is None and self.contact_form.isVisible():
            return self.contact_form.name
        return self.history.focus_tickets() or self.scroll

    # ---- following the call flow ---------------------------------------------------------
    def _call_changed(self, session: CallSession | None) -> None:
        assert_gui_thread()
        self.session = session
        if session is None:
            self._show_idle()
            return
        if session.call_id == self.call_id:
            return
        self._new_call(session)
        pop = self.flow.pop_for(session.call_id)
        if pop is not None:
            self._fill(pop)

    def _new_call(self, session: CallSession) -> None:
        """The caller ID at once; the lookup fills in the rest."""
        self.call_id, self.pop = session.call_id, None
        self.contact_form.stop()
        self.header.show_caller_id(session)
        set_shown(self.contact_form, False)
        self.history.set_tickets(())
        self.history.set_contacts(())
        self.history.show_sections(False)
        self._set_lookup_state("looking")
        self._slow.start()
        self._give_up.start()
        self.stack.setCurrentWidget(self.scroll)
        self.scroll.verticalScrollBar().setValue(0)

    def _popped(self, call_id: str, pop: ScreenPop) -> None:
        if call_id == self.call_id:
            self._fill(pop)
        elif self._waiting is not None and call_id == self._waiting.call_id:
            self._show_waiting()
        # else: an answer for a call that has gone: dropped

    def _fill(self, pop: ScreenPop, *, restart_form: bool = True) -> None:
        assert_gui_thread()
        self._slow.stop()
        self._give_up.stop()
        self.pop = pop
        if pop.customer is not None:
            self._show_customer(pop.customer)
        else:
            self._show_unknown(pop, restart_form)
        self.header.show_badges(pop)
        self.header.show_alternatives(pop)
        self.history.set_tickets(pop.open_tickets)
        # the ringing call's own row may already be stored: it is not a 'last' contact
        self.history.set_contacts([i for i in pop.last_interactions if i.callid != self.call_id])
        self.history.show_sections(True)
        self._set_lookup_state("partial" if pop.partial else "done")
        self._paint_pending = True
        self.page.update()

    def _show_customer(self, customer: CustomerDTO) -> None:
        set_shown(self.contact_form, False)
        self.contact_form.stop()
        self.header.show_customer(customer)
        if self.session is not None:
            self.header.show_number(self.session, self.pop.caller_number if self.pop else None)

    def _show_unknown(self, pop: ScreenPop, restart_form: bool = True) -> None:
        # The CRM does not know the number, but the caller ID may carry a name (CNAM): it stays on
        # the card and is the form's first guess at the name, for the operator to confirm or correct.
        caller_name = name_from_caller_id(self.session.display_name) if self.session is not None else ""
        self.header.show_unknown(pop)
        if self.session is not None:
            self.header.show_number(self.session, pop.caller_number, caller_name)
        if pop.partial:
            set_shown(self.contact_form, False)  # the CRM could not say who it is: a new contact may be a duplicate
            return
        set_shown(self.contact_form, True)
        if restart_form or self.contact_form.call_id != self.call_id:
            self.contact_form.start(self.call_id or "", pop, name=caller_name)

    def _set_lookup_state(self, state: str) -> None:
        self.lookup_state = state
        raw = self.session.caller_id_raw if self.session else ""
        texts = {
            "looking": self.tr("Looking up the caller…"),
            "slow": self.tr("Still looking up the caller…"),
            "failed": fill(self.tr("The customer lookup did not answer. Caller ID as received: %1"), raw or "—"),
            "partial": fill(self.tr("The customer database did not answer in full: what is shown may be "
                                    "incomplete. Caller ID as received: %1"), raw or "—"),
        }
        self.header.show_status(texts.get(state, ""), Tone.DANGER if state in ("failed", "partial") else None)

    def _lookup_late(self, state: str) -> None:
        if self.pop is None and self.call_id is not None:
            self._set_lookup_state(state)

    def _show_idle(self) -> None:
        self.call_id, self.pop = None, None
        self._slow.stop()
        self._give_up.stop()
        self.contact_form.stop()
        self.lookup_state = "idle"
        self.stack.setCurrentWidget(self.idle)

    def _painted(self) -> None:
        if self._paint_pending and self.call_id is not None:
            self._paint_pending = False
            self.pop_painted.emit(self.call_id)

    # ---- the second ringing call ---------------------------------------------------------
    def _waiting_changed(self, session: CallSession | None) -> None:
        self._waiting = session
        self._show_waiting()

    def _show_waiting(self) -> None:
        s = self._waiting
        self.waiting_line.show_call(s, self.flow.pop_for(s.call_id) if s is not None else None)

    def _tick_waiting(self) -> None:
        if self._waiting is not None and self.waiting_line.isVisible():
            self._show_waiting()

    # ---- tickets and contacts ------------------------------------------------------------
    def _contact_chosen(self, call_id: str, customer: CustomerDTO, created: bool) -> None:
        if call_id != self.call_id or self.pop is None:
            return
        self.pop = replace(self.pop, customer=customer, badges=replace(self.pop.badges, vip=customer.vip))
        self._show_customer(customer)
        self.header.show_badges(self.pop)
        self.customer_changed.emit(call_id, customer)
        self.header.show_status(self.tr("Contact saved and linked to this call.") if created
                                else self.tr("This call is now linked to the customer."), Tone.READY)
        if not created and self.tickets is not None:
            tickets = self.tickets

            def loaded(found: tuple[TicketDTO, ...]) -> None:
                if call_id == self.call_id and self.pop is not None:
                    self.pop = replace(self.pop, open_tickets=tuple(found))
                    self.history.set_tickets(tuple(found))
                    self.history.show_sections(True)

            self.db.submit(lambda: tuple(tickets.search(customer_id=customer.id, open_only=True, limit=20)),
                           on_result=loaded, on_error=lambda _e: None, owner=self)

    def ticket_changed(self, ticket: TicketDTO | None) -> None:
        """The editor saved or showed a ticket (None: a new one, not saved yet): keep this caller's
        open tickets as they are now."""
        if ticket is None or self.pop is None or self.pop.customer is None or ticket.customer_id != self.pop.customer.id:
            return
        if ticket in self.pop.open_tickets:  # opened from this card, as it is: keep the list and its cursor
            return
        others = tuple(t for t in self.pop.open_tickets if t.id != ticket.id)
        known = len(others) != len(self.pop.open_tickets)
        if not known and not TicketStatus(ticket.status).is_open:
            return
        tickets = tuple(t if t.id != ticket.id else ticket for t in self.pop.open_tickets) if known else \
            (ticket, *others)
        tickets = tuple(t for t in tickets if TicketStatus(t.status).is_open)
        self.pop = replace(self.pop, open_tickets=tickets)
        self.history.set_tickets(tickets)
        self.history.show_sections(True)

    # ---- reference data, language and look -----------------------------------------------
    def _load_dispositions(self) -> None:
        def loaded(items: tuple[DispositionDTO, ...]) -> None:
            self.history.set_disposition_titles({d.code: d.title for d in items})

        self.db.submit(lambda: tuple(self.reference.dispositions(current_language())), on_result=loaded,
                       on_error=lambda _e: None, owner=self)

    def _restyle(self) -> None:
        self.header.restyle()
        if self.call_id is not None:
            self._set_lookup_state(self.lookup_state)

    def retranslate(self) -> None:
        self.idle.setText(self.tr("No call.\nThe caller's card appears here when a call rings."))
        self.header.retranslate()
        self.history.retranslate()
        if self.call_id is not None and self.session is not None:
            pop, session = self.pop, self.session
            self.name.setText("")  # re-worded below, in the new language
            if pop is None:
                self.call_id = None
                self._new_call(session)
            else:
                self._fill(pop, restart_form=False)
        self._show_waiting()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.PaletteChange:
            self._restyle()
        elif event.type() == QEvent.Type.LanguageChange:
            self._load_dispositions()
        super().changeEvent(event)
