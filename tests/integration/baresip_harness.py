"""Shared helpers for the SIP integration tests: running a coroutine with a bound, collecting a
softphone's events, and starting an agent's baresip on fresh ports."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Callable
from pathlib import Path
from typing import Any, TypeVar

from desktop_agent.telephony.baresip.backend import BaresipSoftphone
from desktop_agent.telephony.baresip.process import BaresipSettings
from desktop_agent.telephony.baresip.sip_testing import free_sip_port
from desktop_agent.telephony.events import BackendState, TelephonyEvent
from desktop_agent.testing import free_port

SCENARIOS = Path(__file__).parent / "sipp"
E = TypeVar("E", bound=TelephonyEvent)


def run(coro: Any, timeout: float = 30.0) -> Any:
    """Run one test's coroutine on a fresh loop; a hang becomes a TimeoutError, not a stuck suite."""
    return asyncio.run(asyncio.wait_for(coro, timeout))


class EventLog:
    """Every event of a softphone, in order; `wait` returns the first unclaimed match."""

    def __init__(self, phone: Any) -> None:
        self.events: list[TelephonyEvent] = []
        self._claimed: set[int] = set()
        self._changed = asyncio.Event()
        phone.subscribe(self._add)

    def _add(self, event: TelephonyEvent) -> None:
        self.events.append(event)
        self._changed.set()

    def of(self, kind: type[E]) -> list[E]:
        return [e for e in self.events if isinstance(e, kind)]

    async def wait(self, kind: type[E], timeout: float = 10.0, where: Callable[[E], bool] = lambda e: True,
                   **fields: Any) -> E:
        async def find() -> E:
            while True:
                for i, event in enumerate(self.events):
                    if (i not in self._claimed and isinstance(event, kind) and where(event)
                            and all(getattr(event, k) == v for k, v in fields.items())):
                        self._claimed.add(i)
                        return event
                self._changed.clear()
                await self._changed.wait()

        try:
            return await asyncio.wait_for(find(), timeout)
        except TimeoutError:
            seen = ", ".join(type(e).__name__ for e in self.events[-15:])
            raise AssertionError(f"no {kind.__name__} {fields or ''} within {timeout} s; last events: {seen}") from None

    async def wait_state(self, state: str, timeout: float = 10.0) -> BackendState:
        return await self.wait(BackendState, timeout, state=state)


def agent_settings(user: str = "agent", **overrides: Any) -> BaresipSettings:
    sip_port = free_sip_port()
    values: dict[str, Any] = dict(user=user, domain=f"127.0.0.1:{sip_port}", listen_host="127.0.0.1",
                                  sip_port=sip_port, ctrl_port=free_port())
    values.update(overrides)
    return BaresipSettings(**values)


@contextlib.asynccontextmanager
async def running_phone(settings: BaresipSettings, **kwargs: Any) -> AsyncIterator[tuple[BaresipSoftphone, EventLog]]:
    """A started softphone with its own baresip, waited until its control socket answers."""
    phone = BaresipSoftphone(settings, **kwargs)
    events = EventLog(phone)
    try:
        await phone.start()
        await events.wait_state("running")
        yield phone, events
    finally:
        await phone.stop()


async def wait_exit(proc: Any, timeout: float) -> int | None:
    """Wait for a subprocess.Popen without blocking the loop."""
    deadline = asyncio.get_running_loop().time() + timeout
    while proc.poll() is None and asyncio.get_running_loop().time() < deadline:
        await asyncio.sleep(0.05)
    return proc.poll()
