"""Screenshots of the operator window in the middle of a call, for docs/screenshots/.

Runs the real window over a fresh embedded database with demo data; the built-in simulator rings
with a demo customer who has open tickets, the Answer action answers, and the window is grabbed.
Under Xvfb (a real X server, real fonts):

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" \\
        .venv/bin/python scripts/screenshots.py docs/screenshots

writes operator-{ru,en}-{1920x1080,1366x768}.png (light theme), operator-ru-dark-1366x768.png and
operator-lead-{ru,en}-1920x1080.png: a team lead's window, whose Wallboard pane shows the day so far
(a headless simulated morning in queue_log, then live). `--only NAME-PREFIX` takes only those shots:

    ... scripts/screenshots.py docs/screenshots --only operator-lead
"""

from __future__ import annotations

import asyncio
import math
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

SHOTS = (("ru", "light", 1920, 1080), ("en", "light", 1920, 1080), ("ru", "light", 1366, 768),
         ("en", "light", 1366, 768), ("ru", "dark", 1366, 768),
         ("ru", "light", 1920, 1080, True), ("en", "light", 1920, 1080, True))
LEAD_LOGIN = "a.sokolova"
HISTORY_HOURS = 6.0   # simulated hours of today's traffic before the shot (fewer after an early midnight)


def shot_name(language: str, theme: str, width: int, height: int, lead: bool = False) -> str:
    if lead:
        return f"operator-lead-{language}-{width}x{height}.png"
    return (f"operator-{language}-{theme}-{width}x{height}.png" if theme != "light"
            else f"operator-{language}-{width}x{height}.png")


def main(out_dir: Path, only: str = "") -> int:
    os.environ["DESKTOP_AGENT_HOME"] = tempfile.mkdtemp(prefix="da-shots-")
    import qasync
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from desktop_agent.app import build_services, build_window, open_store, prepare_data
    from desktop_agent.core.call_session import CallState
    from desktop_agent.telephony.simulator import SimConfig
    from desktop_agent.telephony.simulator.softphone import SimulatorSoftphone
    from desktop_agent.ui.kit.i18n import Translations
    from desktop_agent.ui.shell.about_dialog import AboutInfo
    from desktop_agent.ui.shell.settings import UiSettings
    from desktop_agent.ui.shell.theme import app_icon, apply_theme

    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(sys.argv[:1])
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)  # each shot closes its window; the loop goes on
    first = open_store(None)
    prepare_data(first)
    caller = _caller_with_open_tickets(build_services(first, login="i.petrova"))
    seeded = Path(first.url.database)
    first.dispose()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    translations = Translations(app)
    out_dir.mkdir(parents=True, exist_ok=True)

    async def shoot(language: str, theme: str, width: int, height: int, lead: bool = False) -> Path:
        # each shot on its own copy of the demo database: earlier shots leave no calls behind
        copy = seeded.with_name(f"shot-{language}-{theme}-{width}{'-lead' if lead else ''}.sqlite3")
        shutil.copyfile(seeded, copy)
        db = open_store(f"sqlite:///{copy}")
        if lead:
            _make_lead_and_morning(db)
        services = build_services(db, login=LEAD_LOGIN if lead else "i.petrova")
        services.database_label = _default_location()  # what a user sees, not this run's temp copy
        translations.install(language)
        apply_theme(app, theme)
        # a quiet centre: only the scripted caller rings, and only this desk answers
        phone = SimulatorSoftphone(SimConfig(agents=0, calls_per_hour=0.001, queues=("support",),
                                             operator=services.agent.login, operator_wrapup_limit=None,
                                             operator_ring_timeout=600), services.numbers)
        parts = build_window(services=services, softphone=phone, settings=UiSettings(), save_settings=lambda: None,
                             on_language=translations.install, on_theme=lambda t: apply_theme(app, t),
                             about=AboutInfo(services.database_label, phone.name, ""), backend_label=phone.name)
        window, flow = parts.window, parts.flow
        window.sync_choices(language=language, theme=theme)
        window.resize(width, height)
        window.show()
        flow.listen()
        await phone.start()
        flow.start(ready=True)
        phone.offer_call(caller, "", talk=math.inf)
        await _until(lambda: flow.current is not None and flow.pop_for(flow.current.call_id) is not None)
        window.registry.get("call.answer").trigger()
        await _until(lambda: flow.current.state is CallState.TALKING)
        await asyncio.sleep(3.2)  # a running call timer, the card filled in
        if lead:   # the board: today's rows read, a few live frames on the trend
            from desktop_agent.ui.wallboard.leads_board import LeadsBoardPane

            pane = next(p for p in parts.panes if isinstance(p, LeadsBoardPane))
            await _until(lambda: pane.board is not None and pane.board.frame is not None
                         and not pane.board.frame.catching_up and pane.board.ticks >= 4, timeout=60)
        path = out_dir / shot_name(language, theme, width, height, lead)
        window.grab().save(str(path))
        window.close_without_asking()
        flow.stop()
        await phone.stop()
        parts.db_runner.shutdown(wait=True)
        parts.lookup_runner.shutdown(wait=True)
        window.deleteLater()
        db.dispose()
        return path

    async def all_shots() -> None:
        for shot in SHOTS:
            if shot_name(*shot).startswith(only):
                print("saved", await shoot(*shot))

    loop.run_until_complete(all_shots())
    return 0


