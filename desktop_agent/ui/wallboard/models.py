"""Qt models over the KPI snapshot DTOs: one row per tile, one row per logged-in agent.

They hold plain values worked out once per frame, so views and tiles only read; nothing here
reaches back into the engine or the database. Tested without views (tests/ui/test_wallboard_models.py).

No customer data can get in: frames carry counts, times, queue names and agent names only.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from typing import NamedTuple

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor

from desktop_agent.core.kpi import AgentState, AgentStatus, Formula
from desktop_agent.core.ports import PauseReasonDTO
from desktop_agent.core.thresholds import Level, ThresholdTracker
from desktop_agent.core.wallboard_feed import StaffingHint, WallboardFrame
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.wallboard import words
from desktop_agent.ui.wallboard.palette import STATE_COLOURS, STATE_ORDER, text_on

Index = QModelIndex | QPersistentModelIndex


class TileRole:
    KEY = Qt.ItemDataRole.UserRole + 1
    VALUE = Qt.ItemDataRole.UserRole + 2       # the judged figure (float | None)
    PARTS = Qt.ItemDataRole.UserRole + 3       # [(big text, caption, state or "")]
    SUB = Qt.ItemDataRole.UserRole + 4         # the small line under the figure
    LEVEL = Qt.ItemDataRole.UserRole + 5       # Level (int)
    FORMULA = Qt.ItemDataRole.UserRole + 6     # the formula, translated
    SHOWN = Qt.ItemDataRole.UserRole + 7       # False: no data of this kind today (surveys)
    TITLE = Qt.ItemDataRole.UserRole + 8


@dataclass
class Tile:
    key: str
    title: str                         # English source, translated when shown
    formulas: tuple[str, ...]          # keys in snapshot.formulas
    value: float | None = None
    parts: list[tuple[str, str, str]] = field(default_factory=list)
    sub: str = ""
    level: Level = Level.NONE
    shown: bool = True
    formula: str = ""

    def content(self) -> tuple:
        """Everything a view shows of the tile: to tell whether it changed."""
        return (self.value, self.parts, self.sub, self.level, self.shown, self.formula)


TILE_TITLES: dict[str, str] = {
    "waiting_now": QT_TRANSLATE_NOOP("Wallboard", "Calls waiting"),
    "longest_wait_now": QT_TRANSLATE_NOOP("Wallboard", "Longest wait"),
    "service_level": QT_TRANSLATE_NOOP("Wallboard", "Service level"),
    "asa": QT_TRANSLATE_NOOP("Wallboard", "ASA"),
    "aht": QT_TRANSLATE_NOOP("Wallboard", "AHT"),
    "abandon_rate": QT_TRANSLATE_NOOP("Wallboard", "Abandon rate"),
    "occupancy": QT_TRANSLATE_NOOP("Wallboard", "Occupancy"),
    "calls": QT_TRANSLATE_NOOP("Wallboard", "Calls today"),
    "agents": QT_TRANSLATE_NOOP("Wallboard", "Agents"),
    "staffing": QT_TRANSLATE_NOOP("Wallboard", "Agents needed now"),
    "csat": QT_TRANSLATE_NOOP("Wallboard", "CSAT"),
    "nps": QT_TRANSLATE_NOOP("Wallboard", "NPS"),
    "ces": QT_TRANSLATE_NOOP("Wallboard", "CES"),
}
_TILE_FORMULAS: dict[str, tuple[str, ...]] = {
    "waiting_now": ("waiting_now",), "longest_wait_now": ("longest_wait_now",),
    "service_level": ("service_level",), "asa": ("asa",), "aht": ("aht",), "abandon_rate": ("abandon_rate",),
    "occupancy": ("occupancy",), "calls": ("offered", "answered", "abandoned", "short_abandoned"),
    "agents": ("agents_by_state",), "staffing": (), "csat": ("csat",), "nps": ("nps",), "ces": ("ces",),
}
TILE_KEYS: tuple[str, ...] = tuple(TILE_TITLES)
ROLLING_TILES = frozenset({"service_level", "asa", "aht", "abandon_rate", "occupancy"})
SURVEY_TILES = ("csat", "nps", "ces")


def _pct(v: float | None) -> str:
    return words.percent(v)


def _secs(v: float | None) -> str:
    unit = QCoreApplication.translate("Wallboard", "s")
    return "–" if v is None else f"{v:.0f} {unit}"


class TileModel(QAbstractListModel):
    """One row per KPI tile. `update(frame)` works out every figure and its alarm level."""

    entered_red = Signal(str)   # a tile's key, on the frame that turns it red

    def __init__(self, tracker: ThresholdTracker, parent=None) -> None:  # noqa: ANN001
        """Alarm hold times run on the snapshots' clock, so a sped-up replay judges like real time."""
        super().__init__(parent)
        self.tracker = tracker
        self._reason_titles: dict[str, str] = {}
        self.tiles = [Tile(k, TILE_TITLES[k], _TILE_FORMULAS[k]) for k in TILE_KEYS]
        self._by_key = {t.key: t for t in self.tiles}
        self._formulas: dict[str, Formula] = {}
        self._frame: WallboardFrame | None = None
        self._now = 0.0
        self._formula_key: tuple | None = None
        self._titles: dict[str, str] = {}   # translated titles, until the language changes

    # ---------------------------------------------------------------- Qt model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.tiles)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self.tiles):
            return None
        t = self.tiles[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return " · ".join(p[0] for p in t.parts)
        if role in (Qt.ItemDataRole.ToolTipRole, TileRole.FORMULA):
            return t.formula
        if role == TileRole.KEY:
            return t.key
        if role == TileRole.VALUE:
            return t.value
        if role == TileRole.PARTS:
            return list(t.parts)
        if role == TileRole.SUB:
            return t.sub
        if role == TileRole.LEVEL:
            return int(t.level)
        if role == TileRole.SHOWN:
            return t.shown
        if role == TileRole.TITLE:
            title = self._titles.get(t.key)
            if title is None:
                title = self._titles[t.key] = words.w(t.title)
            return title
        return None

    def set_pause_reasons(self, reasons: Iterable[PauseReasonDTO]) -> None:
        self._reason_titles = {r.code: r.title for r in reasons if r.title}
        self.retranslate()

    def tile(self, key: str) -> Tile:
        return self._by_key[key]

    def row_of(self, key: str) -> int:
        return TILE_KEYS.index(key)

    # ---------------------------------------------------------------- updating
    def update(self, frame: WallboardFrame) -> None:
        """Work every tile out from the frame; views hear of the tiles that changed (one range)."""
        self._frame = frame
        snap = frame.snapshot
        if snap is None:
            return
        before = [t.content() for t in self.tiles]
        self._formulas = snap.formulas
        self._now = snap.at.timestamp()
        o = snap.overall
        day, roll = o.day, o.rolling
        mins = snap.settings.rolling_minutes
        small = QCoreApplication.translate("Wallboard", "%1 min: %2")
        t = self._by_key
        self._one(t["waiting_now"], o.waiting_now, [(str(o.waiting_now), "", "")],
                  fill(QCoreApplication.translate("Wallboard", "peak: %1"), day.peak_waiting))
        self._one(t["longest_wait_now"], o.longest_wait_now,
                  [(words.duration(o.longest_wait_now) if o.waiting_now else "0:00", "", "")],
                  fill(QCoreApplication.translate("Wallboard", "answered max: %1"), words.duration(day.max_answered_wait)))
        sl_goal = self.tracker.rule("service_level")
        goal_text = (fill(QCoreApplication.translate("Wallboard", "goal %1 %"), f"{sl_goal.amber:g}")
                     if sl_goal else "")
        self._one(t["service_level"], day.service_level, [(_pct(day.service_level), "", "")],
                  " · ".join(x for x in (fill(small, mins, _pct(roll.service_level)), goal_text) if x))
        self._one(t["asa"], day.asa, [(_secs(day.asa), "", "")],
                  fill(small, mins, _secs(roll.asa)))
        self._one(t["aht"], day.aht, [(words.duration(day.aht), "", "")],
                  fill(small, mins, words.duration(roll.aht)))
        self._one(t["abandon_rate"], day.abandon_rate, [(_pct(day.abandon_rate), "", "")],
                  fill(small, mins, _pct(roll.abandon_rate)))
        self._one(t["occupancy"], day.occupancy, [(_pct(day.occupancy), "", "")],
                  fill(small, mins, _pct(roll.occupancy)))
        self._one(t["calls"], None, [(str(day.offered), QCoreApplication.translate("Wallboard", "offered"), ""),
                                     (str(day.answered), QCoreApplication.translate("Wallboard", "answered"), ""),
                                     (str(day.abandoned), QCoreApplication.translate("Wallboard", "abandoned"), "")],
                  fill(QCoreApplication.translate("Wallboard", "short abandons (under %1 s): %2"), snap.settings.short_abandon,
                       day.short_abandoned))
        by_state = o.agents_by_state
        parts = [(str(by_state.get(s.value, 0)), words.state_text(s), s.value) for s in STATE_ORDER]
        reasons = sorted(o.paused_by_reason.items(), key=lambda kv: (-kv[1], kv[0]))
        no_reason = QCoreApplication.translate("Wallboard", "no reason")
        reason_text = ", ".join(f"{self._reason_titles.get(r, r) or no_reason} {n}" for r, n in reasons[:4])
        self._one(t["agents"], None, parts,
                  fill(QCoreApplication.translate("Wallboard", "paused: %1"), reason_text) if reason_text else "")
        self._staffing(t["staffing"], frame.hint, mins)
        raw = day.raw
        self._survey(t["csat"], day.csat, raw.get("csat_answers", 0), _pct(day.csat))
        self._survey(t["nps"], day.nps, raw.get("nps_answers", 0), words.number(day.nps))
        self._survey(t["ces"], day.ces, raw.get("ces_answers", 0), words.number(day.ces, 1))
        # formulas change with the settings, the staffing hint (every few seconds) or the language
        formula_key = (snap.formulas, frame.hint, snap.settings)
        if self._formula_key is None or any(a is not b for a, b in zip(formula_key, self._formula_key, strict=True)):
            self._formula_key = formula_key
            for tile in self.tiles:
                tile.formula = self._formula_text(tile, frame)
        changed = [i for i, (t, old) in enumerate(zip(self.tiles, before, strict=True)) if t.content() != old]
        if changed:
            self.dataChanged.emit(self.index(changed[0]), self.index(changed[-1]))

    def retranslate(self) -> None:
        self._formula_key = None
        self._titles.clear()
        if self._frame is not None:
            self.update(self._frame)
        self.dataChanged.emit(self.index(0), self.index(len(self.tiles) - 1))   # the titles at least

    def _one(self, tile: Tile, value: float | None, parts: list[tuple[str, str, str]], sub: str,
             *, judge: str | None = None) -> None:
        tile.value, tile.parts, tile.sub = value, parts, sub
        kpi = judge or tile.key
        if self.tracker.rule(kpi) is None:
            tile.level = Level.NONE
            return
        level, red = self.tracker.update(kpi, value, self._now)
        tile.level = level
        if red:
            self.entered_red.emit(tile.key)

    def _staffing(self, tile: Tile, hint: StaffingHint | None, mins: int) -> None:
        if hint is None:
            self._one(tile, None, [("–", "", "")], "", judge="staffing_gap")
            return
        needed = "–" if hint.needed is None else str(hint.needed)
        parts = [(needed, QCoreApplication.translate("Wallboard", "needed"), ""), (str(hint.staffed), QCoreApplication.translate("Wallboard", "staffed"), "")]
        if hint.reason == "no_aht":
            sub = fill(QCoreApplication.translate("Wallboard", "no handled calls yet in the last %1 min"), mins)
        elif hint.reason == "unreachable":
            sub = QCoreApplication.translate("Wallboard", "the goal cannot be reached at this load")
        else:
            sub = fill(QCoreApplication.translate("Wallboard", "%1 calls/h · AHT %2 · %3"),
                       f"{hint.calls_per_hour:.0f}", words.duration(hint.aht),
                       "Erlang A" if hint.model == "erlang_a" else "Erlang C")
        gap = hint.gap
        self._one(tile, None if gap is None else float(gap), parts, sub, judge="staffing_gap")

    def _survey(self, tile: Tile, value: float | None, answers: int, text: str) -> None:
        tile.shown = answers > 0
        self._one(tile, value if tile.shown else None, [(text, "", "")],
                  fill(QCoreApplication.translate("Wallboard", "%1 answers today"), answers))

    def _formula_text(self, tile: Tile, frame: WallboardFrame) -> str:
        snap = frame.snapshot
        lines = []
        for key in tile.formulas:
            f = self._formulas.get(key)
            if f is not None:
                lines.append(words.formula_text(f))
        if tile.key == "staffing":
            lines.extend(staffing_formula(frame.hint, snap.settings.rolling_minutes if snap else 15))
        if tile.key in ROLLING_TILES and snap is not None:
            lines.append(fill(words.tr(words.F, words.ROLLING_NOTE), snap.settings.rolling_minutes))
        return "\n".join(lines)


def staffing_formula(hint: StaffingHint | None, minutes: int) -> list[str]:
    if hint is None:
        return []
    template = words.STAFFING_FORMULA_A if hint.patience is not None else words.STAFFING_FORMULA_C
    text = fill(words.tr(words.F, template), f"{hint.goal * 100:g}", hint.target_t, minutes,
                f"{hint.calls_per_hour:.0f}", "–" if hint.aht is None else f"{hint.aht:.0f}",
                "–" if hint.patience is None else f"{hint.patience:.0f}")
    return [text, words.tr(words.F, words.STAFFED_FORMULA)]


# ==================================================================== agents

class AgentRole:
    STATE = Qt.ItemDataRole.UserRole + 1      # AgentState value (str)
    SECONDS = Qt.ItemDataRole.UserRole + 2    # time in state
    REASON = Qt.ItemDataRole.UserRole + 3     # pause reason code ("" when none)
    STATE_TEXT = Qt.ItemDataRole.UserRole + 4  # "Paused: break" (translated)
    TIME_TEXT = Qt.ItemDataRole.UserRole + 5
    SHORT_STATE = Qt.ItemDataRole.UserRole + 6
    OVER_LIMIT = Qt.ItemDataRole.UserRole + 7  # paused longer than the reason allows (max_minutes)
    CELL = Qt.ItemDataRole.UserRole + 8        # AgentCell: everything a painted cell needs, in one call


class AgentRow(NamedTuple):
    """One logged-in agent; rows sort by state, then longest in the state first, then name."""

    rank: int            # the state's place on the grid
    since: float         # timestamp the state began
    name: str
    state: AgentState
    reason: str          # the pause reason while paused, else ""


class AgentCell(NamedTuple):
    name: str           # short: without the channel type
    state_text: str
    short_state: str
    time_text: str
    background: QColor
    foreground: QColor
    over_limit: bool


_RANK = {s: i for i, s in enumerate(STATE_ORDER)}
_CHANNEL_PREFIXES = ("Agent/", "SIP/", "PJSIP/", "IAX2/", "Local/", "DAHDI/")


def short_agent_name(agent: str) -> str:
    """`PJSIP/1001` -> `1001`, `Local/ivanova@agents` -> `ivanova`: the channel type only costs room."""
    for prefix in _CHANNEL_PREFIXES:
        if agent.startswith(prefix) and len(agent) > len(prefix):
            agent = agent[len(prefix):]
            break
    return agent.split("@", 1)[0] or agent


def agent_rows(agents: Iterable[AgentStatus], cache: dict[int, tuple[AgentStatus, AgentRow]] | None = None
               ) -> list[AgentRow]:
    """Logged-in agents, by state (ready, on a call, wrap-up, paused), longest in their state first.
    cache (id of a status -> (status, row)): the engine hands out the same AgentStatus until the
    agent changes, so most rows are reused from the last frame; it is refilled with this frame's."""
    out = AgentState.LOGGED_OUT
    paused = AgentState.PAUSED
    old = cache if cache is not None else {}
    fresh: dict[int, tuple[AgentStatus, AgentRow]] = {}
    rows = []
    for a in agents:
        if a.state is out:
            continue
        hit = old.get(id(a))
        if hit is not None and hit[0] is a:
            row = hit[1]
        else:
            row = AgentRow(_RANK[a.state], a.since.timestamp(), a.agent, a.state, a.reason if a.state is paused else "")
        fresh[id(a)] = (a, row)
        rows.append(row)
    if cache is not None:
        cache.clear()
        cache.update(fresh)
    rows.sort()
    return rows


class AgentGridModel(QAbstractListModel):
    """Logged-in agents for the grid. A painted cell asks once (AgentRole.CELL); the words for each
    (state, reason) and each agent's short name are worked out once, not 300 times a second."""

    def __init__(self, parent=None) -> None:  # noqa: ANN001
        super().__init__(parent)
        self.rows: list[AgentRow] = []
        self._at = 0.0     # the frame's time: time in state is worked out from it when asked for
        self._agents: tuple[AgentStatus, ...] | None = None
        self._row_cache: dict[int, tuple[AgentStatus, AgentRow]] = {}
        self._reasons: dict[str, PauseReasonDTO] = {}
        self._lines: dict[tuple[AgentState, str], tuple[str, str]] = {}
        self._names: dict[str, str] = {}
        self._colours = {s: (QColor(c), QColor(text_on(c))) for s, c in STATE_COLOURS.items()}

    def set_pause_reasons(self, reasons: Iterable[PauseReasonDTO]) -> None:
        """Titles in the user's language and time limits for the pause codes queue_log carries."""
        self._reasons = {r.code: r for r in reasons}
        self.retranslate()

    def reason_title(self, code: str) -> str:
        r = self._reasons.get(code)
        return r.title if r is not None and r.title else code

    def seconds(self, row: AgentRow) -> float:
        """Time in state as of the last frame."""
        return max(0.0, self._at - row.since)

    def over_limit(self, row: AgentRow) -> bool:
        if row.state is not AgentState.PAUSED:
            return False
        r = self._reasons.get(row.reason)
        return r is not None and r.max_minutes is not None and self.seconds(row) > r.max_minutes * 60

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.rows)

    def update(self, agents: tuple[AgentStatus, ...], at: datetime) -> None:
        """Every cell's time changes each second, so every row changes; the rows are rebuilt and
        sorted only when the engine handed out other agents (it keeps the tuple while none changed),
        and the view is reset only when the order changed."""
        self._at = at.timestamp()
        if agents is self._agents:
            if self.rows:
                self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1))
            return
        self._agents = agents
        new = agent_rows(agents, self._row_cache)
        old = self.rows
        same_order = len(new) == len(old) and all(
            a.name == b.name and a.state is b.state and a.reason == b.reason for a, b in zip(new, old, strict=True))
        if same_order:
            self.rows = new
            if new:
                self.dataChanged.emit(self.index(0), self.index(len(new) - 1))
            return
        self.beginResetModel()
        self.rows = new
        self.endResetModel()

    def retranslate(self) -> None:
        self._lines.clear()
        if self.rows:
            self.dataChanged.emit(self.index(0), self.index(len(self.rows) - 1))

    def cell(self, row: int) -> AgentCell:
        r = self.rows[row]
        name = self._names.get(r.name)
        if name is None:
            name = self._names[r.name] = short_agent_name(r.name)
            if len(self._names) > 5000:   # agents come and go over weeks: do not hoard names
                self._names.clear()
        long, short = self._state_lines(r)
        bg, fg = self._colours[r.state]
        return AgentCell(name, long, short, words.duration(self.seconds(r)), bg, fg, self.over_limit(r))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole):  # noqa: ANN201
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if role == AgentRole.CELL:
            return self.cell(index.row())
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return short_agent_name(r.name)
        if role == AgentRole.STATE:
            return r.state.value
        if role == AgentRole.SECONDS:
            return self.seconds(r)
        if role == AgentRole.REASON:
            return r.reason
        if role == AgentRole.STATE_TEXT:
            return self._state_lines(r)[0]
        if role == AgentRole.SHORT_STATE:
            return self._state_lines(r)[1]
        if role == AgentRole.OVER_LIMIT:
            return self.over_limit(r)
        if role == AgentRole.TIME_TEXT:
            return words.duration(self.seconds(r))
        if role == Qt.ItemDataRole.BackgroundRole:
            return QColor(self._colours[r.state][0])
        if role == Qt.ItemDataRole.ForegroundRole:
            return QColor(self._colours[r.state][1])
        if role == Qt.ItemDataRole.ToolTipRole:
            tip = f"{r.name} — {self._state_lines(r)[0]} — {words.duration(self.seconds(r))}"
            if self.over_limit(r):
                tip += " — " + QCoreApplication.translate("Wallboard", "longer than this pause reason allows")
            return tip
        return None

    def _state_lines(self, r: AgentRow) -> tuple[str, str]:
        key = (r.state, r.reason)
        lines = self._lines.get(key)
        if lines is None:
            if r.state is AgentState.PAUSED:
                reason = self.reason_title(r.reason) if r.reason else QCoreApplication.translate("Wallboard", "no reason")
                lines = (f"{words.state_text(r.state)}: {reason}", f"{words.state_text(r.state, short=True)}: {reason}")
            else:
                lines = (words.state_text(r.state), words.state_text(r.state, short=True))
            self._lines[key] = lines
        return lines
