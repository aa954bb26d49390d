"""The composition root of the operator window: config, database, services, softphone, Qt, panes.

This is the only module that knows both the store and Qt. Everything below it gets what it needs
through its constructor; no widget looks anything up globally.

    desktop-agent                    the embedded SQLite file, demo data, the simulator
    desktop-agent --db URL           a central PostgreSQL (migrated by an admin), the simulator
    desktop-agent --smoke-test       start, take one simulated call from ring to Ready, exit 0
"""

from __future__ import annotations

import asyncio
import gc
import getpass
import logging
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from desktop_agent import paths
from desktop_agent.composition import (
    OperatorServices,
    build_services,
    make_simulator,
    open_store,
    prepare_data,
    read_company_names,
)
from desktop_agent.core.call_session import WrapupPolicy
from desktop_agent.store.errors import StoreError

if TYPE_CHECKING:  # Qt is imported when the window is built, not with this module
    from desktop_agent.telephony.protocol import Softphone
    from desktop_agent.ui.call.flow import CallFlow
    from desktop_agent.ui.kit.pane import Pane
    from desktop_agent.ui.kit.qt_bridge import ServiceRunner
    from desktop_agent.ui.shell.main_window import MainWindow
    from desktop_agent.ui.shell.settings import UiSettings

log = logging.getLogger(__name__)

SMOKE_TIMEOUT = 90.0
RECOVERY_WAIT_S = 5.0
FIRST_PAINT_GRACE_S = 5.0


def make_softphone(args: Any, services: OperatorServices, deliver: Callable[[Sequence[Any]], None]) -> Any:
    """The backend chosen by `--phone`: the simulator (default), or baresip, either run and
    supervised by the app or (`--baresip-connect`) one the user already runs. Never raises for a
    missing or broken baresip: that shows in the window's status bar once the backend starts."""
    if getattr(args, "phone", None) != "baresip":
        return make_simulator(services, deliver, smoke=bool(getattr(args, "smoke_test", False)))
    from desktop_agent.telephony.baresip.backend import BaresipSoftphone

    connect_to = getattr(args, "baresip_connect", None)
    if connect_to:
        return BaresipSoftphone(connect_to=connect_to)
    return BaresipSoftphone(baresip_settings(args))


def baresip_settings(args: Any) -> Any:
    """Settings for the app's own baresip. With `--sip-account sip:USER@DOMAIN` it registers there,
    with the password from the OS keyring (service desktop-agent/sip, account USER@DOMAIN); without
    one it takes direct calls to sip:agent@THIS-HOST:PORT."""
    from desktop_agent.telephony.baresip.process import BaresipSettings

    port = getattr(args, "sip_port", None) or 5060
    ctrl_port = _free_loopback_port()  # a fixed port could reach another baresip the user runs
    aor = getattr(args, "sip_account", None)
    if not aor:
        return BaresipSettings(user="agent", domain=f"127.0.0.1:{port}", sip_port=port, ctrl_port=ctrl_port)
    user, domain = aor.removeprefix("sip:").split("@", 1)
    return BaresipSettings(user=user, domain=domain, sip_port=port, ctrl_port=ctrl_port, register=True,
                           password_account=f"{user}@{domain}")


def _free_loopback_port() -> int:
    import socket

    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class OperatorWindow:
    """What build_window returns: the window and the parts app.py must shut down."""

    window: MainWindow
    flow: CallFlow
    db_runner: ServiceRunner
    lookup_runner: ServiceRunner
    panes: list[Pane]


def _outbox(services: OperatorServices, relay: Any) -> Any:
    """A central database: the desk's writes go through the outbox, replayed in order when the
    database answers; `relay` brings its results to the GUI thread. The embedded file: straight to
    the database worker (None)."""
    if services.db.is_sqlite:
        return None
    from desktop_agent.composition import make_outbox
    from desktop_agent.services.outbox import desk_appliers

    appliers = desk_appliers(services.interactions, services.write_queue_log,
                             tickets=getattr(services, "tickets", None), checklists=services.checklists)
    return make_outbox(services, appliers, relay)


