"""Bad input on the control socket and a missing baresip: the backend reports, survives and still answers.

A raw TCP server poses as baresip's ctrl_tcp, so these run without baresip installed.
"""

from __future__ import annotations

import asyncio
import json

import pytest
from baresip_harness import EventLog, run

from desktop_agent.telephony.baresip.backend import BaresipSoftphone
from desktop_agent.telephony.baresip.netstring import encode
from desktop_agent.telephony.baresip.process import BaresipSettings
from desktop_agent.telephony.events import (
    BackendError,
    BackendState,
    Closed,
    CloseReason,
    IncomingCall,
)
from desktop_agent.telephony.protocol import Softphone, TelephonyError

pytestmark = pytest.mark.timeout(30)

IDLE_REPLIES = {
    "listcalls": "\n--- Active calls (0) ---\n\n",
    "reginfo": "\n--- User Agents (1) ---\n> sip:agent@127.0.0.1:5060                 \n\n",
    "callstat": "\n(no active calls)\n",
}


def frame(obj: object) -> bytes:
    return encode(json.dumps(obj).encode())


def incoming(call_id: str, peeruri: str, name: str = "") -> dict:
    return {"event": True, "type": "CALL_INCOMING", "class": "call", "accountaor": "sip:agent@127.0.0.1:5060",
            "direction": "incoming", "peeruri": peeruri, "peerdisplayname": name, "id": call_id,
            "param": peeruri}


