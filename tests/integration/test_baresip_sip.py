"""Real SIP calls: sipp and other baresip instances call the agent's baresip, directly and through kamailio."""

from __future__ import annotations

import os
import signal
import socket

import keyring
import pytest
from baresip_harness import SCENARIOS, EventLog, agent_settings, run, running_phone, wait_exit

from desktop_agent.telephony.baresip.backend import BaresipSoftphone
from desktop_agent.telephony.baresip.process import SIP_KEYRING_SERVICE
from desktop_agent.telephony.baresip.sip_testing import sipp_command
from desktop_agent.telephony.events import (
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
    Transferred,
)
from desktop_agent.telephony.protocol import NotSupported
from desktop_agent.testing import free_port

pytestmark = [pytest.mark.sip, pytest.mark.timeout(90)]


def caller_cmd(scenario: str, target: str, caller: str, display: str = "", timeout_s: int = 20) -> list[str]:
    return sipp_command(SCENARIOS / scenario, target, local_port=free_port(), media_port=free_port(),
                        keys={"caller": caller, "display": display}, timeout_s=timeout_s)


async def answer_and_hang_up(phone, events: EventLog, incoming: IncomingCall) -> None:
    await phone.answer(incoming.call_id)
    await events.wait(Established, call_id=incoming.call_id)
    await phone.hangup(incoming.call_id)
    closed = await events.wait(Closed, call_id=incoming.call_id)
    assert closed.reason is CloseReason.LOCAL_HANGUP


def test_sipp_calls_the_agent_directly(sip_tools, sipp):
    async def scenario():
        settings = agent_settings()
        async with running_phone(settings) as (phone, events):
            proc = sipp(caller_cmd("uac_agent_hangs_up.xml", f"127.0.0.1:{settings.sip_port}",
                                   "+79161234567", "Иван Петров"))
            incoming = await events.wait(IncomingCall)
            assert incoming.caller_id == "+79161234567"
            assert incoming.display_name == "Иван Петров"
            await answer_and_hang_up(phone, events, incoming)
            assert await wait_exit(proc, 10) == 0
            pid, config_dir = phone.process.pid, phone.process.config_dir
        # Stopped: no process left, and the private config directory is gone.
        with pytest.raises(ProcessLookupError):
            os.kill(pid, 0)
        assert not config_dir.exists()

    run(scenario())


def test_hostile_caller_ids_pass_through_as_plain_text(sip_tools, sipp):
    """Unicode, 500 characters and SQL text reach the IncomingCall event unchanged; the agent rejects."""
    long_number = ("79161234567" * 50)[:500]
    sql = "x'); DROP TABLE customers; --"
    cases = [  # (user part in From, display name) -> (expected caller_id, expected display name)
        (long_number, "", long_number, ""),
        ("%D0%98%D0%B2%D0%B0%D0%BD", "Иван «VIP» 😀", "Иван", "Иван «VIP» 😀"),
        ("84951234567", sql, "84951234567", sql),
        ("anonymous", "Anonymous", "anonymous", "Anonymous"),
    ]

    async def scenario():
        settings = agent_settings()
        async with running_phone(settings) as (phone, events):
            for user, display, want_id, want_name in cases:
                proc = sipp(caller_cmd("uac_rejected.xml", f"127.0.0.1:{settings.sip_port}", user, display))
                incoming = await events.wait(IncomingCall)
                assert (incoming.caller_id, incoming.display_name) == (want_id, want_name)
                await phone.reject(incoming.call_id)
                closed = await events.wait(Closed, call_id=incoming.call_id)
                assert closed.reason is CloseReason.REJECTED
                assert await wait_exit(proc, 10) == 0

    run(scenario())


def test_sipp_calls_through_kamailio_with_the_agent_registered(sip_tools, sipp, kamailio):
    keyring.set_password(SIP_KEYRING_SERVICE, "agent@kamailio-test", kamailio.password)

    async def scenario():
        settings = agent_settings(domain=kamailio.address, register=True, regint=60, auth_user="agent",
                                  password_account="agent@kamailio-test")
        async with running_phone(settings) as (phone, events):
            registered = await events.wait(Registration, state=RegistrationState.REGISTERED)
            assert registered.account == f"sip:agent@{kamailio.address}"
            # The password reached baresip over ctrl_tcp only: the generated files never hold it.
            config_dir = phone.process.config_dir
            for name in ("config", "accounts"):
                assert kamailio.password not in (config_dir / name).read_text()
            proc = sipp(caller_cmd("uac_agent_hangs_up.xml", kamailio.address, "+74951112233", "Через прокси"))
            incoming = await events.wait(IncomingCall)
            assert incoming.caller_id == "+74951112233"
            assert incoming.display_name == "Через прокси"
            await answer_and_hang_up(phone, events, incoming)
            assert await wait_exit(proc, 10) == 0

    try:
        run(scenario())
    finally:
        keyring.delete_password(SIP_KEYRING_SERVICE, "agent@kamailio-test")


def test_wrong_password_is_a_failed_registration_not_a_crash(sip_tools, kamailio):
    async def scenario():
        settings = agent_settings(domain=kamailio.address, register=True, regint=60, auth_user="agent",
                                  password_account="agent@kamailio-test")
        async with running_phone(settings, password_source=lambda account: "not-the-password") as (_, events):
            failed = await events.wait(Registration, state=RegistrationState.FAILED)
            assert failed.account == f"sip:agent@{kamailio.address}"
            assert all(r.state is not RegistrationState.REGISTERED for r in events.of(Registration))

    run(scenario())


