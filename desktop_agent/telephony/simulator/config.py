"""What the simulated contact centre looks like: traffic, handling, patience, staff, and the operator."""

from __future__ import annotations

import math
import random
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

# Hourly shape of a Russian service line's weekday (a morning peak, a lunch dip, an afternoon
# peak, quiet nights), scaled below so that the day's mean is 1.0 and `calls_per_hour` stays the mean.
_WEEKDAY = (0.10, 0.05, 0.05, 0.05, 0.05, 0.10, 0.30, 0.70, 1.30, 1.80, 2.00, 1.90,
            1.60, 1.70, 1.80, 1.70, 1.50, 1.30, 1.00, 0.70, 0.50, 0.35, 0.25, 0.15)
_MEAN = sum(_WEEKDAY) / 24
PROFILES: dict[str, tuple[tuple[float, float], ...]] = {
    "flat": ((0.0, 1.0),),
    "weekday": tuple((float(h), m / _MEAN) for h, m in enumerate(_WEEKDAY)),
}

HANDLE_DISTRIBUTIONS = ("exponential", "lognormal")
ProfileSpec = str | Sequence[tuple[float, float]] | None


@dataclass(frozen=True, slots=True)
class Profile:
    """A step function over the hour of day: (hour it starts, multiplier of the base rate)."""

    steps: tuple[tuple[float, float], ...]

    @classmethod
    def parse(cls, spec: ProfileSpec) -> Profile:
        if spec is None:
            return cls(PROFILES["flat"])
        if isinstance(spec, str):
            if spec not in PROFILES:
                raise ValueError(f"unknown intraday profile {spec!r}: use one of {', '.join(sorted(PROFILES))}")
            return cls(PROFILES[spec])
        steps = []
        for item in spec:
            try:
                hour, mult = float(item[0]), float(item[1])
            except (TypeError, ValueError, IndexError):
                raise ValueError(f"a profile step is (hour, multiplier), got {item!r}") from None
            if not (0 <= hour < 24) or not (mult >= 0 and math.isfinite(mult)):
                raise ValueError(f"profile step {item!r}: hour must be in [0, 24) and multiplier >= 0")
            steps.append((hour, mult))
        if not steps:
            raise ValueError("an intraday profile needs at least one (hour, multiplier) step")
        return cls(tuple(sorted(steps)))

    @property
    def peak(self) -> float:
        return max(m for _, m in self.steps)

    def multiplier(self, hour_of_day: float) -> float:
        # before the first step the day wraps round to the last one
        current = self.steps[-1][1]
        for hour, mult in self.steps:
            if hour > hour_of_day:
                break
            current = mult
        return current


