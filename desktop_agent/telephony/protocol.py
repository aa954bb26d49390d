"""The Softphone protocol: what every telephony backend offers the desktop.

Commands are coroutines run on the application's asyncio loop (qasync in the app). Events reach
subscribers through `subscribe`; a backend calls them on the loop thread and never blocks in them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Protocol, runtime_checkable

from desktop_agent.telephony.events import TelephonyEvent

EventHandler = Callable[[TelephonyEvent], None]


class TelephonyError(Exception):
    """A command failed; the message is one line for the operator."""


class NotSupported(TelephonyError):
    """The backend cannot do this (for example attended transfer on baresip 1.0)."""


@dataclass(frozen=True, slots=True)
class Capabilities:
    hold: bool = True
    mute: bool = True
    blind_transfer: bool = True
    attended_transfer: bool = False
    dtmf: bool = True
    dial: bool = True
    # Reports SilenceChanged: whether the caller has gone quiet (the checklist's silence cue).
    silence_detection: bool = False


@runtime_checkable
class Softphone(Protocol):
    name: str
    capabilities: Capabilities

    def subscribe(self, handler: EventHandler) -> Callable[[], None]:
        """Add an event handler; returns a function that removes it."""

    async def start(self) -> None: ...
    async def stop(self) -> None: ...

    async def answer(self, call_id: str) -> None: ...
    async def reject(self, call_id: str) -> None: ...
    async def hangup(self, call_id: str) -> None: ...
    async def hold(self, call_id: str) -> None: ...
    async def resume(self, call_id: str) -> None: ...
    async def mute(self, call_id: str, muted: bool) -> None: ...
    async def blind_transfer(self, call_id: str, target: str) -> None: ...
    async def attended_transfer(self, call_id: str, target: str) -> None: ...
    async def send_dtmf(self, call_id: str, digits: str) -> None: ...
    async def dial(self, target: str) -> str:
        """Place a call; returns its call id."""


class EventFanout:
    """Handler list shared by backends: a failing handler is logged, never breaks the backend."""

    def __init__(self) -> None:
        self._handlers: list[EventHandler] = []

    def subscribe(self, handler: EventHandler) -> Callable[[], None]:
        self._handlers.append(handler)

        def unsubscribe() -> None:
            if handler in self._handlers:
                self._handlers.remove(handler)

        return unsubscribe

    def emit(self, event: TelephonyEvent) -> None:
        import logging

        for handler in list(self._handlers):
            try:
                handler(event)
            except Exception:  # noqa: BLE001 - one bad subscriber must not stop the call flow
                logging.getLogger(__name__).exception("telephony event handler failed on %r", event)
