"""The templates pane's preview: the selected template filled in with the caller's data.

core.templates is the only renderer: template text is data, so it is HTML-escaped before it is
shown and a variable is never evaluated. A variable the renderer does not know, or one with no
value yet, stays visible and highlighted, and a line under the preview names it. A new ticket's
own number and due time are not missing: its save fills them in, and the line says so.

The words here keep the pane's translation context ("TemplatesPane"), where they were translated.
"""

from __future__ import annotations

import html
import re
from collections.abc import Collection, Mapping

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPalette
from PySide6.QtWidgets import QLabel, QTextBrowser, QVBoxLayout, QWidget

from desktop_agent.core.ports import TemplateDTO
from desktop_agent.core.templates import Rendered, render
from desktop_agent.ui.kit.i18n import fill
from desktop_agent.ui.shell.theme import Tone, tone_colour

PREVIEW_CHARS = 20_000  # a 1 MB body is previewed in part; insert and copy take all of it
NAMES_SHOWN = 5         # unknown or empty variables named under the preview
NAME_CHARS = 40         # a longer variable name is cut there: the line must not widen the pane

# Values are put in as numbered private-use markers, so the preview knows exactly which characters
# came from the customer or ticket (and a customer called "{{agent.name}}" is never mistaken for a
# variable). Markers in the template itself are removed first.
_OPEN, _CLOSE = "\ue000", "\ue001"
_MARKER = re.compile("\ue000(\\d+)\ue001")
_LEFT_AS_WRITTEN = re.compile(r"\{\{([^{}\n]{0,100})\}\}")  # what core.templates leaves in place


def preview_html(body: str, values: Mapping[str, str], palette: QPalette,
                 limit: int = PREVIEW_CHARS, on_save: Collection[str] = ()) -> tuple[str, Rendered, bool]:
    """(HTML for the preview, the render's outcome for the part shown, whether it was cut). Never raises.

    `on_save`: variables with no value yet that the ticket's save fills in (a new ticket's number
    and due time): marked in the accent colour, not as a warning."""
    body = body or ""
    # Only the beginning of a huge body is rendered here (the GUI thread must not stall); insert
    # and copy render all of it. A variable cut in half at the end stays as written.
    source = body[: limit * 2].replace(_OPEN, "").replace(_CLOSE, "")
    names = list(values)
    marked = render(source, {name: f"{_OPEN}{i}{_CLOSE}" for i, name in enumerate(names)})
    text = marked.text
    cut = len(text) > limit or len(body) > limit * 2
    if cut:
        text = text[:limit]
        if text.rfind(_OPEN) > text.rfind(_CLOSE):  # do not split a marker
            text = text[:text.rfind(_OPEN)]
    unknown, missing = set(marked.unknown), set(marked.missing)
    value_bg = QColor(palette.color(QPalette.ColorRole.Highlight))
    value_bg.setAlpha(40)
    danger = tone_colour(palette, Tone.DANGER)
    amber = tone_colour(palette, Tone.NOT_READY)
    later = tone_colour(palette, Tone.WRAPUP)

    def literal(piece: str) -> str:
        out, at = [], 0
        for m in _LEFT_AS_WRITTEN.finditer(piece):
            name = m.group(1).strip()
            colour = danger if name in unknown else (later if name in on_save else amber) if name in missing else None
            if colour is None:
                continue
            out.append(html.escape(piece[at:m.start()]))
            bg = QColor(colour)
            bg.setAlpha(36)
            out.append(f"<span style='color:{colour.name()}; background-color:{bg.name(QColor.NameFormat.HexArgb)};"
                       f" font-weight:600'>{html.escape(m.group(0))}</span>")
            at = m.end()
        out.append(html.escape(piece[at:]))
        return "".join(out)

    parts, at = [], 0
    for m in _MARKER.finditer(text):
        parts.append(literal(text[at:m.start()]))
        value = values.get(names[int(m.group(1))], "") if int(m.group(1)) < len(names) else ""
        parts.append(f"<span style='background-color:{value_bg.name(QColor.NameFormat.HexArgb)}'>"
                     f"{html.escape(value)}</span>")
        at = m.end()
    parts.append(literal(text[at:].replace(_OPEN, "").replace(_CLOSE, "")))
    page = f"<div style='white-space:pre-wrap'>{''.join(parts)}{'…' if cut else ''}</div>"
    return page, marked, cut


