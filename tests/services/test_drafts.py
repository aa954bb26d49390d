"""Unsaved ticket work on disk (services.drafts), without Qt: the file replaced atomically by its own
thread, the desk's drafts and the editor's work in it, and what a new desk gets back from it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from datetime import UTC, datetime
from uuid import uuid4

import pytest

from desktop_agent.core.call_session import CallSession
from desktop_agent.core.dto import CustomerDTO, PhoneDTO, ScreenPop
from desktop_agent.services import events as ev
from desktop_agent.services.call_record import CallRecord, KeptDraft, TicketWork
from desktop_agent.services.drafts import DraftKeeper, DurableFile, drafts_path, read_drafts

CUSTOMER = CustomerDTO(uuid4(), "Пётр Смирнов", phones=(PhoneDTO("+79161234567"),), vip=True)
AT = datetime(2025, 3, 4, 10, 20, 30, tzinfo=UTC)


class FakeDesk:
    """What the keeper reads of services.CallDesk: its kept drafts, its live records, its events."""

    def __init__(self) -> None:
        self.kept: dict[str, KeptDraft] = {}
        self.current: CallRecord | None = None
        self.waiting: CallRecord | None = None
        self.listeners: list = []

    def subscribe(self, listener):  # noqa: ANN001, ANN201
        self.listeners.append(listener)
        return lambda: self.listeners.remove(listener)

    def record(self, call_id):  # noqa: ANN001, ANN201
        return next((r for r in (self.current, self.waiting) if r is not None and r.call_id == call_id), None)

    def tick(self) -> None:
        for listener in tuple(self.listeners):
            listener(ev.Ticked())


def work(subject: str, description: str = "", *, ticket_id=None, base=None) -> TicketWork:  # noqa: ANN001
    values = {"subject": subject, "customer_id": CUSTOMER.id, "category": "billing", "priority": "normal",
              "status": "new", "assignee_id": uuid4(), "description": description}
    return TicketWork(values=values, base=base if base is not None else dict(values, subject=""),
                      ticket_id=ticket_id, at=AT)


def live_call(call_id: str = "sim-1.7") -> CallRecord:
    record = CallRecord(CallSession(call_id, "+7 916 123-45-67", queue="support"), interaction_uuid=uuid4())
    record.pop = ScreenPop("+7 916 123-45-67", "number", "+79161234567", CUSTOMER)
    return record


def test_a_document_is_replaced_whole_and_the_newest_wins(tmp_path):
    path = tmp_path / "drafts" / "a.json"
    written: list[int] = []
    file = DurableFile(path, on_written=lambda n, _t: written.append(n))
    for n in range(50):
        file.put(f"version {n}".encode())
    assert file.flush(5)
    assert path.read_bytes() == b"version 49"
    assert written[-1] == 50 and len(written) <= 50  # waiting versions are skipped, never written after a newer
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]
    file.put(None)
    assert file.close(5) and not path.exists()


def test_a_write_the_disk_refuses_is_tried_again(tmp_path):
    blocker = tmp_path / "drafts"
    blocker.write_text("a file where the folder should be")
    file = DurableFile(blocker / "a.json")
    file.put(b"kept")
    time.sleep(0.3)
    assert file.failures >= 1 and not file.flush(0.1)
    blocker.unlink()
    assert file.flush(5) and (blocker / "a.json").read_bytes() == b"kept"


def test_the_editors_work_and_the_kept_drafts_go_to_disk_on_the_tick(tmp_path):
    desk = FakeDesk()
    keeper = DraftKeeper(desk, tmp_path / "d.json")
    record = desk.current = live_call()
    record.ticket = work("Двойное списание", "Клиент просит вернуть")
    keeper.editor_work(record.call_id, record.ticket, CUSTOMER)
    desk.kept["sim-0.3"] = KeptDraft("sim-0.3", work("Доставка"), None, "+74950000000", AT, interaction_id=uuid4())
    assert not (tmp_path / "d.json").exists()  # nothing is written between ticks
    desk.tick()
    assert keeper.flush(5)
    stored = {d.key: d for d in read_drafts(tmp_path / "d.json")}
    assert set(stored) == {"sim-1.7", "sim-0.3"}
    mine = stored["sim-1.7"]
    assert mine.work.values == record.ticket.values and mine.customer == CUSTOMER
    assert mine.caller_id_raw == "+7 916 123-45-67" and mine.interaction_id == record.interaction_uuid
    assert stored["sim-0.3"].work.subject == "Доставка"


def test_nothing_is_written_when_nothing_changed(tmp_path):
    desk = FakeDesk()
    puts: list[int] = []
    keeper = DraftKeeper(desk, tmp_path / "d.json", file=DurableFile(tmp_path / "d.json",
                                                                      on_written=lambda n, _t: puts.append(n)))
    keeper.editor_work(None, work("Без звонка"))
    for _ in range(20):
        desk.tick()
    keeper.flush(5)
    assert puts == [1]


def test_work_with_no_call_keeps_one_key_and_comes_back_once(tmp_path):
    desk = FakeDesk()
    keeper = DraftKeeper(desk, tmp_path / "d.json")
    for text in ("Н", "Не", "Нет связи"):
        keeper.editor_work(None, work(text))
        desk.tick()
    keeper.close()
    stored = read_drafts(tmp_path / "d.json")
    assert [d.work.subject for d in stored] == ["Нет связи"] and stored[0].key.startswith("idle-")

    again = FakeDesk()
    keeper = DraftKeeper(again, tmp_path / "d.json")
    restored = keeper.restore()
    assert [d.key for d in restored] == [stored[0].key] and list(again.kept) == [stored[0].key]
    assert not keeper.after_crash  # a clean stop wrote them: kept from the last session, not recovered


def test_drafts_a_crashed_run_left_are_told_from_a_clean_stops(tmp_path):
    desk = FakeDesk()
    keeper = DraftKeeper(desk, tmp_path / "d.json")
    keeper.editor_work("sim-1.7", work("Списание"))
    desk.tick()
    keeper.flush(5)  # then kill -9: no close()
    again = DraftKeeper(FakeDesk(), tmp_path / "d.json")
    assert [d.work.subject for d in again.restore()] == ["Списание"] and again.after_crash


def test_work_kept_under_the_desks_key_is_not_stored_twice(tmp_path):
    """A call rings while the editor holds work with no call: the desk keeps it under a key of its
    own; until the editor has let go, the same work is not written under the editor's key too."""
    desk = FakeDesk()
    keeper = DraftKeeper(desk, tmp_path / "d.json")
    draft = work("Без звонка")
    keeper.editor_work(None, draft)
    desk.kept["idle-desk"] = KeptDraft("idle-desk", draft, None, "", AT)
    desk.tick()
    keeper.flush(5)
    assert [d.key for d in read_drafts(tmp_path / "d.json")] == ["idle-desk"]