class FakeCtrl:
    """A TCP peer that speaks (and mis-speaks) baresip's ctrl_tcp protocol."""

    def __init__(self, replies: dict[str, str] | None = None, answer: bool = True) -> None:
        self.replies = dict(IDLE_REPLIES if replies is None else replies)
        self.answer = answer
        self.commands: list[str] = []
        self.writer: asyncio.StreamWriter | None = None
        self.connected = asyncio.Event()
        self.server: asyncio.Server | None = None

    async def start(self) -> int:
        self.server = await asyncio.start_server(self._serve, "127.0.0.1", 0)
        return self.server.sockets[0].getsockname()[1]

    async def _serve(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        self.writer = writer
        self.connected.set()
        buf = b""
        while chunk := await reader.read(4096):
            buf += chunk
            while b":" in buf:
                length, rest = buf.split(b":", 1)
                if len(rest) < int(length) + 1:
                    break
                message = json.loads(rest[:int(length)])
                buf = rest[int(length) + 1:]
                self.commands.append(message["command"])
                if self.answer:
                    data = self.replies.get(message["command"], "")
                    writer.write(frame({"response": True, "ok": True, "data": data, "token": message["token"]}))

    def send(self, data: bytes) -> None:
        assert self.writer is not None
        self.writer.write(data)

    def drop(self) -> None:
        assert self.writer is not None
        self.writer.close()
        self.connected.clear()

    async def close(self) -> None:
        if self.writer:
            self.writer.close()
        if self.server:
            self.server.close()


async def connected_phone(fake: FakeCtrl, **kwargs) -> tuple[BaresipSoftphone, EventLog]:
    port = await fake.start()
    phone = BaresipSoftphone(connect_to=("127.0.0.1", port), **kwargs)
    events = EventLog(phone)
    await phone.start()
    await events.wait_state("running")
    return phone, events


def test_garbage_truncated_oversized_and_unknown_frames_leave_the_client_responsive():
    async def scenario():
        fake = FakeCtrl()
        phone, events = await connected_phone(fake)
        try:
            fake.send(b"\x00\xffHELLO garbage \r\n")
            fake.send(b"10:{not json},")
            fake.send(b"3:[1],")
            fake.send(frame({"event": True, "type": "SOMETHING_NEW_IN_BARESIP_9", "id": "x"}))
            fake.send(frame({"event": True, "id": "no type"}))
            fake.send(frame({"neither": "response nor event"}))
            fake.send(b"80:{\"event\":true,\"type\":\"CALL_")  # truncated: the next frame must survive
            fake.send(frame(incoming("call-1", "sip:+79161234567@10.0.0.1", "Иван")))
            # 2 MiB announced and sent in pieces: skipped without being buffered.
            fake.send(b"%d:{" % (2 + (2 << 20)))
            for _ in range(32):
                fake.send(b"x" * (64 << 10))
                await asyncio.sleep(0)
            fake.send(b"},")
            fake.send(frame(incoming("call-2", "sip:+74950000000@10.0.0.1")))

            first = await events.wait(IncomingCall)
            assert (first.call_id, first.caller_id, first.display_name) == ("call-1", "+79161234567", "Иван")
            second = await events.wait(IncomingCall)
            assert (second.call_id, second.caller_id) == ("call-2", "+74950000000")
            problems = [e.message for e in events.of(BackendError)]
            assert any("garbage" in p for p in problems)
            assert any("not valid JSON" in p for p in problems)
            assert any("not a JSON object" in p for p in problems)
            assert any("without a type" in p for p in problems)
            assert any("truncated" in p for p in problems)
            assert any("over the" in p and "cap" in p for p in problems)
            assert all(e.recoverable for e in events.of(BackendError))
            assert phone.ctrl.decoder.buffered < 1024  # nothing of the oversized frame was kept

            # Still responsive: a command goes out and its answer comes back by token.
            await phone.answer("call-2")
            assert fake.commands[-1] == "accept"
            assert phone.ctrl.connections == 1
        finally:
            await phone.stop()
            await fake.close()

    run(scenario())


def test_hostile_caller_ids_from_the_socket_pass_through_unchanged():
    cases = {
        "sip:" + "9" * 500 + "@h": ("9" * 500, ""),
        "sip:'; DROP TABLE customers; --@h": ("'; DROP TABLE customers; --", "Robert'); DELETE FROM tickets;--"),
        "sip:%E2%98%8E%20%D0%AF@h": ("☎ Я", "名前"),
        "weird <not a uri>": ("weird <not a uri>", ""),
        "": ("", ""),
    }

    async def scenario():
        fake = FakeCtrl()
        phone, events = await connected_phone(fake)
        try:
            for n, (uri, (_, name)) in enumerate(cases.items()):
                fake.send(frame(incoming(f"c{n}", uri, name)))
            for n, (want_id, want_name) in enumerate(cases.values()):
                event = await events.wait(IncomingCall, call_id=f"c{n}")
                assert (event.caller_id, event.display_name) == (want_id, want_name)
        finally:
            await phone.stop()
            await fake.close()

    run(scenario())


def test_a_silent_peer_times_commands_out_and_a_dropped_one_is_reconnected():
    async def scenario():
        fake = FakeCtrl()
        phone, events = await connected_phone(fake, command_timeout=0.3)
        try:
            fake.send(frame(incoming("call-1", "sip:100@h")))
            await events.wait(IncomingCall)
            fake.answer = False
            for command in (phone.answer, phone.hold, phone.hangup):
                with pytest.raises(TelephonyError, match="did not answer '.*' in time"):
                    await command("call-1")
            with pytest.raises(TelephonyError, match="no such call"):
                await phone.answer("not-a-call")
            fake.answer = True
            # Three unanswered commands in a row: the client gives up on that connection and reconnects.
            await events.wait_state("restarting")
            await events.wait_state("running")
            assert phone.ctrl.connections == 2
            # The call it knew of is gone after the reconnect: closed, not forgotten.
            lost = await events.wait(Closed, call_id="call-1")
            assert lost.reason is CloseReason.FAILED

            fake.drop()  # the peer hangs up: reconnected again
            await events.wait_state("restarting")
            await events.wait_state("running")
            assert phone.ctrl.connections == 3
        finally:
            await phone.stop()
            await fake.close()

    run(scenario())


def test_commands_before_connecting_fail_with_a_message():
    async def scenario():
        phone = BaresipSoftphone(connect_to=("127.0.0.1", 9), start_timeout=0.2)
        assert isinstance(phone, Softphone)
        assert phone.capabilities.attended_transfer is False
        events = EventLog(phone)
        await phone.start()  # nothing listens there: no exception, an event instead
        try:
            error = await events.wait(BackendError)
            assert "does not answer yet" in error.message
            with pytest.raises(TelephonyError, match="not connected"):
                await phone.dial("sip:100@127.0.0.1")
        finally:
            await phone.stop()

    run(scenario())


def test_missing_baresip_binary_is_reported_not_raised():
    async def scenario():
        phone = BaresipSoftphone(BaresipSettings(binary="baresip-that-is-not-installed", ctrl_port=9))
        events = EventLog(phone)
        await phone.start()
        state = await events.wait(BackendState, state="unavailable")
        assert "baresip is not installed" in state.detail
        assert "apt-get install baresip-core" in state.detail
        error = await events.wait(BackendError)
        assert error.recoverable is False
        with pytest.raises(TelephonyError):
            await phone.answer("any")
        await phone.stop()

    run(scenario())


def test_bad_settings_are_reported_not_raised():
    async def scenario():
        phone = BaresipSoftphone(BaresipSettings(user="agent\nmodule evil.so", ctrl_port=9))
        events = EventLog(phone)
        await phone.start()
        state = await events.wait(BackendState, state="unavailable")
        assert "'user'" in state.detail
        await phone.stop()

    run(scenario())
