"""The wallboard's words: KPI titles, formulas, agent states and alarm levels, in the user's language.

Core hands out codes (a formula's `code` and `params`, an AgentState, a Level); this module turns
them into text with Qt's translation system. Formula templates mirror the English of
core.kpi.formulas, with Qt's %1 %2 where core names its parameters (in the order of `_PARAMS`);
a code missing here falls back to the engine's own English text, so a new KPI still says something
(tests check that every code the engine has is covered).
"""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication

from desktop_agent.core.kpi import AgentState, Formula
from desktop_agent.core.thresholds import Level
from desktop_agent.ui.kit.i18n import fill

F = "KpiFormula"
W = "Wallboard"


def tr(context: str, text: str) -> str:
    return QCoreApplication.translate(context, text)


def w(text: str) -> str:
    """A wallboard string (context "Wallboard")."""
    return QCoreApplication.translate(W, text)


_FORMULAS: dict[str, str] = {
    "kpi.service_level.default": QT_TRANSLATE_NOOP(
        "KpiFormula", "answered within %1 s / (answered + abandoned after %1 s + sent out of the queue after "
                      "%1 s); abandons under %2 s left out"),
    "kpi.service_level.cisco_ignore": QT_TRANSLATE_NOOP(
        "KpiFormula", "Cisco, abandons ignored: answered within %1 s / (service-level calls offered - abandoned "
                      "within %1 s); abandons under %2 s left out"),
    "kpi.service_level.cisco_negative": QT_TRANSLATE_NOOP(
        "KpiFormula", "Cisco, abandons count against: answered within %1 s / service-level calls offered; "
                      "abandons under %2 s left out"),
    "kpi.service_level.cisco_positive": QT_TRANSLATE_NOOP(
        "KpiFormula", "Cisco, abandons count for: (answered within %1 s + abandoned within %1 s) / "
                      "service-level calls offered; abandons under %2 s left out"),
    "kpi.service_level.genesys": QT_TRANSLATE_NOOP(
        "KpiFormula", "Genesys: answered within %1 s / (answered + abandoned - abandons under %2 s)"),
    "kpi.service_level.amazon_connect": QT_TRANSLATE_NOOP(
        "KpiFormula", "Amazon Connect: calls answered or abandoned within %1 s / calls that left the queue"),
    "kpi.service_level.asterisk_sl": QT_TRANSLATE_NOOP(
        "KpiFormula", "Asterisk SL: answered within %1 s / answered"),
    "kpi.service_level.asterisk_sl2": QT_TRANSLATE_NOOP(
        "KpiFormula", "Asterisk SL2: (answered within %1 s + abandoned or timed out within %1 s) / "
                      "(answered + abandoned + timed out)"),
    "kpi.offered": QT_TRANSLATE_NOOP("KpiFormula", "calls that entered the queue (ENTERQUEUE)"),
    "kpi.answered": QT_TRANSLATE_NOOP("KpiFormula", "calls connected to an agent (CONNECT)"),
    "kpi.abandoned": QT_TRANSLATE_NOOP(
        "KpiFormula", "callers who hung up while queued after %1 s or longer (ABANDON)"),
    "kpi.short_abandoned": QT_TRANSLATE_NOOP("KpiFormula", "callers who hung up while queued in under %1 s"),
    "kpi.timed_out": QT_TRANSLATE_NOOP(
        "KpiFormula", "calls the queue sent away at its time limit (EXITWITHTIMEOUT)"),
    "kpi.exit_empty": QT_TRANSLATE_NOOP(
        "KpiFormula", "calls that left because no agent was available (EXITEMPTY)"),
    "kpi.waiting_now": QT_TRANSLATE_NOOP("KpiFormula", "callers queued now"),
    "kpi.longest_wait_now": QT_TRANSLATE_NOOP("KpiFormula", "seconds the oldest caller still queued has waited"),
    "kpi.asa": QT_TRANSLATE_NOOP(
        "KpiFormula", "sum of waits from ENTERQUEUE to CONNECT (ring time included) / answered"),
    "kpi.aht": QT_TRANSLATE_NOOP(
        "KpiFormula", "(talk + hold + wrap-up) / handled calls, counted in the interval where wrap-up ends "
                      "(WRAPUPEND, else COMPLETE or TRANSFER)"),
    "kpi.abandon_rate": QT_TRANSLATE_NOOP(
        "KpiFormula", "abandoned after %1 s or longer / (offered - abandons under %1 s)"),
    "kpi.occupancy": QT_TRANSLATE_NOOP(
        "KpiFormula", "agent time on calls and wrap-up / (that time + ready idle time)"),
    "kpi.csat": QT_TRANSLATE_NOOP("KpiFormula", "answers of 4 or 5 / all answers, on a 1-5 scale"),
    "kpi.nps": QT_TRANSLATE_NOOP("KpiFormula", "% of answers 9-10 - % of answers 0-6, on a 0-10 scale"),
    "kpi.ces": QT_TRANSLATE_NOOP("KpiFormula", "mean answer on a 1-7 scale"),
    "kpi.fcr": QT_TRANSLATE_NOOP(
        "KpiFormula", "contacts with no repeat contact from the same customer on the same issue category within "
                      "%1 days / contacts whose %1 days have passed or that were repeated"),
    "kpi.agents_by_state": QT_TRANSLATE_NOOP(
        "KpiFormula", "logged-in agents by state: ready, on a call, wrap-up, paused (with reason); and logged out"),
}
FORMULA_CODES = frozenset(_FORMULAS)

