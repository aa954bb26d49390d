"""Erlang B, Erlang C (M/M/N) and Erlang A (M/M/N+M, exponential patience): the staffing hint.

Units: `rate` is calls per second, `aht` and every time (T, patience, ASA) are seconds. Any other
unit works as long as it is the same everywhere.

Definitions used in every result (the simulator's summary uses the same ones):
  p_wait         share of offered calls that find every agent busy and wait (P{V > 0})
  service_level  share of offered calls answered within T seconds
  asa            mean wait of the answered calls (ENTERQUEUE to CONNECT)
  mean_wait      mean wait of all offered calls, abandoned ones included
  occupancy      busy agent time / staffed agent time
  p_abandon      share of offered calls that hang up before an agent answers

Numerics. Erlang B uses the recursion B(n) = a·B(n-1) / (n + a·B(n-1)), which never overflows.
Erlang A needs A(s, y) = 1 + Σ_{j≥1} y^j / ((s+1)…(s+j)) with s = Nμ/θ and y = λ/θ (the incomplete
gamma function in disguise); its terms can reach 10^1000 under overload, so they are summed in log
space. References: Garnett, Mandelbaum, Reiman, "Designing a call center with impatient customers",
M&SOM 4(3), 2002 (P{W>0}, P{Ab}); Zeltyn, Mandelbaum, "Call centers with impatient customers:
many-server asymptotics of the M/M/n+G queue", Queueing Systems 51, 2005 (the offered-wait density
∝ exp(λ∫₀ˣ Ḡ - Nμx), which gives the service level through the same series).
"""

from __future__ import annotations

import math
from dataclasses import asdict, dataclass

MAX_AGENTS = 100_000  # agents_needed gives up beyond this: the target cannot be met


@dataclass(frozen=True, slots=True)
class ErlangResult:
    agents: int
    traffic: float          # offered load in Erlangs = rate × aht
    p_wait: float
    service_level: float
    target_t: float
    asa: float              # math.inf when the queue is unstable (Erlang C with agents <= traffic)
    mean_wait: float
    occupancy: float
    p_abandon: float = 0.0
    patience: float | None = None  # None: Erlang C; else the mean patience of Erlang A

    @property
    def model(self) -> str:
        return "erlang_c" if self.patience is None else "erlang_a"

    def as_dict(self) -> dict:
        """JSON-ready: infinities become None."""
        out = {"model": self.model, **asdict(self)}
        return {k: (None if isinstance(v, float) and not math.isfinite(v) else v) for k, v in out.items()}


def _check(agents: int, traffic: float) -> None:
    if agents < 0 or int(agents) != agents:
        raise ValueError(f"agents must be a whole number >= 0, got {agents!r}")
    if not (traffic >= 0 and math.isfinite(traffic)):
        raise ValueError(f"traffic must be a finite number >= 0, got {traffic!r}")


def erlang_b(agents: int, traffic: float) -> float:
    """Blocking probability of an M/M/N/N loss system offered `traffic` Erlangs."""
    _check(agents, traffic)
    b = 1.0
    for n in range(1, int(agents) + 1):
        b = traffic * b / (n + traffic * b)
    return b


def erlang_c(agents: int, traffic: float) -> float:
    """Probability of waiting in M/M/N; 1.0 when the queue is unstable (agents <= traffic)."""
    _check(agents, traffic)
    if traffic == 0:
        return 0.0
    if agents <= traffic:
        return 1.0
    b = erlang_b(agents, traffic)
    return agents * b / (agents - traffic * (1.0 - b))


def _check_inputs(rate: float, aht: float, target_t: float) -> None:
    if not (rate >= 0 and math.isfinite(rate)):
        raise ValueError(f"arrival rate must be a finite number >= 0, got {rate!r}")
    if not (aht > 0 and math.isfinite(aht)):
        raise ValueError(f"average handle time must be > 0, got {aht!r}")
    if not (target_t >= 0 and math.isfinite(target_t)):
        raise ValueError(f"service-level time must be >= 0, got {target_t!r}")


def erlang_c_metrics(rate: float, aht: float, agents: int, target_t: float = 20.0) -> ErlangResult:
    _check_inputs(rate, aht, target_t)
    a = rate * aht
    _check(agents, a)
    if a == 0:
        return ErlangResult(agents, 0.0, 0.0, 1.0, target_t, 0.0, 0.0, 0.0)
    if agents <= a:
        return ErlangResult(agents, a, 1.0, 0.0, target_t, math.inf, math.inf, 1.0)
    c = erlang_c(agents, a)
    sl = 1.0 - c * math.exp(-(agents - a) * target_t / aht)
    asa = c * aht / (agents - a)
    return ErlangResult(agents, a, c, sl, target_t, asa, asa, a / agents)


def _logsumexp(logs: list[float]) -> float:
    top = max(logs)
    return top + math.log(math.fsum(math.exp(x - top) for x in logs))


def _log_terms(first: float, log_y: float, s: float, y: float) -> list[float]:
    """log of t_0 = e^first, t_k = t_{k-1}·y/(s+k), up to 50 e-folds below the largest term.
    Terms rise while s+k < y, then fall faster than geometrically, so the cut-off is safe."""
    logs = [first]
    top = term = first
    k = 0
    while True:
        k += 1
        term += log_y - math.log(s + k)
        logs.append(term)
        top = max(top, term)
        if s + k > y and term < top - 50:
            return logs


