"""Typed telephony events. Backends emit these; the call session and the UI consume them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from desktop_agent.core.domain import utcnow


class CloseReason(StrEnum):
    NORMAL = "normal"            # either side hung up after talking
    REMOTE_HANGUP = "remote_hangup"
    LOCAL_HANGUP = "local_hangup"
    REJECTED = "rejected"
    NO_ANSWER = "no_answer"      # rang out (RINGNOANSWER)
    CANCELLED = "cancelled"      # caller gave up while ringing
    TRANSFERRED = "transferred"
    FAILED = "failed"


class RegistrationState(StrEnum):
    UNREGISTERED = "unregistered"
    REGISTERING = "registering"
    REGISTERED = "registered"
    FAILED = "failed"


@dataclass(frozen=True, slots=True)
class TelephonyEvent:
    call_id: str
    at: datetime = field(default_factory=utcnow, kw_only=True)


@dataclass(frozen=True, slots=True)
class IncomingCall(TelephonyEvent):
    caller_id: str                 # as received: a number, a SIP URI, 'anonymous' or garbage
    display_name: str = ""
    queue: str | None = None
    called: str | None = None      # the number or queue dialled


@dataclass(frozen=True, slots=True)
class Ringing(TelephonyEvent):
    """Our outgoing call rings at the far end."""


@dataclass(frozen=True, slots=True)
class Established(TelephonyEvent):
    pass


@dataclass(frozen=True, slots=True)
class Held(TelephonyEvent):
    pass


@dataclass(frozen=True, slots=True)
class Resumed(TelephonyEvent):
    pass


@dataclass(frozen=True, slots=True)
class Muted(TelephonyEvent):
    muted: bool = True


@dataclass(frozen=True, slots=True)
class Dtmf(TelephonyEvent):
    digit: str


@dataclass(frozen=True, slots=True)
class SilenceChanged(TelephonyEvent):
    """The caller went quiet (`silent`) or spoke again, as heard on the audio we receive.

    A backend reports silence only once it has lasted a moment (about a second, so the pauses
    between words do not count), and speech as soon as it is heard. `since` is when the silence
    began or the speech came back, on the same clock as `at`; only a backend whose
    Capabilities.silence_detection is true sends these."""

    silent: bool = True
    since: datetime | None = None

    @property
    def started_ago(self) -> float:
        """Seconds between the change and its report (the detector's hangover)."""
        return max(0.0, (self.at - self.since).total_seconds()) if self.since is not None else 0.0


@dataclass(frozen=True, slots=True)
class Transferred(TelephonyEvent):
    target: str
    ok: bool = True
    reason: str = ""


@dataclass(frozen=True, slots=True)
class Closed(TelephonyEvent):
    reason: CloseReason = CloseReason.NORMAL
    detail: str = ""


@dataclass(frozen=True, slots=True)
class Registration(TelephonyEvent):
    """call_id is empty; `account` says which registration changed."""

    account: str = ""
    state: RegistrationState = RegistrationState.UNREGISTERED
    detail: str = ""


@dataclass(frozen=True, slots=True)
class BackendError(TelephonyEvent):
    """Something went wrong in the backend (process died, bad frame, command refused)."""

    message: str = ""
    recoverable: bool = True


@dataclass(frozen=True, slots=True)
class BackendState(TelephonyEvent):
    """The backend itself: starting, running, restarting, stopped, unavailable."""

    state: str = "running"
    detail: str = ""


@dataclass(frozen=True, slots=True)
class AgentStateChanged(TelephonyEvent):
    """The operator's agent state as the ACD sees it (a backend with an ACD, like the simulator,
    reports every change, including the ones it makes by itself: ringing, auto-pause after a
    ring-out, the end of wrap-up at its limit). call_id is the call concerned, or empty."""

    state: str = ""              # a core.agent_state.AgentState value
    reason: str | None = None    # the pause reason while Not Ready
    pending: str | None = None   # asked for during a call: a pause reason, "ready", or None
