"""`desktop-agent lookup NUMBER`: the screen-pop for a caller ID, as JSON.

An unknown caller is an answer (exit 0). A bad --db URL or an unreachable database is a one-line
error (exit 2, from the CLI); a lookup that could only partly read the CRM prints what it has,
says so on stderr and exits 1.
"""

from __future__ import annotations

import json
import sys
from typing import Any

from desktop_agent.commands.common import connect
from desktop_agent.crm.screen_pop import ScreenPopService


def register(sub: Any) -> None:
    p = sub.add_parser("lookup", help="print the screen-pop for a caller ID as JSON")
    p.add_argument("number", metavar="NUMBER",
                   help="the caller ID in any form telephony delivers: +7 912 345-67-89, 89123456789, "
                        "sip:+79123456789@host, anonymous (use -- before a value starting with '-')")
    p.set_defaults(handler=run)


def write_utf8_json(data: Any) -> None:
    """UTF-8 whatever the console's code page: Cyrillic names must not turn into an encoding error."""
    text = json.dumps(data, ensure_ascii=False, indent=2, default=str) + "\n"
    stream = getattr(sys.stdout, "buffer", None)
    if stream is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    stream.write(text.encode("utf-8"))
    stream.flush()


def run(args: Any) -> int:
    db = connect(args)
    try:
        pop = ScreenPopService.over_store(db).lookup(args.number)
    finally:
        db.dispose()
    write_utf8_json(pop.to_json())
    if pop.partial:
        print("desktop-agent: the CRM could only partly be read; the screen-pop may be incomplete",
              file=sys.stderr)
        return 1
    return 0
