"""What the ticket is linked to, and its steps besides a save; a part of TicketEditor kept in its own
module: linking the call to one of the caller's open tickets (Ctrl+L), the call's caller as the
ticket's customer, the assignee (another agent by login), escalating L1 -> L2 -> L3 with a reason
(Ctrl+Shift+U), and comments.

Each write runs on the database worker and the ticket is shown as stored afterwards; a refusal
goes the way a refused save goes (TicketSaving._refused).

`TicketLinking` is mixed into TicketEditor and works on its state, form and header. Its words keep
the editor's translation context ("TicketEditor").
"""

from __future__ import annotations

from uuid import UUID

import shiboken6
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QInputDialog, QWidget

from desktop_agent.core.domain import TicketStatus, Tier
from desktop_agent.core.dto import CustomerDTO, ScreenPop, TicketDTO
from desktop_agent.core.ports import AgentDTO, ServiceError
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.shell.theme import Tone
from desktop_agent.ui.ticket.dialogs import EscalationDialog, LinkTicketDialog
from desktop_agent.ui.ticket.ops import Fetched, ticket_values


class TicketLinking:
    """link_existing(), link_call_to(), set_call_customer(), escalate(), escalate_with_reason(), add_comment()."""

    def link_existing(self) -> bool:
        session = self.flow.current
        if session is None:
            self._say(QCoreApplication.translate("TicketEditor", "Linking needs a call, and there is no call now."),
                      Tone.NOT_READY)
            return False
        customer = self.call.caller(session.call_id)
        if customer is None:
            self._say(QCoreApplication.translate("TicketEditor", "The caller is not known: save a contact on the "
                                                 "caller card first, or create a new ticket (Ctrl+N)."), Tone.NOT_READY)
            return False
        tickets, call_id = self.tickets, session.call_id

        def found(open_tickets: tuple[TicketDTO, ...]) -> None:
            if not open_tickets:
                self._say(fill(QCoreApplication.translate(
                    "TicketEditor", "%1 has no open tickets: create a new one (Ctrl+N)."), customer.full_name),
                    Tone.NOT_READY)
                return
            _discard(self.link_dialog)  # one per editor, not one more per Ctrl+L
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
            self.work_call = call_id
            self._show_ticket(*fetched)
            self._say(fill(QCoreApplication.translate("TicketEditor", "The call is linked to ticket %1."),
                           fetched[0].number), Tone.READY)

        self._run(self._job(link), linked)
        return True

    def escalate(self) -> bool:
        t = self.ticket
        if t is None:
            self._say(QCoreApplication.translate("TicketEditor", "Save the ticket before escalating it."),
                      Tone.NOT_READY)
            return False
        higher = Tier(t.tier).next()
        if higher is None:
            self._say(fill(QCoreApplication.translate("TicketEditor", "Ticket %1 is already at %2, the highest tier."),
                           t.number, t.tier), Tone.NOT_READY)
            return False
        if not TicketStatus(t.status).is_open:
            self._say(fill(QCoreApplication.translate(
                "TicketEditor", "Ticket %1 is closed or resolved: reopen it before escalating."), t.number),
                Tone.NOT_READY)
            return False
        _discard(self.escalation_dialog)
        self.escalation_dialog = dialog = EscalationDialog(t.number, t.tier, higher.value, self)
        dialog.accepted.connect(lambda: self.escalate_with_reason(dialog.text()))
        dialog.open()
        return True

    def escalate_with_reason(self, reason: str) -> bool:
        reason = (reason or "").strip()
        if self.ticket is None or self.busy:
            return False
        if not reason:
            self.header.show_banner(QCoreApplication.translate(
                "TicketEditor", "An escalation needs a reason: nothing was changed."), Tone.DANGER)
            return False
        tickets, agent_id = self.tickets, self.agent.id
        ticket_id, version, before = self.ticket.id, self.ticket.version, ticket_values(self.ticket)

        def done(fetched: Fetched) -> None:
            self._show_ticket(*fetched, mine_since=before)  # unsaved edits stay on top
            self._say(fill(QCoreApplication.translate("TicketEditor", "Escalated to %1."), fetched[0].tier),
                      Tone.WRAPUP)

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
        """Who the ticket can be assigned to in the list: nobody, me, and whoever it is assigned to now."""
        agents: dict[UUID | None, str] = {
            None: QCoreApplication.translate("TicketEditor", "Unassigned"),
            self.agent.id: fill(QCoreApplication.translate("TicketEditor", "Me (%1)"), self.agent.display_name)}
        if assignee_id is not None and assignee_id not in agents:
            agents[assignee_id] = self._names.get(assignee_id) or QCoreApplication.translate("TicketEditor",
                                                                                             "another agent")
        return agents

    def _ask_agent(self) -> None:
        """'Another agent…' in the assignee list: a login, looked up on the worker."""
        login, ok = QInputDialog.getText(self, QCoreApplication.translate("TicketEditor", "Assign to another agent"),
                                         QCoreApplication.translate("TicketEditor", "Agent's login:"))
        login = (login or "").strip()
        if not ok or not login:
            return
        reference = self.reference

        def found(agent: AgentDTO | None) -> None:
            if agent is None:
                self.form.show_problem(fill(QCoreApplication.translate(
                    "TicketEditor", "No agent has the login “%1”."), login[:64]))
                return
            self._names[agent.id] = agent.display_name
            self.form.set_agents({**self._agents(None), agent.id: agent.display_name}, agent.id)
            self._edited()

        self.db.submit(lambda: reference.agent_by_login(login), on_result=found, on_error=self._refused, owner=self)


def _discard(dialog: QWidget | None) -> None:
    """The previous dialog of its kind (parented to the editor, it would live as long as the editor)."""
    if dialog is not None and shiboken6.isValid(dialog):
        dialog.deleteLater()
