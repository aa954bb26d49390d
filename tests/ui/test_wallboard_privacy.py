"""No customer name or number ever appears on the wallboard.

queue_log rows carry the caller's number and often a name (ENTERQUEUE's callerid, "Name <number>",
DID rows, custom INFO rows). Feed such rows through the real engine and feed into a shown board,
then read every text a person could see: labels, tooltips, accessible names, window titles, every
role of every model row, each tile's formula panel, the chart's axes and legend, the threshold
dialog, and the snapshot itself.
"""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTableWidget, QWidget
from test_wallboard_thresholds import T0, ListSource, rec

from desktop_agent.core.kpi import KpiEngine, KpiSettings
from desktop_agent.core.wallboard_feed import WallboardFeed
from desktop_agent.ui.wallboard import WallboardSettings, WallboardWidget, WallboardWindow
from desktop_agent.ui.wallboard.models import TILE_KEYS
from desktop_agent.ui.wallboard.thresholds import ThresholdDialog

pytestmark = pytest.mark.gui

CUSTOMERS = [("+79161234567", "Пётр Сергеевич Смирнов"), ("+74951112233", "Ivan Petrov"),
             ("89035557788", "Ольга Кузнецова")]
NEEDLES = ["Смирнов", "Пётр", "Petrov", "Ivan", "Кузнецова", "Ольга"]
DIGITS = ["9161234567", "4951112233", "9035557788"]


def customer_rows():  # noqa: ANN201
    rows = [rec(0, "NONE", "Agent/ivanova", "ADDMEMBER"), rec(0, "NONE", "Agent/sokolov", "ADDMEMBER")]
    t = 5
    for i, (number, name) in enumerate(CUSTOMERS):
        cid = f"1764061200.{i}"
        rows.append(rec(t, cid, "NONE", "DID", number))
        rows.append(rec(t, cid, "NONE", "ENTERQUEUE", "", f'"{name}" <{number}>', "1"))
        rows.append(rec(t + 1, cid, "NONE", "INFO", name, number, "crm-lookup"))
        if i == 0:
            rows.append(rec(t + 8, cid, "Agent/ivanova", "CONNECT", "8", f"{cid}.1", "3"))
            rows.append(rec(t + 90, cid, "Agent/ivanova", "COMPLETECALLER", "8", "82", "1"))
        elif i == 1:
            rows.append(rec(t + 40, cid, "NONE", "ABANDON", "1", "1", "40"))
        t += 3
    return rows


def visible_texts(board: WallboardWidget, root: QWidget | None = None) -> list[str]:
    """Everything a person could read on the board (under `root`, the board's window by default):
    labels, tips, titles, table cells, every model role, the chart's axis titles."""
    root = root or board.window()
    texts: list[str] = []
    for w in [root, *root.findChildren(QWidget)]:
        texts += [w.toolTip(), w.accessibleName(), w.accessibleDescription(), w.windowTitle(), w.statusTip(),
                  w.whatsThis()]
        if isinstance(w, QLabel):
            texts.append(w.text())
        if isinstance(w, QTableWidget):
            texts += [w.item(r, c).text() for r in range(w.rowCount()) for c in range(w.columnCount())
                      if w.item(r, c) is not None]
    for model in (board.tile_model, board.agent_model):
        for row in range(model.rowCount()):
            idx = model.index(row)
            for role in range(int(Qt.ItemDataRole.UserRole) + 20):
                value = model.data(idx, role)
                if value is not None:
                    texts.append(repr(value))
    item = board.chart.plot.getPlotItem()
    for name in ("left", "bottom", "right"):
        texts.append(item.getAxis(name).labelText)   # ticks are times and counts from the data
    return texts


def assert_clean(texts: list[str]) -> None:
    for text in texts:
        for needle in NEEDLES:
            assert needle not in text, f"customer name {needle!r} shown in {text!r}"
        digits = re.sub(r"\D", "", text)
        for number in DIGITS:
            assert number not in digits, f"customer number shown in {text!r}"


def test_no_customer_name_or_number_appears_anywhere(qtbot):
    clock = [T0 + timedelta(seconds=20)]
    engine = KpiEngine(KpiSettings(), clock=lambda: clock[0])
    rows = customer_rows()
    source = ListSource(rows)
    feed = WallboardFeed(engine, lambda: source, clock=lambda: clock[0])
    board = WallboardWidget(feed.tick, WallboardSettings(), refresh_ms=100, beep=lambda: None)
    window = WallboardWindow(board)
    qtbot.addWidget(window)
    window.resize(1600, 900)
    window.show()
    qtbot.waitUntil(lambda: board.frame is not None and board.frame.snapshot.overall.day.offered == 3, timeout=3000)
    assert board.frame.snapshot.overall.waiting_now >= 1      # a caller is still queued: live tiles are busy
    texts = visible_texts(board)
    for key in TILE_KEYS:
        board.show_formula(key)
        texts.append(board.formula.text())
    clock[0] = T0 + timedelta(minutes=3)                      # calls end, wait grows, the grid updates
    ticks = board.ticks
    qtbot.waitUntil(lambda: board.ticks > ticks + 1, timeout=3000)
    texts += visible_texts(board)
    dialog = ThresholdDialog(board.settings, board)
    qtbot.addWidget(dialog)
    texts += visible_texts(board)
    texts.append(str(board.frame.snapshot.to_json()))
    assert len(texts) > 200 and any("ivanova" in t for t in texts)   # the board did show agents
    assert_clean(texts)
    board.shutdown()


def test_the_check_itself_catches_a_leak():
    with pytest.raises(AssertionError, match="customer number"):
        assert_clean(["waiting: +7 (916) 123-45-67"])
    with pytest.raises(AssertionError, match="customer name"):
        assert_clean(["Пётр Сергеевич"])
