"""The screen-pop on both backends: caller-ID forms, badges, history, several owners, bad input."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from conftest import NOW, add_call

from desktop_agent.crm.connector import ConnectorRegistry, StoreConnector
from desktop_agent.crm.screen_pop import ScreenPopService, StoreHistory

IVANOV_FORMS = [
    "+7 912 345-67-89",
    "89123456789",
    "8 (912) 345 67 89",
    "sip:+79123456789@host",
    "<sip:89123456789@10.0.0.1:5060;user=phone>",
    "tel:+7-912-345-67-89",
    "79123456789",
    "+7 495 123-45-67",  # his landline
]


@pytest.fixture
def service(db):
    return ScreenPopService.over_store(db, clock=lambda: NOW)


def test_every_caller_id_form_finds_the_same_customer(db, crm_data, service):
    for raw in IVANOV_FORMS:
        pop = service.lookup(raw)
        assert pop.customer is not None, raw
        assert pop.customer.id == crm_data.ivanov, raw
        assert pop.caller_kind == "number"
        assert pop.caller_id_raw == raw
        assert pop.partial is False


def test_badges_open_tickets_and_last_interactions(db, crm_data, service):
    pop = service.lookup("+7 912 345-67-89")
    assert pop.caller_number == "+79123456789"
    assert pop.customer.full_name == "Иванов Иван Иванович"
    assert {p.e164 for p in pop.customer.phones} == {"+79123456789", "+74951234567"}
    assert pop.customer.phones[0].e164 == "+79123456789"  # the number that rang comes first
    assert pop.badges.vip is True
    assert pop.badges.repeat_caller is True
    assert pop.badges.contacts_last_7_days == 3
    assert [t.number for t in pop.open_tickets] == ["T-2", "T-1"]  # newest first, closed left out
    offered = [i.offered_at for i in pop.last_interactions]
    assert offered == sorted(offered, reverse=True)
    assert [i.disposition for i in pop.last_interactions] == ["resolved", "callback", None, "resolved"]
    assert [round((NOW - at) / timedelta(days=1)) for at in offered] == [1, 3, 6, 20]
    assert pop.unknown_caller is False


def test_one_contact_is_not_a_repeat_caller(db, crm_data, service):
    pop = service.lookup("89990001122")
    assert pop.customer.id == crm_data.petrova
    assert pop.badges == pop.badges.__class__(vip=False, repeat_caller=False, contacts_last_7_days=0)
    assert pop.open_tickets == ()
    assert [i.disposition for i in pop.last_interactions] == ["resolved"]
    add_call(db, at=NOW - timedelta(hours=2), customer_id=crm_data.petrova, number="+79990001122")
    assert service.lookup("89990001122").badges.contacts_last_7_days == 1
    add_call(db, at=NOW - timedelta(hours=1), customer_id=crm_data.petrova, number="+79990001122")
    again = service.lookup("89990001122")
    assert (again.badges.repeat_caller, again.badges.contacts_last_7_days) == (True, 2)


def test_only_ten_last_interactions(db, crm_data, service):
    for minutes in range(15):
        add_call(db, at=NOW - timedelta(minutes=minutes + 1), customer_id=crm_data.petrova, number="+79990001122")
    pop = service.lookup("+79990001122")
    assert len(pop.last_interactions) == 10
    assert pop.last_interactions[0].offered_at == NOW - timedelta(minutes=1)
    assert pop.badges.contacts_last_7_days == 15


def test_shared_number_picks_the_most_recently_contacted(db, crm_data, service):
    pop = service.lookup("+7 495 765-43-21")
    assert pop.customer.id == crm_data.sidorov  # called yesterday; Sidorova a month ago
    assert [c.id for c in pop.alternatives] == [crm_data.sidorova]
    assert {p.e164 for p in pop.alternatives[0].phones} == {"+74957654321", "+79161112233"}
    assert pop.badges.contacts_last_7_days == 1  # Sidorov's own calls only
    add_call(db, at=NOW - timedelta(minutes=5), customer_id=crm_data.sidorova, number="+74957654321")
    assert service.lookup("84957654321").customer.id == crm_data.sidorova


def test_known_customer_never_called(db, crm_data, service):
    pop = service.lookup("+79160000000")
    assert pop.customer.id == crm_data.never_called
    assert pop.last_interactions == () and pop.badges.contacts_last_7_days == 0


def test_unknown_number_shows_the_calls_from_that_number(db, crm_data, service):
    for days in (1, 2):
        add_call(db, at=NOW - timedelta(days=days), number="+79035550000", disposition="callback")
    pop = service.lookup("8 903 555 00 00")
    assert pop.unknown_caller is True
    assert pop.customer is None and pop.alternatives == ()
    assert pop.caller_number == "+79035550000"
    assert (pop.badges.repeat_caller, pop.badges.contacts_last_7_days, pop.badges.vip) == (True, 2, False)
    assert [i.disposition for i in pop.last_interactions] == ["callback", "callback"]
    assert json.loads(json.dumps(pop.to_json()))["unknown_caller"] is True


BAD_CALLER_IDS = [
    ("anonymous", "anonymous"),
    ("sip:anonymous@anonymous.invalid", "anonymous"),
    ("", "anonymous"),
    (None, "anonymous"),
    ("garbage!!", "invalid"),
    ("Robert'); DROP TABLE customers;--", "invalid"),
    ("' OR 1=1 --", "invalid"),
    ("9" * 500, "invalid"),
    ("x" * 100_000, "invalid"),
    ("Иван Иванович ☎ 📞", "invalid"),
    ("\x00\x01\x1b[31m", "invalid"),
    ("\x00\x01", "anonymous"),
    ("12", "invalid"),
    ("+7 912 345-67-89 +7", "invalid"),
    ("sip:@host", "anonymous"),
    (12345.5, "invalid"),
    (b"\xff\xfe", "invalid"),
]


def test_bad_caller_ids_give_unknown_caller(db, crm_data, service):
    for raw, kind in BAD_CALLER_IDS:
        pop = service.lookup(raw)
        assert pop.unknown_caller is True, raw
        assert (pop.caller_kind, pop.caller_number) == (kind, None), raw
        assert pop.last_interactions == () and pop.open_tickets == () and pop.partial is False
        assert len(pop.caller_id_raw) <= 512
        json.dumps(pop.to_json(), ensure_ascii=False)
    with db.engine.connect() as conn:  # and the SQL text did nothing
        assert conn.exec_driver_sql("SELECT count(*) FROM customers").scalar_one() == 5


def test_a_failing_connector_is_logged_not_fatal(db, crm_data, caplog):
    class Broken:
        name = "broken-crm"

        def lookup_by_number(self, e164):
            raise ConnectionError("CRM at crm.example is down")

        def get_customer(self, customer_id):
            raise ConnectionError("down")

        def search(self, text, limit=20):
            raise ConnectionError("down")

        def create_provisional_contact(self, e164, caller_id_raw=""):
            raise NotImplementedError

    registry = ConnectorRegistry([Broken(), StoreConnector(db)])
    service = ScreenPopService(registry, StoreHistory(db), clock=lambda: NOW)
    pop = service.lookup("89123456789")
    assert pop.customer.id == crm_data.ivanov  # the next connector answered
    assert pop.partial is True
    assert "broken-crm" in caplog.text and "ConnectionError" in caplog.text
    found = registry.search("Иванов")
    assert [c.id for c in found.items] == [crm_data.ivanov] and found.failed == ("broken-crm",)
    created = registry.create_provisional_contact("+79035551234", "89035551234")
    assert created.items.provisional is True and created.failed == ()


def test_history_outage_still_shows_the_customer(db, crm_data):
    class DownHistory:
        def history(self, **kw):
            raise OSError("connection reset")

    service = ScreenPopService(ConnectorRegistry([StoreConnector(db)]), DownHistory(), clock=lambda: NOW)
    pop = service.lookup("89123456789")
    assert pop.customer.id == crm_data.ivanov and pop.badges.vip is True
    assert pop.partial is True and pop.last_interactions == ()


def test_provisional_contact_for_an_unknown_caller(db, crm_data, service):
    pop = service.lookup("+7 903 555-12-34")
    contact = service.create_provisional_contact(pop)
    assert contact.provisional is True
    assert [p.e164 for p in contact.phones] == ["+79035551234"]
    again = service.lookup("89035551234")
    assert again.customer.id == contact.id and again.customer.provisional is True


def test_a_database_outage_gives_a_partial_unknown_caller_not_an_exception():
    from desktop_agent.store.database import Database, make_engine, parse_url
    from desktop_agent.testing import free_port

    down = Database(make_engine(parse_url(f"postgresql+psycopg://app@127.0.0.1:{free_port()}/crm")))
    pop = ScreenPopService.over_store(down).lookup("+7 912 345-67-89")
    assert (pop.unknown_caller, pop.partial, pop.caller_number) == (True, True, "+79123456789")
    assert ScreenPopService.over_store(down).lookup("anonymous").partial is False  # no database needed
