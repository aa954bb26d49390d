"""The outbox on its own: the journal on disk, order, offline and back, refusals that block nothing,
replay after a restart, and the payload codec. The store functions are small fakes that record what
they were asked; the real store is in test_outbox_outage.py."""

from __future__ import annotations

import queue
import sqlite3
import threading
import time
from datetime import UTC, datetime
from uuid import uuid4

import pytest

from desktop_agent.core.checklist import ChecklistDefinition, ChecklistStep, start_run
from desktop_agent.core.ports import RuleViolation, TicketDraft
from desktop_agent.core.queue_log import QueueLogRecord
from desktop_agent.services import codec
from desktop_agent.services.outbox import Outbox


class Down(Exception):
    """The database does not answer."""


class Store:
    """Writes by key; `down` makes every write fail as a lost link would."""

    def __init__(self) -> None:
        self.rows: dict[str, object] = {}
        self.calls: list[str] = []
        self.down = False
        self.lock = threading.Lock()

    def put(self, key: str, value: object = None) -> str:
        with self.lock:
            self.calls.append(key)
            if self.down:
                raise Down("connection refused")
            if key.startswith("bad"):
                raise RuleViolation(f"refused: {key}")
            self.rows.setdefault(key, value)  # idempotent, as every desk write is
            return key


def make(tmp_path, store: Store, **kw) -> tuple[Outbox, queue.Queue]:  # noqa: ANN001
    delivered: queue.Queue = queue.Queue()
    outbox = Outbox(tmp_path / "outbox.sqlite3", {"put": store.put}, delivered.put,
                    is_transient=lambda exc: isinstance(exc, Down), **kw)
    return outbox, delivered


def drain(delivered: queue.Queue) -> None:
    while True:
        try:
            delivered.get_nowait()()
        except queue.Empty:
            return


def journal_rows(tmp_path) -> list[tuple]:  # noqa: ANN001
    with sqlite3.connect(tmp_path / "outbox.sqlite3") as conn:
        return list(conn.execute("SELECT seq, kind, state FROM entries ORDER BY seq"))


def test_entries_are_applied_in_order_and_leave_the_journal(tmp_path):
    store = Store()
    outbox, delivered = make(tmp_path, store)
    outbox.start()
    results = []
    for i in range(50):
        outbox.submit("put", {"key": f"k{i:02d}"}, on_applied=results.append)
    assert outbox.wait_empty(10)
    drain(delivered)
    assert store.calls == [f"k{i:02d}" for i in range(50)] and results == store.calls
    assert journal_rows(tmp_path) == []
    outbox.stop()


def test_offline_entries_wait_are_told_queued_and_go_when_the_database_answers(tmp_path):
    store = Store()
    store.down = True
    outbox, delivered = make(tmp_path, store)
    statuses = []
    outbox.on_status(statuses.append)
    outbox.start()
    queued, applied = [], []
    for i in range(5):
        outbox.submit("put", {"key": f"k{i}"}, on_applied=applied.append, on_queued=lambda i=i: queued.append(i))
    time.sleep(0.3)
    drain(delivered)
    assert sorted(queued) == [0, 1, 2, 3, 4] and applied == []
    assert outbox.status().offline_since is not None and outbox.pending == 5
    assert len(journal_rows(tmp_path)) == 5
    store.down = False
    assert outbox.wait_empty(15)
    drain(delivered)
    assert applied == [f"k{i}" for i in range(5)] and list(store.rows) == applied
    assert outbox.status().offline_since is None
    assert any(s.offline_since is not None and s.pending == 5 for s in statuses)
    outbox.stop()


def test_a_refused_write_blocks_nothing_after_it(tmp_path):
    store = Store()
    outbox, delivered = make(tmp_path, store)
    outbox.start()
    errors = []
    outbox.submit("put", {"key": "k1"})
    outbox.submit("put", {"key": "bad-2"}, on_error=errors.append)
    outbox.submit("put", {"key": "k3"})
    assert outbox.wait_empty(10)
    drain(delivered)
    assert list(store.rows) == ["k1", "k3"] and len(errors) == 1 and "bad-2" in str(errors[0])
    status = outbox.status()
    assert status.failed == 1 and "bad-2" in status.last_error
    assert [(kind, state) for _seq, kind, state in journal_rows(tmp_path)] == [("put", "failed")]
    assert outbox.failed_entries()[0][1] == "put"
    outbox.stop()


def test_what_a_stopped_desk_left_is_replayed_at_its_next_start_exactly_once(tmp_path):
    store = Store()
    store.down = True
    first, _ = make(tmp_path, store)
    first.start()
    for i in range(4):
        first.submit("put", {"key": f"k{i}"})
    time.sleep(0.2)
    first.stop()  # as a killed desk: nothing applied, all in the journal
    assert len(journal_rows(tmp_path)) == 4

    store.down = False
    store.rows["k0"] = "stored before the desk died"  # applied, but the journal never heard back
    second, _ = make(tmp_path, store)
    assert second.pending == 4
    second.start()
    assert second.wait_empty(10)
    assert store.rows == {"k0": "stored before the desk died", "k1": None, "k2": None, "k3": None}
    assert journal_rows(tmp_path) == []
    second.stop()


def test_an_unknown_kind_is_refused_at_once(tmp_path):
    outbox, _ = make(tmp_path, Store())
    with pytest.raises(KeyError):
        outbox.submit("nope", {})
    outbox.stop()


def test_the_codec_brings_back_the_desks_arguments():
    definition = ChecklistDefinition(id=uuid4(), key="angry", language="ru", caller_type="angry", title="Гнев",
                                     steps=(ChecklistStep(key="listen", title="Выслушать"),))
    at = datetime(2026, 12, 8, 10, 0, tzinfo=UTC)
    run = start_run(definition, at).tick("listen", at)
    record = QueueLogRecord.make(at, "call-1", "support", "op", "CONNECT", "5", "call-1", "3")
    draft = TicketDraft(subject="Счёт", customer_id=uuid4(), id=uuid4(), fill_language="ru")
    args = {"run": run, "records": [record], "draft": draft, "at": at, "id": uuid4(), "n": 3, "none": None}
    back = codec.loads(codec.dumps(args))
    assert back == args


def test_the_codec_refuses_what_it_must_not_rebuild():
    with pytest.raises(codec.CodecError):
        codec.dumps({"at": datetime(2026, 1, 1)})  # a naive time
    with pytest.raises(codec.CodecError):
        codec.loads('{"$d": {"x": {"$dc": "os:system", "f": {}}}}')
    with pytest.raises(codec.CodecError):
        codec.loads("{broken")
