"""Input rules shared by every app (bontang_sp/validators.py)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from django import forms
from django.core.exceptions import ValidationError

from bontang_sp.validators import (
    BIDI_CONTROLS,
    MAX_RUPIAH,
    PlainTextField,
    RupiahField,
    parse_rupiah,
    validate_plain_text,
)

# --- parse_rupiah --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("Rp 5.000", 5000),
        ("Rp5.000", 5000),
        ("rp. 5.000,-", 5000),
        ("Rp 5.000,00", 5000),
        ("5.000,0", 5000),
        ("5000", 5000),
        ("500", 500),
        ("Rp 1.250.000", 1250000),
        ("\u00a0Rp\u00a05.000 ", 5000),
        ("Rp 1.000.000.000", 1000000000),
        ("５０００", 5000),  # fullwidth digits are read as the same number, never as 5
        ("", 0),
        ("  ", 0),
        ("0", 0),
        ("-", 0),
        ("Gratis", 0),
        ("gratis", 0),
    ],
)
def test_parse_rupiah_understands_indonesian_amounts(text, amount):
    assert parse_rupiah(text) == Decimal(amount)


@pytest.mark.parametrize(
    "text",
    [
        "5.5",  # a decimal point is not a thousands separator here: refused, never 5
        "5,5",
        "5.00",
        "5,000",  # an English thousands separator is ambiguous
        "5 000",
        "Rp 5.000,50",  # no sen
        "-5000",
        "Rp -5.000",
        "1e3",
        "Rp",
        "lima ribu",
        "5.0000",
    ],
)
def test_parse_rupiah_refuses_what_it_would_have_to_guess(text):
    with pytest.raises(ValidationError) as error:
        parse_rupiah(text)
    assert error.value.code == "invalid_rupiah"
    assert "Tulis jumlah dalam rupiah tanpa sen" in error.value.messages[0]


def test_parse_rupiah_refuses_more_than_one_billion():
    assert parse_rupiah("1.000.000.000") == MAX_RUPIAH
    with pytest.raises(ValidationError) as error:
        parse_rupiah("1.000.000.001")
    assert error.value.code == "too_large"
    assert "Rp 1.000.000.000" in error.value.messages[0]


# --- validate_plain_text ---------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Kartu Keluarga",
        "Baris satu\nbaris dua\r\n\tberinden",
        "Fotokopi KTP-el & KK <asli>",
        "Ñame — “kutip” 1½ ✓ 🙂",
        "كتابة عربية",  # right-to-left script itself is fine; only the controls are not
    ],
)
def test_plain_text_keeps_ordinary_text(text):
    validate_plain_text(text)


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f", "\x85", "\ud800"])
def test_plain_text_refuses_control_characters_naming_them(char):
    with pytest.raises(ValidationError) as error:
        validate_plain_text(f"a{char}b")
    assert error.value.code == "control"
    assert f"U+{ord(char):04X}" in error.value.messages[0]
    assert "karakter kendali" in error.value.messages[0]


@pytest.mark.parametrize("char", sorted(BIDI_CONTROLS))
def test_plain_text_refuses_bidi_controls(char):
    with pytest.raises(ValidationError) as error:
        validate_plain_text(f"abc{char}def")
    assert error.value.code == "bidi"
    assert "pengubah arah tulisan" in error.value.messages[0]


def test_plain_text_refuses_the_arabic_letter_mark():
    with pytest.raises(ValidationError):
        validate_plain_text("abc\u061cdef")


# --- form fields -------------------------------------------------------------------------


class MoneyForm(forms.Form):
    fee = RupiahField()
    name = PlainTextField(max_length=10)


class TextForm(forms.Form):
    name = PlainTextField(max_length=10)


def test_plain_text_field_strips_and_refuses_bidi_and_length_beside_the_field():
    form = TextForm(data={"name": "  ok  "})
    assert form.is_valid()
    assert form.cleaned_data["name"] == "ok"
    form = TextForm(data={"name": "abc\u202edef"})
    assert not form.is_valid()
    assert "pengubah arah" in form.errors["name"][0]
    form = TextForm(data={"name": "x" * 11})
    assert not form.is_valid()
    assert "10" in form.errors["name"][0]


def test_rupiah_field_refuses_a_decimal_beside_the_field_and_keeps_the_input():
    form = MoneyForm(data={"fee": "5.5", "name": "ok"})
    assert not form.is_valid()
    assert "Tulis jumlah dalam rupiah" in form.errors["fee"][0]
    assert form["fee"].value() == "5.5"
    assert form.cleaned_data["name"] == "ok"


def test_rupiah_field_shows_a_stored_amount_as_plain_digits():
    assert RupiahField().prepare_value(Decimal(5000)) == "5000"
    assert RupiahField().prepare_value("Rp 5.000") == "Rp 5.000"


@pytest.mark.parametrize(("text", "amount"), [("Rp 5.000", 5000), ("", 0)])
def test_rupiah_field_parses_what_the_user_typed(text, amount):
    form = MoneyForm(data={"fee": text, "name": "ok"})
    assert form.is_valid(), form.errors
    assert form.cleaned_data["fee"] == Decimal(amount)


def test_rupiah_field_refuses_overlong_input_beside_the_field():
    form = MoneyForm(data={"fee": "1" * 31, "name": "ok"})
    assert not form.is_valid()
    assert "terlalu panjang" in form.errors["fee"][0]
