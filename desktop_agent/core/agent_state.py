"""The agent session: one operator's availability, from login to logout. Pure Python, no I/O.

    logged_out --login--> ready <--pause/unpause--> not_ready(reason)
    ready --offer--> ringing --connect--> on_call --end_call--> wrap_up --end_wrapup--> ready
    ringing --ring_ended--> ready                   (no answer, rejected, caller hung up)
    ready | not_ready --connect--> on_call          (a call the ACD put straight through, an outbound call)

Every method returns the queue_log records Asterisk would write for the change (ADDMEMBER,
REMOVEMEMBER, PAUSE, UNPAUSE, and our WRAPUPSTART/WRAPUPEND); the caller stores them. Call records
(ENTERQUEUE, CONNECT, COMPLETE*, RINGNOANSWER) belong to whoever runs the queue: Asterisk or the
simulator.

Pause semantics follow Asterisk's member "paused" flag. Asking for Not Ready (or Ready) during a
call is remembered and applied when the call and its wrap-up are over, so pause time in queue_log
never overlaps talk time. An outbound call made while paused keeps the flag: no rows for it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from desktop_agent.core.domain import utcnow
from desktop_agent.core.queue_log import NONE_CALLID, QEvent, QueueLogRecord


class AgentState(StrEnum):
    LOGGED_OUT = "logged_out"
    READY = "ready"
    NOT_READY = "not_ready"
    RINGING = "ringing"
    ON_CALL = "on_call"
    WRAP_UP = "wrap_up"

    @property
    def busy(self) -> bool:
        return self in (AgentState.RINGING, AgentState.ON_CALL, AgentState.WRAP_UP)


class IllegalTransition(ValueError):
    """The change is not allowed in the current state; the message is one line."""


def agent_name(login: str) -> str:
    """The member name in queue_log's agent column."""
    return f"Agent/{login}"


_READY = object()  # a pending "back to Ready" (as opposed to a pending pause reason)


@dataclass(frozen=True, slots=True)
class AgentStatus:
    """A snapshot for the wallboard and the status bar."""

    login: str
    state: AgentState
    since: datetime
    reason: str | None        # the pause reason while Not Ready (or paused through an outbound call)
    call_id: str | None
    pending: str | None       # what happens after the call: a pause reason, "ready", or None


