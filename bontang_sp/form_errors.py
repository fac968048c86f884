"""A service's refusal (a ValidationError) shown to the person who asked: beside the form's
fields it names, or as one flash message. Every view of every app uses these; the
services keep the rules and their words (docs/decisions/0017)."""

from __future__ import annotations

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.forms import BaseForm

__all__ = ["attach_errors", "beside_fields", "error_text", "flash_errors"]


def attach_errors(form: BaseForm, error: ValidationError) -> None:
    """Put each message of `error` beside the field of `form` it names; a message that
    names no field of the form (or no field at all) goes above the form."""
    if hasattr(error, "error_dict"):
        for field, errors in error.error_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error)


def beside_fields(form: BaseForm | None, error: ValidationError) -> bool:
    """Whether every message of `error` names a field of `form` (a wrong passphrase), so
    the form can show all of it; otherwise the page shows the messages as reasons."""
    return (
        form is not None
        and hasattr(error, "error_dict")
        and set(error.error_dict) <= set(form.fields)
    )


def error_text(error: ValidationError) -> str:
    """Every message of `error` in one line, in order (for a flash or a page's notice)."""
    return " ".join(str(message) for message in error.messages)


def flash_errors(request, error: ValidationError) -> None:
    """Each message of `error` as an error flash message on the next page (a refusal with
    several reasons reads as a list)."""
    for message in error.messages:
        messages.error(request, message)
