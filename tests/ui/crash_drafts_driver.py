"""The operator window as app.py composes it (build_window, then keep_crash_safe: drafts on disk and the
session's journal), over a database the test prepared, with the fake phone. test_crash_drafts.py runs
it as a process of its own:

    python tests/ui/crash_drafts_driver.py type DATABASE_URL NUMBER
        a call rings from NUMBER and is answered, a new ticket is typed into the editor; one JSON line
        says what was typed and when the last key went; then the window runs until it is killed
    python tests/ui/crash_drafts_driver.py reopen DATABASE_URL
        one JSON line says what the editor offers after the start (its kept drafts, its note); the first
        draft is reopened and saved, and a second line says what was saved; then a clean stop

DESKTOP_AGENT_HOME is the profile; the agent's login is the one the app takes. With
CRASH_DRIVER_SCREENSHOT=FILE, `reopen` saves the window as the operator sees it after the start."""

from __future__ import annotations

import asyncio
import json
import os
import sys
import time
from typing import Any


def main(mode: str, url: str, number: str | None) -> int:
    import qasync
    from operator_harness import FakeSoftphone, until
    from PySide6.QtCore import QCoreApplication, QEvent, Qt
    from PySide6.QtGui import QKeyEvent, QTextCursor
    from PySide6.QtWidgets import QApplication

    from desktop_agent.app import _login, build_window, keep_crash_safe
    from desktop_agent.composition import build_services, open_store
    from desktop_agent.core.call_session import CallState
    from desktop_agent.ui.kit.i18n import Translations
    from desktop_agent.ui.shell.about_info import AboutInfo
    from desktop_agent.ui.shell.settings import UiSettings

    app = QApplication.instance() or QApplication(sys.argv[:1])
    Translations(app).install("ru")
    db = open_store(url)
    services = build_services(db, login=_login())
    phone = FakeSoftphone()
    parts = build_window(services=services, softphone=phone, settings=UiSettings(), save_settings=lambda: None,
                         on_language=lambda _l: None, on_theme=lambda _t: None,
                         about=AboutInfo("test", "fake", "ui.json"), backend_label="fake")
    safety = keep_crash_safe(parts, services)
    flow, editor = parts.flow, next(p for p in parts.panes if p.pane_id == "pane.ticket_editor")
    loop = qasync.QEventLoop(app)
    asyncio.set_event_loop(loop)

    def keys(widget: Any, text: str) -> None:
        """Key events carrying text, one per character (QTest.keyClicks only knows ASCII)."""
        for ch in text:
            for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
                QApplication.sendEvent(widget, QKeyEvent(kind, 0, Qt.KeyboardModifier.NoModifier, ch))

    def say(what: dict[str, Any]) -> None:
        print(json.dumps(what, ensure_ascii=False, default=str), flush=True)

    async def typing() -> None:
        call_id = phone.ring(number)
        await until(lambda: flow.pop_for(call_id) is not None, 10, "the screen-pop")
        flow.answer()
        await until(lambda: flow.current.state is CallState.TALKING and flow.interaction_id(call_id), 10, "talking")
        assert editor.new_from_call()
        form = editor.form
        form.subject.selectAll()
        for word in ("Двойное ", "списание ", "за март"):
            keys(form.subject, word)
            await asyncio.sleep(0.05)
        form.description.moveCursor(QTextCursor.MoveOperation.End)
        for word in ("Клиент ", "говорит, ", "что ", "деньги ", "списали ", "дважды."):
            keys(form.description, word)
            await asyncio.sleep(0.05)
        last_key = time.time()
        customer = flow.customer_for(call_id)
        say({"call_id": call_id, "customer_id": str(customer.id), "customer": customer.full_name,
             "interaction_id": str(flow.interaction_id(call_id)), "subject": form.values()["subject"],
             "description": form.values()["description"], "last_key": last_key})
        await asyncio.Event().wait()  # until killed

    async def reopening() -> None:
        await safety.recovered(10)
        kept = [editor.kept_list.item(i).text() for i in range(editor.kept_list.count())]
        drafts = flow.kept_drafts()
        say({"kept_items": kept, "note": editor.note.text() if editor.note.isVisible() else "",
             "drafts": [{"key": d.key, "customer_id": str(d.customer.id) if d.customer else None,
                         "interaction_id": str(d.interaction_id), "subject": d.work.subject,
                         "description": d.work.values.get("description")} for d in drafts]})
        if os.environ.get("CRASH_DRIVER_SCREENSHOT"):
            await asyncio.sleep(0.3)
            parts.window.grab().save(os.environ["CRASH_DRIVER_SCREENSHOT"])
        assert editor.reopen_kept(drafts[0].key)
        values = editor.form.values()
        assert editor.save()
        await until(lambda: editor.ticket is not None and not editor.busy, 10, "the save")
        parts.db_runner.flush()
        stored = services.interactions.by_callid(drafts[0].key)
        await asyncio.sleep(1.2)  # two ticks: the saved draft leaves the file
        safety.drafts.flush()
        say({"ticket_id": str(editor.ticket.id), "number": editor.ticket.number, "subject": values["subject"],
             "interaction_ticket_id": str(stored.ticket_id), "interaction_id": str(stored.id),
             "drafts_left": len(flow.kept_drafts()), "drafts_file": safety.drafts.path.exists()})

    async def run() -> None:
        parts.window.resize(1366, 768)
        parts.window.show()
        flow.listen()
        await phone.start()
        await safety.recovered(10)
        flow.start(ready=True)
        try:
            await (typing() if mode == "type" else reopening())
        finally:
            flow.stop()
            await phone.stop()

    try:
        loop.run_until_complete(run())
    finally:
        parts.db_runner.shutdown(wait=True)
        parts.lookup_runner.shutdown(wait=True)
        safety.close()
        parts.window.close_without_asking()
        QCoreApplication.processEvents()
        db.dispose()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3] if len(sys.argv) > 3 else None))
