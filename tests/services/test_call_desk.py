"""The call desk without Qt: calls driven through services.CallDesk over the real store and the
built-in simulator, on a plain asyncio loop. No PySide6 is imported by anything here."""

from __future__ import annotations

import asyncio
import math
import sys

import pytest
from sqlalchemy import func, select

from desktop_agent.composition import build_services
from desktop_agent.core.call_session import CallState, Refusal, WrapupPolicy
from desktop_agent.core.dto import PhoneDTO
from desktop_agent.core.ports import TicketDraft
from desktop_agent.services import events as ev
from desktop_agent.services.call_desk import CallDesk
from desktop_agent.services.call_record import TicketWork
from desktop_agent.services.workers import SerialWorker
from desktop_agent.store.customers import NewCustomer, create_customer
from desktop_agent.store.defaults import load_defaults
from desktop_agent.store.models import Interaction, QueueLog, Ticket
from desktop_agent.telephony.simulator import SimConfig
from desktop_agent.telephony.simulator.softphone import SimulatorSoftphone

FIRST, SECOND = "+79161234567", "+79035550011"


@pytest.fixture
def centre(db):
    load_defaults(db)
    first = create_customer(db, NewCustomer(full_name="Пётр Смирнов", phones=(PhoneDTO(FIRST),)))
    second = create_customer(db, NewCustomer(full_name="Анна Кузнецова", phones=(PhoneDTO(SECOND),)))
    return build_services(db, login="op.desk"), first, second


class Harness:
    """A desk on the running loop, with everything it reported."""

    def __init__(self, services) -> None:
        loop = asyncio.get_running_loop()
        self.services = services
        self.db = SerialWorker("db", loop.call_soon_threadsafe)
        self.lookups = SerialWorker("lookup", loop.call_soon_threadsafe)
        config = SimConfig(agents=0, calls_per_hour=0, queues=("support",), operator=services.agent.login,
                           operator_wrapup_limit=None, operator_autopause=None, caller_voice=False)
        self.phone = SimulatorSoftphone(config, records=lambda rows: self.db.submit(services.write_queue_log,
                                                                                     list(rows)))
        self.desk = CallDesk(softphone=self.phone, interactions=services.interactions,
                             screen_pops=services.screen_pops, queue_log=services.write_queue_log,
                             agent=services.agent, db=self.db, lookups=self.lookups, post=loop.call_soon_threadsafe,
                             policy=WrapupPolicy(limit_seconds=0), tickets=services.tickets,
                             checklists=services.checklists)
        self.events: list = []
        self.desk.subscribe(self.events.append)

    async def __aenter__(self) -> Harness:
        await self.start()
        return self

    async def __aexit__(self, *_exc: object) -> None:
        await self.stop()

    async def start(self) -> None:
        self.desk.listen()
        await self.phone.start()
        self.desk.start(ready=True)

    async def stop(self) -> None:
        self.desk.stop()
        await self.phone.stop()
        self.db.flush()
        await asyncio.sleep(0.05)
        self.db.shutdown()
        self.lookups.shutdown()

    async def until(self, condition, what: str, timeout: float = 10.0) -> None:
        deadline = asyncio.get_running_loop().time() + timeout
        while not condition():
            if asyncio.get_running_loop().time() > deadline:
                raise AssertionError(f"timed out waiting for {what}")
            await asyncio.sleep(0.01)

    def state(self):
        return self.desk.current.session.state if self.desk.current else None

    async def ring(self, number: str) -> str:
        call_id = self.phone.offer_call(number, talk=math.inf, patience=None)
        await self.until(lambda: self.desk.current is not None and self.desk.current.call_id == call_id
                         and self.desk.current.pop is not None, "the ring and its screen-pop")
        return call_id

    async def answer(self) -> None:
        assert self.desk.answer()
        await self.until(lambda: self.state() is CallState.TALKING and self.desk.current.interaction_id,
                         "talking, with the call's row")

    async def hang_up(self, disposition: str = "info_provided") -> None:
        assert self.desk.hangup()
        await self.until(lambda: self.state() is CallState.WRAPUP, "wrap-up")
        assert self.desk.set_disposition(disposition)

    async def ready(self, call_id: str) -> None:
        op = self.desk.go_ready()
        assert op, op
        await self.until(lambda: self.desk.current is None or self.desk.current.call_id != call_id, "Ready")


