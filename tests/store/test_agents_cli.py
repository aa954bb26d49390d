"""`desktop-agent agents list|add|set`: JSON out, exit codes, one-line errors, nothing written on bad input."""

from __future__ import annotations

import json

import pytest
from cli_support import one_line as _one_line
from sqlalchemy import text

from desktop_agent import cli
from desktop_agent.store.reference import ReferenceStore


def _rows(db) -> list[tuple]:
    with db.engine.connect() as conn:
        agents = [tuple(r) for r in conn.execute(text(
            "SELECT login, display_name, role, language, active FROM agents ORDER BY login"))]
        changes = conn.execute(text("SELECT count(*) FROM change_log")).scalar_one()
    return [*agents, ("change_log", changes)]


def test_add_set_list_round_trip(db, db_url, run):
    code, out, err = run("--db", db_url, "agents", "add", "соколова.а", "--name", "Анна Соколова",
                         "--language", "en")
    assert (code, err) == (0, "")
    added = json.loads(out)
    assert "Анна" in out  # UTF-8, not \\u escapes
    assert {k: added[k] for k in ("login", "display_name", "role", "language", "active")} == \
        {"login": "соколова.а", "display_name": "Анна Соколова", "role": "operator", "language": "en",
         "active": True}
    assert added["created"].endswith("+00:00")

    code, out, err = run("--db", db_url, "agents", "set", "соколова.а", "--role", "lead")
    assert (code, err) == (0, "")
    changed = json.loads(out)
    assert (changed["role"], changed["changed"], changed["created"]) == ("lead", ["role"], added["created"])
    # what the operator window calls at its next start: it now gets the lead (and the Wallboard pane)
    assert ReferenceStore(db).get_or_create_agent("соколова.а").role == "lead"

    code, out, err = run("--db", db_url, "agents", "list", "--role", "lead")
    assert (code, err) == (0, "")
    assert json.loads(out) == [{**added, "role": "lead"}]


def test_list_shows_active_agents_unless_all(db, db_url, run):
    ref = ReferenceStore(db)
    ref.add_agent("b.gone", "Ушедший")
    ref.update_agent("b.gone", active=False)
    ref.add_agent("a.here", "Работающий", role="trainer")
    code, out, err = run("--db", db_url, "agents", "list")
    assert (code, err) == (0, "")
    assert [(a["login"], a["role"], a["active"]) for a in json.loads(out)] == [("a.here", "trainer", True)]
    code, out, _ = run("--db", db_url, "agents", "list", "--all")
    assert [(a["login"], a["active"]) for a in json.loads(out)] == [("a.here", True), ("b.gone", False)]


def test_set_active_inactive(db, db_url, run):
    ReferenceStore(db).add_agent("ivanova")
    code, out, _ = run("--db", db_url, "agents", "set", "ivanova", "--inactive")
    assert code == 0 and (json.loads(out)["active"], json.loads(out)["changed"]) == (False, ["active"])
    code, out, _ = run("--db", db_url, "agents", "set", "ivanova", "--active", "--name", "Ирина")
    assert code == 0 and json.loads(out)["changed"] == ["display_name", "active"]
    code, out, _ = run("--db", db_url, "agents", "set", "ivanova", "--active")
    assert code == 0 and json.loads(out)["changed"] == []


def test_embedded_database_file_is_migrated_on_first_use(sqlite_url, run):
    code, out, err = run("--db", sqlite_url, "agents", "list")
    assert (code, out, err) == (0, "[]\n", "")


@pytest.mark.parametrize("argv, message", [
    (("add", "ivanova"), "an agent with login 'ivanova' already exists: change it with "
                         "`desktop-agent agents set ivanova`"),
    (("add", "IVANOVA"), "an agent with login 'ivanova' already exists"),
    (("add", ""), "an agent login is 1-64 letters, digits and . _ @ -, not ''"),
    (("add", "x'; DROP TABLE agents; --"), "an agent login is 1-64 letters"),
    (("add", "petrova", "--role", "boss"), "unknown role 'boss': use one of operator, lead, trainer, admin"),
    (("add", "petrova", "--name", "x" * 10_000), "a display name is 1-200 characters, not 10000"),
    (("add", "petrova", "--language", "de"), "unknown language 'de': use one of ru, en"),
    (("set", "petrova", "--role", "lead"), "no agent with login 'petrova'"),
    (("set", "ivanova", "--role", "lead", "--name", "x" * 10_000), "a display name is 1-200 characters"),
    (("set", "ivanova", "--role", "lead", "--language", "de"), "unknown language 'de'"),
    (("set", "ivanova", "--role", "'; DELETE FROM agents; --"), "unknown role"),
    (("set", "ivanova"), "nothing to change: give --role, --name, --language, --active or --inactive"),
    (("set", "ivanova", "--active", "--inactive"), "give --active or --inactive, not both"),
    (("list", "--role", "boss"), "unknown role 'boss'"),
])
def test_bad_input_is_one_line_exit_2_and_nothing_changes(db, db_url, run, argv, message):
    ReferenceStore(db).add_agent("ivanova", "Ирина Иванова")
    before = _rows(db)
    code, out, err = run("--db", db_url, "agents", *argv)
    assert (code, out) == (2, "")
    assert message in _one_line(err)
    assert _rows(db) == before


def test_unknown_login_is_named_even_when_long(sqlite_url, run):
    code, out, err = run("--db", sqlite_url, "agents", "set", "nobody.here", "--role", "admin")
    assert (code, out) == (2, "")
    assert _one_line(err) == "desktop-agent: no agent with login 'nobody.here'"


def test_help_says_when_the_window_picks_the_role_up(capsys):
    for action in ("add", "set"):
        with pytest.raises(SystemExit) as done:
            cli.main(["agents", action, "--help"])
        assert done.value.code == 0
        help_text = " ".join(capsys.readouterr().out.split())
        assert "applies the change at its next start" in help_text
        assert "{operator,lead,trainer,admin}" in help_text