def _is_transient(services: OperatorServices) -> Callable[[BaseException], bool] | None:
    if services.db.is_sqlite:
        return None
    from desktop_agent.store.database import is_transient

    return is_transient


def build_window(*, services: OperatorServices, softphone: Softphone, settings: UiSettings,
                 save_settings: Callable[[], None],
                 on_language: Callable[[str], None], on_theme: Callable[[str], None],
                 about: Any, backend_label: str,
                 wallboard_factory: Callable[[], Any] | None = None) -> OperatorWindow:
    """Compose the operator window over ready services. Tests call this with their own softphone
    (and, for a lead's wallboard pane, may bring their own `wallboard_factory`)."""
    from PySide6.QtCore import Qt

    from desktop_agent.ui.call.bar import CallBar
    from desktop_agent.ui.call.flow import CallFlow
    from desktop_agent.ui.call.kpi_strip import KpiStrip
    from desktop_agent.ui.call.wrapup import WrapupPane
    from desktop_agent.ui.card.card import ScreenPopCard
    from desktop_agent.ui.checklist.pane import ChecklistPane
    from desktop_agent.ui.kit.qt_bridge import ServiceRunner
    from desktop_agent.ui.shell.main_window import MainWindow
    from desktop_agent.ui.templates.pane import TemplatesPane
    from desktop_agent.ui.ticket.editor import TicketEditor
    from desktop_agent.ui.wallboard.leads_board import LeadsBoardPane, sees_wallboard

    db_runner = ServiceRunner("db")
    lookup_runner = ServiceRunner("lookup")
    policy = WrapupPolicy(limit_seconds=settings.wrapup_limit_seconds, auto_ready=settings.wrapup_auto_ready)
    from desktop_agent.ui.kit.qt_bridge import GuiRelay

    outbox_relay = GuiRelay(lambda thunk: thunk())
    outbox = _outbox(services, outbox_relay)
    flow = CallFlow(
        softphone=softphone, interactions=services.interactions, screen_pops=services.screen_pops,
        queue_log=services.write_queue_log, agent=services.agent, db_runner=db_runner,
        lookup_runner=lookup_runner, policy=policy, writes=outbox, is_transient=_is_transient(services),
    )

    def set_auto_ready(on: bool) -> None:
        settings.wrapup_auto_ready = on
        flow.set_policy(replace(flow.policy, auto_ready=on))
        save_settings()

    def apply_settings(chosen: Any) -> None:
        """Agent ▸ Settings…, OK (the window has switched language and theme already)."""
        from desktop_agent.ui.shell.settings_dialog import apply_operator_settings

        wrapup = next((p for p in panes if isinstance(p, WrapupPane)), None)
        apply_operator_settings(chosen, settings=settings, flow=flow, wrapup=wrapup, save=save_settings)

    call_bar = CallBar(flow, services.reference, db_runner)
    kpis = KpiStrip(services.personal_kpis, db_runner)
    flow.call_finished.connect(kpis.reload)
    # Panes, in the order they dock. Other pane modules (screen-pop card, ticket editor, templates,
    # checklist) are added here with the services they need.
    panes = [WrapupPane(flow, services.reference, db_runner, on_auto_ready=set_auto_ready)]
    # Templates fill in the caller from the screen-pop (and the card's contact), the ticket from the
    # editor; checklist phrases are inserted through the templates pane.
    def company_name(names: dict[str, str]) -> str:
        return (names.get(settings.language or "") or names.get(services.agent.language)
                or next(iter(names.values()), ""))

    templates = TemplatesPane(services.templates, db_runner, agent=services.agent,
                              company_name=company_name(services.company_names or {}))
    templates.follow(flow)
    checklist = ChecklistPane(services.checklists, services.templates, db_runner, agent_id=services.agent.id)
    checklist.follow(flow)  # a run per answered call, saved with its interaction after wrap-up
    checklist.phrase_requested.connect(templates.insert_template)
    panes += [templates, checklist]
    contacts, tickets = getattr(services, "contacts", None), getattr(services, "tickets", None)
    if contacts is None or tickets is None:  # services built without them (tests): the built-in ones
        from desktop_agent.crm.contact_directory import CrmContactDirectory
        from desktop_agent.store.tickets import TicketStore

        origin = getattr(services, "origin", "")
        contacts = contacts or CrmContactDirectory(services.screen_pops.registry, services.db, origin)
        tickets = tickets or TicketStore(services.db, origin)
    card = ScreenPopCard(flow, contacts, services.interactions, services.reference, db_runner, tickets=tickets)
    editor = TicketEditor(flow, tickets, services.reference, db_runner, agent=services.agent,
                          feed=getattr(services, "feed", None))
    card.open_ticket.connect(editor.open_ticket)
    card.customer_changed.connect(flow.link_customer)  # the call's record owns its customer
    flow.customer_linked.connect(editor.set_call_customer)
    flow.customer_linked.connect(templates.set_call_customer)
    editor.ticket_shown.connect(templates.set_ticket)
    editor.ticket_shown.connect(card.ticket_changed)
    templates.insert_requested.connect(editor.insert_text)
    panes += [card, editor]
    leads = None
    if sees_wallboard(services.agent.role):  # leads, trainers, admins: the wallboard as a pane

        def lead_wallboard() -> Any:  # called when the pane is first seen: pyqtgraph is not on the start path
            from desktop_agent.core.kpi import KpiSettings
            from desktop_agent.ui.wallboard import WallboardSettingsStore
            from desktop_agent.ui.wallboard.thresholds import FILE_NAME as WALLBOARD_FILE
            from desktop_agent.wallboard_app import build_wallboard

            return build_wallboard(services.db, kpi_settings=KpiSettings(tz=datetime.now().astimezone().tzinfo),
                                   settings_store=WallboardSettingsStore(paths.config_dir() / WALLBOARD_FILE))

        leads = LeadsBoardPane(wallboard_factory or lead_wallboard)
        panes.append(leads)

    def can_close() -> bool:
        from desktop_agent.core.call_session import CallState
        from desktop_agent.ui.shell.main_window import confirm_quit_during_call

        current = flow.current
        if current is None or current.state is CallState.DONE:
            return True
        return confirm_quit_during_call(window)

    window = MainWindow(call_bar=call_bar, kpi_strip=kpis, panes=panes, settings=settings, about=about,
                        on_language=on_language, on_theme=on_theme, can_close=can_close,
                        apply_settings=apply_settings)
    # The window owns the desk's Qt objects: they go with it, on the GUI thread. Left to Python, the
    # reference cycles between them and the desk are collected by whichever thread the cyclic GC
    # happens to run on (a database worker), and a QObject must not be deleted from there.
    for part in (flow, db_runner, lookup_runner, outbox_relay):
        part.setParent(window)
    if services.company_names is None:  # YAML: read once the window is on screen (queued: after the
        window.first_painted.connect(lambda: db_runner.submit(  # start has logged that it is interactive)
            read_company_names, on_result=lambda names: templates.set_company_name(company_name(names)),
            owner=templates), Qt.ConnectionType.QueuedConnection)
    flow.notice.connect(window.show_notice)
    if outbox is not None:  # "Offline — N changes waiting" in the status bar
        from desktop_agent.ui.shell.outbox_status import OutboxStatusLabel

        outbox_label = OutboxStatusLabel(window)
        window.statusBar().insertPermanentWidget(0, outbox_label)
        outbox_label.show_status(outbox.status())
        unsubscribe = outbox.on_status(GuiRelay(outbox_label.show_status, outbox_label))  # dropped with it
        outbox_label.destroyed.connect(lambda *_: unsubscribe())
        flow.ticked.connect(outbox_label.tick)
    templates.notice.connect(window.show_notice)
    checklist.notice.connect(window.show_notice)
    flow.backend_changed.connect(window.set_backend_state)
    if not services.db.is_sqlite:  # a lost central database in the operator's words, not the driver's
        from desktop_agent.services.workers import first_line
        from desktop_agent.ui.shell.outbox_status import database_down_text

        transient = _is_transient(services)
        for runner in (db_runner, lookup_runner):
            runner.describe = lambda exc: database_down_text() if transient(exc) else first_line(exc)
    db_runner.failed.connect(window.show_notice)
    lookup_runner.failed.connect(window.show_notice)
    window.set_database_state(services.database_label, True)
    feed = getattr(services, "feed", None)
    if feed is not None:  # the change feed's link says whether the database answers
        feed_status = GuiRelay(lambda status: window.set_database_state(services.database_label, status.connected),
                               window)
        feed.on_status(feed_status)
    window.set_backend_state("starting", backend_label)
    if leads is not None:
        window.closed.connect(leads.shutdown)
    return OperatorWindow(window, flow, db_runner, lookup_runner, panes)


