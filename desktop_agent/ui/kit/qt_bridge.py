"""The edge between thread-agnostic code and Qt widgets.

Core, telephony and store code call their handlers from whatever thread they run on (a backend's
socket reader, the database worker, a change-feed thread). Widgets may only be touched on the GUI
thread. Two adapters make that crossing explicit:

* :class:`GuiRelay` — a callable that may be called from any thread; its handler always runs later
  on the GUI thread (a queued signal), in call order.
* :class:`ServiceRunner` — runs blocking service calls on ONE worker thread (database work is
  serialised, a SQLAlchemy Session never crosses threads) and hands the result or the error back to
  callbacks on the GUI thread. Results for a widget that has been deleted in the meantime are dropped.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

import shiboken6
from PySide6.QtCore import QCoreApplication, QObject, Qt, QThread, Signal, Slot

from desktop_agent.services.workers import deliver, first_line

log = logging.getLogger(__name__)
T = TypeVar("T")


def is_gui_thread() -> bool:
    app = QCoreApplication.instance()
    return app is not None and QThread.currentThread() is app.thread()


def assert_gui_thread() -> None:
    """Refresh methods call this: touching widgets from a worker crashes Qt far from the cause."""
    if not is_gui_thread():
        raise RuntimeError(f"called off the GUI thread (from {threading.current_thread().name})")


def _alive(obj: QObject | None) -> bool:
    return obj is None or shiboken6.isValid(obj)


class GuiRelay(QObject):
    """`relay(payload)` from any thread; `handler(payload)` runs on the GUI thread.

    Delivery is always queued, even from the GUI thread itself, so a backend that emits an event
    never re-enters its own code through a UI handler.
    """

    _posted = Signal(object)

    def __init__(self, handler: Callable[[Any], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._handler = handler
        self._posted.connect(self._deliver, Qt.ConnectionType.QueuedConnection)

    def __call__(self, payload: Any) -> None:
        if shiboken6.isValid(self):
            self._posted.emit(payload)

    post = __call__

    @Slot(object)
    def _deliver(self, payload: Any) -> None:
        try:
            self._handler(payload)
        except Exception:  # noqa: BLE001 - one failing handler must not stop later events
            log.exception("GUI handler failed on %r", payload)


class ServiceRunner(QObject):
    """A single worker thread for blocking service calls, with results delivered on the GUI thread."""

    failed = Signal(str)  # one line, for the status bar, when a call had no error callback

    _finished = Signal(object)

    def __init__(self, name: str = "db", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"da-{name}")
        self._finished.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._pending = 0
        self._lock = threading.Lock()
        self._closed = False
        # the one line `failed` carries; app.py words a lost database in the operator's language
        self.describe: Callable[[BaseException], str] = first_line

    @property
    def pending(self) -> int:
        """Calls submitted and not yet delivered."""
        return self._pending

    def submit(
        self,
        fn: Callable[..., T],
        *args: Any,
        on_result: Callable[[T], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        owner: QObject | None = None,
        **kwargs: Any,
    ) -> Future[T]:
        """Run `fn(*args, **kwargs)` on the worker. Callbacks run on the GUI thread, unless `owner`
        (usually the widget that asked) was deleted meanwhile."""
        if self._closed:
            # A late refresh during shutdown (a language change, a timer): nothing to do any more.
            log.debug("%s runner is shut down: %s not run", self.name, getattr(fn, "__name__", fn))
            dropped: Future[T] = Future()
            dropped.cancel()
            return dropped
        with self._lock:
            self._pending += 1
        future = self._executor.submit(fn, *args, **kwargs)
        future.add_done_callback(
            lambda f: self._finished.emit((f, on_result, on_error, owner)) if shiboken6.isValid(self) else None
        )
        return future

    async def run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """The same worker from asyncio code: `await runner.run(service.get, key)`."""
        loop = asyncio.get_running_loop()
        return await loop.run_in_executor(self._executor, functools.partial(fn, *args, **kwargs))

    @Slot(object)
    def _deliver(self, item: tuple) -> None:
        future, on_result, on_error, owner = item
        with self._lock:
            self._pending -= 1
        if not _alive(owner):
            return
        deliver(self.name, future, on_result, on_error, lambda exc: self.failed.emit(self.describe(exc)))

    def flush(self, timeout: float = 30.0) -> None:
        """Block until every call submitted so far has run (not its GUI callbacks). For shutdown
        paths and tests; never call it from a refresh."""
        self._executor.submit(lambda: None).result(timeout)

    def shutdown(self, wait: bool = True) -> None:
        """Finish the queued calls (writes must not be lost) and stop the worker."""
        self._closed = True
        self._executor.shutdown(wait=wait, cancel_futures=not wait)
