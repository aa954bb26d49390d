"""Red/amber/green alarms for KPI tiles, with hysteresis so that a tile does not flicker.

A rule names two boundaries (amber, red) and which way is worse. A reading gets worse at once: the
tile turns amber or red on the first reading past a boundary, because a lead must see trouble now.
It gets better only when the reading is back past the boundary by `band` (in the KPI's own unit)
and has stayed there for `hold` seconds. A service level hovering at 79.9/80.1 % therefore stays
amber instead of blinking every second.

Pure logic: the wallboard's Qt model calls `ThresholdTracker.update()` once per tick; the rules are
saved per user as the plain dicts `rules_to_json()` / `rules_from_json()` make.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, replace
from enum import IntEnum, StrEnum
from typing import Any


class Level(IntEnum):
    """Ordered: a larger level is worse. NONE: no figure to judge (no calls yet)."""

    NONE = 0
    GREEN = 1
    AMBER = 2
    RED = 3


class Worse(StrEnum):
    HIGHER = "higher"   # calls waiting, ASA, abandon rate: a larger number is worse
    LOWER = "lower"     # service level, CSAT: a smaller number is worse


@dataclass(frozen=True, slots=True)
class ThresholdRule:
    kpi: str
    amber: float
    red: float
    worse: Worse = Worse.HIGHER
    band: float = 0.0     # hysteresis, in the KPI's unit: how far back a reading must come to calm down
    hold: float = 0.0     # seconds a calmer reading must last before the tile shows it
    enabled: bool = True

    def __post_init__(self) -> None:
        object.__setattr__(self, "worse", Worse(self.worse))
        for name in ("amber", "red", "band", "hold"):
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int | float) or not math.isfinite(value):
                raise ValueError(f"{self.kpi}: {name} must be a finite number, not {value!r}")
        if self.band < 0 or self.hold < 0:
            raise ValueError(f"{self.kpi}: band and hold cannot be negative")
        if self.worse is Worse.HIGHER and self.red < self.amber:
            raise ValueError(f"{self.kpi}: red ({self.red:g}) must be at or above amber ({self.amber:g})")
        if self.worse is Worse.LOWER and self.red > self.amber:
            raise ValueError(f"{self.kpi}: red ({self.red:g}) must be at or below amber ({self.amber:g})")

    def _oriented(self, value: float) -> tuple[float, float, float]:
        """(reading, amber, red) turned so that larger is always worse."""
        if self.worse is Worse.HIGHER:
            return value, self.amber, self.red
        return -value, -self.amber, -self.red

    def raw_level(self, value: float | None) -> Level:
        """The level of one reading, with no memory."""
        if value is None or not self.enabled or not math.isfinite(value):
            return Level.NONE
        v, amber, red = self._oriented(value)
        if v >= red:
            return Level.RED
        if v >= amber:
            return Level.AMBER
        return Level.GREEN

    def calm_level(self, value: float, current: Level) -> Level:
        """The best level a reading allows for a tile now at `current`: boundaries move by `band`."""
        v, amber, red = self._oriented(value)
        if current >= Level.RED and v > red - self.band:
            return Level.RED
        if current >= Level.AMBER and v > amber - self.band:
            return Level.AMBER
        return Level.GREEN


@dataclass(slots=True)
class _TileState:
    level: Level = Level.NONE
    calmer: Level | None = None   # a better level the readings allow, waiting for `hold` to pass
    calmer_since: float = 0.0


class ThresholdTracker:
    """The level of each KPI over time. Not thread-safe: one owner (the wallboard's model)."""

    def __init__(self, rules: Iterable[ThresholdRule] = ()) -> None:
        self._rules: dict[str, ThresholdRule] = {}
        self._state: dict[str, _TileState] = {}
        self.set_rules(rules)

    @property
    def rules(self) -> dict[str, ThresholdRule]:
        return dict(self._rules)

    def rule(self, kpi: str) -> ThresholdRule | None:
        return self._rules.get(kpi)

    def set_rules(self, rules: Iterable[ThresholdRule]) -> None:
        """New boundaries take effect at the next reading; levels start afresh."""
        self._rules = {r.kpi: r for r in rules}
        self._state.clear()

    def level(self, kpi: str) -> Level:
        st = self._state.get(kpi)
        return st.level if st is not None else Level.NONE

    def update(self, kpi: str, value: float | None, now: float) -> tuple[Level, bool]:
        """Judge one reading taken at `now` (monotonic seconds). Returns (level, entered_red):
        entered_red is True only on the reading that turns the tile red."""
        rule = self._rules.get(kpi)
        st = self._state.get(kpi)
        if st is None:
            st = self._state[kpi] = _TileState()
        if rule is None:
            st.level, st.calmer = Level.NONE, None
            return Level.NONE, False
        raw = rule.raw_level(value)
        before = st.level
        if raw is Level.NONE or raw >= before:
            st.level, st.calmer = raw, None   # worse (or unchanged) shows at once
        else:
            target = rule.calm_level(float(value), before)  # type: ignore[arg-type]
            if target >= before:
                st.calmer = None
            elif rule.hold <= 0:
                st.level, st.calmer = target, None
            elif st.calmer is None:
                st.calmer, st.calmer_since = target, now   # calmer readings start: the hold begins
            elif now - st.calmer_since >= rule.hold:
                st.level, st.calmer = target, None          # the latest reading says how calm
            else:
                st.calmer = target
        return st.level, st.level is Level.RED and before is not Level.RED


# Defaults for a centre with an 80/20 service-level goal. Units: percent, seconds, calls, agents.
DEFAULT_RULES: tuple[ThresholdRule, ...] = (
    ThresholdRule("waiting_now", amber=5, red=10, worse=Worse.HIGHER, band=1, hold=5),
    ThresholdRule("longest_wait_now", amber=30, red=60, worse=Worse.HIGHER, band=5, hold=5),
    ThresholdRule("service_level", amber=80, red=70, worse=Worse.LOWER, band=1, hold=10),
    ThresholdRule("asa", amber=20, red=40, worse=Worse.HIGHER, band=2, hold=10),
    ThresholdRule("aht", amber=300, red=420, worse=Worse.HIGHER, band=10, hold=10),
    ThresholdRule("abandon_rate", amber=5, red=10, worse=Worse.HIGHER, band=0.5, hold=10),
    ThresholdRule("occupancy", amber=88, red=95, worse=Worse.HIGHER, band=1, hold=10),
    ThresholdRule("staffing_gap", amber=1, red=3, worse=Worse.HIGHER, band=0, hold=15),
    ThresholdRule("csat", amber=80, red=70, worse=Worse.LOWER, band=1, hold=10),
    ThresholdRule("nps", amber=30, red=0, worse=Worse.LOWER, band=2, hold=10),
    ThresholdRule("ces", amber=5, red=4, worse=Worse.LOWER, band=0.1, hold=10),
)
KPIS_WITH_RULES: tuple[str, ...] = tuple(r.kpi for r in DEFAULT_RULES)


def default_rules() -> dict[str, ThresholdRule]:
    return {r.kpi: r for r in DEFAULT_RULES}


def service_level_goal(rules: Mapping[str, ThresholdRule]) -> float:
    """The service-level goal as a share (0..1): the amber boundary of the service-level rule."""
    rule = rules.get("service_level") or default_rules()["service_level"]
    return min(0.99, max(0.0, rule.amber / 100.0))


def rules_to_json(rules: Iterable[ThresholdRule]) -> dict[str, dict[str, Any]]:
    return {r.kpi: {"amber": r.amber, "red": r.red, "worse": r.worse.value, "band": r.band, "hold": r.hold,
                    "enabled": r.enabled} for r in rules}


def rules_from_json(data: Any) -> tuple[dict[str, ThresholdRule], list[str]]:
    """Saved rules over the defaults. Returns (rules, problems): a bad or unknown entry is reported
    in one line and the default is kept, so a damaged file never leaves a tile without a rule."""
    rules = default_rules()
    problems: list[str] = []
    if not isinstance(data, Mapping):
        return rules, ["thresholds: expected an object of KPI names"] if data is not None else []
    for kpi, raw in data.items():
        base = rules.get(kpi)
        if base is None:
            problems.append(f"thresholds: no KPI called {str(kpi)[:40]!r}")
            continue
        if not isinstance(raw, Mapping):
            problems.append(f"thresholds: {kpi}: expected an object")
            continue
        changes = {k: raw[k] for k in ("amber", "red", "worse", "band", "hold", "enabled") if k in raw}
        try:
            if "enabled" in changes and not isinstance(changes["enabled"], bool):
                raise ValueError(f"{kpi}: enabled must be true or false")
            if "worse" in changes:
                try:
                    changes["worse"] = Worse(changes["worse"])
                except ValueError:
                    raise ValueError(f"{kpi}: worse must be 'higher' or 'lower'") from None
            rules[kpi] = replace(base, **changes)
        except (ValueError, TypeError) as exc:
            problems.append(f"thresholds: {str(exc).splitlines()[0]}")
    return rules, problems
