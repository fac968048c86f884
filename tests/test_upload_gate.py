"""Every upload goes through the one gate, documents/uploads.py (issue 16 point 1).

Checked on the code itself, so that a new FileField or form file field written without the
gate fails here: stored files get a random private path and keep their original name and
SHA-256; form fields are the gate's ScanField, which judges each file by its content."""

from __future__ import annotations

import importlib
import inspect
import pkgutil

from django import forms
from django.apps import apps
from django.conf import settings
from django.db import models

from documents.uploads import JudgedFileField, ScanField

PROJECT_APPS = [name for name in settings.INSTALLED_APPS if "." not in name]

# Form file fields that store nothing: each named with why it needs no gate.
NOT_STORED = {
    # The verification page hashes the PDF a citizen brings and compares it with the
    # register; the bytes are never stored or served.
    "documents.forms.VerifyUploadForm.berkas",
}


def _project_models():
    for app in PROJECT_APPS:
        yield from apps.get_app_config(app).get_models()


def _file_fields():
    for model in _project_models():
        if model.__name__.startswith("Historical"):
            continue
        for field in model._meta.get_fields():
            if isinstance(field, models.FileField):
                yield model, field


def _project_forms():
    for app in PROJECT_APPS:
        package = importlib.import_module(app)
        for info in pkgutil.walk_packages(package.__path__, prefix=f"{app}."):
            if ".migrations" in info.name or ".management" in info.name:
                continue
            module = importlib.import_module(info.name)
            for _name, value in inspect.getmembers(module, inspect.isclass):
                if issubclass(value, forms.BaseForm) and value.__module__ == module.__name__:
                    yield value


def _has_field(model, *names: str) -> bool:
    fields = {field.name for field in model._meta.get_fields()}
    return any(name in fields for name in names)


def test_the_project_has_uploads_to_check():
    stored = [f"{model.__name__}.{field.name}" for model, field in _file_fields()]
    assert "DraftingTeam.decree_scan" in stored
    assert len(stored) >= 4


def test_every_uploaded_file_is_stored_under_a_random_private_name():
    for model, field in _file_fields():
        if not field.editable:
            continue  # rendered by the application itself (documents.Document.file)
        assert callable(field.upload_to), f"{model.__name__}.{field.name}: upload_to"
        first = field.upload_to(model(), "../../Surat Keputusan Rahasia.pdf")
        second = field.upload_to(model(), "../../Surat Keputusan Rahasia.pdf")
        label = f"{model.__name__}.{field.name}"
        assert first.startswith("private/"), label
        assert "Rahasia" not in first and ".." not in first, label
        assert first != second, label
        assert first.endswith(".pdf"), label


def test_every_uploaded_file_keeps_its_original_name_and_hash():
    for model, field in _file_fields():
        if not field.editable:
            continue
        label = f"{model.__name__}.{field.name}"
        assert _has_field(model, f"{field.name}_sha256", "sha256"), label
        assert _has_field(model, f"{field.name}_name", "original_name"), label
        assert _has_field(model, f"{field.name}_type", "content_type"), label


def _form_file_fields(form_classes):
    """(label, bypasses the gate) for each file field of the forms."""
    for form_class in form_classes:
        for name, field in form_class.base_fields.items():
            if isinstance(field, forms.FileField):
                label = f"{form_class.__module__}.{form_class.__name__}.{name}"
                gated = isinstance(field, ScanField | JudgedFileField)
                yield label, label not in NOT_STORED and not gated


def test_every_form_file_field_is_the_gate():
    fields = dict(_form_file_fields(_project_forms()))
    assert "standards.forms.DraftingTeamForm.decree_scan" in fields
    assert set(NOT_STORED) <= set(fields)
    assert [label for label, bypasses in fields.items() if bypasses] == []


def test_a_form_file_field_outside_the_gate_is_caught():
    """The check fails for the kind of field the drafting team's form once had."""

    class Bypass(forms.Form):
        scan = forms.FileField()

    class Gated(forms.Form):
        scan = ScanField()

    assert [bypasses for _label, bypasses in _form_file_fields([Bypass, Gated])] == [True, False]
