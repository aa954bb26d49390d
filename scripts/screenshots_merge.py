"""Screenshots of the ticket editor's merge view, for docs/screenshots/.

The real operator window over a fresh embedded database with demo data, 1366x768: a call from a demo
customer with open tickets is answered and one of the tickets opened in the editor; the operator
edits its subject and description while "another desk" (a second TicketStore on the same file, as
a colleague's desktop) saves its own subject and description first. The operator's save is refused,
Merge opens the merge view, and the window is grabbed with the view on top (a plain frame with
the view's title drawn round it, where a window manager would put one). Under Xvfb:

    QT_QPA_PLATFORM=xcb xvfb-run -a -s "-screen 0 1920x1080x24 -nolisten tcp" \\
        .venv/bin/python scripts/screenshots_merge.py docs/screenshots

writes merge-{ru,en}-1366x768.png.
"""

from __future__ import annotations

import asyncio
import math
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from screenshots import _default_location, _until  # noqa: E402 - the sibling script's helpers

WIDTH, HEIGHT = 1366, 768
NOTES = {   # what each side adds to the ticket's description, and its new subject
    "ru": ("Клиент перезагрузил роутер трижды, индикатор WAN не горит. Обещали перезвонить до 18:00.",
           "Авария на линии в районе, бригада выехала. Срок устранения — сегодня до 18:00.",
           "Нет интернета: роутер не видит линию", "Авария на линии: нет интернета у клиента"),
    "en": ("The customer restarted the router three times; the WAN light stays off. Promised a call back by 6 pm.",
           "Line outage in the area, a crew is on its way. Expected fix: today by 6 pm.",
           "No internet: the router does not see the line", "Line outage: the customer has no internet"),
}


