"""After a crash, what the desk left open is closed at the time it was last known. No Qt.

While the desk runs, `SessionJournal` keeps a small JSON file in the profile (`desk-session/<key>.json`,
one per database and agent, replaced atomically like services.drafts): who is logged in (login,
queues, state), the calls open (call id, interaction row, state, times) and `last_seen`, the last
moment the desk was known to be running. It is written on every desk event that changes it and
every 5 s from the desk's tick (the heartbeat, a reference compare and a small JSON otherwise). A
clean stop with nothing open removes it; a stop during a call leaves it, so the next start closes
that call too.

At the next start `take_over()` sets a journal left behind aside (`*.left-*.json`), before this
run's journal begins, and `recover()` (on the database worker, queued before this run logs in)
closes what it lists:

- every call it lists as open: its interaction gets `ended_at` = its last known time (an end already
  stored stays) and a line in its notes saying that recovery closed it; a ring that never reached
  the database is written first (the row has the id the desk drew, so nothing is written twice); a
  call that had finished but whose last writes may have been on their way is only given its end;
- the agent is logged out: REMOVEMEMBER per queue at the last known time, the row AgentSession's
  log_out writes. With the desktop's own agent session the desktop writes its rows anyway; with the
  built-in simulator the ACD wrote them, but it ran in the crashed process, so these are the rows it
  would have written. An ACD of its own (a real PBX) keeps its members itself: nothing is written.

Rows carry a uid made of their content and updates are absolute: a recovery that is itself cut short
runs again at the next start (the file goes only once all is written) and writes nothing twice.
"""

from __future__ import annotations

import json
import logging
import os
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from pathlib import Path
from typing import Any
from uuid import UUID

from desktop_agent.core.agent_state import AgentState, agent_name
from desktop_agent.core.call_session import CallState
from desktop_agent.core.domain import utcnow
from desktop_agent.core.queue_log import NONE_CALLID, QEvent, QueueLogRecord, content_uid
from desktop_agent.services import events as ev
from desktop_agent.services.drafts import DurableFile, profile_file, remove_durably

log = logging.getLogger(__name__)

FOLDER = "desk-session"
FORMAT = 1
HEARTBEAT_S = 5.0
GONE_KEEP_S = 30.0  # a call that left the desk stays listed this long: its last writes may be on their way
NOTE = "[closed by recovery] The desk stopped without closing this call; its end is the last time the desk " \
       "was known to be running ({at} UTC). No disposition was chosen."
_EVENTS = (ev.CallChanged, ev.WaitingChanged, ev.InteractionRecorded, ev.AgentChanged, ev.CallFinished)
DONE = CallState.DONE.value


def journal_path(where: str, login: str) -> Path:
    return profile_file(FOLDER, where, login)


def member_queues(desk: Any) -> tuple[tuple[str, ...], str]:
    """The agent's queues and who writes the agent's rows: "desk" (the desktop's own session),
    "simulator" (the built-in ACD, in this process) or "acd" (an ACD of its own)."""
    channel = desk.agent_channel
    session = getattr(channel, "session", None)
    if session is not None:
        return tuple(session.queues), "desk"
    acd = getattr(channel, "acd", None)
    queues = tuple(getattr(getattr(acd, "config", None), "queues", ()) or ())
    return queues, "simulator" if getattr(acd, "name", "") == "simulator" else "acd"


def _time(value: datetime | None) -> str | None:
    return value.isoformat() if value is not None else None


def _parse_time(value: Any) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


