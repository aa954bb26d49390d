"""CSV reading and column mapping without a database: headers, delimiters, encodings, values."""

from __future__ import annotations

import io

import pytest

from desktop_agent.crm.csv_mapping import build_mapping, guess_field, parse_map_options, parse_row
from desktop_agent.crm.csv_reading import CsvFormatError, detect_delimiter, detect_encoding, read_records


@pytest.mark.parametrize("header, field", [
    ("ФИО", "full_name"), ("Ф.И.О.", "full_name"), ("Клиент", "full_name"), ("Name", "full_name"),
    ("Full name", "full_name"), ("customer_name", "full_name"),
    ("Фамилия", "last_name"), ("Имя", "first_name"), ("Отчество", "middle_name"), ("First Name", "first_name"),
    ("Телефон", "phone"), ("Тел.", "phone"), ("Моб. телефон", "phone"), ("Рабочий телефон", "phone"),
    ("Телефон 2", "phone"), ("phone1", "phone"), ("Mobile", "phone"), ("Home Phone", "phone"),
    ("E-mail", "email"), ("Эл. почта", "email"), ("EMAIL", "email"),
    ("Компания", "company"), ("Organisation", "company"), ("VIP", "vip"), ("ВИП", "vip"),
    ("Язык", "language"), ("Сегмент", "segment"), ("Комментарий", "notes"), ("Notes", "notes"),
    ("Код региона", None), ("Дата рождения", None), ("ИНН", None),
])
def test_guess_field(header, field):
    assert guess_field(header) == field


def test_detect_delimiter():
    assert detect_delimiter("ФИО;Телефон;Email\n") == ";"
    assert detect_delimiter("name,phone\n") == ","
    assert detect_delimiter("name\tphone\tnotes\n") == "\t"
    assert detect_delimiter('"Name; with semicolon",phone\n') == ","
    assert detect_delimiter("single\n") == ","


def test_detect_encoding(tmp_path):
    path = tmp_path / "f.csv"
    path.write_bytes("ФИО;Телефон\nИванов;1\n".encode("cp1251"))
    assert detect_encoding(path) == "cp1251"
    path.write_bytes("ФИО;Телефон\nИванов;1\n".encode("utf-8-sig"))
    assert detect_encoding(path) == "utf-8"
    # a UTF-8 file with one damaged line stays UTF-8 (the line is rejected, not the file garbled)
    path.write_bytes("ФИО;Телефон\nИванов;1\nПетров;2\n".encode() + "Сидоров;3\n".encode("cp1251"))
    assert detect_encoding(path) == "utf-8"
    path.write_bytes(b"name,phone\nA,1\n")
    assert detect_encoding(path) == "utf-8"
    path.write_bytes("name,phone\n".encode("utf-16"))
    with pytest.raises(CsvFormatError, match="UTF-16"):
        detect_encoding(path)


def test_records_with_crlf_quotes_and_a_stray_quote():
    data = b'name,phone\r\n"Smith, John","8 916 000 00 01"\r\n"stray,1\r\nok,2\r\n'
    delimiter, records = read_records(io.BytesIO(data), "utf-8", None)
    got = [(r.line, r.fields, r.error) for r in records]
    assert delimiter == ","
    assert got == [
        (1, ("name", "phone"), None),
        (2, ("Smith, John", "8 916 000 00 01"), None),
        (3, (), "broken CSV: unexpected end of data"),
        (4, ("ok", "2"), None),
    ]


def test_mapping_errors_and_overrides():
    with pytest.raises(CsvFormatError, match="'Email' and 'E-mail' both look like email"):
        build_mapping(["Name", "Phone", "Email", "E-mail"], {})
    mapping = build_mapping(["Name", "Phone", "Email", "E-mail"], parse_map_options(["e-mail=ignore"]))
    assert mapping.describe() == {"Name": "full_name", "Phone": "phone", "Email": "email", "E-mail": "ignore"}
    # a --map for a single-valued field wins over the guessed column
    mapping = build_mapping(["Name", "Contact person", "Phone"], parse_map_options(["Contact person=full_name"]))
    assert mapping.fields == (None, "full_name", "phone")
    with pytest.raises(CsvFormatError, match="needs CSVCOLUMN=field"):
        parse_map_options(["phone"])
    with pytest.raises(CsvFormatError, match="no name column"):
        build_mapping(["Phone", "Email"], {})


@pytest.mark.parametrize("row, expected", [
    (["Anna", "8 916 000 00 01; +7 916 000 00 02", "да"], ("Anna", ("+79160000001", "+79160000002"), True)),
    (["Anna", "8 916 000 00 01, 89160000001", "нет"], ("Anna", ("+79160000001",), False)),
    (["  Anna   Maria  ", "+1 (212) 555-0100", ""], ("Anna Maria", ("+12125550100",), False)),
    (["Anna", "8 916 000 00 01", "maybe"], "VIP must be yes/no (да/нет, 1/0), got 'maybe'"),
    (["Anna", "8 916 000 00 01 доб. 12", ""], "invalid phone number '8 916 000 00 01 доб. 12' in column 'Phone'"),
    (["Anna", " ; ", ""], "no phone number"),
    (["Anna", "8 916 000 00 01"], "expected 3 columns, found 2"),
    (["Anna", "8 916 000 00 01", "", "", ""], ("Anna", ("+79160000001",), False)),  # empty extra cells
])
def test_parse_row(row, expected):
    mapping = build_mapping(["Name", "Phone", "VIP"], {})
    got = parse_row(row, mapping)
    if isinstance(expected, str):
        assert got == expected
    else:
        assert (got.full_name, tuple(p.e164 for p in got.phones), got.vip) == expected
