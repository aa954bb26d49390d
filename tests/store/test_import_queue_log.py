"""`desktop-agent import queue-log` and `desktop-agent kpi`, end to end on both backends."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from desktop_agent.cli import main
from desktop_agent.store import queue_log
from desktop_agent.store.database import Database, make_engine, parse_url
from desktop_agent.store.models import QueueLog

ASTERISK = Path(__file__).parent.parent / "unit" / "fixtures" / "asterisk_real.queue_log"


def run_cli(capsys, *argv: str) -> tuple[int, dict | None, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, (json.loads(out) if out.strip() else None), err


def stored(db_url: str) -> list:
    db = Database(make_engine(parse_url(db_url)))
    try:
        with db.engine.connect() as conn:
            return list(conn.execute(select(QueueLog).order_by(QueueLog.id)))
    finally:
        db.dispose()


def test_imports_good_lines_and_reports_bad_ones(db, db_url, tmp_path, capsys):
    lines = [
        "\ufeff1366720336|1366720336.1|MYQUEUE|NONE|ENTERQUEUE||3471234567|1".encode(),      # 1: BOM
        "1366720337|1366720337.1|MYQUEUE|NONE|ENTERQUEUE||Иван Петров|1".encode(),           # 2: UTF-8
        b"1366720338|1366720338.1|MYQUEUE|NONE|ENTERQUEUE||Jos\xe9 Mu\xf1oz|1",                # 3: latin-1
        b"",                                                                                  # 4: blank
        b"this is not a queue_log line",                                                      # 5
        b"1366720340|x|MYQUEUE|SIP/8007",                                                     # 6: 4 fields
        b"soon|x|MYQUEUE|SIP/8007|CONNECT|1",                                                 # 7: bad time
        b"1366720341|x|MYQUEUE|SIP/8007|CON\x00NECT|1",                                      # 8: NUL
        b"1366720342|1366720336.1|MYQUEUE|SIP/8007|RINGNOANSWER|1000",                        # 9
        b"1366720343|1366720336.1|MYQUEUE|SIP/8008|CONNECT|7|1366720342.5|1",                  # 10
        b"1366720344|x|MYQUEUE|SIP/8008|" + b"X" * 40 + b"|1",                                # 11: long event
        b"1366720345|1366720345.1|MYQUEUE|NONE|ENTERQUEUE|" + b"u" * 150 + b"|+7916|1",       # 12: long url
    ]
    path = tmp_path / "queue_log"
    path.write_bytes(b"\r\n".join(lines) + b"\r\n")
    report = tmp_path / "skipped.tsv"
    code, summary, err = run_cli(capsys, "--db", db_url, "import", "queue-log", str(path), "--report", str(report),
                                 "--batch", "2")
    assert code == 1 and err == ""
    assert (summary["lines"], summary["imported"], summary["malformed"], summary["blank"]) == (12, 6, 5, 1)
    assert summary["latin1_lines"] == 1 and summary["truncated"] == 1
    assert [e["line"] for e in summary["errors"]] == [5, 6, 7, 8, 11]
    reasons = dict((e["line"], e["reason"]) for e in summary["errors"])
    assert "at least 5" in reasons[6] and "not a Unix epoch" in reasons[7]
    assert "NUL" in reasons[8] and "longer than 32" in reasons[11]
    assert summary["first_time"].startswith("2013-04-23T12:32:16") and summary["report"] == str(report)
    skipped = report.read_text(encoding="utf-8").splitlines()
    assert [s.split("\t")[0] for s in skipped] == ["5", "6", "7", "8", "11"]
    assert skipped[0].endswith("this is not a queue_log line")
    rows = stored(db_url)
    assert [r.event for r in rows] == ["ENTERQUEUE"] * 3 + ["RINGNOANSWER", "CONNECT", "ENTERQUEUE"]
    assert [r.data2 for r in rows[:3]] == ["3471234567", "Иван Петров", "José Muñoz"]
    assert rows[0].callid == "1366720336.1" and rows[4].data1 == "7" and rows[4].data3 == "1"
    assert len(rows[5].data1) == 100 and rows[5].data2 == "+7916"


def test_resume_from_a_line_and_clean_file_exit_code(db, db_url, tmp_path, capsys):
    path = tmp_path / "ok.log"
    path.write_text("\n".join(f"{1366720000 + i}|c{i}|Q|NONE|ENTERQUEUE||+7916|1" for i in range(10)) + "\n")
    code, summary, _ = run_cli(capsys, "--db", db_url, "import", "queue-log", str(path), "--from-line", "4")
    assert code == 0 and summary["imported"] == 7 and summary["malformed"] == 0
    assert [r.callid for r in stored(db_url)] == [f"c{i}" for i in range(3, 10)]


def test_a_large_file_is_streamed_in_batches(db, db_url, tmp_path, capsys):
    path = tmp_path / "big.log"
    with path.open("w") as fh:
        for i in range(6_000):
            fh.write(f"{1366720000 + i}|c{i}|Q{i % 3}|NONE|ENTERQUEUE||+7916{i:06d}|1\n")
            if i % 2500 == 17:
                fh.write("broken line\n")
    code, summary, _ = run_cli(capsys, "--db", db_url, "import", "queue-log", str(path), "--batch", "1000")
    assert code == 1 and summary["imported"] == 6_000 and summary["malformed"] == 3
    db = Database(make_engine(parse_url(db_url)))
    assert queue_log.last_id(db.engine) >= 6_000
    db.dispose()


def test_bad_arguments_are_one_line_errors(db, db_url, tmp_path, capsys):
    code, _, err = run_cli(capsys, "--db", db_url, "import", "queue-log", str(tmp_path / "missing.log"))
    assert code == 2 and err.strip() == f"desktop-agent: no such file: {tmp_path / 'missing.log'}"
    path = tmp_path / "x.log"
    path.write_text("1366720000|c|Q|NONE|ENTERQUEUE||+7916|1\n")
    code, _, err = run_cli(capsys, "--db", db_url, "import", "queue-log", str(path), "--report", str(path))
    assert code == 2 and "must not be the file being imported" in err and path.read_text().startswith("1366720000")


def test_kpi_command_reports_the_imported_day(db, db_url, capsys):
    code, summary, _ = run_cli(capsys, "--db", db_url, "import", "queue-log", str(ASTERISK))
    assert code == 0 and summary["imported"] == 20
    window = ("--from", "2013-04-23T12:00:00+00:00", "--to", "2013-04-23T13:00:00+00:00")
    code, report, _ = run_cli(capsys, "--db", db_url, "kpi", *window)
    assert code == 0
    total = report["queues"]["MYQUEUE"]["total"]
    assert (total["offered"], total["answered"], total["abandoned"], total["timed_out"]) == (2, 2, 1, 1)
    assert total["service_level"] == pytest.approx(50.0) and total["asa"] == 8 and total["aht"] == 45
    assert report["overall"]["total"]["offered"] == 2 and report["rows"] == 20
    assert report["formulas"]["service_level"]["code"] == "kpi.service_level.default"
    assert report["fcr"]["contacts"] == 0 and report["fcr"]["fcr"] is None
    states = {a["agent"]: a["state"] for a in report["agents_at_end"]}
    assert states["SIP/8008"] == "ready" and states["SIP/8007"] == "logged_out"

    code, report, _ = run_cli(capsys, "--db", db_url, "kpi", *window, "--queue", "MYQUEUE",
                              "--sl-variant", "asterisk_sl2", "--sl-target", "20", "--short-abandon", "5",
                              "--intervals")
    total = report["overall"]["total"]
    assert total["service_level"] == pytest.approx(60.0)
    assert report["formulas"]["service_level"]["code"] == "kpi.service_level.asterisk_sl2"
    intervals = report["queues"]["MYQUEUE"]["intervals"]
    assert [i["start"] for i in intervals] == ["2013-04-23T12:15:00+00:00", "2013-04-23T12:30:00+00:00",
                                               "2013-04-23T12:45:00+00:00"]
    assert sum(i["offered"] for i in intervals) == 2

    # a range before the data: zeros, not errors
    code, report, _ = run_cli(capsys, "--db", db_url, "kpi", "--from", "2013-04-22T00:00+00:00",
                              "--to", "2013-04-22T01:00+00:00")
    assert code == 0 and report["overall"]["total"]["offered"] == 0 and report["overall"]["total"]["service_level"] is None


@pytest.mark.parametrize("extra, message", [
    (("--from", "2013-04-23T13:00", "--to", "2013-04-23T12:00"), "--to must be after --from"),
    (("--from", "yesterday", "--to", "2013-04-23T12:00"), "not an ISO 8601 time"),
    (("--from", "2013-04-23T12:00", "--to", "2013-04-23T13:00", "--sl-target", "0"), "positive"),
    (("--from", "2013-04-23T12:00", "--to", "2013-04-23T13:00", "--tz", "Mars/Olympus"), "unknown time zone"),
])
def test_kpi_bad_input(sqlite_url, capsys, extra, message):
    code, _, err = run_cli(capsys, "--db", sqlite_url, "kpi", *extra)
    assert code == 2 and message in err and len(err.strip().splitlines()) == 1


def test_importing_the_same_file_twice_stores_each_event_once(db, db_url, capsys):
    code, first, _ = run_cli(capsys, "--db", db_url, "import", "queue-log", str(ASTERISK))
    assert code == 0 and (first["imported"], first["already_present"]) == (20, 0)
    code, again, _ = run_cli(capsys, "--db", db_url, "import", "queue-log", str(ASTERISK), "--batch", "7")
    assert code == 0 and (again["imported"], again["already_present"]) == (0, 20)
    assert again["first_time"] == first["first_time"] and again["last_time"] == first["last_time"]
    rows = stored(db_url)
    assert len(rows) == 20 and len({r.uid for r in rows}) == 20
    assert all(r.uid.startswith("f:") and len(r.uid) == 56 for r in rows)


def test_overlapping_files_store_their_union_once(db, db_url, tmp_path, capsys):
    lines = ASTERISK.read_text().splitlines()
    head, tail = tmp_path / "head.log", tmp_path / "tail.log"
    head.write_text("\n".join(lines[:14]) + "\n")
    # the same events written differently: CRLF, and no empty trailing field ('QUEUESTART|' vs 'UNPAUSE')
    tail.write_bytes(b"".join(line.rstrip("|").encode() + b"\r\n" for line in lines[7:]))
    code, a, _ = run_cli(capsys, "--db", db_url, "import", "queue-log", str(head))
    assert code == 0 and (a["imported"], a["already_present"]) == (14, 0)
    code, b, _ = run_cli(capsys, "--db", db_url, "import", "queue-log", str(tail), "--batch", "4")
    assert code == 0 and (b["imported"], b["already_present"]) == (6, 7)
    code, whole, _ = run_cli(capsys, "--db", db_url, "import", "queue-log", str(ASTERISK))
    assert code == 0 and (whole["imported"], whole["already_present"]) == (0, 20)
    rows = stored(db_url)
    assert [(r.callid, r.event) for r in rows] == [tuple(line.split("|")[1:5:3]) for line in lines]
    assert [r.id for r in rows] == sorted(r.id for r in rows)


def test_identical_lines_in_one_file_are_distinct_events(db, db_url, tmp_path, capsys):
    """Two lines Asterisk wrote alike in the same second are two events: both stored, once each; a
    resumed import (--from-line in the middle of them) numbers them as the first run did."""
    ring = "1366720340|1366720336.1|MYQUEUE|SIP/8007|RINGNOANSWER|0"
    lines = ["1366720336|1366720336.1|MYQUEUE|NONE|ENTERQUEUE||+7916|1", ring, ring, ring,
             "1366720345|1366720336.1|MYQUEUE|NONE|ABANDON|1|1|9"]
    path = tmp_path / "q.log"
    path.write_text("\n".join(lines) + "\n")
    stopped = tmp_path / "stopped.log"   # what a first run stored before the database went away
    stopped.write_text("\n".join(lines[:3]) + "\n")
    code, first, _ = run_cli(capsys, "--db", db_url, "import", "queue-log", str(stopped))
    assert code == 0 and first["imported"] == 3
    code, resumed, _ = run_cli(capsys, "--db", db_url, "import", "queue-log", str(path), "--from-line", "4")
    assert code == 0 and (resumed["imported"], resumed["already_present"]) == (2, 0)
    code, again, _ = run_cli(capsys, "--db", db_url, "import", "queue-log", str(path), "--batch", "2")
    assert code == 0 and (again["imported"], again["already_present"]) == (0, 5)
    rows = stored(db_url)
    assert [r.event for r in rows] == ["ENTERQUEUE", "RINGNOANSWER", "RINGNOANSWER", "RINGNOANSWER", "ABANDON"]
    assert len({r.uid for r in rows}) == 5
