"""One registry of the window's actions: ids, translated titles, shortcuts, tooltips that show them.

Every action has a shortcut (the registry refuses one without, and refuses two actions on the same
keys), so a whole call can be worked from the keyboard. Panes declare :class:`ActionSpec` constants
and register them; the menus, the call bar and the F1 overlay all read from here.

Call and agent actions win over text fields: on Linux a QLineEdit takes Ctrl+E (end of line)
before any shortcut sees it, and an operator typing a ticket must still hang up with Ctrl+E. The
registry's event filter stops text widgets from claiming the keys of `priority` actions.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

import shiboken6
from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QApplication, QWidget

CONTEXT = "Actions"  # the translation context of titles, tips and group names declared here


@dataclass(frozen=True, slots=True)
class ActionSpec:
    id: str                       # "call.answer": stable, used by tests and the overlay
    title: str                    # source text, translated in `context`
    shortcuts: tuple[str, ...]    # portable key strings; the first is the one shown
    group: str                    # menu/overlay section, source text translated in `context`
    tip: str = ""                 # a longer explanation for the tooltip
    checkable: bool = False
    priority: bool = False        # keys win over text fields (call and agent control)
    context: str = CONTEXT
    # For titles known only at run time (a pane's translated title); used instead of `title`.
    title_fn: Callable[[], str] | None = None


class ShortcutClash(ValueError):
    pass


# ---- the window's own actions (panes declare theirs in their modules) -------------------------

GROUP_CALL = QT_TRANSLATE_NOOP("Actions", "Call")
GROUP_AGENT = QT_TRANSLATE_NOOP("Actions", "Agent")
GROUP_VIEW = QT_TRANSLATE_NOOP("Actions", "View")
GROUP_HELP = QT_TRANSLATE_NOOP("Actions", "Help")
GROUP_PANES = QT_TRANSLATE_NOOP("Actions", "Panes")

CALL_ANSWER = ActionSpec("call.answer", QT_TRANSLATE_NOOP("Actions", "Answer"), ("Ctrl+Return", "Ctrl+Enter"),
                         GROUP_CALL, QT_TRANSLATE_NOOP("Actions", "Answer the ringing call"), priority=True)
CALL_DECLINE = ActionSpec("call.decline", QT_TRANSLATE_NOOP("Actions", "Decline"), ("Ctrl+Shift+E",),
                          GROUP_CALL, QT_TRANSLATE_NOOP("Actions", "Decline the ringing or waiting call"),
                          priority=True)
CALL_HOLD = ActionSpec("call.hold", QT_TRANSLATE_NOOP("Actions", "Hold"), ("Ctrl+H",), GROUP_CALL,
                       QT_TRANSLATE_NOOP("Actions", "Put the caller on hold, or take them back"),
                       checkable=True, priority=True)
CALL_MUTE = ActionSpec("call.mute", QT_TRANSLATE_NOOP("Actions", "Mute"), ("Ctrl+M",), GROUP_CALL,
                       QT_TRANSLATE_NOOP("Actions", "Switch your microphone off or on"),
                       checkable=True, priority=True)
CALL_TRANSFER = ActionSpec("call.transfer", QT_TRANSLATE_NOOP("Actions", "Transfer…"), ("Ctrl+Shift+T",),
                           GROUP_CALL, QT_TRANSLATE_NOOP("Actions", "Transfer the call to a number or extension"),
                           priority=True)
CALL_DTMF = ActionSpec("call.dtmf", QT_TRANSLATE_NOOP("Actions", "Keypad…"), ("Ctrl+D",), GROUP_CALL,
                       QT_TRANSLATE_NOOP("Actions", "Send tones (DTMF) to the caller's system"), priority=True)
CALL_HANGUP = ActionSpec("call.hangup", QT_TRANSLATE_NOOP("Actions", "Hang up"), ("Ctrl+E",), GROUP_CALL,
                         QT_TRANSLATE_NOOP("Actions", "End the call and start wrap-up"), priority=True)

AGENT_READY = ActionSpec("agent.ready", QT_TRANSLATE_NOOP("Actions", "Ready"), ("F9",), GROUP_AGENT,
                         QT_TRANSLATE_NOOP("Actions", "Take calls; during wrap-up, finish it first"),
                         priority=True)
AGENT_NOT_READY = ActionSpec("agent.not_ready", QT_TRANSLATE_NOOP("Actions", "Not ready…"), ("F10",),
                             GROUP_AGENT, QT_TRANSLATE_NOOP("Actions", "Stop taking calls, with a reason"),
                             priority=True)
AGENT_DISPOSITION = ActionSpec("agent.disposition", QT_TRANSLATE_NOOP("Actions", "Choose disposition"), ("F8",),
                               GROUP_AGENT,
                               QT_TRANSLATE_NOOP("Actions", "Go to the disposition list (then 1–9 picks one)"),
                               priority=True)

VIEW_LANG_RU = ActionSpec("view.lang.ru", "Русский", ("Ctrl+Shift+F5",), GROUP_VIEW,
                          QT_TRANSLATE_NOOP("Actions", "Show the interface in Russian"), checkable=True)
VIEW_LANG_EN = ActionSpec("view.lang.en", "English", ("Ctrl+Shift+F6",), GROUP_VIEW,
                          QT_TRANSLATE_NOOP("Actions", "Show the interface in English"), checkable=True)
VIEW_THEME_LIGHT = ActionSpec("view.theme.light", QT_TRANSLATE_NOOP("Actions", "Light theme"), ("Ctrl+Shift+F7",),
                              GROUP_VIEW, checkable=True)
VIEW_THEME_DARK = ActionSpec("view.theme.dark", QT_TRANSLATE_NOOP("Actions", "Dark theme"), ("Ctrl+Shift+F8",),
                             GROUP_VIEW, checkable=True)
VIEW_RESET_LAYOUT = ActionSpec("view.reset_layout", QT_TRANSLATE_NOOP("Actions", "Reset layout"),
                               ("Ctrl+Shift+F12",), GROUP_VIEW,
                               QT_TRANSLATE_NOOP("Actions", "Put every pane back where it started"))
APP_QUIT = ActionSpec("app.quit", QT_TRANSLATE_NOOP("Actions", "Quit"), ("Ctrl+Q",), GROUP_AGENT)
APP_SETTINGS = ActionSpec("app.settings", QT_TRANSLATE_NOOP("Actions", "Settings…"), ("Ctrl+,",), GROUP_AGENT,
                          QT_TRANSLATE_NOOP("Actions", "Wrap-up limit and auto-Ready, language, theme, agent login"))

HELP_SHORTCUTS = ActionSpec("help.shortcuts", QT_TRANSLATE_NOOP("Actions", "Keyboard shortcuts"), ("F1",),
                            GROUP_HELP, QT_TRANSLATE_NOOP("Actions", "Show every shortcut"))
HELP_ABOUT = ActionSpec("help.about", QT_TRANSLATE_NOOP("Actions", "About Desktop Agent"), ("Ctrl+F1",),
                        GROUP_HELP)

CALL_ACTIONS = (CALL_ANSWER, CALL_HOLD, CALL_MUTE, CALL_TRANSFER, CALL_DTMF, CALL_HANGUP, CALL_DECLINE)
AGENT_ACTIONS = (AGENT_READY, AGENT_NOT_READY, AGENT_DISPOSITION)
VIEW_ACTIONS = (VIEW_LANG_RU, VIEW_LANG_EN, VIEW_THEME_LIGHT, VIEW_THEME_DARK, VIEW_RESET_LAYOUT)
HELP_ACTIONS = (HELP_SHORTCUTS, HELP_ABOUT)


def is_enter(event: QKeyEvent, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier) -> bool:
    """Return, or Enter on the number pad, with exactly `modifiers` (none: what opens or inserts in
    a list; Ctrl: what sends a multi-line text)."""
    return event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and \
        event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier == modifiers


class EnterKey(QObject):
    """`pressed` when Enter (see is_enter) reaches `widget`, which then does nothing else with it."""

    pressed = Signal()

    def __init__(self, widget: QWidget) -> None:
        super().__init__(widget)
        widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and is_enter(event):
            self.pressed.emit()
            return True
        return False


def _portable(key: str) -> str:
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.PortableText)


class ActionRegistry(QObject):
    """Owns the QActions of one window. `add()` them, `get()` them by id, list them for the overlay."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        self._specs: dict[str, ActionSpec] = {}
        self._actions: dict[str, QAction] = {}
        self._by_keys: dict[str, str] = {}
        self._priority_keys: dict[int, str] = {}
        # ShortcutOverride goes to the focus widget: watch that one only, not every event of the app.
        self._watched: QWidget | None = None
        app = QCoreApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)
            self._focus_changed(None, app.focusWidget())

    def add(self, spec: ActionSpec, handler: Callable[[], None] | None = None) -> QAction:
        if spec.id in self._specs:
            raise ShortcutClash(f"action {spec.id!r} is registered twice")
        if not spec.shortcuts:
            raise ShortcutClash(f"action {spec.id!r} has no shortcut: every action needs one")
        keys = [_portable(k) for k in spec.shortcuts]
        for key in keys:
            if not key:
                raise ShortcutClash(f"action {spec.id!r}: {spec.shortcuts} is not a key sequence")
            if key in self._by_keys:
                raise ShortcutClash(f"{key} is taken by {self._by_keys[key]!r}, cannot also be {spec.id!r}")
        action = QAction(self._window)
        action.setObjectName(spec.id)
        action.setShortcuts([QKeySequence(k) for k in spec.shortcuts])
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(spec.checkable)
        if handler is not None:
            action.triggered.connect(lambda _checked=False: handler())
        self._window.addAction(action)  # shortcuts work even for actions in no menu
        self._specs[spec.id] = spec
        self._actions[spec.id] = action
        for key in keys:
            self._by_keys[key] = spec.id
            if spec.priority:
                self._priority_keys[QKeySequence(key)[0].toCombined()] = spec.id
        self._apply_texts(spec, action)
        return action

    def get(self, action_id: str) -> QAction:
        return self._actions[action_id]

    def spec(self, action_id: str) -> ActionSpec:
        return self._specs[action_id]

    def __contains__(self, action_id: str) -> bool:
        return action_id in self._actions

    def __iter__(self) -> Iterator[ActionSpec]:
        return iter(self._specs.values())

    def connect(self, action_id: str, handler: Callable[[], None]) -> None:
        self._actions[action_id].triggered.connect(lambda _checked=False: handler())

    def title(self, spec: ActionSpec) -> str:
        if spec.title_fn is not None:
            return spec.title_fn()
        return QCoreApplication.translate(spec.context, spec.title)

    def shortcut_text(self, spec: ActionSpec) -> str:
        """The first shortcut as the user's keyboard labels it."""
        return QKeySequence(spec.shortcuts[0]).toString(QKeySequence.SequenceFormat.NativeText)

    def group_title(self, spec: ActionSpec) -> str:
        return QCoreApplication.translate(spec.context, spec.group)

    def _apply_texts(self, spec: ActionSpec, action: QAction) -> None:
        title = self.title(spec)
        keys = self.shortcut_text(spec)
        tip = QCoreApplication.translate(spec.context, spec.tip) if spec.tip else title.rstrip("…")
        action.setText(title)
        action.setToolTip(f"{tip} ({keys})")
        action.setStatusTip(tip)

    def retranslate(self) -> None:
        for action_id, spec in self._specs.items():
            self._apply_texts(spec, self._actions[action_id])

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if self._watched is not None and shiboken6.isValid(self._watched):
            self._watched.removeEventFilter(self)
        self._watched = None
        if new is not None and shiboken6.isValid(self._window) and new.window() is self._window:
            new.installEventFilter(self)
            self._watched = new

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() != QEvent.Type.ShortcutOverride:
            return False
        action_id = self._priority_keys.get(event.keyCombination().toCombined())  # type: ignore[attr-defined]
        if action_id is None:
            return False
        # An enabled call action wins; a disabled one leaves the key to the text field.
        return self._actions[action_id].isEnabled()
