"""The shipped defaults: response templates, de-escalation checklists, dispositions, pause reasons.

They live in `resources/defaults/*.yaml` (Russian and English side by side), are validated here with
errors that name the file and the entry, and are upserted by :func:`load_defaults`. Loading twice
changes nothing. A checklist whose steps change gets a new revision instead of being edited in
place, because checklist runs point at the definition they were scored against.
"""

from __future__ import annotations

import re
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from sqlalchemy import select

from desktop_agent import paths
from desktop_agent.core.checklist import CUE_KINDS, validate_steps
from desktop_agent.core.domain import CallerType, Role
from desktop_agent.store.database import Database
from desktop_agent.store.errors import StoreError
from desktop_agent.store.models import ChecklistDefinition, Disposition, PauseReason, ResponseTemplate
from desktop_agent.store.notify import record_change

LANGUAGES = ("ru", "en")
ORIGIN = "defaults"  # change_log origin of rows written by load_defaults
# The template renderer knows exactly these names; anything else in a template is a mistake.
ALLOWED_VARIABLES = frozenset({
    "customer.name", "customer.first_name", "customer.phone",
    "ticket.number", "ticket.subject", "ticket.due",
    "agent.name", "agent.first_name", "company.name", "today",
})
CALLER_TYPES = frozenset(c.value for c in CallerType)
DISPOSITION_CATEGORIES = frozenset({"resolved", "follow_up", "sales", "transfer", "non_productive"})

_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_VARIABLE = re.compile(r"\{\{\s*([^{}]*?)\s*\}\}")
_KEY = re.compile(r"^[a-z][a-z0-9_.]{0,63}$")


class DefaultsError(StoreError):
    """A defaults file is missing or wrong; the message names the file and the entry."""


def defaults_dir() -> Path:
    return paths.resources_dir() / "defaults"


def template_variables(text: str) -> list[str]:
    """The variable names used in a template body, in order."""
    return [m.group(1) for m in _VARIABLE.finditer(text)]


# --- reading and checking ---------------------------------------------------------------------------

