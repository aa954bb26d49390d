"""BaresipSoftphone: the Softphone protocol over baresip 1.0's ctrl_tcp, supervised or external.

baresip 1.0 has no call handle in its commands: accept, hangup, hold, transfer and sndcode act on
its newest call. The backend therefore tracks calls by Call-ID from the events and refuses a
command for a call that is not the newest one, instead of silently acting on another call.
Nothing here raises into the app: a missing or crashing baresip becomes BackendState and
BackendError events, and commands raise TelephonyError with a one-line message.

Silence: with vumeter.so loaded (BaresipSettings.detect_silence), baresip reports the level of
each call's received audio twice a second (VU_RX_REPORT, with the Call-ID); a SilenceDetector per
call turns those levels into SilenceChanged events. Only the level numbers reach this process:
no caller audio is recorded or written anywhere, so there is nothing to clean up after a call.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import timedelta
from typing import Any

from desktop_agent.core.domain import utcnow
from desktop_agent.telephony.baresip import replies
from desktop_agent.telephony.baresip.ctrl import CtrlClient
from desktop_agent.telephony.baresip.process import (
    BaresipProcess,
    BaresipSettings,
    SettingsError,
    load_sip_password,
)
from desktop_agent.telephony.events import (
    BackendError,
    BackendState,
    Closed,
    CloseReason,
    Dtmf,
    Established,
    Held,
    IncomingCall,
    Muted,
    Registration,
    RegistrationState,
    Resumed,
    Ringing,
    SilenceChanged,
    TelephonyEvent,
    Transferred,
)
from desktop_agent.telephony.protocol import (
    Capabilities,
    EventFanout,
    EventHandler,
    NotSupported,
    TelephonyError,
)
from desktop_agent.telephony.voice_activity import DEFAULT_THRESHOLD_DBOV, SilenceDetector, parse_level

log = logging.getLogger(__name__)

_DTMF = re.compile(r"[0-9*#A-Da-d]{1,64}")
_TARGET_BAD = re.compile(r"[\x00-\x20\x7f]")
# Events that carry nothing the desktop uses; anything not listed here and not handled is logged.
_QUIET_EVENTS = frozenset({
    "CALL_RTCP", "CALL_LOCAL_SDP", "CALL_REMOTE_SDP", "CALL_RTPESTAB", "CALL_DTMF_END", "CALL_MENC",
    "CALL_TRYING", "CALL_OUTGOING", "CALL_ANSWERED", "VU_TX_REPORT", "MWI_NOTIFY", "EXIT", "SHUTDOWN",
    "UNREGISTERING", "CALL_HOLD", "CALL_RESUME",
})
_REGISTRATION = {
    "REGISTERING": RegistrationState.REGISTERING,
    "REGISTER_OK": RegistrationState.REGISTERED,
    "REGISTER_FAIL": RegistrationState.FAILED,
    "UNREGISTERING": RegistrationState.UNREGISTERED,
}


@dataclass(slots=True)
class _Call:
    call_id: str
    incoming: bool
    peer_uri: str
    established: bool = False
    local_end: bool = False      # we asked baresip to end it
    rejecting: bool = False
    transfer_target: str = ""
    voice: SilenceDetector | None = None  # made at the first level report of the established call


def _text(message: dict[str, Any], key: str) -> str:
    value = message.get(key)
    return value if isinstance(value, str) else ""


class BaresipSoftphone:
    """Either runs its own baresip (`settings`) or drives one the user runs (`connect_to`)."""

    name = "baresip"
    capabilities = Capabilities(attended_transfer=False)

    def __init__(
        self,
        settings: BaresipSettings | None = None,
        *,
        connect_to: tuple[str, int] | None = None,
        password_source: Callable[[str], str | None] = load_sip_password,
        command_timeout: float = 5.0,
        start_timeout: float = 5.0,
        process_options: dict[str, Any] | None = None,
        silence_threshold_dbov: float = DEFAULT_THRESHOLD_DBOV,
        monotonic: Callable[[], float] = time.monotonic,
    ) -> None:
        if (settings is None) == (connect_to is None):
            raise ValueError("give either settings (run baresip) or connect_to (host, port), not both")
        self.settings = settings
        # An external baresip may lack vumeter.so: silence detection is claimed once its levels arrive.
        self.capabilities = replace(self.capabilities,
                                    silence_detection=bool(settings is not None and settings.detect_silence))
        self._silence_threshold = silence_threshold_dbov
        self._monotonic = monotonic
        self._fanout = EventFanout()
        self._password_source = password_source
        self._start_timeout = start_timeout
        self._calls: dict[str, _Call] = {}
        self._dial_waiter: asyncio.Future[str] | None = None
        self._dial_lock = asyncio.Lock()
        self._state = ""
        self._stopping = False
        self._tasks: set[asyncio.Task[Any]] = set()
        self.process = (BaresipProcess(settings, self._on_process_state, **(process_options or {}))
                        if settings else None)
        if connect_to:
            host, port = connect_to
        else:
            assert settings is not None
            host, port = "127.0.0.1", settings.ctrl_port  # ctrl_tcp is never exposed beyond loopback
        self.ctrl = CtrlClient(host, port, on_event=self._on_event, on_problem=self._on_problem,
                               on_connected=self._on_connected, on_disconnected=self._on_disconnected,
                               command_timeout=command_timeout)

    # -- Softphone protocol: lifecycle ---------------------------------------------------------------

    def subscribe(self, handler: EventHandler) -> Callable[[], None]:
        return self._fanout.subscribe(handler)

    @property
    def state(self) -> str:
        return self._state

    async def start(self) -> None:
        """Start (or connect to) baresip. Never raises: failures arrive as BackendState/BackendError."""
        self._stopping = False
        if self.process:
            if not await self.process.start():
                return
        else:
            self._set_state("starting", f"connecting to baresip at {self.ctrl.host}:{self.ctrl.port}")
        self.ctrl.start()
        deadline = asyncio.get_running_loop().time() + self._start_timeout
        while not await self.ctrl.wait_connected(0.05):
            if self._state == "unavailable":
                return  # the supervisor gave up and said why
            if asyncio.get_running_loop().time() >= deadline:
                break
        if not self.ctrl.connected:
            self._emit(BackendError("", message=f"baresip's control port {self.ctrl.host}:{self.ctrl.port} "
                                                 f"does not answer yet; still trying"))

    async def stop(self) -> None:
        self._stopping = True
        for task in list(self._tasks):
            task.cancel()
        await self.ctrl.close()
        if self.process:
            await self.process.stop()
        else:
            self._set_state("stopped", "")
        self._close_all("the softphone was stopped")

    # -- Softphone protocol: commands ----------------------------------------------------------------

    async def answer(self, call_id: str) -> None:
        self._newest(call_id)
        await self._command("accept")

    async def reject(self, call_id: str) -> None:
        call = self._newest(call_id)
        call.local_end = call.rejecting = True
        await self._command("hangup")

    async def hangup(self, call_id: str) -> None:
        call = self._newest(call_id)
        call.local_end = True
        await self._command("hangup")

    async def hold(self, call_id: str) -> None:
        self._newest(call_id)
        await self._command("hold")
        self._emit(Held(call_id))  # baresip 1.0 sends no event for hold

    async def resume(self, call_id: str) -> None:
        self._newest(call_id)
        await self._command("resume")
        self._emit(Resumed(call_id))

    async def mute(self, call_id: str, muted: bool) -> None:
        # baresip 1.0's `mute` toggles and says which way it went; toggle again if that was wrong.
        self._newest(call_id)
        reply = await self._command("mute")
        now_muted = "un-muted" not in reply
        if now_muted != muted:
            reply = await self._command("mute")
            now_muted = "un-muted" not in reply
        self._emit(Muted(call_id, muted=now_muted))

    async def blind_transfer(self, call_id: str, target: str) -> None:
        call = self._newest(call_id)
        self._check_target(target)
        call.transfer_target = target
        await self._command("transfer", target)

    async def attended_transfer(self, call_id: str, target: str) -> None:
        raise NotSupported("attended transfer is not available with baresip 1.0; use a blind transfer")

    async def send_dtmf(self, call_id: str, digits: str) -> None:
        self._newest(call_id)
        if not _DTMF.fullmatch(digits):
            raise TelephonyError("DTMF digits must be 0-9, *, # or A-D")
        await self._command("sndcode", digits)

    async def dial(self, target: str) -> str:
        self._check_target(target)
        async with self._dial_lock:  # the new call's id is the next unknown outgoing Call-ID
            self._dial_waiter = asyncio.get_running_loop().create_future()
            try:
                await self._command("dial", target)
                return await asyncio.wait_for(self._dial_waiter, self.ctrl.command_timeout * 2)
            except TimeoutError:
                raise TelephonyError(f"baresip reported no call to {target[:80]} in time") from None
            finally:
                self._dial_waiter = None

    # -- helpers for commands ------------------------------------------------------------------------

    async def _command(self, name: str, params: str = "", *, secret: bool = False) -> str:
        reply = await self.ctrl.command(name, params, secret=secret)
        if not reply.ok:
            detail = "" if secret else reply.data.strip().splitlines()[0][:200] if reply.data.strip() else ""
            raise TelephonyError(f"baresip refused '{name}'" + (f": {detail}" if detail else ""))
        return reply.data

    def _newest(self, call_id: str) -> _Call:
        call = self._calls.get(call_id)
        if call is None:
            raise TelephonyError(f"no such call: {call_id[:80]}")
        if call_id != next(reversed(self._calls)):
            raise NotSupported("baresip 1.0 can only act on its newest call")
        return call

    @staticmethod
    def _check_target(target: str) -> None:
        if not target.strip() or _TARGET_BAD.search(target) or len(target) > 512:
            raise TelephonyError("the number or SIP address to call is empty, too long or holds spaces")

    # -- events from baresip -------------------------------------------------------------------------

    def _on_event(self, message: dict[str, Any]) -> None:
        kind = _text(message, "type")
        call_id = _text(message, "id")
        param = _text(message, "param")
        if not kind:
            self._on_problem("ctrl_tcp event without a type")
            return
        if kind in _REGISTRATION:
            self._emit(Registration("", account=_text(message, "accountaor"), state=_REGISTRATION[kind],
                                    detail=param))
        elif kind == "CALL_INCOMING":
            peer = _text(message, "peeruri") or param
            self._calls[call_id] = _Call(call_id, incoming=True, peer_uri=peer)
            self._emit(IncomingCall(call_id, caller_id=replies.caller_from_uri(peer),
                                    display_name=_text(message, "peerdisplayname")))
        elif kind in ("CALL_RINGING", "CALL_PROGRESS"):
            self._track(message, call_id)
            self._emit(Ringing(call_id))
        elif kind == "CALL_ESTABLISHED":
            self._track(message, call_id).established = True
            self._emit(Established(call_id))
        elif kind == "CALL_CLOSED":
            self._closed(message, call_id, param)
        elif kind == "VU_RX_REPORT":
            self._level(call_id, param)
        elif kind == "CALL_DTMF_START":
            self._emit(Dtmf(call_id, digit=param[:1]))
        elif kind == "TRANSFER":
            # The far end REFERred this call elsewhere; baresip follows it by itself.
            self._emit(Transferred(call_id, target=param, ok=True, reason="requested by the far end"))
        elif kind == "TRANSFER_FAILED":
            call = self._calls.get(call_id)
            self._emit(Transferred(call_id, target=call.transfer_target if call else "", ok=False,
                                   reason=param or "transfer failed"))
            # baresip 1.0 may end the call after a failed transfer without a CALL_CLOSED event:
            # look again shortly, so that the call's record is closed rather than lost.
            self._spawn(self._recheck_later(f"baresip ended the call after the transfer failed: {param[:100]}"))
        elif kind not in _QUIET_EVENTS:
            log.debug("ignored baresip event type %r", kind[:40])

    def _track(self, message: dict[str, Any], call_id: str) -> _Call:
        """The call for an event; an unknown outgoing call is the one `dial` is waiting for."""
        call = self._calls.get(call_id)
        if call is None:
            incoming = _text(message, "direction") == "incoming"
            call = self._calls[call_id] = _Call(call_id, incoming=incoming, peer_uri=_text(message, "peeruri"))
            if not incoming and self._dial_waiter and not self._dial_waiter.done():
                self._dial_waiter.set_result(call_id)
        return call

    def _level(self, call_id: str, param: str) -> None:
        """A level report of the caller's audio (dBov of the last decoded frame)."""
        call, level = self._calls.get(call_id), parse_level(param)
        if call is None or not call.established or level is None:
            return
        if not self.capabilities.silence_detection:
            self.capabilities = replace(self.capabilities, silence_detection=True)
        if call.voice is None:
            call.voice = SilenceDetector(threshold_dbov=self._silence_threshold)
        now = self._monotonic()
        change = call.voice.feed(now, level)
        if change is not None:
            at = utcnow()
            self._emit(SilenceChanged(call_id, silent=change.silent,
                                      since=at - timedelta(seconds=now - change.since), at=at))

    def _closed(self, message: dict[str, Any], call_id: str, param: str) -> None:
        call = self._calls.get(call_id) or self._track(message, call_id)
        del self._calls[call_id]
        reason = replies.close_reason(param, incoming=call.incoming, established=call.established,
                                      local=call.local_end, rejecting=call.rejecting, transferred=False)
        if reason is CloseReason.TRANSFERRED:
            self._emit(Transferred(call_id, target=call.transfer_target, ok=True))
        self._emit(Closed(call_id, reason=reason, detail=param[:200]))

    def _on_problem(self, message: str) -> None:
        self._emit(BackendError("", message=message, recoverable=True))

    # -- connection and process state ----------------------------------------------------------------

    async def _on_connected(self) -> None:
        """Re-read what baresip knows: events sent while we were not connected are lost."""
        if self.settings and self.settings.password_account:
            await self._ensure_account()
        accounts = replies.parse_reginfo(await self._command("reginfo"))
        for aor, status in accounts.items():
            verdict = status.split(" ", 1)[0].upper()
            if verdict in ("OK", "ERR"):
                state = RegistrationState.REGISTERED if verdict == "OK" else RegistrationState.FAILED
                self._emit(Registration("", account=aor, state=state, detail=status[:200]))
        await self._reconcile_calls()
        self._set_state("running", f"baresip at {self.ctrl.host}:{self.ctrl.port}")

    async def _ensure_account(self) -> None:
        settings = self.settings
        assert settings is not None
        if settings.aor in replies.parse_reginfo(await self._command("reginfo")):
            return
        password = self._password_source(settings.password_account)
        if password is None:
            self._emit(BackendError("", message=f"no SIP password in the OS keyring for "
                                                 f"'{settings.password_account}'", recoverable=True))
            await self._command("uanew", settings.account_line())
            return
        try:
            line = settings.account_line(password)
        except SettingsError as exc:
            self._emit(BackendError("", message=str(exc), recoverable=False))
            return
        await self._command("uanew", line, secret=True)  # its reply echoes the password: never logged

    async def _recheck_later(self, detail: str, delay: float = 0.3) -> None:
        await asyncio.sleep(delay)
        try:
            await self._reconcile_calls(detail)
        except TelephonyError as exc:
            log.debug("call re-check failed: %s", exc)

    async def _reconcile_calls(self, detail: str = "the call ended while baresip was disconnected or "
                                                  "restarting") -> None:
        count = replies.count_calls(await self._command("listcalls"))
        current = replies.parse_callstat(await self._command("callstat")) if count else None
        if count == 0:
            self._close_all(detail)
            return
        if current and current.call_id not in self._calls:
            self._calls[current.call_id] = _Call(current.call_id, incoming=current.incoming,
                                                 peer_uri=current.peer_uri,
                                                 established=current.state == "ESTABLISHED")
            if current.incoming:
                self._emit(IncomingCall(current.call_id, caller_id=replies.caller_from_uri(current.peer_uri),
                                        display_name=current.peer_name))
            if current.state == "ESTABLISHED":
                self._emit(Established(current.call_id))
        if count == 1 and current:
            self._close_all(detail, keep=current.call_id)

    def _close_all(self, detail: str, keep: str | None = None) -> None:
        for call_id in [c for c in self._calls if c != keep]:
            del self._calls[call_id]
            self._emit(Closed(call_id, reason=CloseReason.FAILED, detail=detail))

    def _on_disconnected(self, reason: str) -> None:
        if self._stopping:
            return
        self._emit(BackendError("", message=f"lost the connection to baresip: {reason}", recoverable=True))
        self._set_state("restarting", "reconnecting to baresip")

    def _on_process_state(self, state: str, detail: str) -> None:
        if state == "unavailable":
            self._emit(BackendError("", message=detail, recoverable=False))
            self._spawn(self.ctrl.close())  # nothing will listen on the control port again
        self._set_state(state, detail)

    def _set_state(self, state: str, detail: str) -> None:
        if state == self._state:
            return
        self._state = state
        log.info("baresip backend %s%s", state, f": {detail}" if detail else "")
        self._emit(BackendState("", state=state, detail=detail))

    def _spawn(self, coro: Any) -> None:
        task = asyncio.get_running_loop().create_task(coro)
        self._tasks.add(task)  # a task nobody holds may be collected before it runs
        task.add_done_callback(self._tasks.discard)

    def _emit(self, event: TelephonyEvent) -> None:
        self._fanout.emit(event)
