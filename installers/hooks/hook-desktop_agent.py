"""PyInstaller hook: every module of the app, including those imported by name at run time.

cli.py loads its subcommand modules with importlib, and backends and connectors may be chosen by name,
so PyInstaller's import scan alone would miss them. Test helpers and the Alembic scripts (loaded from
files, see hook-desktop_agent.store.migrate.py) are left out.
"""

from PyInstaller.utils.hooks import collect_submodules


def _wanted(name: str) -> bool:
    return not (name == "desktop_agent.testing" or name.startswith("desktop_agent.store.migrations"))


hiddenimports = collect_submodules("desktop_agent", filter=_wanted)
