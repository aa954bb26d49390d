"""The ticket editor follows the call: a part of TicketEditor kept in its own module.

What the editor holds belongs to one call (`work_call`): the call that was current when the ticket
was created, opened or linked, or None for work started with no call. The call's record in the
desk (services.CallDesk) holds a copy of that work on every edit, so the desk knows when a call
ends with something unsaved:

- Ready (or the wrap-up's Finish) with unsaved work asks: Save, Keep as draft, Discard or Cancel;
- when the call is over, the editor lets go of its work and shows the next call's (nothing yet):
  the previous caller's ticket never stays open into the next call;
- a missed or transferred call's unsaved work, an automatic Ready's, and work started with no call
  when a call rings are kept as drafts, listed on the editor's empty page to be reopened;
- every change is also reported to the draft keeper (services.drafts, set by app.py), which puts the
  unsaved work on disk: after a crash the next start lists it again among the kept drafts.

Its words keep the editor's translation context ("TicketEditor").
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QMessageBox

from desktop_agent.core.domain import TicketStatus, Tier
from desktop_agent.services.call_record import KeptDraft, TicketWork
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.shell.theme import Tone
from desktop_agent.ui.ticket.models import format_when
from desktop_agent.ui.ticket.ops import Draft, ticket_values

KEY_ROLE = Qt.ItemDataRole.UserRole
VISIBLE_ROWS = 6


class KeptDraftList(QListWidget):
    """The kept drafts on the editor's empty page: Enter or a double-click reopens one, Delete
    discards it (after a question)."""

    discard_requested = Signal(str)  # the kept draft's key

    def __init__(self) -> None:
        super().__init__(objectName="keptDrafts")

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        item = self.currentItem()
        if event.key() == Qt.Key.Key_Delete and item is not None:
            self.discard_requested.emit(item.data(KEY_ROLE))
            return
        super().keyPressEvent(event)

    def show_drafts(self, drafts: list[KeptDraft], name_of: Any) -> None:
        self.clear()
        for kept in drafts:
            subject = kept.work.subject or QCoreApplication.translate("TicketEditor", "(no subject)")
            who = name_of(kept)
            when = format_when(kept.kept_at, date=kept.kept_at.astimezone().date() != datetime.now().date())
            text = f"{when}  ·  {subject}" + (f"  ·  {who}" if who else "")
            item = QListWidgetItem(text)
            item.setData(KEY_ROLE, kept.key)
            item.setToolTip(QCoreApplication.translate("TicketEditor", "Enter: reopen this draft to save it. Delete: discard it."))
            self.addItem(item)
        self.setVisible(bool(drafts))
        if drafts:
            self.setCurrentRow(0)
            rows = min(len(drafts), VISIBLE_ROWS)  # as tall as its rows, then it scrolls
            self.setFixedHeight(self.sizeHintForRow(0) * rows + 2 * self.frameWidth() + 2)


def recovered_drafts_text(count: int, *, after_crash: bool = True) -> str:
    """The editor's note after a start that brought back the unsaved tickets of the last run."""
    if not after_crash:
        return fill(QCoreApplication.translate(
            "TicketEditor", "Unsaved tickets kept from the last session: %1. They are listed above with their "
                            "call's customer; Enter reopens one, and saving links it to its call."), count)
    return fill(QCoreApplication.translate(
        "TicketEditor", "Unsaved tickets recovered after the desk stopped unexpectedly: %1. They are listed "
                        "above with their call's customer; Enter reopens one, and saving links it to its call."), count)


def recovery_text(calls_closed: int, at: datetime | None, *, crashed: bool = True) -> str:
    """The status bar's words after recovery closed what the last run left open (services.recovery)."""
    when = format_when(at, date=at is not None and at.astimezone().date() != datetime.now().date())
    if not crashed:
        return fill(QCoreApplication.translate(
            "TicketEditor", "The last session was closed during a call: its open calls (%1) are closed and your "
                            "logout recorded as of %2, when it was closed."), calls_closed, when)
    if calls_closed:
        return fill(QCoreApplication.translate(
            "TicketEditor", "The last session ended unexpectedly: its open calls (%1) are closed and your logout "
                            "recorded as of %2, the last known time."), calls_closed, when)
    return fill(QCoreApplication.translate(
        "TicketEditor", "The last session ended unexpectedly: your logout from the queues is recorded as of %1, "
                        "the last known time."), when)


