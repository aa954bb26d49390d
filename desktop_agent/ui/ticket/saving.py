"""The ticket editor's saving and conflict handling, a part of TicketEditor kept in its own module.

Save is refused before anything is written when a field is wrong (the form says which). The
ticket's own placeholders ({{ticket.number}}, {{ticket.due}}), left in the description by a
template inserted while the ticket was new, are filled with the saved ticket's values before the
text is stored: by the store as it creates the ticket (it draws the number), by the editor on
later saves. A save
over a newer stored version is refused by the store: the editor keeps every character the
operator typed and offers Reload (take theirs) or Merge (theirs, with my changed fields on top;
a field both sides changed is never decided silently: the merge view, ui/ticket/merge_view.py,
shows both and the operator picks theirs, mine, or both texts combined). Another desktop's change
to the open ticket arrives through the change feed: shown at once when the form holds no edits,
else offered the same way.

`TicketSaving` is mixed into TicketEditor and works on its state (ticket, draft, stale, busy),
form and header. Its words keep the editor's translation context ("TicketEditor").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any
from uuid import UUID

import shiboken6
from PySide6.QtCore import QCoreApplication, Qt

from desktop_agent.core.dto import TicketDTO
from desktop_agent.core.ports import ChangeEvent, ServiceError, TicketDraft, VersionConflict
from desktop_agent.core.templates import filled_on_save, variables_in
from desktop_agent.core.tickets import Merge, merge_edits, status_choices
from desktop_agent.ui.kit.i18n import current_language, fill
from desktop_agent.ui.shell.theme import Tone
from desktop_agent.ui.ticket.models import category_text, field_text, format_when, priority_text, status_text
from desktop_agent.ui.ticket.ops import Fetched, ticket_values


class TicketSaving:
    """save(), reload() and merge(), and what happens when a write is refused."""

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
            # the store fills the ticket's own {{ticket.number}}, {{ticket.due}}, {{ticket.subject}} as it creates it
            draft = TicketDraft(subject=values["subject"], customer_id=values["customer_id"],
                                description=values["description"], category=values["category"],
                                priority=values["priority"], assignee_id=values["assignee_id"],
                                fill_language=current_language())
            interaction_of = self.call.interaction_resolver(self.draft.call_id)

            def write() -> UUID:
                return tickets.create(replace(draft, interaction_id=interaction_of()), agent_id=agent_id).id
        else:
            assert self.ticket is not None
            base = ticket_values(self.ticket)
            changes = {k: v for k, v in values.items() if v != base[k]}
            if not changes:
                self._say(QCoreApplication.translate("TicketEditor", "Nothing to save: no field has changed."),
                          Tone.NEUTRAL)
                return True
            ticket_id, version = self.ticket.id, self.ticket.version

            language = current_language()  # the store fills the ticket's own placeholders, as on create

            def write() -> UUID:
                return tickets.update(ticket_id, version, changes, agent_id=agent_id, fill_language=language).id
        self._run(self._job(write), lambda fetched: self._saved(fetched, values))
        return True

    def _saved(self, fetched: Fetched, sent: Mapping[str, Any]) -> None:
        self._show_ticket(*fetched, mine_since=sent)
        then, self._after_save = self._after_save, None
        if then is not None:  # Ready was waiting for this save
            then()
        saved_at = format_when(self.clock(), date=False)
        if filled_on_save(variables_in(sent.get("description", ""))) and \
                not filled_on_save(variables_in(self.form.values()["description"])):
            self._say(fill(QCoreApplication.translate(
                "TicketEditor", "Saved %1. The ticket's number, due time and subject are filled in the description."),
                saved_at), Tone.NEUTRAL)
            return
        self._say(fill(QCoreApplication.translate("TicketEditor", "Saved %1"), saved_at), Tone.NEUTRAL)

    def _run(self, job: Callable[[], Fetched], done: Callable[[Fetched], None]) -> None:
        """A write on the worker; the editor is busy (no second write) until it answers."""
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
            self.header.show_banner(fill(QCoreApplication.translate(
                "TicketEditor",
                "Not saved: ticket %1 was changed on another desktop while you were editing. Your text is kept. "
                "Reload shows their version (your changes are dropped); Merge puts your changes on top of theirs "
                "and asks about fields changed on both sides."),
                self.ticket.number), Tone.DANGER, reload=True, merge=True)
            self._fetch(self.ticket.id, self._conflict_loaded)
        elif isinstance(exc, ServiceError):
            self.header.show_banner(fill(QCoreApplication.translate("TicketEditor", "Refused: %1. Your text is kept."),
                                         line), Tone.DANGER)
        else:
            self.header.show_banner(fill(QCoreApplication.translate(
                "TicketEditor", "Not saved, the database did not answer: %1. Your text is kept; try again."),
                line), Tone.DANGER)

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
            self._say(fill(QCoreApplication.translate("TicketEditor", "Ticket %1 was updated on another desktop."),
                           ticket.number), Tone.WRAPUP)
            return
        self.stale = ticket
        self.header.show_banner(fill(QCoreApplication.translate(
            "TicketEditor",
            "Ticket %1 was changed elsewhere: reload it, or merge your unsaved changes into the new version."),
            ticket.number), Tone.NOT_READY, reload=True, merge=True)

    def reload(self) -> None:
        """Take the stored version; the operator's unsaved edits are dropped (they chose to)."""
        if self.ticket is not None:
            target = self.stale or self.ticket
            self._show_ticket(target, self.history.model.entries, {})
            self._fetch(target.id, self._loaded)

    def merge(self) -> None:
        """Base the form on the newer version. Fields changed on one side only merge silently; fields
        both sides changed go to the merge view (ui/ticket/merge_view.py), where the operator decides
        each: theirs, mine, or both texts combined. Cancelled, the form stays as it was."""
        if self.ticket is None or self.stale is None:
            return
        merged = merge_edits(ticket_values(self.ticket), self.form.values(), ticket_values(self.stale))
        newer, base = self.stale, self.ticket
        if not merged.conflicts:
            self._merged(newer, merged.values, ())
            return
        from desktop_agent.ui.ticket.merge_view import MergeDialog  # dialogs load when they open

        if self.merge_dialog is not None and shiboken6.isValid(self.merge_dialog):
            self.merge_dialog.deleteLater()  # parented to the editor: one at a time, not one more per Merge
        self.merge_dialog = dialog = MergeDialog(newer.number, merged, self._describe, theirs_note=self._their_note(),
                                                 blocked=self._blocked(merged, newer), parent=self)

        def applied() -> None:
            if self.ticket is base and self.stale is not None and self.stale.version >= newer.version:
                self._merged(newer, dialog.values(), merged.conflicts)

        dialog.accepted.connect(applied)
        dialog.open()

    def _merged(self, newer: TicketDTO, values: Mapping[str, Any], decided: tuple[str, ...]) -> None:
        """The form on version `newer` with the merged `values`: Save stores them over that version."""
        still = self.stale if self.stale is not None and self.stale.version > newer.version else None
        self.ticket, self.stale = newer, still
        self._set_form(values, newer.status, newer.tier, draft=False)
        self.ticket_shown.emit(newer)  # the templates and the caller card follow the version shown
        if decided:
            self.header.show_banner(fill(QCoreApplication.translate(
                "TicketEditor",
                "Merged with the newer version. Changed on both sides, as you decided: %1. Check and save."),
                ", ".join(field_text(n) for n in decided)), Tone.WRAPUP)
        else:
            self.header.show_banner(QCoreApplication.translate(
                "TicketEditor",
                "Merged with the newer version: no field was changed on both sides. Save to store your changes."),
                Tone.WRAPUP)
        self._refresh_state()
        self._push_work()
        if still is not None:  # saved elsewhere once more while the operator was deciding
            self._newer(still)

    def _describe(self, name: str, value: Any) -> str:
        """A field's value in words, for the merge view."""
        if name == "category":
            return category_text(value)
        if name == "priority":
            return priority_text(value)
        if name == "status":
            return status_text(value)
        if name == "assignee_id":
            return self._agents(value).get(value, "")
        if name == "customer_id":
            return self.call.customer_text(value) or QCoreApplication.translate("TicketEditor", "— none —")
        return "" if value is None else str(value)

    def _their_note(self) -> str:
        """When the other version was saved, and by whom when the history says."""
        assert self.stale is not None and self.ticket is not None
        saved = self.stale.updated_at
        when = format_when(saved, date=saved.astimezone().date() != self.clock().astimezone().date())
        since = self.ticket.updated_at
        who = next((self._names.get(h.agent_id) for h in reversed(self.history.model.entries)
                    if h.at >= since and h.agent_id is not None and h.agent_id in self._names), None)
        if who:
            return fill(QCoreApplication.translate("TicketEditor", "saved %1 by %2"), when, who)
        return fill(QCoreApplication.translate("TicketEditor", "saved %1 on another desktop"), when)

    @staticmethod
    def _blocked(merged: Merge, newer: TicketDTO) -> dict[str, str]:
        """Conflicting values the newer version does not allow: a status its stored status cannot go to."""
        if "status" not in merged.conflicts:
            return {}
        mine = merged.detail("status").mine
        if mine in status_choices(newer.status):
            return {}
        return {"status": fill(QCoreApplication.translate(
            "TicketEditor", "Yours cannot be kept: a ticket that is %1 now cannot go to %2."),
            status_text(newer.status), status_text(mine))}
