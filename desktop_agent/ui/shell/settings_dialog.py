"""Agent ▸ Settings… (actions.APP_SETTINGS, Ctrl+,): the per-user settings, changed without a file.

The form is built from :class:`UiSettings`' field metadata (type, choices, bounds, pattern), so a
value the settings file would refuse cannot be entered; labels and hints are ours, translated, not
the English metadata titles. The dialog only edits its widgets: OK hands a new ``UiSettings`` to the
caller, Cancel (or Esc) drops it, "Restore defaults" refills the widgets and still waits for OK.

Who applies what: the window switches language and theme through its menu actions (so the menus
stay in step); :func:`apply_operator_settings` takes the rest, gives the running call flow the new
wrap-up policy at once, updates the wrap-up pane's auto-Ready box and saves. The agent login is
read once at start-up, so a new one takes effect at the next start, and the dialog says so.
"""

from __future__ import annotations

import getpass
from collections.abc import Callable
from dataclasses import Field, fields, replace
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QRegularExpression, Qt
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from desktop_agent.ui.kit.i18n import fill, system_language
from desktop_agent.ui.shell.settings import SettingsError, UiSettings, set_value
from desktop_agent.ui.shell.theme import set_dim

if TYPE_CHECKING:
    from desktop_agent.ui.call.flow import CallFlow
    from desktop_agent.ui.call.wrapup import WrapupPane

CONTEXT = "SettingsDialog"

# (section title, the UiSettings fields it shows). Fields listed nowhere (window geometry, the
# layout key) are the window's own business and never appear.
SECTIONS: tuple[tuple[str, tuple[str, ...]], ...] = (
    (QT_TRANSLATE_NOOP("SettingsDialog", "Wrap-up"), ("wrapup_limit_seconds", "wrapup_auto_ready")),
    (QT_TRANSLATE_NOOP("SettingsDialog", "Interface"), ("language", "theme")),
    (QT_TRANSLATE_NOOP("SettingsDialog", "Agent"), ("agent_login",)),
)
EDITED = tuple(name for _title, names in SECTIONS for name in names)

LABELS = {
    "wrapup_limit_seconds": QT_TRANSLATE_NOOP("SettingsDialog", "&Time limit:"),
    "wrapup_auto_ready": QT_TRANSLATE_NOOP("SettingsDialog", "Go &Ready by itself when the time is up"),
    "language": QT_TRANSLATE_NOOP("SettingsDialog", "&Language:"),
    "theme": QT_TRANSLATE_NOOP("SettingsDialog", "T&heme:"),
    "agent_login": QT_TRANSLATE_NOOP("SettingsDialog", "Agent l&ogin:"),
}
HINTS = {
    "wrapup_auto_ready": QT_TRANSLATE_NOOP(
        "SettingsDialog", "A changed limit applies at once; a wrap-up already counting down is never cut short "
                          "by it, only given more time."),
    "agent_login": QT_TRANSLATE_NOOP(
        "SettingsDialog", "Empty: your operating-system user name. Takes effect at the next start."),
}
CHOICES = {
    ("theme", "light"): QT_TRANSLATE_NOOP("SettingsDialog", "Light"),
    ("theme", "dark"): QT_TRANSLATE_NOOP("SettingsDialog", "Dark"),
}
LANGUAGE_NAMES = {"ru": "Русский", "en": "English"}  # each in its own language, as in View ▸ Language
STEPS = {"wrapup_limit_seconds": 5}
FIELD_WIDTH = 240  # one width for every field, so the sections line up as one form


def _translate(text: str) -> str:
    return QCoreApplication.translate(CONTEXT, text)


def _system_user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no user name in a bare container
        return ""


