"""Light and dark themes: Fusion with a calm palette, state colours, and a little QSS on a few widgets.

Eight hours a day in front of it: low-contrast chrome, strong contrast for text, colour only where
it carries meaning (agent and call state, alarms), and an accent frame on whichever widget has
the keyboard (ui/shell/focus_ring.py). Widgets ask for colours from their own palette
(`is_dark(widget.palette())`), so nothing holds a global theme object.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, QObject, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QIcon, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication, QWidget

from desktop_agent import paths
from desktop_agent.ui.shell.focus_ring import install_focus_rings

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


def apply_theme(app: QApplication, name: str) -> Scheme:
    """Set the whole application's look; widgets get a PaletteChange event and refresh their icons.

    No application-wide style sheet: one makes Qt route every widget of the window through its
    style-sheet engine, which cost about a third of building the window. The few rules the palette
    cannot say live on the small widgets they style (`keep_sheet`)."""
    s = scheme(name)
    if app.style().name().lower() != "fusion":  # re-creating the style repolishes every widget
        app.setStyle("Fusion")
    app.setPalette(build_palette(s))
    install_focus_rings(app)  # where the keys go, drawn in the palette's accent: follows the theme by itself
    return s


def set_dim(widget: QWidget, dim: bool = True) -> None:
    """Secondary text (hints, counts, empty states) in the palette's dim colour: follows the theme."""
    widget.setForegroundRole(QPalette.ColorRole.PlaceholderText if dim else QPalette.ColorRole.NoRole)


def timer_font(font: QFont) -> QFont:
    """Call timer and wrap-up countdown: fixed-width digits, so the time does not wobble as it runs."""
    timer = QFont(font)
    timer.setFamilies(["DejaVu Sans Mono", "Consolas", "monospace"])
    timer.setStyleHint(QFont.StyleHint.Monospace)
    timer.setPixelSize(15)
    timer.setWeight(QFont.Weight.DemiBold)
    return timer


def keep_sheet(widget: QWidget, sheet: Callable[[QPalette], str]) -> None:
    """Give `widget` (a small one: its children are styled too) the style sheet `sheet(palette)`,
    and set it again whenever the palette changes (the theme switched)."""
    _SheetKeeper(widget, sheet)


class _SheetKeeper(QObject):
    def __init__(self, widget: QWidget, sheet: Callable[[QPalette], str]) -> None:
        super().__init__(widget)
        self.sheet = sheet
        self._apply(widget)
        widget.installEventFilter(self)

    def _apply(self, widget: QWidget) -> None:
        text = self.sheet(widget.palette())
        if widget.styleSheet() != text:  # setting it may change the palette again: stop there
            widget.setStyleSheet(text)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.PaletteChange and isinstance(watched, QWidget):
            self._apply(watched)
        return False


def _colours(p: QPalette) -> dict[str, str]:
    role = QPalette.ColorRole
    return {"border": p.color(role.Mid).name(), "base": p.color(role.Base).name(),
            "button": p.color(role.Button).name(), "highlight": p.color(role.Highlight).name(),
            "dim": p.color(role.PlaceholderText).name()}


def call_bar_sheet(p: QPalette) -> str:
    c = _colours(p)
    return f"""
QToolBar#callBar {{ spacing: 6px; padding: 4px; border-bottom: 1px solid {c["border"]}; }}
QToolBar#callBar QToolButton {{ padding: 4px 8px; border: 1px solid {c["border"]}; border-radius: 4px;
    background: {c["base"]}; }}
QToolBar#callBar QToolButton:hover {{ background: {c["button"]}; }}
QToolBar#callBar QToolButton:checked {{ background: {c["button"]}; border-color: {c["highlight"]}; }}
QToolBar#callBar QToolButton:disabled {{ color: {c["dim"]}; border-color: {c["button"]}; background: transparent; }}
QLabel#statePill {{ border-radius: 10px; padding: 3px 12px; font-weight: 600; color: #ffffff; }}
"""


def waiting_call_sheet(p: QPalette) -> str:
    return f"QFrame#waitingCall {{ border: 1px solid {tone_colour(p, Tone.RINGING).name()}; border-radius: 4px; }}"


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
