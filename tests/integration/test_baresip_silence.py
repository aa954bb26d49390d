"""Silence on the baresip backend: vumeter.so's level reports (VU_RX_REPORT, twice a second) become
SilenceChanged events. First over a fake control socket with a hand-driven clock, then for real:
a baresip caller plays a WAV of 2 s tone, 3 s silence, 2 s tone, and the agent's backend hears it."""

from __future__ import annotations

import asyncio
import itertools
import math
import struct
import wave
from pathlib import Path

import pytest
from baresip_harness import agent_settings, run, running_phone
from test_baresip_bad_input import FakeCtrl, connected_phone, frame, incoming

from desktop_agent.telephony.baresip.process import write_config_dir
from desktop_agent.telephony.events import Closed, Established, IncomingCall, SilenceChanged

TONE, QUIET = "-16.43", "-84.28"  # dBov, as baresip reports a 440 Hz tone and digital silence


def vu(call_id: str, level: str) -> bytes:
    return frame({"event": True, "type": "VU_RX_REPORT", "class": "VU_REPORT", "id": call_id, "param": level})


def test_level_reports_become_silence_events_and_turn_the_capability_on():
    ticks = itertools.count(0.0, 0.5)  # each level the backend takes reads the clock once

    async def scenario():
        fake = FakeCtrl()
        phone, events = await connected_phone(fake, monotonic=lambda: next(ticks))
        try:
            assert not phone.capabilities.silence_detection  # a baresip run by the user: not known yet
            fake.send(frame(incoming("c1", "sip:+79161234567@h")))
            fake.send(vu("c1", QUIET))  # still ringing: no level counts
            fake.send(frame({"event": True, "type": "CALL_ESTABLISHED", "id": "c1", "direction": "incoming"}))
            fake.send(vu("nobody", QUIET) + vu("c1", "loud") + vu("c1", ""))  # unknown call, garbage: ignored
            for level in (TONE, TONE, QUIET, QUIET, QUIET, TONE):  # at 0, 0.5, ... 2.5 s
                fake.send(vu("c1", level))
            silent = await events.wait(SilenceChanged, call_id="c1", silent=True)
            speaking = await events.wait(SilenceChanged, call_id="c1", silent=False)
            # quiet from between 0.5 and 1.0 (0.75), sure at 2.0; speech back between 2.0 and 2.5
            assert silent.started_ago == pytest.approx(1.25, abs=0.01)
            assert speaking.started_ago == pytest.approx(0.25, abs=0.01)
            assert silent.at <= speaking.at
            assert phone.capabilities.silence_detection
            fake.send(frame({"event": True, "type": "CALL_CLOSED", "id": "c1", "param": "bye"}))
            await events.wait(Closed, call_id="c1")
            fake.send(vu("c1", QUIET) * 4)  # late reports of a closed call change nothing
            await asyncio.sleep(0.1)
            assert len(events.of(SilenceChanged)) == 2
        finally:
            await phone.stop()
            await fake.close()

    run(scenario())


def test_the_generated_config_loads_vumeter_and_can_play_a_file(tmp_path):
    settings = agent_settings("caller", audio_source="aufile,/x/y.wav")
    write_config_dir(settings, tmp_path, module_path=None)
    config = (tmp_path / "config").read_text()
    assert "module\tvumeter.so" in config and "module\taufile.so" in config and "ausine.so" not in config
    assert "audio_source\taufile,/x/y.wav" in config
    plain = agent_settings("agent", detect_silence=False)
    write_config_dir(plain, tmp_path, module_path=None)
    assert "vumeter" not in (tmp_path / "config").read_text()


def tone_gap_tone(path: Path, rate: int = 48000) -> None:
    """2 s of a 440 Hz tone, 3 s of digital silence, 2 s of tone: 48 kHz stereo S16LE, what the
    caller's baresip (ausrc_srate 48000, ausrc_channels 2) takes from aufile."""
    frames = bytearray()
    for seconds, loud in ((2, True), (3, False), (2, True)):
        for i in range(seconds * rate):
            v = int(8000 * math.sin(2 * math.pi * 440 * i / rate)) if loud else 0
            frames += struct.pack("<hh", v, v)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(2)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))


@pytest.mark.sip
@pytest.mark.timeout(60)
def test_a_baresip_caller_goes_quiet_and_the_agent_hears_it(sip_tools, tmp_path):
    wav = tmp_path / "tone-gap-tone.wav"
    tone_gap_tone(wav)

    async def scenario():
        agent_s = agent_settings("agent")
        caller_s = agent_settings("caller", audio_source=f"aufile,{wav}", detect_silence=False)
        async with running_phone(agent_s) as (agent, agent_ev), running_phone(caller_s) as (caller, caller_ev):
            assert agent.capabilities.silence_detection
            call_id = await caller.dial(agent_s.aor)
            await agent_ev.wait(IncomingCall, call_id=call_id)
            await agent.answer(call_id)
            # the caller's file starts playing when its side of the call is up
            started = (await caller_ev.wait(Established, call_id=call_id)).at
            await agent_ev.wait(Established, call_id=call_id)
            silent = await agent_ev.wait(SilenceChanged, timeout=8, call_id=call_id, silent=True)
            speaking = await agent_ev.wait(SilenceChanged, timeout=8, call_id=call_id, silent=False)
            quiet_from = (silent.since - started).total_seconds()
            back_at = (speaking.since - started).total_seconds()
            assert quiet_from == pytest.approx(2.0, abs=0.7), (quiet_from, back_at)
            assert back_at == pytest.approx(5.0, abs=0.7), (quiet_from, back_at)
            assert silent.started_ago >= 1.0  # pauses shorter than a second are not reported
            assert (silent.at - started).total_seconds() == pytest.approx(3.0, abs=0.9)
            assert len([e for e in agent_ev.of(SilenceChanged) if e.silent]) == 1  # one quiet stretch
            await agent.hangup(call_id)
            await agent_ev.wait(Closed, call_id=call_id)
            # only levels ever left baresip: nothing of the call was recorded
            assert not list(agent.process.config_dir.rglob("*.wav"))
            return quiet_from, back_at

    run(scenario(), timeout=50)