class _Where:
    """Builds one-line errors that say which file and which entry is wrong."""

    def __init__(self, file: str, entry: str = "") -> None:
        self.file, self.entry = file, entry

    def at(self, entry: str) -> _Where:
        return _Where(self.file, entry)

    def fail(self, problem: str) -> DefaultsError:
        where = f"{self.file}: {self.entry}: " if self.entry else f"{self.file}: "
        return DefaultsError(where + problem)

    def text(self, value: Any, field: str) -> str:
        if not isinstance(value, str) or not value.strip():
            raise self.fail(f"'{field}' must be non-empty text")
        return value.strip()

    def key(self, value: Any, field: str = "key") -> str:
        if not isinstance(value, str) or not _KEY.match(value):
            raise self.fail(f"'{field}' must be lower-case letters, digits, '_' or '.', got {value!r}")
        return value

    def localised(self, value: Any, field: str) -> dict[str, str]:
        if not isinstance(value, dict):
            raise self.fail(f"'{field}' must give both languages ({', '.join(LANGUAGES)})")
        missing = [lang for lang in LANGUAGES if lang not in value]
        if missing:
            raise self.fail(f"'{field}' has no {', '.join(missing)} text")
        return {lang: self.text(value[lang], f"{field}.{lang}") for lang in LANGUAGES}

    def mapping(self, value: Any, field: str) -> dict[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(f"'{field}' must be a mapping")
        return value

    def entries(self, doc: dict[str, Any], field: str) -> list[Any]:
        value = doc.get(field)
        if not isinstance(value, list) or not value:
            raise self.fail(f"'{field}' must be a non-empty list")
        return value


def _read_yaml(directory: Path, name: str) -> dict[str, Any]:
    path = directory / name
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise DefaultsError(f"{name}: missing from {directory}") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise DefaultsError(f"{name}: cannot read: {exc}") from exc
    try:
        doc = yaml.load(text, Loader=_LOADER)  # _LOADER is a safe loader
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        line = f" line {mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise DefaultsError(f"{name}:{line}: not valid YAML: {problem}") from None
    if not isinstance(doc, dict):
        raise DefaultsError(f"{name}: expected a mapping at the top level")
    return doc


def _check_body(where: _Where, body: str) -> None:
    for name in template_variables(body):
        if name not in ALLOWED_VARIABLES:
            raise where.fail(f"unknown variable {{{{{name}}}}} (allowed: {', '.join(sorted(ALLOWED_VARIABLES))})")
    leftover = _VARIABLE.sub("", body)
    if "{{" in leftover or "}}" in leftover:
        raise where.fail("unbalanced '{{' or '}}' in the body")


def _keyed_entries(where: _Where, doc: dict[str, Any], section: str, kind: str):  # noqa: ANN202
    """(located context, key, entry) for each entry of a keyed list, refusing a key given twice."""
    seen: set[str] = set()
    for i, entry in enumerate(where.entries(doc, section), start=1):
        w = where.at(f"{kind} #{i}")
        entry = w.mapping(entry, kind)
        key = w.key(entry.get("key"))
        w = where.at(f"{kind} {key!r}")
        if key in seen:
            raise w.fail("duplicate key")
        seen.add(key)
        yield w, key, entry


def read_templates(directory: Path | None = None) -> list[dict[str, Any]]:
    """Template rows, one per key and language."""
    name = "templates.yaml"
    where = _Where(name)
    doc = _read_yaml(directory or defaults_dir(), name)
    rows: list[dict[str, Any]] = []
    for w, key, entry in _keyed_entries(where, doc, "templates", "template"):
        category = w.key(entry.get("category"), "category")
        for lang in LANGUAGES:
            if lang not in entry:
                raise w.fail(f"no '{lang}' version (every template ships in {' and '.join(LANGUAGES)})")
            wl = where.at(f"template {key!r} ({lang})")
            text = wl.mapping(entry[lang], lang)
            body = wl.text(text.get("body"), "body")
            _check_body(wl, body)
            tags = text.get("tags", [])
            if not isinstance(tags, list) or not all(isinstance(t, str) and t and not t.split()[1:] for t in tags):
                raise wl.fail("'tags' must be a list of single words")
            rows.append({"key": key, "language": lang, "category": category,
                         "title": wl.text(text.get("title"), "title"), "body": body, "tags": " ".join(tags)})
    return rows


def _read_cue(w: _Where, cue: Any) -> dict[str, Any]:
    cue = w.mapping(cue, "cue")
    kind = cue.get("kind")
    if kind not in CUE_KINDS:
        raise w.fail(f"cue kind must be one of {', '.join(CUE_KINDS)}, got {kind!r}")
    seconds = cue.get("seconds")
    if not isinstance(seconds, int) or isinstance(seconds, bool) or not 1 <= seconds <= 3600:
        raise w.fail(f"cue seconds must be a whole number from 1 to 3600, got {seconds!r}")
    # stored as core.checklist reads it: {"kind", "after"}, plus the message for the operator
    return {"kind": kind, "after": seconds, "message": w.localised(cue.get("message"), "cue.message")}


def _read_step(w: _Where, step: dict[str, Any], template_keys: set[str]) -> dict[str, Any]:
    unknown = set(step) - {"key", "title", "hint", "phrases", "cue"}
    if unknown:
        raise w.fail(f"unknown field(s) {', '.join(sorted(unknown))}")
    out: dict[str, Any] = {}
    for field in ("title", "hint"):
        if field in step:
            out[field] = w.localised(step[field], field)
    if "phrases" in step:
        phrases = step["phrases"]
        if not isinstance(phrases, list) or not all(isinstance(p, str) for p in phrases):
            raise w.fail("'phrases' must be a list of template keys")
        for p in phrases:
            if p not in template_keys:
                raise w.fail(f"phrase {p!r} is not a template key in templates.yaml")
        out["phrases"] = list(phrases)
    if step.get("cue") is not None:
        out["cue"] = _read_cue(w, step["cue"])
    return out


def read_checklists(directory: Path | None = None,
                    template_keys: Iterable[str] | None = None) -> list[dict[str, Any]]:
    """Checklist definition rows, one per checklist and language, with their steps resolved."""
    directory = directory or defaults_dir()
    if template_keys is None:
        template_keys = {row["key"] for row in read_templates(directory)}
    keys = set(template_keys)
    name = "checklists.yaml"
    where = _Where(name)
    doc = _read_yaml(directory, name)
    library: dict[str, dict[str, Any]] = {}
    for step_key, step in where.mapping(doc.get("steps"), "steps").items():
        w = where.at(f"step {step_key!r}")
        w.key(step_key)
        step = _read_step(w, w.mapping(step, "step"), keys)
        for field in ("title", "hint"):
            if field not in step:
                raise w.fail(f"no '{field}'")
        step.setdefault("phrases", [])
        library[step_key] = step

    rows: list[dict[str, Any]] = []
    for w, key, entry in _keyed_entries(where, doc, "checklists", "checklist"):
        caller_type = entry.get("caller_type")
        if caller_type not in CALLER_TYPES:
            raise w.fail(f"caller_type must be one of {', '.join(sorted(CALLER_TYPES))}, got {caller_type!r}")
        title = w.localised(entry.get("title"), "title")
        description = w.localised(entry.get("description"), "description")
        steps: list[dict[str, Any]] = []
        for raw in w.entries(entry, "steps"):
            override: dict[str, Any] = {"key": raw} if isinstance(raw, str) else w.mapping(raw, "step")
            step_key = override.get("key")
            ws = where.at(f"checklist {key!r} step {step_key!r}")
            if step_key not in library:
                raise ws.fail("not a step defined under 'steps'")
            if any(s["key"] == step_key for s in steps):
                raise ws.fail("the step appears twice")
            merged = {**library[step_key], **_read_step(ws, override, keys), "key": step_key}
            steps.append(merged)
        for lang in LANGUAGES:
            localised = [_localise_step(s, lang) for s in steps]
            try:
                validate_steps(localised)  # what the desktop's checklist logic will accept
            except ValueError as exc:
                raise w.fail(str(exc)) from None
            rows.append({"key": key, "language": lang, "caller_type": caller_type, "title": title[lang],
                         "description": description[lang], "steps": localised})
    return rows


def _localise_step(step: dict[str, Any], lang: str) -> dict[str, Any]:
    out = {"key": step["key"], "title": step["title"][lang], "hint": step["hint"][lang],
           "phrases": list(step["phrases"])}
    if "cue" in step:
        cue = step["cue"]
        out["cue"] = {"kind": cue["kind"], "after": cue["after"], "message": cue["message"][lang]}
    return out


def _read_coded(directory: Path, name: str, field: str, item: str) -> list[tuple[_Where, dict]]:
    where = _Where(name)
    doc = _read_yaml(directory, name)
    out, seen = [], set()
    for i, entry in enumerate(where.entries(doc, field), start=1):
        w = where.at(f"{item} #{i}")
        entry = w.mapping(entry, item)
        code = w.key(entry.get("code"), "code")
        w = where.at(f"{item} {code!r}")
        if code in seen:
            raise w.fail("duplicate code")
        seen.add(code)
        out.append((w, entry))
    return out


def _flag(w: _Where, value: Any, field: str) -> bool:
    if not isinstance(value, bool):
        raise w.fail(f"'{field}' must be true or false, got {value!r}")
    return value


def read_dispositions(directory: Path | None = None) -> list[dict[str, Any]]:
    entries = _read_coded(directory or defaults_dir(), "dispositions.yaml", "dispositions", "disposition")
    rows = []
    for position, (w, e) in enumerate(entries, start=1):
        category = e.get("category")
        if category not in DISPOSITION_CATEGORIES:
            raise w.fail(f"category must be one of {', '.join(sorted(DISPOSITION_CATEGORIES))}, got {category!r}")
        rows.append({"code": e["code"], "title_ru": w.text(e.get("title_ru"), "title_ru"),
                     "title_en": w.text(e.get("title_en"), "title_en"), "category": category,
                     "requires_ticket": _flag(w, e.get("requires_ticket", False), "requires_ticket"),
                     "position": position})
    return rows


def read_pause_reasons(directory: Path | None = None) -> list[dict[str, Any]]:
    entries = _read_coded(directory or defaults_dir(), "pause_reasons.yaml", "pause_reasons", "pause reason")
    rows = []
    for position, (w, e) in enumerate(entries, start=1):
        max_minutes = e.get("max_minutes")
        if max_minutes is not None and (not isinstance(max_minutes, int) or isinstance(max_minutes, bool)
                                        or not 1 <= max_minutes <= 24 * 60):
            raise w.fail(f"max_minutes must be empty or minutes from 1 to 1440, got {max_minutes!r}")
        rows.append({"code": e["code"], "title_ru": w.text(e.get("title_ru"), "title_ru"),
                     "title_en": w.text(e.get("title_en"), "title_en"),
                     "paid": _flag(w, e.get("paid", True), "paid"), "max_minutes": max_minutes,
                     "position": position})
    return rows


@dataclass(frozen=True)
class Defaults:
    templates: list[dict[str, Any]]
    checklists: list[dict[str, Any]]
    dispositions: list[dict[str, Any]]
    pause_reasons: list[dict[str, Any]]


def read_defaults(directory: Path | None = None) -> Defaults:
    """Read and check every defaults file; raises DefaultsError naming the first problem."""
    directory = directory or defaults_dir()
    templates = read_templates(directory)
    return Defaults(
        templates=templates,
        checklists=read_checklists(directory, {t["key"] for t in templates}),
        dispositions=read_dispositions(directory),
        pause_reasons=read_pause_reasons(directory),
    )


MIX_FIELDS = ("english_speaking", "extra_phones", "vip", "with_email", "with_notes", "outbound", "anonymous",
              "unknown_caller", "tickets_from_calls")


@dataclass(frozen=True)
class DemoQueue:
    name: str
    title_ru: str
    title_en: str
    weight: float
    dispositions: dict[str, float]  # disposition code -> weight, for answered calls in this queue


@dataclass(frozen=True)
class TicketCategory:
    name: str
    weight: float
    subjects: dict[str, list[str]]  # language -> subjects
    descriptions: dict[str, list[str]]


@dataclass(frozen=True)
class DemoSettings:
    """demo.yaml: what the first start generates, and the texts `db seed` draws on."""

    company: dict[str, str]
    customers: int
    tickets_per_customer: float
    interactions_per_customer: float
    agents: int
    mix: dict[str, float]
    queues: list[DemoQueue]
    named_agents: list[dict[str, str]]
    email_domains: dict[str, list[str]]
    ticket_categories: list[TicketCategory]
    customer_notes: dict[str, list[str]]
    popular_names: dict[str, list[str]]  # "male"/"female" -> common Russian first names


def _number(w: _Where, value: Any, field: str, low: float, high: float) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float) or not low <= value <= high:
        raise w.fail(f"'{field}' must be a number from {low:g} to {high:g}, got {value!r}")
    return value


