"""store.customers: creation is all-or-nothing, reads return DTOs, merge suggestions need number AND name."""

from __future__ import annotations

import uuid

import pytest
from conftest import add_customer
from sqlalchemy import func, select

from desktop_agent.core.dto import CustomerDTO, PhoneDTO
from desktop_agent.store import customers as store
from desktop_agent.store.models import ChangeLog, Customer, CustomerPhone


def _counts(db) -> tuple[int, int]:
    with db.engine.connect() as conn:
        return (conn.execute(select(func.count()).select_from(Customer)).scalar_one(),
                conn.execute(select(func.count()).select_from(CustomerPhone)).scalar_one())


def test_create_customer_with_phones_in_one_transaction(db):
    new = store.NewCustomer(full_name="Ольга Кузнецова", phones=(PhoneDTO("+79161234567", "mobile"),
                                                                 PhoneDTO("+74991234567", "work")),
                            company="ООО «Ромашка»", email="olga@example.ru", vip=True, language="ru")
    created = store.create_customer(db, new, origin="desk-1")
    assert isinstance(created, CustomerDTO) and created.vip and not created.provisional
    with db.engine.connect() as conn:
        found = store.get_customer(conn, created.id)
        change = conn.execute(select(ChangeLog.entity, ChangeLog.entity_id, ChangeLog.origin)).one()
    assert found == CustomerDTO(id=created.id, full_name="Ольга Кузнецова",
                                phones=(PhoneDTO("+74991234567", "work"), PhoneDTO("+79161234567", "mobile")),
                                company="ООО «Ромашка»", email="olga@example.ru", segment="consumer", vip=True,
                                language="ru", notes="", provisional=False)
    assert tuple(change) == ("customer", str(created.id), "desk-1")
    assert _counts(db) == (1, 2)


@pytest.mark.parametrize("bad", [
    store.NewCustomer(full_name="", phones=(PhoneDTO("+79161234567"),)),
    store.NewCustomer(full_name="X" * 301),
    store.NewCustomer(full_name="Bad Phone", phones=(PhoneDTO("+79161234567"), PhoneDTO("89161234567"))),
    store.NewCustomer(full_name="Twice", phones=(PhoneDTO("+79161234567"), PhoneDTO("+79161234567"))),
    store.NewCustomer(full_name="Lang", language="de"),
    store.NewCustomer(full_name="NUL\x00"),
], ids=["no-name", "long-name", "not-e164", "same-number-twice", "language", "nul"])
def test_invalid_customer_writes_nothing(sqlite_url, bad):
    from desktop_agent.core.ports import RuleViolation
    from desktop_agent.store.database import Database, make_engine, parse_url
    from desktop_agent.store.migrate import upgrade

    db = Database(make_engine(parse_url(sqlite_url)))
    upgrade(db.engine)
    with pytest.raises(store.InvalidCustomer) as err:
        store.create_customer(db, bad)
    assert isinstance(err.value, RuleViolation) and "\n" not in str(err.value)
    assert _counts(db) == (0, 0)


def test_a_failing_phone_insert_leaves_no_customer_behind(db):
    cid = uuid.uuid4()
    new = store.NewCustomer(full_name="Half Written", phones=(PhoneDTO("+79161234567"),))
    with pytest.raises(Exception), db.engine.begin() as conn:  # noqa: B017 - any database error
        store.insert_customer(conn, new, customer_id=cid)
        store.insert_customer(conn, new, customer_id=cid)  # the same primary key: refused
    assert _counts(db) == (0, 0)


def test_find_by_number_and_existing_numbers(db):
    a = add_customer(db, "Анна Смирнова", "+79161112233", "+74950001122")
    b = add_customer(db, "Борис Смирнов", "+74950001122")
    with db.engine.connect() as conn:
        assert [m.customer.id for m in store.find_by_e164(conn, "+79161112233")] == [a]
        assert {m.customer.id for m in store.find_by_e164(conn, "+74950001122")} == {a, b}
        assert all(m.last_contact_at is None for m in store.find_by_e164(conn, "+74950001122"))
        assert store.find_by_e164(conn, "+70000000000") == []
        assert store.existing_numbers(conn, ["+74950001122", "+70000000000", "+74950001122"]) == {"+74950001122"}
        assert store.existing_numbers(conn, []) == set()
        many = [f"+7916{n:07d}" for n in range(1200)] + ["+79161112233"]
        assert store.existing_numbers(conn, many) == {"+79161112233"}


def test_merge_suggestions_need_a_shared_number_and_a_similar_name(db):
    me = add_customer(db, "Иванов Иван Петрович", "+79161112233", "+74950001122")
    same_person = add_customer(db, "иван иванов", "+79161112233")
    typo = add_customer(db, "Иванов Иван Пeтрович", "+74950001122")  # a Latin 'e'
    add_customer(db, "Иванова Мария", "+74950001122")  # his wife shares the home number
    add_customer(db, "Иванов Иван Петрович", "+79990000000")  # same name, different number
    with db.engine.connect() as conn:
        found = store.merge_suggestions(conn, me)
    assert [c.customer.id for c in found] == [typo, same_person]  # most similar first
    assert found[0].shared_numbers == ("+74950001122",) and 0.9 < found[0].name_similarity < 1.0
    assert found[1].shared_numbers == ("+79161112233",) and found[1].name_similarity == 0.9


def test_name_similarity():
    assert store.name_similarity("Иванов Иван", "Иван ИВАНОВ") == 1.0
    assert store.name_similarity("Пётр Сидоров", "Петр Сидоров") == 1.0
    assert store.name_similarity("Иванов Иван", "Иванов Иван Иванович") == 0.9
    assert store.name_similarity("Иванов Иван", "Петрова Мария") < 0.5
    assert store.name_similarity("", "Петрова Мария") == 0.0
