"""The shipped defaults: valid, in both languages, loaded idempotently; a bad file is named and loses nothing."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from sqlalchemy import func, select

from desktop_agent.core.checklist import parse_steps
from desktop_agent.core.domain import CallerType
from desktop_agent.core.templates import ALLOWED_VARIABLES as RENDERER_VARIABLES
from desktop_agent.store.defaults import (
    ALLOWED_VARIABLES,
    DefaultsError,
    defaults_dir,
    load_defaults,
    read_defaults,
    read_demo_settings,
    template_variables,
)
from desktop_agent.store.models import (
    ChangeLog,
    ChecklistDefinition,
    Disposition,
    PauseReason,
    ResponseTemplate,
)

CORE_STEPS = ["listen", "acknowledge", "apologise", "restate", "offer_solution", "confirm_agreement", "next_step"]
CATEGORIES = {"greeting", "identification", "billing", "technical", "delivery", "de_escalation", "hold_transfer",
              "closing"}


@pytest.fixture(scope="module")
def shipped():
    return read_defaults()


@pytest.fixture
def copy_dir(tmp_path) -> Path:
    target = tmp_path / "defaults"
    shutil.copytree(defaults_dir(), target)
    return target


def edit_yaml(directory: Path, name: str, change) -> None:  # noqa: ANN001
    path = directory / name
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    change(doc)
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")


def test_variables_are_the_renderers():
    assert ALLOWED_VARIABLES == frozenset(RENDERER_VARIABLES)


def test_templates_ship_in_both_languages_with_the_same_keys(shipped):
    by_lang = {lang: {t["key"]: t for t in shipped.templates if t["language"] == lang} for lang in ("ru", "en")}
    assert len(by_lang["ru"]) >= 24
    assert by_lang["ru"].keys() == by_lang["en"].keys()
    assert {t["category"] for t in shipped.templates} == CATEGORIES
    for key, ru in by_lang["ru"].items():
        en = by_lang["en"][key]
        assert ru["category"] == en["category"]
        assert set(template_variables(ru["body"])) == set(template_variables(en["body"])), key
        assert all(v in ALLOWED_VARIABLES for v in template_variables(ru["body"]))
        assert ru["tags"] and all(ru["tags"].split(" ")) and all(en["tags"].split(" "))  # single words
    # the Russian really is Russian and the English English
    assert all(any("а" <= ch <= "я" for ch in t["body"].lower()) for t in by_lang["ru"].values())
    assert not any(any("а" <= ch <= "я" for ch in t["body"].lower()) for t in by_lang["en"].values())


def test_checklists_cover_every_caller_type_and_follow_the_technique(shipped):
    for lang in ("ru", "en"):
        rows = {c["caller_type"]: c for c in shipped.checklists if c["language"] == lang}
        assert set(rows) == {c.value for c in CallerType}
        general = [s["key"] for s in rows["general"]["steps"]]
        assert general == CORE_STEPS
        for row in rows.values():
            keys = [s["key"] for s in row["steps"]]
            assert keys[-1] == "next_step" and "listen" in keys and "offer_solution" in keys
            assert len(parse_steps(row["steps"])) == len(keys)  # the desktop's checklist logic reads them all
            assert all(s["title"] and s["hint"] for s in row["steps"])
        assert "set_boundary" in [s["key"] for s in rows["aggressive"]["steps"]]
        assert "steer_closed_question" in [s["key"] for s in rows["storyteller"]["steps"]]
        assert "review_history" in [s["key"] for s in rows["chronically_dissatisfied"]["steps"]]
        assert "set_expectations" in [s["key"] for s in rows["inflated_expectations"]["steps"]]
        cues = [s["cue"] for row in rows.values() for s in row["steps"] if "cue" in s]
        assert {c["kind"] for c in cues} >= {"hold", "silence"} and all(c["after"] > 0 and c["message"] for c in cues)


def test_every_checklist_phrase_is_a_template_in_both_languages(shipped):
    keys = {lang: {t["key"] for t in shipped.templates if t["language"] == lang} for lang in ("ru", "en")}
    phrases = {p for c in shipped.checklists for s in c["steps"] for p in s["phrases"]}
    assert phrases
    assert phrases <= keys["ru"] and phrases <= keys["en"]


def test_dispositions_pause_reasons_and_demo_settings(shipped):
    codes = [d["code"] for d in shipped.dispositions]
    assert 8 <= len(codes) <= 14 and any(d["requires_ticket"] for d in shipped.dispositions)
    assert [d["position"] for d in shipped.dispositions] == list(range(1, len(codes) + 1))
    reasons = {r["code"]: r for r in shipped.pause_reasons}
    assert {"break", "lunch", "training", "coaching", "meeting", "technical", "back_office"} <= reasons.keys()
    assert reasons["lunch"]["paid"] is False and reasons["back_office"]["max_minutes"] is None
    demo = read_demo_settings()
    assert {q.name for q in demo.queues} == {"support", "billing", "sales"}
    assert all(set(q.dispositions) <= set(codes) for q in demo.queues)
    assert demo.company["ru"] and demo.company["en"] and demo.customers > 0


def test_load_defaults_is_idempotent(db, shipped):
    first = load_defaults(db)
    assert first == {"templates": len(shipped.templates), "checklists": len(shipped.checklists),
                     "dispositions": len(shipped.dispositions), "pause_reasons": len(shipped.pause_reasons)}
    with db.session() as s:
        changes = s.scalar(select(func.count()).select_from(ChangeLog))
    assert load_defaults(db) == {"templates": 0, "checklists": 0, "dispositions": 0, "pause_reasons": 0}
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(ResponseTemplate)) == len(shipped.templates)
        assert s.scalar(select(func.count()).select_from(ChecklistDefinition)) == len(shipped.checklists)
        assert s.scalar(select(func.count()).select_from(Disposition)) == len(shipped.dispositions)
        assert s.scalar(select(func.count()).select_from(PauseReason)) == len(shipped.pause_reasons)
        assert s.scalar(select(func.count()).select_from(ChangeLog)) == changes  # nothing announced twice
        row = s.scalar(select(ChecklistDefinition).where(ChecklistDefinition.key == "de_escalation.storyteller",
                                                         ChecklistDefinition.language == "ru"))
        assert row.caller_type == "storyteller" and row.revision == 1 and row.active
        assert [st["key"] for st in row.steps][:2] == ["listen", "steer_closed_question"]


def test_changed_files_reset_templates_and_revise_checklists(db, copy_dir):
    load_defaults(db)

    def change(doc):  # noqa: ANN001
        doc["steps"]["restate"]["hint"]["en"] = "Say it back in one sentence."
    edit_yaml(copy_dir, "checklists.yaml", change)
    edit_yaml(copy_dir, "templates.yaml", lambda doc: doc["templates"][0]["ru"].update(title="Приветствие клиента"))
    with db.transaction() as s:  # an admin switched a template off: that is theirs to keep
        s.scalar(select(ResponseTemplate).where(ResponseTemplate.key == "greeting_standard",
                                                ResponseTemplate.language == "ru")).active = False

    changed = load_defaults(db, copy_dir)
    assert changed == {"templates": 1, "checklists": 5, "dispositions": 0, "pause_reasons": 0}
    with db.session() as s:
        greeting = s.scalar(select(ResponseTemplate).where(ResponseTemplate.key == "greeting_standard",
                                                           ResponseTemplate.language == "ru"))
        assert greeting.title == "Приветствие клиента" and greeting.active is False
        general = s.scalars(select(ChecklistDefinition).where(ChecklistDefinition.key == "de_escalation.general",
                                                              ChecklistDefinition.language == "en")
                            .order_by(ChecklistDefinition.revision)).all()
        assert [(d.revision, d.active) for d in general] == [(1, False), (2, True)]
        assert {st["key"]: st["hint"] for st in general[1].steps}["restate"] == "Say it back in one sentence."
        ru = s.scalars(select(ChecklistDefinition).where(ChecklistDefinition.key == "de_escalation.general",
                                                         ChecklistDefinition.language == "ru")).all()
        assert len(ru) == 1  # the Russian text did not change
    assert load_defaults(db, copy_dir)["checklists"] == 0


def _remove_en(doc):  # noqa: ANN001
    del doc["templates"][2]["en"]


def _unknown_variable(doc):  # noqa: ANN001
    doc["templates"][1]["ru"]["body"] += " {{customer.balance}}"


def _unknown_phrase(doc):  # noqa: ANN001
    doc["steps"]["acknowledge"]["phrases"].append("no_such_template")


def _bad_cue(doc):  # noqa: ANN001
    doc["steps"]["listen"]["cue"]["kind"] = "music"


def _bad_caller_type(doc):  # noqa: ANN001
    doc["checklists"][1]["caller_type"] = "grumpy"


def _duplicate_code(doc):  # noqa: ANN001
    doc["dispositions"][1]["code"] = doc["dispositions"][0]["code"]


def _demo_unknown_disposition(doc):  # noqa: ANN001
    doc["queues"][0]["dispositions"]["teleported"] = 5


@pytest.mark.parametrize(("name", "change", "expected"), [
    ("templates.yaml", _remove_en, "templates.yaml: template 'greeting_callback': no 'en' version"),
    ("templates.yaml", _unknown_variable,
     "templates.yaml: template 'greeting_known_customer' (ru): unknown variable {{customer.balance}}"),
    ("checklists.yaml", _unknown_phrase,
     "checklists.yaml: step 'acknowledge': phrase 'no_such_template' is not a template key"),
    ("checklists.yaml", _bad_cue, "checklists.yaml: step 'listen': cue kind must be one of"),
    ("checklists.yaml", _bad_caller_type, "checklists.yaml: checklist 'de_escalation.aggressive': caller_type"),
    ("dispositions.yaml", _duplicate_code, "dispositions.yaml: disposition 'resolved_first_contact': duplicate"),
    ("demo.yaml", _demo_unknown_disposition,
     "demo.yaml: queue #1: disposition 'teleported' is not in dispositions.yaml"),
])
def test_bad_entry_is_named(copy_dir, name, change, expected):
    edit_yaml(copy_dir, name, change)
    with pytest.raises(DefaultsError) as caught:
        read_defaults(copy_dir) if name != "demo.yaml" else read_demo_settings(copy_dir)
    message = str(caught.value)
    assert message.startswith(expected), message
    assert "\n" not in message


def test_broken_yaml_names_file_and_line_and_loses_nothing(db, copy_dir):
    load_defaults(db)
    text = (copy_dir / "templates.yaml").read_text(encoding="utf-8").replace(
        "title: Приветствие\n", "title: [Приветствие\n", 1)
    (copy_dir / "templates.yaml").write_text(text, encoding="utf-8")
    (copy_dir / "pause_reasons.yaml").write_text("pause_reasons: []\n", encoding="utf-8")
    with pytest.raises(DefaultsError, match=r"^templates\.yaml: line \d+: not valid YAML"):
        load_defaults(db, copy_dir)
    (copy_dir / "templates.yaml").unlink()
    with pytest.raises(DefaultsError, match=r"^templates\.yaml: missing from "):
        load_defaults(db, copy_dir)
    with db.session() as s:  # the earlier load is untouched
        assert s.scalar(select(func.count()).select_from(ResponseTemplate)) > 0
        assert s.scalar(select(func.count()).select_from(PauseReason)) == 7