@dataclass(frozen=True, slots=True)
class SimConfig:
    agents: int = 12                      # simulated agents (the operator, if any, comes on top)
    calls_per_hour: float = 200.0         # mean arrival rate (the profile's mean multiplier is 1)
    aht: float = 180.0                    # mean talk time of a call, seconds
    handle: str = "exponential"           # or "lognormal"
    handle_cv: float = 0.8                # coefficient of variation of lognormal talk times
    patience: float | None = None         # mean caller patience (exponential), None: nobody abandons
    max_wait: float | None = None         # queue timeout: EXITWITHTIMEOUT after this many seconds
    queues: tuple[str, ...] = ("support",)
    queue_weights: tuple[float, ...] | None = None
    profile: ProfileSpec = None           # None/"flat", "weekday", or [(hour, multiplier), ...]
    wrapup: float = 0.0                   # mean after-call work of simulated agents, seconds
    ring: float = 0.0                     # mean ring time before a simulated agent answers, seconds
    pause_every: float | None = None      # mean seconds between a simulated agent's pauses
    pause_length: float = 300.0
    pause_reasons: tuple[str, ...] = ("break", "training", "meeting")
    dispositions: tuple[str, ...] = ("resolved", "info", "callback", "escalated")
    service_level_t: float = 20.0
    warmup: float = 0.0                   # seconds left out of the summary (the empty start)
    agent_prefix: str = "sim"
    operator: str | None = None           # login of the real operator at the desktop
    operator_ring_timeout: float = 15.0   # unanswered for this long: RINGNOANSWER, back to the queue
    ring_retry: float = 5.0               # after a ring-out, that agent is not rung for this call so long
    operator_autopause: str | None = "Auto-Pause"  # pause reason after a ring-out (None: stay Ready)
    operator_wrapup_limit: float | None = None     # auto-Ready after this much wrap-up
    unknown_share: float = 0.25           # callers not among the injected numbers
    anonymous_share: float = 0.05
    seed: int | None = None
    start: datetime | None = None         # aware; its own time zone's hour of day drives the profile
    # The operator's callers talk in bursts with pauses (SilenceChanged events); this share of them
    # goes quiet once for `long_silence_seconds` (low, high), long enough for the silence cue.
    caller_voice: bool = True
    long_silence_share: float = 0.2
    long_silence_seconds: tuple[float, float] = (16.0, 45.0)

    def validate(self) -> None:
        """Raise ValueError with a one-line reason for a setting that makes no sense."""
        def positive(name: str, value: float | None, allow_none: bool = False, allow_zero: bool = False) -> None:
            if value is None and allow_none:
                return
            ok = value is not None and math.isfinite(value) and (value >= 0 if allow_zero else value > 0)
            if not ok:
                raise ValueError(f"{name} must be {'>= 0' if allow_zero else '> 0'}, got {value!r}")

        if int(self.agents) != self.agents or self.agents < 0:
            raise ValueError(f"agents must be a whole number >= 0, got {self.agents!r}")
        positive("calls per hour", self.calls_per_hour, allow_zero=True)
        positive("average handle time", self.aht)
        positive("handle-time CV", self.handle_cv)
        positive("patience", self.patience, allow_none=True)
        positive("queue timeout", self.max_wait, allow_none=True)
        positive("wrap-up", self.wrapup, allow_zero=True)
        positive("ring time", self.ring, allow_zero=True)
        positive("pause interval", self.pause_every, allow_none=True)
        positive("pause length", self.pause_length)
        positive("service-level time", self.service_level_t, allow_zero=True)
        positive("warm-up", self.warmup, allow_zero=True)
        positive("operator ring timeout", self.operator_ring_timeout)
        positive("ring retry", self.ring_retry, allow_zero=True)
        positive("operator wrap-up limit", self.operator_wrapup_limit, allow_none=True)
        if self.handle not in HANDLE_DISTRIBUTIONS:
            raise ValueError(f"handle-time distribution must be one of {', '.join(HANDLE_DISTRIBUTIONS)}")
        if not self.queues or any(not q or not str(q).strip() for q in self.queues):
            raise ValueError("at least one queue, each with a name")
        if len(set(self.queues)) != len(self.queues):
            raise ValueError("queue names must differ")
        if self.queue_weights is not None and (
                len(self.queue_weights) != len(self.queues) or any(w < 0 for w in self.queue_weights)
                or sum(self.queue_weights) <= 0):
            raise ValueError("queue weights: one non-negative weight per queue, not all zero")
        if not (0 <= self.unknown_share <= 1 and 0 <= self.anonymous_share <= 1
                and self.unknown_share + self.anonymous_share <= 1):
            raise ValueError("unknown and anonymous caller shares must be in [0, 1] and add up to <= 1")
        if not self.pause_reasons or not self.dispositions:
            raise ValueError("simulated agents need at least one pause reason and one disposition")
        if not 0 <= self.long_silence_share <= 1:
            raise ValueError(f"the long-silence share must be in [0, 1], got {self.long_silence_share!r}")
        low, high = self.long_silence_seconds
        if not (0 < low <= high and math.isfinite(high)):
            raise ValueError(f"long silences need 0 < shortest <= longest seconds, got {self.long_silence_seconds!r}")
        if self.start is not None and self.start.tzinfo is None:
            raise ValueError("the simulation start must be an aware datetime")
        Profile.parse(self.profile)


class Sampler:
    """The random draws of one run, all from one seeded generator so that a seed repeats the run."""

    def __init__(self, config: SimConfig, rng: random.Random):
        self.rng = rng
        self.config = config
        if config.handle == "lognormal":
            sigma2 = math.log(1.0 + config.handle_cv ** 2)
            self._mu, self._sigma = math.log(config.aht) - sigma2 / 2, math.sqrt(sigma2)

    def talk(self) -> float:
        if self.config.handle == "lognormal":
            return self.rng.lognormvariate(self._mu, self._sigma)
        return self.rng.expovariate(1.0 / self.config.aht)

    def patience(self) -> float:
        p = self.config.patience
        return math.inf if p is None else self.rng.expovariate(1.0 / p)

    def wrapup(self) -> float:
        # after-call work is never instant and rarely very long: lognormal with CV 0.5
        mean = self.config.wrapup
        sigma2 = math.log(1.25)
        return self.rng.lognormvariate(math.log(mean) - sigma2 / 2, math.sqrt(sigma2))

    def ring(self) -> float:
        return self.rng.uniform(0.5, 1.5) * self.config.ring

    def pause_gap(self) -> float:
        return self.rng.expovariate(1.0 / self.config.pause_every)  # type: ignore[operator]

    def pause_length(self) -> float:
        return self.rng.expovariate(1.0 / self.config.pause_length)

    def choice(self, items: Sequence):  # noqa: ANN201
        return items[self.rng.randrange(len(items))]
