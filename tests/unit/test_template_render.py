import uuid
from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from desktop_agent.core.dto import CustomerDTO, PhoneDTO, TicketDTO
from desktop_agent.core.templates import (
    ALLOWED_VARIABLES,
    FILLED_ON_SAVE,
    fill_saved_ticket,
    filled_on_save,
    first_name,
    render,
    template_values,
    variables_in,
)

VALUES = {"customer.name": "Петров Иван Сергеевич", "customer.first_name": "Иван", "ticket.number": "2611-4F7K9Q",
          "agent.name": "Мария", "today": "25.11.2026"}


def test_known_variables_are_filled_with_any_spacing():
    out = render("Здравствуйте, {{customer.first_name}}! Заявка {{ ticket.number }} от {{today}}. {{agent.name}}",
                 VALUES)
    assert out.text == "Здравствуйте, Иван! Заявка 2611-4F7K9Q от 25.11.2026. Мария"
    assert out.complete and out.unknown == () and out.missing == ()


def test_unknown_variables_stay_visible_and_are_reported_once():
    out = render("{{customer.nmae}} {{ customer.nmae }} {{x}}", VALUES)
    assert out.text == "{{customer.nmae}} {{ customer.nmae }} {{x}}"
    assert out.unknown == ("customer.nmae", "x") and not out.complete


def test_known_variables_without_a_value_stay_visible_as_missing():
    out = render("Срок: {{ticket.due}}", VALUES)
    assert (out.text, out.missing, out.unknown) == ("Срок: {{ticket.due}}", ("ticket.due",), ())


@pytest.mark.parametrize("hostile", [
    "{{__class__.__mro__}}",
    "{{customer.__class__.__init__.__globals__}}",
    "{0.__globals__}",
    "{customer.name}",
    "{{ customer.name.__class__ }}",
    "{% import os %}{{ os.system('id') }}",
    "${customer.name} %(customer.name)s",
    "{{ ''.__class__.__mro__[1].__subclasses__() }}",
])
def test_hostile_templates_are_plain_text(hostile):
    out = render(hostile, VALUES)
    assert out.text == hostile  # nothing evaluated, nothing substituted
    assert set(out.unknown) == set(variables_in(hostile))  # every {{...}} in it is flagged as unknown


def test_values_are_never_expanded_again():
    values = {"customer.name": "{{agent.name}} {0.__globals__} \\1 \\g<0>", "agent.name": "Мария"}
    out = render("Имя: {{customer.name}}", values)
    assert out.text == "Имя: {{agent.name}} {0.__globals__} \\1 \\g<0>"
    assert out.unknown == ()


def test_unclosed_nested_and_odd_braces_do_not_crash():
    assert render("{{customer.name", VALUES).text == "{{customer.name"
    assert render("customer.name}}", VALUES).text == "customer.name}}"
    assert render("{{{customer.first_name}}}", VALUES).text == "{Иван}"
    assert render("{{{{today}}}}", VALUES).text == "{{25.11.2026}}"
    assert render("{{ }}", VALUES).unknown == ("",)
    assert render("", VALUES).text == "" and render(None, VALUES).text == ""  # type: ignore[arg-type]
    assert render("{{today\n}}", VALUES).text == "{{today\n}}"


def test_huge_text_full_of_near_misses_renders():
    chunk = "{{customer.first_name}} {{" + "x" * 150 + " {{{{ }} {"
    text = chunk * 20_000  # about 3.5 MB of text full of near-misses
    out = render(text, VALUES)  # the bounded regex keeps this linear; pytest's timeout would catch a blow-up
    assert out.text.count("Иван") == 20_000
    assert len(out.text) == len(text) - 20_000 * (len("{{customer.first_name}}") - len("Иван"))


def test_first_name_understands_russian_name_order():
    assert first_name("Петров Иван Сергеевич") == "Иван"
    assert first_name("Иванова Мария Петровна") == "Мария"
    assert first_name("Мария Иванова") == "Мария"
    assert first_name("John Smith") == "John"
    assert first_name("  ") == "" and first_name(None) == ""


