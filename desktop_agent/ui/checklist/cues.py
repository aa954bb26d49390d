"""What the checklist's timed cues look at, and the pane's note when one of them cannot work.

Cues fire on facts about the call (core.checklist.CallFacts): on hold since, talking since, and
quiet since, which telephony reports only where the backend can hear the line
(Capabilities.silence_detection). Where it cannot, the pane says so with SilenceNote instead of
leaving a silence cue that would never fire.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from PySide6.QtWidgets import QLabel

from desktop_agent.core.call_session import CallState
from desktop_agent.core.checklist import DEFAULT_CUES, CallFacts, ChecklistDefinition, CueRule
from desktop_agent.ui.checklist.words import silence_off_reason, silence_off_text
from desktop_agent.ui.shell.theme import set_dim


def facts_from_session(session: Any, now: datetime) -> CallFacts | None:
    """What the cues look at, from a core.call_session.CallSession; None when no one is on the line.
    Hold and talk come from the session's states, silence from telephony's SilenceChanged (the
    session counts it while talking only)."""
    if session is None or session.state not in (CallState.TALKING, CallState.HELD):
        return None
    hold_since = session.history[-1].at if session.state is CallState.HELD else None
    return CallFacts(now=now, hold_since=hold_since, talk_since=session.answered_at,
                     silence_since=getattr(session, "silence_since", None))


def extra_cues(definition: ChecklistDefinition) -> tuple[CueRule, ...]:
    """The default cues for kinds the definition's own steps do not cover (one banner per cause)."""
    own = {s.cue.kind for s in definition.steps if s.cue is not None}
    return tuple(rule for rule in DEFAULT_CUES if rule.kind not in own)


def has_silence_cue(definition: ChecklistDefinition | None) -> bool:
    if definition is None:
        return False
    rules = [s.cue for s in definition.steps if s.cue is not None] + list(extra_cues(definition))
    return any(rule.kind == "silence" for rule in rules)


def silence_detection(softphone: Any) -> tuple[bool, str]:
    """Whether the backend reports silence now (a baresip run by the user may start reporting
    later), and its name for the note."""
    capabilities = getattr(softphone, "capabilities", None)
    return bool(getattr(capabilities, "silence_detection", False)), str(getattr(softphone, "name", "") or "")


class SilenceNote(QLabel):
    """One dim line: the long-silence cue is off here, and (tooltip) why."""

    def __init__(self) -> None:
        super().__init__(objectName="silenceCueOff")
        self.setWordWrap(True)
        set_dim(self)
        self.backend = ""
        self.hide()

    def retranslate(self) -> None:
        self.setText(silence_off_text())
        self.setToolTip(silence_off_reason(self.backend))
        self.setAccessibleDescription(self.toolTip())
