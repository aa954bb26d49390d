"""The wallboard's per-user settings (alarm thresholds, sound, dense grid) and the dialog that edits
the thresholds. The hysteresis logic itself is in core.thresholds.

The file is JSON with a schema version, written atomically; a damaged file is set aside (`.bad`)
and defaults are used, and a bad entry costs only that entry (it keeps its default).
"""

from __future__ import annotations

import json
import logging
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop_agent.core.thresholds import (
    KPIS_WITH_RULES,
    ThresholdRule,
    Worse,
    default_rules,
    rules_from_json,
    rules_to_json,
)
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.wallboard import words

log = logging.getLogger(__name__)

SCHEMA_VERSION = 1
FILE_NAME = "wallboard.json"
DENSE_CHOICES = ("auto", "on", "off")


@dataclass
class WallboardSettings:
    rules: dict[str, ThresholdRule] = field(default_factory=default_rules)
    sound_on_red: bool = True      # beep when a tile turns red
    dense: str = "auto"            # agent grid: auto (dense when the agents would not fit), on, off


class WallboardSettingsStore:
    def __init__(self, path: Path) -> None:
        self.path = path
        self.problems: list[str] = []

    def load(self) -> WallboardSettings:
        settings = WallboardSettings()
        self.problems = []
        if not self.path.exists():
            return settings
        try:
            data = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(data, dict):
                raise ValueError("the file does not hold an object")
        except (OSError, ValueError) as exc:
            bad = self.path.with_suffix(".bad")
            log.warning("wallboard settings %s are damaged (%s); kept as %s, using defaults",
                        self.path.name, str(exc).splitlines()[0], bad.name)
            try:
                os.replace(self.path, bad)
            except OSError:
                pass
            return settings
        settings.rules, self.problems = rules_from_json(data.get("thresholds"))
        if isinstance(data.get("sound_on_red"), bool):
            settings.sound_on_red = data["sound_on_red"]
        if data.get("dense") in DENSE_CHOICES:
            settings.dense = data["dense"]
        for problem in self.problems:
            log.warning("%s: %s", self.path.name, problem)
        return settings

    def save(self, settings: WallboardSettings) -> None:
        data: dict[str, Any] = {"schema_version": SCHEMA_VERSION, "thresholds": rules_to_json(settings.rules.values()),
                                "sound_on_red": settings.sound_on_red, "dense": settings.dense}
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text(json.dumps(data, indent=2, sort_keys=True), encoding="utf-8")
        os.replace(tmp, self.path)


RULE_TITLES: dict[str, str] = {
    "waiting_now": QT_TRANSLATE_NOOP("Wallboard", "Calls waiting"),
    "longest_wait_now": QT_TRANSLATE_NOOP("Wallboard", "Longest wait, s"),
    "service_level": QT_TRANSLATE_NOOP("Wallboard", "Service level, %"),
    "asa": QT_TRANSLATE_NOOP("Wallboard", "ASA, s"),
    "aht": QT_TRANSLATE_NOOP("Wallboard", "AHT, s"),
    "abandon_rate": QT_TRANSLATE_NOOP("Wallboard", "Abandon rate, %"),
    "occupancy": QT_TRANSLATE_NOOP("Wallboard", "Occupancy, %"),
    "staffing_gap": QT_TRANSLATE_NOOP("Wallboard", "Agents missing"),
    "csat": QT_TRANSLATE_NOOP("Wallboard", "CSAT, %"),
    "nps": QT_TRANSLATE_NOOP("Wallboard", "NPS"),
    "ces": QT_TRANSLATE_NOOP("Wallboard", "CES"),
}
_COLUMNS = (QT_TRANSLATE_NOOP("Wallboard", "KPI"), QT_TRANSLATE_NOOP("Wallboard", "Worse when"),
            QT_TRANSLATE_NOOP("Wallboard", "Amber at"), QT_TRANSLATE_NOOP("Wallboard", "Red at"),
            QT_TRANSLATE_NOOP("Wallboard", "Calm-down band"), QT_TRANSLATE_NOOP("Wallboard", "Hold, s"),
            QT_TRANSLATE_NOOP("Wallboard", "On"))


class ThresholdDialog(QDialog):
    """Edit the alarm rules. OK keeps the dialog open with a one-line error while a row is invalid,
    so nothing typed is lost."""

    def __init__(self, settings: WallboardSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("thresholdDialog")
        self.setWindowTitle(QCoreApplication.translate("Wallboard", "Alarm thresholds"))
        self.settings = settings
        self.table = QTableWidget(len(KPIS_WITH_RULES), len(_COLUMNS), self)
        self.table.setHorizontalHeaderLabels([words.w(c) for c in _COLUMNS])
        self.table.verticalHeader().setVisible(False)
        self._editors: dict[str, tuple[QDoubleSpinBox, QDoubleSpinBox, QDoubleSpinBox, QDoubleSpinBox, QCheckBox]] = {}
        for row, kpi in enumerate(KPIS_WITH_RULES):
            rule = settings.rules.get(kpi) or default_rules()[kpi]
            name = QTableWidgetItem(words.w(RULE_TITLES[kpi]))
            name.setFlags(name.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 0, name)
            worse = QTableWidgetItem(QCoreApplication.translate("Wallboard", "higher") if rule.worse is Worse.HIGHER else QCoreApplication.translate("Wallboard", "lower"))
            worse.setFlags(worse.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(row, 1, worse)
            spins = []
            for col, value in ((2, rule.amber), (3, rule.red), (4, rule.band), (5, rule.hold)):
                spin = QDoubleSpinBox(self.table)
                spin.setDecimals(1)
                spin.setRange(-100000.0 if col < 4 else 0.0, 100000.0)
                spin.setValue(value)
                self.table.setCellWidget(row, col, spin)
                spins.append(spin)
            on = QCheckBox(self.table)
            on.setChecked(rule.enabled)
            self.table.setCellWidget(row, 6, on)
            self._editors[kpi] = (*spins, on)  # type: ignore[assignment]
        self.table.resizeColumnsToContents()
        self.error = QLabel(self)
        self.error.setObjectName("thresholdError")
        self.error.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults, self)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(self.restore_defaults)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(760, 460)

    def rules(self) -> dict[str, ThresholdRule]:
        """The rules as edited; raises ValueError (one line) for the first invalid row."""
        out = {}
        for kpi, (amber, red, band, hold, on) in self._editors.items():
            base = self.settings.rules.get(kpi) or default_rules()[kpi]
            try:
                out[kpi] = ThresholdRule(kpi, amber.value(), red.value(), base.worse, band.value(), hold.value(),
                                         on.isChecked())
            except ValueError:
                raise ValueError(fill(QCoreApplication.translate("Wallboard", "%1: red must be beyond amber in the worse direction"),
                                      words.w(RULE_TITLES[kpi]))) from None
        return out

    def restore_defaults(self) -> None:
        for kpi, (amber, red, band, hold, on) in self._editors.items():
            d = default_rules()[kpi]
            amber.setValue(d.amber)
            red.setValue(d.red)
            band.setValue(d.band)
            hold.setValue(d.hold)
            on.setChecked(d.enabled)

    def accept(self) -> None:
        try:
            self.settings.rules = self.rules()
        except ValueError as exc:
            self.error.setText(str(exc))
            return
        super().accept()