def run_operator_app(args: Any) -> int:
    """`desktop-agent` with no subcommand. Returns the process exit code."""
    started = time.monotonic()
    smoke = bool(getattr(args, "smoke_test", False))
    # The start allocates ~140,000 objects and keeps nearly all of them: the cyclic collector's
    # passes over them cost ~15 % of the time to the first frame. It runs again once the window is
    # painted (or the start fails).
    gc.disable()
    try:
        return _run_operator_app(args, started=started, smoke=smoke)
    finally:
        gc.enable()


def _run_operator_app(args: Any, *, started: float, smoke: bool) -> int:
    try:
        db = open_store(getattr(args, "db", None))
        _mark("database open", started)
        prepare_data(db)
        _mark("data ready", started)
        login = _login()
        services = build_services(db, login=login)
        _mark("services built", started)
    except StoreError as exc:
        print(f"desktop-agent: {exc}", file=sys.stderr)
        return 2
    try:
        return _run_qt(args, services, smoke=smoke, started=started)
    finally:
        db.dispose()


def _mark(step: str, started: float) -> None:
    """Start-up steps at DEBUG (`-v`): where the time to an interactive window goes."""
    log.debug("start-up: %s at %.0f ms", step, (time.monotonic() - started) * 1000)


def _login() -> str:
    from desktop_agent.ui.shell.settings import FILE_NAME, SettingsStore

    saved = SettingsStore(paths.config_dir() / FILE_NAME).load().agent_login
    try:
        return saved or getpass.getuser() or "operator"
    except (KeyError, OSError):  # no user name in a bare container
        return saved or "operator"


