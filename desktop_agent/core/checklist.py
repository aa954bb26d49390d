"""The de-escalation checklist: a run over a definition's steps, ticks with times, timed cues.

Pure and immutable: every operation returns a new run, so the UI can hand a run to the database
worker while the operator keeps ticking.

A definition's steps come from JSON (the checklist_definitions.steps column, loaded from YAML):
    {"key": "listen", "title": "...", "hint": "...", "phrases": ["template-key", ...],
     "cue": {"kind": "hold" | "silence" | "talk", "after": 60, "message": "what to tell the operator"}}
A cue fires when the call has been in that condition (on hold, silent, talking) for `after`
seconds, once per episode: a second hold fires the hold cue again, and so does a second silence
after the caller has spoken in between.
"""

from __future__ import annotations

import uuid
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

CUE_KINDS = ("hold", "silence", "talk")


@dataclass(frozen=True, slots=True)
class CueRule:
    kind: str  # one of CUE_KINDS
    after_seconds: float
    key: str  # unique within a run: which cue fired is remembered by key and episode
    step_key: str | None = None  # the step the cue points the operator to
    message: str = ""  # shown when it fires; empty: the UI words it from the kind


# Cues every run gets unless the UI configures others: a long hold, a long silence.
DEFAULT_CUES: tuple[CueRule, ...] = (
    CueRule("hold", 60, "hold"),
    CueRule("silence", 15, "silence"),
)


@dataclass(frozen=True, slots=True)
class ChecklistStep:
    key: str
    title: str
    hint: str = ""
    phrases: tuple[str, ...] = ()  # template keys with suggested phrases
    cue: CueRule | None = None


@dataclass(frozen=True, slots=True)
class ChecklistDefinition:
    id: uuid.UUID
    key: str
    language: str
    caller_type: str
    title: str
    steps: tuple[ChecklistStep, ...]
    description: str = ""
    revision: int = 1

    def step(self, key: str) -> ChecklistStep:
        for step in self.steps:
            if step.key == key:
                return step
        raise KeyError(key)


def _parse_cue(raw: Any, step_key: str) -> CueRule | None:
    if not isinstance(raw, Mapping):
        return None
    kind = str(raw.get("kind") or raw.get("type") or "").strip().lower()
    after = raw.get("after", raw.get("after_seconds", raw.get("seconds")))
    try:
        seconds = float(after)
    except (TypeError, ValueError):
        return None
    if kind not in CUE_KINDS or seconds < 0:
        return None
    message = raw.get("message")
    return CueRule(kind, seconds, f"{step_key}:{kind}", step_key, message if isinstance(message, str) else "")


def parse_steps(raw: Any) -> tuple[ChecklistStep, ...]:
    """Steps from their JSON form. Lenient: what cannot be understood is dropped, never raised."""
    if not isinstance(raw, Sequence) or isinstance(raw, str):
        return ()
    steps: list[ChecklistStep] = []
    seen: set[str] = set()
    for i, item in enumerate(raw):
        if not isinstance(item, Mapping):
            continue
        key = str(item.get("key") or f"step{i + 1}").strip()
        if key in seen:
            continue
        seen.add(key)
        phrases = item.get("phrases") or ()
        if isinstance(phrases, str):
            phrases = (phrases,)
        steps.append(ChecklistStep(
            key=key,
            title=str(item.get("title") or key),
            hint=str(item.get("hint") or ""),
            phrases=tuple(str(p) for p in phrases if isinstance(p, str | int)),
            cue=_parse_cue(item.get("cue"), key),
        ))
    return tuple(steps)


def validate_steps(raw: Any) -> tuple[ChecklistStep, ...]:
    """Strict check for an admin saving a definition: raises ValueError with a one-line reason."""
    if not isinstance(raw, Sequence) or isinstance(raw, str) or not raw:
        raise ValueError("a checklist needs at least one step")
    keys: list[str] = []
    for i, item in enumerate(raw, start=1):
        if not isinstance(item, Mapping) or not str(item.get("key") or "").strip():
            raise ValueError(f"step {i} has no key")
        if not str(item.get("title") or "").strip():
            raise ValueError(f"step {i} ({item['key']}) has no title")
        if item.get("cue") is not None and _parse_cue(item["cue"], "x") is None:
            raise ValueError(f"step {i} ({item['key']}) has a cue that is not "
                             f"{{kind: {'|'.join(CUE_KINDS)}, after: seconds}}")
        keys.append(str(item["key"]).strip())
    if len(set(keys)) != len(keys):
        raise ValueError("step keys must be unique")
    return parse_steps(raw)