def _texts(w: _Where, value: Any, field: str) -> dict[str, list[str]]:
    value = w.mapping(value, field)
    out = {}
    for lang in LANGUAGES:
        items = value.get(lang)
        if not isinstance(items, list) or not items:
            raise w.fail(f"'{field}.{lang}' must be a non-empty list")
        out[lang] = [w.text(t, f"{field}.{lang}") for t in items]
    return out


def read_demo_settings(directory: Path | None = None) -> DemoSettings:
    directory = directory or defaults_dir()
    codes = {d["code"] for d in read_dispositions(directory)}
    where = _Where("demo.yaml")
    doc = _read_yaml(directory, "demo.yaml")
    counts = where.mapping(doc.get("counts"), "counts")
    mix = where.mapping(doc.get("mix"), "mix")
    queues = []
    for i, q in enumerate(where.entries(doc, "queues"), start=1):
        w = where.at(f"queue #{i}")
        q = w.mapping(q, "queue")
        name = w.key(q.get("name"), "name")
        weights = w.mapping(q.get("dispositions"), "dispositions")
        for code, weight in weights.items():
            if code not in codes:
                raise w.fail(f"disposition {code!r} is not in dispositions.yaml")
            _number(w, weight, f"dispositions.{code}", 0, 1e6)
        queues.append(DemoQueue(name, w.text(q.get("title_ru"), "title_ru"), w.text(q.get("title_en"), "title_en"),
                                _number(w, q.get("weight"), "weight", 0, 1e6), dict(weights)))
    agents = []
    for i, a in enumerate(where.entries(doc, "agents"), start=1):
        w = where.at(f"agent #{i}")
        a = w.mapping(a, "agent")
        role = a.get("role", Role.OPERATOR.value)
        if role not in {r.value for r in Role}:
            raise w.fail(f"role must be one of {', '.join(r.value for r in Role)}, got {role!r}")
        language = a.get("language", "ru")
        if language not in LANGUAGES:
            raise w.fail(f"language must be one of {', '.join(LANGUAGES)}, got {language!r}")
        agents.append({"display_name": w.text(a.get("display_name"), "display_name"), "role": role,
                       "language": language})
    categories = []
    for i, c in enumerate(where.entries(doc, "ticket_categories"), start=1):
        w = where.at(f"ticket category #{i}")
        c = w.mapping(c, "ticket category")
        categories.append(TicketCategory(w.key(c.get("name"), "name"), _number(w, c.get("weight"), "weight", 0, 1e6),
                                         _texts(w, c.get("subjects"), "subjects"),
                                         _texts(w, c.get("descriptions"), "descriptions")))
    return DemoSettings(
        company=where.localised(doc.get("company"), "company"),
        customers=int(_number(where.at("counts"), counts.get("customers"), "customers", 0, 10**8)),
        tickets_per_customer=_number(where.at("counts"), counts.get("tickets_per_customer"),
                                     "tickets_per_customer", 0, 100),
        interactions_per_customer=_number(where.at("counts"), counts.get("interactions_per_customer"),
                                          "interactions_per_customer", 0, 1000),
        agents=int(_number(where.at("counts"), counts.get("agents"), "agents", 1, 10_000)),
        mix={f: _number(where.at("mix"), mix.get(f), f, 0, 1) for f in MIX_FIELDS},
        queues=queues,
        named_agents=agents,
        email_domains=_texts(where, doc.get("email_domains"), "email_domains"),
        ticket_categories=categories,
        customer_notes=_texts(where, doc.get("customer_notes"), "customer_notes"),
        popular_names=_popular_names(where, doc.get("popular_names", {})),
    )


