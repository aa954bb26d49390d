"""SimulatorSoftphone on a real asyncio loop, sped up: the operator's calls and queue_log rows."""

from __future__ import annotations

import asyncio
import math
from collections.abc import Callable

import pytest
from test_simulator import check_agents, check_calls

from desktop_agent.core.queue_log import QueueLogRecord
from desktop_agent.store import queue_log
from desktop_agent.telephony.events import (
    AgentStateChanged,
    BackendState,
    Closed,
    CloseReason,
    Dtmf,
    Established,
    Held,
    IncomingCall,
    Muted,
    Resumed,
    SilenceChanged,
    Transferred,
)
from desktop_agent.telephony.protocol import NotSupported, Softphone, TelephonyError
from desktop_agent.telephony.simulator import SimConfig, SimulatorSoftphone

SPEED = 200.0  # a 15 s ring timeout takes 75 ms


def quiet(**overrides) -> SimConfig:
    """No background traffic: only the calls a test offers, and only the operator to take them.
    Rings last 10 simulated minutes unless a test wants ring-outs, so a slow machine cannot ring out."""
    return SimConfig(**{"agents": 0, "calls_per_hour": 0, "operator": "op1", "seed": 5,
                        "operator_ring_timeout": 600, **overrides})


class Harness:
    def __init__(self, config: SimConfig, speed: float = SPEED):
        self.records: list[QueueLogRecord] = []
        self.events: list = []
        self.phone = SimulatorSoftphone(config, speed=speed, records=self.records.extend)
        self.phone.subscribe(self.events.append)

    def calls(self) -> list:
        """The call events, without the agent-state reports and the callers' pauses (their own tests
        are in test_simulator_silence.py)."""
        return [e for e in self.events if not isinstance(e, AgentStateChanged | BackendState | SilenceChanged)]

    def rows(self, *skip: str) -> list[tuple]:
        return [(r.callid, r.agent, r.event, r.data) for r in self.records if r.event not in skip]

    async def until(self, predicate: Callable[[], bool], timeout: float = 3.0) -> None:
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while not predicate():
            if loop.time() > deadline:
                raise AssertionError(f"timed out; events: {self.events[-5:]}")
            await asyncio.sleep(0.002)

    async def event(self, kind: type, n: int = 1):
        await self.until(lambda: sum(isinstance(e, kind) for e in self.events) >= n)
        return [e for e in self.events if isinstance(e, kind)][n - 1]


def test_it_is_a_softphone():
    phone = SimulatorSoftphone(quiet())
    assert isinstance(phone, Softphone)
    assert phone.capabilities.hold and phone.capabilities.blind_transfer and not phone.capabilities.dial


def test_ring_answer_hold_resume_hangup_wrap_up():
    async def scenario():
        h = Harness(quiet())
        await h.phone.start()
        h.phone.log_in()
        callid = h.phone.offer_call("+7 912 345-67-89", "Иван", talk=math.inf)
        ring = await h.event(IncomingCall)
        assert (ring.call_id, ring.caller_id, ring.display_name, ring.queue) == \
            (callid, "+7 912 345-67-89", "Иван", "support")
        await asyncio.sleep(0.02)  # about 4 simulated seconds of ringing
        await h.phone.answer(callid)
        await h.phone.hold(callid)
        await asyncio.sleep(0.01)
        await h.phone.resume(callid)
        await h.phone.mute(callid, True)
        h.phone.caller_dtmf(callid, "12#")
        await asyncio.sleep(0.05)
        await h.phone.hangup(callid)
        assert h.phone.agent_status().state == "wrap_up"
        h.phone.end_wrapup("resolved")
        assert h.phone.agent_status().state == "ready"
        await h.phone.stop()
        return h, callid

    h, callid = asyncio.run(scenario())
    kinds = [type(e) for e in h.calls()]
    assert kinds == [IncomingCall, Established, Held, Resumed, Muted, Dtmf, Dtmf, Dtmf, Closed]
    assert [e.digit for e in h.calls() if isinstance(e, Dtmf)] == ["1", "2", "#"]
    closed = h.calls()[-1]
    assert closed.reason is CloseReason.LOCAL_HANGUP and closed.call_id == callid
    assert all(e.call_id == callid for e in h.calls())
    states = [e.state for e in h.events if isinstance(e, AgentStateChanged)]
    assert states == ["ready", "ringing", "on_call", "wrap_up", "ready"]
    assert h.rows() == [
        ("NONE", "Agent/op1", "ADDMEMBER", ()),
        (callid, "NONE", "ENTERQUEUE", ("", "+7 912 345-67-89", "1")),
        (callid, "Agent/op1", "CONNECT", (h.records[2].d(1), h.records[2].d(2), h.records[2].d(3))),
        (callid, "Agent/op1", "COMPLETEAGENT", (h.records[2].d(1), h.records[3].d(2), "1")),
        ("NONE", "Agent/op1", "WRAPUPSTART", (callid,)),
        ("NONE", "Agent/op1", "WRAPUPEND", (callid, h.records[5].d(2), "resolved")),
    ]
    connect = h.records[2]
    assert connect.d_int(1) >= 3 and connect.d_int(1) == connect.d_int(3)  # rang 20 ms x 200 = 4 s at least
    assert connect.d(2) and connect.d(2) != callid  # the agent leg's own uniqueid
    assert h.records[3].d_int(2) >= 10  # talked through 60 ms x 200 = 12 s
    # event times are simulated time, the same clock as queue_log
    assert h.calls()[0].at == h.records[1].time
    check_calls(h.records)
    check_agents(h.records)


