"""bontang_sp.form_errors: a service's refusal beside the fields it names, or flashed."""

from __future__ import annotations

from django import forms
from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.core.exceptions import ValidationError
from django.test import RequestFactory

from bontang_sp.form_errors import attach_errors, beside_fields, error_text, flash_errors


class NoteForm(forms.Form):
    title = forms.CharField()
    text = forms.CharField()


def bound_form() -> NoteForm:
    form = NoteForm({"title": "Judul", "text": "Isi"})
    assert form.is_valid()
    return form


def test_a_message_naming_a_field_goes_beside_it():
    form = bound_form()
    attach_errors(form, ValidationError({"title": "Judul sudah dipakai."}))
    assert form.errors == {"title": ["Judul sudah dipakai."]}
    assert "title" not in form.cleaned_data


def test_a_message_naming_no_field_of_the_form_goes_above_it():
    form = bound_form()
    error = ValidationError({"number": "Nomor sudah dipakai.", "text": ["Terlalu pendek."]})
    attach_errors(form, error)
    assert form.non_field_errors() == ["Nomor sudah dipakai."]
    assert form.errors["text"] == ["Terlalu pendek."]


def test_a_plain_refusal_goes_above_the_form():
    form = bound_form()
    attach_errors(form, ValidationError(["Belum lengkap.", "Belum dibahas."]))
    assert form.non_field_errors() == ["Belum lengkap.", "Belum dibahas."]


def test_beside_fields_only_when_every_message_names_a_field_of_the_form():
    form = bound_form()
    assert beside_fields(form, ValidationError({"title": "x", "text": "y"}))
    assert not beside_fields(form, ValidationError({"title": "x", "number": "y"}))
    assert not beside_fields(form, ValidationError("x"))
    assert not beside_fields(None, ValidationError({"title": "x"}))


def test_error_text_joins_every_message_in_order():
    assert error_text(ValidationError(["Satu.", "Dua."])) == "Satu. Dua."
    assert error_text(ValidationError({"a": "Satu.", "b": ["Dua."]})) == "Satu. Dua."
    assert error_text(ValidationError("Nomor %(n)s.", params={"n": 7})) == "Nomor 7."


def test_flash_errors_flashes_each_message():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    flash_errors(request, ValidationError(["Satu.", "Dua."]))
    assert [(m.level_tag, m.message) for m in get_messages(request)] == [
        ("error", "Satu."),
        ("error", "Dua."),
    ]
