"""The OS keyring edge: a working keyring keeps the password; a broken one (no Secret Service daemon,
D-Bus refusing) gives one clear line and never a traceback."""

from __future__ import annotations

import keyring
import keyring.backend
import pytest

from desktop_agent.cli import main
from desktop_agent.store import credentials
from desktop_agent.store.database import parse_url
from desktop_agent.store.errors import PasswordMissing

URL = "postgresql+psycopg://agent@db.example:5432/callcentre"


class DBusRefuses(keyring.backend.KeyringBackend):
    """What the Secret Service backend does when D-Bus cannot start a keyring: its own error type."""

    priority = 1

    def _fail(self, *_args):
        raise ConnectionError("org.freedesktop.DBus.Error.ServiceUnknown: no Secret Service\nmore lines")

    get_password = set_password = delete_password = _fail


@pytest.fixture
def broken_keyring():
    before = keyring.get_keyring()
    keyring.set_keyring(DBusRefuses())
    yield
    keyring.set_keyring(before)


def test_the_password_round_trip():
    url = parse_url(URL)
    credentials.store_password(url, "s3cret-пароль")
    assert credentials.load_password(url) == "s3cret-пароль"
    credentials.forget_password(url)
    assert credentials.load_password(url) is None
    credentials.forget_password(url)  # forgetting twice is fine


def test_a_broken_keyring_is_one_line(broken_keyring, capsys):
    url = parse_url(URL)
    with pytest.raises(PasswordMissing, match=r"^cannot store the password: no usable OS keyring "
                                              r"\(ConnectionError: org.freedesktop.DBus.Error.ServiceUnknown"):
        credentials.store_password(url, "x")
    assert credentials.load_password(url) is None
    assert main(["--db", URL, "db", "logout"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("desktop-agent: cannot remove the password: no usable OS keyring (ConnectionError")
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
