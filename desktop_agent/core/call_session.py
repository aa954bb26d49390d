"""One call from ring to Ready: the per-call state machine, pure Python.

    ringing -> talking <-> held -> wrap-up -> done
    ringing -> done                      (missed, rejected or cancelled: nothing to wrap up)

Telephony *confirms* changes (`on_established`, `on_held`, `on_closed`...): the session moves only
when the backend says the call really moved, so the window never shows a state the phone is not in.
Operator *commands* are checked first (`check(CallCommand.HOLD)`) and refused with a reason code
when illegal; ui/ turns the code into words. Wrap-up is local to the desktop: a disposition is
required before the call is done, and a configurable limit can end wrap-up by itself (auto-Ready).

Durations come from a monotonic clock and timestamps from a wall clock, both injectable so that
tests drive time by hand.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum

from desktop_agent.core.domain import Direction, utcnow

DTMF_DIGITS = frozenset("0123456789*#ABCD")


class CallState(StrEnum):
    RINGING = "ringing"
    TALKING = "talking"
    HELD = "held"
    WRAPUP = "wrapup"
    DONE = "done"

    @property
    def connected(self) -> bool:
        return self in (CallState.TALKING, CallState.HELD)


class CallCommand(StrEnum):
    ANSWER = "answer"
    REJECT = "reject"
    HOLD = "hold"
    RESUME = "resume"
    MUTE = "mute"
    TRANSFER = "transfer"
    DTMF = "dtmf"
    HANGUP = "hangup"
    SET_DISPOSITION = "set_disposition"
    FINISH_WRAPUP = "finish_wrapup"


class Refusal(StrEnum):
    """Why a command or event was refused. Codes, not words: ui/ translates them."""

    NOT_RINGING = "not_ringing"
    NOT_TALKING = "not_talking"
    NOT_HELD = "not_held"
    NOT_CONNECTED = "not_connected"
    CALL_ENDED = "call_ended"
    NOT_IN_WRAPUP = "not_in_wrapup"
    DISPOSITION_REQUIRED = "disposition_required"
    UNKNOWN_DISPOSITION = "unknown_disposition"
    BAD_DTMF = "bad_dtmf"
    NO_TRANSFER_TARGET = "no_transfer_target"
    UNSAVED_TICKET = "unsaved_ticket"  # the call's ticket has unsaved work: save, keep as draft or discard


class EndReason(StrEnum):
    """How the call left the phone. Mirrors telephony's close reasons without importing telephony."""

    NORMAL = "normal"
    REMOTE_HANGUP = "remote_hangup"
    LOCAL_HANGUP = "local_hangup"
    REJECTED = "rejected"
    NO_ANSWER = "no_answer"
    CANCELLED = "cancelled"
    TRANSFERRED = "transferred"
    FAILED = "failed"

    @classmethod
    def coerce(cls, value: object) -> EndReason:
        try:
            return cls(str(value))
        except ValueError:
            return cls.FAILED


@dataclass(frozen=True, slots=True)
class WrapupPolicy:
    """Centre policy for after-call work."""

    limit_seconds: int = 60          # 0: no limit
    auto_ready: bool = False         # at the limit, finish wrap-up by itself
    # Auto-Ready still needs a disposition; with none chosen this one is used, or wrap-up waits.
    fallback_disposition: str | None = None

    def __post_init__(self) -> None:
        if self.limit_seconds < 0:
            raise ValueError("wrap-up limit cannot be negative")


def running_wrapup_limit(running: int, new: int) -> int:
    """The limit a wrap-up that is already counting down takes when the setting changes.

    An operator in wrap-up who raises the limit (or removes it) wants the time now; one who lowers
    it, or a lead changing the centre's value, does not expect the countdown on screen to jump
    and, with auto-Ready on, end a wrap-up half-way through its notes. So the running wrap-up
    gets whichever limit gives more time (0 is no limit), and the next one uses the new value."""
    if running <= 0 or new <= 0:
        return 0
    return max(running, new)


@dataclass(frozen=True, slots=True)
class Outcome:
    """The answer to an event or command. Falsy when refused."""

    ok: bool
    state: CallState
    refusal: Refusal | None = None
    changed: bool = False   # the state moved (a repeated event is ok but changes nothing)
    automatic: bool = False  # the wrap-up limit finished the call, not the operator

    def __bool__(self) -> bool:
        return self.ok