def steps_to_json(steps: Iterable[ChecklistStep]) -> list[dict[str, Any]]:
    out = []
    for s in steps:
        item: dict[str, Any] = {"key": s.key, "title": s.title, "hint": s.hint, "phrases": list(s.phrases)}
        if s.cue is not None:
            item["cue"] = {"kind": s.cue.kind, "after": s.cue.after_seconds}
            if s.cue.message:
                item["cue"]["message"] = s.cue.message
        out.append(item)
    return out


@dataclass(frozen=True, slots=True)
class CallFacts:
    """What the call looks like now. A `*_since` of None means the condition does not hold."""

    now: datetime
    hold_since: datetime | None = None  # on hold since
    # the caller has been quiet since, as telephony hears it (CallSession.silence_since); always
    # None with a backend that cannot detect silence, which the UI then says
    silence_since: datetime | None = None
    talk_since: datetime | None = None  # answered at

    def since(self, kind: str) -> datetime | None:
        return {"hold": self.hold_since, "silence": self.silence_since, "talk": self.talk_since}.get(kind)


@dataclass(frozen=True, slots=True)
class StepTick:
    key: str
    done_at: datetime | None = None
    skipped: bool = False

    @property
    def done(self) -> bool:
        return self.done_at is not None


@dataclass(frozen=True, slots=True)
class FiredCue:
    key: str
    kind: str
    since: datetime  # the start of the episode that made it fire
    fired_at: datetime
    step_key: str | None = None


@dataclass(frozen=True, slots=True)
class Progress:
    done: int
    skipped: int
    total: int

    @property
    def fraction(self) -> float:
        return (self.done + self.skipped) / self.total if self.total else 1.0

    @property
    def complete(self) -> bool:
        return self.done + self.skipped == self.total


@dataclass(frozen=True, slots=True)
class ChecklistRun:
    id: uuid.UUID
    definition: ChecklistDefinition
    caller_type: str
    started_at: datetime
    ticks: tuple[StepTick, ...]
    cues: tuple[FiredCue, ...] = ()
    finished_at: datetime | None = None

    def _index(self, key: str) -> int:
        for i, t in enumerate(self.ticks):
            if t.key == key:
                return i
        raise ValueError(f"the checklist {self.definition.key!r} has no step {key!r}")

    def _set(self, key: str, tick: StepTick) -> ChecklistRun:
        i = self._index(key)
        return replace(self, ticks=self.ticks[:i] + (tick,) + self.ticks[i + 1:])

    def tick(self, key: str, at: datetime) -> ChecklistRun:
        """Mark a step done at `at`. Ticking a done step keeps its first time."""
        current = self.ticks[self._index(key)]
        if current.done:
            return self
        return self._set(key, StepTick(key, done_at=at))

    def untick(self, key: str) -> ChecklistRun:
        self._index(key)
        return self._set(key, StepTick(key))

    def skip(self, key: str) -> ChecklistRun:
        self._index(key)
        return self._set(key, StepTick(key, skipped=True))

    def tick_of(self, key: str) -> StepTick:
        return self.ticks[self._index(key)]

    @property
    def next_step(self) -> ChecklistStep | None:
        """The first step neither done nor skipped: where the keyboard's 'tick' goes."""
        for step, tick in zip(self.definition.steps, self.ticks, strict=False):
            if not tick.done and not tick.skipped:
                return step
        return None

    @property
    def progress(self) -> Progress:
        done = sum(1 for t in self.ticks if t.done)
        skipped = sum(1 for t in self.ticks if t.skipped and not t.done)
        return Progress(done, skipped, len(self.ticks))

    def rules(self, extra: Iterable[CueRule] = ()) -> tuple[CueRule, ...]:
        return tuple(s.cue for s in self.definition.steps if s.cue is not None) + tuple(extra)

    def due_cues(self, facts: CallFacts, extra: Iterable[CueRule] = DEFAULT_CUES) -> tuple[FiredCue, ...]:
        """Cues that should fire now and have not fired yet in this episode."""
        fired = {(c.key, c.since) for c in self.cues}
        due = []
        for rule in self.rules(extra):
            since = facts.since(rule.kind)
            if since is None or (rule.key, since) in fired:
                continue
            if (facts.now - since).total_seconds() >= rule.after_seconds:
                due.append(FiredCue(rule.key, rule.kind, since, facts.now, rule.step_key))
        return tuple(due)

    def record_cues(self, cues: Iterable[FiredCue]) -> ChecklistRun:
        known = {(c.key, c.since) for c in self.cues}
        new = tuple(c for c in cues if (c.key, c.since) not in known)
        return replace(self, cues=self.cues + new) if new else self

    def finish(self, at: datetime) -> ChecklistRun:
        return replace(self, finished_at=at)

    def dropped_by(self, definition: ChecklistDefinition) -> list[str]:
        """Titles of the ticked steps `definition` lacks: the ticks with_definition() would drop."""
        keys = {s.key for s in definition.steps}
        return [s.title for s, t in zip(self.definition.steps, self.ticks, strict=False) if t.done and s.key not in keys]

    def with_definition(self, definition: ChecklistDefinition) -> ChecklistRun:
        """The operator picked another caller type mid-call: keep the ticks of steps both share."""
        old = {t.key: t for t in self.ticks}
        ticks = tuple(old.get(s.key, StepTick(s.key)) for s in definition.steps)
        return replace(self, definition=definition, caller_type=definition.caller_type, ticks=ticks)


