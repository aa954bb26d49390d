"""The screen-pop card: who is calling, at a glance, while the phone rings.

One card per active call; pops never stack. The caller ID shows the moment the call rings, and
the rest fills in when the lookup (run off the GUI thread by the call flow) answers; an answer for
a call that is no longer the card's is dropped. A lookup that fails or takes long says so in
words and keeps the raw caller ID on screen. A second call ringing meanwhile is one compact line
above the card.

Known caller: name, number, VIP and repeat-caller badges (with the 7-day count), segment,
language, notes, open tickets (Enter or double-click opens one in the ticket editor), and the
last contacts with their outcomes. Unknown caller: the provisional contact form.
"""

from __future__ import annotations

from dataclasses import replace
from typing import ClassVar

from PySide6.QtCore import QAbstractItemModel, QEvent, Qt, QTimer, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop_agent.core.call_session import CallSession
from desktop_agent.core.domain import TicketStatus
from desktop_agent.core.dto import CustomerDTO, ScreenPop, TicketDTO
from desktop_agent.core.phone import CallerIdKind, format_international, normalise
from desktop_agent.core.ports import DispositionDTO, InteractionService, ReferenceData, TicketService
from desktop_agent.ui import actions as A
from desktop_agent.ui.actions import ActionRegistry
from desktop_agent.ui.call_flow import CallFlow
from desktop_agent.ui.i18n import current_language, format_duration
from desktop_agent.ui.models.screen_pop_model import (
    LastContactsModel,
    badges_of,
    display_number,
    language_text,
    segment_text,
)
from desktop_agent.ui.models.ticket_models import TicketListModel, fill
from desktop_agent.ui.pane import Area, Pane
from desktop_agent.ui.provisional_contact import ContactDirectory, ProvisionalContactForm
from desktop_agent.ui.qt_bridge import ServiceRunner, assert_gui_thread
from desktop_agent.ui.theme import Tone, is_dark, tone_colour

SLOW_LOOKUP_MS = 1500     # then: 'still looking up'
LOOKUP_GIVE_UP_MS = 5000  # then: the lookup did not answer; the raw caller ID stays
TABLE_ROWS = 5            # rows a table shows before it scrolls


