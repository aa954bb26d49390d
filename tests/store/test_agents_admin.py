"""Agent administration in the store (ReferenceStore.list_agents/add_agent/update_agent), both backends."""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import text

from desktop_agent.core.ports import NotFoundError, RuleViolation
from desktop_agent.store.reference import ReferenceStore
from desktop_agent.ui.shell.settings import LOGIN_PATTERN


def snapshot(db) -> tuple[list[tuple], list[tuple]]:
    """Every agent row and every change_log row: what "nothing changed" is checked against."""
    with db.engine.connect() as conn:
        agents = [tuple(r) for r in conn.execute(text(
            "SELECT login, display_name, role, language, active FROM agents ORDER BY login"))]
        changes = [tuple(r) for r in conn.execute(text(
            "SELECT entity, entity_id, origin FROM change_log ORDER BY id"))]
    return agents, changes


def agent_changes(db) -> list[tuple[str, str]]:
    return [(entity_id, origin) for entity, entity_id, origin in snapshot(db)[1] if entity == "agent"]


@pytest.fixture
def admin(db) -> ReferenceStore:
    return ReferenceStore(db, "cli-agents")


def test_add_creates_an_active_agent_and_tells_other_desktops(db, admin):
    before = datetime.now(UTC)
    agent = admin.add_agent("op.ivanova", "Ирина Иванова", role="lead", language="en")
    assert (agent.login, agent.display_name, agent.role, agent.language, agent.active) == \
        ("op.ivanova", "Ирина Иванова", "lead", "en", True)
    assert agent.created_at is not None and agent.created_at.tzinfo is not None
    assert before - timedelta(seconds=5) <= agent.created_at <= datetime.now(UTC) + timedelta(seconds=5)
    assert admin.agent_by_login("op.ivanova") == agent  # the stored row reads back the same
    assert agent_changes(db) == [(str(agent.id), "cli-agents")]


def test_add_defaults_name_to_login_and_role_to_operator(admin):
    agent = admin.add_agent("petrov")
    assert (agent.display_name, agent.role, agent.language) == ("petrov", "operator", "ru")


def test_add_refuses_a_taken_login_in_any_letter_case(db, admin):
    admin.add_agent("Ivanova", "Первая")
    admin.add_agent("соколова", "Анна")
    state = snapshot(db)
    for login in ("Ivanova", "ivanova", " IVANOVA ", "СОКОЛОВА"):
        with pytest.raises(RuleViolation, match="already exists") as refused:
            admin.add_agent(login, "Вторая")
        assert "\n" not in str(refused.value)
    assert snapshot(db) == state


def test_cyrillic_login_is_allowed_and_stored_composed(admin):
    decomposed = unicodedata.normalize("NFD", "йоженька.ё")
    assert decomposed != "йоженька.ё"
    agent = admin.add_agent(decomposed, "Йоженька")
    assert agent.login == "йоженька.ё"
    assert admin.find_agent(decomposed).id == agent.id  # a lookup composes too


@pytest.mark.parametrize("login", [
    "", "   ", "a" * 65, "ivanov petrov", "x'; DROP TABLE agents; --", "Agent/1001", "a|b", "tab\there",
    "nul\x00", "robert');--",
])
def test_add_refuses_a_bad_login_and_writes_nothing(db, admin, login):
    state = snapshot(db)
    with pytest.raises(RuleViolation, match="an agent login is 1-64 letters, digits and . _ @ -") as refused:
        admin.add_agent(login, "Имя")
    assert "\n" not in str(refused.value)
    assert snapshot(db) == state


def test_store_login_rule_matches_the_settings_dialog():
    """The same rule as ui.settings.LOGIN_PATTERN for every non-empty login (the dialog allows empty:
    'use the OS user')."""
    from desktop_agent.store.reference import valid_login

    samples = ["ivanov", "Иванов", "i.ivanov@corp", "op_12-3", "王伟", "a" * 64, "a" * 65, "a b", "a/b",
               "a|b", "a;b", "a'b", "ø", "١٢٣", "a\nb", "x+y"]
    for login in samples:
        allowed_by_dialog = re.fullmatch(LOGIN_PATTERN, login) is not None
        try:
            valid_login(login)
            allowed_by_store = True
        except RuleViolation:
            allowed_by_store = False
        assert allowed_by_store == allowed_by_dialog, login


@pytest.mark.parametrize("name, message", [
    ("x" * 10_000, "a display name is 1-200 characters, not 10000"),
    ("x" * 201, "not 201"),
    ("   ", "not 0"),
    ("", "not 0"),
    ("Ив\x00анов", "control characters"),
])
def test_bad_display_name_is_refused_and_nothing_written(db, admin, name, message):
    admin.add_agent("ivanova", "Ирина")
    state = snapshot(db)
    with pytest.raises(RuleViolation, match=message):
        admin.add_agent("petrova", name)
    with pytest.raises(RuleViolation, match=message):
        admin.update_agent("ivanova", display_name=name, role="lead")  # the good role is not written either
    assert snapshot(db) == state


