"""The wallboard's tick: new queue_log rows -> KPI engine -> one frame for the screen, plus the
Erlang staffing hint. Pure Python: the row source is injected (store.kpi_feed.QueueLogFeed in the
app), and the Qt side only receives finished, immutable frames.

    feed = WallboardFeed(engine, open_source=lambda: QueueLogFeed.since(db, midnight))
    frame = feed.tick()          # once a second, on ONE worker thread (the engine is not shared)

The source is opened lazily and re-opened after a failure, so a wallboard started while the
database is down comes up by itself once it is back. While it is down, frames carry the last
snapshot, the error line and how many seconds old the data is.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from desktop_agent.core import erlang
from desktop_agent.core.domain import utcnow
from desktop_agent.core.kpi import KpiEngine, KpiSnapshot, PeriodKpis
from desktop_agent.core.kpi.surveys import SurveyInput
from desktop_agent.core.queue_log import QueueLogRecord

CATCH_UP_ROWS = 1000       # a read this large means more rows are probably waiting: read again
MIN_ABANDONS_FOR_PATIENCE = 5
MIN_WINDOW_SECONDS = 60.0  # shorter than this, an arrival rate is noise
MAX_WALK = 12              # steps up from the last staffing answer before searching from scratch


class RowSource(Protocol):
    """What the wallboard needs from a queue_log feed (store.kpi_feed.QueueLogFeed has it)."""

    last_error: str | None

    def read_new(self) -> Sequence[QueueLogRecord]: ...

    @property
    def staleness(self) -> float: ...

    def close(self) -> None: ...


SurveyReader = Callable[[datetime, datetime], Sequence[SurveyInput]]


@dataclass(frozen=True, slots=True)
class StaffingHint:
    """Agents needed now for the service-level goal, by Erlang C (or Erlang A when callers' patience
    can be estimated), at the rolling window's arrival rate and AHT."""

    needed: int | None          # None: see `reason`
    staffed: int                # logged in and not paused: ready, on a call or in wrap-up
    calls_per_hour: float
    aht: float | None           # seconds, talk + hold + wrap-up
    goal: float                 # service-level goal as a share, e.g. 0.8
    target_t: int               # ... within this many seconds
    patience: float | None      # estimated mean patience (Erlang A), None: Erlang C
    reason: str = ""            # "" | "no_calls" | "no_aht" | "unreachable"

    @property
    def model(self) -> str:
        return "erlang_c" if self.patience is None else "erlang_a"

    @property
    def gap(self) -> int | None:
        """Agents missing (negative: spare)."""
        return None if self.needed is None else self.needed - self.staffed


@dataclass(frozen=True, slots=True)
class WallboardFrame:
    snapshot: KpiSnapshot | None     # None until the first successful read
    staleness: float                 # seconds since the database last answered
    error: str | None                # one line while the database cannot be read
    hint: StaffingHint | None
    catching_up: bool = False        # today's rows are still being read in
    history: bool = False            # snapshot carries the day's intervals (the first full frame)
    rows: int = 0                    # rows read in this tick
    busy_seconds: float = 0.0        # time spent reading and computing this frame, hint included
    hint_seconds: float = 0.0        # of which the staffing hint (worked out every few seconds)
    read_seconds: float = 0.0        # of which reading the new rows (the database's share)
    cpu_seconds: float = 0.0         # this thread's CPU time for the KPI update (hint left out): what
    #                                  the work costs when other threads or processes hold the CPU

    @property
    def kpi_seconds(self) -> float:
        """The KPI update proper: read the new rows, count them, take the snapshot."""
        return self.busy_seconds - self.hint_seconds


def estimate_patience(period: PeriodKpis) -> float | None:
    """Mean caller patience (exponential), as time spent waiting by all callers / abandons: the
    maximum-likelihood estimate when answered callers' waits are cut short (censored)."""
    raw = period.raw
    abandons = period.abandoned + period.short_abandoned
    if abandons < MIN_ABANDONS_FOR_PATIENCE:
        return None
    waited = raw.get("answered_wait_sum", 0.0) + raw.get("abandoned_wait_sum", 0.0)
    return waited / abandons if waited > 0 else None


def agents_needed_near(rate: float, aht: float, goal: float, target_t: float, patience: float | None,
                       guess: int | None) -> int:
    """erlang.agents_needed, searched from the last answer: the load moves little in a few seconds,
    so two or three Erlang evaluations do instead of a walk up from the bottom (tens of them at
    250 Erlangs with patience). The service level grows with the agents, so the answer is the same."""
    if guess is None or guess <= 0:
        return erlang.agents_needed(rate, aht, goal, target_t, patience=patience)

    def meets(n: int) -> bool:
        return erlang.metrics(rate, aht, n, target_t, patience).service_level >= goal

    if meets(guess):
        for n in range(guess - 1, max(0, guess - MAX_WALK), -1):
            if not meets(n):
                return n + 1
        if guess <= MAX_WALK:
            return 1
    else:
        for n in range(guess + 1, guess + MAX_WALK):
            if meets(n):
                return n
    return erlang.agents_needed(rate, aht, goal, target_t, patience=patience)   # a big jump: search afresh