class TicketCallWork:
    """work_call, _push_work(), _follow_call(), _decide(), reopen_kept(), _let_go()."""

    work_call: str | None
    _drafts: Any = None  # services.drafts.DraftKeeper (app.py): the editor's work goes to disk

    def keep_drafts(self, keeper: Any, *, recovered: int = 0, after_crash: bool = True) -> None:
        """Report the editor's work to `keeper` from now on. `recovered`: unsaved tickets the last run
        left (a crashed one, or a clean stop), now among the kept drafts; the editor lists them and
        says where they came from."""
        self._drafts = keeper
        self._report_work(self._work())
        if recovered:
            self._refresh_state()
            self._say(recovered_drafts_text(recovered, after_crash=after_crash), Tone.WRAPUP)

    def _work(self) -> TicketWork | None:
        """The editor's content as the desk keeps it (None: nothing open)."""
        if self.draft is not None:
            return TicketWork(values=self.form.values(), base=self.draft.values, at=self.clock())
        if self.ticket is not None:
            return TicketWork(values=self.form.values(), base=ticket_values(self.ticket), ticket_id=self.ticket.id,
                              number=self.ticket.number, version=self.ticket.version, at=self.clock())
        return None

    def _push_work(self) -> None:
        """Give the call's record the editor's work (it decides at Ready whether to ask), and the draft
        keeper (it puts it on disk at the desk's next tick, twice a second)."""
        work = self._work()
        if self.work_call is not None:
            self.flow.set_ticket_work(self.work_call, work)
        self._report_work(work)

    def _report_work(self, work: TicketWork | None) -> None:
        if self._drafts is not None:
            customer_id = work.values.get("customer_id") if work is not None else None
            self._drafts.editor_work(self.work_call, work, self.call.customers.get(customer_id))

    def _follow_call(self, session: Any) -> None:
        """The current call moved. When the editor's work belongs to a call that is no longer
        current, let go of it (the desk keeps what is unsaved) and show the new call's: nothing."""
        current = session.call_id if session is not None else None
        if current == self.work_call or (self.ticket is None and self.draft is None):
            self.work_call = current if self.ticket is None and self.draft is None else self.work_call
            self._refresh_state()
            return
        if self.work_call is None:
            if current is None:
                self._refresh_state()
                return
            # work begun with no call, and a call rings: set it aside as a draft
            work = self._work()
            if work is not None and work.unsaved:
                self.flow.keep_idle_work(work, self.call.customers.get(work.values.get("customer_id")))
        elif self.flow.record(self.work_call) is not None:
            self._refresh_state()  # the work's call is still on (the waiting call took over the bar)
            return
        else:
            self._push_work()  # the kept draft gets the last keystrokes too
        self._let_go(current)

    def _let_go(self, current: str | None) -> None:
        self.ticket, self.draft, self.stale = None, None, None
        self.work_call = current
        self._report_work(None)
        self.history.set_history((), {})
        self.header.hide_banner()
        self._say("", Tone.NEUTRAL)
        self._refresh_state()
        self.ticket_shown.emit(None)

    def _show_kept(self) -> None:
        drafts = [k for k in self.flow.kept_drafts() if k.key != self.work_call]
        self.kept_list.show_drafts(drafts, lambda k: k.customer.full_name if k.customer else "")

    def _discard_work(self) -> None:
        """The operator discarded what the editor holds: a kept draft's copy goes too."""
        if self.work_call is not None:
            self.flow.discard_ticket_work(self.work_call)

    def discard_kept(self, key: str) -> bool:
        kept = next((k for k in self.flow.kept_drafts() if k.key == key), None)
        if kept is None:
            return False
        answer = QMessageBox.question(
            self, QCoreApplication.translate("TicketEditor", "Discard the draft"),
            fill(QCoreApplication.translate("TicketEditor", "Discard the unsaved ticket “%1”? It cannot be brought back."),
                 kept.work.subject or QCoreApplication.translate("TicketEditor", "(no subject)")),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Cancel)
        if answer != QMessageBox.StandardButton.Discard:
            return False
        self.flow.discard_ticket_work(key)
        self._refresh_state()
        return True

    def reopen_kept(self, key: str) -> bool:
        """Open a kept draft again (its call's row is linked when it is saved)."""
        kept = next((k for k in self.flow.kept_drafts() if k.key == key), None)
        if kept is None or not self._may_leave():
            return False
        work = kept.work
        if kept.customer is not None:
            self.call.customers[kept.customer.id] = kept.customer
        self.work_call = key
        if work.is_new:
            self.ticket, self.stale = None, None
            self.draft = Draft(key, dict(work.base))
            self._set_form(dict(work.values), TicketStatus.NEW.value, Tier.L1.value, draft=True)
            self.history.set_history((), {})
            self.stack.setCurrentWidget(self.editor_page)
            self._refresh_state()
            self.ticket_shown.emit(None)
        else:
            self._fetch(work.ticket_id, lambda fetched: self._reopened(fetched, work))
        self.form.subject.setFocus(Qt.FocusReason.OtherFocusReason)
        return True

    def _reopened(self, fetched: Any, work: TicketWork) -> None:
        self._show_ticket(*fetched, mine_since=dict(work.base))
        self.form.set_values(dict(work.values), stored_status=self.ticket.status, tier=self.ticket.tier,
                             customer_text=self.call.customer_text(work.values.get("customer_id")),
                             agents=self._agents(work.values.get("assignee_id")), draft=False)
        self._refresh_state()

    def _decide(self, call_id: str) -> None:
        """Ready with the call's ticket unsaved: Save, Keep as draft, Discard, or Cancel (stay in wrap-up)."""
        if call_id != self.work_call:
            self.flow.keep_ticket_draft(call_id)
            self.flow.finish_wrapup()
            return
        if self.ticket is not None:
            what = fill(QCoreApplication.translate("TicketEditor", "Your changes to ticket %1 are not saved. Save them before you go Ready, keep them as a draft of this call, or discard them?"), self.ticket.number)  # noqa: E501
            discard = QCoreApplication.translate("TicketEditor", "Discard changes")
        else:
            what = QCoreApplication.translate("TicketEditor", "The new ticket is not saved. Save it before you go Ready, keep it as a draft of this call, or discard it?")  # noqa: E501
            discard = QCoreApplication.translate("TicketEditor", "Discard")
        chosen = self.ask_decision(what, discard)
        if chosen == "save":
            self._after_save = self.flow.finish_wrapup
            if not self.save():
                self._after_save = None
        elif chosen == "keep":
            self._push_work()
            self.flow.keep_ticket_draft(call_id)
            self.flow.finish_wrapup()
        elif chosen == "discard":
            self.flow.discard_ticket_work(call_id)
            self._let_go(call_id)
            self.flow.finish_wrapup()

    def ask_decision(self, question: str, discard: str) -> str | None:
        """"save", "keep", "discard", or None to stay in wrap-up."""
        box = QMessageBox(QMessageBox.Icon.Question, QCoreApplication.translate("TicketEditor", "Unsaved ticket"), question, parent=self)
        buttons = {"save": box.addButton(QCoreApplication.translate("TicketEditor", "Save"), QMessageBox.ButtonRole.AcceptRole),
                   "keep": box.addButton(QCoreApplication.translate("TicketEditor", "Keep as draft"), QMessageBox.ButtonRole.ActionRole),
                   "discard": box.addButton(discard, QMessageBox.ButtonRole.DestructiveRole)}
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(buttons["save"])
        box.exec()
        return next((name for name, button in buttons.items() if box.clickedButton() is button), None)