class _CardPage(QWidget):
    """The card's body. Reports its first paint after a lookup filled it (the ring-to-card measure)."""

    def __init__(self, on_paint, parent: QWidget | None = None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self._on_paint = on_paint

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        self._on_paint()


class _TicketTable(QTableView):
    """Enter opens the highlighted ticket."""

    open_current = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not event.modifiers():
            self.open_current.emit()
            return
        super().keyPressEvent(event)


def _table(view: QTableView, model: QAbstractItemModel, stretch: int) -> QTableView:
    view.setModel(model)  # first: a header without sections forgets per-section resize modes
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    view.setShowGrid(False)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setTextElideMode(Qt.TextElideMode.ElideRight)
    view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    # Fixed widths that _fit_columns sets from the words: ResizeToContents would ask the model for
    # every role of every row on each reset, which is most of a pop's paint time
    header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setHighlightSections(False)
    return view


def _fit_columns(view: QTableView, stretch: int) -> None:
    model, header, metrics = view.model(), view.horizontalHeader(), view.fontMetrics()
    for column in range(model.columnCount()):
        if column == stretch:
            continue
        words = [str(model.headerData(column, Qt.Orientation.Horizontal) or "")]
        words += [str(model.index(row, column).data() or "") for row in range(model.rowCount())]
        header.resizeSection(column, max(metrics.horizontalAdvance(w) for w in words) + 14)


def _show(widget: QWidget, on: bool) -> None:
    """Show or hide only on a change: each real change costs a relayout of the card."""
    if widget.isHidden() == on:
        widget.setVisible(on)


def _fit_rows(view: QTableView, rows: int) -> None:
    """As tall as its rows (up to TABLE_ROWS): a short list leaves room for the next section."""
    row_height = view.verticalHeader().defaultSectionSize()
    shown = max(1, min(rows, TABLE_ROWS))
    view.setFixedHeight(view.horizontalHeader().sizeHint().height() + row_height * shown + 2 * view.frameWidth())


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

        self.waiting_line = QFrame(objectName="waitingCall")
        self.waiting_text = QLabel(objectName="waitingText")
        self.waiting_text.setTextFormat(Qt.TextFormat.PlainText)
        line = QHBoxLayout(self.waiting_line)
        line.setContentsMargins(8, 4, 8, 4)
        line.addWidget(self.waiting_text, 1)
        self.waiting_decline = QToolButton(objectName="waitingDecline")  # the Decline action, once registered
        self.waiting_decline.hide()
        line.addWidget(self.waiting_decline)
        self.waiting_line.hide()

        self.idle = QLabel(objectName="cardIdle")
        self.idle.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.idle.setWordWrap(True)
        self.idle.setProperty("dim", True)

        self.page = _CardPage(self._painted)
        self.page.setObjectName("cardPage")
        self.name = QLabel(objectName="callerName")
        self.name.setWordWrap(True)
        self.name.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.name.setTextFormat(Qt.TextFormat.PlainText)
        big = QFont(self.name.font())
        big.setPointSizeF(big.pointSizeF() * 1.45)
        big.setWeight(QFont.Weight.DemiBold)
        self.name.setFont(big)
        self.number = QLabel(objectName="callerNumber")
        self.number.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.number.setTextFormat(Qt.TextFormat.PlainText)
        self.number.setWordWrap(True)
        self.vip_badge = QLabel(objectName="vipBadge")
        self.repeat_badge = QLabel(objectName="repeatBadge")
        self.provisional_badge = QLabel(objectName="provisionalBadge")
        badges = QHBoxLayout()
        badges.setSpacing(6)
        for badge in (self.vip_badge, self.repeat_badge, self.provisional_badge):
            badge.hide()
            badges.addWidget(badge)
        badges.addStretch(1)
        self.status = QLabel(objectName="lookupStatus")
        self.status.setWordWrap(True)
        self.status.setTextFormat(Qt.TextFormat.PlainText)

        self.facts = QWidget(objectName="customerFacts")
        self.facts_form = QFormLayout(self.facts)
        self.facts_form.setContentsMargins(0, 0, 0, 0)
        self.facts_form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.fact_labels: dict[str, tuple[QLabel, QLabel]] = {}
        for key in ("segment", "language", "company", "notes"):
            label, value = QLabel(), QLabel(objectName=f"fact_{key}")
            value.setWordWrap(True)
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.facts_form.addRow(label, value)
            self.fact_labels[key] = (label, value)
        self.alternatives = QLabel(objectName="alternatives")
        self.alternatives.setWordWrap(True)
        self.alternatives.setProperty("dim", True)

        # the form's searches go to the database worker, not the call flow's lookup worker: a ringing
        # call's lookup never waits behind them
        self.contact_form = ProvisionalContactForm(directory, interactions, db_runner, self)
        self.contact_form.contact_chosen.connect(self._contact_chosen)

        self.tickets_heading = QLabel(objectName="openTicketsHeading")
        # the number is in the tooltip and the editor: in a narrow card the subject matters more
        self.ticket_model = TicketListModel(self, columns=("subject", "status", "sla"))
        self.ticket_table = _table(_TicketTable(objectName="openTickets"), self.ticket_model, 0)
        self.ticket_table.open_current.connect(self._open_current)
        self.ticket_table.doubleClicked.connect(lambda index: self._open_row(index.row()))
        self.contacts_heading = QLabel(objectName="lastContactsHeading")
        self.contacts_model = LastContactsModel(self)
        self.contacts_table = _table(QTableView(objectName="lastContacts"), self.contacts_model, 2)
        for heading in (self.tickets_heading, self.contacts_heading):
            font = QFont(heading.font())
            font.setWeight(QFont.Weight.DemiBold)
            heading.setFont(font)

        body = QVBoxLayout(self.page)
        body.setContentsMargins(10, 8, 10, 8)
        body.setSpacing(6)
        body.addWidget(self.name)
        body.addWidget(self.number)
        body.addLayout(badges)
        body.addWidget(self.status)
        body.addWidget(self.facts)
        body.addWidget(self.alternatives)
        body.addWidget(self.contact_form)
        body.addSpacing(4)
        body.addWidget(self.tickets_heading)
        body.addWidget(self.ticket_table)
        body.addSpacing(4)
        body.addWidget(self.contacts_heading)
        body.addWidget(self.contacts_table)
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
        self._restyle()
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
        if self.ticket_model.rowCount():
            if not self.ticket_table.currentIndex().isValid():
                self.ticket_table.setCurrentIndex(self.ticket_model.index(0, 0))
            return self.ticket_table
        return self.scroll

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
        caller = normalise(session.caller_id_raw)
        if caller.kind is CallerIdKind.ANONYMOUS:
            self.name.setText(self.tr("Anonymous caller"))
        elif caller.e164:
            self.name.setText(session.display_name or format_international(caller.e164))
        else:
            self.name.setText(session.display_name or session.caller_id_raw or self.tr("No caller ID"))
        self.number.setText(self._number_line(session, caller.e164))
        for widget in (self.vip_badge, self.repeat_badge, self.provisional_badge, self.facts, self.alternatives,
                       self.contact_form):
            _show(widget, False)
        self._set_tickets(())
        self.contacts_model.set_contacts(())
        self._show_sections(False)
        self._set_lookup_state("looking")
        self._slow.start()
        self._give_up.start()
        self.stack.setCurrentWidget(self.scroll)
        self.scroll.verticalScrollBar().setValue(0)

    def _number_line(self, session: CallSession, e164: str | None) -> str:
        parts = [display_number(session.caller_id_raw, e164)] if (e164 or session.caller_id_raw) else []
        if session.queue:
            parts.append(fill(self.tr("queue %1"), session.queue))
        return "  ·  ".join(parts)

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
        customer = pop.customer
        if customer is not None:
            self._show_customer(customer)
        else:
            self._show_unknown(pop, restart_form)
        self._show_badges(pop)
        others = [c.full_name for c in pop.alternatives[:3] if c.full_name]
        self.alternatives.setText(fill(self.tr("This number is also used by: %1"), ", ".join(others)))
        _show(self.alternatives, bool(others))
        self._set_tickets(pop.open_tickets)
        # the ringing call's own row may already be stored: it is not a 'last' contact
        self.contacts_model.set_contacts([i for i in pop.last_interactions if i.callid != self.call_id])
        _fit_columns(self.contacts_table, 2)
        self._show_sections(True)
        self._set_lookup_state("partial" if pop.partial else "done")
        self._paint_pending = True
        self.page.update()

    def _show_customer(self, customer: CustomerDTO) -> None:
        _show(self.contact_form, False)
        self.contact_form.stop()
        self.name.setText(customer.full_name or self.tr("(no name yet)"))
        if self.session is not None:
            self.number.setText(self._number_line(self.session, self.pop.caller_number if self.pop else None))
        values = {"segment": segment_text(customer.segment), "language": language_text(customer.language),
                  "company": customer.company or "", "notes": customer.notes or ""}
        for key, (label, value) in self.fact_labels.items():
            value.setText(values[key])
            _show(label, bool(values[key]))
            _show(value, bool(values[key]))
        _show(self.facts, True)

    def _show_unknown(self, pop: ScreenPop, restart_form: bool = True) -> None:
        _show(self.facts, False)
        if pop.caller_kind == CallerIdKind.ANONYMOUS.value:
            self.name.setText(self.tr("Anonymous caller"))
        else:
            self.name.setText(self.tr("Unknown caller"))
        if self.session is not None:
            self.number.setText(self._number_line(self.session, pop.caller_number))
        if pop.partial:
            _show(self.contact_form, False)  # the CRM could not say who it is: a new contact may be a duplicate
            return
        _show(self.contact_form, True)
        if restart_form or self.contact_form.call_id != self.call_id:
            self.contact_form.start(self.call_id or "", pop)

    def _show_badges(self, pop: ScreenPop) -> None:
        b = badges_of(pop)
        _show(self.vip_badge, b.vip)
        self.repeat_badge.setText(fill(self.tr("↻ Repeat: %1 in 7 days"), b.contacts_7_days))
        self.repeat_badge.setToolTip(fill(self.tr("Repeat caller: %1 contacts in the last 7 days"),
                                          b.contacts_7_days))
        _show(self.repeat_badge, b.repeat)
        _show(self.provisional_badge, b.provisional)

    def _set_tickets(self, tickets: tuple[TicketDTO, ...] | list[TicketDTO]) -> None:
        self.ticket_model.set_tickets(tickets)
        _fit_columns(self.ticket_table, 0)
        _fit_rows(self.ticket_table, len(tickets))
        self.tickets_heading.setText(fill(self.tr("Open tickets (%1)"), len(tickets)) if tickets
                                     else self.tr("Open tickets: none"))

    def _show_sections(self, known: bool) -> None:
        has_tickets = self.ticket_model.rowCount() > 0
        has_contacts = self.contacts_model.rowCount() > 0
        _show(self.tickets_heading, known)
        _show(self.ticket_table, known and has_tickets)
        _show(self.contacts_heading, known)
        _show(self.contacts_table, known and has_contacts)
        if known:
            _fit_rows(self.contacts_table, self.contacts_model.rowCount())
            if not has_contacts:
                self.contacts_heading.setText(self.tr("Last contacts: none"))
            else:
                self.contacts_heading.setText(self.tr("Last contacts"))

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
        text = texts.get(state, "")
        self.status.setText(text)
        _show(self.status, bool(text))
        self._colour(self.status, Tone.DANGER if state in ("failed", "partial") else None)

    def _colour(self, label: QLabel, tone: Tone | None) -> None:
        """A palette colour, not a style sheet: re-styling a widget on every call costs a re-polish."""
        palette = label.palette()
        colour = tone_colour(self.palette(), tone) if tone else self.palette().placeholderText().color()
        palette.setColor(QPalette.ColorRole.WindowText, colour)
        label.setPalette(palette)

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
        if s is None:
            _show(self.waiting_line, False)
            return
        pop = self.flow.pop_for(s.call_id)
        caller = normalise(s.caller_id_raw)
        who = (pop.customer.full_name if pop is not None and pop.customer is not None else "") \
            or s.display_name or (format_international(caller.e164) if caller.e164 else s.caller_id_raw) \
            or self.tr("No caller ID")
        if pop is not None and pop.badges.vip:
            who = "★ " + who
        parts = [fill(self.tr("Second call ringing: %1"), who)]
        if s.queue:
            parts.append(s.queue)
        parts.append(format_duration(s.ring_seconds))
        self.waiting_text.setText("  ·  ".join(parts))
        _show(self.waiting_line, True)

    def _tick_waiting(self) -> None:
        if self._waiting is not None and self.waiting_line.isVisible():
            self._show_waiting()

    # ---- tickets and contacts ------------------------------------------------------------
    def _open_current(self) -> None:
        index = self.ticket_table.currentIndex()
        if index.isValid():
            self._open_row(index.row())

    def _open_row(self, row: int) -> None:
        if 0 <= row < self.ticket_model.rowCount():
            self.open_ticket.emit(self.ticket_model.ticket(row))

    def _contact_chosen(self, call_id: str, customer: CustomerDTO, created: bool) -> None:
        if call_id != self.call_id or self.pop is None:
            return
        self.pop = replace(self.pop, customer=customer, badges=replace(self.pop.badges, vip=customer.vip))
        self._show_customer(customer)
        self._show_badges(self.pop)
        self.customer_changed.emit(call_id, customer)
        self.status.setText(self.tr("Contact saved and linked to this call.") if created
                            else self.tr("This call is now linked to the customer."))
        self._colour(self.status, Tone.READY)
        _show(self.status, True)
        if not created and self.tickets is not None:
            tickets = self.tickets

            def loaded(found: tuple[TicketDTO, ...]) -> None:
                if call_id == self.call_id and self.pop is not None:
                    self.pop = replace(self.pop, open_tickets=tuple(found))
                    self._set_tickets(tuple(found))
                    self._show_sections(True)

            self.db.submit(lambda: tuple(tickets.search(customer_id=customer.id, open_only=True, limit=20)),
                           on_result=loaded, on_error=lambda _e: None, owner=self)

    def ticket_changed(self, ticket: TicketDTO) -> None:
        """The editor saved or showed a ticket: keep this caller's open tickets as they are now."""
        if self.pop is None or self.pop.customer is None or ticket.customer_id != self.pop.customer.id:
            return
        others = tuple(t for t in self.pop.open_tickets if t.id != ticket.id)
        known = len(others) != len(self.pop.open_tickets)
        if not known and not TicketStatus(ticket.status).is_open:
            return
        tickets = tuple(t if t.id != ticket.id else ticket for t in self.pop.open_tickets) if known else \
            (ticket, *others)
        tickets = tuple(t for t in tickets if TicketStatus(t.status).is_open)
        self.pop = replace(self.pop, open_tickets=tickets)
        self._set_tickets(tickets)
        self._show_sections(True)

    # ---- reference data, language and look -----------------------------------------------
    def _load_dispositions(self) -> None:
        def loaded(items: tuple[DispositionDTO, ...]) -> None:
            self.contacts_model.set_disposition_titles({d.code: d.title for d in items})

        self.db.submit(lambda: tuple(self.reference.dispositions(current_language())), on_result=loaded,
                       on_error=lambda _e: None, owner=self)

    def _restyle(self) -> None:
        dark = is_dark(self.palette())
        gold_bg, gold_fg = ("#d4a72c", "#1b1e22") if dark else ("#a8770a", "#ffffff")
        ring = tone_colour(self.palette(), Tone.RINGING).name()
        neutral = tone_colour(self.palette(), Tone.NEUTRAL).name()
        pill = "border-radius: 9px; padding: 2px 10px; font-weight: 600;"
        self.vip_badge.setStyleSheet(f"QLabel {{ {pill} background: {gold_bg}; color: {gold_fg}; }}")
        self.repeat_badge.setStyleSheet(f"QLabel {{ {pill} background: {ring}; color: #ffffff; }}")
        self.provisional_badge.setStyleSheet(f"QLabel {{ {pill} border: 1px solid {neutral}; color: {neutral}; }}")
        self.number.setStyleSheet(f"color: {self.palette().placeholderText().color().name()};")
        if self.call_id is not None:
            self._set_lookup_state(self.lookup_state)

    def retranslate(self) -> None:
        self.idle.setText(self.tr("No call.\nThe caller's card appears here when a call rings."))
        self.vip_badge.setText(self.tr("★ VIP"))
        self.provisional_badge.setText(self.tr("Provisional contact"))
        titles = {"segment": self.tr("Segment"), "language": self.tr("Language"), "company": self.tr("Company"),
                  "notes": self.tr("Notes")}
        for key, (label, _value) in self.fact_labels.items():
            label.setText(titles[key])
        self.ticket_table.setToolTip(self.tr("Enter or double-click opens the ticket in the editor"))
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
