"""Simulated callers talk in bursts with pauses, and some go quiet for long: the pauses a detector
would notice arrive as SilenceChanged at the plan's simulated times, the same for the same seed."""

from __future__ import annotations

import asyncio
import itertools
import math
import random
from datetime import UTC, datetime

import pytest

from desktop_agent.telephony.events import Closed, Established, IncomingCall, SilenceChanged
from desktop_agent.telephony.protocol import TelephonyError
from desktop_agent.telephony.simulator import SimConfig, SimulatorSoftphone
from desktop_agent.telephony.simulator.voice import (
    SHORT_PAUSE_S,
    THINKING_PAUSE_S,
    caller_pauses,
    changes,
    voice_rng,
)
from desktop_agent.telephony.voice_activity import MIN_SILENCE_S

SPEED = 200.0
START = datetime(2024, 3, 4, 10, 0, tzinfo=UTC)  # fixed, so call ids (and their voices) repeat


def config(**overrides) -> SimConfig:
    return SimConfig(**{"agents": 0, "calls_per_hour": 0, "operator": "op1", "seed": 11, "start": START,
                        "operator_ring_timeout": 600, **overrides})


async def until(predicate, timeout: float = 5.0) -> None:
    deadline = asyncio.get_running_loop().time() + timeout
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("timed out")
        await asyncio.sleep(0.002)


def offsets(events: list, call_id: str) -> tuple[float, list[tuple[bool, float, float]]]:
    """(answered at, [(silent, since, at) in seconds after the answer]) from a call's events."""
    answered = next(e.at for e in events if isinstance(e, Established) and e.call_id == call_id)
    return answered.timestamp(), [(e.silent, round((e.since - answered).total_seconds(), 3),
                                   round((e.at - answered).total_seconds(), 3))
                                  for e in events if isinstance(e, SilenceChanged) and e.call_id == call_id]


async def one_call(cfg: SimConfig, sim_seconds: float, **offer) -> tuple[list, str]:
    """The operator answers one offered call and listens for `sim_seconds` of simulated time."""
    phone = SimulatorSoftphone(cfg, speed=SPEED)
    events: list = []
    phone.subscribe(events.append)
    await phone.start()
    try:
        phone.log_in()
        call_id = phone.offer_call("+79161234567", talk=offer.pop("talk", math.inf), patience=math.inf, **offer)
        await until(lambda: any(isinstance(e, IncomingCall) for e in events))
        await phone.answer(call_id)
        await asyncio.sleep(sim_seconds / SPEED)
        return events, call_id
    finally:
        await phone.stop()


def test_pauses_are_bursts_with_now_and_then_a_long_silence():
    long_ones = 0
    for n in range(400):
        pauses = list(itertools.islice(caller_pauses(random.Random(n), long_share=0.25, long_seconds=(16, 45)), 60))
        assert all(b1 < a2 for (_a1, b1), (a2, _b2) in itertools.pairwise(pauses))  # sorted, never overlapping
        lengths = [b - a for a, b in pauses]
        longest = max(lengths)
        if longest >= 16:
            long_ones += 1
            assert sum(1 for x in lengths if x >= 16) == 1  # one long silence per caller at most
        else:
            assert longest <= THINKING_PAUSE_S[1]
        assert min(lengths) >= SHORT_PAUSE_S[0]
        assert sum(1 for x in lengths if x < MIN_SILENCE_S) > 20  # mostly short: between phrases
    assert 0.18 <= long_ones / 400 <= 0.32


def test_only_pauses_a_detector_would_notice_become_changes():
    pauses = [(2.0, 2.5), (5.0, 6.5), (10.0, math.inf)]
    got = [(c.silent, c.since, c.at) for c in changes(pauses, answered=100.0, call_id="c")]
    assert got == [(True, 105.0, 106.0), (False, 106.5, 106.5), (True, 110.0, 111.0)]


