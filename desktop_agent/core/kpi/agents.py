"""Agent state as queue_log tells it.

Pause is tracked per agent, not per queue: the desktop pauses an agent everywhere, and Asterisk
logs PAUSEALL followed by one PAUSE per queue. An agent paused in the middle of a call stays
"on a call" (and then in wrap-up) until the call is done, and only then shows as paused, with
the time in state counted from that moment.
"""

from __future__ import annotations

from datetime import UTC, datetime

from desktop_agent.core.kpi.snapshot import AgentState, AgentStatus


class AgentRecord:
    __slots__ = ("name", "queues", "explicit_login", "logged_in", "paused", "reason",
                 "call_key", "call_queue", "wrap_callid", "wrap_queue", "state", "since", "acct_from", "_status",
                 "_grouping")

    def __init__(self, name: str, ts: float) -> None:
        self.name = name
        self.queues: set[str] = set()      # queues the agent is a member of
        self.explicit_login = False        # AGENTLOGIN seen: logged in even with no queue
        self.logged_in = False
        self.paused = False
        self.reason = ""
        self.call_key: tuple[str, str] | None = None   # (callid, queue) of the call being talked
        self.call_queue = ""
        self.wrap_callid: str | None = None             # the call whose wrap-up is running
        self.wrap_queue = ""
        self.state = AgentState.LOGGED_OUT
        self.since = ts        # when the shown state began
        self.acct_from = ts    # time is credited to occupancy up to here
        self._status: AgentStatus | None = None  # the last DTO handed out; None after any change
        self._grouping: tuple | None = None

    def changed(self) -> None:
        self._status = None
        self._grouping = None

    def grouping(self, overall: str) -> tuple:
        """(state, queues counted in incl. overall, queues its running time goes to, 0 handling | 3 idle).
        Agents with the same grouping are summed together in a snapshot: a few groups, not 300 agents."""
        g = self._grouping
        if g is None:
            state = self.current_state()
            counted = (*sorted(self.queues), overall)
            if state is AgentState.READY:
                g = (state.value, counted, counted, 3)
            elif state is AgentState.ON_CALL or state is AgentState.WRAPUP:
                g = (state.value, counted, (self.handling_queue(), overall), 0)
            else:
                g = (state.value, counted, None, 0)
            g = self._grouping = g
        return g

    def status(self) -> AgentStatus:
        st = self._status
        if st is None:
            st = self._status = AgentStatus(self.name, self.state, self.reason,
                                            datetime.fromtimestamp(self.since, UTC),
                                            tuple(sorted(self.queues)), self.paused)
        return st

    def current_state(self) -> AgentState:
        if self.call_key is not None:
            return AgentState.ON_CALL
        if self.wrap_callid is not None:
            return AgentState.WRAPUP
        if not self.logged_in:
            return AgentState.LOGGED_OUT
        if self.paused:
            return AgentState.PAUSED
        return AgentState.READY

    def handling_queue(self) -> str:
        return self.call_queue if self.call_key is not None else self.wrap_queue

    def seen_working(self, queue: str) -> None:
        """Static Asterisk members log no ADDMEMBER: a queue event naming the agent is the evidence."""
        self.logged_in = True
        if queue and queue != "NONE":
            self.queues.add(queue)
