"""TemplateListModel without a view: rows, roles, favourite slots, and hostile or huge bodies."""

from __future__ import annotations

import time
import uuid

import pytest
from PySide6.QtCore import Qt

from desktop_agent.core.ports import TemplateDTO
from desktop_agent.store.defaults import read_templates
from desktop_agent.ui.templates.model import TemplateListModel, pin_favourites, plain_tooltip, snippet

pytestmark = pytest.mark.gui

M = TemplateListModel


def shipped(language: str = "ru") -> tuple[TemplateDTO, ...]:
    """The templates the product ships, as the store would hand them over."""
    return tuple(TemplateDTO(uuid.uuid4(), r["key"], r["language"], r["category"], r["title"], r["body"],
                             tuple(r["tags"].split())) for r in read_templates() if r["language"] == language)


def template(key: str, body: str = "text", title: str | None = None) -> TemplateDTO:
    return TemplateDTO(uuid.uuid4(), key, "ru", "closing", title or key, body)


def test_rows_and_roles(qtmodeltester):
    templates = shipped()
    model = TemplateListModel(lambda code: f"<{code}>")
    model.set_templates(templates)
    qtmodeltester.check(model)
    assert model.rowCount() == len(templates) > 30
    greeting = model.row_of("greeting_standard")
    index = model.index(greeting)
    assert index.data() == "Приветствие"
    assert index.data(M.KeyRole) == "greeting_standard"
    assert index.data(M.CategoryRole) == "greeting"
    assert index.data(M.CategoryTitleRole) == "<greeting>"
    assert index.data(M.TemplateRole) is templates[greeting]
    assert index.data(M.SnippetRole) == snippet(templates[greeting].body)
    assert "{{company.name}}" in index.data(M.SnippetRole)  # the model shows text as written
    assert index.data(M.SlotRole) is None
    assert model.data(model.index(len(templates))) is None
    assert model.template_at(-1) is None and model.row_of("no such key") == -1


def test_favourites_repaint_only_their_rows():
    templates = shipped()
    model = TemplateListModel()
    model.set_templates(templates)
    changed: list[int] = []
    model.dataChanged.connect(lambda top, bottom, _roles: changed.extend(range(top.row(), bottom.row() + 1)))
    resets: list[bool] = []
    model.modelReset.connect(lambda: resets.append(True))
    hold = next(t for t in templates if t.key == "hold_request")
    greeting = next(t for t in templates if t.key == "greeting_standard")

    model.set_favourites({1: greeting, 3: hold})
    assert sorted(changed) == sorted([model.row_of("greeting_standard"), model.row_of("hold_request")])
    assert model.index(model.row_of("hold_request")).data(M.SlotRole) == 3
    assert model.slot_of("greeting_standard") == 1 and model.favourite(3) is hold and model.favourite(2) is None

    changed.clear()
    model.set_favourites({1: greeting, 5: hold})  # hold moved from 3 to 5
    assert changed == [model.row_of("hold_request")]
    assert model.slot_of("hold_request") == 5 and model.favourite(3) is None
    assert not resets
    assert model.index(model.row_of("hold_request")).data(Qt.ItemDataRole.AccessibleTextRole).endswith("Alt+5")

    model.set_favourites({0: greeting, 10: hold})  # not number keys 1-9: ignored
    assert model.favourites == {}


def test_favourites_come_first_for_an_empty_query():
    a, b, c, d = (template(k) for k in "abcd")
    assert pin_favourites((a, b, c, d), {4: c, 2: d}) == (d, c, a, b)
    assert pin_favourites((a, b), {1: c, 2: c}) == (c, a, b)  # one template on two keys shows once
    assert pin_favourites((a, b), {}) == (a, b)


def test_hostile_and_huge_bodies_stay_text():
    hostile = template("x", "<b>bold</b> <img src='file:///etc/passwd'> {{__class__}} {0.__globals__} {{oops")
    model = TemplateListModel()
    model.set_templates([hostile])
    tip = model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert "&lt;b&gt;bold&lt;/b&gt;" in tip and "<img" not in tip and "{{__class__}}" in tip

    huge = template("big", "слово " * 200_000)  # 1.2 MB
    model.set_templates([huge])
    started = time.perf_counter()
    text = model.index(0).data(M.SnippetRole)
    tip = model.index(0).data(Qt.ItemDataRole.ToolTipRole)
    assert len(text) <= 160 and text.endswith("…") and text.startswith("слово слово")
    assert len(tip) < 4000
    assert time.perf_counter() - started < 1.0  # only a prefix is looked at (a generous bound)


def test_snippet_and_tooltip_edges():
    assert snippet("") == "" and snippet("  a \n\n b  ") == "a b"
    assert plain_tooltip("a & b") == "<p style='white-space:pre-wrap'>a &amp; b</p>"
