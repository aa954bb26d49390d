"""First-contact resolution: a contact is resolved at first contact when the same customer does not
contact us again about the same issue category within the window (7 days by default).

A contact whose window is still open and has no repeat yet is "pending": its outcome is unknown, so
it is left out of the rate rather than guessed. Contacts with no known customer or no issue category
cannot be matched to a repeat and are left out by the caller (see store.kpi_feed.read_contacts).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timedelta

FCR_WINDOW = timedelta(days=7)


@dataclass(frozen=True, slots=True)
class Contact:
    customer_id: str
    category: str
    at: datetime


@dataclass(frozen=True, slots=True)
class FcrResult:
    contacts: int     # contacts in the period
    resolved: int     # no repeat within the window, and the window has passed
    repeated: int     # a repeat came within the window
    pending: int      # window still open, no repeat yet
    window_days: float

    @property
    def rate(self) -> float | None:
        known = self.resolved + self.repeated
        return None if not known else 100.0 * self.resolved / known

    def to_json(self) -> dict:
        return {"contacts": self.contacts, "resolved": self.resolved, "repeated": self.repeated,
                "pending": self.pending, "window_days": self.window_days, "fcr": self.rate}


def first_contact_resolution(contacts: Iterable[Contact], *, start: datetime, end: datetime,
                             as_of: datetime, window: timedelta = FCR_WINDOW) -> FcrResult:
    """FCR of the contacts made in [start, end). `contacts` must also hold the contacts up to
    end + window, so that repeats after the period are seen; `as_of` is when the data was read."""
    by_issue: dict[tuple[str, str], list[datetime]] = defaultdict(list)
    for c in contacts:
        by_issue[(c.customer_id, c.category)].append(c.at)
    total = resolved = repeated = pending = 0
    for times in by_issue.values():
        times.sort()
        for i, at in enumerate(times):
            if not start <= at < end:
                continue
            total += 1
            # the next contact on the same issue, if any (two at the same instant are a repeat too)
            if i + 1 < len(times) and times[i + 1] - at <= window:
                repeated += 1
            elif as_of >= at + window:
                resolved += 1
            else:
                pending += 1
    return FcrResult(total, resolved, repeated, pending, window.total_seconds() / 86400)
