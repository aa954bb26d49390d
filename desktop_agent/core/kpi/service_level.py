"""Service level, in every variant a centre may be used to. All of them come from the same raw counts.

Symbols (see counts.py for the bands; T = target seconds, S = short-abandon seconds):
  A_in, A_out   answered within / after T                    A = A_in + A_out
  Ab_in, Ab_out abandoned (wait >= S) within / after T       Ab = Ab_in + Ab_out
  Sh_in, Sh_out short abandons (wait < S) within / after T   Sh = Sh_in + Sh_out
  X_in, X_out   left the queue unanswered by the queue's rule: EXITWITHTIMEOUT, EXITEMPTY,
                EXITWITHKEY, WITHDRAW                        X = X_in + X_out

A variant returns None when its denominator is zero (no calls: nothing to show, not 0 % or 100 %).
Each variant is counted where its events happen: a call answered in the 09:15 interval counts in
09:15 even when it entered the queue in 09:00.
"""

from __future__ import annotations

from enum import StrEnum

from desktop_agent.core.kpi.counts import Counts


class SLVariant(StrEnum):
    DEFAULT = "default"
    CISCO_IGNORE = "cisco_ignore"
    CISCO_NEGATIVE = "cisco_negative"
    CISCO_POSITIVE = "cisco_positive"
    GENESYS = "genesys"
    AMAZON_CONNECT = "amazon_connect"
    ASTERISK_SL = "asterisk_sl"
    ASTERISK_SL2 = "asterisk_sl2"


def terms(c: Counts, variant: SLVariant | str) -> tuple[int, int]:
    """(numerator, denominator) of a variant, in calls."""
    v = SLVariant(variant)
    a_in, a = c.answered_in_t, c.answered
    ab_in, ab_out = c.abandoned_in_t, c.abandoned_after_t
    x_out = c.exits_after_t
    if v in (SLVariant.DEFAULT, SLVariant.CISCO_IGNORE):
        # DESIGN.md: answered within T / (answered + abandoned after T), short abandons left out.
        # A call sent out of the queue after T (timeout, no agents, key, withdrawn) was not served
        # within target either, so it counts like an abandon after T; one that left before T is
        # left out like an abandon before T.
        # This is exactly Cisco's "abandoned calls ignored": ServiceLevelCalls /
        # (ServiceLevelCallsOffered - ServiceLevelAband), where ServiceLevelCallsOffered counts the
        # calls that had a service-level event (answered, abandoned within T, or passed T unanswered)
        # and short calls are not counted at all (Cisco Unified ICM/CCE Reporting Guide, "Service
        # Level Type" and "Service Level Events").
        return a_in, a + ab_out + x_out
    if v is SLVariant.CISCO_NEGATIVE:
        # Cisco "abandoned calls negatively impact": ServiceLevelCalls / ServiceLevelCallsOffered.
        return a_in, a + ab_in + ab_out + x_out
    if v is SLVariant.CISCO_POSITIVE:
        # Cisco "abandoned calls positively impact":
        # (ServiceLevelCalls + ServiceLevelAband) / ServiceLevelCallsOffered.
        return a_in + ab_in, a + ab_in + ab_out + x_out
    if v is SLVariant.GENESYS:
        # Genesys Cloud, "Configure the service level calculation", default options (abandons
        # included, short abandons excluded, flow-outs excluded):
        # (answered - answered that missed the target) / (answered + abandoned - short abandons).
        return a_in, a + ab_in + ab_out
    if v is SLVariant.AMAZON_CONNECT:
        # Amazon Connect historical metric "Service level X": the share of contacts removed from
        # the queue within X seconds of being added to it, where a contact is removed when an agent
        # answers it or the customer abandons. Every removal counts, short abandons included; the
        # denominator is every call that left the queue (answered, abandoned or sent out).
        sh_in = c.abandoned_short_in_t
        return a_in + ab_in + sh_in, a + c.short_abandoned + ab_in + ab_out + c.exits_in_t + x_out
    if v is SLVariant.ASTERISK_SL:
        # Asterisk app_queue.c (`queue show`, QueueSummary): SL = callscompletedinsl / callscompleted,
        # i.e. answered within servicelevel / answered. Asterisk has no notion of short abandons.
        return a_in, a
    if v is SLVariant.ASTERISK_SL2:
        # Asterisk app_queue.c (13+): SL2 = (callsabandonedinsl + callscompletedinsl) /
        # (callsabandoned + callscompleted). Asterisk's record_abandoned() also runs for
        # EXITWITHTIMEOUT, EXITEMPTY and WITHDRAW (not for EXITWITHKEY), so those count as abandoned.
        lost_in = (c.abandoned_short_in_t + ab_in + c.timeout_in_t + c.empty_in_t + c.withdraw_in_t)
        lost = (c.short_abandoned + ab_in + ab_out + c.timed_out + c.exit_empty + c.withdrawn)
        return a_in + lost_in, a + lost
    raise ValueError(f"unknown service-level variant {variant!r}")  # pragma: no cover - StrEnum refuses first


def service_level(c: Counts, variant: SLVariant | str = SLVariant.DEFAULT) -> float | None:
    """Percent (0-100), or None when no call counts for this variant."""
    num, den = terms(c, variant)
    return None if den <= 0 else 100.0 * num / den


def all_service_levels(c: Counts) -> dict[str, float | None]:
    return {v.value: service_level(c, v) for v in SLVariant}
