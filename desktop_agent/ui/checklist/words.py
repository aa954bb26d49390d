"""The checklist pane's words and actions: caller types, cue messages, spans of time, and the
Ctrl+N tick actions. Kept in the contexts "ChecklistWords" and "Actions" (translated on use), so
the Russian catalogue finds them whichever module shows them."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_agent.core.checklist import CueRule
from desktop_agent.core.domain import CallerType
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.shell.actions import ActionSpec

TICK_SLOTS = range(1, 10)

GROUP_CHECKLIST = QT_TRANSLATE_NOOP("Actions", "Checklist")
CHECKLIST_CALLER_TYPE = ActionSpec("checklist.caller_type", QT_TRANSLATE_NOOP("Actions", "Caller type…"),
                                   ("Ctrl+Shift+K",), GROUP_CHECKLIST,
                                   QT_TRANSLATE_NOOP("Actions", "Choose the kind of caller: it sets the checklist"))
_TICK_TITLE = QT_TRANSLATE_NOOP("Actions", "Tick checklist step %1")


def _tick_spec(n: int) -> ActionSpec:
    return ActionSpec(f"checklist.tick.{n}", _TICK_TITLE, (f"Ctrl+{n}",), GROUP_CHECKLIST,
                      title_fn=lambda: fill(QCoreApplication.translate("Actions", _TICK_TITLE), n))


TICK_ACTIONS = tuple(_tick_spec(n) for n in TICK_SLOTS)

CALLER_TYPE_WORDS = {
    CallerType.GENERAL: QT_TRANSLATE_NOOP("ChecklistWords", "Any upset caller"),
    CallerType.AGGRESSIVE: QT_TRANSLATE_NOOP("ChecklistWords", "Aggressive"),
    CallerType.CHRONIC: QT_TRANSLATE_NOOP("ChecklistWords", "Chronically dissatisfied"),
    CallerType.STORYTELLER: QT_TRANSLATE_NOOP("ChecklistWords", "Storyteller"),
    CallerType.INFLATED: QT_TRANSLATE_NOOP("ChecklistWords", "Inflated expectations"),
}
_CUE_WORDS = {
    "hold": QT_TRANSLATE_NOOP("ChecklistWords", "The caller has been on hold for %1. Go back to them, "
                                                "even if only to say how it is going."),
    "silence": QT_TRANSLATE_NOOP("ChecklistWords", "It has been quiet for %1. Check the caller is still there."),
    "talk": QT_TRANSLATE_NOOP("ChecklistWords", "The call has lasted %1. Sum up what you know so far."),
}
_SILENCE_OFF = QT_TRANSLATE_NOOP("ChecklistWords", "The long-silence cue is off on this line.")
_SILENCE_OFF_WHY = QT_TRANSLATE_NOOP(
    "ChecklistWords", "The phone connection (%1) cannot tell when the caller goes quiet, so the checklist "
                      "cannot remind you of a long silence. Keep an eye on pauses yourself; the hold and "
                      "call-length cues still work.")


def words(text: str) -> str:
    """A string marked with QT_TRANSLATE_NOOP("ChecklistWords", ...), translated now."""
    return QCoreApplication.translate("ChecklistWords", text)


def caller_type_text(caller_type: str) -> str:
    text = CALLER_TYPE_WORDS.get(caller_type)  # type: ignore[call-overload]
    return words(text) if text else caller_type


def span_text(seconds: float) -> str:
    # Literal translate() calls: pyside6-lupdate only collects those (and QT_TRANSLATE_NOOP).
    if seconds >= 60 and seconds % 60 == 0:
        return fill(QCoreApplication.translate("ChecklistWords", "%1 min"), int(seconds // 60))
    return fill(QCoreApplication.translate("ChecklistWords", "%1 s"), int(seconds))


def cue_message(kind: str, rule: CueRule | None) -> str:
    """What a fired cue says: the definition's own message, else the words for its kind."""
    if rule is not None and rule.message:
        return rule.message
    return fill(words(_CUE_WORDS.get(kind, "%1")), span_text(rule.after_seconds if rule is not None else 0))


def silence_off_text() -> str:
    return words(_SILENCE_OFF)


def silence_off_reason(backend: str) -> str:
    return fill(words(_SILENCE_OFF_WHY), backend or "?")
