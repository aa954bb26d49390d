"""KPI engine: queue_log in, per-queue and overall KPIs out (see DESIGN.md, "KPI definitions").

    engine = KpiEngine(KpiSettings(sl_target=20, short_abandon=5), clock=utcnow)
    engine.feed(new_records)          # O(new rows)
    snap = engine.snapshot()          # frozen DTOs; snap.formulas names every formula
"""

from typing import Any

# Names and the submodule each comes from. They are imported when first asked for, so that a module
# of this package (formulas, for the personal KPI strip on the window's start path) does not bring
# the whole engine with it.
_EXPORTS = {
    "Counts": "counts", "KpiEngine": "engine", "Contact": "fcr", "FcrResult": "fcr",
    "first_contact_resolution": "fcr", "Formula": "formulas", "all_formulas": "formulas", "formula": "formulas",
    "SLVariant": "service_level", "service_level": "service_level", "KpiSettings": "settings",
    "OVERALL": "snapshot", "AgentState": "snapshot", "AgentStatus": "snapshot", "KpiSnapshot": "snapshot",
    "PeriodKpis": "snapshot", "QueueKpis": "snapshot", "SurveyInput": "surveys",
}


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    from importlib import import_module

    value = getattr(import_module(f"{__name__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "OVERALL", "AgentState", "AgentStatus", "Contact", "Counts", "FcrResult", "Formula", "KpiEngine",
    "KpiSettings", "KpiSnapshot", "PeriodKpis", "QueueKpis", "SLVariant", "SurveyInput", "all_formulas",
    "first_contact_resolution", "formula", "service_level",
]
