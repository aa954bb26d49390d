"""The desk of the real operator inside the simulated centre: what the softphone and a scripted
caller may do to the model. Mixed into ContactCentre; every method acts at the model's current
time (`now`), so the caller advances the model first."""

from __future__ import annotations

from desktop_agent.core.agent_state import AgentState
from desktop_agent.core.queue_log import QEvent
from desktop_agent.telephony.events import CloseReason
from desktop_agent.telephony.protocol import TelephonyError
from desktop_agent.telephony.simulator.model import (
    QUEUED,
    RINGING,
    TALKING,
    OperatorListener,
    SimAgent,
    SimCall,
)

TRANSFER_CONTEXT = "from-queue"  # the dialplan context Asterisk would name in a transfer row


class OperatorDesk:
    # provided by ContactCentre
    operator: SimAgent | None
    listener: OperatorListener | None
    _calls: dict[str, SimCall]

    def _touch(self, agent: SimAgent) -> None:
        if not agent.operator or self.listener is None:
            return
        status = agent.session.status()
        if status != agent.last_status:
            agent.last_status = status
            self.listener.agent_changed(status)

    def require_operator(self) -> SimAgent:
        if self.operator is None:
            raise TelephonyError("this simulation has no desktop operator")
        return self.operator

    def call(self, callid: str) -> SimCall:
        call = self._calls.get(callid)
        if call is None:
            raise TelephonyError(f"no such call: {callid[:80]}")
        return call

    def operator_call(self, callid: str, *states: str) -> SimCall:
        call = self.call(callid)
        if call.agent is not self.operator or call.state not in states:
            raise TelephonyError(f"call {callid[:80]} is not {' or '.join(states)} at this desk")
        return call

    def operator_login(self, paused_reason: str | None = None) -> None:
        op = self.require_operator()
        self._out(op.session.log_in(self.dt(), paused_reason))
        self._after_settle(op)

    def operator_logout(self) -> None:
        op = self.require_operator()
        self._out(op.session.log_out(self.dt()))
        self._touch(op)

    def operator_pause(self, reason: str) -> None:
        op = self.require_operator()
        self._out(op.session.pause(reason, self.dt()))
        self._touch(op)

    def operator_unpause(self) -> None:
        op = self.require_operator()
        was = op.session.state
        self._out(op.session.unpause(self.dt()))
        if was is AgentState.NOT_READY:
            self._agent_ready(op)
        self._touch(op)

    def operator_end_wrapup(self, disposition: str = "") -> None:
        op = self.require_operator()
        if op.session.state is not AgentState.WRAP_UP:
            raise TelephonyError("the operator is not in wrap-up")
        self._end_wrapup(op, disposition)

    def operator_answer(self, callid: str) -> SimCall:
        call = self.operator_call(callid, RINGING)
        self._connect(call)
        return call

    def operator_reject(self, callid: str) -> SimCall:
        call = self.operator_call(callid, RINGING)
        self._ring_failed(call, CloseReason.REJECTED)
        return call

    def operator_hangup(self, callid: str) -> SimCall:
        call = self.operator_call(callid, TALKING)
        self._complete(call, QEvent.COMPLETEAGENT, CloseReason.LOCAL_HANGUP)
        return call

    def operator_transfer(self, callid: str, target: str, *, attended: bool = False) -> SimCall:
        call = self.operator_call(callid, TALKING)
        self.stats.transferred += 1
        if attended:
            self._complete(call, QEvent.ATTENDEDTRANSFER, CloseReason.TRANSFERRED, "BRIDGE", target)
        else:
            self._complete(call, QEvent.BLINDTRANSFER, CloseReason.TRANSFERRED, target, TRANSFER_CONTEXT)
        return call

    def caller_hangup(self, callid: str) -> None:
        """The (scripted) caller hangs up now, whatever the call's state."""
        call = self.call(callid)
        if call.state in (QUEUED, RINGING):
            self._leave(call, QEvent.ABANDON, CloseReason.CANCELLED)
        elif call.state == TALKING:
            agent = call.agent
            assert agent is not None
            close = CloseReason.REMOTE_HANGUP if agent.operator else None
            self._complete(call, QEvent.COMPLETECALLER, close)

    def caller_dtmf(self, callid: str, digits: str) -> None:
        call = self.operator_call(callid, TALKING)
        if self.listener is not None:
            for digit in digits:
                self.listener.dtmf(call, digit)