def _run_qt(args: Any, services: OperatorServices, *, smoke: bool, started: float) -> int:
    import qasync
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from desktop_agent.ui.kit.i18n import Translations, choose_language
    from desktop_agent.ui.shell.about_info import AboutInfo
    from desktop_agent.ui.shell.settings import FILE_NAME, SettingsStore
    from desktop_agent.ui.shell.theme import app_icon, apply_theme

    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Desktop Agent")
    app.setOrganizationName("DesktopAgent")
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)  # the loop must outlive the window to shut down cleanly

    store = SettingsStore(paths.config_dir() / FILE_NAME)
    settings = store.load()
    translations = Translations(app)
    language = choose_language(getattr(args, "lang", None), settings.language)
    translations.install(language)
    apply_theme(app, settings.theme)
    _mark("Qt ready", started)

    def save_settings() -> None:
        try:
            store.save(settings)
        except OSError as exc:
            log.warning("could not save the UI settings: %s", exc)

    def on_language(lang: str) -> None:
        translations.install(lang)
        settings.language = lang
        save_settings()

    def on_theme(theme: str) -> None:
        apply_theme(app, theme)
        settings.theme = theme
        save_settings()

    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    holder: dict[str, Any] = {}
    softphone = make_softphone(args, services, lambda records: holder["flow"].desk.writes.submit(
        "queue_log.append", {"records": list(records)}))
    about = AboutInfo(database=services.database_label, backend=softphone.name, settings_file=str(store.path))
    parts = build_window(services=services, softphone=softphone, settings=settings, save_settings=save_settings,
                         on_language=on_language, on_theme=on_theme, about=about,
                         backend_label=softphone.name)
    holder["flow"] = parts.flow
    safety = keep_crash_safe(parts, services)
    parts.window.sync_choices(language=language, theme=settings.theme)
    _mark("window built", started)

    async def main() -> int:
        closed, painted = asyncio.Event(), asyncio.Event()
        parts.window.closed.connect(closed.set)

        def first_frame() -> None:  # interactive: the first frame is on screen and the loop takes input
            log.info("interactive after %.0f ms (CPU %.0f ms since the process began)",
                     (time.monotonic() - started) * 1000, time.process_time() * 1000)
            painted.set()

        parts.window.first_painted.connect(first_frame)
        # Listen before the backend starts, so its first states (baresip: starting, running) reach
        # the status bar; and show the window first, since connecting to baresip may take seconds.
        parts.flow.listen()
        parts.window.show()
        _mark("shown", started)
        await softphone.start()
        if services.feed is not None:
            services.feed.start()
        await safety.recovered(RECOVERY_WAIT_S)  # a crashed run's logout goes before this login
        parts.flow.start(ready=True)
        _mark("backend started", started)
        try:  # a platform that never paints, should there be one, gets a few seconds' grace
            await asyncio.wait_for(painted.wait(), FIRST_PAINT_GRACE_S)
        except TimeoutError:
            log.warning("no frame painted %.0f s after the window was shown", FIRST_PAINT_GRACE_S)
        gc.enable()
        warm_up(parts)
        code = 0
        if smoke:
            code = await run_smoke_call(parts, services, timeout=SMOKE_TIMEOUT)
            parts.window.close_without_asking()  # the next simulated call may already ring
        else:
            await closed.wait()
        parts.flow.stop()
        if services.feed is not None:
            services.feed.stop()
        await softphone.stop()
        return code

    try:
        code = loop.run_until_complete(main())
    finally:
        parts.db_runner.shutdown(wait=True)   # queued rows are written before we leave
        safety.close()  # unsaved tickets on disk; the session's journal goes when nothing is open
        parts.lookup_runner.shutdown(wait=False)
        save_settings()
        loop.close()
    return code