def test_importing_services_loads_no_qt():
    import subprocess

    code = ("import sys, desktop_agent.services, desktop_agent.services.headless, desktop_agent.commands.desk\n"
            "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'qasync', 'pyqtgraph')]\n"
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout + done.stderr


def test_two_calls_in_a_row_each_record_starts_clean(centre, db):
    services, first, second = centre

    async def scenario():
        async with Harness(services) as h:
            call_a = await h.ring(FIRST)
            record_a = h.desk.current
            assert record_a.customer.id == first.id
            await h.answer()
            saved = []
            assert h.desk.create_ticket(call_a, TicketDraft(subject="Двойное списание", customer_id=first.id),
                                        on_saved=saved.append)
            await h.until(lambda: saved, "the ticket")
            await h.hang_up()
            await h.ready(call_a)

            call_b = await h.ring(SECOND)
            record_b = h.desk.current
            assert record_b is not record_a and record_b.call_id == call_b
            assert record_b.customer.id == second.id and record_b.ticket is None and record_b.checklist_run is None
            assert h.desk.record(call_a) is None  # the first call's record is gone with its call
            await h.answer()
            await h.hang_up()
            await h.ready(call_b)
            return saved[0], call_a, call_b

    ticket, call_a, call_b = asyncio.run(scenario())
    with db.session() as s:
        rows = {r.callid: r for r in s.scalars(select(Interaction).where(Interaction.callid.in_([call_a, call_b])))}
        assert rows[call_a].ticket_id == ticket.id and rows[call_a].customer_id == first.id
        assert rows[call_b].ticket_id is None and rows[call_b].customer_id == second.id
        assert all(r.disposition_code == "info_provided" and r.ended_at and r.answered_at for r in rows.values())
        assert s.scalar(select(func.count()).select_from(Ticket).where(Ticket.customer_id == second.id)) == 0
        events = [e for (e,) in s.execute(select(QueueLog.event).where(QueueLog.callid == call_a))]
        assert "CONNECT" in events and "COMPLETEAGENT" in events


def test_ready_with_unsaved_ticket_work_asks_then_keeps_it_with_its_call(centre, db):
    services, first, _second = centre

    async def scenario():
        async with Harness(services) as h:
            call_a = await h.ring(FIRST)
            await h.answer()
            values = {"subject": "Перезвонить", "customer_id": first.id}
            assert h.desk.set_ticket_work(call_a, TicketWork(values=values, base={}))
            await h.hang_up()
            op = h.desk.go_ready()
            assert not op and op.refusal is Refusal.UNSAVED_TICKET
            assert any(isinstance(e, ev.TicketDecisionNeeded) and e.call_id == call_a for e in h.events)
            assert h.state() is CallState.WRAPUP  # nothing moved
            assert h.desk.keep_ticket_draft(call_a)
            await h.ready(call_a)
            kept = h.desk.kept[call_a]
            assert kept.work.subject == "Перезвонить" and kept.customer.id == first.id
            assert h.desk.interaction_id(call_a) is not None  # saved later, it still links to its own call

            call_b = await h.ring(SECOND)
            assert h.desk.current.ticket is None and call_a in h.desk.kept and call_b not in h.desk.kept

    asyncio.run(scenario())


def test_an_automatic_ready_keeps_unsaved_work_as_a_draft(centre):
    services, first, _second = centre

    async def scenario():
        async with Harness(services) as h:
            h.desk.set_policy(WrapupPolicy(limit_seconds=1, auto_ready=True, fallback_disposition="info_provided"))
            call_a = await h.ring(FIRST)
            await h.answer()
            h.desk.set_ticket_work(call_a, TicketWork(values={"subject": "Черновик"}, base={}))
            assert h.desk.hangup()
            await h.until(lambda: h.state() is CallState.WRAPUP, "wrap-up")
            ticker = asyncio.create_task(_tick(h.desk))
            await h.until(lambda: h.desk.current is None, "the automatic Ready", timeout=15)
            ticker.cancel()
            assert h.desk.kept[call_a].work.subject == "Черновик"
            assert any(isinstance(e, ev.Noticed) and e.notice.code is ev.NoticeCode.DRAFT_KEPT for e in h.events)

    asyncio.run(scenario())


async def _tick(desk) -> None:
    while True:
        await asyncio.sleep(0.2)
        desk.tick()


def test_a_refused_command_says_why_as_a_code(centre):
    services, _first, _second = centre

    async def scenario():
        async with Harness(services) as h:
            op = h.desk.hangup()
            assert not op
            assert h.events[-1] == ev.Noticed(ev.Notice(ev.NoticeCode.NO_CALL))
            await h.ring(FIRST)
            op = h.desk.hangup()
            assert not op and op.refusal is Refusal.NOT_CONNECTED
            assert h.desk.finish_wrapup().refusal is Refusal.NOT_IN_WRAPUP

    asyncio.run(scenario())


def test_a_second_call_waits_and_takes_over_with_its_own_record(centre):
    services, first, second = centre

    async def scenario():
        async with Harness(services) as h:
            call_a = await h.ring(FIRST)
            await h.answer()
            call_b = h.phone.offer_call(SECOND, talk=math.inf, patience=None)
            # the simulator's ACD does not ring a busy agent: the second call waits in its queue
            await asyncio.sleep(0.1)
            assert h.desk.waiting is None
            await h.hang_up()
            await h.ready(call_a)
            await h.until(lambda: h.desk.current is not None and h.desk.current.call_id == call_b
                          and h.desk.current.pop is not None, "the queued call")
            assert h.desk.current.customer.id == second.id

    asyncio.run(scenario())