def test_display_name_is_one_line_and_sql_text_is_kept_verbatim(admin):
    name = "Robert'); DROP TABLE agents;-- \"x\" %s :name"
    assert admin.add_agent("bobby", name).display_name == name
    assert admin.update_agent("bobby", display_name="Иван\n\tИванов ").display_name == "Иван Иванов"
    assert admin.find_agent("bobby").display_name == "Иван Иванов"
    assert len(admin.update_agent("bobby", display_name="Я" * 200).display_name) == 200


@pytest.mark.parametrize("role", ["boss", "", "lead; DROP TABLE agents", "operators", "супервизор"])
def test_unknown_role_is_refused_everywhere(db, admin, role):
    admin.add_agent("ivanova")
    state = snapshot(db)
    for attempt in (lambda: admin.add_agent("petrova", role=role),
                    lambda: admin.update_agent("ivanova", role=role, language="en"),
                    lambda: admin.list_agents(role=role)):
        with pytest.raises(RuleViolation, match="unknown role .*: use one of operator, lead, trainer, admin"):
            attempt()
    assert snapshot(db) == state


@pytest.mark.parametrize("language", ["de", "", "RUS", "ru-RU"])
def test_unknown_language_is_refused(db, admin, language):
    admin.add_agent("ivanova")
    state = snapshot(db)
    with pytest.raises(RuleViolation, match="unknown language .*: use one of ru, en"):
        admin.update_agent("ivanova", language=language, role="admin")
    assert snapshot(db) == state


def test_role_and_language_are_case_insensitive(admin):
    agent = admin.add_agent("ivanova", role=" Lead ", language="EN")
    assert (agent.role, agent.language) == ("lead", "en")


def test_update_changes_only_what_is_given_and_logs_it(db, admin):
    created = admin.add_agent("ivanova", "Ирина Иванова", language="ru")
    updated = admin.update_agent("ivanova", role="trainer")
    assert (updated.role, updated.display_name, updated.language, updated.active) == \
        ("trainer", "Ирина Иванова", "ru", True)
    assert (updated.id, updated.created_at) == (created.id, created.created_at)
    updated = admin.update_agent("ivanova", display_name="И. Иванова", language="en", active=False)
    assert (updated.role, updated.display_name, updated.language, updated.active) == \
        ("trainer", "И. Иванова", "en", False)
    assert admin.find_agent("ivanova") == updated
    assert agent_changes(db) == [(str(created.id), "cli-agents")] * 3


def test_an_update_that_changes_nothing_writes_nothing(db, admin):
    admin.add_agent("ivanova", "Ирина", role="lead")
    state = snapshot(db)
    assert admin.update_agent("ivanova", role="lead", display_name="Ирина", active=True).role == "lead"
    assert snapshot(db) == state


def test_unknown_login_names_the_login_and_hints_at_letter_case(db, admin):
    admin.add_agent("Ivanova")
    state = snapshot(db)
    with pytest.raises(NotFoundError, match=r"^no agent with login 'petrova'$"):
        admin.update_agent("petrova", role="lead")
    with pytest.raises(NotFoundError, match=r"no agent with login 'ivanova' \(there is 'Ivanova'"):
        admin.update_agent("ivanova", role="lead")
    with pytest.raises(RuleViolation, match="an agent login is required"):
        admin.update_agent("  ", role="lead")
    assert snapshot(db) == state


def test_set_reaches_agents_the_window_created_from_os_user_names(admin):
    """The window creates its agent from the OS user name, which may hold a space (Windows)."""
    admin.get_or_create_agent("Ivan Petrov", "Ivan Petrov")
    assert admin.update_agent(" Ivan Petrov ", role="lead").role == "lead"


def test_list_filters_by_role_and_activity(admin):
    admin.add_agent("b.lead", role="lead")
    admin.add_agent("a.operator")
    admin.add_agent("c.lead.gone", role="lead")
    admin.update_agent("c.lead.gone", active=False)
    admin.add_agent("d.admin", role="admin")
    assert [a.login for a in admin.list_agents()] == ["a.operator", "b.lead", "d.admin"]
    assert [a.login for a in admin.list_agents(role="lead")] == ["b.lead"]
    assert [a.login for a in admin.list_agents(role="lead", include_inactive=True)] == ["b.lead", "c.lead.gone"]
    assert [a.login for a in admin.list_agents(include_inactive=True)] == \
        ["a.operator", "b.lead", "c.lead.gone", "d.admin"]
    assert admin.list_agents(role="trainer") == ()
