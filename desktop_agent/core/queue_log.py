"""Asterisk's queue_log: records, event names and the `epoch|callid|queue|agent|EVENT|data...` text form.

Parameters follow Asterisk's order (see Asterisk's doc/queuelog and QueueMetrics' manual):
  ENTERQUEUE       url, callerid, position
  CONNECT          holdtime, bridged-uniqueid, ringtime
  COMPLETEAGENT    holdtime, calltime, origposition
  COMPLETECALLER   holdtime, calltime, origposition
  ABANDON          position, origposition, waittime
  EXITWITHTIMEOUT  position, origposition, waittime
  EXITEMPTY        position, origposition, waittime
  EXITWITHKEY      key, position, origposition, waittime
  RINGNOANSWER     ringtime (ms)
  RINGCANCELED     ringtime (ms)
  TRANSFER         extension, context, holdtime, calltime, origposition
  BLINDTRANSFER    extension, context, holdtime, calltime, origposition
  ATTENDEDTRANSFER method, target, holdtime, calltime, origposition
  ADDMEMBER / REMOVEMEMBER   (callid NONE)
  PAUSE / UNPAUSE  reason (callid NONE)
  PAUSEALL / UNPAUSEALL, AGENTLOGIN / AGENTLOGOFF, QUEUESTART, CONFIGRELOAD
Desktop Agent adds two agent-side events that Asterisk has no name for (custom events are allowed):
  WRAPUPSTART      callid of the call whose after-call work starts   (callid NONE)
  WRAPUPEND        callid, wrap-up seconds, disposition code          (callid NONE)
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from enum import StrEnum
from time import time_ns


class QEvent(StrEnum):
    ENTERQUEUE = "ENTERQUEUE"
    CONNECT = "CONNECT"
    COMPLETEAGENT = "COMPLETEAGENT"
    COMPLETECALLER = "COMPLETECALLER"
    ABANDON = "ABANDON"
    EXITWITHTIMEOUT = "EXITWITHTIMEOUT"
    EXITEMPTY = "EXITEMPTY"
    EXITWITHKEY = "EXITWITHKEY"
    RINGNOANSWER = "RINGNOANSWER"
    RINGCANCELED = "RINGCANCELED"
    TRANSFER = "TRANSFER"
    BLINDTRANSFER = "BLINDTRANSFER"
    ATTENDEDTRANSFER = "ATTENDEDTRANSFER"
    ADDMEMBER = "ADDMEMBER"
    REMOVEMEMBER = "REMOVEMEMBER"
    PAUSE = "PAUSE"
    UNPAUSE = "UNPAUSE"
    PAUSEALL = "PAUSEALL"
    UNPAUSEALL = "UNPAUSEALL"
    AGENTLOGIN = "AGENTLOGIN"
    AGENTLOGOFF = "AGENTLOGOFF"
    QUEUESTART = "QUEUESTART"
    CONFIGRELOAD = "CONFIGRELOAD"
    WRAPUPSTART = "WRAPUPSTART"
    WRAPUPEND = "WRAPUPEND"


NONE_CALLID = "NONE"
DATA_FIELDS = 5
MAX_FIELD = {"callid": 80, "queuename": 256, "agent": 80, "event": 32, "data": 100}
MAX_UID = 64
CONTENT_UID_PREFIX = "f:"
_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
_MICROSECOND = timedelta(microseconds=1)


class QueueLogParseError(ValueError):
    pass


def _fit(value: object, limit: int) -> str:
    text = "" if value is None else str(value)
    # the text file is pipe-separated: a pipe or newline inside a field would corrupt it
    text = text.replace("|", "/").replace("\n", " ").replace("\r", " ")
    return text[:limit]


@dataclass(frozen=True, slots=True)
class QueueLogRecord:
    time: datetime
    callid: str
    queuename: str
    agent: str
    event: str
    data: tuple[str, ...] = ()
    id: int | None = None  # the database row id, once stored
    # the idempotency key: the store keeps each uid once, so writing a record twice (an outbox
    # replay, a file imported again) stores it once. None: no key, always inserted. Not part of
    # equality: two records of the same event are equal whatever keys they were drawn (the
    # simulator's same seed gives the same records).
    uid: str | None = field(default=None, compare=False)

    @classmethod
    def make(cls, time: datetime, callid: str, queuename: str, agent: str, event: str,
             *data: object, uid: str | None = None) -> QueueLogRecord:
        """A new event, with a fresh random uid unless one is given."""
        if time.tzinfo is None:
            raise ValueError("queue_log times are aware UTC datetimes")
        if len(data) > DATA_FIELDS:
            raise ValueError(f"queue_log has {DATA_FIELDS} data fields, got {len(data)}")
        if uid is None:
            uid = new_uid()
        elif not uid or len(uid) > MAX_UID:
            raise ValueError(f"a queue_log uid has 1 to {MAX_UID} characters")
        return cls(
            time=time.astimezone(UTC),
            callid=_fit(callid, MAX_FIELD["callid"]),
            queuename=_fit(queuename, MAX_FIELD["queuename"]),
            agent=_fit(agent, MAX_FIELD["agent"]),
            event=_fit(event, MAX_FIELD["event"]),
            data=tuple(_fit(d, MAX_FIELD["data"]) for d in data),
            uid=uid,
        )

    def d(self, i: int) -> str:
        """data1..data5 by 1-based index, '' when absent."""
        return self.data[i - 1] if 0 < i <= len(self.data) else ""

    def d_int(self, i: int, default: int = 0) -> int:
        try:
            return int(float(self.d(i)))
        except ValueError:
            return default

    def padded_data(self) -> tuple[str, str, str, str, str]:
        padded = tuple(self.data) + ("",) * (DATA_FIELDS - len(self.data))
        return padded[:DATA_FIELDS]  # type: ignore[return-value]

    def to_line(self) -> str:
        data = list(self.data)
        while data and data[-1] == "":
            data.pop()
        fields = [str(int(self.time.timestamp())), self.callid, self.queuename, self.agent, self.event, *data]
        return "|".join(fields)


def new_uid() -> str:
    """A fresh uid: the milliseconds since 1970 (12 hex digits) and 80 random bits (20), the layout of
    a UUIDv7. Keys drawn one after another sort together, so the UNIQUE index takes each new one at
    its right edge: with random keys (uuid4) a 1,000-row append into a SQLite queue_log of 500,000
    rows took four times as long, every insert landing on another page of the index."""
    return f"{time_ns() // 1_000_000:012x}{os.urandom(10).hex()}"


def content_uid(rec: QueueLogRecord, occurrence: int = 0) -> str:
    """A uid made of the event itself, so the same event read from two files, or from one file twice,
    gets the same uid: "f:", the event's time in microseconds since 1970 (14 hex digits: imported
    events sort by time in the index, as new_uid's do) and the SHA-1 of the time, callid, queue,
    agent, event and the five data fields (trailing empty ones count as empty). `occurrence` tells
    apart identical events (the 2nd, 3rd... line with exactly the same content: 1, 2...); the first
    keeps the plain hash."""
    micros = (rec.time - _EPOCH) // _MICROSECOND
    parts = [str(micros), rec.callid, rec.queuename, rec.agent, rec.event, *rec.padded_data()]
    if occurrence:
        parts.append(f"#{occurrence}")
    # no field holds a '|' (make() replaces them), so '|' between fields is unambiguous
    digest = hashlib.sha1("|".join(parts).encode("utf-8", "surrogatepass"), usedforsecurity=False)
    return f"{CONTENT_UID_PREFIX}{micros:014x}{digest.hexdigest()}"


def parse_line(line: str) -> QueueLogRecord:
    """Parse one line of Asterisk's queue_log text file. Raises QueueLogParseError with the reason.
    The record's uid is its content_uid(): the same line parsed twice is the same record."""
    text = line.rstrip("\r\n")
    if not text.strip():
        raise QueueLogParseError("empty line")
    parts = text.split("|")
    if len(parts) < 5:
        raise QueueLogParseError(f"expected at least 5 '|'-separated fields, found {len(parts)}")
    epoch, callid, queue, agent, event, *data = parts
    try:
        ts = float(epoch)
    except ValueError:
        raise QueueLogParseError(f"time {epoch[:20]!r} is not a Unix epoch") from None
    if not (0 < ts < 32503680000):  # year 3000
        raise QueueLogParseError(f"time {epoch[:20]!r} is out of range")
    event = event.strip()
    if not event or not event.replace("_", "").isalnum() or not event.isupper():
        raise QueueLogParseError(f"event {event[:32]!r} is not an event name")
    if len(data) > DATA_FIELDS:
        # Asterisk never writes more than five; keep the first four and join the rest so nothing is lost
        data = data[: DATA_FIELDS - 1] + ["|".join(data[DATA_FIELDS - 1:])]
    for name, value in (("callid", callid), ("queue", queue), ("agent", agent)):
        if len(value) > MAX_FIELD["queuename" if name == "queue" else name]:
            raise QueueLogParseError(f"{name} is longer than Asterisk allows")
    rec = QueueLogRecord.make(datetime.fromtimestamp(ts, UTC), callid, queue, agent, event, *data,
                              uid=CONTENT_UID_PREFIX)  # a placeholder: the content's uid needs the fitted fields
    return replace(rec, uid=content_uid(rec))
