"""SilenceDetector: level samples (as baresip's vumeter reports them, twice a second) in, silence
episodes out, with a one-second hangover and the change placed between two samples."""

from __future__ import annotations

import math

import pytest

from desktop_agent.telephony.voice_activity import SilenceDetector, VoiceChange, parse_level

TONE, QUIET = -16.43, -84.28  # what baresip reported here for a 440 Hz tone and digital silence


def feed(detector: SilenceDetector, samples: list[tuple[float, float]]) -> list[VoiceChange]:
    return [c for t, level in samples if (c := detector.feed(t, level)) is not None]


def every_half_second(levels: list[float], start: float = 0.6) -> list[tuple[float, float]]:
    return [(start + 0.5 * i, level) for i, level in enumerate(levels)]


def test_tone_silence_tone_gives_one_episode_placed_between_samples():
    # 2 s tone, 3 s silence, 2 s tone, sampled at 0.6, 1.1, ... as in the real run
    samples = every_half_second([TONE] * 4 + [QUIET] * 6 + [TONE] * 3)
    changes = feed(SilenceDetector(), samples)
    assert len(changes) == 2
    silent, speaking = changes
    assert silent.silent and silent.since == pytest.approx(2.35) and silent.at == pytest.approx(3.6)
    assert not speaking.silent and speaking.since == pytest.approx(5.35) and speaking.at == pytest.approx(5.6)


def test_pauses_shorter_than_the_hangover_are_not_silence():
    detector = SilenceDetector()
    samples = every_half_second([TONE, QUIET, QUIET, TONE, QUIET, TONE, QUIET, QUIET, TONE])
    assert feed(detector, samples) == []
    assert not detector.silent


def test_quiet_from_the_first_sample_counts_from_that_sample():
    changes = feed(SilenceDetector(min_silence=1.0), every_half_second([QUIET] * 4, start=0.0))
    assert [(c.silent, c.since, c.at) for c in changes] == [(True, 0.0, 1.0)]


def test_the_threshold_separates_soft_speech_from_hiss():
    detector = SilenceDetector(threshold_dbov=-45)
    assert feed(detector, every_half_second([-38.0] * 6)) == []  # soft speech stays speech
    changes = feed(detector, [(10 + 0.5 * i, -62.0) for i in range(4)])  # room noise is quiet
    assert [c.silent for c in changes] == [True]


def test_a_stall_between_samples_takes_the_later_time_not_a_guess():
    detector = SilenceDetector()
    feed(detector, [(0.0, TONE)])
    changes = feed(detector, [(5.0, QUIET), (5.5, QUIET), (6.0, QUIET)])
    assert changes[0].since == 5.0 and changes[0].at == 6.0


def test_garbage_and_out_of_order_samples_are_ignored():
    detector = SilenceDetector()
    assert detector.feed(1.0, math.nan) is None
    assert detector.feed(1.0, QUIET) is None
    assert detector.feed(0.5, QUIET) is None  # earlier than the last one: dropped
    assert detector.feed(2.0, QUIET) == VoiceChange(True, 1.0, 2.0)
    with pytest.raises(ValueError):
        SilenceDetector(threshold_dbov=math.inf)


@pytest.mark.parametrize(("text", "value"), [
    ("-16.43", -16.43), (" -96.00 ", -96.0), ("0", 0.0), ("", None), ("abc", None), ("nan", None),
    ("-inf", None), (None, None), (12, None), ("1" * 40, None),
])
def test_parse_level(text, value):
    assert parse_level(text) == value
