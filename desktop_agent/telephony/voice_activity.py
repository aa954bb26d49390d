"""Silence from audio levels: level samples of the received audio in, silence episodes out.

A backend that can measure the caller's level (baresip's vumeter module reports the level of the
last decoded frame twice a second) feeds each sample with its time. The line counts as silent once
every sample has stayed under the threshold for `min_silence` seconds, so the pauses between
words are not reported; one sample over the threshold is speech again.

Only levels pass through here, never audio: nothing of what the caller says is kept, in memory or
on disk, and a detector is dropped when its call ends.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

# Telephone speech sits around -20 to -35 dBov, a quiet room at -60 and below, and digital
# silence decodes to about -84 dBov (G.711). -45 keeps soft speech out of "silent" and most
# background hiss out of "speaking".
DEFAULT_THRESHOLD_DBOV = -45.0
MIN_SILENCE_S = 1.0
# A change happened somewhere between two samples; with samples further apart than this (a stall),
# the later sample's time is taken instead of guessing the middle of a long gap.
_MAX_INTERPOLATED_GAP_S = 1.0


@dataclass(frozen=True, slots=True)
class VoiceChange:
    silent: bool
    since: float  # when the silence began or speech came back (the detector's clock)
    at: float     # when it was decided (the sample that settled it)


class SilenceDetector:
    """Energy threshold with a hangover, over irregular level samples of one call."""

    def __init__(self, *, threshold_dbov: float = DEFAULT_THRESHOLD_DBOV,
                 min_silence: float = MIN_SILENCE_S) -> None:
        if not (math.isfinite(threshold_dbov) and min_silence >= 0):
            raise ValueError("the silence threshold must be a number and the minimum silence >= 0")
        self.threshold = threshold_dbov
        self.min_silence = min_silence
        self.silent = False
        self._quiet_from: float | None = None  # the current run of quiet samples began
        self._last_t: float | None = None

    def _between(self, t: float) -> float:
        """The estimated moment of a change first seen at `t`: halfway since the previous sample."""
        if self._last_t is None or not (0 <= t - self._last_t <= _MAX_INTERPOLATED_GAP_S):
            return t
        return (self._last_t + t) / 2

    def feed(self, t: float, level_dbov: float) -> VoiceChange | None:
        """One level sample (dBov, 0 = full scale) at time `t` (seconds, any monotonic clock).
        Returns the change it settles, if any. A sample that is not a number is ignored."""
        if not isinstance(level_dbov, int | float) or math.isnan(level_dbov):
            return None
        if self._last_t is not None and t < self._last_t:
            return None  # out of order: keep the clock monotonic
        change: VoiceChange | None = None
        if level_dbov < self.threshold:
            if self._quiet_from is None:
                self._quiet_from = self._between(t)
            if not self.silent and t - self._quiet_from >= self.min_silence:
                self.silent = True
                change = VoiceChange(True, self._quiet_from, t)
        else:
            if self.silent:
                self.silent = False
                change = VoiceChange(False, self._between(t), t)
            self._quiet_from = None
        self._last_t = t
        return change


def parse_level(text: object) -> float | None:
    """baresip's level parameter ("-16.43") as a float, or None for anything else."""
    if not isinstance(text, str) or len(text) > 32:
        return None
    try:
        value = float(text.strip())
    except ValueError:
        return None
    return value if math.isfinite(value) else None
