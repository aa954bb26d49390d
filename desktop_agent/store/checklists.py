"""Checklist definitions (by caller type and language) and saved runs, linked to their call.

The ChecklistService of core.ports. The logic of a run lives in core.checklist; this module only
turns it into rows and back. A definition is never edited in place: saving one adds a revision
and retires the old one, so a run saved last month still shows the steps the operator saw.
"""

from __future__ import annotations

import uuid
from collections.abc import Sequence

from sqlalchemy import func, select, update
from sqlalchemy.orm import Session

from desktop_agent.core.checklist import (
    ChecklistDefinition,
    ChecklistRun,
    cues_to_json,
    parse_steps,
    restore_run,
    steps_to_json,
    ticks_to_json,
    validate_steps,
)
from desktop_agent.core.domain import CallerType
from desktop_agent.store.database import Database
from desktop_agent.store.errors import InvalidOperation, RowNotFound
from desktop_agent.store.models import Agent, Interaction
from desktop_agent.store.models import ChecklistDefinition as DefinitionRow
from desktop_agent.store.models import ChecklistRun as RunRow
from desktop_agent.store.notify import record_change


def definition_from_row(row: DefinitionRow) -> ChecklistDefinition:
    return ChecklistDefinition(id=row.id, key=row.key, language=row.language, caller_type=row.caller_type,
                               title=row.title, steps=parse_steps(row.steps), description=row.description,
                               revision=row.revision)


def _caller_type(value: str) -> str:
    try:
        return CallerType(value).value
    except ValueError:
        raise InvalidOperation(
            f"unknown caller type {str(value)[:40]!r}: use one of {', '.join(c.value for c in CallerType)}"
        ) from None


class ChecklistStore:
    """core.ports.ChecklistService on a Database. `origin` is this desktop's id for change_log."""

    def __init__(self, db: Database, origin: str) -> None:
        self.db, self.origin = db, origin

    # -- definitions --------------------------------------------------------------------------

    def save_definition(self, *, key: str, language: str, caller_type: str, title: str, steps: list,
                        description: str = "") -> ChecklistDefinition:
        """Add a new revision of a definition (admin, or the defaults loader) and retire the old one."""
        key, title = (key or "").strip(), (title or "").strip()
        if not key or not title:
            raise InvalidOperation("a checklist needs a key and a title")
        try:
            validate_steps(steps)
        except ValueError as exc:
            raise InvalidOperation(f"checklist {key!r}: {exc}") from None
        caller_type = _caller_type(caller_type)
        with self.db.transaction() as session:
            last = session.scalar(select(func.max(DefinitionRow.revision))
                                  .where(DefinitionRow.key == key, DefinitionRow.language == language))
            session.execute(update(DefinitionRow)
                            .where(DefinitionRow.key == key, DefinitionRow.language == language)
                            .values(active=False))
            row = DefinitionRow(id=uuid.uuid4(), key=key[:64], language=language[:8], caller_type=caller_type,
                                title=title[:200], description=description or "",
                                steps=steps_to_json(parse_steps(steps)), revision=(last or 0) + 1, active=True)
            session.add(row)
            session.flush()
            record_change(session, "checklist", row.id, self.origin)
            return definition_from_row(row)

    def definitions(self, language: str) -> Sequence[ChecklistDefinition]:
        stmt = (select(DefinitionRow).where(DefinitionRow.language == language, DefinitionRow.active.is_(True))
                .order_by(DefinitionRow.caller_type, DefinitionRow.key))
        with self.db.session() as session:
            return tuple(definition_from_row(r) for r in session.scalars(stmt))

    def definition(self, definition_id: uuid.UUID) -> ChecklistDefinition:
        with self.db.session() as session:
            row = session.get(DefinitionRow, definition_id)
            if row is None:
                raise RowNotFound(f"no checklist definition with id {definition_id}")
            return definition_from_row(row)

    def definition_for(self, caller_type: str, language: str) -> ChecklistDefinition | None:
        """The active one for this caller type, else the general one, else None."""
        wanted = [caller_type] if caller_type == CallerType.GENERAL else [caller_type, CallerType.GENERAL.value]
        with self.db.session() as session:
            for kind in wanted:
                row = session.scalar(
                    select(DefinitionRow)
                    .where(DefinitionRow.language == language, DefinitionRow.caller_type == kind,
                           DefinitionRow.active.is_(True))
                    .order_by(DefinitionRow.key, DefinitionRow.revision.desc()).limit(1)
                )
                if row is not None:
                    return definition_from_row(row)
        return None

    # -- runs ---------------------------------------------------------------------------------

    def save_run(self, run: ChecklistRun, *, interaction_id: uuid.UUID | None = None,
                 agent_id: uuid.UUID | None = None) -> None:
        """Insert or update the run (save it as often as the operator ticks); link it to the call."""
        with self.db.transaction() as session:
            if session.get(DefinitionRow, run.definition.id) is None:
                raise RowNotFound(f"no checklist definition with id {run.definition.id}")
            if agent_id is not None and session.get(Agent, agent_id) is None:
                raise RowNotFound(f"no agent with id {agent_id}")
            row = session.get(RunRow, run.id, with_for_update=True)
            if row is None:
                row = RunRow(id=run.id, agent_id=agent_id)
                session.add(row)
            row.definition_id = run.definition.id
            row.agent_id = agent_id or row.agent_id
            row.caller_type = run.caller_type[:32]
            row.started_at = run.started_at
            row.finished_at = run.finished_at
            row.steps = ticks_to_json(run)
            row.cues = cues_to_json(run)
            session.flush()
            if interaction_id is not None:
                self._link(session, interaction_id, run.id)
            record_change(session, "checklist_run", run.id, self.origin)

    def _link(self, session: Session, interaction_id: uuid.UUID, run_id: uuid.UUID) -> None:
        interaction = session.get(Interaction, interaction_id, with_for_update=True)
        if interaction is None:
            raise RowNotFound(f"no interaction with id {interaction_id}")
        if interaction.checklist_run_id != run_id:
            interaction.checklist_run_id = run_id
            record_change(session, "interaction", interaction.id, self.origin)

    def _restore(self, session: Session, row: RunRow) -> ChecklistRun:
        definition = definition_from_row(session.get(DefinitionRow, row.definition_id))
        return restore_run(row.id, definition, row.caller_type, row.started_at, row.finished_at,
                           row.steps, row.cues)

    def get_run(self, run_id: uuid.UUID) -> ChecklistRun:
        with self.db.session() as session:
            row = session.get(RunRow, run_id)
            if row is None:
                raise RowNotFound(f"no checklist run with id {run_id}")
            return self._restore(session, row)

    def run_for_interaction(self, interaction_id: uuid.UUID) -> ChecklistRun | None:
        with self.db.session() as session:
            row = session.scalar(select(RunRow).join(Interaction, Interaction.checklist_run_id == RunRow.id)
                                 .where(Interaction.id == interaction_id))
            return self._restore(session, row) if row is not None else None
