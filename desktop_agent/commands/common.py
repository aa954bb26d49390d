"""Helpers shared by the subcommands."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from desktop_agent.commands import CommandError
from desktop_agent.store.database import Database, check_connection, open_database
from desktop_agent.store.migrate import is_current, upgrade


def connect(args: Any, *, migrate: bool = True) -> Database:
    """Open the database named by --db / DESKTOP_AGENT_DB (or the embedded file) and check it answers."""
    db = open_database(getattr(args, "db", None))
    check_connection(db.engine)
    if migrate and db.is_sqlite and not is_current(db.engine):
        upgrade(db.engine)  # the embedded file migrates itself; a central database is upgraded by an admin
    elif migrate and not is_current(db.engine):
        raise CommandError("the database schema is not current: run `desktop-agent db upgrade` first")
    return db


def readable_file(path: str) -> Path:
    p = Path(path)
    try:
        if not p.exists():
            raise CommandError(f"no such file: {path}")
        if not p.is_file():
            raise CommandError(f"not a file: {path}")
        with p.open("rb") as fh:
            fh.read(1)
    except OSError as exc:
        raise CommandError(f"cannot read {path}: {exc.strerror}") from exc
    return p


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, ensure_ascii=False, indent=2, default=str)
    sys.stdout.write("\n")
