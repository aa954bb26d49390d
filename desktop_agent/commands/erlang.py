"""`desktop-agent erlang`: the Erlang C / Erlang A staffing calculator, as JSON."""

from __future__ import annotations

import argparse
import math
from typing import Any

from desktop_agent.commands import CommandError
from desktop_agent.commands.common import print_json
from desktop_agent.core import erlang


def _number(text: str, *, zero_ok: bool) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {text[:40]!r}") from None
    if not math.isfinite(value) or value < 0 or (value == 0 and not zero_ok):
        raise argparse.ArgumentTypeError(f"must be a number {'>=' if zero_ok else '>'} 0, got {text[:40]!r}")
    return value


def positive_float(text: str) -> float:
    return _number(text, zero_ok=False)


def non_negative_float(text: str) -> float:
    return _number(text, zero_ok=True)


def share(text: str) -> float:
    value = positive_float(text)
    if value > 1:
        value /= 100  # "80" means 80 %
    if value >= 1:
        raise argparse.ArgumentTypeError(f"a share below 100%, got {text[:40]!r}")
    return value


def register(sub: Any) -> None:
    p = sub.add_parser("erlang", help="Erlang C / Erlang A: waiting, service level, ASA, agents needed",
                       description="Erlang C, or Erlang A with --patience (callers who give up). "
                                   "Without --agents, staffs for the --sl target.")
    p.add_argument("--calls", type=non_negative_float, required=True, help="calls offered per interval")
    p.add_argument("--interval", type=positive_float, default=1800.0, help="interval length, seconds (1800)")
    p.add_argument("--aht", type=positive_float, required=True, help="average handle time, seconds")
    p.add_argument("--agents", type=int, help="agents on the phones (default: as many as --sl needs)")
    p.add_argument("--target", type=non_negative_float, default=20.0, help="service-level time T, seconds (20)")
    p.add_argument("--sl", type=share, default=0.8, help="service-level target: 0.8 or 80 (80%%)")
    p.add_argument("--patience", type=positive_float, help="mean caller patience, seconds: Erlang A")
    p.add_argument("--max-occupancy", type=share, help="staff so that occupancy stays at or under this")
    p.set_defaults(handler=run)


def run(args: Any) -> int:
    if args.agents is not None and not (0 <= args.agents <= erlang.MAX_AGENTS):
        raise CommandError(f"--agents must be between 0 and {erlang.MAX_AGENTS}")
    rate = args.calls / args.interval
    try:
        needed = erlang.agents_needed(rate, args.aht, args.sl, args.target, args.patience, args.max_occupancy)
        agents = needed if args.agents is None else args.agents
        result = erlang.metrics(rate, args.aht, agents, args.target, args.patience)
    except ValueError as exc:
        raise CommandError(str(exc)) from None
    print_json({
        "calls": args.calls, "interval": args.interval, "aht": args.aht,
        "calls_per_hour": rate * 3600, **result.as_dict(),
        "target_sl": args.sl, "max_occupancy": args.max_occupancy, "agents_needed": needed,
    })
    return 0