def start_run(definition: ChecklistDefinition, at: datetime, *, caller_type: str | None = None,
              run_id: uuid.UUID | None = None) -> ChecklistRun:
    return ChecklistRun(
        id=run_id or uuid.uuid4(),
        definition=definition,
        caller_type=caller_type or definition.caller_type,
        started_at=at,
        ticks=tuple(StepTick(s.key) for s in definition.steps),
    )


# -- the JSON kept in checklist_runs.steps / .cues -----------------------------------------------

def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _time(value: Any) -> datetime | None:
    if not isinstance(value, str) or not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def ticks_to_json(run: ChecklistRun) -> list[dict[str, Any]]:
    return [{"key": t.key, "done_at": _iso(t.done_at), "skipped": t.skipped} for t in run.ticks]


def cues_to_json(run: ChecklistRun) -> list[dict[str, Any]]:
    return [{"key": c.key, "kind": c.kind, "step_key": c.step_key, "since": _iso(c.since),
             "fired_at": _iso(c.fired_at)} for c in run.cues]


def restore_run(run_id: uuid.UUID, definition: ChecklistDefinition, caller_type: str, started_at: datetime,
                finished_at: datetime | None, ticks_json: Any, cues_json: Any) -> ChecklistRun:
    """Rebuild a saved run. Steps the definition no longer has are dropped; new ones start empty."""
    saved: dict[str, StepTick] = {}
    for item in ticks_json if isinstance(ticks_json, list) else ():
        if isinstance(item, Mapping) and isinstance(item.get("key"), str):
            saved[item["key"]] = StepTick(item["key"], _time(item.get("done_at")), bool(item.get("skipped")))
    cues = []
    for item in cues_json if isinstance(cues_json, list) else ():
        if not isinstance(item, Mapping):
            continue
        since, fired_at = _time(item.get("since")), _time(item.get("fired_at"))
        if since is None or fired_at is None:
            continue
        cues.append(FiredCue(str(item.get("key")), str(item.get("kind")), since, fired_at,
                             item.get("step_key") if isinstance(item.get("step_key"), str) else None))
    ticks = tuple(saved.get(s.key, StepTick(s.key)) for s in definition.steps)
    return ChecklistRun(run_id, definition, caller_type, started_at, ticks, tuple(cues), finished_at)