@dataclass(frozen=True, slots=True)
class CallSummary:
    """What the interaction row and the agent's wrap-up record need once the call is done."""

    call_id: str
    caller_id_raw: str
    display_name: str
    queue: str | None
    direction: Direction
    offered_at: datetime
    answered_at: datetime | None
    ended_at: datetime | None
    done_at: datetime | None
    ring_seconds: int
    talk_seconds: int
    hold_seconds: int
    wrapup_seconds: int
    end_reason: EndReason | None
    transferred_to: str | None
    disposition: str | None
    notes: str
    auto_ready: bool

    @property
    def answered(self) -> bool:
        return self.answered_at is not None

    @property
    def handle_seconds(self) -> int:
        """AHT's numerator for this call: talk + hold + after-call work."""
        return self.talk_seconds + self.hold_seconds + self.wrapup_seconds


@dataclass(frozen=True, slots=True)
class Step:
    state: CallState
    at: datetime


# Which states allow which operator command (telephony capabilities are checked by the caller).
_COMMAND_STATES: dict[CallCommand, tuple[frozenset[CallState], Refusal]] = {
    CallCommand.ANSWER: (frozenset({CallState.RINGING}), Refusal.NOT_RINGING),
    CallCommand.REJECT: (frozenset({CallState.RINGING}), Refusal.NOT_RINGING),
    CallCommand.HOLD: (frozenset({CallState.TALKING}), Refusal.NOT_TALKING),
    CallCommand.RESUME: (frozenset({CallState.HELD}), Refusal.NOT_HELD),
    CallCommand.MUTE: (frozenset({CallState.TALKING}), Refusal.NOT_TALKING),
    CallCommand.TRANSFER: (frozenset({CallState.TALKING, CallState.HELD}), Refusal.NOT_CONNECTED),
    CallCommand.DTMF: (frozenset({CallState.TALKING}), Refusal.NOT_TALKING),
    CallCommand.HANGUP: (frozenset({CallState.TALKING, CallState.HELD}), Refusal.NOT_CONNECTED),
    # Operators often pick the outcome while still talking; it is required only at the end.
    CallCommand.SET_DISPOSITION: (frozenset({CallState.TALKING, CallState.HELD, CallState.WRAPUP}),
                                  Refusal.NOT_CONNECTED),
    CallCommand.FINISH_WRAPUP: (frozenset({CallState.WRAPUP}), Refusal.NOT_IN_WRAPUP),
}