def _log_series(s: float, y: float) -> float:
    """log Σ_{k≥0} y^k / (s(s+1)…(s+k)), for s > 0, y > 0: the lower incomplete gamma function
    γ(s, y) = y^s e^{-y} × this series."""
    return _logsumexp(_log_terms(-math.log(s), math.log(y), s, y))


@dataclass(frozen=True, slots=True)
class _Waiting:
    """Sums over the waiting states N+j (j = callers ahead), scaled by the largest term."""

    log_w: float         # log A(s, y) = log Σ a_j, a_j = Π_{k=1..j} y/(s+k)
    mean_queue: float    # E[j | all busy]
    served_wait: float   # E[V·1{served} | all busy] in seconds


def _waiting_sums(s: float, y: float, theta: float) -> _Waiting:
    logs = _log_terms(0.0, math.log(y), s, y)
    top = max(logs)
    total = queue = served_wait = 0.0
    h = 0.0  # Σ_{k=1..j+1} 1/(s+k): the stages a served caller passes, in units of 1/θ
    for j, la in enumerate(logs):
        w = math.exp(la - top)
        total += w
        queue += j * w
        h += 1.0 / (s + j + 1)
        # P(served | j ahead) = s/(s+j+1); each stage is exponential whichever way it ends
        served_wait += w * s / (s + j + 1) * h / theta
    return _Waiting(log_w=top + math.log(total), mean_queue=queue / total, served_wait=served_wait / total)


def erlang_a_metrics(rate: float, aht: float, agents: int, patience: float,
                     target_t: float = 20.0) -> ErlangResult:
    """Palm's M/M/N+M: callers abandon after an exponential patience of mean `patience` seconds."""
    _check_inputs(rate, aht, target_t)
    if not (patience > 0 and math.isfinite(patience)):
        raise ValueError(f"mean patience must be > 0 seconds, got {patience!r}")
    a = rate * aht
    _check(agents, a)
    if a == 0:
        return ErlangResult(agents, 0.0, 0.0, 1.0, target_t, 0.0, 0.0, 0.0, 0.0, patience)
    if agents == 0:
        return ErlangResult(0, a, 1.0, 0.0, target_t, math.inf, patience, 0.0, 1.0, patience)
    mu, theta = 1.0 / aht, 1.0 / patience
    s, y = agents * mu / theta, rate / theta
    b = erlang_b(agents, a)
    waiting = _waiting_sums(s, y, theta)
    # GMR: P{W>0} = A·B / (1 + (A-1)·B), written with 1/A so that a huge A cannot overflow
    inv_w = math.exp(-waiting.log_w)
    p_wait = b / (b + (1.0 - b) * inv_w)
    # rate balance over the waiting states: λ·P{Ab} = θ·E[queue]
    p_abandon = p_wait * theta * waiting.mean_queue / rate
    p_served = 1.0 - p_abandon
    served_wait = p_wait * waiting.served_wait
    asa = served_wait / p_served if p_served > 0 else math.inf
    # answered within T: P{V=0} + P{V>0}·P{V<=T, V<τ | V>0}, via the incomplete-gamma series
    z = y * math.exp(-theta * target_t)
    log_s1y = _log_series(s + 1, y)
    log_s_y = _log_series(s, y)
    head = math.exp(log_s1y - log_s_y)
    tail = math.exp(-theta * target_t * (s + 1) + y - z + _log_series(s + 1, z) - log_s_y)
    served_by_t = max(0.0, head - tail)
    service_level = (1.0 - p_wait) + p_wait * served_by_t
    occupancy = min(1.0, a * p_served / agents)
    return ErlangResult(agents, a, p_wait, service_level, target_t, asa, p_abandon * patience,
                        occupancy, p_abandon, patience)


def metrics(rate: float, aht: float, agents: int, target_t: float = 20.0,
            patience: float | None = None) -> ErlangResult:
    """Erlang C without `patience`, Erlang A with it."""
    if patience is None:
        return erlang_c_metrics(rate, aht, agents, target_t)
    return erlang_a_metrics(rate, aht, agents, patience, target_t)


def agents_needed(rate: float, aht: float, target_sl: float, target_t: float,
                  patience: float | None = None, max_occupancy: float | None = None) -> int:
    """The fewest agents whose service level reaches `target_sl` (a share, 0..1) at T = `target_t`,
    and whose occupancy stays at or under `max_occupancy` when given."""
    _check_inputs(rate, aht, target_t)
    if not (0 <= target_sl < 1):
        raise ValueError(f"target service level is a share in [0, 1), got {target_sl!r}")
    if max_occupancy is not None and not (0 < max_occupancy <= 1):
        raise ValueError(f"maximum occupancy is a share in (0, 1], got {max_occupancy!r}")
    a = rate * aht
    if a == 0:
        return 0
    # below the load Erlang C is unstable; Erlang A can be stable there, so it starts lower
    if patience is None:
        n = int(math.floor(a)) + 1  # Erlang C is unstable below the load
        if max_occupancy is not None:
            n = max(n, int(math.ceil(a / max_occupancy)) - 1)
    else:
        # N agents answer at most N/a of the offered calls, so fewer than a·SL cannot do
        n = max(1, int(a * target_sl))
    while n <= MAX_AGENTS:
        m = metrics(rate, aht, n, target_t, patience)
        if m.service_level >= target_sl and (max_occupancy is None or m.occupancy <= max_occupancy + 1e-12):
            return n
        n += 1
    raise ValueError(f"no staffing up to {MAX_AGENTS} agents meets the target")
