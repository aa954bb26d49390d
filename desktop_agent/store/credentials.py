"""Database passwords live in the OS keyring, never in a file, a log or the command line."""

from __future__ import annotations

import keyring
import keyring.errors
from sqlalchemy.engine import URL

from desktop_agent.store.errors import PasswordMissing

SERVICE = "desktop-agent/db"


def account_for(url: URL) -> str:
    """The keyring account: user@host:port/database, so one user can have several databases."""
    return f"{url.username or ''}@{url.host or ''}:{url.port or ''}/{url.database or ''}"


def store_password(url: URL, password: str) -> None:
    try:
        keyring.set_password(SERVICE, account_for(url), password)
    except keyring.errors.KeyringError as exc:
        raise PasswordMissing(f"cannot store the password: no usable OS keyring ({exc})") from exc


def load_password(url: URL) -> str | None:
    try:
        return keyring.get_password(SERVICE, account_for(url))
    except keyring.errors.KeyringError:
        return None


def forget_password(url: URL) -> None:
    try:
        keyring.delete_password(SERVICE, account_for(url))
    except keyring.errors.PasswordDeleteError:
        pass
