"""CSV import on both backends: encodings, broken rows, duplicates, the report, all-or-nothing rows."""

from __future__ import annotations

import csv
import io

import pytest
from conftest import add_customer
from sqlalchemy import func, select

from desktop_agent.crm.csv_import import ImportOptions, import_customers, write_report
from desktop_agent.store import customers as store
from desktop_agent.store.models import Customer, CustomerPhone

MIXED = (
    "ФИО;Телефон;Доп. телефон;E-mail;VIP;Комментарий\n"
    "Иванов Иван;+7 912 345-67-89;;ivan@example.ru;да;Постоянный клиент\n"      # 2 ok
    "Петров Пётр;8 (912) 111-22-33, 8 912 333 44 55;;;нет;\n"                   # 3 ok, two numbers
    'Сидорова Мария;89161112233;+7 495 765-43-21;;;"Звонить после 18:00; не раньше"\n'  # 4 ok
    "Дубль Иванова;89123456789;;;;\n"                                           # 5 duplicate of 2
    "Без телефона;;;;;\n"                                                       # 6 no phone
    "Плохой номер;12-34;;;;\n"                                                  # 7 invalid number
    "Лишняя колонка;89160000001;;;;;extra\n"                                    # 8 column count
    '"Незакрытая кавычка;89160000002;;;;\n'                                     # 9 broken quoting
    "Анна Смирнова;89160000003;;anna@example;;\n"                               # 10 invalid email
    "\n"                                                                        # 11 blank: skipped
    "Кузнецов Олег;+7 916 000-00-04;;;VIP;\n"                                   # 12 ok, VIP
    "Ещё дубль;8 912 333-44-55; 8 916 000 00 05;;;\n"                           # 13 duplicate of 3
)
EXPECTED_PROBLEMS = [
    (5, "duplicate", "number +79123456789 is already on line 2"),
    (6, "rejected", "no phone number"),
    (7, "rejected", "invalid phone number '12-34' in column 'Телефон'"),
    (8, "rejected", "expected 6 columns, found 7"),
    (9, "rejected", "broken CSV: unexpected end of data"),
    (10, "rejected", "invalid email 'anna@example'"),
    (13, "duplicate", "number +79123334455 is already on line 3"),
]


def _counts(db) -> tuple[int, int]:
    with db.engine.connect() as conn:
        return (conn.execute(select(func.count()).select_from(Customer)).scalar_one(),
                conn.execute(select(func.count()).select_from(CustomerPhone)).scalar_one())


def _customer(db, number: str):
    with db.engine.connect() as conn:
        found = store.find_by_e164(conn, number)
    assert len(found) == 1, number
    return found[0].customer


@pytest.mark.parametrize("encoding, written", [("utf-8", "utf-8"), ("utf-8", "utf-8-sig"), ("cp1251", "cp1251")])
def test_good_broken_and_duplicate_rows(db, tmp_path, encoding, written):
    path = tmp_path / "customers.csv"
    path.write_bytes(MIXED.encode(written))
    result = import_customers(db, path, ImportOptions(batch_rows=2))  # several batches
    assert (result.encoding, result.delimiter) == (encoding, ";")
    assert result.columns == {"ФИО": "full_name", "Телефон": "phone", "Доп. телефон": "phone",
                              "E-mail": "email", "VIP": "vip", "Комментарий": "notes"}
    assert (result.read, result.imported, result.duplicates, result.rejected) == (11, 4, 2, 5)
    assert [(p.line, p.kind, p.reason) for p in sorted(result.problems, key=lambda p: p.line)] == EXPECTED_PROBLEMS
    assert _counts(db) == (4, 6)
    ivan = _customer(db, "+79123456789")
    assert (ivan.full_name, ivan.email, ivan.vip, ivan.notes) == ("Иванов Иван", "ivan@example.ru", True,
                                                                  "Постоянный клиент")
    maria = _customer(db, "+74957654321")
    assert {p.e164 for p in maria.phones} == {"+79161112233", "+74957654321"}
    assert maria.notes == "Звонить после 18:00; не раньше"
    assert _customer(db, "+79123334455").full_name == "Петров Пётр"
    assert _customer(db, "+79160000004").vip is True