def test_a_seed_gives_the_same_silences_and_the_softphone_reports_them_at_the_plans_times():
    cfg = config(long_silence_share=1.0)  # every caller goes quiet once in the first two minutes
    first, call_id = asyncio.run(one_call(cfg, 150))
    second, call_id_again = asyncio.run(one_call(cfg, 150))
    assert call_id == call_id_again
    _answered, heard = offsets(first, call_id)
    assert heard == offsets(second, call_id)[1]  # deterministic
    assert heard and [s for s, _since, _at in heard][:2] == [True, False]
    assert [s for s, _, _ in heard] == [i % 2 == 0 for i in range(len(heard))]  # alternating
    long_silences = [(b[1] - a[1]) for a, b in itertools.pairwise(heard) if a[0] and not b[0]]
    assert max(long_silences) >= 16  # the long one is there
    # exactly what the plan says (datetimes keep microseconds: compared to the millisecond)
    plan = changes(caller_pauses(voice_rng(11, call_id), long_share=1.0, long_seconds=(16.0, 45.0)),
                   answered=0.0, call_id=call_id)
    expected = [(c.silent, round(c.since, 3), round(c.at, 3)) for c in itertools.takewhile(lambda c: c.at <= 149,
                                                                                             plan)]
    assert heard[:len(expected)] == expected


def test_a_scripted_caller_goes_quiet_and_the_line_closes_after():
    async def scenario():
        return await one_call(config(), 30, talk=20, pauses=[(2, 5), (8, math.inf)])

    events, call_id = asyncio.run(scenario())
    _answered, heard = offsets(events, call_id)
    assert heard == [(True, 2.0, 3.0), (False, 5.0, 5.0), (True, 8.0, 9.0)]  # and nothing after the end
    kinds = [type(e) for e in events if isinstance(e, SilenceChanged | Closed) and e.call_id == call_id]
    assert kinds[-1] is Closed and kinds.index(Closed) > max(i for i, k in enumerate(kinds) if k is SilenceChanged)


def test_voices_can_be_switched_off_and_bad_pauses_are_refused():
    phone = SimulatorSoftphone(config())
    assert phone.capabilities.silence_detection
    quiet_phone = SimulatorSoftphone(config(caller_voice=False))
    assert not quiet_phone.capabilities.silence_detection

    events, call_id = asyncio.run(one_call(config(caller_voice=False, long_silence_share=1.0), 150))
    assert not [e for e in events if isinstance(e, SilenceChanged)]

    async def bad():
        await phone.start()
        try:
            for pauses in ([(5, 2)], [(-1, 3)], [(1, 4), (3, 6)], [(math.nan, 2)]):
                with pytest.raises(TelephonyError):
                    phone.offer_call("+79161234567", pauses=pauses)
        finally:
            await phone.stop()

    asyncio.run(bad())
    with pytest.raises(ValueError):
        SimConfig(long_silence_share=1.5).validate()
    with pytest.raises(ValueError):
        SimConfig(long_silence_seconds=(30, 10)).validate()


def test_a_scripted_caller_keeps_their_pauses_when_the_first_ring_is_rejected():
    # A rejected call goes back to the queue: when it is answered on its next ring the caller
    # still goes quiet where the script says.
    async def scenario():
        phone = SimulatorSoftphone(config(ring_retry=5), speed=SPEED)
        events: list = []
        phone.subscribe(events.append)
        await phone.start()
        try:
            phone.log_in()
            call_id = phone.offer_call("+79161234567", talk=20, patience=math.inf, pauses=[(2, 5)])
            await until(lambda: any(isinstance(e, IncomingCall) for e in events))
            await phone.reject(call_id)
            await until(lambda: any(isinstance(e, Closed) for e in events))
            phone.unpause()
            await until(lambda: sum(isinstance(e, IncomingCall) for e in events) == 2)
            await phone.answer(call_id)
            await asyncio.sleep(10 / SPEED)
            return events, call_id
        finally:
            await phone.stop()

    events, call_id = asyncio.run(scenario())
    _answered, heard = offsets(events, call_id)
    assert heard == [(True, 2.0, 3.0), (False, 5.0, 5.0)]
