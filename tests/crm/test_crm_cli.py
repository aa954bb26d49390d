"""`desktop-agent lookup` and `desktop-agent import customers`: JSON out, exit codes, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from cli_support import one_line as _one_line
from conftest import add_customer

from desktop_agent.store.database import Database, make_engine, parse_url
from desktop_agent.store.migrate import upgrade
from desktop_agent.testing import free_port


def test_lookup_prints_the_screen_pop(db, db_url, run):
    cid = add_customer(db, "Иванов Иван", "+79123456789", vip=True)
    code, out, err = run("--db", db_url, "lookup", "8 (912) 345 67 89")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["customer"]["id"] == str(cid)
    assert data["customer"]["full_name"] == "Иванов Иван"
    assert "Иванов" in out  # not \\u escapes
    assert data["badges"] == {"vip": True, "repeat_caller": False, "contacts_last_7_days": 0}
    assert data["unknown_caller"] is False and data["alternatives"] == []


@pytest.mark.parametrize("number, kind", [("+7 903 000-00-00", "number"), ("anonymous", "anonymous"),
                                          ("'; DROP TABLE customers; --", "invalid")])
def test_lookup_of_an_unknown_caller_is_an_answer(sqlite_url, run, number, kind):
    code, out, err = run("--db", sqlite_url, "lookup", number)
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert (data["unknown_caller"], data["caller_kind"], data["customer"]) == (True, kind, None)


@pytest.mark.parametrize("url, message", [
    ("nonsense", "not a database URL"),
    ("mysql://u@h/db", "unsupported database 'mysql'"),
    ("postgresql+psycopg://app:secret@127.0.0.1/x", "a password in the database URL is refused"),
])
def test_bad_db_url_is_one_line(run, url, message):
    code, out, err = run("--db", url, "lookup", "89123456789")
    assert code == 2 and out == ""
    assert message in _one_line(err)
    assert "secret" not in err


def test_unreachable_postgresql_is_one_line(run, tmp_path):
    url = f"postgresql+psycopg://app@127.0.0.1:{free_port()}/crm"
    for argv in (("lookup", "89123456789"), ("import", "customers", str(_csv(tmp_path)))):
        code, out, err = run("--db", url, *argv)
        assert code == 2 and out == ""
        line = _one_line(err)
        assert "cannot reach" in line and "Connection refused" in line


def _csv(tmp_path, text: str = "ФИО;Телефон\nИванов Иван;89123456789\nБез номера;\n", encoding="cp1251"):
    path = tmp_path / "customers.csv"
    path.write_bytes(text.encode(encoding))
    return path


def test_import_prints_a_summary_writes_the_report_and_exits_1_on_rejects(db, db_url, run, tmp_path):
    report = tmp_path / "rejected.csv"
    code, out, err = run("--db", db_url, "import", "customers", str(_csv(tmp_path)), "--report", str(report))
    assert (code, err) == (1, "")
    summary = json.loads(out)
    assert {k: summary[k] for k in ("encoding", "delimiter", "read", "imported", "duplicates", "rejected")} == \
        {"encoding": "cp1251", "delimiter": ";", "read": 2, "imported": 1, "duplicates": 0, "rejected": 1}
    assert summary["report"] == str(report)
    assert report.read_text(encoding="utf-8-sig").splitlines() == [
        "line,kind,reason,record", "3,rejected,no phone number,Без номера;"]
    code, out, _ = run("--db", db_url, "import", "customers", str(_csv(tmp_path, "name,phone\nX,89123456789\n")))
    assert code == 0 and json.loads(out)["duplicates"] == 1


def test_import_dry_run_and_options(db, db_url, run, tmp_path):
    path = _csv(tmp_path, "Client|Номер\nAnna|8 916 000 00 01\n", "utf-8")
    code, out, err = run("--db", db_url, "import", "customers", str(path), "--delimiter", ",",
                         "--map", "Client|Номер=ignore")
    assert code == 2 and "no phone column" in _one_line(err)
    path = _csv(tmp_path, "Client\tНомер\nAnna\t8 916 000 00 01\n", "utf-8")
    code, out, err = run("--db", db_url, "import", "customers", str(path), "--delimiter", "\\t",
                         "--map", "client=full_name", "Номер=phone", "--encoding", "utf-8", "--dry-run")
    assert (code, err) == (0, "")
    summary = json.loads(out)
    assert (summary["imported"], summary["dry_run"], summary["delimiter"]) == (1, True, "\\t")
    assert summary["columns"] == {"Client": "full_name", "Номер": "phone"}
    code, out, _ = run("--db", db_url, "lookup", "89160000001")
    assert json.loads(out)["unknown_caller"] is True  # the dry run wrote nothing


@pytest.mark.parametrize("setup, message", [
    (lambda tmp: tmp / "missing.csv", "no such file"),
    (lambda tmp: tmp, "not a file"),
    (lambda tmp: _csv(tmp, "a;b\n1;2\n"), "no phone column found among: a, b"),
    (lambda tmp: _csv(tmp, ""), "is empty"),
    (lambda tmp: _csv(tmp, "\ufeffname,phone\n", "utf-16"), "UTF-16 files are not supported"),
])
def test_import_file_problems_are_one_line(sqlite_url, run, tmp_path, setup, message):
    code, out, err = run("--db", sqlite_url, "import", "customers", str(setup(tmp_path)))
    assert code == 2 and out == ""
    assert message in _one_line(err)


def test_import_bad_map_and_unwritable_report(sqlite_url, run, tmp_path):
    path = _csv(tmp_path)
    code, _, err = run("--db", sqlite_url, "import", "customers", str(path), "--map", "ФИО=nickname")
    assert code == 2 and "unknown field 'nickname'" in _one_line(err)
    code, _, err = run("--db", sqlite_url, "import", "customers", str(path), "--map", "Nope=phone")
    assert code == 2 and "--map names a column the file does not have: 'Nope'" in _one_line(err)
    code, _, err = run("--db", sqlite_url, "import", "customers", str(path), "--report",
                       str(tmp_path / "no-such-dir" / "r.csv"))
    assert code == 2 and "cannot write the report" in _one_line(err)


def test_failed_import_leaves_no_report_behind(run, tmp_path):
    report = tmp_path / "r.csv"
    code, _, err = run("--db", "mysql://x@y/z", "import", "customers", str(_csv(tmp_path)), "--report", str(report))
    assert code == 2 and "unsupported database" in _one_line(err)
    assert not report.exists()


def test_unreadable_file(sqlite_url, run, tmp_path):
    if os.geteuid() != 0:
        path = _csv(tmp_path)
        path.chmod(0)
    elif sys.platform == "linux":
        path = "/proc/self/mem"  # root reads any file by its mode bits, but this one refuses a read at 0
    else:
        pytest.skip("no unreadable file for root here")
    code, out, err = run("--db", sqlite_url, "import", "customers", str(path))
    assert code == 2 and out == ""
    assert "cannot read" in _one_line(err)


def test_the_real_command_writes_utf8_whatever_the_locale(sqlite_url):
    db = Database(make_engine(parse_url(sqlite_url)))
    upgrade(db.engine)
    add_customer(db, "Пётр Сидоров", "+74957654321")
    db.dispose()
    db_url = sqlite_url
    env = {**os.environ, "LANG": "C", "LC_ALL": "C", "PYTHONIOENCODING": "ascii"}
    proc = subprocess.run([sys.executable, "-m", "desktop_agent.cli", "--db", db_url, "lookup",
                           "sip:+74957654321@pbx"], capture_output=True, env=env, timeout=60)
    assert proc.returncode == 0, proc.stderr
    assert "Пётр Сидоров".encode() in proc.stdout
    assert json.loads(proc.stdout.decode("utf-8"))["customer"]["full_name"] == "Пётр Сидоров"