def test_baresip_caller_hold_resume_dtmf_mute_and_blind_transfer(sip_tools):
    async def scenario():
        agent_s, caller_s, third_s = agent_settings("agent"), agent_settings("caller"), agent_settings("third")
        async with (running_phone(agent_s) as (agent, agent_ev), running_phone(caller_s) as (caller, caller_ev),
                    running_phone(third_s) as (third, third_ev)):
            out_id = await caller.dial(agent_s.aor)
            incoming = await agent_ev.wait(IncomingCall)
            assert incoming.call_id == out_id  # both ends name the call by its SIP Call-ID
            assert incoming.caller_id == "caller"
            await agent.answer(incoming.call_id)
            await agent_ev.wait(Established, call_id=out_id)
            await caller_ev.wait(Established, call_id=out_id)

            await agent.hold(out_id)
            await agent_ev.wait(Held, call_id=out_id)
            assert "(on hold)" in (await agent.ctrl.command("listcalls")).data
            await agent.resume(out_id)
            await agent_ev.wait(Resumed, call_id=out_id)
            assert "(on hold)" not in (await agent.ctrl.command("listcalls")).data

            await caller.send_dtmf(out_id, "12#")
            digits = [(await agent_ev.wait(Dtmf, call_id=out_id)).digit for _ in range(3)]
            assert digits == ["1", "2", "#"]
            await agent.send_dtmf(out_id, "5")
            assert (await caller_ev.wait(Dtmf, call_id=out_id)).digit == "5"

            await agent.mute(out_id, True)
            assert (await agent_ev.wait(Muted, call_id=out_id)).muted is True
            await agent.mute(out_id, True)  # already muted: stays muted (baresip's mute only toggles)
            assert (await agent_ev.wait(Muted, call_id=out_id)).muted is True
            await agent.mute(out_id, False)
            assert (await agent_ev.wait(Muted, call_id=out_id)).muted is False

            with pytest.raises(NotSupported):
                await agent.attended_transfer(out_id, third_s.aor)

            await agent.blind_transfer(out_id, third_s.aor)
            referred = await third_ev.wait(IncomingCall)
            assert referred.caller_id == "caller"
            await third.answer(referred.call_id)
            transferred = await agent_ev.wait(Transferred, call_id=out_id)
            assert (transferred.ok, transferred.target) == (True, third_s.aor)
            assert (await agent_ev.wait(Closed, call_id=out_id)).reason is CloseReason.TRANSFERRED
            await caller_ev.wait(Established, call_id=referred.call_id)

            await third.hangup(referred.call_id)
            closed = await caller_ev.wait(Closed, call_id=referred.call_id)
            assert closed.reason is CloseReason.REMOTE_HANGUP

    run(scenario(), timeout=60)


def test_failed_blind_transfer_is_reported_and_the_call_still_closed(sip_tools):
    async def scenario():
        agent_s, caller_s, third_s = agent_settings("agent"), agent_settings("caller"), agent_settings("third")
        async with (running_phone(agent_s) as (agent, agent_ev), running_phone(caller_s) as (caller, _),
                    running_phone(third_s) as (third, third_ev)):
            call_id = await caller.dial(agent_s.aor)
            await agent_ev.wait(IncomingCall, call_id=call_id)
            await agent.answer(call_id)
            await agent_ev.wait(Established, call_id=call_id)
            await agent.blind_transfer(call_id, third_s.aor)
            referred = await third_ev.wait(IncomingCall)
            await third.reject(referred.call_id)
            failed = await agent_ev.wait(Transferred, call_id=call_id)
            assert (failed.ok, failed.target, failed.reason) == (False, third_s.aor, "486 Rejected")
            # baresip 1.0 drops the call without a CALL_CLOSED event here; the backend notices.
            closed = await agent_ev.wait(Closed, call_id=call_id)
            assert closed.reason is CloseReason.FAILED and "transfer failed" in closed.detail

    run(scenario())


def test_a_sip_port_in_use_ends_in_unavailable_with_the_reason(sip_tools):
    async def scenario():
        settings = agent_settings()
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
            taken.bind(("127.0.0.1", settings.sip_port))
            phone = BaresipSoftphone(settings, process_options={"restart_delays": (0.05,), "give_up_after": 3})
            events = EventLog(phone)
            await phone.start()
            try:
                await events.wait_state("restarting")
                state = await events.wait_state("unavailable", timeout=15)
                assert "Address already in use" in state.detail
                assert "gave up after 3 quick restarts" in state.detail
                assert phone.process.pid is None
            finally:
                await phone.stop()

    run(scenario())


def test_killed_baresip_is_restarted_and_the_lost_call_is_closed(sip_tools, sipp):
    async def scenario():
        settings = agent_settings()
        async with running_phone(settings, process_options={"restart_delays": (0.1,)}) as (phone, events):
            target = f"127.0.0.1:{settings.sip_port}"
            sipp(caller_cmd("uac_agent_hangs_up.xml", target, "+79160000001", timeout_s=15))
            first = await events.wait(IncomingCall)
            await phone.answer(first.call_id)
            await events.wait(Established, call_id=first.call_id)
            old_pid = phone.process.pid

            os.kill(old_pid, signal.SIGKILL)
            await events.wait_state("restarting")
            await events.wait_state("running", timeout=15)
            assert phone.process.pid not in (None, old_pid)
            # The call record is not lost: the call that died with baresip is closed, as failed.
            lost = await events.wait(Closed, call_id=first.call_id)
            assert lost.reason is CloseReason.FAILED

            proc = sipp(caller_cmd("uac_rejected.xml", target, "+79160000002"))
            second = await events.wait(IncomingCall)
            assert second.caller_id == "+79160000002"
            await phone.reject(second.call_id)
            assert await wait_exit(proc, 10) == 0

    run(scenario())
