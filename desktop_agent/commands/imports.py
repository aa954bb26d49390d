"""`desktop-agent import customers FILE.csv` and `desktop-agent import queue-log FILE`."""

from __future__ import annotations

from typing import Any

from desktop_agent.commands import import_customers, import_queue_log


def register(sub: Any) -> None:
    imp = sub.add_parser("import", help="import customers from CSV, or an Asterisk queue_log file")
    isub = imp.add_subparsers(dest="import_command", metavar="WHAT", required=True)

    p = isub.add_parser("customers", help="customers from a CSV file (UTF-8 or cp1251)")
    import_customers.add_arguments(p)
    p.set_defaults(handler=import_customers.run)

    p = isub.add_parser("queue-log", help="an Asterisk queue_log text file (epoch|callid|queue|agent|EVENT|data...)")
    import_queue_log.add_arguments(p)
    p.set_defaults(handler=import_queue_log.run)
