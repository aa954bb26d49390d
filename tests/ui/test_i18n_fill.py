"""fill(): the one way values go into translated strings, with Qt's %1 %2 placeholders."""

from __future__ import annotations

from desktop_agent.ui.kit.i18n import fill


def test_values_go_in_by_number_in_any_order():
    assert fill("%1 of %2", 3, 7) == "3 of 7"
    assert fill("%2 из %1", 7, 3) == "3 из 7"   # a translation may reorder them
    assert fill("%1 s / %1 s", 20) == "20 s / 20 s"


def test_a_value_is_never_filled_in_again():
    assert fill("%1 → %2", "a%2", "b") == "a%2 → b"
    assert fill("%1", "%1") == "%1"


def test_two_digit_placeholders():
    values = [f"v{i}" for i in range(1, 12)]
    assert fill("%10|%1|%11", *values) == "v10|v1|v11"      # %10 is the tenth value, not %1 then "0"
    assert fill("%1 %10", "x") == "x %10"                    # no tenth value: the placeholder stays


def test_what_is_not_a_placeholder_stays():
    assert fill("goal %1 %", 80) == "goal 80 %"
    assert fill("% of answers 9-10 %0 %3", "x") == "% of answers 9-10 %0 %3"
    assert fill("no placeholders") == "no placeholders"