def test_caller_hangs_up_first():
    async def scenario():
        h = Harness(quiet())
        await h.phone.start()
        h.phone.log_in()
        callid = h.phone.offer_call("89123456789", talk=5.0)
        await h.event(IncomingCall)
        await h.phone.answer(callid)
        closed = await h.event(Closed)
        with pytest.raises(TelephonyError):
            await h.phone.hangup(callid)  # already gone
        await h.phone.stop()
        return h, closed

    h, closed = asyncio.run(scenario())
    assert closed.reason is CloseReason.REMOTE_HANGUP
    end = [r for r in h.records if r.event.startswith("COMPLETE")]
    assert [r.event for r in end] == ["COMPLETECALLER"] and end[0].d_int(2) in (4, 5)
    assert h.phone.agent_status().state == "wrap_up"


def test_unanswered_ring_times_out_pauses_operator_and_returns_to_queue():
    async def scenario():
        h = Harness(quiet(operator_ring_timeout=15, ring_retry=5))
        await h.phone.start()
        h.phone.log_in()
        callid = h.phone.offer_call("sip:+79123456789@192.0.2.1", talk=math.inf, patience=math.inf)
        await h.event(IncomingCall)
        closed = await h.event(Closed)
        status = h.phone.agent_status()
        await asyncio.sleep(0.1)  # 20 simulated seconds: paused, so the call is not offered again
        assert sum(isinstance(e, IncomingCall) for e in h.events) == 1
        h.phone.unpause()
        again = await h.event(IncomingCall, 2)
        await h.phone.answer(callid)
        await h.phone.blind_transfer(callid, "2002")
        await h.event(Closed, 2)
        await h.phone.stop()
        return h, callid, closed, status, again

    h, callid, closed, status, again = asyncio.run(scenario())
    assert closed.reason is CloseReason.NO_ANSWER and closed.call_id == callid
    assert (status.state, status.reason) == ("not_ready", "Auto-Pause")
    assert again.call_id == callid
    events = [r.event for r in h.records]
    assert events == ["ADDMEMBER", "ENTERQUEUE", "RINGNOANSWER", "PAUSE", "UNPAUSE", "CONNECT",
                      "BLINDTRANSFER", "WRAPUPSTART"]
    ring = h.records[2]
    assert ring.agent == "Agent/op1" and 14_900 <= ring.d_int(1) <= 15_500
    assert h.records[3].d(1) == "Auto-Pause"
    transfer = h.records[6]
    assert (transfer.d(1), transfer.d(2)) == ("2002", "from-queue") and transfer.d_int(5) == 1
    assert h.records[5].d_int(1) >= 30  # waited through the ring-out and the pause
    kinds = [type(e) for e in h.calls()]
    assert kinds == [IncomingCall, Closed, IncomingCall, Established, Transferred, Closed]
    assert h.calls()[-1].reason is CloseReason.TRANSFERRED
    check_calls(h.records)