class SessionJournal:
    """The desk's session on disk while it runs (see the module's text)."""

    def __init__(self, desk: Any, path: Path, *, where: str = "", clock: Callable[[], datetime] = utcnow,
                 heartbeat_s: float = HEARTBEAT_S, file: DurableFile | None = None) -> None:
        self.desk = desk
        self.where = where
        self.clock = clock
        self.heartbeat_s = heartbeat_s
        self.file = file or DurableFile(path)
        self.started_at = clock()
        self._calls: dict[str, dict[str, Any]] = {}
        self._left: dict[str, float] = {}  # call id -> when (monotonic) its record left the desk
        self._written = float("-inf")
        self._queues, self._rows_by = member_queues(desk)
        self._unsubscribe = desk.subscribe(self._on_desk)
        self.write()

    @classmethod
    def of(cls, desk: Any, services: Any) -> SessionJournal:
        """The journal of this agent on this database (the path recover_at_start looks at)."""
        where = _where(services)
        return cls(desk, journal_path(where, services.agent.login), where=where)

    @property
    def path(self) -> Path:
        return self.file.path

    def _on_desk(self, event: ev.DeskEvent) -> None:
        if isinstance(event, ev.Ticked):
            if time.monotonic() - self._written >= self.heartbeat_s:
                self.write()
        elif isinstance(event, _EVENTS):
            self.write()

    def _agent(self) -> tuple[str, str, datetime | None, str | None]:
        try:
            status = self.desk.agent_status
        except Exception:  # noqa: BLE001 - a backend already stopped: the last state written stands
            return self.desk.agent.login, AgentState.LOGGED_OUT.value, None, None
        return status.login, status.state.value, status.since, status.call_id

    def document(self) -> dict[str, Any]:
        """The journal as it stands now (calls refreshed from the desk)."""
        now, mono = self.clock(), time.monotonic()
        live = set()
        for record in (self.desk.current, self.desk.waiting):
            if record is None:
                continue
            s = record.session
            live.add(s.call_id)
            self._calls[s.call_id] = {
                "callid": s.call_id, "interaction_id": str(record.interaction_uuid or "") or None,
                "caller_id_raw": s.caller_id_raw, "queue": s.queue, "state": s.state.value,
                "offered_at": _time(s.offered_at), "answered_at": _time(s.answered_at), "ended_at": _time(s.ended_at)}
        for call_id, call in list(self._calls.items()):
            if call_id in live:
                self._left.pop(call_id, None)
                continue
            left = self._left.setdefault(call_id, mono)
            if call["state"] != DONE:  # its record went: the desk is done with it (wrap-up stored, or missed)
                call.update(state=DONE, ended_at=call["ended_at"] or _time(now))
            if mono - left > GONE_KEEP_S:
                del self._calls[call_id], self._left[call_id]
        login, state, since, on_call = self._agent()
        return {"format": FORMAT, "pid": os.getpid(), "where": self.where, "login": self.desk.agent.login,
                "agent_id": str(self.desk.agent.id), "agent": agent_name(login), "queues": list(self._queues),
                "agent_rows": self._rows_by, "agent_state": state, "agent_since": _time(since),
                "agent_call": on_call, "started_at": _time(self.started_at), "last_seen": _time(now),
                "calls": list(self._calls.values())}

    def write(self) -> None:
        self._written = time.monotonic()
        self.file.put(json.dumps(self.document(), ensure_ascii=False).encode())

    def close(self, timeout: float = 10.0) -> bool:
        """A clean stop (after the desk's stop and its writes): the journal goes when nothing is left
        open; a call still on, or an agent still logged in, stays for the next start to close."""
        self._unsubscribe()
        doc = self.document()
        open_calls = [c for c in doc["calls"] if c["state"] != DONE]
        if not open_calls and doc["agent_state"] == AgentState.LOGGED_OUT.value:
            self.file.put(None)
        else:
            self._written = time.monotonic()
            self.file.put(json.dumps({**doc, "stopped": True}, ensure_ascii=False).encode())
        return self.file.close(timeout)


# ---- the next start ---------------------------------------------------------------------------


def take_over(path: Path) -> list[Path]:
    """Journals earlier runs left behind (they did not stop cleanly), oldest first. The one at `path`
    is renamed first, so that this run's journal can begin there."""
    if path.exists():
        aside = path.with_name(f"{path.stem}.left-{time.time_ns():x}.json")
        try:
            os.replace(path, aside)
        except OSError as exc:
            log.warning("could not set the last session's journal aside: %s", exc)
    return sorted(path.parent.glob(f"{path.stem}.left-*.json")) if path.parent.exists() else []


@dataclass(frozen=True)
class Recovered:
    """What recovery did, for the operator's notice and the tests."""

    calls_closed: tuple[str, ...] = ()   # call ids whose interactions recovery closed
    queues_left: tuple[str, ...] = ()    # queues the agent was logged out of
    at: datetime | None = None           # the last known time
    crashed: bool = False                # a run ended unexpectedly (else it was closed during a call)

    def __bool__(self) -> bool:
        return bool(self.calls_closed or self.queues_left)

    def __add__(self, other: Recovered) -> Recovered:
        return Recovered(self.calls_closed + other.calls_closed, self.queues_left + other.queues_left,
                         other.at or self.at, self.crashed or other.crashed)


