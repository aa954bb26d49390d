"""Reference data the operator picks from: dispositions, pause reasons (by language), and agents.

The ReferenceData service of core.ports. Titles are kept in both shipped languages on each row;
an unknown language falls back to English.
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from desktop_agent.core.domain import Role
from desktop_agent.core.ports import AgentDTO, DispositionDTO, PauseReasonDTO
from desktop_agent.store.database import Database
from desktop_agent.store.errors import InvalidOperation, RowNotFound
from desktop_agent.store.models import Agent, Disposition, PauseReason
from desktop_agent.store.notify import record_change

CODE_MAX = 32
LOGIN_MAX = 64
DISPLAY_NAME_MAX = 200
AGENT_LANGUAGES = ("ru", "en")
# The same rule as the settings dialog's agent login (ui.settings.LOGIN_PATTERN), minus the empty
# value: a login becomes the queue_log agent "Agent/<login>", so nothing that breaks Asterisk's
# `|`-separated text; letters of any script are fine (Cyrillic logins are common).
AGENT_LOGIN = re.compile(rf"[\w.@-]{{1,{LOGIN_MAX}}}")


def _title(row: Disposition | PauseReason, language: str) -> str:
    return row.title_ru if language == "ru" else row.title_en


def agent_dto(row: Agent) -> AgentDTO:
    return AgentDTO(id=row.id, login=row.login, display_name=row.display_name, role=row.role,
                    language=row.language, extension=row.extension, active=row.active,
                    created_at=row.created_at)


def _code(code: str) -> str:
    code = (code or "").strip()
    if not code or len(code) > CODE_MAX:
        raise InvalidOperation(f"a code is 1-{CODE_MAX} characters, not {code[:40]!r}")
    return code


class ReferenceStore:
    """core.ports.ReferenceData on a Database."""

    def __init__(self, db: Database, origin: str = "") -> None:
        self.db, self.origin = db, origin

    # -- dispositions and pause reasons -------------------------------------------------------

    def dispositions(self, language: str) -> Sequence[DispositionDTO]:
        stmt = select(Disposition).where(Disposition.active.is_(True)).order_by(Disposition.position,
                                                                                Disposition.code)
        with self.db.session() as session:
            return tuple(DispositionDTO(r.code, _title(r, language), r.category, r.requires_ticket)
                         for r in session.scalars(stmt))

    def pause_reasons(self, language: str) -> Sequence[PauseReasonDTO]:
        stmt = select(PauseReason).where(PauseReason.active.is_(True)).order_by(PauseReason.position,
                                                                                PauseReason.code)
        with self.db.session() as session:
            return tuple(PauseReasonDTO(r.code, _title(r, language), r.paid, r.max_minutes)
                         for r in session.scalars(stmt))

    def save_disposition(self, code: str, *, title_ru: str, title_en: str, category: str = "resolved",
                         requires_ticket: bool = False, position: int = 0, active: bool = True) -> None:
        code = _code(code)
        with self.db.transaction() as session:
            row = session.get(Disposition, code) or Disposition(code=code)
            row.title_ru, row.title_en = title_ru.strip()[:200], title_en.strip()[:200]
            row.category, row.requires_ticket = category[:32], requires_ticket
            row.position, row.active = position, active
            session.add(row)
            session.flush()
            record_change(session, "disposition", code, self.origin)

    def save_pause_reason(self, code: str, *, title_ru: str, title_en: str, paid: bool = True,
                          max_minutes: int | None = None, position: int = 0, active: bool = True) -> None:
        code = _code(code)
        with self.db.transaction() as session:
            row = session.get(PauseReason, code) or PauseReason(code=code)
            row.title_ru, row.title_en = title_ru.strip()[:200], title_en.strip()[:200]
            row.paid, row.max_minutes, row.position, row.active = paid, max_minutes, position, active
            session.add(row)
            session.flush()
            record_change(session, "pause_reason", code, self.origin)

    # -- agents -------------------------------------------------------------------------------

    def agent(self, agent_id: uuid.UUID) -> AgentDTO:
        with self.db.session() as session:
            row = session.get(Agent, agent_id)
            if row is None:
                raise RowNotFound(f"no agent with id {agent_id}")
            return agent_dto(row)

    def agent_by_login(self, login: str) -> AgentDTO | None:
        with self.db.session() as session:
            row = session.scalar(select(Agent).where(Agent.login == (login or "").strip()))
            return agent_dto(row) if row is not None else None

    def get_or_create_agent(self, login: str, display_name: str | None = None, *, role: str = "operator",
                            language: str = "ru") -> AgentDTO:
        login = (login or "").strip()
        if not login or len(login) > LOGIN_MAX:
            raise InvalidOperation(f"an agent login is 1-{LOGIN_MAX} characters")
        role = valid_role(role)
        found = self.agent_by_login(login)
        if found is not None:
            return found
        try:
            with self.db.transaction() as session:
                row = Agent(id=uuid.uuid4(), login=login, display_name=(display_name or login).strip()[:200],
                            role=role, language=language[:8])
                session.add(row)
                session.flush()
                record_change(session, "agent", row.id, self.origin)
                return agent_dto(row)
        except IntegrityError:  # another desktop created the same login a moment ago
            found = self.agent_by_login(login)
            if found is None:
                raise
            return found

    # -- agent administration (`desktop-agent agents`) ----------------------------------------

    def list_agents(self, role: str | None = None, include_inactive: bool = False) -> Sequence[AgentDTO]:
        """Agents by login; only active ones unless include_inactive."""
        stmt = select(Agent).order_by(Agent.login)
        if role is not None:
            stmt = stmt.where(Agent.role == valid_role(role))
        if not include_inactive:
            stmt = stmt.where(Agent.active.is_(True))
        with self.db.session() as session:
            return tuple(agent_dto(row) for row in session.scalars(stmt))

    def add_agent(self, login: str, display_name: str | None = None, *, role: str = "operator",
                  language: str = "ru") -> AgentDTO:
        """A new agent; a login taken already (in any letter case) is refused, not reused."""
        login = valid_login(login)
        name = valid_display_name(login if display_name is None else display_name)
        role, language = valid_role(role), valid_language(language)
        try:
            with self.db.transaction() as session:
                taken = self._login_taken(session, login)
                if taken is not None:
                    raise InvalidOperation(f"an agent with login {taken!r} already exists: change it with "
                                           f"`desktop-agent agents set {taken}`")
                row = Agent(id=uuid.uuid4(), login=login, display_name=name, role=role, language=language,
                            active=True)
                session.add(row)
                session.flush()
                record_change(session, "agent", row.id, self.origin)
                return agent_dto(row)
        except IntegrityError:  # created by someone else between our check and our insert
            raise InvalidOperation(f"an agent with login {login!r} already exists") from None

    def update_agent(self, login: str, *, role: str | None = None, display_name: str | None = None,
                     language: str | None = None, active: bool | None = None) -> AgentDTO:
        """Changes what is given (None: keep). Every value is checked before anything is written; an
        update that changes nothing writes nothing. Open windows pick a new role up at their next start."""
        changes: dict[str, object] = {}
        if role is not None:
            changes["role"] = valid_role(role)
        if display_name is not None:
            changes["display_name"] = valid_display_name(display_name)
        if language is not None:
            changes["language"] = valid_language(language)
        if active is not None:
            changes["active"] = bool(active)
        with self.db.transaction() as session:
            row = self._agent_row(session, login)
            changes = {field: value for field, value in changes.items() if getattr(row, field) != value}
            for field, value in changes.items():
                setattr(row, field, value)
            if changes:
                session.flush()
                record_change(session, "agent", row.id, self.origin)
            return agent_dto(row)

    def find_agent(self, login: str) -> AgentDTO:
        """The agent `agents set` would change; RowNotFound (naming the login) if there is none."""
        with self.db.session() as session:
            return agent_dto(self._agent_row(session, login))

    @staticmethod
    def _agent_row(session: Session, login: str) -> Agent:
        """The row by exact login; the window creates agents from OS user names, which may not follow
        AGENT_LOGIN (a space in a Windows name), so a lookup only trims and tries the NFC form too."""
        given = (login or "").strip()
        if not given:
            raise InvalidOperation("an agent login is required")
        for candidate in dict.fromkeys((given, unicodedata.normalize("NFC", given))):
            row = session.scalar(select(Agent).where(Agent.login == candidate))
            if row is not None:
                return row
        similar = ReferenceStore._login_taken(session, given)
        hint = f" (there is {similar!r}: logins are case-sensitive)" if similar is not None else ""
        raise RowNotFound(f"no agent with login {given[:LOGIN_MAX]!r}{hint}")

    @staticmethod
    def _login_taken(session: Session, login: str) -> str | None:
        """The existing login equal to this one but for letter case. SQLite's lower() folds only ASCII,
        so Cyrillic is compared here; a centre has thousands of agents at most."""
        folded = login.casefold()
        logins = session.scalars(select(Agent.login))
        return next((existing for existing in logins if existing.casefold() == folded), None)


def valid_login(login: str) -> str:
    """A new agent's login in NFC (a decomposed "й" from some keyboards would not match \\w)."""
    value = unicodedata.normalize("NFC", (login or "").strip())
    if AGENT_LOGIN.fullmatch(value) is None:
        shown = f"{value[:40]!r}" + ("…" if len(value) > 40 else "")
        raise InvalidOperation(f"an agent login is 1-{LOGIN_MAX} letters, digits and . _ @ -, not {shown}")
    return value


def valid_display_name(name: str) -> str:
    value = " ".join((name or "").split())  # one line: tabs and newlines become single spaces
    if not value or len(value) > DISPLAY_NAME_MAX:
        raise InvalidOperation(f"a display name is 1-{DISPLAY_NAME_MAX} characters, not {len(value)}")
    if any(unicodedata.category(ch) == "Cc" for ch in value):
        raise InvalidOperation("a display name cannot hold control characters")
    return value


def valid_role(role: str) -> str:
    try:
        return Role((role or "").strip().lower()).value
    except ValueError:
        raise InvalidOperation(f"unknown role {role[:20]!r}: use one of {', '.join(r.value for r in Role)}") \
            from None


def valid_language(language: str) -> str:
    value = (language or "").strip().lower()
    if value not in AGENT_LANGUAGES:
        raise InvalidOperation(f"unknown language {language[:20]!r}: use one of {', '.join(AGENT_LANGUAGES)}")
    return value
