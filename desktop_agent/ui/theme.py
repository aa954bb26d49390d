"""Light and dark themes: Fusion with a calm palette, a little QSS, and state colours.

Eight hours a day in front of it: low-contrast chrome, strong contrast for text, colour only where
it carries meaning (agent and call state, alarms), and an accent frame on whichever widget has
the keyboard (ui/focus_ring.py). Widgets ask for colours from their own palette
(`is_dark(widget.palette())`), so nothing holds a global theme object.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from desktop_agent import paths
from desktop_agent.ui.focus_ring import install_focus_rings

THEMES = ("light", "dark")


class Tone(StrEnum):
    """What a colour means, not what it looks like."""

    READY = "ready"
    NOT_READY = "not_ready"
    WRAPUP = "wrapup"
    RINGING = "ringing"
    TALKING = "talking"
    HELD = "held"
    DANGER = "danger"
    NEUTRAL = "neutral"


@dataclass(frozen=True, slots=True)
class Scheme:
    window: str
    base: str
    alt_base: str
    text: str
    dim_text: str
    button: str
    highlight: str
    highlight_text: str
    border: str
    link: str
    tones: dict[Tone, str]


LIGHT = Scheme(
    window="#f3f4f6", base="#ffffff", alt_base="#f7f8fa", text="#1f2328", dim_text="#6b7280",
    button="#e9ebef", highlight="#2f6fb3", highlight_text="#ffffff", border="#c9ced6", link="#1f5fa8",
    tones={
        Tone.READY: "#1f8a4c", Tone.NOT_READY: "#b26a00", Tone.WRAPUP: "#2f6fb3",
        Tone.RINGING: "#c2410c", Tone.TALKING: "#1f8a4c", Tone.HELD: "#8a5cb8",
        Tone.DANGER: "#c62828", Tone.NEUTRAL: "#6b7280",
    },
)
DARK = Scheme(
    window="#1e2126", base="#16181c", alt_base="#1b1e22", text="#e6e8eb", dim_text="#9aa3ad",
    button="#2a2e35", highlight="#3b82c4", highlight_text="#ffffff", border="#3a3f47", link="#7fb2e6",
    tones={
        Tone.READY: "#3fb26f", Tone.NOT_READY: "#e0a030", Tone.WRAPUP: "#5b9be0",
        Tone.RINGING: "#f08c4a", Tone.TALKING: "#3fb26f", Tone.HELD: "#b08ad8",
        Tone.DANGER: "#ef5350", Tone.NEUTRAL: "#9aa3ad",
    },
)


def scheme(name: str) -> Scheme:
    return DARK if name == "dark" else LIGHT


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def tone_colour(palette: QPalette, tone: Tone) -> QColor:
    return QColor((DARK if is_dark(palette) else LIGHT).tones[tone])


def build_palette(s: Scheme) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    for r, c in (
        (role.Window, s.window), (role.WindowText, s.text), (role.Base, s.base),
        (role.AlternateBase, s.alt_base), (role.Text, s.text), (role.Button, s.button),
        (role.ButtonText, s.text), (role.Highlight, s.highlight), (role.HighlightedText, s.highlight_text),
        (role.ToolTipBase, s.base), (role.ToolTipText, s.text), (role.PlaceholderText, s.dim_text),
        (role.Link, s.link), (role.BrightText, "#ffffff"), (role.Mid, s.border), (role.Midlight, s.button),
        (role.Dark, s.border), (role.Shadow, "#000000"), (role.Light, s.base),
    ):
        p.setColor(r, QColor(c))
    disabled = QPalette.ColorGroup.Disabled
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(disabled, r, QColor(s.dim_text))
    p.setColor(disabled, role.Button, QColor(s.window))
    return p


def style_sheet(s: Scheme) -> str:
    # Only what the palette cannot say: borders, the state pill, and spacing in the call bar.
    return f"""
QToolTip {{ border: 1px solid {s.border}; padding: 4px; }}
QDockWidget::title {{ padding: 4px 6px; background: {s.button}; }}
QToolBar#callBar {{ spacing: 6px; padding: 4px; border-bottom: 1px solid {s.border}; }}
QToolBar#callBar QToolButton {{ padding: 4px 8px; border: 1px solid {s.border}; border-radius: 4px;
    background: {s.base}; }}
QToolBar#callBar QToolButton:hover {{ background: {s.button}; }}
QToolBar#callBar QToolButton:checked {{ background: {s.button}; border-color: {s.highlight}; }}
QToolBar#callBar QToolButton:disabled {{ color: {s.dim_text}; border-color: {s.button}; background: transparent; }}
QLabel#statePill {{ border-radius: 10px; padding: 3px 12px; font-weight: 600; color: #ffffff; }}
QLabel#callTimer, QLabel#wrapupCountdown {{ font-family: "DejaVu Sans Mono", "Consolas", monospace;
    font-size: 15px; font-weight: 600; }}
QLabel[dim="true"] {{ color: {s.dim_text}; }}
QFrame#waitingCall {{ border: 1px solid {s.tones[Tone.RINGING]}; border-radius: 4px; }}
QStatusBar QLabel {{ padding: 0 6px; }}
"""


def apply_theme(app: QApplication, name: str) -> Scheme:
    """Set the whole application's look; widgets get a PaletteChange event and refresh their icons."""
    s = scheme(name)
    if app.style().name().lower() != "fusion":  # re-creating the style repolishes every widget
        app.setStyle("Fusion")
    app.setPalette(build_palette(s))
    sheet = style_sheet(s)
    if app.styleSheet() != sheet:
        app.setStyleSheet(sheet)
    install_focus_rings(app)  # where the keys go, drawn in the palette's accent: follows the theme by itself
    return s


# ---- icons ------------------------------------------------------------------------------------

def icons_dir() -> Path:
    return paths.resources_dir() / "icons"


@lru_cache(maxsize=16)
def _svg(name: str) -> str:
    path = icons_dir() / f"{name}.svg"
    return path.read_text(encoding="utf-8") if path.exists() else ""


@lru_cache(maxsize=256)
def _icon(name: str, colour: str, size: int) -> QIcon:
    svg = _svg(name)
    icon = QIcon()
    if not svg:
        return icon
    data = QByteArray(svg.replace("currentColor", colour).encode("utf-8"))
    renderer = QSvgRenderer(data)
    for scale in (1, 2):  # crisp on high-DPI screens too
        pixmap = QPixmap(QSize(size * scale, size * scale))
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        renderer.render(painter, QRectF(0, 0, size * scale, size * scale))
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        icon.addPixmap(pixmap)
    return icon


def icon(name: str, colour: QColor | str, size: int = 20) -> QIcon:
    """A monochrome glyph from resources/icons, drawn in `colour` (its SVG uses currentColor)."""
    return _icon(name, QColor(colour).name(), size)


def app_icon() -> QIcon:
    path = icons_dir() / "desktop-agent.svg"
    return QIcon(str(path)) if path.exists() else QIcon()