def test_rejected_call_rings_again_after_the_retry_and_caller_can_give_up():
    async def scenario():
        h = Harness(quiet(ring_retry=5))
        await h.phone.start()
        h.phone.log_in()
        callid = h.phone.offer_call("anonymous", talk=math.inf, patience=math.inf)
        await h.event(IncomingCall)
        await h.phone.reject(callid)
        await h.event(IncomingCall, 2)  # 5 simulated seconds later, the operator still Ready
        h.phone.caller_hangup(callid)
        await h.event(Closed, 2)
        await h.phone.stop()
        return h

    h = asyncio.run(scenario())
    closes = [e.reason for e in h.calls() if isinstance(e, Closed)]
    assert closes == [CloseReason.REJECTED, CloseReason.CANCELLED]
    assert [r.event for r in h.records] == ["ADDMEMBER", "ENTERQUEUE", "RINGNOANSWER", "RINGCANCELED", "ABANDON"]
    abandon = h.records[-1]
    assert (abandon.d_int(1), abandon.d_int(2)) == (1, 1) and abandon.d_int(3) >= 5
    assert h.phone.agent_status().state == "ready"


def test_a_ringing_caller_keeps_its_place_in_the_queue():
    async def scenario():
        h = Harness(quiet())
        await h.phone.start()
        h.phone.log_in()
        first = h.phone.offer_call("+79120000001", talk=math.inf, patience=math.inf)
        await h.event(IncomingCall)
        second = h.phone.offer_call("+79120000002", talk=math.inf, patience=math.inf)
        third = h.phone.offer_call("+79120000003", talk=math.inf, patience=math.inf)
        h.phone.caller_hangup(second)  # behind the ringing call: position 2 of 3
        await h.phone.answer(first)
        h.phone.caller_hangup(third)  # the first has left the queue: position 1
        await h.phone.stop()
        return h, first, second, third

    h, first, second, third = asyncio.run(scenario())
    enters = {r.callid: r.d_int(3) for r in h.records if r.event == "ENTERQUEUE"}
    assert enters == {first: 1, second: 2, third: 3}
    abandons = {r.callid: (r.d_int(1), r.d_int(2)) for r in h.records if r.event == "ABANDON"}
    assert abandons == {second: (2, 2), third: (1, 3)}


def test_not_ready_operator_gets_no_calls_and_pause_during_call_waits():
    async def scenario():
        h = Harness(quiet())
        await h.phone.start()
        h.phone.log_in(paused_reason="training")
        callid = h.phone.offer_call("+79123456789", talk=math.inf, patience=math.inf)
        await asyncio.sleep(0.05)
        assert not any(isinstance(e, IncomingCall) for e in h.events)
        h.phone.unpause()
        await h.event(IncomingCall)
        await h.phone.answer(callid)
        h.phone.pause("lunch")  # while talking: applies after wrap-up
        assert h.phone.agent_status().pending == "lunch"
        await h.phone.hangup(callid)
        h.phone.end_wrapup("info")
        await h.phone.stop()
        return h

    h = asyncio.run(scenario())
    assert [r.event for r in h.records] == ["ADDMEMBER", "PAUSE", "ENTERQUEUE", "UNPAUSE", "CONNECT",
                                            "COMPLETEAGENT", "WRAPUPSTART", "WRAPUPEND", "PAUSE"]
    assert h.records[-1].d(1) == "lunch" and h.phone.agent_status().state == "not_ready"


