"""Agent state as queue_log tells it, and the agents summed up for a snapshot.

Pause is tracked per agent, not per queue: the desktop pauses an agent everywhere, and Asterisk
logs PAUSEALL followed by one PAUSE per queue. An agent paused in the middle of a call stays
"on a call" (and then in wrap-up) until the call is done, and only then shows as paused, with
the time in state counted from that moment.

A snapshot needs, per queue, agents by state, paused agents by reason and the agent time still
running (for occupancy). AgentBoard keeps the agents in groups that share all of that (same state,
same queues, same pause reason), updated whenever an agent's row is counted, so a snapshot goes
over a handful of groups instead of asking 300 agents.
"""

from __future__ import annotations

from datetime import UTC, datetime

from desktop_agent.core.kpi.snapshot import OVERALL, AgentState, AgentStatus

STATE_KEYS = tuple(s.value for s in AgentState)   # plain str keys: an Enum's hash is a Python call
_READY, _ON_CALL, _WRAPUP, _PAUSED = AgentState.READY, AgentState.ON_CALL, AgentState.WRAPUP, AgentState.PAUSED

# A group: (state value, queues counted in incl. OVERALL, queues its running time goes to or None,
#           0 handling | 3 idle: where that time goes in the six sums, pause reason or "")
Group = tuple[str, tuple[str, ...], tuple[str, ...] | None, int, str]


class AgentRecord:
    __slots__ = ("name", "index", "queues", "explicit_login", "logged_in", "paused", "reason",
                 "call_key", "call_queue", "wrap_callid", "wrap_queue", "state", "since", "acct_from",
                 "_counted", "group", "credit_to", "_status", "_status_key")

    def __init__(self, name: str, ts: float, index: int = 0) -> None:
        self.name = name
        self.index = index                 # place in the snapshot's agents: order of first sight
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
        self._counted: tuple[str, ...] | None = None   # sorted queues + OVERALL; None after a change
        self.group: Group | None = None     # AgentBoard's group
        self.credit_to: list | None = None  # the engine's QueueStates its running time goes to
        self._status: AgentStatus | None = None
        self._status_key: tuple | None = None

    # ------------------------------------------------------------------ queues
    def seen_working(self, queue: str) -> None:
        """Static Asterisk members log no ADDMEMBER: a queue event naming the agent is the evidence."""
        self.logged_in = True
        if queue and queue != "NONE" and queue not in self.queues:
            self.queues.add(queue)
            self._counted = None

    def leave(self, queue: str) -> None:
        if queue in self.queues:
            self.queues.discard(queue)
            self._counted = None

    def leave_all(self) -> None:
        if self.queues:
            self.queues.clear()
            self._counted = None

    def counted(self) -> tuple[str, ...]:
        c = self._counted
        if c is None:
            c = self._counted = (*sorted(self.queues), OVERALL)
        return c

    # ------------------------------------------------------------------ state
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

    def grouping(self) -> Group:
        state = self.state
        counted = self.counted()
        if state is _READY:
            return (state.value, counted, counted, 3, "")
        if state is _ON_CALL or state is _WRAPUP:
            return (state.value, counted, (self.handling_queue(), OVERALL), 0, "")
        return (state.value, counted, None, 0, self.reason if state is _PAUSED else "")

    def status(self) -> AgentStatus:
        st = self._status
        if st is None:
            st = self._status = AgentStatus(self.name, self.state, self.reason,
                                            datetime.fromtimestamp(self.since, UTC),
                                            self.counted()[:-1], self.paused)
        return st


class AgentBoard:
    """Every agent seen, grouped for snapshots, with the AgentStatus DTOs rebuilt only on change."""

    def __init__(self) -> None:
        self.agents: dict[str, AgentRecord] = {}
        self._groups: dict[Group, dict[str, float]] = {}   # group -> {agent: acct_from}
        self._statuses: list[AgentStatus | None] = []
        self._changed: dict[int, AgentRecord] = {}  # by index: a range read once holds one per agent
        self._status_tuple: tuple[AgentStatus, ...] = ()

    def get(self, name: str) -> AgentRecord | None:
        return self.agents.get(name)

    def add(self, name: str, ts: float) -> AgentRecord:
        a = self.agents[name] = AgentRecord(name, ts, len(self._statuses))
        self._statuses.append(None)
        return a

    def settle(self, a: AgentRecord, ts: float) -> None:
        """After an agent's row was counted: its shown state, its group and its DTO follow."""
        state = a.current_state()
        if state is not a.state:
            a.state = state
            a.since = ts
        group = a.grouping()
        old = a.group
        if group != old:
            if old is not None:
                members = self._groups[old]
                del members[a.name]
                if not members:
                    del self._groups[old]
            members = self._groups.get(group)
            if members is None:
                members = self._groups[group] = {}
            a.group = group
            a.credit_to = None
        else:
            members = self._groups[group]
        members[a.name] = a.acct_from
        key = (state, a.since, a.reason, group[1], a.paused)
        if key != a._status_key:
            a._status_key = key
            a._status = None
            self._changed[a.index] = a

    def statuses(self) -> tuple[AgentStatus, ...]:
        if self._changed:
            out = self._statuses
            for index, a in self._changed.items():
                out[index] = a.status()
            self._changed.clear()
            self._status_tuple = tuple(out)  # type: ignore[arg-type] - every slot is filled by settle()
        return self._status_tuple

    def tally(self, t: float, day_lo: float, ik: float, roll_lo: float) -> tuple[
            dict[str, list[float]], dict[str, dict[str, int]], dict[str, dict[str, int]]]:
        """(running agent time per queue: [handling day, interval, rolling, idle day, interval, rolling],
        agents by state per queue, paused agents by reason per queue), as of t."""
        open_time: dict[str, list[float]] = {}
        by_state: dict[str, dict[str, int]] = {OVERALL: dict.fromkeys(STATE_KEYS, 0)}
        by_reason: dict[str, dict[str, int]] = {}
        for (state, counted, targets, base, reason), members in self._groups.items():
            n = len(members)
            for q in counted:
                counts = by_state.get(q)
                if counts is None:
                    counts = by_state[q] = dict.fromkeys(STATE_KEYS, 0)
                counts[state] += n
            if targets is not None:
                starts = members.values()
                day = sum([t - (s if s > day_lo else day_lo) for s in starts])
                interval = sum([(t - s if t > s else 0.0) if s > ik else t - ik for s in starts])
                rolling = sum([(t - s if t > s else 0.0) if s > roll_lo else t - roll_lo for s in starts])
                for q in targets:
                    acc = open_time.get(q)
                    if acc is None:
                        acc = open_time[q] = [0.0] * 6
                    acc[base] += day
                    acc[base + 1] += interval
                    acc[base + 2] += rolling
            elif state == "paused":
                for q in counted:
                    reasons = by_reason.get(q)
                    if reasons is None:
                        reasons = by_reason[q] = {}
                    reasons[reason] = reasons.get(reason, 0) + n
        return open_time, by_state, by_reason
