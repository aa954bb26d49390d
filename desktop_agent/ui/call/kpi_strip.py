"""The personal KPI strip: my calls today, my average handling time, my average wrap-up time.

Figures come from an injected provider (a blocking call, run on the database worker) and refresh
after every finished call and once a minute. core.kpi.personal works them out, with the KPI engine's
AHT: (talk + hold + after-call work) / handled calls; a handled call is one that was answered and ended.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QTimer
from PySide6.QtWidgets import QHBoxLayout, QLabel, QWidget

from desktop_agent.core.kpi.personal import PersonalKpis
from desktop_agent.ui.kit.i18n import fill, format_duration
from desktop_agent.ui.kit.qt_bridge import ServiceRunner

REFRESH_MS = 60_000


class KpiStrip(QWidget):
    def __init__(self, provider: Callable[[], PersonalKpis], db_runner: ServiceRunner,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("kpiStrip")
        self.provider = provider
        self.db = db_runner
        self.kpis = PersonalKpis()
        self.calls = QLabel(objectName="kpiCalls")
        self.aht = QLabel(objectName="kpiAht")
        self.wrapup = QLabel(objectName="kpiWrapup")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 0, 8, 0)
        layout.setSpacing(16)
        for label in (self.calls, self.aht, self.wrapup):
            layout.addWidget(label)
        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)
        self._timer.timeout.connect(self.reload)
        self._timer.start()
        self.show_kpis(self.kpis)
        self.reload()

    def reload(self, *_args: object) -> None:
        self.db.submit(self.provider, on_result=self.show_kpis, owner=self)

    def show_kpis(self, kpis: PersonalKpis) -> None:
        self.kpis = kpis
        dash = "–"
        self.calls.setText(fill(self.tr("Calls today: %1"), kpis.calls))
        self.aht.setText(fill(self.tr("My AHT: %1"),
                              format_duration(kpis.aht_seconds) if kpis.aht_seconds is not None else dash))
        self.wrapup.setText(fill(self.tr("My wrap-up: %1"),
                                 format_duration(kpis.wrapup_seconds) if kpis.wrapup_seconds is not None else dash))
        self.calls.setToolTip(self.tr("Calls you answered and finished today"))
        self.aht.setToolTip(self.tr("Average handling time: (talk + hold + wrap-up) ÷ handled calls"))
        self.wrapup.setToolTip(self.tr("Average after-call work per handled call"))

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.LanguageChange:
            self.show_kpis(self.kpis)
        super().changeEvent(event)