def test_saved_work_leaves_no_file(tmp_path):
    desk = FakeDesk()
    keeper = DraftKeeper(desk, tmp_path / "d.json")
    record = desk.current = live_call()
    record.ticket = work("Новая заявка")
    keeper.editor_work(record.call_id, record.ticket)
    desk.tick()
    keeper.flush(5)
    assert (tmp_path / "d.json").exists()
    stored = TicketWork(values=record.ticket.values, base=record.ticket.values, ticket_id=uuid4(), number="T-1")
    record.ticket = stored  # saved: the editor's work equals what is stored
    keeper.editor_work(record.call_id, stored)
    desk.tick()
    keeper.flush(5)
    assert not (tmp_path / "d.json").exists()


def test_a_restored_draft_does_not_replace_what_the_desk_has(tmp_path):
    desk = FakeDesk()
    keeper = DraftKeeper(desk, tmp_path / "d.json")
    desk.kept["sim-0.3"] = KeptDraft("sim-0.3", work("Старое"), None, "", AT)
    keeper.close()
    again = FakeDesk()
    again.kept["sim-0.3"] = KeptDraft("sim-0.3", work("Новое"), None, "", AT)
    assert DraftKeeper(again, tmp_path / "d.json").restore() == []
    assert again.kept["sim-0.3"].work.subject == "Новое"


def test_a_damaged_file_is_set_aside_not_lost(tmp_path):
    path = tmp_path / "d.json"
    path.write_text('{"$d": {"format": 1, "drafts": [')
    assert read_drafts(path) == []
    assert not path.exists() and [p.name for p in tmp_path.iterdir() if p.name.startswith("d.json.damaged-")]


def test_a_file_per_database_and_agent(tmp_path, monkeypatch):
    monkeypatch.setenv("DESKTOP_AGENT_HOME", str(tmp_path))
    a = drafts_path("sqlite:///a.sqlite3", "op.ivanova")
    assert a == drafts_path("sqlite:///a.sqlite3", "op.ivanova")
    assert a.parent == tmp_path / "drafts"
    assert a != drafts_path("sqlite:///b.sqlite3", "op.ivanova") != drafts_path("sqlite:///a.sqlite3", "op.petrov")


@pytest.mark.skipif(os.name != "posix", reason="kill -9")
def test_a_process_killed_in_the_middle_of_writing_leaves_a_whole_document(tmp_path):
    """A writer killed at a random moment while it replaces the file over and over: what is on disk
    is always one whole document, never a torn one."""
    code = ("import sys, time\n"
            "from pathlib import Path\n"
            "from desktop_agent.services.drafts import DurableFile\n"
            "f = DurableFile(Path(sys.argv[1]))\n"
            "n = 0\n"
            "print('go', flush=True)\n"
            "while True:\n"
            "    n += 1\n"
            "    f.put(('{\"n\": %d, \"pad\": \"%s\"}' % (n, 'x' * 200000)).encode())\n"
            "    f.flush()\n")
    path = tmp_path / "d.json"
    for delay in (0.15, 0.3, 0.45):
        proc = subprocess.Popen([sys.executable, "-c", code, str(path)], stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().strip() == "go"
        time.sleep(delay)
        proc.kill()
        proc.wait(10)
        assert json.loads(path.read_text())["n"] >= 1
