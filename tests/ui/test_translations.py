"""The translations: every interface string is in the .ts files, has a Russian translation that keeps
its placeholders and its keyboard accelerator, and the shipped .qm files are built from these .ts."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QTranslator

ROOT = Path(__file__).resolve().parents[2]
I18N = ROOT / "resources" / "i18n"
PLACEHOLDER = re.compile(r"%\d|%n|\{[a-zA-Z_]+\}")


def tool(name: str) -> str:
    local = Path(sys.executable).parent / name
    found = str(local) if local.exists() else shutil.which(name)
    if not found:
        pytest.skip(f"{name} is not installed")
    return found


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    out = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            out[(name, message.findtext("source") or "")] = message.find("translation")
    return out


def test_every_string_has_a_russian_translation():
    ru = messages(I18N / "desktop_agent_ru.ts")
    assert len(ru) > 100
    problems = []
    for (context, source), translation in ru.items():
        text = translation.text or ""
        if translation.get("type") in ("unfinished", "vanished", "obsolete") or not text.strip():
            problems.append(f"{context}: {source!r} is not translated")
            continue
        if sorted(PLACEHOLDER.findall(source)) != sorted(PLACEHOLDER.findall(text)):
            problems.append(f"{context}: {source!r} -> {text!r} changes the placeholders")
        if ("&" in source.replace("&&", "")) != ("&" in text.replace("&&", "")):
            problems.append(f"{context}: {source!r} -> {text!r} loses or adds the keyboard accelerator")
        if re.search(r"[А-Яа-яЁё]", text) is None and re.search(r"[A-Za-z]{4,}", source) \
                and not re.fullmatch(r"[A-Z0-9 ,%/.()\-+]+|Python|Qt / PySide6|★ VIP", source):
            problems.append(f"{context}: {source!r} -> {text!r} is not Russian")
    assert not problems, "\n".join(problems)


def test_the_ts_files_hold_every_string_in_the_code(tmp_path):
    """pyside6-lupdate over desktop_agent/ui finds nothing the committed .ts lacks."""
    sources = sorted(str(p) for p in (ROOT / "desktop_agent" / "ui").rglob("*.py"))
    fresh = tmp_path / "fresh.ts"
    subprocess.run([tool("pyside6-lupdate"), "-no-obsolete", "-locations", "none", *sources, "-ts", str(fresh)],
                   check=True, capture_output=True, timeout=120)
    found = set(messages(fresh))
    for lang in ("ru", "en"):
        committed = set(messages(I18N / f"desktop_agent_{lang}.ts"))
        new = sorted(found - committed)
        assert not new, (f"strings missing from desktop_agent_{lang}.ts (run scripts/update_translations.sh "
                         f"and translate them): {new[:10]}")


def test_the_qm_files_are_built_from_the_ts_files(tmp_path):
    for lang in ("ru", "en"):
        built = tmp_path / f"{lang}.qm"
        subprocess.run([tool("pyside6-lrelease"), "-silent", str(I18N / f"desktop_agent_{lang}.ts"), "-qm", str(built)],
                       check=True, capture_output=True, timeout=60)
        shipped = I18N / f"desktop_agent_{lang}.qm"
        assert shipped.read_bytes() == built.read_bytes(), f"{shipped.name} is stale: run scripts/update_translations.sh"


@pytest.mark.gui
def test_russian_catalogue_loads_and_translates(qapp):
    translator = QTranslator()
    assert translator.load("desktop_agent_ru", str(I18N))
    assert translator.translate("Actions", "Answer") == "Ответить"
    assert translator.translate("CallWords", "Choose a disposition before going Ready.").startswith("Выберите итог")
