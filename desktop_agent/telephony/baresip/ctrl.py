"""An asyncio client for baresip's ctrl_tcp module: commands matched by token, events, reconnects.

Pure asyncio, no Qt: the app runs it on the Qt loop through qasync. baresip answers commands and
sends events in no fixed order, so every command carries a token and waits for the response with
that token. Bad JSON gets no reply from baresip, and a dead peer sends nothing, so every wait is
bounded. The connection is kept up by a task that reconnects with a growing delay; ctrl_tcp takes
one client at a time, and events sent while nobody is connected are lost, which is why
`on_connected` exists: the owner re-reads the call and registration state there.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from typing import Any

from desktop_agent.telephony.baresip.netstring import MAX_FRAME, FramingError, NetstringDecoder, encode
from desktop_agent.telephony.protocol import TelephonyError

log = logging.getLogger(__name__)

EventCallback = Callable[[dict[str, Any]], None]
ProblemCallback = Callable[[str], None]
ConnectedCallback = Callable[[], Awaitable[None]]
DisconnectedCallback = Callable[[str], None]


class CtrlNotConnected(TelephonyError):
    pass


class CtrlTimeout(TelephonyError):
    pass


@dataclass(frozen=True, slots=True)
class CtrlResponse:
    ok: bool
    data: str


class CtrlClient:
    def __init__(
        self,
        host: str,
        port: int,
        *,
        on_event: EventCallback,
        on_problem: ProblemCallback,
        on_connected: ConnectedCallback | None = None,
        on_disconnected: DisconnectedCallback | None = None,
        command_timeout: float = 5.0,
        connect_timeout: float = 2.0,
        max_frame: int = MAX_FRAME,
        retry_delays: tuple[float, ...] = (0.05, 0.1, 0.2, 0.5, 1.0, 2.0),
    ) -> None:
        self.host = host
        self.port = port
        self._on_event = on_event
        self._on_problem = on_problem
        self._on_connected = on_connected
        self._on_disconnected = on_disconnected
        self.command_timeout = command_timeout
        self.connect_timeout = connect_timeout
        self._max_frame = max_frame
        self._retry_delays = retry_delays
        self._tokens = (f"da{n}" for n in itertools.count(1))
        self._pending: dict[str, asyncio.Future[CtrlResponse]] = {}
        self._writer: asyncio.StreamWriter | None = None
        self._connected = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._closing = False
        self.decoder: NetstringDecoder | None = None
        self.connections = 0  # how many times a connection was made (tests and diagnostics)
        self._timeouts_in_a_row = 0

    @property
    def connected(self) -> bool:
        return self._connected.is_set()

    def start(self) -> None:
        """Keep a connection up in the background until `close`."""
        if self._task is None or self._task.done():
            self._closing = False
            self._task = asyncio.get_running_loop().create_task(self._keep_connected(), name="baresip-ctrl")

    async def wait_connected(self, timeout: float) -> bool:
        try:
            await asyncio.wait_for(self._connected.wait(), timeout)
        except TimeoutError:
            return False
        return True

    async def close(self) -> None:
        self._closing = True
        if self._task:
            self._task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None
        self._drop_connection("closed")

    def drop(self) -> None:
        """Cut the current connection (the keeper task reconnects). For a peer that stopped answering."""
        if self._writer:
            self._writer.close()

    async def command(self, name: str, params: str = "", *, timeout: float | None = None,
                      secret: bool = False) -> CtrlResponse:
        """Send one command and wait for its response. `secret` keeps params and reply out of logs."""
        writer = self._writer
        if writer is None or not self.connected:
            raise CtrlNotConnected("baresip is not connected")
        token = next(self._tokens)
        future: asyncio.Future[CtrlResponse] = asyncio.get_running_loop().create_future()
        self._pending[token] = future
        frame = encode(json.dumps({"command": name, "params": params, "token": token}).encode())
        log.debug("ctrl -> %s %s (%s)", name, "<hidden>" if secret else params, token)
        try:
            writer.write(frame)
            await asyncio.wait_for(writer.drain(), timeout or self.command_timeout)
            return await asyncio.wait_for(future, timeout or self.command_timeout)
        except TimeoutError:
            self._timeouts_in_a_row += 1
            if self._timeouts_in_a_row >= 3:
                self.drop()  # the peer took our bytes but stopped answering: start afresh
            raise CtrlTimeout(f"baresip did not answer '{name}' in time") from None
        except (ConnectionError, OSError) as exc:
            raise CtrlNotConnected(f"lost the connection to baresip during '{name}': {exc}") from None
        finally:
            self._pending.pop(token, None)

    async def _keep_connected(self) -> None:
        failures = short_runs = 0
        while not self._closing:
            try:
                reader, writer = await asyncio.wait_for(
                    asyncio.open_connection(self.host, self.port, limit=64 * 1024), self.connect_timeout)
            except (OSError, TimeoutError):
                await asyncio.sleep(self._retry_delays[min(failures, len(self._retry_delays) - 1)])
                failures += 1
                continue
            failures = 0
            connected_at = asyncio.get_running_loop().time()
            self._writer = writer
            self.decoder = NetstringDecoder(self._max_frame)
            self.connections += 1
            self._connected.set()
            log.debug("ctrl connected to %s:%s", self.host, self.port)
            reader_task = asyncio.get_running_loop().create_task(self._read(reader), name="baresip-ctrl-read")
            try:
                if self._on_connected:
                    try:
                        await self._on_connected()
                    except TelephonyError as exc:
                        self._on_problem(f"baresip state query after connecting failed: {exc}")
                    except Exception:  # noqa: BLE001 - a bug in the owner must not stop the reading
                        log.exception("on_connected failed")
                reason = await reader_task
            except asyncio.CancelledError:
                reader_task.cancel()
                raise
            self._drop_connection(reason)
            # A connection that keeps ending at once (another ctrl_tcp client taking over, a peer that
            # hangs up on us) backs off like a refused one instead of spinning.
            short = asyncio.get_running_loop().time() - connected_at < 1.0
            short_runs = short_runs + 1 if short else 0
            await asyncio.sleep(self._retry_delays[min(short_runs, len(self._retry_delays) - 1)])

    async def _read(self, reader: asyncio.StreamReader) -> str:
        reason = "closed"
        try:
            reason = await self._read_until_closed(reader)
        finally:
            self._connected.clear()  # commands fail at once from here on, not after their timeout
            self._fail_pending(reason)
        return reason

    async def _read_until_closed(self, reader: asyncio.StreamReader) -> str:
        decoder = self.decoder
        assert decoder is not None
        while True:
            try:
                chunk = await reader.read(64 * 1024)
            except (ConnectionError, OSError) as exc:
                return f"connection error: {exc}"
            if not chunk:
                return "baresip closed the connection"
            for item in decoder.feed(chunk):
                if isinstance(item, FramingError):
                    self._on_problem(item.message)
                else:
                    self._dispatch(item)

    def _dispatch(self, payload: bytes) -> None:
        try:
            message = json.loads(payload)
        except (ValueError, UnicodeDecodeError):
            self._on_problem("ctrl_tcp frame is not valid JSON")
            return
        if not isinstance(message, dict):
            self._on_problem("ctrl_tcp frame is not a JSON object")
            return
        if message.get("response") is True:
            future = self._pending.get(str(message.get("token")))
            if future is None or future.done():
                log.debug("ctrl response for no waiting command (token %r)", message.get("token"))
                return
            self._timeouts_in_a_row = 0
            future.set_result(CtrlResponse(ok=message.get("ok") is True, data=str(message.get("data") or "")))
        elif message.get("event") is True:
            self._on_event(message)
        else:
            self._on_problem("ctrl_tcp frame is neither a response nor an event")

    def _fail_pending(self, reason: str) -> None:
        for future in self._pending.values():
            if not future.done():
                future.set_exception(CtrlNotConnected(f"lost the connection to baresip: {reason}"))
        self._pending.clear()

    def _drop_connection(self, reason: str) -> None:
        was_connected = self._writer is not None
        self._connected.clear()
        if self._writer:
            self._writer.close()
            self._writer = None
        self._fail_pending(reason)
        if was_connected:
            log.debug("ctrl disconnected: %s", reason)
            if self._on_disconnected:
                self._on_disconnected(reason)
