"""`desktop-agent agents list|add|set`: agents and their roles, for a centre's admin.

Each action prints JSON. A bad value, a taken login or an unknown one is a one-line error (exit 2)
and nothing is written. Every change also writes a change_log row, so other desktops hear of it;
an operator window that is already open applies a new role at its next start.
"""

from __future__ import annotations

from typing import Any

from desktop_agent.commands import CommandError
from desktop_agent.commands.common import connect
from desktop_agent.commands.lookup import write_utf8_json
from desktop_agent.core.domain import Role
from desktop_agent.core.ports import AgentDTO
from desktop_agent.store.reference import ReferenceStore

ROLES = "{" + ",".join(r.value for r in Role) + "}"
LANGUAGES = "{ru,en}"
_NEXT_START = ("An operator window that is already open applies the change at its next start; "
               "lead, trainer and admin see the Wallboard pane.")


def register(sub: Any) -> None:
    agents = sub.add_parser("agents", help="agents and their roles: list, add, set",
                            description="Agents and their roles in the database given by --db. " + _NEXT_START)
    actions = agents.add_subparsers(dest="agents_command", metavar="ACTION", required=True)

    # Values are checked by the store, not by argparse `choices`: one error line, the same rules as the UI.
    p = actions.add_parser("list", help="agents as JSON (active ones unless --all)")
    p.add_argument("--role", metavar=ROLES, help="only agents with this role")
    p.add_argument("--all", action="store_true", help="include inactive agents")
    p.set_defaults(handler=cmd_list)

    p = actions.add_parser("add", help="create an agent", description="Create an agent. " + _NEXT_START)
    p.add_argument("login", metavar="LOGIN",
                   help="up to 64 letters (any script), digits and . _ @ -; the operator window's login "
                        "(its settings, else the operating-system user name)")
    p.add_argument("--name", metavar="NAME", help="display name, up to 200 characters (default: the login)")
    p.add_argument("--role", default=Role.OPERATOR.value, metavar=ROLES, help="role (operator)")
    p.add_argument("--language", default="ru", metavar=LANGUAGES, help="the agent's language (ru)")
    p.set_defaults(handler=cmd_add)

    p = actions.add_parser("set", help="change an agent's role, name, language or activity",
                           description="Change an agent; what is not given stays. " + _NEXT_START)
    p.add_argument("login", metavar="LOGIN", help="the agent's login, exactly as `agents list` shows it")
    p.add_argument("--role", metavar=ROLES, help="new role")
    p.add_argument("--name", metavar="NAME", help="new display name")
    p.add_argument("--language", metavar=LANGUAGES, help="new language")
    p.add_argument("--active", action="store_true", help="mark the agent as working again")
    p.add_argument("--inactive", action="store_true",
                   help="mark the agent as gone: left out of `agents list` unless --all; "
                        "nothing is deleted and the call history stays")
    p.set_defaults(handler=cmd_set)


def agent_json(agent: AgentDTO) -> dict[str, Any]:
    created = agent.created_at.isoformat(timespec="seconds") if agent.created_at is not None else None
    return {"login": agent.login, "display_name": agent.display_name, "role": agent.role,
            "language": agent.language, "extension": agent.extension, "active": agent.active,
            "created": created}


def _open(args: Any) -> tuple[Any, ReferenceStore]:
    db = connect(args)
    return db, ReferenceStore(db, origin="cli-agents")  # the origin other desktops see in change_log


def cmd_list(args: Any) -> int:
    db, reference = _open(args)
    try:
        agents = reference.list_agents(role=args.role, include_inactive=args.all)
    finally:
        db.dispose()
    write_utf8_json([agent_json(a) for a in agents])
    return 0


def cmd_add(args: Any) -> int:
    db, reference = _open(args)
    try:
        agent = reference.add_agent(args.login, args.name, role=args.role, language=args.language)
    finally:
        db.dispose()
    write_utf8_json(agent_json(agent))
    return 0


def cmd_set(args: Any) -> int:
    if args.active and args.inactive:
        raise CommandError("give --active or --inactive, not both")
    active = True if args.active else False if args.inactive else None
    if args.role is None and args.name is None and args.language is None and active is None:
        raise CommandError("nothing to change: give --role, --name, --language, --active or --inactive")
    db, reference = _open(args)
    try:
        before = agent_json(reference.find_agent(args.login))
        after = agent_json(reference.update_agent(args.login, role=args.role, display_name=args.name,
                                                  language=args.language, active=active))
    finally:
        db.dispose()
    write_utf8_json({**after, "changed": [key for key, value in after.items() if before[key] != value]})
    return 0
