"""The team lead's wallboard: KPI tiles with alarms, the day's trend, the agent grid, the staffing hint.

`WallboardWidget` is the board itself (embed it as a tab); `WallboardWindow` shows it as its own
window or full-screen kiosk. Both get their data from an injected tick function (see
core.wallboard_feed); nothing here touches the database.
"""

from desktop_agent.ui.wallboard.thresholds import WallboardSettings, WallboardSettingsStore
from desktop_agent.ui.wallboard.window import WallboardWidget, WallboardWindow

__all__ = ["WallboardSettings", "WallboardSettingsStore", "WallboardWidget", "WallboardWindow"]
