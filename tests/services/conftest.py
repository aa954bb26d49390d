"""The services' tests run threads of their own (database workers, the outbox) in the same process as
the GUI tests before them. Collect what those left before each test, on the main thread: a Qt object's
wrapper collected on a worker thread would take its C++ object down from the wrong thread."""

from __future__ import annotations

import gc
import sys

import pytest


@pytest.fixture(autouse=True)
def _collect_qt_leftovers():
    if "PySide6.QtWidgets" in sys.modules:
        from PySide6.QtCore import QCoreApplication, QEvent

        app = QCoreApplication.instance()
        if app is not None:
            app.processEvents()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    yield
