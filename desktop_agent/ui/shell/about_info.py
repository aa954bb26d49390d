"""What the About dialog shows about this desk, apart from the dialog itself: app.py builds it at
start, while the dialog (with the licence list) is imported only when it opens."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class AboutInfo:
    """What app.py knows and the dialog shows."""

    database: str          # the URL without a password, or the SQLite file's path
    backend: str           # the telephony backend's name
    settings_file: str
