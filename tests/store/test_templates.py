import pytest

from desktop_agent.core.ports import NotFoundError, RuleViolation
from desktop_agent.store.reference import ReferenceStore
from desktop_agent.store.templates import TemplateStore


@pytest.fixture
def templates(db):
    store = TemplateStore(db, "desk-A")
    store.save(key="apology", language="ru", category="Конфликт", title="Извинение за ожидание",
               body="{{customer.first_name}}, приносим извинения за ожидание.", tags=["ожидание", "извинения"])
    store.save(key="apology", language="en", category="Conflict", title="Apology for the wait",
               body="{{customer.first_name}}, we apologise for the wait.", tags=["wait"])
    store.save(key="tariff", language="ru", category="Тарифы", title="Смена тарифа",
               body="Сменить тариф можно в личном кабинете. Ёмкость пакета — 10 ГБ.", tags=["тариф", "ЛК"])
    store.save(key="router", language="ru", category="Техника", title="Перезагрузка роутера",
               body="Отключите роутер на 30 секунд. ИЗВИНИТЕ за неудобства.", tags=["интернет"])
    store.save(key="retired", language="ru", category="Тарифы", title="Старый тариф", body="...", active=False)
    return store


def titles(found):
    return [t.title for t in found]


def test_search_is_case_insensitive_for_cyrillic_over_title_tags_and_body(templates):
    assert titles(templates.search("ru", "ТАРИФ")) == ["Смена тарифа"]  # inactive one is not offered
    assert titles(templates.search("ru", "извин")) == ["Извинение за ожидание", "Перезагрузка роутера"]
    assert titles(templates.search("ru", "лк")) == ["Смена тарифа"]  # a tag
    assert titles(templates.search("ru", "ЕМКОСТЬ")) == ["Смена тарифа"]  # ё and е are one letter here
    assert titles(templates.search("ru", "  роутер   секунд ")) == ["Перезагрузка роутера"]  # every word
    assert titles(templates.search("ru", "роутер тариф")) == []
    assert titles(templates.search("en", "WAIT")) == ["Apology for the wait"]
    assert titles(templates.search("en", "тариф")) == []  # one language at a time
    assert len(templates.search("ru")) == 3 and len(templates.search("ru", limit=2)) == 2
    assert titles(templates.search("ru", "%")) == [] and titles(templates.search("ru", "first_name")) == [
        "Извинение за ожидание"]  # literal text: no LIKE wildcards


def test_category_filter_and_category_list(templates):
    assert titles(templates.search("ru", "", category="Тарифы")) == ["Смена тарифа"]
    assert titles(templates.search("ru", "извин", category="Техника")) == ["Перезагрузка роутера"]
    assert templates.categories("ru") == ("Конфликт", "Тарифы", "Техника")
    assert templates.get("apology", "en").body.startswith("{{customer.first_name}}, we")
    assert templates.get("apology", "de") is None


def test_saving_replaces_by_key_and_language_and_validates(db, templates):
    assert titles(templates.search("ru", "новое")) == []  # fills the search cache
    other_desktop = TemplateStore(db, "desk-B")
    other_desktop.save(key="tariff", language="ru", category="Тарифы", title="Смена тарифа (новое)", body="b")
    assert titles(templates.search("ru", "новое")) == ["Смена тарифа (новое)"]
    assert len(templates.search("ru")) == 3
    other_desktop.save(key="router", language="ru", category="Техника", title="Роутер", body="", active=False)
    assert len(templates.search("ru")) == 2
    with pytest.raises(RuleViolation, match="needs a key, a title and a category"):
        templates.save(key="", language="ru", category="x", title="x", body="")


def test_favourites_on_number_keys_per_agent_and_language(db, templates):
    ref = ReferenceStore(db)
    maria, ivan = ref.get_or_create_agent("maria"), ref.get_or_create_agent("ivan")
    templates.set_favourite(maria.id, 1, "apology")
    templates.set_favourite(maria.id, 9, "tariff")
    templates.set_favourite(ivan.id, 1, "router")
    ru = templates.favourites(maria.id, "ru")
    assert {slot: t.key for slot, t in ru.items()} == {1: "apology", 9: "tariff"}
    assert {slot: t.title for slot, t in templates.favourites(maria.id, "en").items()} == {
        1: "Apology for the wait"}  # no English tariff template: that key is simply not offered
    templates.set_favourite(maria.id, 1, "router")  # a key holds one template
    templates.set_favourite(maria.id, 9, None)
    assert {slot: t.key for slot, t in templates.favourites(maria.id, "ru").items()} == {1: "router"}
    assert {slot: t.key for slot, t in templates.favourites(ivan.id, "ru").items()} == {1: "router"}
    for slot in (0, 10, -1):
        with pytest.raises(RuleViolation, match="number keys 1-9"):
            templates.set_favourite(maria.id, slot, "apology")
    with pytest.raises(NotFoundError, match="no template with key 'nope'"):
        templates.set_favourite(maria.id, 2, "nope")
    assert list(templates.favourites(maria.id, "ru")) == [1]