def _variables(names: tuple[str, ...]) -> str:
    """A few variable names as written, each cut to NAME_CHARS, escaped for the warnings line."""
    shown = ("{{" + (n if len(n) <= NAME_CHARS else n[:NAME_CHARS - 1] + "…") + "}}" for n in names[:NAMES_SHOWN])
    return html.escape(", ".join(shown) + (", …" if len(names) > NAMES_SHOWN else ""))


class TemplatePreview(QWidget):
    """The filled-in text, read-only, with a warnings line under it for what could not be filled."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rendered: Rendered | None = None  # the outcome of the render shown, for the warnings line
        self.browser = QTextBrowser(objectName="templatePreview")
        self.browser.setOpenLinks(False)
        self.browser.setOpenExternalLinks(False)
        self.browser.setFocusPolicy(Qt.FocusPolicy.ClickFocus)
        self.browser.setMinimumHeight(QFontMetrics(self.browser.font()).height() * 3 + 12)
        self.warnings = QLabel(objectName="templateWarnings")
        self.warnings.setWordWrap(True)
        self.warnings.setTextFormat(Qt.TextFormat.RichText)
        self.warnings.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        layout.addWidget(self.browser, 1)
        layout.addWidget(self.warnings)

    def show_template(self, template: TemplateDTO | None, values: Mapping[str, str], *,
                      on_save: Collection[str] = ()) -> None:
        """`on_save`: variables the ticket's save will fill (FILLED_ON_SAVE while no ticket is stored)."""
        palette = self.palette()
        if template is None:
            self.rendered = None
            hint = QCoreApplication.translate("TemplatesPane", "Pick a template to see it filled in.")
            self.browser.setHtml(f"<p style='color:{palette.color(QPalette.ColorRole.PlaceholderText).name()}'>"
                                 f"{html.escape(hint)}</p>")
            self.warnings.hide()
            return
        page, rendered, cut = preview_html(template.body, values, palette, on_save=on_save)
        self.rendered = rendered
        self.browser.setHtml(page)
        danger = tone_colour(palette, Tone.DANGER).name()
        amber = tone_colour(palette, Tone.NOT_READY).name()
        later = tone_colour(palette, Tone.WRAPUP).name()
        filled_later = tuple(n for n in rendered.missing if n in on_save)
        not_yet = tuple(n for n in rendered.missing if n not in on_save)
        # (colour, mark, escaped text): an unknown name is a mistake, a missing value is not there yet,
        # and the new ticket's own number and due time come with its save: nothing to fix
        lines = []
        if rendered.unknown:
            lines.append((danger, "⚠", fill(QCoreApplication.translate(
                "TemplatesPane", "Unknown variable, left as written: %1"), _variables(rendered.unknown))))
        if not_yet:
            lines.append((amber, "⚠", fill(QCoreApplication.translate("TemplatesPane", "No value yet: %1"),
                                           _variables(not_yet))))
        if filled_later:
            lines.append((later, "ℹ", fill(QCoreApplication.translate(
                "TemplatesPane", "Filled in when the ticket is saved: %1"), _variables(filled_later))))
        if cut:
            lines.append((amber, "⚠", html.escape(QCoreApplication.translate(
                "TemplatesPane", "The preview shows the beginning; insert and copy take the whole text."))))
        self.warnings.setText("<br>".join(f"<span style='color:{c}'>{mark} {t}</span>" for c, mark, t in lines))
        self.warnings.setVisible(bool(lines))
