"""The portal's Jinja2 environment (bontang_sp.jinja2, docs/decisions/0007)."""

from __future__ import annotations

import pytest
from django.template import engines
from django.utils import translation
from jinja2 import UndefinedError


def _env():
    return engines["jinja2"].env


def test_constant_texts_are_translated_once_into_the_site_language():
    """Django's own catalog has "Yes" in Indonesian. The constant is translated into
    settings.LANGUAGE_CODE when compiled, so the language active at render time does not
    matter (the site has one, settings.LANGUAGES)."""
    template = _env().from_string('{{ _("Yes") }}')
    assert template.render() == "Ya"
    with translation.override("en"):
        assert template.render() == "Ya"


def test_translations_and_values_are_escaped():
    html = _env().from_string('{{ _("a <b>") }} {{ _("x %(v)s", v="<i>") }}').render()
    assert html == "a &lt;b&gt; x &lt;i&gt;"


def test_a_misspelt_name_fails_instead_of_rendering_blank():
    with pytest.raises(UndefinedError):
        _env().from_string("{{ agnecy.name }}").render(agency={"name": "Disdukcapil"})


def test_texts_with_values_are_translated_once_and_the_values_escaped():
    """`_("text", name=value)`: the text translated when compiled (Django's catalog has
    this one in Indonesian), each value filled in escaped, at any active language."""
    text = "Ensure this value is greater than or equal to %(limit_value)s."
    template = _env().from_string('{{ _("' + text + '", limit_value=v) }}')
    expected = "Pastikan nilai ini lebih besar dari atau sama dengan &lt;b&gt;."
    assert template.render(v="<b>") == expected
    with translation.override("en"):
        assert template.render(v="<b>") == expected
    assert _env().from_string('{{ _("a %(x)s" ~ "b", x=1) }}').render() == "a 1b"
