"""The knobs of the KPI engine. Defaults follow DESIGN.md (T = 20 s, S = 5 s, 15-minute intervals)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, tzinfo

from desktop_agent.core.kpi.service_level import SLVariant


@dataclass(frozen=True, slots=True)
class KpiSettings:
    sl_target: int = 20            # T: seconds within which a call counts as answered in time
    short_abandon: int = 5         # S: abandons under this many seconds are "short" and left out
    sl_variant: SLVariant = SLVariant.DEFAULT
    interval_minutes: int = 15     # report intervals
    rolling_minutes: int = 15      # the rolling window (the staffing hint's arrival rate and AHT)
    # After COMPLETE*, how long to wait for the desktop's WRAPUPSTART before the call counts as
    # handled with no wrap-up (Asterisk and the desktop write their rows independently).
    wrapup_grace: float = 10.0
    # A call or wrap-up with no closing row for this long is dropped (a lost row must not pin
    # a "calls waiting" count or memory for the rest of the day).
    stale_after: float = 6 * 3600.0
    tz: tzinfo = field(default=UTC)  # where "today" starts and ends
    # Rows stamped further than this ahead of the clock are skipped: one desktop with a wrong clock
    # must not end "today" early or push the rolling window into the future.
    max_future: float = 300.0

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "sl_variant", SLVariant(self.sl_variant))
        except ValueError:
            names = ", ".join(v.value for v in SLVariant)
            raise ValueError(f"unknown service-level variant {self.sl_variant!r} (use one of: {names})") from None
        if self.sl_target <= 0:
            raise ValueError(f"the service-level target must be a positive number of seconds, not {self.sl_target}")
        if self.short_abandon < 0:
            raise ValueError(f"the short-abandon limit cannot be negative ({self.short_abandon})")
        if self.interval_minutes <= 0 or 1440 % self.interval_minutes:
            raise ValueError(f"the interval must divide a day into whole minutes ({self.interval_minutes})")
        if not 1 <= self.rolling_minutes <= 1440:
            raise ValueError(f"the rolling window must be 1-1440 minutes ({self.rolling_minutes})")
        if self.wrapup_grace < 0 or self.stale_after <= 0 or self.max_future < 0:
            raise ValueError("wrapup_grace, stale_after and max_future must be positive")

    def params(self) -> dict[str, object]:
        return {"T": self.sl_target, "S": self.short_abandon, "variant": self.sl_variant.value,
                "interval_minutes": self.interval_minutes, "rolling_minutes": self.rolling_minutes}
