"""A single worker thread for blocking service calls, without Qt.

The headless desk, the load harness and tests use it; the window uses ui.kit.qt_bridge.ServiceRunner,
which has the same `submit`. Results and errors are handed to the callbacks through `post`, which
runs them on the desk's own thread (for asyncio: `loop.call_soon_threadsafe`).
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

log = logging.getLogger(__name__)
T = TypeVar("T")
Post = Callable[[Callable[[], None]], None]


def first_line(exc: BaseException) -> str:
    text = str(exc)
    return text.splitlines()[0] if text else type(exc).__name__


def deliver(name: str, future: Future[Any], on_result: Callable[[Any], None] | None,
            on_error: Callable[[BaseException], None] | None,
            unhandled: Callable[[BaseException], None] | None = None) -> None:
    """Hand a finished call's result to `on_result`, or its error to `on_error`; an error nobody
    handles is logged and given to `unhandled`. A failing callback is logged, never raised: it must
    not stop the deliveries that follow."""
    exc = future.exception()
    try:
        if exc is None:
            if on_result is not None:
                on_result(future.result())
        elif on_error is not None:
            on_error(exc)
        else:
            log.error("%s call failed: %s", name, first_line(exc))
            if unhandled is not None:
                unhandled(exc)
    except Exception:  # noqa: BLE001 - a failing callback is a bug, but must not kill the loop
        log.exception("callback of a %s call failed", name)


class SerialWorker:
    def __init__(self, name: str, post: Post) -> None:
        self.name = name
        self._post = post
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"da-{name}")
        self._lock = threading.Lock()
        self._pending = 0
        self._closed = False

    @property
    def pending(self) -> int:
        """Calls submitted whose callbacks have not run yet."""
        return self._pending

    def submit(self, fn: Callable[..., T], *args: Any, on_result: Callable[[T], None] | None = None,
               on_error: Callable[[BaseException], None] | None = None, owner: object = None,
               **kwargs: Any) -> Future[T]:
        if self._closed:
            dropped: Future[T] = Future()
            dropped.cancel()
            return dropped
        with self._lock:
            self._pending += 1
        future = self._executor.submit(fn, *args, **kwargs)
        future.add_done_callback(lambda f: self._post(lambda: self._deliver(f, on_result, on_error)))
        return future

    def _deliver(self, future: Future[Any], on_result: Callable[[Any], None] | None,
                 on_error: Callable[[BaseException], None] | None) -> None:
        with self._lock:
            self._pending -= 1
        deliver(self.name, future, on_result, on_error)

    def flush(self, timeout: float = 30.0) -> None:
        """Block until every call submitted so far has run (not its callbacks)."""
        self._executor.submit(lambda: None).result(timeout)

    def shutdown(self, wait: bool = True) -> None:
        self._closed = True
        self._executor.shutdown(wait=wait, cancel_futures=not wait)