async def _until(condition, timeout: float = 20.0) -> None:  # noqa: ANN001
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("the scripted call did not arrive")
        await asyncio.sleep(0.05)


def _make_lead_and_morning(db) -> None:  # noqa: ANN001
    """The lead's agent row, and today's traffic so far in queue_log: a headless simulated centre
    whose last events are now, cut there, so calls are still queued and talking at the shot."""
    from datetime import datetime, timedelta

    from desktop_agent.store import queue_log
    from desktop_agent.store.reference import ReferenceStore
    from desktop_agent.telephony.simulator import ContactCentre, SimConfig

    ReferenceStore(db, "screenshots").get_or_create_agent(LEAD_LOGIN, "Анна Соколова", role="lead")
    now = datetime.now().astimezone().replace(microsecond=0)
    midnight = now.replace(hour=0, minute=0, second=0)
    hours = max(0.25, min(HISTORY_HOURS, (now - midnight).total_seconds() / 3600 - 0.01))
    rows: list = []
    config = SimConfig(agents=14, calls_per_hour=130, aht=170, wrapup=25, ring=3, patience=80,
                       queues=("support", "sales", "billing"), queue_weights=(0.6, 0.25, 0.15), profile="weekday",
                       pause_every=2400, pause_length=420, pause_reasons=("break", "lunch", "training", "coaching"),
                       seed=7, start=now - timedelta(hours=hours))
    ContactCentre(config, on_record=rows.append).run(hours, drain=False)
    queue_log.append(db.engine, rows)


def _default_location() -> str:
    import platformdirs

    from desktop_agent.paths import APP_AUTHOR, APP_NAME

    path = Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR)) / "desktop-agent.sqlite3"
    try:
        return "~/" + str(path.relative_to(Path.home()))
    except ValueError:
        return path.name


def _caller_with_open_tickets(services) -> str:  # noqa: ANN001
    """A demo customer's number whose card shows something: open tickets and past calls."""
    best = services.numbers[0]
    for number in services.numbers[:400]:
        pop = services.screen_pops.lookup(number)
        if pop.customer is not None and pop.open_tickets and pop.last_interactions:
            if pop.customer.vip or pop.badges.repeat_caller:
                return number
            best = number
    return best


if __name__ == "__main__":
    argv = sys.argv[1:]
    prefix = ""
    if "--only" in argv:
        at = argv.index("--only")
        prefix = argv[at + 1] if at + 1 < len(argv) else ""
        del argv[at:at + 2]
    sys.exit(main(Path(argv[0] if argv else "docs/screenshots"), prefix))
