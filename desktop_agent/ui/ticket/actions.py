"""The ticket editor's actions and the bar under the form: a note line for what needs no decision
("Saved 14:02", "Escalated to L2."), over the New, Link and Save buttons with their keys.

The words here keep the editor's translation context ("TicketEditor"), where they were translated.
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from desktop_agent.ui.shell.actions import ActionSpec
from desktop_agent.ui.shell.theme import Tone, tone_colour

GROUP_TICKET = QT_TRANSLATE_NOOP("Actions", "Ticket")
TICKET_SAVE = ActionSpec("ticket.save", QT_TRANSLATE_NOOP("Actions", "Save ticket"), ("Ctrl+S",), GROUP_TICKET,
                         QT_TRANSLATE_NOOP("Actions", "Save the ticket in the editor"))
TICKET_NEW = ActionSpec("ticket.new_from_call", QT_TRANSLATE_NOOP("Actions", "New ticket from call"), ("Ctrl+N",),
                        GROUP_TICKET, QT_TRANSLATE_NOOP("Actions", "A new ticket filled in from the current call"))
TICKET_LINK = ActionSpec("ticket.link_existing", QT_TRANSLATE_NOOP("Actions", "Link call to open ticket…"),
                         ("Ctrl+L",), GROUP_TICKET,
                         QT_TRANSLATE_NOOP("Actions", "Add the call to one of the caller's open tickets instead"))
# Ctrl+Shift+E is Decline (ui/shell/actions.py): a priority call action keeps its keys.
TICKET_ESCALATE = ActionSpec("ticket.escalate", QT_TRANSLATE_NOOP("Actions", "Escalate ticket…"),
                             ("Ctrl+Shift+U",), GROUP_TICKET,
                             QT_TRANSLATE_NOOP("Actions", "Up one tier, L1 → L2 → L3; asks for the reason"))
TICKET_HISTORY = ActionSpec("ticket.history", QT_TRANSLATE_NOOP("Actions", "Ticket history"), ("Ctrl+Shift+H",),
                            GROUP_TICKET, QT_TRANSLATE_NOOP("Actions", "Show the ticket's history and comments"))
TICKET_ACTIONS = (TICKET_NEW, TICKET_LINK, TICKET_SAVE, TICKET_ESCALATE, TICKET_HISTORY)


class TicketActionBar(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.buttons = {spec.id: QPushButton(objectName=spec.id.replace(".", "_"))
                        for spec in (TICKET_NEW, TICKET_LINK, TICKET_SAVE)}
        self.buttons[TICKET_SAVE.id].setDefault(True)
        self.note = QLabel(objectName="ticketNote")
        self.note.setWordWrap(True)
        self.note.hide()
        row = QHBoxLayout()
        row.addWidget(self.buttons[TICKET_NEW.id])
        row.addWidget(self.buttons[TICKET_LINK.id])
        row.addStretch(1)
        row.addWidget(self.buttons[TICKET_SAVE.id])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.note)
        layout.addLayout(row)

    def say(self, text: str, tone: Tone) -> None:
        """A short note beside the Save button (notices that need no decision); '' hides it."""
        self.note.setText(text)
        self.note.setVisible(bool(text))
        self.note.setStyleSheet(f"color: {tone_colour(self.palette(), tone).name()};")

    def retranslate(self) -> None:
        texts = {
            TICKET_NEW.id: (QCoreApplication.translate("TicketEditor", "New from call"), "Ctrl+N",
                            QCoreApplication.translate("TicketEditor", "A new ticket filled in from the call")),
            TICKET_LINK.id: (QCoreApplication.translate("TicketEditor", "Link…"), "Ctrl+L",
                             QCoreApplication.translate("TicketEditor",
                                                        "Link the call to one of the caller's open tickets")),
            TICKET_SAVE.id: (QCoreApplication.translate("TicketEditor", "Save"), "Ctrl+S",
                             QCoreApplication.translate("TicketEditor", "Save the ticket")),
        }
        for action_id, (title, key, tip) in texts.items():
            self.buttons[action_id].setText(f"{title} ({key})")
            self.buttons[action_id].setToolTip(f"{tip} ({key})")
