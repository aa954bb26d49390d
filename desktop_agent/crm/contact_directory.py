"""Contacts for the screen-pop card's unknown-caller form: search for merge suggestions, create a contact.

Searching goes through the connector registry (every CRM is asked; a broken one is skipped).
A provisional contact is created in our own database, which is the CRM of record for contacts
made during a call; other desktops hear of it through the change feed.
"""

from __future__ import annotations

from collections.abc import Sequence

from desktop_agent.core.dto import CustomerDTO, PhoneDTO
from desktop_agent.crm.connector import ConnectorRegistry
from desktop_agent.store import customers as store
from desktop_agent.store.database import Database

NOTES_MAX = 4000


class CrmContactDirectory:
    """ui.provisional_contact.ContactDirectory over the CRM connectors and the store."""

    def __init__(self, registry: ConnectorRegistry, db: Database, origin: str = "") -> None:
        self.registry, self.db, self.origin = registry, db, origin

    def search(self, text: str, limit: int = 20) -> Sequence[CustomerDTO]:
        """By number when the text is one, else by the start of the name."""
        if len((text or "").strip()) < 2:
            return ()
        return tuple(self.registry.search(text, limit).items)

    def create_contact(self, *, full_name: str, e164: str | None, language: str = "ru",
                       notes: str = "") -> CustomerDTO:
        """A provisional customer; bad input raises store.customers.InvalidCustomer (a RuleViolation)."""
        name = " ".join((full_name or "").split())
        if not name and not e164:
            raise store.InvalidCustomer("a contact needs a name or a number")
        if len(notes or "") > NOTES_MAX:
            raise store.InvalidCustomer(f"the notes are longer than {NOTES_MAX} characters")
        phones = (PhoneDTO(e164=e164, label="mobile"),) if e164 else ()
        new = store.NewCustomer(full_name=name, phones=phones, language=language, notes=(notes or "").strip(),
                                provisional=True)
        return store.create_customer(self.db, new, origin=self.origin)
