"""Raw counters for one queue in one time bucket (a day, a 15-minute interval or a minute).

Only raw counts are kept, never ratios, so that every service-level variant and every
average can be computed later from the same buckets, and buckets add up (a rolling
window is the sum of its minutes, "overall" the sum of the queues).

Waits are split into bands at the service-level target T and the short-abandon limit S:
  "in_t"    wait <= T  (within target: Asterisk's own test is `wait <= servicelevel`)
  "after_t" wait >  T
  "short"   an abandon with wait < S (a caller who hung up almost at once)
"""

from __future__ import annotations

# Counted events and summed seconds. Every field adds up when buckets merge, except MAX_FIELDS.
SUM_FIELDS: tuple[str, ...] = (
    "offered",                     # ENTERQUEUE
    "answered_in_t", "answered_after_t",   # CONNECT, by wait
    "answered_wait_sum",           # seconds from ENTERQUEUE to CONNECT (ring time included), for ASA
    "abandoned_short_in_t", "abandoned_short_after_t",  # ABANDON with wait < S (after_t only when S > T)
    "abandoned_in_t", "abandoned_after_t",              # ABANDON with wait >= S
    "abandoned_wait_sum",
    "timeout_in_t", "timeout_after_t",     # EXITWITHTIMEOUT: the queue's own time limit
    "empty_in_t", "empty_after_t",         # EXITEMPTY: no agent left to take the call
    "key_in_t", "key_after_t",             # EXITWITHKEY: the caller pressed a key to leave
    "withdraw_in_t", "withdraw_after_t",   # WITHDRAW (Asterisk 18+): taken out by the manager API
    "ended",                       # COMPLETEAGENT/COMPLETECALLER/*TRANSFER: answered calls that ended
    "transferred",                 # of which TRANSFER, BLINDTRANSFER, ATTENDEDTRANSFER
    "handled", "handled_talk_sum", "handled_wrapup_sum",  # AHT, counted where wrap-up ends
    "ring_no_answer",              # RINGNOANSWER: an agent let the call ring out
    "handling_time", "idle_time",  # agent-seconds on calls + wrap-up, and ready-but-idle, for occupancy
    "csat_answers", "csat_satisfied",      # 1-5 scale; satisfied = 4 or 5
    "nps_answers", "nps_promoters", "nps_detractors",  # 0-10 scale; 9-10 and 0-6
    "ces_answers", "ces_sum",              # 1-7 scale
)
MAX_FIELDS: tuple[str, ...] = (
    "answered_wait_max",  # the longest wait of an answered call
    "peak_waiting",       # the most calls waiting at once
)
FIELDS = SUM_FIELDS + MAX_FIELDS


def _compiled(name: str, args: str, body: list[str], namespace: dict | None = None):  # noqa: ANN202
    # Generated once at import: plain attribute code runs several times faster than getattr/setattr
    # loops, and a snapshot copies a few buckets per queue every second.
    namespace = dict(namespace or {})
    exec(f"def {name}({args}):\n    " + "\n    ".join(body), namespace)  # noqa: S102 - fixed field names only
    return namespace[name]


class Counts:
    __slots__ = FIELDS

    __init__ = _compiled("__init__", "self", [f"self.{f} = 0" for f in FIELDS])

    # add(other) -> self: sums the counts, keeps the larger of each maximum
    add = _compiled("add", "self, other", [f"self.{f} += other.{f}" for f in SUM_FIELDS]
                    + [f"if other.{f} > self.{f}: self.{f} = other.{f}" for f in MAX_FIELDS] + ["return self"])

    as_dict = _compiled("as_dict", "self", ["return {" + ", ".join(f"'{f}': self.{f}" for f in FIELDS) + "}"])

    # copy() -> a new Counts with the same values: one attribute store per field
    copy = _compiled("copy", "self", ["c = _new(type(self))"] + [f"c.{f} = self.{f}" for f in FIELDS] + ["return c"],
                     {"_new": object.__new__})

    # Derived totals used by several KPIs; the bands themselves stay the source of truth.
    @property
    def answered(self) -> int:
        return self.answered_in_t + self.answered_after_t

    @property
    def short_abandoned(self) -> int:
        return self.abandoned_short_in_t + self.abandoned_short_after_t

    @property
    def abandoned(self) -> int:
        """Abandons of S seconds or longer: what the wallboard calls abandoned."""
        return self.abandoned_in_t + self.abandoned_after_t

    @property
    def timed_out(self) -> int:
        return self.timeout_in_t + self.timeout_after_t

    @property
    def exit_empty(self) -> int:
        return self.empty_in_t + self.empty_after_t

    @property
    def exit_key(self) -> int:
        return self.key_in_t + self.key_after_t

    @property
    def withdrawn(self) -> int:
        return self.withdraw_in_t + self.withdraw_after_t

    @property
    def exits_in_t(self) -> int:
        return self.timeout_in_t + self.empty_in_t + self.key_in_t + self.withdraw_in_t

    @property
    def exits_after_t(self) -> int:
        return self.timeout_after_t + self.empty_after_t + self.key_after_t + self.withdraw_after_t

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Counts) and self.as_dict() == other.as_dict()

    def __repr__(self) -> str:
        nonzero = {k: v for k, v in self.as_dict().items() if v}
        return f"Counts({nonzero})"

