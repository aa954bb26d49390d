"""Every KPI names its formula: a stable code and parameters (ui/ translates them) plus English text.

The English text is what the `kpi` command prints and what logs show; the wallboard builds its own
words from `code` and `params`, so a formula reads right in Russian too.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from desktop_agent.core.kpi.service_level import SLVariant
from desktop_agent.core.kpi.settings import KpiSettings

_SL_TEXT: dict[SLVariant, str] = {
    SLVariant.DEFAULT: ("answered within {T} s / (answered + abandoned after {T} s + sent out of the queue "
                        "after {T} s); abandons under {S} s left out"),
    SLVariant.CISCO_IGNORE: ("Cisco, abandons ignored: answered within {T} s / (service-level calls offered "
                             "- abandoned within {T} s); abandons under {S} s left out"),
    SLVariant.CISCO_NEGATIVE: ("Cisco, abandons count against: answered within {T} s / service-level calls "
                               "offered; abandons under {S} s left out"),
    SLVariant.CISCO_POSITIVE: ("Cisco, abandons count for: (answered within {T} s + abandoned within {T} s) / "
                               "service-level calls offered; abandons under {S} s left out"),
    SLVariant.GENESYS: ("Genesys: answered within {T} s / (answered + abandoned - abandons under {S} s)"),
    SLVariant.AMAZON_CONNECT: ("Amazon Connect: calls answered or abandoned within {T} s / calls that left "
                               "the queue"),
    SLVariant.ASTERISK_SL: "Asterisk SL: answered within {T} s / answered",
    SLVariant.ASTERISK_SL2: ("Asterisk SL2: (answered within {T} s + abandoned or timed out within {T} s) / "
                             "(answered + abandoned + timed out)"),
}

_TEXT: dict[str, str] = {
    "offered": "calls that entered the queue (ENTERQUEUE)",
    "answered": "calls connected to an agent (CONNECT)",
    "abandoned": "callers who hung up while queued after {S} s or longer (ABANDON)",
    "short_abandoned": "callers who hung up while queued in under {S} s",
    "timed_out": "calls the queue sent away at its time limit (EXITWITHTIMEOUT)",
    "exit_empty": "calls that left because no agent was available (EXITEMPTY)",
    "waiting_now": "callers queued now",
    "longest_wait_now": "seconds the oldest caller still queued has waited",
    "asa": "sum of waits from ENTERQUEUE to CONNECT (ring time included) / answered",
    "aht": ("(talk + hold + wrap-up) / handled calls, counted in the interval where wrap-up ends "
            "(WRAPUPEND, else COMPLETE or TRANSFER)"),
    "abandon_rate": "abandoned after {S} s or longer / (offered - abandons under {S} s)",
    "occupancy": "agent time on calls and wrap-up / (that time + ready idle time)",
    "csat": "answers of 4 or 5 / all answers, on a 1-5 scale",
    "nps": "% of answers 9-10 - % of answers 0-6, on a 0-10 scale",
    "ces": "mean answer on a 1-7 scale",
    "fcr": "contacts with no repeat contact from the same customer on the same issue category within {days} days "
           "/ contacts whose {days} days have passed or that were repeated",
    "agents_by_state": "logged-in agents by state: ready, on a call, wrap-up, paused (with reason); and logged out",
}

KPI_NAMES: tuple[str, ...] = ("service_level", *_TEXT)


@dataclass(frozen=True, slots=True)
class Formula:
    code: str                                  # e.g. "kpi.service_level.genesys"; ui/ keys its wording on it
    params: dict[str, Any] = field(default_factory=dict)
    text: str = ""                             # English, parameters filled in

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, "params": dict(self.params), "text": self.text}


def sl_formula(variant: SLVariant | str, settings: KpiSettings) -> Formula:
    v = SLVariant(variant)
    params = {"T": settings.sl_target, "S": settings.short_abandon}
    return Formula(f"kpi.service_level.{v.value}", params, _SL_TEXT[v].format(**params))


def formula(kpi: str, settings: KpiSettings, *, fcr_days: int = 7) -> Formula:
    if kpi == "service_level":
        return sl_formula(settings.sl_variant, settings)
    if kpi.startswith("service_level."):
        return sl_formula(kpi.split(".", 1)[1], settings)
    if kpi not in _TEXT:
        raise KeyError(f"no KPI called {kpi!r}")
    params: dict[str, Any] = {"T": settings.sl_target, "S": settings.short_abandon}
    if kpi == "fcr":
        params = {"days": fcr_days}
    return Formula(f"kpi.{kpi}", params, _TEXT[kpi].format(**params))


def average_handling_time(talk_and_hold: float, wrapup: float, handled: int) -> float | None:
    """AHT, the one definition: (talk + hold + after-call work) / handled calls; None with no calls.

    The engine's periods (PeriodKpis.aht) and the operator's own figures (core.kpi.personal) both use it."""
    return None if handled <= 0 else (talk_and_hold + wrapup) / handled


def all_formulas(settings: KpiSettings) -> dict[str, Formula]:
    out = {name: formula(name, settings) for name in KPI_NAMES}
    for v in SLVariant:
        out[f"service_level.{v.value}"] = sl_formula(v, settings)
    return out