class CallSession:
    def __init__(
        self,
        call_id: str,
        caller_id_raw: str,
        *,
        display_name: str = "",
        queue: str | None = None,
        direction: Direction = Direction.INBOUND,
        policy: WrapupPolicy | None = None,
        dispositions: frozenset[str] | None = None,
        monotonic: Callable[[], float] = time.monotonic,
        wall: Callable[[], datetime] = utcnow,
    ) -> None:
        self.call_id = call_id
        self.caller_id_raw = caller_id_raw
        self.display_name = display_name
        self.queue = queue
        self.direction = Direction(direction)
        self.policy = policy or WrapupPolicy()
        # None: any non-empty code is accepted (the caller validates); a set: only these codes
        self.dispositions = dispositions
        self._mono = monotonic
        self._wall = wall

        self.state = CallState.RINGING
        self.offered_at = wall()
        self.answered_at: datetime | None = None
        self.ended_at: datetime | None = None
        self.done_at: datetime | None = None
        self.muted = False
        self.end_reason: EndReason | None = None
        self.transferred_to: str | None = None
        self.last_transfer_error: str | None = None
        self.disposition: str | None = None
        self.notes = ""
        self.finished_automatically = False
        self.history: list[Step] = [Step(CallState.RINGING, self.offered_at)]
        self.caller_silent = False           # as telephony hears it (backends with silence detection)
        self._silent_from: datetime | None = None

        self._entered = self._mono()       # when the current state began
        self._ring_s = 0.0
        self._talk_s = 0.0                 # closed talking spans
        self._hold_s = 0.0                 # closed hold spans
        self._wrapup_s: float | None = None  # frozen when done

    # ---- clocks ----------------------------------------------------------------------------
    def _in_state(self) -> float:
        return max(0.0, self._mono() - self._entered)

    @property
    def state_seconds(self) -> float:
        """Time in the current state (the hold timer while held, the wrap-up timer in wrap-up)."""
        return 0.0 if self.state is CallState.DONE else self._in_state()

    @property
    def ring_seconds(self) -> float:
        return self._in_state() if self.state is CallState.RINGING else self._ring_s

    @property
    def talk_seconds(self) -> float:
        return self._talk_s + (self._in_state() if self.state is CallState.TALKING else 0.0)

    @property
    def hold_seconds(self) -> float:
        """Total hold time, the running hold included."""
        return self._hold_s + (self._in_state() if self.state is CallState.HELD else 0.0)

    @property
    def current_hold_seconds(self) -> float:
        return self._in_state() if self.state is CallState.HELD else 0.0

    @property
    def connected_seconds(self) -> float:
        """The call timer: since the answer, hold included."""
        return self.talk_seconds + self.hold_seconds

    @property
    def wrapup_seconds(self) -> float:
        if self._wrapup_s is not None:
            return self._wrapup_s
        return self._in_state() if self.state is CallState.WRAPUP else 0.0

    @property
    def wrapup_remaining(self) -> float | None:
        """Seconds left before the wrap-up limit (negative when over), None without a limit."""
        if self.policy.limit_seconds <= 0 or self.state is not CallState.WRAPUP:
            return None
        return self.policy.limit_seconds - self.wrapup_seconds

    @property
    def wrapup_overdue(self) -> bool:
        remaining = self.wrapup_remaining
        return remaining is not None and remaining <= 0

    # ---- moving ----------------------------------------------------------------------------
    def _move(self, new: CallState) -> Outcome:
        spent = self._in_state()
        old = self.state
        if old is CallState.RINGING:
            self._ring_s = spent
        elif old is CallState.TALKING:
            self._talk_s += spent
        elif old is CallState.HELD:
            self._hold_s += spent
        elif old is CallState.WRAPUP:
            self._wrapup_s = spent
        now = self._wall()
        if new is CallState.TALKING and self.answered_at is None:
            self.answered_at = now
        if new in (CallState.WRAPUP, CallState.DONE) and self.ended_at is None:
            self.ended_at = now
            self.muted = False
        if new is CallState.DONE:
            self.done_at = now
            if self._wrapup_s is None:
                self._wrapup_s = 0.0
        self.state = new
        self._entered = self._mono()
        self.history.append(Step(new, now))
        return Outcome(True, new, changed=True)

    def _refuse(self, refusal: Refusal) -> Outcome:
        return Outcome(False, self.state, refusal)

    def _same(self) -> Outcome:
        return Outcome(True, self.state)

    # ---- telephony confirms ----------------------------------------------------------------
    def on_established(self) -> Outcome:
        if self.state is CallState.RINGING:
            return self._move(CallState.TALKING)
        if self.state.connected:
            return self._same()  # a repeated event
        return self._refuse(Refusal.CALL_ENDED)

    def on_held(self) -> Outcome:
        if self.state is CallState.TALKING:
            return self._move(CallState.HELD)
        if self.state is CallState.HELD:
            return self._same()
        return self._refuse(Refusal.NOT_TALKING if self.state is CallState.RINGING else Refusal.CALL_ENDED)

    def on_resumed(self) -> Outcome:
        if self.state is CallState.HELD:
            return self._move(CallState.TALKING)
        if self.state is CallState.TALKING:
            return self._same()
        return self._refuse(Refusal.NOT_HELD if self.state is CallState.RINGING else Refusal.CALL_ENDED)

    def on_muted(self, muted: bool) -> Outcome:
        if not self.state.connected:
            return self._refuse(Refusal.NOT_CONNECTED)
        changed = self.muted != bool(muted)
        self.muted = bool(muted)
        return Outcome(True, self.state, changed=changed)

    def on_silence(self, silent: bool, started_ago: float = 0.0) -> Outcome:
        """Telephony heard the caller go quiet or speak again. `started_ago`: how long before now
        the change happened (a detector needs a moment to be sure), so that the backend's clock,
        which may be a simulator's, never has to agree with this session's."""
        if not self.state.connected:
            return self._refuse(Refusal.NOT_CONNECTED)
        silent = bool(silent)
        changed = silent != self.caller_silent
        self.caller_silent = silent
        if silent and changed:
            self._silent_from = self._wall() - timedelta(seconds=max(0.0, started_ago))
        elif not silent:
            self._silent_from = None
        return Outcome(True, self.state, changed=changed)

    @property
    def silence_since(self) -> datetime | None:
        """Since when the caller has been quiet, for the checklist's silence cue. Counted while
        talking only: on hold, quiet is expected (the hold cue covers it), and after a resume the
        silence counts from the resume. None while the caller speaks, or when nothing reports it."""
        if self.state is not CallState.TALKING or self._silent_from is None:
            return None
        return max(self._silent_from, self.history[-1].at)

    def on_transferred(self, target: str, ok: bool, reason: str = "") -> Outcome:
        if not self.state.connected:
            return self._refuse(Refusal.NOT_CONNECTED)
        if not ok:
            self.last_transfer_error = reason or "transfer failed"
            return self._same()
        self.transferred_to = target
        self.end_reason = EndReason.TRANSFERRED
        return self._move(CallState.WRAPUP)

    def on_closed(self, reason: object = EndReason.NORMAL) -> Outcome:
        """The call left the phone. Answered calls go to wrap-up; unanswered ones are simply done."""
        if self.state in (CallState.WRAPUP, CallState.DONE):
            return self._same()  # e.g. the BYE after a transfer
        self.end_reason = EndReason.coerce(reason)
        if self.state is CallState.RINGING:
            return self._move(CallState.DONE)
        return self._move(CallState.WRAPUP)

    # ---- operator commands -----------------------------------------------------------------
    def check(self, command: CallCommand) -> Outcome:
        """May the operator do this now? Changes nothing."""
        states, refusal = _COMMAND_STATES[CallCommand(command)]
        if self.state in states:
            if command is CallCommand.FINISH_WRAPUP and not self.disposition:
                return self._refuse(Refusal.DISPOSITION_REQUIRED)
            return self._same()
        if self.state in (CallState.WRAPUP, CallState.DONE) and command is not CallCommand.FINISH_WRAPUP:
            return self._refuse(Refusal.CALL_ENDED)
        return self._refuse(refusal)

    def allowed(self, command: CallCommand) -> bool:
        return self.check(command).ok

    def check_dtmf(self, digits: str) -> Outcome:
        outcome = self.check(CallCommand.DTMF)
        if outcome and (not digits or any(d not in DTMF_DIGITS for d in digits.upper())):
            return self._refuse(Refusal.BAD_DTMF)
        return outcome

    def check_transfer(self, target: str) -> Outcome:
        outcome = self.check(CallCommand.TRANSFER)
        if outcome and not target.strip():
            return self._refuse(Refusal.NO_TRANSFER_TARGET)
        return outcome

    def set_disposition(self, code: str | None) -> Outcome:
        outcome = self.check(CallCommand.SET_DISPOSITION)
        if not outcome:
            return outcome
        code = (code or "").strip()
        if not code or (self.dispositions is not None and code not in self.dispositions):
            return self._refuse(Refusal.UNKNOWN_DISPOSITION)
        changed = code != self.disposition
        self.disposition = code
        return Outcome(True, self.state, changed=changed)

    def set_notes(self, notes: str) -> Outcome:
        if self.state is CallState.DONE:
            return self._refuse(Refusal.CALL_ENDED)
        self.notes = notes
        return self._same()

    def finish_wrapup(self, *, automatic: bool = False) -> Outcome:
        """The operator (or the wrap-up limit) is done with this call: needs a disposition."""
        outcome = self.check(CallCommand.FINISH_WRAPUP)
        if not outcome:
            return outcome
        self.finished_automatically = automatic
        return Outcome(True, self._move(CallState.DONE).state, changed=True, automatic=automatic)

    @property
    def auto_finish_due(self) -> bool:
        """The limit is reached, auto-Ready is on, and there is a disposition (or a fallback) to use."""
        return (self.state is CallState.WRAPUP and self.policy.auto_ready and self.wrapup_overdue
                and bool(self.disposition or self.policy.fallback_disposition))

    def tick(self) -> Outcome:
        """Called about once a second: applies the wrap-up limit when auto-Ready is on.

        A caller that must store the result first (the desktop) checks `auto_finish_due` instead
        and calls `finish_wrapup(automatic=True)` once the write succeeded."""
        if self.state is not CallState.WRAPUP or not self.policy.auto_ready or not self.wrapup_overdue:
            return self._same()
        if not self.auto_finish_due:
            return self._refuse(Refusal.DISPOSITION_REQUIRED)  # overdue; the operator must choose
        if not self.disposition:
            self.disposition = self.policy.fallback_disposition
        return self.finish_wrapup(automatic=True)

    # ---- the result ------------------------------------------------------------------------
    def summary(self) -> CallSummary:
        return CallSummary(
            call_id=self.call_id,
            caller_id_raw=self.caller_id_raw,
            display_name=self.display_name,
            queue=self.queue,
            direction=self.direction,
            offered_at=self.offered_at,
            answered_at=self.answered_at,
            ended_at=self.ended_at,
            done_at=self.done_at,
            ring_seconds=round(self.ring_seconds),
            talk_seconds=round(self.talk_seconds),
            hold_seconds=round(self.hold_seconds),
            wrapup_seconds=round(self.wrapup_seconds),
            end_reason=self.end_reason,
            transferred_to=self.transferred_to,
            disposition=self.disposition,
            notes=self.notes,
            auto_ready=self.finished_automatically,
        )

    def __repr__(self) -> str:
        return f"CallSession({self.call_id!r}, {self.state.value})"


@dataclass
class ManualClock:
    """A hand-driven clock for tests and the simulator: `advance(seconds)` moves both clocks."""

    start: datetime = field(default_factory=utcnow)
    seconds: float = 0.0

    def monotonic(self) -> float:
        return self.seconds

    def wall(self) -> datetime:
        return self.start + timedelta(seconds=self.seconds)

    def advance(self, seconds: float) -> None:
        self.seconds += seconds
