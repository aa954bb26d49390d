"""Store errors with one-line, user-facing reasons."""


class StoreError(Exception):
    """Base class: the message is one line a user can act on."""


class BadDatabaseUrl(StoreError):
    pass


class DatabaseUnreachable(StoreError):
    pass


class PasswordMissing(StoreError):
    pass


class StaleVersion(StoreError):
    """Someone saved a newer version of the row first."""

    def __init__(self, entity: str, key: str, expected: int, actual: int | None):
        self.entity, self.key, self.expected, self.actual = entity, key, expected, actual
        super().__init__(
            f"{entity} {key} was changed elsewhere (you edited version {expected}, "
            f"the database has version {actual}); reload it before saving"
        )


class NotFound(StoreError):
    pass


# The store's refusals as the core.ports classes too, so the UI (which never imports the store)
# can catch them by their core names.
from desktop_agent.core.ports import NotFoundError, RuleViolation, VersionConflict  # noqa: E402


class StaleEdit(StaleVersion, VersionConflict):
    pass


class InvalidOperation(StoreError, RuleViolation):
    pass


class RowNotFound(NotFound, NotFoundError):
    pass
