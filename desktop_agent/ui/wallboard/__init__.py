"""The team lead's wallboard: KPI tiles with alarms, the day's trend, the agent grid, the staffing hint.

`WallboardWidget` is the board itself (embed it as a tab); `WallboardWindow` shows it as its own
window or full-screen kiosk. Both get their data from an injected tick function (see
core.wallboard_feed); nothing here touches the database. `leads_board` is the operator window's
pane that holds the board for leads; it must not pull pyqtgraph in before the pane is seen, so
the board's classes are imported here only when asked for.
"""

from typing import Any

__all__ = ["WallboardSettings", "WallboardSettingsStore", "WallboardWidget", "WallboardWindow"]


def __getattr__(name: str) -> Any:
    if name in ("WallboardSettings", "WallboardSettingsStore"):
        from desktop_agent.ui.wallboard import thresholds

        return getattr(thresholds, name)
    if name in ("WallboardWidget", "WallboardWindow"):
        from desktop_agent.ui.wallboard import window

        return getattr(window, name)
    raise AttributeError(name)