@dataclass
class CrashSafety:
    """What keeps the desk's state on disk for the next start: unsaved tickets (services.drafts) and
    the session's journal (services.recovery); `recovery` closes what a crashed run left open."""

    drafts: Any
    journal: Any
    recovery: Any = None  # concurrent Future on the database worker, or None: nothing was left

    async def recovered(self, timeout: float) -> None:
        """Wait (at most `timeout`) for the recovery: through the outbox, this run's login could
        otherwise reach the database before the crashed run's logout."""
        if self.recovery is None:
            return
        waited = asyncio.wrap_future(self.recovery)
        await asyncio.wait({waited}, timeout=timeout)
        if waited.done() and not waited.cancelled():
            waited.exception()  # told through the runner's callbacks; retrieved so asyncio does not log it

    def close(self) -> None:
        self.drafts.close()
        self.journal.close()


def keep_crash_safe(parts: OperatorWindow, services: OperatorServices) -> CrashSafety:
    """From now on unsaved ticket work and the desk's session go to disk. What a run that did not stop
    cleanly left comes back: its unsaved tickets into the editor's kept drafts at once, its open calls
    closed and its logout written on the database worker (queued before this run logs in)."""
    from desktop_agent.services.drafts import DraftKeeper, drafts_path
    from desktop_agent.services.recovery import SessionJournal, journal_path, recover, take_over
    from desktop_agent.ui.ticket.call_work import recovery_text

    desk = parts.flow.desk
    where, login = services.db.url.render_as_string(hide_password=True), services.agent.login
    keeper = DraftKeeper(desk, drafts_path(where, login))
    restored = keeper.restore()
    editor = next(p for p in parts.panes if p.pane_id == "pane.ticket_editor")
    editor.keep_drafts(keeper, recovered=len(restored), after_crash=keeper.after_crash)
    if restored:
        log.info("unsaved tickets of the last run (%s): %s", "it stopped unexpectedly" if keeper.after_crash
                 else "a clean stop", ", ".join(d.key for d in restored))
    path = journal_path(where, login)
    left = take_over(path)
    journal = SessionJournal(desk, path, where=where)
    future = None
    if left:
        def done(what: Any) -> None:
            log.info("recovery: calls closed %s, logged out of %s as of %s", list(what.calls_closed),
                     list(what.queues_left), what.at)
            if what:
                parts.window.show_notice(recovery_text(len(what.calls_closed), what.at, crashed=what.crashed))

        future = parts.db_runner.submit(recover, left, interactions=services.interactions,
                                        write_queue_log=services.write_queue_log, on_result=done, owner=parts.window)
    return CrashSafety(keeper, journal, future)


