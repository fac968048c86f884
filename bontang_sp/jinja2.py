"""The Jinja2 environment of the public portal's pages (docs/decisions/0007).

Autoescaping is always on and nothing here marks text safe: `_()`
with keyword arguments escapes the values it fills in (new-style gettext). Undefined
names raise, so a typo fails the portal's tests instead of leaving a blank on the page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import lru_cache

from django.conf import settings
from django.template.defaultfilters import capfirst, linebreaksbr
from django.templatetags.static import static
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import formats, translation
from jinja2 import Environment, StrictUndefined
from jinja2.ext import Extension
from jinja2.lexer import TOKEN_NAME, TOKEN_STRING, Token, TokenStream
from markupsafe import Markup

from .registry import Registry


@lru_cache(maxsize=4096)
def _reverse(name: str, args: tuple, urlconf: str | None, prefix: str) -> str:
    return reverse(name, args=args, urlconf=urlconf)


def url(name: str, *args) -> str:
    """`reverse(name, args=args)`, remembered: a portal page links a dozen fixed paths."""
    return _reverse(name, args, get_urlconf() or settings.ROOT_URLCONF, get_script_prefix())


def request_url() -> Callable[..., str]:
    """`url` with the current URLconf and script prefix read once, for one page: reading
    them (context-local values) for each of a page's dozen links cost more than the
    remembered lookups themselves. Give it to a render as `url`."""
    urlconf, prefix = get_urlconf() or settings.ROOT_URLCONF, get_script_prefix()

    def bound(name: str, *args) -> str:
        return _reverse(name, args, urlconf, prefix)

    return bound


@lru_cache(maxsize=256)
def _static(path: str) -> str:
    return static(path)


def static_url(path: str) -> str:
    """`static(path)`, remembered: the files' URLs do not change while the process runs
    (the manifest is read once), and every portal page names the same few."""
    return _static(path)


def date(value, format_string: str = "DATE_FORMAT") -> str:
    """A date in the words of the active language ("3 Maret 2026"), or "" for none."""
    return formats.date_format(value, format_string) if value else ""


class ConstantTranslations(Extension):
    """`_("text")` with a constant text and nothing to fill in becomes, when the template
    is compiled, the text translated into the site's one language (settings.LANGUAGES):
    a portal page names some seventy such texts, and looking each up at every render took
    half of the render's time (docs/decisions/0007). The result is escaped like any other
    string. `_("text %(name)s", name=value)` gets its text translated when compiled too and
    becomes `_filled("translated", name=value)`, which fills the values in escaped, as the
    new-style `_()` does (docs/decisions/0012); `ngettext()` stays a call."""

    def filter_stream(self, stream: TokenStream) -> Iterator[Token]:
        tokens = list(stream)
        i = 0
        while i < len(tokens):
            if _constant_gettext(tokens, i, "rparen") or _constant_gettext(tokens, i, "comma"):
                with translation.override(settings.LANGUAGE_CODE):
                    text = translation.gettext(tokens[i + 2].value)
                string = Token(tokens[i].lineno, TOKEN_STRING, text)
                if tokens[i + 3].test("rparen"):
                    yield string
                else:
                    yield from (Token(tokens[i].lineno, TOKEN_NAME, "_filled"), tokens[i + 1])
                    yield from (string, tokens[i + 3])
                i += 4
            else:
                yield tokens[i]
                i += 1


def _constant_gettext(tokens: list[Token], i: int, after: str) -> bool:
    """tokens[i:i+4] are `_`, `(`, a string and `after` (`)`, or `,` before values)."""
    expected = ("name:_", "lparen", "string", after)
    window = tokens[i : i + 4]
    return len(window) == 4 and all(t.test(e) for t, e in zip(window, expected, strict=True))


def _filled(text: str, **values) -> Markup:
    """An already translated text with `values` filled in, escaped: what the new-style
    `_(text, **values)` returns with autoescaping on (jinja2.ext), minus the lookup."""
    # `text` is a template's own constant (its translation), never a value: jinja2.ext
    # treats it as markup the same way; the values are escaped by Markup's `%`.
    return Markup(text) % values  # noqa: S704


# Functions apps above this one offer to every Jinja2 template under their own name
# (monitoring's `portal_survey`), registered from their AppConfig.ready(): the bottom layer
# imports no app (docs/decisions/0008, 0017).
template_globals = Registry()
register_global = template_globals.register


class PortalEnvironment(Environment):
    """`a.b` looks in a dict first: the service page reads its publication, plain JSON,
    some two hundred times a render, and Jinja2 otherwise tries (and fails) an attribute
    lookup on the dict before each key."""

    def getattr(self, obj, attribute):
        if type(obj) is dict and attribute in obj:
            return obj[attribute]
        return super().getattr(obj, attribute)


def environment(**options) -> Environment:
    options.pop("autoescape", None)
    options["undefined"] = StrictUndefined
    extensions = ["jinja2.ext.i18n"]
    if len(settings.LANGUAGES) == 1:  # one language: a constant's translation never varies
        extensions.append(ConstantTranslations)
    env = PortalEnvironment(autoescape=True, extensions=extensions, **options)
    env.install_gettext_callables(  # type: ignore[attr-defined]
        translation.gettext, translation.ngettext, newstyle=True
    )
    env.globals.update(url=url, static=static_url, SITE_URL=settings.SITE_URL, _filled=_filled)
    env.filters.update(
        date=date, capfirst=capfirst, linebreaksbr=linebreaksbr, localize=formats.localize
    )
    env.globals.update({function.__name__: function for function in template_globals})
    return env
