"""`desktop-agent db upgrade|info|login|logout`."""

from __future__ import annotations

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
