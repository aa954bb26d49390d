"""The operator window's start path stays lean: packages it does not need to become interactive are
not imported until later (start-up goal: 1.5 s). A subprocess starts the real app on a fresh profile
twice (the first start creates the demo data), notes what is imported when app.py logs
"interactive", and closes the window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

import pytest

pytestmark = pytest.mark.gui

# Heavy or start-irrelevant packages, and what they would cost: Alembic ~0.25 s, psycopg ~0.1 s
# (SQLite needs neither), NumPy/pyqtgraph/Faker (the wallboard and the seeder), keyring (server
# databases only), phonenumbers (warmed up on a worker right after the window is interactive), YAML
# (the templates' company name, read after the first frame).
NOT_AT_START = ("alembic", "mako", "psycopg", "numpy", "pyqtgraph", "faker", "keyring", "phonenumbers", "yaml")

DRIVER = textwrap.dedent("""
    import json, logging, sys

    class Watch(logging.Handler):
        def emit(self, record):
            if "interactive after" not in record.getMessage():
                return
            loaded = sorted({name.split(".")[0] for name in sys.modules})
            print("MODULES " + json.dumps(loaded), flush=True)
            from PySide6.QtCore import QTimer
            from PySide6.QtWidgets import QApplication

            def close():
                for widget in QApplication.topLevelWidgets():
                    if hasattr(widget, "close_without_asking"):
                        widget.close_without_asking()
            QTimer.singleShot(0, close)

    log = logging.getLogger("desktop_agent.app")
    log.addHandler(Watch())
    log.setLevel(logging.INFO)
    from desktop_agent import cli
    sys.exit(cli.main([]))
""")


def start_once(home) -> set[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "DESKTOP_AGENT_HOME": str(home)}
    env.pop("DESKTOP_AGENT_DB", None)
    done = subprocess.run([sys.executable, "-c", DRIVER], env=env, capture_output=True, text=True, timeout=180,
                          stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr[-2000:]
    line = next(ln for ln in done.stdout.splitlines() if ln.startswith("MODULES "))
    return set(json.loads(line.removeprefix("MODULES ")))


def test_everyday_start_imports_nothing_heavy(tmp_path):
    start_once(tmp_path)  # the first start migrates and seeds: Alembic and Faker are fine there
    loaded = start_once(tmp_path)
    assert {"PySide6", "sqlalchemy", "desktop_agent"} <= loaded  # the probe saw a real start
    assert sorted(set(NOT_AT_START) & loaded) == []
