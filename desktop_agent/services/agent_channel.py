"""Where the operator's availability (Ready / Not Ready / wrap-up) is kept, and who logs it.

Exactly one party writes the agent's queue_log rows (PAUSE, UNPAUSE, WRAPUPSTART, WRAPUPEND...):
- with a plain SIP softphone (baresip) nobody else knows the agent, so the desktop keeps the
  AgentSession and writes its rows: :class:`LocalAgentChannel`;
- with an ACD that tracks its members (the built-in simulator, later Asterisk over AMI) the ACD
  keeps the state and writes the rows; the desktop only asks it for changes, through a channel
  adapter built in app.py.
The call desk talks to a core.ports.AgentChannel and never needs to know which one it has.
No Qt here.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence

from desktop_agent.core.agent_state import AgentSession, AgentStatus, IllegalTransition
from desktop_agent.core.ports import AcdMember, AgentStatusListener
from desktop_agent.core.queue_log import QueueLogRecord

log = logging.getLogger(__name__)

StatusListener = AgentStatusListener


class LocalAgentChannel:
    """The desktop is the only one who knows the agent: keep the session, write its rows."""

    def __init__(self, login: str, queues: Sequence[str],
                 write: Callable[[Sequence[QueueLogRecord]], None]) -> None:
        self.session = AgentSession(login, queues)
        self._write = write
        self._listener: StatusListener | None = None

    def status(self) -> AgentStatus:
        return self.session.status()

    def set_listener(self, listener: StatusListener | None) -> None:
        self._listener = listener  # a local session never changes by itself

    def _do(self, method: Callable[..., list[QueueLogRecord]], *args: object) -> bool:
        try:
            records = method(*args)
        except (IllegalTransition, ValueError) as exc:
            log.info("agent state: %s", exc)
            return False
        if records:
            self._write(records)
        return True

    def log_in(self, paused_reason: str | None = None) -> bool:
        return self._do(lambda: self.session.log_in(paused_reason=paused_reason))

    def log_out(self) -> bool:
        return self._do(self.session.log_out)

    def pause(self, reason: str) -> bool:
        return self._do(self.session.pause, reason)

    def unpause(self) -> bool:
        return self._do(self.session.unpause)

    def offer(self, call_id: str, queue: str | None) -> bool:
        return self._do(self.session.offer, call_id, queue)

    def connect(self, call_id: str, queue: str | None) -> bool:
        return self._do(self.session.connect, call_id, queue)

    def ring_ended(self) -> bool:
        return self._do(self.session.ring_ended)

    def end_call(self) -> bool:
        return self._do(lambda: self.session.end_call(wrapup=True))

    def end_wrapup(self, disposition: str) -> bool:
        return self._do(lambda: self.session.end_wrapup(disposition=disposition))


def is_acd_member(backend: object) -> bool:
    return all(callable(getattr(backend, name, None))
               for name in ("log_in", "log_out", "pause", "unpause", "end_wrapup", "agent_status"))


class AcdAgentChannel:
    """The ACD keeps the state and writes the rows; the desktop asks it for changes. The ACD reports
    changes (its own ones too) as AgentStateChanged telephony events, which the call flow follows."""

    def __init__(self, acd: AcdMember, on_refused: Callable[[str], None] | None = None) -> None:
        self.acd = acd
        self._on_refused = on_refused

    def status(self) -> AgentStatus:
        return self.acd.agent_status()

    def set_listener(self, listener: StatusListener | None) -> None:
        pass  # changes arrive as telephony events

    def _ask(self, action: Callable[[], None]) -> bool:
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - TelephonyError, or a backend bug: the call goes on
            log.info("the ACD refused an agent change: %s", exc)
            if self._on_refused is not None:
                self._on_refused(str(exc))
            return False
        return True

    def log_in(self, paused_reason: str | None = None) -> bool:
        return self._ask(lambda: self.acd.log_in(paused_reason))

    def log_out(self) -> bool:
        return self._ask(self.acd.log_out)

    def pause(self, reason: str) -> bool:
        return self._ask(lambda: self.acd.pause(reason))

    def unpause(self) -> bool:
        return self._ask(self.acd.unpause)

    def end_wrapup(self, disposition: str) -> bool:
        return self._ask(lambda: self.acd.end_wrapup(disposition))

    # The ACD routed the call, so it saw the offer, the answer and the end itself.
    def offer(self, call_id: str, queue: str | None) -> bool:
        return True

    def connect(self, call_id: str, queue: str | None) -> bool:
        return True

    def ring_ended(self) -> bool:
        return True

    def end_call(self) -> bool:
        return True