def _popular_names(where: _Where, value: Any) -> dict[str, list[str]]:
    value = where.mapping(value, "popular_names")
    out = {}
    for sex in ("male", "female"):
        names = value.get(sex, [])
        if not isinstance(names, list):
            raise where.fail(f"'popular_names.{sex}' must be a list")
        out[sex] = [where.text(n, f"popular_names.{sex}") for n in names]
    return out


# --- writing ------------------------------------------------------------------------------------------

def _upsert(session: Any, model: type, rows: list[dict[str, Any]], key: tuple[str, ...], entity: str) -> int:
    """Insert missing rows and reset changed ones to the shipped values; untouched rows stay as they are.

    Only shipped fields are compared and written: an admin's `active` switch is theirs to keep.
    """
    existing = {tuple(getattr(obj, f) for f in key): obj for obj in session.scalars(select(model))}
    changed = 0
    for row in rows:
        obj = existing.get(tuple(row[f] for f in key))
        if obj is None:
            obj = model(**row, **({"id": uuid.uuid4()} if "id" in model.__table__.c else {}))
            session.add(obj)
        elif all(getattr(obj, f) == v for f, v in row.items()):
            continue
        else:
            for f, v in row.items():
                setattr(obj, f, v)
        record_change(session, entity, getattr(obj, "id", None) or row["code"], ORIGIN)
        changed += 1
    return changed