class SettingsDialog(QDialog):
    """Edits a copy of `settings`; :meth:`chosen` is the result once accepted."""

    def __init__(self, settings: UiSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("settingsDialog")
        self.setMinimumWidth(520)
        self._base = settings
        self._specs: dict[str, Field] = {f.name: f for f in fields(UiSettings)}
        self.editors: dict[str, QWidget] = {}
        self._labels: dict[str, QLabel] = {}
        self._hints: dict[str, QLabel] = {}
        self._groups: list[tuple[QGroupBox, str]] = []

        layout = QVBoxLayout(self)
        for title, names in SECTIONS:
            group = QGroupBox(objectName=f"settings.{names[0]}.group")
            form = QFormLayout(group)
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.FieldsStayAtSizeHint)
            for name in names:
                self._add_row(form, name)
            layout.addWidget(group)
            self._groups.append((group, title))
        self.error = QLabel(objectName="settingsError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                        | QDialogButtonBox.StandardButton.RestoreDefaults)
        self.restore_button = self.buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        self.restore_button.clicked.connect(self.restore_defaults)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        self.show_values(settings)
        self.retranslate()
        self.editors[EDITED[0]].setFocus(Qt.FocusReason.OtherFocusReason)

    # ---- the form, from the field metadata -------------------------------------------------
    def _add_row(self, form: QFormLayout, name: str) -> None:
        spec = self._specs[name]
        editor = self._editor(name, spec)
        editor.setObjectName(f"settings.{name}")
        self.editors[name] = editor
        if isinstance(editor, QCheckBox):  # a check box carries its own text
            form.addRow(editor)
        else:
            editor.setMinimumWidth(FIELD_WIDTH)
            label = QLabel()
            label.setBuddy(editor)
            self._labels[name] = label
            form.addRow(label, editor)
        if name in HINTS:
            hint = QLabel(objectName=f"settings.{name}.hint")
            set_dim(hint)
            hint.setWordWrap(True)
            self._hints[name] = hint
            form.addRow(hint)

    def _editor(self, name: str, spec: Field) -> QWidget:
        meta = spec.metadata
        default = getattr(UiSettings(), name)
        if meta.get("choices") is not None:
            box = QComboBox()
            for value in meta["choices"]:
                box.addItem(value, value)  # texts come in retranslate()
            return box
        if isinstance(default, bool):
            return QCheckBox()
        if isinstance(default, int):
            spin = QSpinBox()
            low, high = meta.get("minimum"), meta.get("maximum")
            spin.setRange(0 if low is None else low, 2**31 - 1 if high is None else high)
            spin.setSingleStep(STEPS.get(name, 1))
            spin.setAccelerated(True)
            return spin
        if isinstance(default, str):
            edit = QLineEdit()
            if meta.get("pattern"):
                rx = QRegularExpression(meta["pattern"], QRegularExpression.PatternOption.UseUnicodePropertiesOption)
                edit.setValidator(QRegularExpressionValidator(rx, edit))
            return edit
        raise TypeError(f"no editor for the setting {name} ({type(default).__name__})")

    def _set(self, name: str, value: Any) -> None:
        editor = self.editors[name]
        if isinstance(editor, QComboBox):
            editor.setCurrentIndex(max(0, editor.findData(value)))
        elif isinstance(editor, QCheckBox):
            editor.setChecked(bool(value))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value))

    def _get(self, name: str) -> Any:
        editor = self.editors[name]
        if isinstance(editor, QComboBox):
            return editor.currentData()
        if isinstance(editor, QCheckBox):
            return editor.isChecked()
        if isinstance(editor, QSpinBox):
            return editor.value()
        return editor.text().strip()  # QLineEdit

    # ---- values ----------------------------------------------------------------------------
    def show_values(self, settings: UiSettings) -> None:
        for name in EDITED:
            self._set(name, getattr(settings, name))
        self.error.hide()

    def restore_defaults(self) -> None:
        """Refill the form with the defaults; nothing is applied before OK."""
        self.show_values(UiSettings())

    def chosen(self) -> UiSettings:
        """The settings as the form shows them (geometry and layout kept from the ones given).
        Raises SettingsError for a value the widgets should not have let through."""
        result = replace(self._base)
        for name in EDITED:
            set_value(result, name, self._get(name))
        return result

    def accept(self) -> None:
        try:
            self.chosen()
        except SettingsError as exc:  # the widgets' limits make this unlikely; never save it anyway
            self.error.setText(str(exc))
            self.error.show()
            return
        super().accept()

    # ---- texts -----------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("Settings"))
        for group, title in self._groups:
            group.setTitle(_translate(title))
        for name, label in self._labels.items():
            label.setText(_translate(LABELS[name]))
        widest = max(label.sizeHint().width() for label in self._labels.values())
        for label in self._labels.values():  # each section has its own form: align their columns
            label.setMinimumWidth(widest)
        for name, hint in self._hints.items():
            hint.setText(_translate(HINTS[name]))
        auto_ready = self.editors["wrapup_auto_ready"]
        if isinstance(auto_ready, QCheckBox):
            auto_ready.setText(_translate(LABELS["wrapup_auto_ready"]))
        limit = self.editors["wrapup_limit_seconds"]
        if isinstance(limit, QSpinBox):
            limit.setSuffix(self.tr(" s"))
            limit.setSpecialValueText(self.tr("No limit"))
            limit.setToolTip(self.tr("Seconds of after-call work before the countdown runs out; 0 means no limit."))
        language = self.editors["language"]
        if isinstance(language, QComboBox):
            for i in range(language.count()):
                code = language.itemData(i)
                text = LANGUAGE_NAMES.get(code) or fill(self.tr("As the system (%1)"),
                                                         LANGUAGE_NAMES[system_language()])
                language.setItemText(i, text)
        theme = self.editors["theme"]
        if isinstance(theme, QComboBox):
            for i in range(theme.count()):
                theme.setItemText(i, _translate(CHOICES[("theme", theme.itemData(i))]))
        login = self.editors["agent_login"]
        if isinstance(login, QLineEdit):
            login.setPlaceholderText(_system_user())
            login.setToolTip(self.tr("Letters, digits and . _ @ - (up to 64)"))
        self.restore_button.setText(self.tr("Restore &defaults"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)


def open_settings_dialog(parent: QWidget, settings: UiSettings, apply: Callable[[UiSettings], None], *,
                         notice: Callable[[str], None] | None = None) -> SettingsDialog:
    """Open the dialog window-modal (no nested event loop: the phone and the database keep
    running) and hand the result to `apply` when the operator presses OK."""
    dialog = SettingsDialog(settings, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def accepted() -> None:
        chosen = dialog.chosen()
        login_changed = chosen.agent_login != settings.agent_login
        apply(chosen)
        if login_changed and notice is not None:
            notice(QCoreApplication.translate("SettingsDialog",
                                              "The new agent login takes effect at the next start."))

    dialog.accepted.connect(accepted)
    dialog.open()
    return dialog


# ---- applying ---------------------------------------------------------------------------------

def apply_operator_settings(chosen: UiSettings, *, settings: UiSettings, flow: CallFlow,
                            wrapup: WrapupPane | None, save: Callable[[], None]) -> None:
    """OK in the dialog, after the window has switched language and theme: keep the edited values,
    apply the wrap-up policy to the running flow, show it in the wrap-up pane, save the file."""
    for name in EDITED:
        set_value(settings, name, getattr(chosen, name))
    flow.set_policy(replace(flow.policy, limit_seconds=settings.wrapup_limit_seconds,
                            auto_ready=settings.wrapup_auto_ready))
    if wrapup is not None:
        wrapup.show_policy()
    save()
