"""KPI engine: queue_log in, per-queue and overall KPIs out (see DESIGN.md, "KPI definitions").

    engine = KpiEngine(KpiSettings(sl_target=20, short_abandon=5), clock=utcnow)
    engine.feed(new_records)          # O(new rows)
    snap = engine.snapshot()          # frozen DTOs; snap.formulas names every formula
"""

from desktop_agent.core.kpi.counts import Counts
from desktop_agent.core.kpi.engine import KpiEngine
from desktop_agent.core.kpi.fcr import Contact, FcrResult, first_contact_resolution
from desktop_agent.core.kpi.formulas import Formula, all_formulas, formula
from desktop_agent.core.kpi.service_level import SLVariant, service_level
from desktop_agent.core.kpi.settings import KpiSettings
from desktop_agent.core.kpi.snapshot import (
    OVERALL,
    AgentState,
    AgentStatus,
    KpiSnapshot,
    PeriodKpis,
    QueueKpis,
)
from desktop_agent.core.kpi.surveys import SurveyInput

__all__ = [
    "OVERALL", "AgentState", "AgentStatus", "Contact", "Counts", "FcrResult", "Formula", "KpiEngine",
    "KpiSettings", "KpiSnapshot", "PeriodKpis", "QueueKpis", "SLVariant", "SurveyInput", "all_formulas",
    "first_contact_resolution", "formula", "service_level",
]
