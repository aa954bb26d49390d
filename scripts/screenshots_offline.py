"""Screenshots of the operator window working while the central database is down, for docs/screenshots/.

A throwaway PostgreSQL cluster, the real window over it, the built-in simulator: a call is answered,
the database is stopped (`pg_ctl stop -m immediate`), the call is wrapped up and a second one taken;
the window is grabbed with the status bar's "Offline — N changes waiting". Under Xvfb:

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" \\
        .venv/bin/python scripts/screenshots_offline.py docs/screenshots

writes offline-{ru,en}-1366x768.png.
"""

from __future__ import annotations

import asyncio
import math
import os
import sys
import tempfile
import time
from pathlib import Path

_translations = None


def shoot(language: str, out_dir: Path, width: int = 1366, height: int = 768) -> Path:
    import qasync
    from PySide6.QtWidgets import QApplication

    from desktop_agent.app import build_services, build_window
    from desktop_agent.core.call_session import CallState
    from desktop_agent.store.database import open_database
    from desktop_agent.store.demo import ensure_demo_data
    from desktop_agent.store.migrate import upgrade
    from desktop_agent.telephony.simulator import SimConfig
    from desktop_agent.telephony.simulator.softphone import SimulatorSoftphone
    from desktop_agent.testing import start_pg_cluster
    from desktop_agent.ui.kit.i18n import Translations
    from desktop_agent.ui.shell.about_dialog import AboutInfo
    from desktop_agent.ui.shell.outbox_status import OutboxStatusLabel
    from desktop_agent.ui.shell.settings import UiSettings
    from desktop_agent.ui.shell.theme import apply_theme

    app = QApplication.instance() or QApplication(sys.argv[:1])
    global _translations
    _translations = _translations or Translations(app)
    _translations.install(language)
    apply_theme(app, "light")
    cluster = start_pg_cluster(durable=True)
    db = open_database(cluster.createdb(f"shots_{language}"))
    upgrade(db.engine)
    ensure_demo_data(db, customers=300, on_central=True)  # people to call: invented, on a throwaway server
    services = build_services(db, login="op.ivanova")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    holder: dict = {}
    config = SimConfig(agents=0, calls_per_hour=0, queues=("support",), operator="op.ivanova",
                       operator_wrapup_limit=None, operator_autopause=None, caller_voice=False)
    phone = SimulatorSoftphone(config, services.numbers, records=lambda rows: holder["flow"].desk.writes.submit(
        "queue_log.append", {"records": list(rows)}))
    parts = build_window(services=services, softphone=phone, settings=UiSettings(wrapup_limit_seconds=0,
                                                                                  language=language),
                         save_settings=lambda: None, on_language=lambda _l: None, on_theme=lambda _t: None,
                         about=AboutInfo("callcentre @ db.example", "simulator", "ui-settings.json"),
                         backend_label="simulator")
    holder["flow"] = flow = parts.flow
    window = parts.window
    window.resize(width, height)
    window.show()
    path = out_dir / f"offline-{language}-{width}x{height}.png"

    async def until(condition, timeout: float = 20.0) -> None:  # noqa: ANN001
        deadline = time.monotonic() + timeout
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError
            await asyncio.sleep(0.05)

    def state() -> CallState | None:
        return flow.current.state if flow.current else None

    async def scenario() -> None:
        flow.listen()
        await phone.start()
        services.feed.start()  # as the app does: its link's state is the database label's colour
        flow.start(ready=True)
        for n, number in enumerate(services.numbers[10:12]):
            phone.offer_call(number, talk=math.inf, patience=None)
            await until(lambda: state() is CallState.RINGING)
            flow.answer()
            await until(lambda: state() is CallState.TALKING)
            await asyncio.sleep(1.0)
            if n == 1:
                break
            cluster.crash()
            await asyncio.sleep(0.5)
            flow.hangup()
            await until(lambda: state() is CallState.WRAPUP)
            flow.set_disposition("info_provided")
            flow.go_ready()
            await until(lambda: flow.current is None)
        label = window.findChild(OutboxStatusLabel)
        await until(lambda: label.isVisible())
        await asyncio.sleep(3.0)  # a few seconds offline on the clock
        window.grab().save(str(path))
        window.close_without_asking()
        services.feed.stop()
        flow.stop()
        await phone.stop()

    try:
        loop.run_until_complete(scenario())
    finally:
        parts.db_runner.shutdown(wait=False)
        parts.lookup_runner.shutdown(wait=False)
        db.dispose()
        cluster.stop()
    return path


def main(out_dir: Path) -> int:
    os.environ["DESKTOP_AGENT_HOME"] = tempfile.mkdtemp(prefix="da-shots-")
    out_dir.mkdir(parents=True, exist_ok=True)
    for language in ("ru", "en"):
        print(shoot(language, out_dir))
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
