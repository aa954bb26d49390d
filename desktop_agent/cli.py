"""The `desktop-agent` command: the operator window by default, headless subcommands beside it."""

from __future__ import annotations

import argparse
import importlib
import logging
import os
import sys
from collections.abc import Sequence

import desktop_agent
from desktop_agent.commands import CommandError

# Each module in desktop_agent.commands registers its subcommands: command name -> module.
COMMAND_MODULES = {
    "db": "db",
    "lookup": "lookup",
    "simulate": "simulate",
    "erlang": "erlang",
    "kpi": "kpi",
    "import": "imports",
    "agents": "agents",
    "desk": "desk",
}
_OPTIONS_WITH_VALUE = {"--db", "--lang", "--phone", "--sip-account", "--baresip-connect", "--sip-port"}
PHONE_ENV = "DESKTOP_AGENT_PHONE"
PHONES = ("simulator", "baresip")


def requested_command(argv: Sequence[str]) -> str | None:
    """The subcommand named on the command line, found without importing any command module."""
    tokens = iter(argv)
    for token in tokens:
        if token in _OPTIONS_WITH_VALUE:
            next(tokens, None)
        elif not token.startswith("-"):
            return token
    return None


def _modules_needed(argv: Sequence[str]) -> list[str]:
    """Only the chosen command's module is imported: SQLAlchemy, Alembic and psycopg cost ~1.5 s to load,
    which the window's start and `--version` should not pay. Help and unknown names load them all."""
    command = requested_command(argv)
    if command in COMMAND_MODULES:
        return [COMMAND_MODULES[command]]
    if command == "wallboard" or (command is None and not ({"-h", "--help"} & set(argv))):
        return []
    return list(COMMAND_MODULES.values())


def build_parser(modules: Sequence[str] | None = None, *, wallboard: bool = True) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="desktop-agent",
        description="Desktop for call-centre operators. With no subcommand, opens the operator window.",
    )
    parser.add_argument("--version", action=_VersionAction, nargs=0, help="show the version and exit")
    parser.add_argument("--db", metavar="URL", help="database URL (default: DESKTOP_AGENT_DB, else the embedded SQLite file)")
    parser.add_argument("--lang", choices=("ru", "en"), help="interface language (default: from the system locale)")
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    _add_phone_options(parser)
    # installers and CI: start the window, take one simulated call from ring to Ready, exit 0
    parser.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES.values() if modules is None else modules:
        importlib.import_module(f"desktop_agent.commands.{name}").register(sub)
    if wallboard:  # the window's own start skips it: its options import the KPI package
        _add_wallboard(sub)
    return parser


class _VersionAction(argparse.Action):
    """argparse's "version" action with the version looked up only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, namespace: argparse.Namespace, values: object,
                 option_string: str | None = None) -> None:
        print(f"desktop-agent {desktop_agent.__version__}")
        parser.exit()


def _phone(value: str) -> str:
    if value not in PHONES:
        raise argparse.ArgumentTypeError(f"must be one of {', '.join(PHONES)}, not {value[:40]!r}")
    return value


def _sip_account(value: str) -> str:
    """sip:USER@DOMAIN[:PORT] (the 'sip:' may be left out) -> sip:USER@DOMAIN[:PORT]."""
    user, at, domain = value.removeprefix("sip:").partition("@")
    bad = set(' \t;<>"') | {chr(c) for c in range(32)}
    if not at or not user or not domain or "@" in domain or bad & set(value):
        raise argparse.ArgumentTypeError("give the SIP account as sip:USER@DOMAIN, e.g. sip:1001@pbx.example")
    return f"sip:{user}@{domain}"


def _host_port(value: str) -> tuple[str, int]:
    host, _, port = value.rpartition(":")
    if not host or not port.isdigit() or not 0 < int(port) < 65536:
        raise argparse.ArgumentTypeError("give baresip's control address as HOST:PORT, e.g. 127.0.0.1:4444")
    return host, int(port)


def _sip_port(value: str) -> int:
    if not value.isdigit() or not 0 < int(value) < 65535:
        raise argparse.ArgumentTypeError(f"not a SIP port number: {value[:20]!r}")
    return int(value)


def _add_phone_options(parser: argparse.ArgumentParser) -> None:
    """The telephony backend of the operator window. The SIP password is never an option: it is read
    from the OS keyring (service desktop-agent/sip, account USER@DOMAIN)."""
    parser.add_argument("--phone", type=_phone, default=os.environ.get(PHONE_ENV) or "simulator",
                        metavar="{simulator,baresip}",
                        help=f"telephony backend (default: {PHONE_ENV}, else the built-in simulator)")
    parser.add_argument("--sip-account", type=_sip_account, metavar="AOR",
                        help="baresip: register this account, e.g. sip:1001@pbx.example (default: take direct "
                             "calls to sip:agent@THIS-HOST:PORT)")
    parser.add_argument("--baresip-connect", type=_host_port, metavar="HOST:PORT",
                        help="baresip: drive a baresip you already run, at its ctrl_tcp address")
    parser.add_argument("--sip-port", type=_sip_port, metavar="PORT", help="baresip: the SIP port to listen on (5060)")


def _add_wallboard(sub: argparse._SubParsersAction) -> None:
    """A GUI command: its handler imports Qt only when it runs (desktop_agent.wallboard_app)."""
    from desktop_agent.core.kpi.service_level import SLVariant

    variants = [v.value for v in SLVariant]
    p = sub.add_parser("wallboard", help="the live KPI wallboard for team leads",
                       description="KPI tiles with alarms, the day's trend, the agent grid and the staffing "
                                   "hint, refreshed every second from queue_log.")
    p.add_argument("--kiosk", action="store_true",
                   help="full screen, no window chrome, no mouse pointer (Ctrl+Q quits)")
    p.add_argument("--screen", type=int, metavar="N", help="the screen to show on, counted from 0")
    p.add_argument("--sl-target", type=int, default=20, metavar="T", help="service-level time T, seconds (20)")
    p.add_argument("--short-abandon", type=int, default=5, metavar="S",
                   help="abandons under S seconds are left out (5)")
    p.add_argument("--sl-variant", choices=variants, default="default", help="service-level definition (default)")
    # installers and CI: show the board until it has drawn a few frames from queue_log, then exit 0
    p.add_argument("--smoke-test", action="store_true", help=argparse.SUPPRESS)

    def handler(args: argparse.Namespace) -> int:
        from desktop_agent.wallboard_app import run_wallboard

        return run_wallboard(args)

    p.set_defaults(handler=handler)


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    modules = _modules_needed(argv)
    parser = build_parser(modules, wallboard=bool(modules) or requested_command(argv) is not None)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.verbose else logging.WARNING,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    handler = getattr(args, "handler", None)
    try:
        if handler is None:
            from desktop_agent.app import run_operator_app

            return run_operator_app(args)
        return int(handler(args) or 0)
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # `desktop-agent lookup N | head`: the reader left, which is not our error
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 141
    except CommandError as exc:
        print(f"desktop-agent: {exc}", file=sys.stderr)
        return 2
    except Exception as exc:  # noqa: BLE001 - the CLI turns every known failure into one line
        from desktop_agent.store.errors import StoreError

        if isinstance(exc, StoreError):
            print(f"desktop-agent: {exc}", file=sys.stderr)
            return 2
        raise


if __name__ == "__main__":
    sys.exit(main())
