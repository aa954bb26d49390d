"""The wallboard's colours: a dark board, alarm levels and agent states.

Colours come from the Okabe-Ito set, which people with the common colour-vision deficiencies can
tell apart, and colour never carries a meaning alone: every tile also says OK / WARNING / ALARM in
words, and every agent cell names its state.
"""

from __future__ import annotations

from PySide6.QtGui import QColor

from desktop_agent.core.kpi import AgentState
from desktop_agent.core.thresholds import Level

BOARD = "#111418"          # the window behind everything
PANEL = "#1c2128"          # chart and grid backgrounds
TILE_NEUTRAL = "#262c35"   # a tile with no alarm rule or no data
TEXT = "#f2f4f7"
DIM_TEXT = "#a9b1bc"
GRID_LINE = "#3a414c"

LEVEL_COLOURS: dict[Level, str] = {
    Level.NONE: TILE_NEUTRAL,
    Level.GREEN: "#0b7a5c",    # Okabe-Ito bluish green, darkened for white text
    Level.AMBER: "#e69f00",    # Okabe-Ito orange: black text
    Level.RED: "#c8410b",      # Okabe-Ito vermillion, darkened for white text
}

# Agent states, in the order the grid sorts them.
STATE_ORDER: tuple[AgentState, ...] = (AgentState.READY, AgentState.ON_CALL, AgentState.WRAPUP, AgentState.PAUSED)
STATE_COLOURS: dict[AgentState, str] = {
    AgentState.READY: "#009e73",       # bluish green
    AgentState.ON_CALL: "#0072b2",     # blue
    AgentState.WRAPUP: "#56b4e9",      # sky blue: black text
    AgentState.PAUSED: "#e69f00",      # orange: black text
    AgentState.LOGGED_OUT: "#4b5563",
}
OVER_LIMIT_EDGE = "#ffffff"   # outline of an agent paused longer than the reason allows

# The two trend curves: blue and orange differ for every common colour-vision type.
WAITING_CURVE = "#56b4e9"
SL_CURVE = "#e69f00"


def text_on(background: str) -> str:
    """Black or white, whichever reads better on `background` (WCAG relative luminance)."""
    c = QColor(background)

    def channel(v: int) -> float:
        s = v / 255.0
        return s / 12.92 if s <= 0.03928 else ((s + 0.055) / 1.055) ** 2.4

    lum = 0.2126 * channel(c.red()) + 0.7152 * channel(c.green()) + 0.0722 * channel(c.blue())
    # contrast with white (1.05 / (lum + 0.05)) against contrast with black ((lum + 0.05) / 0.05)
    return "#000000" if (lum + 0.05) / 0.05 > 1.05 / (lum + 0.05) else "#ffffff"
