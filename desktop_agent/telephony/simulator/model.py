"""The simulator's moving parts: a call in the system, an agent, and what the operator's phone hears."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from desktop_agent.core.agent_state import AgentSession, AgentStatus
from desktop_agent.telephony.events import CloseReason
from desktop_agent.telephony.simulator.callers import Caller

QUEUED, RINGING, TALKING, DONE = "queued", "ringing", "talking", "done"
UNSEEN_CALLER = Caller("", "", "unseen")  # stands in when nobody will see caller IDs


@dataclass(slots=True, eq=False)
class SimCall:
    callid: str
    queue: str
    caller: Caller
    enter: float
    position: int          # at ENTERQUEUE (Asterisk's origposition)
    talk: float            # how long this caller talks once answered
    counted: bool          # arrived after the warm-up
    state: str = QUEUED
    agent: SimAgent | None = None
    ring_start: float = 0.0
    connect: float = 0.0
    token: int = 0         # bumped on every offer, so timers of an earlier offer are ignored
    declined: dict | None = None  # agent -> time before which it is not offered this call again


@dataclass(slots=True, eq=False)
class SimAgent:
    session: AgentSession
    operator: bool = False
    ready_token: int = 0   # which free-list entry is current
    pause_token: int = 0   # which pause timer is current
    wrap_token: int = 0    # which wrap-up timer is current
    last_status: AgentStatus | None = None


class OperatorListener(Protocol):
    """What the engine tells the desktop operator's softphone. Called inside `advance`."""

    def ringing(self, call: SimCall) -> None: ...
    def closed(self, call: SimCall, reason: CloseReason) -> None: ...
    def dtmf(self, call: SimCall, digit: str) -> None: ...
    def agent_changed(self, status: AgentStatus) -> None: ...
