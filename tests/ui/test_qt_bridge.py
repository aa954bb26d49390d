"""The Qt edge: events from any thread reach handlers on the GUI thread, and the GUI thread keeps
painting and counting while a slow service call (a screen-pop lookup) runs on the worker."""

from __future__ import annotations

import threading
import time

import pytest
from PySide6.QtCore import QObject, QTimer
from PySide6.QtTest import QTest

from desktop_agent.ui.kit.qt_bridge import GuiRelay, ServiceRunner, assert_gui_thread, is_gui_thread

pytestmark = pytest.mark.gui


def test_gui_thread_keeps_running_while_a_slow_lookup_is_in_flight(qapp, qtbot):
    runner = ServiceRunner("lookup")
    ticks: list[float] = []
    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(lambda: ticks.append(time.monotonic()))
    timer.start()
    results: list[tuple[str, bool]] = []
    worker_threads: list[int] = []

    def slow_lookup(number: str) -> str:
        worker_threads.append(threading.get_ident())
        time.sleep(0.6)  # a lookup stuck on a slow database
        return f"pop for {number}"

    started = time.monotonic()
    runner.submit(slow_lookup, "+79161234567", on_result=lambda r: results.append((r, is_gui_thread())))
    assert time.monotonic() - started < 0.05  # submit returns at once
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    during = [t for t in ticks if started < t < started + 0.6]
    timer.stop()
    runner.shutdown()
    assert results == [("pop for +79161234567", True)]
    assert worker_threads[0] != threading.get_ident()
    assert len(during) >= 15, f"the GUI thread ran its timer only {len(during)} times in 0.6 s"
    gaps = [b - a for a, b in zip(during, during[1:], strict=False)]
    assert max(gaps) < 0.2, f"the GUI thread stalled for {max(gaps):.3f} s"


def test_relay_delivers_on_the_gui_thread_in_order(qapp, qtbot):
    got: list[tuple[int, bool]] = []
    relay = GuiRelay(lambda n: got.append((n, is_gui_thread())))

    def produce() -> None:
        for n in range(50):
            relay(n)

    threads = [threading.Thread(target=produce) for _ in range(1)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    relay(50)  # from the GUI thread too: still queued, never re-entrant
    assert got == []
    qtbot.waitUntil(lambda: len(got) == 51, timeout=3000)
    assert [n for n, _ in got] == list(range(51))
    assert all(on_gui for _, on_gui in got)


def test_errors_go_to_the_error_callback_or_the_failed_signal(qapp, qtbot):
    runner = ServiceRunner("db")
    errors: list[str] = []
    failed: list[str] = []
    runner.failed.connect(failed.append)

    def boom() -> None:
        raise ValueError("database said no\nsecond line")

    runner.submit(boom, on_error=lambda exc: errors.append(str(exc)))
    runner.submit(boom)
    qtbot.waitUntil(lambda: bool(errors and failed), timeout=3000)
    assert errors == ["database said no\nsecond line"]
    assert failed == ["database said no"]  # one line for the status bar
    runner.shutdown()


def test_results_for_a_deleted_widget_are_dropped(qapp, qtbot):
    runner = ServiceRunner("db")
    owner = QObject()
    got: list[str] = []
    gate = threading.Event()
    runner.submit(lambda: gate.wait(2) and "late", on_result=got.append, owner=owner)
    owner.deleteLater()
    QTest.qWait(20)
    gate.set()
    runner.flush()
    QTest.qWait(50)
    assert got == [] and runner.pending == 0
    runner.shutdown()


def test_calls_run_one_at_a_time_in_order(qapp, qtbot):
    runner = ServiceRunner("db")
    order: list[int] = []
    active = []

    def job(n: int) -> None:
        active.append(n)
        assert len(active) == 1, "two database calls at once"
        time.sleep(0.005)
        order.append(n)
        active.remove(n)

    for n in range(20):
        runner.submit(job, n)
    runner.flush()
    assert order == list(range(20))
    runner.shutdown()
    late = runner.submit(job, 99)  # after shutdown: dropped, not raised
    assert late.cancelled()


def test_assert_gui_thread_from_a_worker(qapp):
    assert_gui_thread()
    caught: list[BaseException] = []

    def worker() -> None:
        try:
            assert_gui_thread()
        except RuntimeError as exc:
            caught.append(exc)

    t = threading.Thread(target=worker, name="worker-x")
    t.start()
    t.join()
    assert caught and "worker-x" in str(caught[0])
