"""Input rules shared by every app: plain text and Rupiah amounts."""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal, InvalidOperation

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# Bidirectional embeddings, overrides and isolates: they make text read in another order
# than it is stored ("Trojan Source").
BIDI_CONTROLS = frozenset(
    "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
)
ALLOWED_CONTROLS = frozenset("\n\r\t")


def validate_plain_text(value: str) -> None:
    """Refuse NUL, other control characters and bidi overrides; keep everything else."""
    for char in value:
        if char in BIDI_CONTROLS:
            raise ValidationError(
                _("Teks memuat karakter pengubah arah tulisan yang tidak diizinkan."),
                code="bidi",
            )
        if char not in ALLOWED_CONTROLS and unicodedata.category(char) in ("Cc", "Cs"):
            raise ValidationError(
                _("Teks memuat karakter kendali yang tidak diizinkan (U+%(code)04X).")
                % {"code": ord(char)},
                code="control",
            )


class PlainTextField(forms.CharField):
    """A CharField that refuses control and bidi characters, with a length limit."""

    default_validators = [validate_plain_text]

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("strip", True)
        super().__init__(*args, **kwargs)


RUPIAH = re.compile(r"^(?:rp\.?)?\s*(\d{1,3}(?:\.\d{3})+|\d+)(?:,(00?|-))?\s*$", re.IGNORECASE)
MAX_RUPIAH = Decimal("1000000000")  # Rp 1 miliar per step: more is a typing error


def parse_rupiah(text: str) -> Decimal:
    """'Rp 5.000', '5000', '5.000,00' -> 5000. Anything ambiguous is refused, never guessed."""
    cleaned = text.strip().replace("\u00a0", " ")
    if cleaned.lower() in ("", "gratis", "0", "-"):
        return Decimal(0)
    match = RUPIAH.match(cleaned)
    if not match:
        raise ValidationError(
            _("Tulis jumlah dalam rupiah tanpa sen, misalnya 5000 atau Rp 5.000."),
            code="invalid_rupiah",
        )
    try:
        amount = Decimal(match.group(1).replace(".", ""))
    except InvalidOperation as error:  # pragma: no cover - the pattern admits digits only
        raise ValidationError(_("Jumlah rupiah tidak dikenali."), code="invalid_rupiah") from error
    if amount > MAX_RUPIAH:
        raise ValidationError(
            _("Jumlah lebih dari Rp 1.000.000.000; periksa kembali."), code="too_large"
        )
    return amount


class RupiahField(forms.CharField):
    """Money typed the Indonesian way; an empty field means Rp 0."""

    MAX_TYPED = 30

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("required", False)
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("maxlength", str(self.MAX_TYPED))
        self.widget.attrs.setdefault("inputmode", "numeric")

    def prepare_value(self, value):
        if isinstance(value, Decimal | int):
            return f"{int(value)}"
        return value

    def to_python(self, value):
        typed = super().to_python(value) or ""
        if len(typed) > self.MAX_TYPED:
            raise ValidationError(_("Jumlah terlalu panjang."), code="too_long")
        return parse_rupiah(typed)