def main(out_dir: Path) -> int:
    os.environ["DESKTOP_AGENT_HOME"] = tempfile.mkdtemp(prefix="da-shots-")
    import qasync
    from PySide6.QtCore import QPoint, QRect, Qt
    from PySide6.QtGui import QColor, QFont, QGuiApplication, QPainter, QPalette, QPixmap
    from PySide6.QtWidgets import QApplication

    from desktop_agent.app import build_services, build_window, open_store, prepare_data
    from desktop_agent.core.call_session import CallState
    from desktop_agent.store.reference import ReferenceStore
    from desktop_agent.store.tickets import TicketStore
    from desktop_agent.telephony.simulator import SimConfig
    from desktop_agent.telephony.simulator.softphone import SimulatorSoftphone
    from desktop_agent.ui.kit.i18n import Translations
    from desktop_agent.ui.shell.about_dialog import AboutInfo
    from desktop_agent.ui.shell.settings import UiSettings
    from desktop_agent.ui.shell.theme import app_icon, apply_theme
    from desktop_agent.ui.ticket.editor import TicketEditor

    QGuiApplication.setHighDpiScaleFactorRoundingPolicy(Qt.HighDpiScaleFactorRoundingPolicy.PassThrough)
    app = QApplication(sys.argv[:1])
    app.setWindowIcon(app_icon())
    app.setQuitOnLastWindowClosed(False)
    first = open_store(None)
    prepare_data(first)
    callers = {language: _caller_speaking(build_services(first, login="i.petrova"), language)
               for language in ("ru", "en")}
    seeded = Path(first.url.database)
    first.dispose()
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)
    translations = Translations(app)
    out_dir.mkdir(parents=True, exist_ok=True)

    def framed(window, dialog) -> QPixmap:  # noqa: ANN001
        """The window with the dialog on top where Qt placed it, in a plain frame with its title."""
        shot = window.grab()
        body = dialog.grab()
        title_h = 28
        at = dialog.geometry().topLeft() - window.geometry().topLeft()
        palette = dialog.palette()
        painter = QPainter(shot)
        outer = QRect(at.x() - 1, at.y() - title_h - 1, body.width() + 2, body.height() + title_h + 2)
        for spread in range(8, 0, -1):  # a soft shadow, as a compositor would draw
            painter.fillRect(outer.adjusted(-spread, -spread + 2, spread, spread + 2), QColor(0, 0, 0, 6))
        painter.fillRect(outer, palette.color(QPalette.ColorRole.Mid))
        painter.fillRect(QRect(at.x(), at.y() - title_h, body.width(), title_h),
                         palette.color(QPalette.ColorRole.Button))
        font = QFont(dialog.font())
        font.setWeight(QFont.Weight.DemiBold)
        painter.setFont(font)
        painter.setPen(palette.color(QPalette.ColorRole.WindowText))
        painter.drawText(QRect(at.x() + 12, at.y() - title_h, body.width() - 24, title_h),
                         Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeft, dialog.windowTitle())
        painter.drawPixmap(QPoint(at.x(), at.y()), body)
        painter.end()
        return shot

    async def shoot(language: str) -> Path:
        copy = seeded.with_name(f"merge-{language}.sqlite3")
        shutil.copyfile(seeded, copy)
        db = open_store(f"sqlite:///{copy}")
        services = build_services(db, login="i.petrova")
        services.database_label = _default_location()  # what a user sees, not this run's temp copy
        translations.install(language)
        apply_theme(app, "light")
        phone = SimulatorSoftphone(SimConfig(agents=0, calls_per_hour=0.001, queues=("support",),
                                             operator=services.agent.login, operator_wrapup_limit=None,
                                             operator_ring_timeout=600), services.numbers)
        parts = build_window(services=services, softphone=phone, settings=UiSettings(), save_settings=lambda: None,
                             on_language=translations.install, on_theme=lambda t: apply_theme(app, t),
                             about=AboutInfo(services.database_label, phone.name, ""), backend_label=phone.name)
        window, flow = parts.window, parts.flow
        window.sync_choices(language=language, theme="light")
        window.resize(WIDTH, HEIGHT)
        window.show()
        flow.listen()
        await phone.start()
        flow.start(ready=True)
        phone.offer_call(callers[language], "", talk=math.inf)
        await _until(lambda: flow.current is not None and flow.pop_for(flow.current.call_id) is not None)
        window.registry.get("call.answer").trigger()
        await _until(lambda: flow.current.state is CallState.TALKING)
        ticket = flow.pop_for(flow.current.call_id).open_tickets[0]

        editor = next(p for p in parts.panes if isinstance(p, TicketEditor))
        editor.open_ticket(ticket)
        await _until(lambda: editor.ticket is not None and len(editor.history.model.entries) >= 1)
        ticket = editor.ticket
        mine, theirs, my_subject, their_subject = NOTES[language]
        base = ticket.description.rstrip("\n")
        # a colleague's desktop saves first, under their own name
        colleague = ReferenceStore(db, "desk-b").get_or_create_agent(
            "a.sokolova", "Анна Соколова" if language == "ru" else "Anna Sokolova")
        TicketStore(db, "desk-b").update(ticket.id, ticket.version,
                                         {"subject": their_subject, "description": f"{base}\n{theirs}\n"},
                                         agent_id=colleague.id)
        editor.form.subject.setText(my_subject)
        editor.form.description.setPlainText(f"{base}\n{mine}\n")
        editor.save()
        await _until(lambda: editor.stale is not None and editor.header.banner.isVisible())
        await asyncio.sleep(0.3)   # the history tab names the colleague
        editor.merge()
        dialog = editor.merge_dialog
        await _until(lambda: dialog is not None and dialog.isVisible())
        await asyncio.sleep(1.0)
        path = out_dir / f"merge-{language}-{WIDTH}x{HEIGHT}.png"
        framed(window, dialog).save(str(path))
        dialog.reject()
        window.close_without_asking()
        flow.stop()
        await phone.stop()
        parts.db_runner.shutdown(wait=True)
        parts.lookup_runner.shutdown(wait=True)
        window.deleteLater()
        db.dispose()
        return path

    async def all_shots() -> None:
        for language in ("ru", "en"):
            print("saved", await shoot(language))

    loop.run_until_complete(all_shots())
    return 0


def _caller_speaking(services, language: str) -> str:  # noqa: ANN001
    """A demo customer who speaks the shot's language and has an open ticket with a description."""
    for number in services.numbers[:600]:
        pop = services.screen_pops.lookup(number)
        customer = pop.customer
        if customer is not None and customer.language == language and pop.open_tickets \
                and pop.open_tickets[0].description.strip():
            return number
    raise LookupError(f"no demo caller speaking {language} with an open ticket")


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")))
