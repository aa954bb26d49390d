"""`desktop-agent db upgrade|info|login|logout`."""

from __future__ import annotations

import argparse
import getpass
import sys
from typing import Any

from desktop_agent.commands import CommandError
from desktop_agent.commands.common import print_json
from desktop_agent.store import credentials
from desktop_agent.store.database import check_connection, describe, open_database, parse_url
from desktop_agent.store.migrate import current_revision, head_revision, upgrade


def register(sub: Any) -> None:
    db = sub.add_parser("db", help="database: upgrade, info, login, seed")
    dbsub = db.add_subparsers(dest="db_command", metavar="ACTION", required=True)

    p = dbsub.add_parser("upgrade", help="migrate the schema to the current version")
    p.set_defaults(handler=cmd_upgrade)

    p = dbsub.add_parser("info", help="where the database is and its schema version")
    p.set_defaults(handler=cmd_info)

    p = dbsub.add_parser("login", help="keep the database password in the OS keyring")
    p.add_argument("--password-stdin", action="store_true",
                   help="read the password from standard input instead of prompting")
    p.set_defaults(handler=cmd_login)

    p = dbsub.add_parser("logout", help="remove the database password from the OS keyring")
    p.set_defaults(handler=cmd_logout)

    p = dbsub.add_parser("seed", help="generate realistic customers, tickets and calls in bulk")
    p.add_argument("--customers", type=_count, required=True, metavar="N", help="customers to add")
    p.add_argument("--tickets", type=_count, default=0, metavar="M", help="tickets for those customers")
    p.add_argument("--interactions", type=_count, default=0, metavar="K", help="calls for those customers")
    p.add_argument("--agents", type=_count, default=40, metavar="A", help="agents agent001..A (default 40)")
    p.add_argument("--seed", type=int, default=1, metavar="S", help="random seed: the same seed, the same data")
    p.set_defaults(handler=cmd_seed)


def cmd_upgrade(args: Any) -> int:
    db = open_database(args.db)
    check_connection(db.engine)
    before = current_revision(db.engine)
    after = upgrade(db.engine)
    print(f"{describe(db.url)}: schema {before or 'empty'} -> {after}")
    return 0


def cmd_info(args: Any) -> int:
    db = open_database(args.db)
    check_connection(db.engine)
    current = current_revision(db.engine)
    head = head_revision()
    print_json({
        "url": describe(db.url),
        "backend": db.engine.dialect.name,
        "server_version": ".".join(str(p) for p in (db.engine.dialect.server_version_info or ())),
        "schema_version": current,
        "schema_head": head,
        "schema_current": current == head,
    })
    return 0


def cmd_login(args: Any) -> int:
    url = parse_url(args.db)
    if url.get_backend_name() == "sqlite":
        raise CommandError("the embedded SQLite database has no password; use --db postgresql+psycopg://user@host/db")
    if args.password_stdin:
        password = sys.stdin.readline().rstrip("\n")
    else:
        if not sys.stdin.isatty():
            raise CommandError("no terminal to ask for the password: use --password-stdin")
        password = getpass.getpass(f"Password for {describe(url)}: ")
    if not password:
        raise CommandError("empty password: nothing stored")
    credentials.store_password(url, password)
    db = open_database(args.db)
    check_connection(db.engine)
    print(f"password for {describe(url)} stored in the OS keyring; connection checked")
    return 0


def cmd_logout(args: Any) -> int:
    url = parse_url(args.db)
    credentials.forget_password(url)
    print(f"password for {describe(url)} removed from the OS keyring")
    return 0


def _count(text: str) -> int:
    try:
        value = int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"must be 0 or more: {text!r}")
    return value


def cmd_seed(args: Any) -> int:
    from desktop_agent.commands.common import connect
    from desktop_agent.store.seed import seed

    db = connect(args)

    def progress(stage: str, done: int, total: int) -> None:
        if sys.stderr.isatty():
            print(f"\r{stage}: {done:,}/{total:,}", end="" if done < total else "\n", file=sys.stderr, flush=True)

    summary = seed(db, customers=args.customers, tickets=args.tickets, interactions=args.interactions,
                   agents=args.agents, seed=args.seed, progress=progress)
    print_json({"database": describe(db.url), **summary})
    return 0