class AgentSession:
    def __init__(self, login: str, queues: Sequence[str] = ("default",), *, at: datetime | None = None):
        if not login or not login.strip():
            raise ValueError("an agent needs a login")
        if not queues:
            raise ValueError("an agent is a member of at least one queue")
        self.login = login
        self.name = agent_name(login)
        self.queues: tuple[str, ...] = tuple(queues)
        self.state = AgentState.LOGGED_OUT
        self.since = at or utcnow()
        self.paused_reason: str | None = None   # Asterisk's paused flag (with its reason)
        self._pending: object | str | None = None
        self.call_id: str | None = None
        self.call_queue: str | None = None
        self.totals: dict[AgentState, float] = {s: 0.0 for s in AgentState}
        self.calls_handled = 0

    # -- reading -----------------------------------------------------------------------------

    @property
    def available(self) -> bool:
        """May the ACD offer this agent a call?"""
        return self.state is AgentState.READY

    def time_in_state(self, at: datetime | None = None) -> float:
        return max(0.0, ((at or utcnow()) - self.since).total_seconds())

    def time_in(self, state: AgentState, at: datetime | None = None) -> float:
        """Seconds spent in `state` since the session began, the current stretch included."""
        extra = self.time_in_state(at) if state is self.state else 0.0
        return self.totals[state] + extra

    def status(self) -> AgentStatus:
        pending = self._pending
        return AgentStatus(
            login=self.login, state=self.state, since=self.since,
            reason=self.paused_reason, call_id=self.call_id,
            pending="ready" if pending is _READY else pending,  # type: ignore[arg-type]
        )

    # -- changes -----------------------------------------------------------------------------

    def log_in(self, at: datetime | None = None, paused_reason: str | None = None) -> list[QueueLogRecord]:
        """Log in, Ready or straight into Not Ready with a reason."""
        at = at or utcnow()
        self._require(AgentState.LOGGED_OUT, "log in")
        records = [self._rec(at, q, QEvent.ADDMEMBER) for q in self.queues]
        self._move(AgentState.READY, at)
        if paused_reason is not None:
            records += self.pause(paused_reason, at)
        return records

    def log_out(self, at: datetime | None = None) -> list[QueueLogRecord]:
        at = at or utcnow()
        if self.state.busy:
            raise IllegalTransition(f"{self.login} cannot log out while {self.state.value}: finish the call first")
        self._require_logged_in("log out")
        records = [self._rec(at, q, QEvent.REMOVEMEMBER) for q in self.queues]
        self.paused_reason = None
        self._pending = None
        self._move(AgentState.LOGGED_OUT, at)
        return records

    def pause(self, reason: str, at: datetime | None = None) -> list[QueueLogRecord]:
        """Not Ready with a reason code; during a call it takes effect when the wrap-up ends."""
        at = at or utcnow()
        reason = _reason(reason)
        self._require_logged_in("pause")
        if self.state.busy:
            self._pending = reason
            return []
        if self.paused_reason == reason:
            return []
        self.paused_reason = reason
        self._move(AgentState.NOT_READY, at)
        return [self._rec(at, q, QEvent.PAUSE, reason) for q in self.queues]

    def unpause(self, at: datetime | None = None) -> list[QueueLogRecord]:
        """Back to Ready; during a call it takes effect when the wrap-up ends."""
        at = at or utcnow()
        self._require_logged_in("become ready")
        if self.state.busy:
            self._pending = _READY
            return []
        if self.paused_reason is None:
            return []
        reason, self.paused_reason = self.paused_reason, None
        self._move(AgentState.READY, at)
        # Asterisk's UNPAUSE carries a free reason; we repeat the pause's, so its length is easy to report
        return [self._rec(at, q, QEvent.UNPAUSE, reason) for q in self.queues]

    def offer(self, call_id: str, queue: str | None = None, at: datetime | None = None) -> list[QueueLogRecord]:
        at = at or utcnow()
        self._require(AgentState.READY, "take a call")
        self.call_id, self.call_queue = call_id, queue
        self._move(AgentState.RINGING, at)
        return []

    def ring_ended(self, at: datetime | None = None) -> list[QueueLogRecord]:
        """The offered call stopped ringing here without being answered."""
        at = at or utcnow()
        self._require(AgentState.RINGING, "stop ringing")
        self.call_id = self.call_queue = None
        return self._settle(at)

    def connect(self, call_id: str, queue: str | None = None, at: datetime | None = None) -> list[QueueLogRecord]:
        at = at or utcnow()
        if self.state is AgentState.RINGING:
            if call_id != self.call_id:
                raise IllegalTransition(f"{self.login} is ringing with another call")
        elif self.state not in (AgentState.READY, AgentState.NOT_READY):
            raise IllegalTransition(f"{self.login} cannot start a call while {self.state.value}")
        self.call_id, self.call_queue = call_id, queue if queue is not None else self.call_queue
        self._move(AgentState.ON_CALL, at)
        return []

    def end_call(self, at: datetime | None = None, *, wrapup: bool = True) -> list[QueueLogRecord]:
        """The call is over: into wrap-up (after-call work), or straight on without it."""
        at = at or utcnow()
        self._require(AgentState.ON_CALL, "end a call")
        self.calls_handled += 1
        if wrapup:
            self._move(AgentState.WRAP_UP, at)
            return [self._rec(at, self.call_queue or NONE_CALLID, QEvent.WRAPUPSTART, self.call_id)]
        self.call_id = self.call_queue = None
        return self._settle(at)

    def end_wrapup(self, at: datetime | None = None, disposition: str = "") -> list[QueueLogRecord]:
        at = at or utcnow()
        self._require(AgentState.WRAP_UP, "end wrap-up")
        seconds = int(round(self.time_in_state(at)))
        records = [self._rec(at, self.call_queue or NONE_CALLID, QEvent.WRAPUPEND,
                             self.call_id, seconds, disposition)]
        self.call_id = self.call_queue = None
        return records + self._settle(at)

    # -- internals ---------------------------------------------------------------------------

    def _settle(self, at: datetime) -> list[QueueLogRecord]:
        """Leave a busy state for Ready or Not Ready, applying what was asked for meanwhile."""
        pending, self._pending = self._pending, None
        target = self.paused_reason if pending is None else (None if pending is _READY else pending)
        records: list[QueueLogRecord] = []
        if target is None:
            if self.paused_reason is not None:
                records = [self._rec(at, q, QEvent.UNPAUSE, self.paused_reason) for q in self.queues]
            self.paused_reason = None
            self._move(AgentState.READY, at)
        else:
            if self.paused_reason != target:
                records = [self._rec(at, q, QEvent.PAUSE, target) for q in self.queues]
            self.paused_reason = target  # type: ignore[assignment]
            self._move(AgentState.NOT_READY, at)
        return records

    def _move(self, state: AgentState, at: datetime) -> None:
        self.totals[self.state] += self.time_in_state(at)
        self.state = state
        self.since = at

    def _require(self, state: AgentState, what: str) -> None:
        if self.state is not state:
            raise IllegalTransition(f"{self.login} cannot {what} while {self.state.value}")

    def _require_logged_in(self, what: str) -> None:
        if self.state is AgentState.LOGGED_OUT:
            raise IllegalTransition(f"{self.login} cannot {what} while logged out")

    def _rec(self, at: datetime, queue: str, event: QEvent, *data: object) -> QueueLogRecord:
        return QueueLogRecord.make(at, NONE_CALLID, queue, self.name, event, *data)


def _reason(reason: str) -> str:
    text = (reason or "").strip()
    if not text:
        raise ValueError("Not Ready needs a reason code")
    return text
