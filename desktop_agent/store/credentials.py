"""Database passwords live in the OS keyring, never in a file, a log or the command line."""

from __future__ import annotations

import logging

import keyring
import keyring.errors
from sqlalchemy.engine import URL

from desktop_agent.store.errors import PasswordMissing

SERVICE = "desktop-agent/db"
log = logging.getLogger(__name__)


def account_for(url: URL) -> str:
    """The keyring account: user@host:port/database, so one user can have several databases."""
    return f"{url.username or ''}@{url.host or ''}:{url.port or ''}/{url.database or ''}"


def _reason(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0][:200]}" if lines else type(exc).__name__


# Keyring backends raise their own errors besides keyring's (the Secret Service's D-Bus errors when
# no keyring daemon can be started, for one): at this edge every failure becomes one clear line.
def store_password(url: URL, password: str) -> None:
    try:
        keyring.set_password(SERVICE, account_for(url), password)
    except Exception as exc:  # noqa: BLE001 - see above
        raise PasswordMissing(f"cannot store the password: no usable OS keyring ({_reason(exc)})") from exc


def load_password(url: URL) -> str | None:
    try:
        return keyring.get_password(SERVICE, account_for(url))
    except Exception as exc:  # noqa: BLE001 - no keyring: the connection then says the password is missing
        log.warning("cannot read the database password from the OS keyring: %s", _reason(exc))
        return None


def forget_password(url: URL) -> None:
    try:
        keyring.delete_password(SERVICE, account_for(url))
    except keyring.errors.PasswordDeleteError:
        pass  # nothing was stored: forgetting it is done
    except Exception as exc:  # noqa: BLE001 - see store_password
        raise PasswordMissing(f"cannot remove the password: no usable OS keyring ({_reason(exc)})") from exc