def staffing_hint(snapshot: KpiSnapshot, goal: float, *, first_row_at: datetime | None = None,
                  guess: int | None = None) -> StaffingHint:
    rolling = snapshot.overall.rolling
    by_state = snapshot.overall.agents_by_state
    staffed = sum(by_state.get(s, 0) for s in ("ready", "on_call", "wrapup"))
    t = snapshot.settings.sl_target
    start = rolling.start or snapshot.at
    if first_row_at is not None and first_row_at > start:
        start = first_row_at
    window = max(MIN_WINDOW_SECONDS, ((rolling.end or snapshot.at) - start).total_seconds())
    rate = rolling.offered / window
    aht = rolling.aht if rolling.aht is not None else snapshot.overall.day.aht
    base = dict(staffed=staffed, calls_per_hour=rate * 3600.0, aht=aht, goal=goal, target_t=t)
    if rolling.offered == 0:
        return StaffingHint(needed=0, patience=None, reason="no_calls", **base)
    if aht is None or aht <= 0:
        return StaffingHint(needed=None, patience=None, reason="no_aht", **base)
    patience = estimate_patience(rolling)
    try:
        needed = agents_needed_near(rate, aht, goal, t, patience, guess)
    except ValueError:
        return StaffingHint(needed=None, patience=patience, reason="unreachable", **base)
    return StaffingHint(needed=needed, patience=patience, **base)


class WallboardFeed:
    def __init__(self, engine: KpiEngine, open_source: Callable[[], RowSource], *,
                 goal: Callable[[], float] = lambda: 0.8, surveys: SurveyReader | None = None,
                 survey_every: float = 30.0, hint_every: float = 15.0, catch_up_budget: float = 0.5,
                 retry_every: float = 2.0, clock: Callable[[], datetime] = utcnow,
                 monotonic: Callable[[], float] = time.monotonic) -> None:
        """clock: "now" for the KPIs (give the engine the same one). goal: the service-level goal (a share) for the staffing hint, asked each time it is worked
        out, so a changed threshold applies at once. surveys(since, until): survey answers."""
        self.engine = engine
        self._open_source = open_source
        self._goal = goal
        self._surveys = surveys
        self._survey_every = survey_every
        self._hint_every = hint_every
        self._budget = catch_up_budget
        self._retry_every = retry_every
        self._clock = clock
        self._mono = monotonic
        self._source: RowSource | None = None
        self._next_open = 0.0
        self._open_error: str | None = None
        self._started = monotonic()
        self._hint: StaffingHint | None = None
        self._next_hint = 0.0
        self._surveys_until: datetime | None = None
        self._next_surveys = 0.0
        self._first_row_at: datetime | None = None
        self._caught_up = False
        self._last: KpiSnapshot | None = None
        self.rows_total = 0

    # ------------------------------------------------------------------ the tick
    def tick(self) -> WallboardFrame:
        t0 = self._mono()
        c0 = time.thread_time()
        source = self._ensure_source(t0)
        rows = 0
        more = False
        read = 0.0
        if source is not None:
            deadline = t0 + self._budget
            while True:
                r0 = self._mono()
                batch = source.read_new()
                read += self._mono() - r0
                if batch:
                    if self._first_row_at is None:
                        self._first_row_at = batch[0].time
                    self.engine.feed(batch)
                    rows += len(batch)
                more = len(batch) >= CATCH_UP_ROWS
                if not more or self._mono() >= deadline:
                    break
            self._read_surveys(t0)
        self.rows_total += rows
        history = False
        if source is not None and not more and not self._caught_up and source.last_error is None:
            self._caught_up = history = True
        snap = self.engine.snapshot(self._clock(), with_intervals=history)
        self._last = snap
        cpu = time.thread_time() - c0
        # the hint's cadence follows the KPI clock, so a sped-up replay gets fresh hints too
        at = snap.at.timestamp()
        if not more and (self._hint is None or at >= self._next_hint or at < self._next_hint - self._hint_every
                         or history):
            h0 = self._mono()
            guess = self._hint.needed if self._hint is not None else None
            self._hint = staffing_hint(snap, self._goal(), first_row_at=self._first_row_at, guess=guess)
            self._next_hint = at + self._hint_every
            hint_seconds = self._mono() - h0
        else:
            hint_seconds = 0.0
        if source is None:
            error, staleness = self._open_error, t0 - self._started
        else:
            error, staleness = source.last_error, source.staleness
        busy = self._mono() - t0
        return WallboardFrame(snap, staleness, error, self._hint, catching_up=more, history=history,
                              rows=rows, busy_seconds=busy, hint_seconds=hint_seconds, read_seconds=read,
                              cpu_seconds=cpu)

    def close(self) -> None:
        source, self._source = self._source, None
        if source is not None:
            source.close()

    # ------------------------------------------------------------------ parts
    def _ensure_source(self, now: float) -> RowSource | None:
        if self._source is not None:
            return self._source
        if now < self._next_open:
            return None
        self._next_open = now + self._retry_every
        try:
            self._source = self._open_source()
        except Exception as exc:  # noqa: BLE001 - any failure to connect is shown, then retried
            lines = str(exc).strip().splitlines()
            self._open_error = lines[0] if lines else type(exc).__name__
            return None
        self._open_error = None
        return self._source

    def _read_surveys(self, now: float) -> None:
        if self._surveys is None or now < self._next_surveys:
            return
        self._next_surveys = now + self._survey_every
        until = self._clock()
        since = self._surveys_until or _day_start(until, self.engine)
        try:
            answers = self._surveys(since, until)
        except Exception:  # noqa: BLE001 - surveys are optional: queue_log keeps flowing without them
            return
        self.engine.feed_surveys(answers)
        self._surveys_until = until


def _day_start(now: datetime, engine: KpiEngine) -> datetime:
    local = now.astimezone(engine.settings.tz)
    return local.replace(hour=0, minute=0, second=0, microsecond=0)