# %1 goal (percent), %2 T, %3 minutes, %4 calls per hour, %5 AHT, %6 (Erlang A) patience
STAFFING_FORMULA_C = QT_TRANSLATE_NOOP(
    "KpiFormula", "Erlang C: the fewest agents whose predicted service level reaches %1 % within %2 s, "
                  "at the last %3 minutes' arrival rate (%4 calls/h) and AHT (%5 s)")
STAFFING_FORMULA_A = QT_TRANSLATE_NOOP(
    "KpiFormula", "Erlang A: the fewest agents whose predicted service level reaches %1 % within %2 s, "
                  "at the last %3 minutes' arrival rate (%4 calls/h) and AHT (%5 s), with "
                  "callers' mean patience %6 s (time waited by all callers / abandons)")
STAFFED_FORMULA = QT_TRANSLATE_NOOP("KpiFormula", "staffed = agents ready + on a call + in wrap-up")
ROLLING_NOTE = QT_TRANSLATE_NOOP(
    "KpiFormula", "Big figure: today since midnight. Small figure: the last %1 minutes.")

# A formula's named parameters (core.kpi.formulas) become the template's %1 %2, in this order.
_PARAMS: dict[str, tuple[str, ...]] = {
    "kpi.abandoned": ("S",), "kpi.short_abandoned": ("S",), "kpi.abandon_rate": ("S",), "kpi.fcr": ("days",),
}
_DEFAULT_PARAMS = ("T", "S")


def formula_text(f: Formula) -> str:
    template = _FORMULAS.get(f.code)
    if template is None:
        return f.text
    try:
        values = [f.params[name] for name in _PARAMS.get(f.code, _DEFAULT_PARAMS)]
    except KeyError:  # the engine names its parameters differently now: say it in its English
        return f.text
    return fill(tr(F, template), *values)


_STATES = {
    AgentState.READY: QT_TRANSLATE_NOOP("Wallboard", "Ready"),
    AgentState.ON_CALL: QT_TRANSLATE_NOOP("Wallboard", "On a call"),
    AgentState.WRAPUP: QT_TRANSLATE_NOOP("Wallboard", "Wrap-up"),
    AgentState.PAUSED: QT_TRANSLATE_NOOP("Wallboard", "Paused"),
    AgentState.LOGGED_OUT: QT_TRANSLATE_NOOP("Wallboard", "Logged out"),
}
_STATES_SHORT = {
    AgentState.READY: QT_TRANSLATE_NOOP("Wallboard", "Ready"),
    AgentState.ON_CALL: QT_TRANSLATE_NOOP("Wallboard", "Call"),
    AgentState.WRAPUP: QT_TRANSLATE_NOOP("Wallboard", "Wrap"),
    AgentState.PAUSED: QT_TRANSLATE_NOOP("Wallboard", "Pause"),
    AgentState.LOGGED_OUT: QT_TRANSLATE_NOOP("Wallboard", "Out"),
}


def state_text(state: AgentState, short: bool = False) -> str:
    return w((_STATES_SHORT if short else _STATES)[state])


_LEVELS = {
    Level.NONE: QT_TRANSLATE_NOOP("Wallboard", "no data"),
    Level.GREEN: QT_TRANSLATE_NOOP("Wallboard", "OK"),
    Level.AMBER: QT_TRANSLATE_NOOP("Wallboard", "WARNING"),
    Level.RED: QT_TRANSLATE_NOOP("Wallboard", "ALARM"),
}


def level_text(level: Level) -> str:
    return w(_LEVELS[level])


def duration(seconds: float | None) -> str:
    """m:ss, or h:mm:ss from an hour on; an en dash when there is nothing to show."""
    if seconds is None:
        return "–"
    total = int(max(0.0, seconds) + 0.5)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def percent(value: float | None) -> str:
    return "–" if value is None else f"{value:.0f} %"


def number(value: float | None, digits: int = 0) -> str:
    return "–" if value is None else f"{value:.{digits}f}"
