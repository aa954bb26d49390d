"""PyInstaller runtime hook: runs in the frozen app before any of its code.

1. The windowed Windows executable (desktop-agent-gui.exe) has no console: sys.stdout and sys.stderr are
   None there, and the first print or log line would raise. Output goes to a log file in the user's data
   folder instead, so a failure at start can still be read.
2. The bundle must hold resources/ (paths.resources_dir() looks in sys._MEIPASS) and the Alembic scripts
   (store/migrate.py finds them beside its own __file__). A damaged installation gets one clear line
   instead of a traceback from deep inside Alembic.
"""

import os
import sys


def _log_path() -> str:
    from desktop_agent.paths import data_dir  # honours DESKTOP_AGENT_HOME, else platformdirs

    return str(data_dir() / "desktop-agent-gui.log")


def _give_windowed_app_streams() -> None:
    if sys.stdout is not None and sys.stderr is not None:
        return
    try:
        log = open(_log_path(), "a", encoding="utf-8", buffering=1)  # noqa: SIM115 - lives as long as the app
    except OSError:  # a read-only or missing home must not stop the app
        log = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115
    if sys.stdout is None:
        sys.stdout = log
    if sys.stderr is None:
        sys.stderr = log


def _check_bundle() -> None:
    base = getattr(sys, "_MEIPASS", None)
    if not base:
        return
    needed = [os.path.join(base, "resources"),
              os.path.join(base, "desktop_agent", "store", "migrations", "env.py")]
    missing = [p for p in needed if not os.path.exists(p)]
    if missing:
        sys.stderr.write(f"desktop-agent: this installation is incomplete ({missing[0]} is missing): "
                         "reinstall Desktop Agent\n")
        sys.exit(2)


_give_windowed_app_streams()
_check_bundle()
