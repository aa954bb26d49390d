"""A call desk over the real store and the built-in simulator, as `desk --headless` composes it, that
takes one call and stays on it until it is killed: test_recovery.py kills it with -9 mid-call.

    python tests/services/desk_crash_driver.py DATABASE_URL LOGIN

Prints one JSON line once the call is answered (its call id and interaction row), then ticks the
desk twice a second until killed. DESKTOP_AGENT_HOME is the profile (the session journal's home)."""

from __future__ import annotations

import asyncio
import json
import math
import sys


async def main(url: str, login: str) -> None:
    from desktop_agent.composition import build_services, make_outbox, open_store
    from desktop_agent.core.call_session import CallState, WrapupPolicy
    from desktop_agent.services.call_desk import CallDesk
    from desktop_agent.services.outbox import DirectWrites, desk_appliers
    from desktop_agent.services.recovery import SessionJournal
    from desktop_agent.services.workers import SerialWorker
    from desktop_agent.telephony.simulator import SimConfig
    from desktop_agent.telephony.simulator.softphone import SimulatorSoftphone

    services = build_services(open_store(url), login=login)
    loop = asyncio.get_running_loop()
    post = loop.call_soon_threadsafe
    db, lookups = SerialWorker("db", post), SerialWorker("lookup", post)
    appliers = desk_appliers(services.interactions, services.write_queue_log, tickets=services.tickets,
                             checklists=services.checklists)
    outbox = make_outbox(services, appliers, post)  # a central database: through the journal, as the desk does
    writes = outbox or DirectWrites(appliers, db)
    config = SimConfig(agents=0, calls_per_hour=0, queues=("support",), operator=login, operator_wrapup_limit=None,
                       operator_autopause=None, caller_voice=False)
    phone = SimulatorSoftphone(config, services.numbers,
                               records=lambda rows: writes.submit("queue_log.append", {"records": list(rows)}))
    desk = CallDesk(softphone=phone, interactions=services.interactions, screen_pops=services.screen_pops,
                    queue_log=services.write_queue_log, agent=services.agent, db=db, lookups=lookups, post=post,
                    policy=WrapupPolicy(limit_seconds=0, auto_ready=False), tickets=services.tickets,
                    checklists=services.checklists, writes=writes)
    SessionJournal.of(desk, services)
    desk.listen()
    await phone.start()
    writes.start()
    desk.start(ready=True)

    async def until(condition) -> None:  # noqa: ANN001
        while not condition():
            await asyncio.sleep(0.01)

    call_id = phone.offer_call(services.numbers[0] if services.numbers else "+74950000000", talk=math.inf,
                               patience=None)
    await until(lambda: desk.current is not None and desk.current.call_id == call_id)
    desk.answer()
    await until(lambda: desk.current.session.state is CallState.TALKING and desk.current.interaction_id)
    print(json.dumps({"call_id": call_id, "interaction_id": str(desk.current.interaction_id)}), flush=True)
    while True:
        await asyncio.sleep(0.5)
        desk.tick()


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1], sys.argv[2]))