def _where(services: Any) -> str:
    return services.db.url.render_as_string(hide_password=True)


def recover_at_start(services: Any, say: Callable[[str], None]) -> Recovered | None:
    """`desk --headless`: close what an earlier run of this agent on this database left open, before
    this run logs in. A database that does not answer leaves the journal for the next start (None)."""
    left = take_over(journal_path(_where(services), services.agent.login))
    if not left:
        return Recovered()
    try:
        done = recover(left, interactions=services.interactions, write_queue_log=services.write_queue_log)
    except Exception as exc:  # noqa: BLE001 - the desk still starts; the journal waits
        say(f"what an earlier run left open is not closed yet ({str(exc).splitlines()[0] if str(exc) else exc!r}); "
            "the next start tries again")
        return None
    if done:
        how = "stopped unexpectedly" if done.crashed else "was closed during a call"
        say(f"an earlier run {how}: {len(done.calls_closed)} open calls closed and the agent "
            f"logged out of {', '.join(done.queues_left) or 'no queue'} as of {_time(done.at)}")
    return done


def recover(journals: Sequence[Path], *, interactions: Any, write_queue_log: Callable[[Sequence[QueueLogRecord]], Any]
            ) -> Recovered:
    """Close what each journal left open; each file goes once all it asks for is stored. Raises the
    store's error when the database refuses (the files stay for the next start)."""
    done = Recovered()
    for path in journals:
        try:
            journal = json.loads(path.read_text(encoding="utf-8"))
            if int(journal.get("format", 0)) > FORMAT:
                log.warning("%s was written by a newer version: left as it is", path)
                continue
        except (OSError, ValueError, AttributeError) as exc:
            log.warning("the journal %s cannot be read (%s): set aside", path, exc)
            try:
                os.replace(path, path.with_name(f"{path.name}.damaged"))
            except OSError:
                pass
            continue
        done = done + recover_one(journal, interactions=interactions, write_queue_log=write_queue_log)
        remove_durably(path)
    return done


def recover_one(journal: dict[str, Any], *, interactions: Any,
                write_queue_log: Callable[[Sequence[QueueLogRecord]], Any]) -> Recovered:
    last_seen = _parse_time(journal.get("last_seen")) or utcnow()
    agent_id = UUID(journal["agent_id"]) if journal.get("agent_id") else None
    closed = []
    for call in journal.get("calls", ()):
        if _close_call(call, last_seen, agent_id, interactions):
            closed.append(call["callid"])
    queues: tuple[str, ...] = ()
    if journal.get("agent_state") not in (None, AgentState.LOGGED_OUT.value) and journal.get("agent_rows") != "acd":
        queues = tuple(journal.get("queues") or ())
        since = _parse_time(journal.get("agent_since"))
        at = max(last_seen, since) if since is not None else last_seen
        records = []
        for queue in queues:
            rec = QueueLogRecord.make(at, NONE_CALLID, queue, journal["agent"], QEvent.REMOVEMEMBER, uid="-")
            records.append(replace(rec, uid=content_uid(rec)))  # the same row, should recovery run twice
        if records:
            write_queue_log(records)
    return Recovered(tuple(closed), queues, last_seen, crashed=not journal.get("stopped"))


def _close_call(call: dict[str, Any], last_seen: datetime, agent_id: UUID | None, interactions: Any) -> bool:
    """Close one call's interaction; True when recovery closed it (it was still open)."""
    if not call.get("interaction_id"):
        return False
    row_id = UUID(call["interaction_id"])
    offered = _parse_time(call.get("offered_at"))
    known = [t for t in (last_seen, offered, _parse_time(call.get("answered_at"))) if t is not None]
    ended = _parse_time(call.get("ended_at"))
    # the row as stored; written now if its ring never reached the database (same id: never twice)
    row = interactions.ring(call["callid"], call.get("caller_id_raw") or "", queue=call.get("queue"),
                            agent_id=agent_id, offered_at=offered, interaction_id=row_id)
    if row.ended_at is None:
        row = interactions.ended(row_id, ended or max(known))
    if call.get("state") == DONE or row.disposition:
        return False  # the desk had finished with it: its end was all that might be missing
    interactions.add_note(row_id, NOTE.format(at=row.ended_at.strftime("%Y-%m-%d %H:%M:%S")))
    return True
