"""Reference data the operator picks from: dispositions, pause reasons (by language), and agents.

The ReferenceData service of core.ports. Titles are kept in both shipped languages on each row;
an unknown language falls back to English.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from desktop_agent.core.domain import Role
from desktop_agent.core.ports import AgentDTO, DispositionDTO, PauseReasonDTO
from desktop_agent.store.database import Database
from desktop_agent.store.errors import InvalidOperation, RowNotFound
from desktop_agent.store.models import Agent, Disposition, PauseReason
from desktop_agent.store.notify import record_change

CODE_MAX = 32
LOGIN_MAX = 64


def _title(row: Disposition | PauseReason, language: str) -> str:
    return row.title_ru if language == "ru" else row.title_en


def agent_dto(row: Agent) -> AgentDTO:
    return AgentDTO(id=row.id, login=row.login, display_name=row.display_name, role=row.role,
                    language=row.language, extension=row.extension, active=row.active)


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
        try:
            role = Role(role).value
        except ValueError:
            raise InvalidOperation(f"unknown role {role[:20]!r}: use one of {', '.join(r.value for r in Role)}") \
                from None
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
