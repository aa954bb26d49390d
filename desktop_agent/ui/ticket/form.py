"""The ticket editor's fields: subject, customer, category, priority, status, assignee, tier, description.

The form knows nothing of services. It shows values (a dict keyed like core.ports'
EDITABLE_TICKET_FIELDS), hands back what the operator typed, checks the limits before a save is
even tried, and offers only the statuses core.domain allows from the ticket's stored status.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from uuid import UUID

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from desktop_agent.core.domain import Priority, TicketStatus
from desktop_agent.core.tickets import CATEGORIES, status_choices
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.shell.theme import set_dim
from desktop_agent.ui.ticket.models import category_text, priority_text, status_text

SUBJECT_MAX = 300       # the store's limits (store.tickets), checked here first
CATEGORY_MAX = 64
DESCRIPTION_MAX = 20000
OTHER_AGENT = "__other__"
COMBO_MAX_WIDTH = 380
FORM_FIELDS = ("subject", "customer_id", "category", "priority", "status", "assignee_id", "description")


class TicketForm(QWidget):
    edited = Signal()               # the operator changed a field
    other_agent_requested = Signal()
    use_caller_requested = Signal()
    escalate_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("ticketForm")
        self._loading = False
        self._customer_id: UUID | None = None
        self._assignee_before: Any = None

        self.subject = QLineEdit(objectName="ticketSubject")
        self.subject.setMaxLength(SUBJECT_MAX)
        self.subject_count = QLabel(objectName="subjectCount")
        set_dim(self.subject_count)
        self.subject_count.hide()  # shown near the limit only: hidden, it leaves the subject as wide as the rest
        self.customer = QLabel(objectName="ticketCustomer")
        self.customer.setTextFormat(Qt.TextFormat.PlainText)
        self.customer.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.use_caller = QPushButton(objectName="useCaller")
        self.category = QComboBox(objectName="ticketCategory")
        self.priority = QComboBox(objectName="ticketPriority")
        for p in Priority:
            self.priority.addItem("", p.value)
        self.status = QComboBox(objectName="ticketStatus")
        self.assignee = QComboBox(objectName="ticketAssignee")
        self.tier = QLabel(objectName="ticketTier")
        self.escalate = QPushButton(objectName="escalateButton")
        self.description = QPlainTextEdit(objectName="ticketDescription")
        self.description.setTabChangesFocus(True)
        self.description.setMinimumHeight(90)
        self.problem = QLabel(objectName="formProblem")
        self.problem.setWordWrap(True)
        self.problem.hide()

        # every field row starts and ends on the same lines: nested rows add no margins of their own
        subject_row = QHBoxLayout()
        subject_row.setContentsMargins(0, 0, 0, 0)
        subject_row.addWidget(self.subject, 1)
        subject_row.addWidget(self.subject_count)
        customer_row = QHBoxLayout()
        customer_row.setContentsMargins(0, 0, 0, 0)
        customer_row.addWidget(self.customer, 1)
        customer_row.addWidget(self.use_caller)
        tier_row = QHBoxLayout()
        tier_row.setContentsMargins(0, 0, 0, 0)
        tier_row.addWidget(self.tier)
        tier_row.addWidget(self.escalate)
        tier_row.addStretch(1)
        self.labels: dict[str, QLabel] = {name: QLabel() for name in FORM_FIELDS + ("tier",)}
        for combo in (self.category, self.priority, self.status, self.assignee):
            # short choices: a combo as wide as the window reads badly on a wide screen
            combo.setMaximumWidth(COMBO_MAX_WIDTH)
            combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
            combo.setMinimumContentsLength(12)
        layout = QFormLayout(self)
        layout.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        layout.setRowWrapPolicy(QFormLayout.RowWrapPolicy.DontWrapRows)
        layout.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        layout.addRow(self.labels["subject"], subject_row)
        layout.addRow(self.labels["customer_id"], customer_row)
        for name, combo in (("category", self.category), ("priority", self.priority), ("status", self.status),
                            ("assignee_id", self.assignee)):
            self.labels[name].setBuddy(combo)
            layout.addRow(self.labels[name], combo)
        layout.addRow(self.labels["tier"], tier_row)
        layout.addRow(self.labels["description"], self.description)
        layout.addRow(QLabel(), self.problem)
        self.labels["subject"].setBuddy(self.subject)
        self.labels["description"].setBuddy(self.description)
        self.labels["tier"].setBuddy(self.escalate)

        self.subject.textEdited.connect(self._changed)
        self.subject.textChanged.connect(self._count)
        self.description.textChanged.connect(self._changed)
        for combo in (self.category, self.priority, self.status):
            combo.currentIndexChanged.connect(self._changed)
        self.assignee.currentIndexChanged.connect(self._assignee_picked)
        self.use_caller.clicked.connect(self.use_caller_requested)
        self.escalate.clicked.connect(self.escalate_requested)
        self.retranslate()

    # ---- values --------------------------------------------------------------------------
    def set_values(self, values: Mapping[str, Any], *, stored_status: str, tier: str, customer_text: str,
                   agents: Mapping[UUID | None, str], draft: bool) -> None:
        """Show a ticket (or a draft). `stored_status` decides which statuses are offered."""
        self._loading = True
        try:
            self.subject.setText(values.get("subject", ""))
            self._set_customer(values.get("customer_id"), customer_text)
            self._fill_categories(values.get("category") or "general")
            self._select(self.priority, values.get("priority") or Priority.NORMAL.value)
            self._fill_statuses(stored_status, values.get("status") or stored_status)
            self.status.setEnabled(not draft)
            self.set_agents(agents, values.get("assignee_id"))
            self.tier.setText(tier)
            if self.description.toPlainText() != values.get("description", ""):
                self.description.setPlainText(values.get("description", ""))
            self.show_problem("")
        finally:
            self._loading = False

    def values(self) -> dict[str, Any]:
        assignee = self.assignee.currentData()
        return {
            "subject": " ".join(self.subject.text().split()),
            "customer_id": self._customer_id,
            "category": self.category.currentData() or "general",
            "priority": self.priority.currentData(),
            "status": self.status.currentData(),
            "assignee_id": None if assignee == OTHER_AGENT else assignee,
            "description": self.description.toPlainText(),
        }

    def set_customer(self, customer_id: UUID | None, text: str) -> None:
        """The operator put the ticket on the caller: a change like any other."""
        self._set_customer(customer_id, text)
        self._changed()

    def _set_customer(self, customer_id: UUID | None, text: str) -> None:
        self._customer_id = customer_id
        self.customer.setText(text or self.tr("— none —"))
        self.customer.setToolTip(text)

    def set_agents(self, agents: Mapping[UUID | None, str], selected: UUID | None) -> None:
        """Unassigned, me and the known agents, then 'another agent…' (asks for a login)."""
        was = self._loading
        self._loading = True
        self.assignee.clear()
        for agent_id, name in agents.items():
            self.assignee.addItem(name, agent_id)
        self.assignee.addItem(self.tr("Another agent…"), OTHER_AGENT)
        self._select(self.assignee, selected)
        self._assignee_before = self.assignee.currentData()
        self._loading = was

    def set_use_caller(self, enabled: bool, tip: str = "") -> None:
        """Offered only when the call's customer differs from the ticket's."""
        self.use_caller.setVisible(enabled)
        self.use_caller.setToolTip(tip)

    def _fill_categories(self, current: str) -> None:
        self.category.clear()
        codes = list(CATEGORIES) + ([current] if current not in CATEGORIES else [])
        for code in codes:
            self.category.addItem(category_text(code), code)
        self._select(self.category, current)

    def _fill_statuses(self, stored: str, current: str) -> None:
        self.status.clear()
        for code in status_choices(stored):
            self.status.addItem(status_text(code), code)
        if self.status.findData(current) < 0:
            current = stored
        self._select(self.status, current)

    @staticmethod
    def _select(combo: QComboBox, data: Any) -> None:
        # Compared in Python: QComboBox.findData() matches a UUID only when it is the very same
        # object, so a stored ticket's assignee (read back from the database) was shown as nobody.
        index = next((i for i in range(combo.count()) if combo.itemData(i) == data), 0)
        combo.setCurrentIndex(index)

    def _assignee_picked(self) -> None:
        if self._loading:
            return
        if self.assignee.currentData() == OTHER_AGENT:
            self._loading = True
            self._select(self.assignee, self._assignee_before)  # until a login is confirmed
            self._loading = False
            self.other_agent_requested.emit()
            return
        self._assignee_before = self.assignee.currentData()
        self._changed()

    def _changed(self, *_args: Any) -> None:
        if not self._loading:
            self.edited.emit()

    def _count(self, text: str) -> None:
        # the counter appears only near the limit: it is noise the rest of the time
        n = len(text)
        near = n > SUBJECT_MAX - 60
        self.subject_count.setText(f"{n}/{SUBJECT_MAX}" if near else "")
        if self.subject_count.isHidden() == near:
            self.subject_count.setVisible(near)

    # ---- checks --------------------------------------------------------------------------
    def problem_of(self) -> tuple[QWidget, str] | None:
        """The first field a save would be refused for, with the reason; None when all is well."""
        v = self.values()
        if not v["subject"]:
            return self.subject, self.tr("The subject is required: say in a few words what the caller needs.")
        if len(v["subject"]) > SUBJECT_MAX:
            return self.subject, fill(self.tr("The subject is too long: %1 characters, at most %2."),
                                      len(v["subject"]), SUBJECT_MAX)
        if len(v["category"]) > CATEGORY_MAX:
            return self.category, fill(self.tr("The category is longer than %1 characters."), CATEGORY_MAX)
        if len(v["description"]) > DESCRIPTION_MAX:
            return self.description, fill(self.tr("The description is too long: %1 characters, at most %2."),
                                          len(v["description"]), DESCRIPTION_MAX)
        if v["status"] not in {s.value for s in TicketStatus}:
            return self.status, self.tr("Choose a status.")
        return None

    def show_problem(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.setVisible(bool(text))

    def set_editable(self, editable: bool) -> None:
        for widget in (self.subject, self.category, self.priority, self.assignee, self.description):
            widget.setEnabled(editable)

    # ---- language ------------------------------------------------------------------------
    def retranslate(self) -> None:
        texts = {"subject": self.tr("&Subject"), "customer_id": self.tr("Customer"),
                 "category": self.tr("Ca&tegory"), "priority": self.tr("&Priority"), "status": self.tr("Stat&us"),
                 "assignee_id": self.tr("Assi&gnee"), "tier": self.tr("Tier"),
                 "description": self.tr("D&escription")}
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.subject.setPlaceholderText(self.tr("What the caller needs, in a few words"))
        self.description.setPlaceholderText(self.tr("What happened, what was checked, what was promised"))
        self.use_caller.setText(self.tr("Use the caller"))
        self.escalate.setText(self.tr("Escalate…"))
        was = self._loading
        self._loading = True
        for i in range(self.priority.count()):
            self.priority.setItemText(i, priority_text(self.priority.itemData(i)))
        for i in range(self.status.count()):
            self.status.setItemText(i, status_text(self.status.itemData(i)))
        for i in range(self.category.count()):
            self.category.setItemText(i, category_text(self.category.itemData(i)))
        other = self.assignee.findData(OTHER_AGENT)
        if other >= 0:
            self.assignee.setItemText(other, self.tr("Another agent…"))
        self._loading = was

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
