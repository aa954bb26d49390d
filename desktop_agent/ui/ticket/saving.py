"""The ticket editor's saving and conflict handling, a part of TicketEditor kept in its own module.

Save is refused before anything is written when a field is wrong (the form says which). The
ticket's own placeholders ({{ticket.number}}, {{ticket.due}}), left in the description by a
template inserted while the ticket was new, are filled with the saved ticket's values before the
text is stored: by the store as it creates the ticket (it draws the number), by the editor on
later saves. A save
over a newer stored version is refused by the store: the editor keeps every character the
operator typed and offers Reload (take theirs) or Merge (keep my changed fields on top of
theirs). Another desktop's change to the open ticket arrives through the change feed: shown at
once when the form holds no edits, else offered the same way.

`TicketSaving` is mixed into TicketEditor and works on its state (ticket, draft, stale, busy),
form and header. Its words keep the editor's translation context ("TicketEditor").
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from typing import Any
from uuid import UUID

from PySide6.QtCore import QCoreApplication, Qt

from desktop_agent.core.dto import TicketDTO
from desktop_agent.core.ports import ChangeEvent, ServiceError, TicketDraft, VersionConflict
from desktop_agent.core.templates import filled_on_save, variables_in
from desktop_agent.core.tickets import merge_edits
from desktop_agent.ui.kit.i18n import current_language, fill
from desktop_agent.ui.shell.theme import Tone
from desktop_agent.ui.ticket.models import field_text, format_when
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
                "Reload shows their version (your changes are dropped); Merge puts your changes on top of theirs."),
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
        """Base the form on the newer version, keeping the operator's changed fields on top."""
        if self.ticket is None or self.stale is None:
            return
        merged = merge_edits(ticket_values(self.ticket), self.form.values(), ticket_values(self.stale))
        newer = self.stale
        self.ticket, self.stale = newer, None
        self._set_form(merged.values, newer.status, newer.tier, draft=False)
        self.ticket_shown.emit(newer)  # the templates and the caller card follow the version shown
        if merged.conflicts:
            self.header.show_banner(fill(QCoreApplication.translate(
                "TicketEditor",
                "Merged with the newer version. Changed on both sides, your value kept: %1. Check and save."),
                ", ".join(field_text(n) for n in merged.conflicts)), Tone.NOT_READY)
        else:
            self.header.show_banner(QCoreApplication.translate(
                "TicketEditor",
                "Merged with the newer version: no field was changed on both sides. Save to store your changes."),
                Tone.WRAPUP)
        self._refresh_state()