def warm_up(parts: OperatorWindow) -> None:
    """What the start leaves out to be interactive sooner, loaded on the lookup worker right after:
    phone-number parsing (and its region data) is the first thing a ringing call needs."""
    from desktop_agent.core.phone import normalise

    parts.lookup_runner.submit(normalise, "+74950000000")


async def run_smoke_call(parts: OperatorWindow, services: OperatorServices, *, timeout: float) -> int:
    """Take one call through the real window: the ACD rings, the Answer action answers, Hang up
    ends it, the first disposition is picked in the wrap-up pane, Ready finishes. Exit code 0 only
    when the interaction row holds the disposition and the agent is Ready again."""
    from desktop_agent.core.agent_state import AgentState
    from desktop_agent.core.call_session import CallState

    flow, registry = parts.flow, parts.window.registry
    finished: list[Any] = []
    flow.call_finished.connect(finished.append)
    deadline = time.monotonic() + timeout

    async def until(what: str, condition: Callable[[], bool]) -> None:
        while not condition():
            if time.monotonic() > deadline:
                raise TimeoutError(what)
            await asyncio.sleep(0.05)

    def state() -> CallState | None:
        return flow.current.state if flow.current else None

    try:
        await until("a call to ring", lambda: state() is CallState.RINGING)
        registry.get("call.answer").trigger()
        await until("the call to connect", lambda: state() is CallState.TALKING)
        await asyncio.sleep(1.0)
        registry.get("call.hangup").trigger()
        await until("wrap-up", lambda: state() is CallState.WRAPUP)
        wrapup = next(p for p in parts.panes if p.pane_id == "pane.wrapup")
        await until("the dispositions to load", lambda: wrapup.list.count() > 0)
        wrapup.take_focus()
        wrapup.list.setCurrentRow(0)
        registry.get("agent.ready").trigger()
        await until("wrap-up to be stored", lambda: bool(finished))
        # Ready again: the ACD may already be ringing the agent with the next caller.
        await until("Ready", lambda: flow.agent_status.state in (AgentState.READY, AgentState.RINGING))
        summary = finished[0]
        stored = await parts.db_runner.run(services.interactions.by_callid, summary.call_id)
    except TimeoutError as exc:
        print(f"desktop-agent: smoke test: timed out waiting for {exc}", file=sys.stderr)
        return 1
    if stored is None or stored.disposition != summary.disposition or stored.answered_at is None:
        print("desktop-agent: smoke test: the call was not stored as expected", file=sys.stderr)
        return 1
    print(f"smoke test: call {summary.call_id} answered, {summary.talk_seconds} s talk, "
          f"disposition {summary.disposition}, Ready again")
    return 0
