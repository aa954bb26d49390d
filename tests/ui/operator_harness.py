"""Helpers for the operator-window tests: `until()` to wait on the qasync loop, and a tiny
Softphone whose commands succeed and emit the event a real backend would confirm them with;
`ring()` and `remote_hangup()` play the caller. (The built-in simulator is tested in
test_operator_app.py; this fake makes the second-call and odd-order cases easy to set up.)"""

from __future__ import annotations

import asyncio
import itertools
import time
from collections.abc import Callable

from desktop_agent.telephony import events as ev
from desktop_agent.telephony.protocol import Capabilities, EventFanout, TelephonyError


async def until(condition: Callable[[], object], timeout: float = 5.0, what: str = "") -> None:
    """Let Qt and asyncio run until `condition()` is true; fail with `what` after `timeout`."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or condition}")
        await asyncio.sleep(0.01)


class FakeSoftphone:
    name = "fake"
    capabilities = Capabilities()

    def __init__(self) -> None:
        self._fanout = EventFanout()
        self.subscribe = self._fanout.subscribe
        self.commands: list[tuple[str, ...]] = []
        self._ids = itertools.count(1)
        self.calls: dict[str, str] = {}

    async def start(self) -> None:
        self._fanout.emit(ev.BackendState("", state="running"))

    async def stop(self) -> None:
        self._fanout.emit(ev.BackendState("", state="stopped"))

    def ring(self, caller_id: str, queue: str = "support", display_name: str = "") -> str:
        call_id = f"fake-{next(self._ids)}"
        self.calls[call_id] = "ringing"
        self._fanout.emit(ev.IncomingCall(call_id, caller_id=caller_id, queue=queue, display_name=display_name))
        return call_id

    def remote_hangup(self, call_id: str) -> None:
        was = self.calls.pop(call_id)
        reason = ev.CloseReason.CANCELLED if was == "ringing" else ev.CloseReason.REMOTE_HANGUP
        self._fanout.emit(ev.Closed(call_id, reason=reason))

    async def _do(self, name: str, call_id: str, *args: str) -> None:
        await asyncio.sleep(0)  # a real backend answers later, never inside the call
        if call_id not in self.calls:
            raise TelephonyError(f"no such call: {call_id}")
        self.commands.append((name, call_id, *args))

    async def answer(self, call_id: str) -> None:
        await self._do("answer", call_id)
        self.calls[call_id] = "talking"
        self._fanout.emit(ev.Established(call_id))

    async def reject(self, call_id: str) -> None:
        await self._do("reject", call_id)
        self.calls.pop(call_id)
        self._fanout.emit(ev.Closed(call_id, reason=ev.CloseReason.REJECTED))

    async def hangup(self, call_id: str) -> None:
        await self._do("hangup", call_id)
        self.calls.pop(call_id)
        self._fanout.emit(ev.Closed(call_id, reason=ev.CloseReason.LOCAL_HANGUP))

    async def hold(self, call_id: str) -> None:
        await self._do("hold", call_id)
        self._fanout.emit(ev.Held(call_id))

    async def resume(self, call_id: str) -> None:
        await self._do("resume", call_id)
        self._fanout.emit(ev.Resumed(call_id))

    async def mute(self, call_id: str, muted: bool) -> None:
        await self._do("mute", call_id, str(muted))
        self._fanout.emit(ev.Muted(call_id, muted=muted))

    async def blind_transfer(self, call_id: str, target: str) -> None:
        await self._do("transfer", call_id, target)
        self.calls.pop(call_id)
        self._fanout.emit(ev.Transferred(call_id, target=target))
        self._fanout.emit(ev.Closed(call_id, reason=ev.CloseReason.TRANSFERRED))

    async def attended_transfer(self, call_id: str, target: str) -> None:
        raise TelephonyError("not supported")

    async def send_dtmf(self, call_id: str, digits: str) -> None:
        await self._do("dtmf", call_id, digits)

    async def dial(self, target: str) -> str:
        raise TelephonyError("not supported")
