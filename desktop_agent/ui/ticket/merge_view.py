"""The merge view: a field both desks changed is decided by the operator, never dropped silently.

Merge (ui/ticket/saving.py) opens it when another desktop saved a newer version of the open ticket
and core.tickets.merge_edits found fields changed on both sides to different values. Each such field
has a panel: their version and the operator's side by side, and three choices:

    Use theirs           the other desk's value; the operator's is shown greyed, "not kept"
    Use mine             the operator's value (text stays editable)
    Keep both (edit)     free text only: both texts combined (the description line by line, the
                         subject "mine / theirs"), which the operator edits before applying

Free text starts on "keep both" (nothing of either side is lost unless the operator says so); a list
field (priority, status, ...) on "mine". A status the workflow does not allow from their stored status
cannot be kept: "Use mine" is disabled there and says why. Switching choices never loses typed text:
each choice keeps its own edited text. Fields changed on one side only are merged without a question
and are not shown here.

Keys: Tab and Shift+Tab go from field to field and into the texts, the arrow keys pick a field's
choice, Enter (Ctrl+Enter inside a text) applies, Esc cancels and leaves the form as it was.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from desktop_agent.core.tickets import FieldConflict, Merge, Resolution
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.shell.actions import is_enter
from desktop_agent.ui.shell.theme import set_dim
from desktop_agent.ui.ticket.models import field_text

TEXT_HEIGHT = 120   # the description's two texts: a few lines each, taller when the dialog is


class ConflictPanel(QGroupBox):
    """One field both sides changed: theirs on the left, mine on the right, and the choice above them."""

    def __init__(self, conflict: FieldConflict, describe: Callable[[Any], str], *, theirs_note: str,
                 mine_blocked: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict, self.describe = conflict, describe
        self.setObjectName(f"conflict_{conflict.name}")
        self.theirs_note, self.mine_blocked = theirs_note, mine_blocked
        self.kind = ("text" if conflict.name == "description" else "line") if conflict.combinable else "value"
        bold = QFont(self.font())
        bold.setWeight(QFont.Weight.DemiBold)
        self.setFont(bold)  # the field's title; the children get the normal font back below

        self.buttons: dict[Resolution, QRadioButton] = {}
        choices = QWidget()
        row = QHBoxLayout(choices)
        row.setContentsMargins(4, 3, 0, 3)  # room for the focus ring drawn round a radio button
        self.group = QButtonGroup(self)
        offered = (Resolution.THEIRS, Resolution.MINE) + ((Resolution.BOTH,) if self.kind != "value" else ())
        for how in offered:
            button = QRadioButton(objectName=f"{conflict.name}_{how.value}")
            self.buttons[how] = button
            self.group.addButton(button)
            row.addWidget(button)
        row.addStretch(1)
        self.note = QLabel(objectName="conflictNote")
        self.note.setWordWrap(True)
        set_dim(self.note)

        self.theirs_caption, self.mine_caption = QLabel(), QLabel()
        for caption in (self.theirs_caption, self.mine_caption):
            caption.setWordWrap(True)
        self.theirs_box, self.mine_box = self._box(conflict.theirs, read_only=True), \
            self._box(conflict.mine, read_only=False)
        self.theirs_caption.setBuddy(self.theirs_box)
        self.mine_caption.setBuddy(self.mine_box)
        grid = QGridLayout()
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.addWidget(self.theirs_caption, 0, 0)
        grid.addWidget(self.mine_caption, 0, 1)
        grid.addWidget(self.theirs_box, 1, 0)
        grid.addWidget(self.mine_box, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        grid.setRowStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(choices)
        layout.addWidget(self.note)
        layout.addLayout(grid, 1)
        normal = QFont(self.font())
        normal.setWeight(QFont.Weight.Normal)
        for child in self.findChildren(QWidget):
            child.setFont(normal)

        # each choice keeps its own text: switching back and forth loses nothing typed
        self._texts: dict[Resolution, str] = {}
        if self.kind != "value":
            self._texts = {Resolution.MINE: conflict.mine, Resolution.BOTH: conflict.proposal()}
        self._choice: Resolution | None = None
        if mine_blocked:
            self.buttons[Resolution.MINE].setEnabled(False)
        start = Resolution.BOTH if self.kind != "value" else Resolution.MINE if not mine_blocked else Resolution.THEIRS
        self.group.buttonToggled.connect(self._toggled)
        self.retranslate()
        self.choose(start)

    def _box(self, value: Any, *, read_only: bool) -> QWidget:
        if self.kind != "value":
            # the subject too: wrapped on two lines, so a combined subject is read whole, not scrolled
            box = QPlainTextEdit(objectName="theirsText" if read_only else "mineText")
            box.setPlainText(value)
            box.setReadOnly(read_only)
            box.setTabChangesFocus(True)
            if self.kind == "text":
                box.setMinimumHeight(TEXT_HEIGHT)
            else:
                margins = 2 * (box.frameWidth() + round(box.document().documentMargin()))
                box.setFixedHeight(2 * box.fontMetrics().lineSpacing() + margins + 2)
            return box
        label = QLabel(self.describe(value), objectName="theirsValue" if read_only else "mineValue")
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setFrameShape(QFrame.Shape.StyledPanel)
        label.setMargin(4)
        label.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        return label

    # ---- the choice ----------------------------------------------------------------------
    @property
    def choice(self) -> Resolution:
        assert self._choice is not None
        return self._choice

    def choose(self, how: Resolution) -> None:
        self.buttons[how].setChecked(True)

    def _toggled(self, button: QRadioButton, checked: bool) -> None:
        if not checked:
            return
        how = next(h for h, b in self.buttons.items() if b is button)
        for other in self.buttons.values():  # Tab stops at the field's choice once; the arrows pick another
            other.setFocusPolicy(Qt.FocusPolicy.StrongFocus if other is button else Qt.FocusPolicy.ClickFocus)
        if self._choice in self._texts:  # what was typed under the previous choice stays with it
            self._texts[self._choice] = self._typed()
        self._choice = how
        if self.kind != "value":
            text = self._texts.get(how, self.conflict.mine)
            if self.mine_box.toPlainText() != text:
                self.mine_box.setPlainText(text)
        self.mine_box.setEnabled(how is not Resolution.THEIRS)
        self._show_captions()

    def _typed(self) -> str:
        return self.mine_box.toPlainText()

    def value(self) -> Any:
        """What the ticket keeps of this field."""
        if self.choice is Resolution.THEIRS:
            return self.conflict.theirs
        if self.kind == "value":
            return self.conflict.mine
        if self.kind == "line":  # a subject is one line, its spaces as the form keeps them
            return " ".join(self._typed().split())
        return self._typed()

    # ---- words ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setTitle(field_text(self.conflict.name))
        words = {Resolution.THEIRS: self.tr("Use theirs"), Resolution.MINE: self.tr("Use mine"),
                 Resolution.BOTH: self.tr("Keep both (edit)")}
        tips = {Resolution.THEIRS: self.tr("The ticket keeps the other desk's version; yours is dropped"),
                Resolution.MINE: self.tr("The ticket keeps your version; theirs is dropped"),
                Resolution.BOTH: self.tr("Both texts in one, yours first: edit the result on the right")}
        for how, button in self.buttons.items():
            button.setText(words[how])
            button.setToolTip(self.mine_blocked if how is Resolution.MINE and self.mine_blocked else tips[how])
        if self.kind == "value":
            self.theirs_box.setText(self.describe(self.conflict.theirs))
            self.mine_box.setText(self.describe(self.conflict.mine))
        self.note.setText(self.mine_blocked)
        self.note.setVisible(bool(self.mine_blocked))
        if self._choice is not None:
            self._show_captions()

    def _show_captions(self) -> None:
        how, editable = self.choice, self.kind != "value"
        if how is Resolution.THEIRS:
            theirs, mine = self.tr("kept"), self.tr("Yours — not kept")
        elif how is Resolution.MINE:
            theirs = self.tr("not kept")
            mine = self.tr("Yours — kept; you can edit it") if editable else self.tr("Yours — kept")
        else:
            theirs, mine = self.tr("included on the right"), self.tr("Yours and theirs — kept; edit as needed")
        self.theirs_caption.setText(fill(self.tr("Theirs (%1) — %2"), self.theirs_note, theirs))
        self.mine_caption.setText(mine)
        theirs_kept = how is Resolution.THEIRS
        set_dim(self.theirs_caption, not theirs_kept and self.choice is not Resolution.BOTH)
        set_dim(self.mine_caption, theirs_kept)


class MergeDialog(QDialog):
    """Every field both sides changed, one panel each; Apply puts the decisions in the form."""

    def __init__(self, number: str, merge: Merge, describe: Callable[[str, Any], str], *, theirs_note: str,
                 blocked: Mapping[str, str] | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.number, self.merge = number, merge
        blocked = blocked or {}
        self.heading = QLabel(objectName="mergeHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        self.panels: dict[str, ConflictPanel] = {}
        body = QWidget(objectName="mergeFields")
        fields = QVBoxLayout(body)
        fields.setContentsMargins(0, 0, 0, 0)
        for conflict in merge.details:
            panel = ConflictPanel(conflict, lambda value, name=conflict.name: describe(name, value),
                                  theirs_note=theirs_note, mine_blocked=blocked.get(conflict.name, ""))
            self.panels[conflict.name] = panel
            fields.addWidget(panel, 2 if panel.kind == "text" else 0)
        if not any(p.kind == "text" for p in self.panels.values()):
            fields.addStretch(1)
        scroll = QScrollArea(objectName="mergeScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(body)
        self.keys = QLabel(objectName="mergeKeys")
        self.keys.setWordWrap(True)
        set_dim(self.keys)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.apply_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.apply_button.setObjectName("applyMerge")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        bottom = QHBoxLayout()
        bottom.addWidget(self.keys, 1)
        bottom.addWidget(self.buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(scroll, 1)
        layout.addLayout(bottom)
        # Ctrl+Enter applies from inside a text too (Enter there is a new line; in a subject, it applies)
        self._one_line: set[QObject] = set()
        for panel in self.panels.values():
            for box in (panel.theirs_box, panel.mine_box):
                box.installEventFilter(self)
                if panel.kind == "line":
                    self._one_line.add(box)
        self.retranslate()
        self._size_to(parent)
        first = next(iter(self.panels.values()), None)
        if first is not None:
            first.buttons[first.choice].setFocus(Qt.FocusReason.OtherFocusReason)

    def _size_to(self, parent: QWidget | None) -> None:
        """Wide enough for two texts side by side, never larger than the window it belongs to."""
        wanted_w, wanted_h = 1040, 600 if any(p.kind == "text" for p in self.panels.values()) else 420
        screen = (parent.window() if parent is not None else self).screen()
        area = screen.availableGeometry() if screen is not None else None
        if area is not None:
            wanted_w, wanted_h = min(wanted_w, area.width() - 40), min(wanted_h, area.height() - 60)
        self.resize(wanted_w, wanted_h)

    # ---- the decisions -------------------------------------------------------------------
    def choice(self, name: str) -> Resolution:
        return self.panels[name].choice

    def choose(self, name: str, how: Resolution) -> None:
        self.panels[name].choose(how)

    def values(self) -> dict[str, Any]:
        """The form's values: one-sided changes merged, each conflicting field as the operator decided."""
        return self.merge.resolved({name: panel.value() for name, panel in self.panels.items()})

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent) and (
                is_enter(event, Qt.KeyboardModifier.ControlModifier) or (watched in self._one_line and is_enter(event))):
            self.accept()
            return True
        return False

    # ---- words ---------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(fill(self.tr("Merge ticket %1"), self.number))
        names = ", ".join(field_text(n) for n in self.panels)
        self.heading.setText(fill(self.tr(
            "Ticket %1 was saved on another desktop while you were editing. Changed on both sides: %2. "
            "Choose what the ticket keeps for each; fields changed on one side only are merged already."),
            self.number, names))
        self.keys.setText(self.tr("Tab: next field · arrows: choose · Ctrl+Enter: apply · "
                                  "Esc: cancel, nothing changes"))
        self.apply_button.setText(self.tr("&Apply"))
        self.apply_button.setToolTip(self.tr("Put these values in the form; Save then stores them (Ctrl+Enter)"))
        for panel in self.panels.values():
            panel.retranslate()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
