"""The unknown caller's form on the screen-pop card: a provisional contact, or a link to an existing one.

The operator types the name while talking; customers who own the number in the form, or whose
name starts like the one typed, are suggested (searched off the GUI thread, a moment after typing
stops, stale answers dropped). Saving creates a provisional customer and links the call to it;
"link" puts the call on a suggested customer instead. A refused save keeps everything typed.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop_agent.core.dto import CustomerDTO, ScreenPop
from desktop_agent.core.phone import normalise
from desktop_agent.core.ports import ContactDirectory, InteractionService, ServiceError
from desktop_agent.ui.card.header import WrapLabel
from desktop_agent.ui.card.model import (
    CONTACT_LANGUAGES,
    SuggestionsModel,
    display_number,
    language_text,
    rank_suggestions,
)
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.kit.qt_bridge import ServiceRunner
from desktop_agent.ui.shell.actions import EnterKey
from desktop_agent.ui.shell.theme import Tone, tone_colour

NAME_MAX = 300
NOTES_MAX = 4000
SUGGEST_DELAY_MS = 250


class ProvisionalContactForm(QWidget):
    contact_chosen = Signal(str, object, bool)  # call id, CustomerDTO, created (True) or linked (False)

    def __init__(self, directory: ContactDirectory, interactions: InteractionService, db_runner: ServiceRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("provisionalContact")
        self.directory, self.interactions = directory, interactions
        self.db = db_runner
        self.call_id: str | None = None
        self._generation = 0  # suggestions for older input are dropped
        self._busy = False

        self.heading = QLabel(objectName="provisionalHeading")
        self.heading.setWordWrap(True)
        self.name = QLineEdit(objectName="contactName")
        self.name.setMaxLength(NAME_MAX)
        self.number = QLineEdit(objectName="contactNumber")
        self.number.setMaxLength(40)
        self.language = QComboBox(objectName="contactLanguage")
        for code in CONTACT_LANGUAGES:
            self.language.addItem("", code)
        self.notes = QPlainTextEdit(objectName="contactNotes")
        self.notes.setTabChangesFocus(True)
        self.notes.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapLongRows)
        self.name_label, self.number_label = QLabel(), QLabel()
        self.language_label, self.notes_label = QLabel(), QLabel()
        for label, field in ((self.name_label, self.name), (self.number_label, self.number),
                             (self.language_label, self.language), (self.notes_label, self.notes)):
            label.setBuddy(field)
            self.form.addRow(label, field)

        self.suggest_label = QLabel(objectName="suggestionsLabel")
        self.suggest_label.setWordWrap(True)
        self.suggestions = SuggestionsModel(self)
        self.suggestion_list = QListView(objectName="suggestions")
        self.suggestion_list.setModel(self.suggestions)
        self.suggestion_list.setMaximumHeight(self.fontMetrics().lineSpacing() * 7 + 12)
        self.suggestion_list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.suggestion_list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.suggestion_list.setAlternatingRowColors(True)
        self.save_button = QPushButton(objectName="saveContact")
        self.save_button.setDefault(True)
        self.link_button = QPushButton(objectName="linkContact")
        self.message = WrapLabel(objectName="contactMessage")  # may quote what was typed, one long word
        self.message.hide()

        # each button under what it acts on: the card is a narrow column, in Russian too
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addLayout(self.form)
        layout.addLayout(_right(self.save_button))
        layout.addWidget(self.message)
        layout.addWidget(self.suggest_label)
        layout.addWidget(self.suggestion_list)
        layout.addLayout(_right(self.link_button))

        self._timer = QTimer(self, singleShot=True, interval=SUGGEST_DELAY_MS)
        self._timer.timeout.connect(self._suggest)
        self.name.textEdited.connect(lambda _t: self._timer.start())
        self.number.textEdited.connect(lambda _t: self._timer.start())
        self.name.returnPressed.connect(self.save)
        self.number.returnPressed.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.link_button.clicked.connect(self.link_selected)
        # Enter, or Enter on the number pad, in the list links the call to the highlighted customer
        EnterKey(self.suggestion_list).pressed.connect(self.link_selected)
        self.suggestion_list.doubleClicked.connect(lambda _i: self.link_selected())
        self.suggestion_list.selectionModel().selectionChanged.connect(lambda *_: self._enable())
        self.retranslate()
        self._show_suggestions(())

    # ---- life ----------------------------------------------------------------------------
    def start(self, call_id: str, pop: ScreenPop, *, name: str = "") -> None:
        """A new unknown caller: the number pre-filled, and the name when their caller ID gave one
        (ui.card.model.name_from_caller_id); the operator confirms or corrects it."""
        self.call_id = call_id
        self._generation += 1
        self._busy = False
        self.name.setText(name[:NAME_MAX])
        self.name.setCursorPosition(0)  # a long name shows its start
        self.notes.clear()
        self.number.setText(display_number(pop.caller_id_raw, pop.caller_number) if pop.caller_number else "")
        self.language.setCurrentIndex(0)
        self._say("")
        self._show_suggestions(())
        if pop.caller_number or len(name) >= 2:
            self._suggest()

    def stop(self) -> None:
        self.call_id = None
        self._generation += 1
        self._timer.stop()

    # ---- suggestions ---------------------------------------------------------------------
    def _typed_number(self) -> tuple[str | None, bool]:
        """(E.164 or None, valid). An empty field is valid: a contact may have only a name."""
        text = self.number.text().strip()
        if not text:
            return None, True
        caller = normalise(text)
        return (caller.e164, True) if caller.is_number else (None, False)

    def _suggest(self) -> None:
        if self.call_id is None:
            return
        self._generation += 1
        generation = self._generation
        e164, _ok = self._typed_number()
        name = " ".join(self.name.text().split())
        directory = self.directory

        def search() -> tuple:
            by_number = directory.search(e164, 10) if e164 else ()
            by_name = directory.search(name, 10) if len(name) >= 2 else ()
            return rank_suggestions(by_number, by_name)

        def found(suggestions: tuple) -> None:
            if generation == self._generation:
                self._show_suggestions(suggestions)

        self.db.submit(search, on_result=found, on_error=lambda _e: None, owner=self)

    def _show_suggestions(self, suggestions: Sequence) -> None:
        self.suggestions.set_suggestions(suggestions)
        has = bool(suggestions)
        self.suggest_label.setVisible(has)
        self.suggestion_list.setVisible(has)
        self.link_button.setVisible(has)
        if has:
            self.suggestion_list.setCurrentIndex(self.suggestions.index(0, 0))
        self._enable()

    def selected(self) -> CustomerDTO | None:
        index = self.suggestion_list.currentIndex()
        return index.data(SuggestionsModel.CustomerRole) if index.isValid() else None

    # ---- saving --------------------------------------------------------------------------
    def save(self) -> bool:
        """Create the provisional contact and put the call on it. False (with the reason shown) when refused."""
        if self.call_id is None or self._busy:
            return False
        name = " ".join(self.name.text().split())
        e164, valid = self._typed_number()
        if not valid:
            self._say(fill(self.tr("“%1” is not a phone number. Correct it or leave it empty."),
                           self.number.text().strip()[:40]), error=True)
            self.number.setFocus()
            return False
        if not name and e164 is None:
            self._say(self.tr("Enter the caller's name (or a number) to save a contact."), error=True)
            self.name.setFocus()
            return False
        notes = self.notes.toPlainText().strip()
        if len(notes) > NOTES_MAX:
            self._say(fill(self.tr("The notes are too long: %1 characters, at most %2."), len(notes), NOTES_MAX),
                      error=True)
            return False
        language = self.language.currentData()
        call_id, directory, interactions = self.call_id, self.directory, self.interactions

        def create() -> CustomerDTO:
            customer = directory.create_contact(full_name=name, e164=e164, language=language, notes=notes)
            _link_call(interactions, call_id, customer)
            return customer

        self._run(create, created=True)
        return True

    def link_selected(self) -> bool:
        customer = self.selected()
        if self.call_id is None or customer is None or self._busy:
            return False
        call_id, interactions = self.call_id, self.interactions

        def link() -> CustomerDTO:
            _link_call(interactions, call_id, customer)
            return customer

        self._run(link, created=False)
        return True

    def _run(self, job, *, created: bool) -> None:  # noqa: ANN001
        call_id = self.call_id
        self._busy = True
        self._enable()
        self._say(self.tr("Saving…"))

        def done(customer: CustomerDTO) -> None:
            self._busy = False
            self._enable()
            self._say("")
            self.contact_chosen.emit(call_id, customer, created)

        def refused(exc: BaseException) -> None:
            self._busy = False
            self._enable()
            line = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
            if isinstance(exc, ServiceError):
                self._say(fill(self.tr("Not saved: %1"), line), error=True)
            else:
                self._say(fill(self.tr("Not saved (database problem): %1. Your text is kept; try again."), line),
                          error=True)

        self.db.submit(job, on_result=done, on_error=refused, owner=self)

    def _enable(self) -> None:
        self.save_button.setEnabled(not self._busy)
        self.link_button.setEnabled(not self._busy and self.selected() is not None)

    def _say(self, text: str, *, error: bool = False) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))
        colour = tone_colour(self.palette(), Tone.DANGER).name() if error else ""
        self.message.setStyleSheet(f"color: {colour};" if colour else "")

    def retranslate(self) -> None:
        self.heading.setText(self.tr("Ask for the name and save a contact, or link the call to an existing "
                                     "customer."))
        self.name_label.setText(self.tr("&Full name"))
        self.number_label.setText(self.tr("Num&ber"))
        self.language_label.setText(self.tr("&Language"))
        self.notes_label.setText(self.tr("Notes"))
        self.name.setPlaceholderText(self.tr("Surname First name"))
        for i in range(self.language.count()):
            self.language.setItemText(i, language_text(self.language.itemData(i)))
        self.suggest_label.setText(self.tr("Maybe an existing customer:"))
        self.save_button.setText(self.tr("Save contact"))
        self.save_button.setToolTip(self.tr("Create a provisional contact and link this call to it (Enter)"))
        self.link_button.setText(self.tr("Lin&k call to selected"))
        self.link_button.setToolTip(self.tr("Put this call on the selected customer instead (Enter in the list)"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def _right(button: QPushButton) -> QHBoxLayout:
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(button)
    return row


def _link_call(interactions: InteractionService, call_id: str, customer: CustomerDTO) -> None:
    """On the worker: the call's row was inserted earlier on the same worker, so it is there."""
    interaction = interactions.by_callid(call_id)
    if interaction is not None:
        interactions.set_customer(interaction.id, customer.id)