def test_values_from_customer_ticket_and_agent():
    customer = CustomerDTO(id=uuid.uuid4(), full_name="Сидорова Анна Павловна",
                           phones=(PhoneDTO("+79123456789"),))
    due = datetime(2026, 11, 26, 7, 30, tzinfo=UTC)
    ticket = TicketDTO(id=uuid.uuid4(), number="2611-4F7K9Q", customer_id=customer.id, subject="Нет связи",
                       description="", category="network", priority="normal", status="new", tier="L1",
                       assignee_id=None, created_at=due - timedelta(hours=24), updated_at=due, sla_due_at=due,
                       version=1)
    msk = timezone(timedelta(hours=3))
    values = template_values(customer=customer, ticket=ticket, agent_name="Мария Иванова", company_name="Связь+",
                             today=date(2026, 11, 25), language="ru", tz=msk)
    assert values == {
        "customer.name": "Сидорова Анна Павловна", "customer.first_name": "Анна", "customer.phone": "+79123456789",
        "ticket.number": "2611-4F7K9Q", "ticket.subject": "Нет связи", "ticket.due": "26.11.2026 10:30",
        "agent.name": "Мария Иванова", "agent.first_name": "Мария", "company.name": "Связь+",
        "today": "25.11.2026",
    }
    assert set(values) == set(ALLOWED_VARIABLES)
    en = template_values(ticket=ticket, today=date(2026, 11, 25), language="en", tz=UTC)
    assert (en["ticket.due"], en["today"]) == ("26 Nov 2026 07:30", "25 Nov 2026")
    assert "customer.name" not in template_values(customer=None)


def test_variables_in_lists_names_in_order_of_use():
    assert variables_in("{{today}} {{ customer.name }} {{today}} {{x}}") == ("today", "customer.name", "x")


# ---- the ticket's own values, filled in when it is saved ------------------------------------------

DUE = datetime(2026, 11, 27, 13, 30, tzinfo=UTC)


def test_a_saved_ticket_fills_only_its_own_number_and_due_time():
    text = ("Заявка № {{ticket.number}}, решим до {{ ticket.due }}. {{customer.name}}, {{x.y}} "
            "{{__import__('os').system('rm -rf /')}} {ticket.number} {{{{ticket.number}}}}")
    out = fill_saved_ticket(text, number="2611-4F7K9Q", due_at=DUE, language="ru", tz=UTC)
    assert out == ("Заявка № 2611-4F7K9Q, решим до 27.11.2026 13:30. {{customer.name}}, {{x.y}} "
                   "{{__import__('os').system('rm -rf /')}} {ticket.number} {{2611-4F7K9Q}}")  # as render() reads it
    english = fill_saved_ticket("Due {{ticket.due}}", number="N", due_at=DUE, language="en", tz=UTC)
    assert english == "Due 27 Nov 2026 13:30"


def test_a_filled_value_is_never_read_again_and_no_due_time_leaves_it_as_written():
    # a number that looks like a variable (it never does, but nothing is expanded twice)
    out = fill_saved_ticket("{{ticket.number}} / {{ticket.due}}", number="{{ticket.due}}", due_at=None,
                            language="ru")
    assert out == "{{ticket.due}} / {{ticket.due}}"
    assert fill_saved_ticket("", number="N", due_at=DUE, language="ru") == ""


def test_the_subject_is_filled_as_typed_and_never_read_as_a_template():
    out = fill_saved_ticket("Тема: {{ticket.subject}} ({{ticket.number}})", number="N", due_at=None,
                            subject="Счёт за {{ticket.due}} <b>x</b>", language="ru")
    assert out == "Тема: Счёт за {{ticket.due}} <b>x</b> (N)"  # the operator's text, kept exactly
    assert fill_saved_ticket("{{ticket.subject}}", number="N", due_at=None, language="ru") == "{{ticket.subject}}"


def test_which_variables_a_save_fills():
    assert FILLED_ON_SAVE == ("ticket.number", "ticket.due", "ticket.subject")
    names = variables_in("{{ticket.due}} {{customer.name}} {{ticket.subject}} {{ticket.number}}")
    assert filled_on_save(names) == ("ticket.due", "ticket.subject", "ticket.number")
    assert filled_on_save(variables_in("{{customer.name}}")) == ()
