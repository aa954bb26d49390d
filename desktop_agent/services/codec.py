"""The outbox's payloads as JSON: the desk's write arguments (core DTOs, UUIDs, aware datetimes)
and back, without pickle. Only dataclasses of desktop_agent.core are rebuilt; a field an older
journal lacks takes its default, a field it has that the class no longer knows is dropped.
"""

from __future__ import annotations

import dataclasses
import importlib
import json
from datetime import datetime
from enum import Enum
from typing import Any
from uuid import UUID

ALLOWED_PREFIX = "desktop_agent.core."


class CodecError(ValueError):
    """A journal entry that cannot be read back (a damaged file, or a class that no longer exists)."""


def _enc(value: Any) -> Any:
    if value is None or isinstance(value, bool | int | float):
        return value
    if isinstance(value, Enum):
        return _enc(value.value)
    if isinstance(value, str):
        return value
    if isinstance(value, UUID):
        return {"$u": str(value)}
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise CodecError("naive datetimes are not stored: times are aware UTC")
        return {"$t": value.isoformat()}
    if isinstance(value, tuple):
        return {"$tuple": [_enc(v) for v in value]}
    if isinstance(value, list):
        return [_enc(v) for v in value]
    if isinstance(value, dict):
        if not all(isinstance(k, str) for k in value):
            raise CodecError("only string keys are stored")
        return {"$d": {k: _enc(v) for k, v in value.items()}}
    if isinstance(value, frozenset | set):
        return {"$set": [_enc(v) for v in value]}
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        cls = type(value)
        if not cls.__module__.startswith(ALLOWED_PREFIX):
            raise CodecError(f"{cls.__module__}.{cls.__qualname__} is not a core class")
        return {"$dc": f"{cls.__module__}:{cls.__qualname__}",
                "f": {f.name: _enc(getattr(value, f.name)) for f in dataclasses.fields(value)}}
    raise CodecError(f"cannot store a {type(value).__name__}")


def _dec(value: Any) -> Any:
    if isinstance(value, list):
        return [_dec(v) for v in value]
    if not isinstance(value, dict):
        return value
    if "$u" in value:
        return UUID(value["$u"])
    if "$t" in value:
        return datetime.fromisoformat(value["$t"])
    if "$tuple" in value:
        return tuple(_dec(v) for v in value["$tuple"])
    if "$set" in value:
        return frozenset(_dec(v) for v in value["$set"])
    if "$d" in value:
        return {k: _dec(v) for k, v in value["$d"].items()}
    if "$dc" in value:
        module, _, name = str(value["$dc"]).partition(":")
        if not module.startswith(ALLOWED_PREFIX):
            raise CodecError(f"{module} is not a core module")
        try:
            cls = getattr(importlib.import_module(module), name)
        except (ImportError, AttributeError) as exc:
            raise CodecError(f"no class {module}:{name} any more") from exc
        known = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: _dec(v) for k, v in value["f"].items() if k in known})
    raise CodecError("an unknown value in the journal")


def dumps(payload: dict[str, Any]) -> str:
    return json.dumps(_enc(payload), ensure_ascii=False, separators=(",", ":"))


def loads(text: str) -> dict[str, Any]:
    try:
        decoded = _dec(json.loads(text))
    except (json.JSONDecodeError, TypeError, KeyError) as exc:
        raise CodecError(f"a damaged journal entry: {exc}") from exc
    if not isinstance(decoded, dict):
        raise CodecError("a journal entry is not a mapping")
    return decoded
