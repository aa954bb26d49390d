"""Response templates: search as you type, categories, per-agent favourites on number keys 1-9.

The TemplateService of core.ports. A language has a few hundred templates, so search matches in
Python with str.casefold() (SQLite's lower() folds only ASCII, and so does PostgreSQL's in the C
locale, and operators type Cyrillic). The folded rows are cached per language; each keystroke
costs one aggregate query that tells whether any desktop changed a template since.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from sqlalchemy import delete, func, select

from desktop_agent.core.ports import TemplateDTO
from desktop_agent.store.database import Database
from desktop_agent.store.errors import InvalidOperation, RowNotFound
from desktop_agent.store.models import Agent, ResponseTemplate, TemplateFavourite
from desktop_agent.store.notify import record_change

FAVOURITE_SLOTS = range(1, 10)


def fold(text: str) -> str:
    """Case- and ё-insensitive form for matching ('Ёлка' finds 'елка')."""
    return text.casefold().replace("ё", "е")


def template_dto(row: ResponseTemplate) -> TemplateDTO:
    return TemplateDTO(id=row.id, key=row.key, language=row.language, category=row.category, title=row.title,
                       body=row.body, tags=tuple(row.tags.split()))


@dataclass(frozen=True, slots=True)
class _Folded:
    template: TemplateDTO
    title: str
    tags: str
    body: str


def _rank(f: _Folded, terms: list[str]) -> tuple[int, str] | None:
    """None when some term matches nowhere; otherwise lower is better: title hits first, then tags."""
    title, tags, body = f.title, f.tags, f.body
    score = 0
    for term in terms:
        if term in title:
            continue
        if term in tags:
            score += 1
        elif term in body:
            score += 2
        else:
            return None
    return score, title


class TemplateStore:
    """core.ports.TemplateService on a Database. `origin` is this desktop's id for change_log."""

    def __init__(self, db: Database, origin: str) -> None:
        self.db, self.origin = db, origin
        self._cache: dict[str, tuple[tuple, list[_Folded]]] = {}

    def _folded(self, language: str) -> list[_Folded]:
        """The language's active templates, folded for matching; reread only when one changed."""
        in_language = ResponseTemplate.language == language
        with self.db.session() as session:
            # updated_at moves on every save (any desktop), the count on a delete
            signature = tuple(session.execute(
                select(func.count(), func.max(ResponseTemplate.updated_at)).where(in_language)).one())
            cached = self._cache.get(language)
            if cached is not None and cached[0] == signature:
                return cached[1]
            rows = session.scalars(select(ResponseTemplate).where(in_language, ResponseTemplate.active.is_(True)))
            folded = [_Folded(t, fold(t.title), fold(" ".join(t.tags)), fold(t.body))
                      for t in map(template_dto, rows)]
        self._cache[language] = (signature, folded)
        return folded

    def search(self, language: str, query: str = "", *, category: str | None = None,
               limit: int = 50) -> Sequence[TemplateDTO]:
        """Every word of the query must occur in the title, tags or body, whatever the case."""
        terms = fold(query or "").split()
        ranked = []
        for f in self._folded(language):
            if category and f.template.category != category:
                continue
            rank = _rank(f, terms)
            if rank is not None:
                ranked.append((rank, f.template))
        ranked.sort(key=lambda pair: pair[0])
        return tuple(t for _, t in ranked[:limit])

    def categories(self, language: str) -> Sequence[str]:
        stmt = (select(ResponseTemplate.category).distinct()
                .where(ResponseTemplate.language == language, ResponseTemplate.active.is_(True))
                .order_by(ResponseTemplate.category))
        with self.db.session() as session:
            return tuple(session.scalars(stmt))

    def get(self, key: str, language: str) -> TemplateDTO | None:
        with self.db.session() as session:
            row = session.scalar(select(ResponseTemplate).where(ResponseTemplate.key == key,
                                                                ResponseTemplate.language == language))
            return template_dto(row) if row is not None else None

    def save(self, *, key: str, language: str, category: str, title: str, body: str,
             tags: Sequence[str] = (), active: bool = True) -> TemplateDTO:
        """Insert or replace the template with this key in this language (admin and defaults loader)."""
        key, title, category = (key or "").strip(), (title or "").strip(), (category or "").strip()
        if not key or not title or not category:
            raise InvalidOperation("a template needs a key, a title and a category")
        if len(key) > 64 or len(title) > 200 or len(category) > 64:
            raise InvalidOperation("template key or category over 64 characters, or title over 200")
        tag_text = " ".join(tag.strip() for tag in tags if tag.strip())
        if len(tag_text) > 500:
            raise InvalidOperation("the template's tags are over 500 characters together")
        with self.db.transaction() as session:
            row = session.scalar(select(ResponseTemplate).where(ResponseTemplate.key == key,
                                                                ResponseTemplate.language == language))
            if row is None:
                row = ResponseTemplate(id=uuid.uuid4(), key=key, language=language)
                session.add(row)
            row.category, row.title, row.body = category, title, (body or "").replace("\x00", "")
            row.tags, row.active = tag_text, active
            session.flush()
            record_change(session, "template", row.id, self.origin)
            return template_dto(row)

    def favourites(self, agent_id: uuid.UUID, language: str) -> Mapping[int, TemplateDTO]:
        """Slot -> template. A favourite whose template has no version in this language is left out."""
        stmt = (select(TemplateFavourite.slot, ResponseTemplate)
                .join(ResponseTemplate, ResponseTemplate.key == TemplateFavourite.template_key)
                .where(TemplateFavourite.agent_id == agent_id, ResponseTemplate.language == language,
                       ResponseTemplate.active.is_(True))
                .order_by(TemplateFavourite.slot))
        with self.db.session() as session:
            return {slot: template_dto(row) for slot, row in session.execute(stmt)}

    def set_favourite(self, agent_id: uuid.UUID, slot: int, template_key: str | None) -> None:
        if slot not in FAVOURITE_SLOTS:
            raise InvalidOperation(f"favourites go on number keys 1-9, not {slot!r}")
        with self.db.transaction() as session:
            if session.get(Agent, agent_id) is None:
                raise RowNotFound(f"no agent with id {agent_id}")
            if template_key is not None and session.scalar(
                select(ResponseTemplate.id).where(ResponseTemplate.key == template_key).limit(1)
            ) is None:
                raise RowNotFound(f"no template with key {template_key!r}")
            session.execute(delete(TemplateFavourite).where(TemplateFavourite.agent_id == agent_id,
                                                            TemplateFavourite.slot == slot))
            if template_key is not None:
                session.add(TemplateFavourite(agent_id=agent_id, slot=slot, template_key=template_key))
                session.flush()
            record_change(session, "favourites", agent_id, self.origin)