def test_the_blank_line_is_not_a_row_but_line_numbers_still_count_it(db, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text("name,phone\n\nA,89160000001\n\n\nB,bad\n", encoding="utf-8")
    result = import_customers(db, path)
    assert (result.read, result.imported, result.rejected) == (2, 1, 1)
    assert [p.line for p in result.problems] == [6]


def test_report_lists_line_kind_reason_and_the_record(db, tmp_path):
    path = tmp_path / "customers.csv"
    path.write_bytes(MIXED.encode("cp1251"))
    result = import_customers(db, path)
    out = io.StringIO()
    assert write_report(result, out) == 7
    rows = list(csv.reader(io.StringIO(out.getvalue())))
    assert rows[0] == ["line", "kind", "reason", "record"]
    assert rows[1] == ["5", "duplicate", "number +79123456789 is already on line 2", "Дубль Иванова;89123456789;;;;"]
    assert [r[0] for r in rows[1:]] == ["5", "6", "7", "8", "9", "10", "13"]


def test_duplicates_of_the_database_and_a_second_run_adds_nothing(db, tmp_path):
    add_customer(db, "Уже есть", "+79161112233")
    path = tmp_path / "c.csv"
    path.write_text("Name,Phone,Email\nMaria,89161112233,\nOleg,+7 916 000-00-04,oleg@example.com\n",
                    encoding="utf-8")
    first = import_customers(db, path)
    assert (first.read, first.imported, first.duplicates, first.rejected) == (2, 1, 1, 0)
    assert first.problems[0].reason == "number +79161112233 already belongs to a customer in the database"
    again = import_customers(db, path)
    assert (again.imported, again.duplicates) == (0, 2)
    assert _counts(db) == (2, 2)


def test_dry_run_writes_nothing(db, tmp_path):
    path = tmp_path / "c.csv"
    path.write_bytes(MIXED.encode("utf-8"))
    result = import_customers(db, path, ImportOptions(dry_run=True, batch_rows=3))
    assert (result.read, result.imported, result.duplicates, result.rejected, result.dry_run) == (11, 4, 2, 5, True)
    assert _counts(db) == (0, 0)


@pytest.fixture
def refuse_number(db):
    """A real database refusal our own checks cannot foresee: a trigger on the phone insert."""
    def install(e164: str) -> None:
        with db.engine.begin() as conn:
            if db.is_sqlite:
                conn.exec_driver_sql(f"""CREATE TRIGGER refuse BEFORE INSERT ON customer_phones
                    WHEN NEW.e164 = '{e164}' BEGIN SELECT RAISE(ABORT, 'number barred'); END""")
            else:
                conn.exec_driver_sql(f"""CREATE FUNCTION refuse() RETURNS trigger AS $$
                    BEGIN IF NEW.e164 = '{e164}' THEN RAISE EXCEPTION 'number barred'; END IF; RETURN NEW; END
                    $$ LANGUAGE plpgsql""")
                conn.exec_driver_sql("""CREATE TRIGGER refuse BEFORE INSERT ON customer_phones
                    FOR EACH ROW EXECUTE FUNCTION refuse()""")
    yield install
    with db.engine.begin() as conn:  # the PostgreSQL database is shared between tests
        if not db.is_sqlite:
            conn.exec_driver_sql("DROP TRIGGER IF EXISTS refuse ON customer_phones")
            conn.exec_driver_sql("DROP FUNCTION IF EXISTS refuse()")


def test_a_row_the_database_refuses_is_not_half_written_and_stops_nothing(db, tmp_path, refuse_number):
    refuse_number("+79160000003")
    path = tmp_path / "c.csv"
    rows = [f"Client {n},+7916000000{n}" for n in range(1, 6)]
    rows[2] = "Client 3,\"+79160000033, +79160000003\""  # its second phone is refused after the customer row
    path.write_text("name,phone\n" + "\n".join(rows) + "\n", encoding="utf-8")
    result = import_customers(db, path, ImportOptions(batch_rows=10))
    assert (result.read, result.imported, result.duplicates, result.rejected) == (5, 4, 0, 1)
    assert result.problems[0].line == 4
    assert "database refused" in result.problems[0].reason and "number barred" in result.problems[0].reason
    assert _counts(db) == (4, 4)  # Client 3's customer row was rolled back with its phones
    with db.engine.connect() as conn:
        assert store.find_by_e164(conn, "+79160000033") == []
        names = sorted(conn.execute(select(Customer.full_name)).scalars())
    assert names == ["Client 1", "Client 2", "Client 4", "Client 5"]


def test_name_parts_mapping_overrides_and_several_number_columns(db, tmp_path):
    path = tmp_path / "c.csv"
    path.write_text(
        "Фамилия\tИмя\tОтчество\tМоб. телефон\tРабочий телефон\tКод\tЯзык\tСегмент\n"
        "Иванов\tИван\tИванович\t8 912 345 67 89\t+7 495 123-45-67\t42\tрусский\tкорпоративный\n"
        "Smith\tJohn\t\t+44 20 7946 0958\t\tX\tEnglish\tsmb\n",
        encoding="utf-8")
    result = import_customers(db, path, ImportOptions(mapping=["Код=notes"]))
    assert result.delimiter == "\t"
    assert result.columns["Код"] == "notes" and result.columns["Фамилия"] == "last_name"
    assert (result.imported, result.rejected) == (2, 0), result.problems
    ivan = _customer(db, "+79123456789")
    assert ivan.full_name == "Иванов Иван Иванович"  # in the file's column order
    assert {(p.e164, p.label) for p in ivan.phones} == {("+79123456789", "mobile"), ("+74951234567", "work")}
    assert (ivan.notes, ivan.language, ivan.segment) == ("42", "ru", "corporate")
    smith = _customer(db, "+442079460958")
    assert (smith.full_name, smith.language, smith.segment) == ("Smith John", "en", "small_business")


def test_broken_rows_never_crash(db, tmp_path):
    huge = "x" * (10 * 1024 * 1024)
    lines = [
        b"name,phone,notes\n",
        b"Good One,89160000001,\n",                          # 2
        b"Nul\x00Byte,89160000002,\n",                       # 3
        ("Huge,89160000003," + huge + "\n").encode(),       # 4
        b'"Bad"quote,89160000004,\n',                        # 5
        "Кириллица,89160000005,\n".encode("cp1251"),        # 6 not UTF-8
        b"Short,89160000006\n",                              # 7
        b"Anon,anonymous,\n",                                # 8
        b"Good Two,89160000007,\"multi\nline note\"\n",      # 9-10
        b",89160000008,\n",                                  # 11 no name
        b"Fine Four,89160000009,\n",                         # 12
        b"Good Three,+7 (916) 000-00-10,\n",                 # 13
    ]
    path = tmp_path / "broken.csv"
    path.write_bytes(b"".join(lines))
    result = import_customers(db, path, ImportOptions(encoding="utf-8"))
    reasons = {p.line: p.reason for p in result.problems}
    assert reasons == {
        3: "NUL byte in the row",
        4: "broken CSV: field larger than field limit (131072)",
        5: "broken CSV: ',' expected after '\"'",
        6: "line 6 is not valid utf-8",
        7: "expected 3 columns, found 2",
        8: "invalid phone number 'anonymous' in column 'phone'",
        11: "no name",
    }
    assert (result.read, result.imported, result.rejected) == (11, 4, 7)
    assert _customer(db, "+79160000007").notes == "multi\nline note"
    assert all(len(p.raw) <= 201 for p in result.problems)


@pytest.mark.postgres
def test_a_database_lost_mid_import_is_one_line_and_a_rerun_completes(tmp_path):
    from sqlalchemy import event

    from desktop_agent.crm.csv_import import ImportInterrupted
    from desktop_agent.store.database import Database, make_engine, parse_url
    from desktop_agent.store.migrate import upgrade
    from desktop_agent.testing import start_pg_cluster

    cluster = start_pg_cluster(durable=True)  # its own: this test stops the server
    try:
        db = Database(make_engine(parse_url(cluster.createdb("lost")), connect_timeout=2))
        upgrade(db.engine)
        path = tmp_path / "c.csv"
        path.write_text("name,phone\n" + "".join(f"C{n},+7916100{n:04d}\n" for n in range(10)), encoding="utf-8")
        commits = []
        event.listen(db.engine, "commit", lambda conn: commits.append(1) or (len(commits) == 2 and cluster.crash()))
        with pytest.raises(ImportInterrupted) as err:
            import_customers(db, path, ImportOptions(batch_rows=3))
        assert "\n" not in str(err.value)
        # the server died in the second batch's commit (lines 5-7): only the first batch is sure
        assert "the database stopped answering at line 5" in str(err.value)
        assert "3 customers were surely imported before that" in str(err.value)
        db.dispose()
        cluster.restart()
        db = Database(make_engine(parse_url(cluster.url("lost"))))
        again = import_customers(db, path)
        # the throwaway cluster runs with synchronous_commit=off, so a crash may lose the first batch
        # too; either way the rerun ends with every customer exactly once
        assert again.imported + again.duplicates == 10 and again.imported >= 7 and again.rejected == 0
        assert _counts(db) == (10, 10)
        db.dispose()
    finally:
        cluster.stop()