def test_commands_in_the_wrong_state_fail_with_one_line():
    async def scenario():
        h = Harness(quiet())
        with pytest.raises(TelephonyError, match="not running"):
            h.phone.log_in()
        await h.phone.start()
        h.phone.log_in()
        with pytest.raises(TelephonyError, match="no such call"):
            await h.phone.answer("nope")
        callid = h.phone.offer_call("+79123456789", talk=math.inf)
        await h.event(IncomingCall)
        for bad in (h.phone.hold(callid), h.phone.hangup("x"), h.phone.send_dtmf(callid, "1")):
            with pytest.raises(TelephonyError):
                await bad
        await h.phone.answer(callid)
        with pytest.raises(TelephonyError, match="DTMF"):
            await h.phone.send_dtmf(callid, "12x")
        await h.phone.send_dtmf(callid, "123#")
        with pytest.raises(TelephonyError, match="not on hold"):
            await h.phone.resume(callid)
        with pytest.raises(TelephonyError, match="target"):
            await h.phone.blind_transfer(callid, "  ")
        with pytest.raises(NotSupported):
            await h.phone.dial("+79123456789")
        with pytest.raises(TelephonyError, match="finish the call"):
            h.phone.log_out()
        with pytest.raises(TelephonyError, match="reason"):
            h.phone.pause("")
        with pytest.raises(TelephonyError, match="no such queue"):
            h.phone.offer_call("1", queue="nowhere")
        await h.phone.stop()
        return h

    h = asyncio.run(scenario())
    assert [r.event for r in h.records] == ["ADDMEMBER", "ENTERQUEUE", "CONNECT"]  # errors wrote nothing


ODD_CALLER_IDS = [
    "Иван Петров <sip:+79123456789@пример.рф>",
    "x" * 500,
    "'; DROP TABLE queue_log; --",
    "1|2\nNONE|support",
]


def test_odd_caller_ids_pass_through_untouched_and_rows_store(db):
    async def scenario():
        h = Harness(quiet())
        await h.phone.start()
        h.phone.log_in()
        for raw in ODD_CALLER_IDS:
            callid = h.phone.offer_call(raw, raw[::-1][:50], talk=math.inf)
            await h.until(lambda c=callid: any(isinstance(e, IncomingCall) and e.call_id == c for e in h.events))
            await h.phone.answer(callid)
            await h.phone.hangup(callid)
            h.phone.end_wrapup("resolved")
        await h.phone.stop()
        return h

    h = asyncio.run(scenario())
    rings = [e for e in h.events if isinstance(e, IncomingCall)]
    assert [e.caller_id for e in rings] == ODD_CALLER_IDS  # the event carries the string as it came
    assert [e.display_name for e in rings] == [raw[::-1][:50] for raw in ODD_CALLER_IDS]
    enters = [r for r in h.records if r.event == "ENTERQUEUE"]
    # queue_log keeps Asterisk's 100-character field; a pipe or newline would break the text form
    assert [r.d(2) for r in enters] == [raw.replace("|", "/").replace("\n", " ")[:100] for raw in ODD_CALLER_IDS]
    assert queue_log.append(db.engine, h.records) == len(h.records)
    stored = queue_log.read_after(db.engine, 0)
    assert [(r.callid, r.event, r.data, r.time) for r in stored] == \
        [(r.callid, r.event, r.data, r.time) for r in h.records]
    check_calls(stored)


def test_background_traffic_keeps_running_and_rows_stay_consistent():
    async def scenario():
        config = SimConfig(agents=4, calls_per_hour=240, aht=60, patience=60, wrapup=10, ring=2,
                           operator="op1", seed=11, operator_wrapup_limit=20, operator_ring_timeout=120,
                           operator_autopause=None)
        h = Harness(config, speed=2000)
        answered: list[str] = []

        async def answer(call_id: str) -> None:
            try:
                await h.phone.answer(call_id)
                answered.append(call_id)
            except TelephonyError:
                pass  # the caller gave up first

        def auto_answer(event):
            if isinstance(event, IncomingCall):
                asyncio.ensure_future(answer(event.call_id))

        h.phone.subscribe(auto_answer)
        await h.phone.start()
        h.phone.log_in()
        await asyncio.sleep(0.5)  # some 15 simulated minutes
        h.phone.set_speed(4000)
        await asyncio.sleep(0.25)
        await h.phone.stop()
        return h, answered

    h, answered = asyncio.run(scenario())
    ended = {r.callid for r in h.records if r.event in ("COMPLETEAGENT", "COMPLETECALLER", "ABANDON")}
    assert len(ended) > 20 and answered
    check_calls([r for r in h.records if r.callid in ended or r.callid == "NONE"])
    assert {r.agent for r in h.records if r.event == "CONNECT"} >= {"Agent/op1", "Agent/sim01"}
    # the operator's wrap-up ended by itself at the limit
    assert any(r.event == "WRAPUPEND" and r.agent == "Agent/op1" and r.d(3) == "" for r in h.records)
