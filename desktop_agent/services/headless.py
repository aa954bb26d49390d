"""A scripted operator on the call desk, without a window: `desktop-agent desk --headless`.

It takes N simulated calls end to end through the same CallDesk the window uses: the call rings,
the screen-pop arrives, the operator answers, opens the de-escalation checklist and ticks its
first steps, writes a ticket with a template inserted on every other call, hangs up, picks a
disposition and goes Ready. It measures ring -> screen-pop and every database write, and reports
what it did as one dictionary (printed as JSON by the command).
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from desktop_agent.core.call_session import CallState
from desktop_agent.core.checklist import start_run
from desktop_agent.core.domain import utcnow
from desktop_agent.core.ports import ChecklistService, ReferenceData, TemplateService, TicketDraft
from desktop_agent.core.templates import render, template_values
from desktop_agent.services import events as ev
from desktop_agent.services.call_desk import CallDesk
from desktop_agent.services.call_record import CallRecord

log = logging.getLogger(__name__)

TICKS_PER_CALL = 2


def percentiles(samples: Sequence[float]) -> dict[str, float | int | None]:
    """p50/p95/p99 in milliseconds (nearest rank) and the count."""
    if not samples:
        return {"count": 0, "p50": None, "p95": None, "p99": None}
    ordered = sorted(samples)

    def rank(p: float) -> float:
        return round(ordered[min(len(ordered) - 1, max(0, int(p * len(ordered) + 0.999999) - 1))] * 1000, 3)

    return {"count": len(ordered), "p50": rank(0.50), "p95": rank(0.95), "p99": rank(0.99)}


class Timings:
    """Wall time of each service method, measured around the call on the worker that runs it."""

    def __init__(self) -> None:
        self.samples: dict[str, list[float]] = defaultdict(list)

    def timed(self, key: str, fn: Callable[..., Any]) -> Callable[..., Any]:
        samples = self.samples[key]

        def measured(*args: Any, **kwargs: Any) -> Any:
            started = time.perf_counter()
            try:
                return fn(*args, **kwargs)
            finally:
                samples.append(time.perf_counter() - started)

        return measured

    def wrap(self, service: Any, methods: Sequence[str], prefix: str) -> Any:
        """`service` with `methods` timed; every other attribute is the service's own."""

        class Timed:
            def __getattr__(self, name: str) -> Any:
                return getattr(service, name)

        timed = Timed()
        for name in methods:
            setattr(timed, name, self.timed(f"{prefix}.{name}", getattr(service, name)))
        return timed

    def report(self) -> dict[str, Any]:
        return {key: percentiles(values) for key, values in sorted(self.samples.items())}


@dataclass
class ScriptedOperator:
    """Drives the desk like an operator would; `done` is set when `calls` calls are finished."""

    desk: CallDesk
    reference: ReferenceData
    templates: TemplateService
    checklists: ChecklistService
    calls: int
    language: str = "ru"
    talk_seconds: float = 0.2
    completed: int = 0
    tickets_created: int = 0
    checklist_runs: int = 0
    ring_to_pop: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)
    done: asyncio.Event = field(default_factory=asyncio.Event)
    _rang: dict[str, float] = field(default_factory=dict)
    _handled: set[str] = field(default_factory=set)
    _disposition: str = ""
    _template_body: str = ""
    _definition: Any = None

    def prepare(self) -> None:
        """Reference data the operator needs (read once, blocking: before the first call)."""
        dispositions = self.reference.dispositions(self.language)
        if not dispositions:
            raise RuntimeError("no dispositions in the database: run `desktop-agent db upgrade` and seed it")
        self._disposition = next((d.code for d in dispositions if not d.requires_ticket), dispositions[0].code)
        found = self.templates.search(self.language, "", limit=1)
        self._template_body = found[0].body if found else ""
        self._definition = self.checklists.definition_for("angry", self.language)

    def on_event(self, event: ev.DeskEvent) -> None:
        if isinstance(event, ev.CallChanged) and event.record is not None:
            self._call(event.record)
        elif isinstance(event, ev.ScreenPopped):
            rang = self._rang.pop(event.call_id, None)
            if rang is not None:
                self.ring_to_pop.append(time.perf_counter() - rang)
        elif isinstance(event, ev.CallFinished):
            self.completed += 1
            if self.completed >= self.calls:
                self.done.set()
        elif isinstance(event, ev.Noticed) and event.notice.code is not ev.NoticeCode.DRAFT_KEPT:
            self.failures.append(f"{event.notice.code}: {' '.join(event.notice.args)}"[:200])

    def _call(self, record: CallRecord) -> None:
        state, call_id = record.session.state, record.call_id
        key = f"{call_id}:{state}"
        if key in self._handled:
            return
        self._handled.add(key)
        if state is CallState.RINGING:
            if record.pop is None:
                self._rang[call_id] = time.perf_counter()
            self.desk.answer()
        elif state is CallState.TALKING:
            asyncio.get_running_loop().call_later(self.talk_seconds, self._talk, record)
        elif state is CallState.WRAPUP:
            self.desk.set_disposition(self._disposition)
            self.desk.go_ready()

    def _talk(self, record: CallRecord) -> None:
        """While talking: the checklist's first steps, a ticket on every other call, then hang up."""
        if self.desk.current is not record:
            return
        index = self.completed
        if self._definition is not None:
            run = start_run(self._definition, utcnow())
            for step in self._definition.steps[:TICKS_PER_CALL]:
                run = run.tick(step.key, utcnow())
            if self.desk.save_checklist_run(record.call_id, run.finish(utcnow())):
                self.checklist_runs += 1
        if index % 2 == 0:
            customer = record.customer
            values = template_values(customer=customer, agent_name=self.desk.agent.display_name,
                                     language=self.language)
            text = render(self._template_body, values).text if self._template_body else ""
            subject = f"Call {record.session.caller_id_raw}"[:120]
            draft = TicketDraft(subject=subject, customer_id=customer.id if customer else None,
                                description=text, fill_language=self.language)
            self.desk.create_ticket(record.call_id, draft, on_saved=lambda _t: self._ticket_saved())
        self.desk.hangup()

    def _ticket_saved(self) -> None:
        self.tickets_created += 1
