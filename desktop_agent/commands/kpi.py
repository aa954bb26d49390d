"""`desktop-agent kpi --from ISO --to ISO`: the KPIs of a time range, from queue_log, as JSON.

The same engine as the wallboard, fed the range's rows in time order. Every event counts where it
happens: a call that entered before --from but was answered inside the range counts as answered,
not as offered. Calls whose wrap-up ends after --to are not in AHT.
"""

from __future__ import annotations

import argparse
from datetime import datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from desktop_agent.commands import CommandError
from desktop_agent.commands.common import connect, print_json
from desktop_agent.core.domain import utcnow
from desktop_agent.core.kpi import KpiEngine, KpiSettings, SLVariant, first_contact_resolution
from desktop_agent.store import queue_log
from desktop_agent.store.kpi_feed import read_contacts, read_survey_answers

_CHUNK = timedelta(hours=6)  # rows are read a few hours at a time, so a month's report streams


def register(sub: Any) -> None:
    p = sub.add_parser("kpi", help="KPIs of a time range from queue_log, as JSON",
                       description="Service level, ASA, AHT, abandon rate, occupancy, agents, CSAT/NPS/CES and "
                                   "FCR for a time range, computed from queue_log. Every KPI names its formula.")
    p.add_argument("--from", dest="start", required=True, metavar="ISO",
                   help="start, ISO 8601 (e.g. 2026-11-25T09:00); without an offset, in --tz")
    p.add_argument("--to", dest="end", required=True, metavar="ISO", help="end (exclusive), ISO 8601")
    p.add_argument("--queue", metavar="Q", help="one queue only")
    p.add_argument("--sl-variant", default=SLVariant.DEFAULT.value, choices=[v.value for v in SLVariant],
                   help="the service-level definition shown as 'service_level' (all are printed)")
    p.add_argument("--sl-target", type=int, default=20, metavar="SECONDS", help="service-level target T (20)")
    p.add_argument("--short-abandon", type=int, default=5, metavar="SECONDS",
                   help="abandons under this many seconds are short and left out (5)")
    p.add_argument("--tz", metavar="ZONE", help="time zone of times without an offset (default: this computer's)")
    p.add_argument("--intervals", action="store_true", help="also print every 15-minute interval")
    p.set_defaults(handler=run)


def _zone(name: str | None) -> tzinfo:
    if not name:
        return datetime.now().astimezone().tzinfo  # type: ignore[return-value]
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise CommandError(f"unknown time zone {name!r} (e.g. Europe/Moscow, UTC)") from None


def _when(text: str, option: str, tz: tzinfo) -> datetime:
    try:
        value = datetime.fromisoformat(text.strip())
    except ValueError:
        raise CommandError(f"{option} {text!r} is not an ISO 8601 time (e.g. 2026-11-25T09:00)") from None
    return value.replace(tzinfo=tz) if value.tzinfo is None else value


def _settings(args: argparse.Namespace, tz: tzinfo) -> KpiSettings:
    try:
        return KpiSettings(sl_target=args.sl_target, short_abandon=args.short_abandon,
                           sl_variant=args.sl_variant, tz=tz)
    except ValueError as exc:
        raise CommandError(str(exc)) from None


def run(args: argparse.Namespace) -> int:
    tz = _zone(args.tz)
    start, end = _when(args.start, "--from", tz), _when(args.end, "--to", tz)
    if end <= start:
        raise CommandError("--to must be after --from")
    settings = _settings(args, tz)
    as_of = min(end, utcnow())
    db = connect(args)
    try:
        engine = KpiEngine(settings, clock=lambda: as_of, reset_daily=False)
        rows = 0
        chunk_start = start
        while chunk_start < end:
            chunk_end = min(end, chunk_start + _CHUNK)
            rows += engine.feed(queue_log.read_range(db.engine, chunk_start, chunk_end, args.queue))
            chunk_start = chunk_end
        engine.feed_surveys(read_survey_answers(db, start, end, args.queue))
        fcr = first_contact_resolution(read_contacts(db, start, end), start=start, end=end, as_of=utcnow())
    finally:
        db.dispose()
    engine.flush()
    snap = engine.snapshot(as_of, with_intervals=args.intervals)

    def queue_json(q) -> dict[str, Any]:  # noqa: ANN001
        out: dict[str, Any] = {"total": q.day.to_json(), "waiting_at_end": q.waiting_now,
                               "longest_wait_at_end": round(q.longest_wait_now, 3),
                               "agents_by_state_at_end": q.agents_by_state, "paused_by_reason_at_end": q.paused_by_reason}
        out["total"]["start"], out["total"]["end"] = start.isoformat(), end.isoformat()
        if args.intervals:
            out["intervals"] = [p.to_json() for p in q.intervals]
        return out

    queues = {name: queue_json(q) for name, q in snap.queues.items() if not args.queue or name == args.queue}
    print_json({
        "from": start.isoformat(), "to": end.isoformat(), "queue": args.queue, "rows": rows,
        "settings": settings.params(),
        "overall": queue_json(snap.overall) if not args.queue else queues.get(args.queue, queue_json(snap.overall)),
        "queues": queues,
        "agents_at_end": [a.to_json(as_of) for a in snap.agents],
        "fcr": fcr.to_json(),
        "formulas": {name: f.to_json() for name, f in snap.formulas.items()},
    })
    return 0