def _upsert_checklists(session: Any, rows: list[dict[str, Any]]) -> int:
    """A changed checklist gets a new revision, and the old one retires: runs keep what they were scored on."""
    latest: dict[tuple[str, str], ChecklistDefinition] = {}
    every: dict[tuple[str, str], list[ChecklistDefinition]] = {}
    for d in session.scalars(select(ChecklistDefinition).order_by(ChecklistDefinition.revision)):
        latest[(d.key, d.language)] = d
        every.setdefault((d.key, d.language), []).append(d)
    changed = 0
    for row in rows:
        current = latest.get((row["key"], row["language"]))
        if current is not None and all(getattr(current, f) == v for f, v in row.items()):
            continue
        for old in every.get((row["key"], row["language"]), []):
            old.active = False
        new = ChecklistDefinition(**row, id=uuid.uuid4(), revision=1 if current is None else current.revision + 1,
                                  active=True)
        session.add(new)
        record_change(session, "checklist", new.id, ORIGIN)
        changed += 1
    return changed


def load_defaults(db: Database, directory: Path | None = None) -> dict[str, int]:
    """Upsert the shipped defaults in one transaction; returns how many rows of each kind it added or reset.

    Everything is read and checked first, so a bad file changes nothing. Idempotent: a second run
    returns all zeros. Changed rows are announced in change_log like any other edit.
    """
    defaults = read_defaults(directory)
    with db.transaction() as session:
        return {
            "templates": _upsert(session, ResponseTemplate, defaults.templates, ("key", "language"), "template"),
            "checklists": _upsert_checklists(session, defaults.checklists),
            "dispositions": _upsert(session, Disposition, defaults.dispositions, ("code",), "disposition"),
            "pause_reasons": _upsert(session, PauseReason, defaults.pause_reasons, ("code",), "pause_reason"),
        }
