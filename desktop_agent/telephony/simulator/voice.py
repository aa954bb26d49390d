"""How a simulated caller sounds on the line: bursts of speech with pauses, and now and then a
long silence (a caller who goes quiet to look for a contract, or waits for the operator to speak).

Only the desktop operator's calls get a voice (the headless centre never pays for it). A caller's
pauses come from their own random stream, seeded by the run's seed and the call id, so one seed
gives the same silences, and the traffic does not change when voices are switched on or off.
Pauses shorter than MIN_SILENCE_S are reported to nobody, as with a real detector; the others
become SilenceChanged events, silent once the pause has lasted MIN_SILENCE_S.
"""

from __future__ import annotations

import heapq
import math
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from desktop_agent.telephony.voice_activity import MIN_SILENCE_S

Pause = tuple[float, float]  # (start, end) in seconds after the answer

BURST_S = (1.5, 9.0)           # one stretch of talking
SHORT_PAUSE_S = (0.2, 0.9)     # between phrases: never reported
THINKING_PAUSE_S = (1.0, 3.5)  # a breath, a "hmm": reported, far too short for a cue
THINKING_SHARE = 0.2
LONG_SILENCE_WITHIN_S = (10.0, 120.0)  # when a long silence comes, if it comes


def caller_pauses(rng: random.Random, *, long_share: float, long_seconds: tuple[float, float]) -> Iterator[Pause]:
    """An endless, sorted stream of one caller's pauses. With probability `long_share` one of them,
    somewhere in the first two minutes, is a long silence of `long_seconds` (low, high)."""
    long_at = rng.uniform(*LONG_SILENCE_WITHIN_S) if rng.random() < long_share else math.inf
    t = rng.uniform(*BURST_S)  # callers start by talking: they have called for a reason
    while True:
        if t >= long_at:
            length, long_at = rng.uniform(*long_seconds), math.inf
        elif rng.random() < THINKING_SHARE:
            length = rng.uniform(*THINKING_PAUSE_S)
        else:
            length = rng.uniform(*SHORT_PAUSE_S)
        yield t, t + length
        t += length + rng.uniform(*BURST_S)


def voice_rng(seed: int | None, call_id: str) -> random.Random:
    """The call's own stream: repeatable with a seed, fresh without one."""
    return random.Random(None if seed is None else f"{seed}/voice/{call_id}")


@dataclass(frozen=True, slots=True)
class VoiceChange:
    at: float      # simulated seconds since the start of the run, when it is reported
    call_id: str
    silent: bool
    since: float   # when the silence began or the speech came back


def changes(pauses: Iterable[Pause], *, answered: float, call_id: str) -> Iterator[VoiceChange]:
    """What a detector would report of these pauses (seconds after `answered`)."""
    for start, end in pauses:
        if end - start < MIN_SILENCE_S:
            continue
        yield VoiceChange(answered + start + MIN_SILENCE_S, call_id, True, answered + start)
        if math.isfinite(end):
            yield VoiceChange(answered + end, call_id, False, answered + end)


class Voices:
    """The voices of the calls the operator is on, in time order (a caller's stream is lazy)."""

    def __init__(self) -> None:
        self._next: list[tuple[float, int, VoiceChange]] = []  # each call's next change
        self._streams: dict[str, Iterator[VoiceChange]] = {}
        self._seq = 0

    def add(self, call_id: str, stream: Iterator[VoiceChange]) -> None:
        self._streams[call_id] = stream
        self._queue_next(call_id)

    def drop(self, call_id: str) -> None:
        self._streams.pop(call_id, None)  # its queued change is skipped when it comes up

    def clear(self) -> None:
        self._streams.clear()
        self._next.clear()

    def _queue_next(self, call_id: str) -> None:
        change = next(self._streams[call_id], None)
        if change is None:
            del self._streams[call_id]
            return
        self._seq += 1
        heapq.heappush(self._next, (change.at, self._seq, change))

    def _skip_dropped(self) -> None:
        while self._next and self._next[0][2].call_id not in self._streams:
            heapq.heappop(self._next)

    def next_time(self) -> float | None:
        self._skip_dropped()
        return self._next[0][0] if self._next else None

    def pop_due(self, until: float) -> VoiceChange | None:
        """The earliest change at or before `until`, or None."""
        self._skip_dropped()
        if not self._next or self._next[0][0] > until:
            return None
        change = heapq.heappop(self._next)[2]
        self._queue_next(change.call_id)
        return change
