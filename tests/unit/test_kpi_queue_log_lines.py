"""Real Asterisk queue_log lines (the text file Asterisk 1.8-18 writes) through the parser and the engine."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from desktop_agent.core.queue_log import QueueLogParseError, parse_line

FIXTURE = Path(__file__).parent / "fixtures" / "asterisk_real.queue_log"


def test_parses_every_line_asterisk_writes():
    lines = FIXTURE.read_text(encoding="utf-8").splitlines()
    recs = [parse_line(line) for line in lines]
    assert len(recs) == len(lines) == 20
    rna = next(r for r in recs if r.event == "RINGNOANSWER")
    assert rna.time == datetime.fromtimestamp(1366720340, UTC)
    assert (rna.callid, rna.queuename, rna.agent, rna.data) == ("1366720336.303267", "MYQUEUE", "SIP/8007", ("1000",))
    enter = recs[3]
    assert enter.event == "ENTERQUEUE" and enter.data == ("", "3471234567", "1")   # url, callerid, position
    connect = recs[5]
    assert (connect.d_int(1), connect.d(2), connect.d_int(3)) == (6, "1366720341.303268", 2)
    key = next(r for r in recs if r.event == "EXITWITHKEY")
    assert (key.d(1), key.d_int(4)) == ("5", 7)                                  # key, ..., waittime
    att = [r for r in recs if r.event == "TRANSFER"][0]
    assert (att.d(1), att.d(2), att.d_int(4)) == ("200", "from-internal", 30)    # extension, context, calltime
    assert recs[0].event == "QUEUESTART" and recs[0].data == ("",)   # Asterisk writes "QUEUESTART|"
    # the text form round-trips, bar the empty trailing field Asterisk adds after a one-field event
    assert [r.to_line() for r in recs] == [line.rstrip("|") for line in lines]


def test_the_exact_line_from_the_issue():
    rec = parse_line("1366720340|1366720340.303267|MYQUEUE|SIP/8007|RINGNOANSWER|1000\r\n")
    assert (rec.event, rec.d_int(1), rec.agent) == ("RINGNOANSWER", 1000, "SIP/8007")


@pytest.mark.parametrize("line, reason", [
    ("", "empty line"),
    ("1366720340|x|Q|A", "at least 5"),
    ("yesterday|x|Q|A|CONNECT|1", "not a Unix epoch"),
    ("1366720340|x|Q|A|connect|1", "not an event name"),
    ("99999999999999|x|Q|A|CONNECT|1", "out of range"),
])
def test_malformed_lines_name_the_reason(line, reason):
    with pytest.raises(QueueLogParseError, match=reason):
        parse_line(line)
