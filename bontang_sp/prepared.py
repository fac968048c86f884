"""A `.values()` read compiled to SQL once, for the portal's hot path (docs/decisions/0007).

Building and compiling a queryset that joins three tables costs Django several times what
the database takes to answer it, and the portal asks the same question on every page it
renders. `Prepared` builds the queryset once with a placeholder for each value that
changes, compiles it once per thread, and then runs that SQL with the request's values,
converting the rows with the compiler's own converters: a row is exactly the dict the
queryset would give. The queryset is still written with the ORM, so the rules it carries
(`ServiceStandard.objects.in_force()`) are the ones every other read uses.

On SQLite the code's own constants (a status, a kind) are written into the SQL as literals
and only the request's values stay parameters: SQLite prepares a statement again on every
run when a bound value decided whether a partial index applies (the one-in-force,
one-open-period and current-Maklumat unique indexes), which cost more than the query
(docs/decisions/0012). PostgreSQL keeps every value a parameter.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Callable
from dataclasses import dataclass

from django.db import connections
from django.db.models import QuerySet
from django.db.models.sql.compiler import SQLCompiler


@dataclass(frozen=True)
class _Compiled:
    compiler: SQLCompiler
    sql: str
    params: tuple
    slots: dict[str, tuple[int, ...]]  # parameter name -> positions in `params`
    names: tuple[str, ...]  # the keys of a row
    converters: tuple  # (position, (converters, expression)): the compiler's, found once


class Prepared:
    """`Prepared(lambda slug: Model.objects.filter(slug=slug).values("pk"), slug="\0s")`,
    then `.rows(slug="x")`. Each keyword names a value that changes and gives a stand-in
    of its type found nowhere else in the query; it must reach the SQL as a parameter."""

    def __init__(self, build: Callable[..., QuerySet], **placeholders) -> None:
        self._build = build
        self._placeholders = placeholders
        self._local = threading.local()  # a compiler belongs to its thread's connection

    def _compile(self) -> _Compiled:
        queryset = self._build(**self._placeholders)
        query = queryset.query
        compiler = query.get_compiler(using=queryset.db)
        sql, params = compiler.as_sql()
        if compiler.connection.vendor == "sqlite":
            sql, params = _constants_inlined(sql, params, set(self._placeholders.values()))
        slots = {
            name: tuple(i for i, p in enumerate(params) if p == placeholder)
            for name, placeholder in self._placeholders.items()
        }
        missing = [name for name, positions in slots.items() if not positions]
        if missing:
            raise ValueError(f"not a parameter of the query: {missing}")
        names = (*query.extra_select, *query.values_select, *query.annotation_select)
        fields = [column[0] for column in compiler.select[: compiler.col_count]]
        converters = tuple(compiler.get_converters(fields).items())
        return _Compiled(compiler, sql, tuple(params), slots, names, converters)

    def rows(self, **values) -> list[dict]:
        compiled = getattr(self._local, "compiled", None)
        if compiled is None:
            compiled = self._local.compiled = self._compile()
        params = list(compiled.params)
        for name, positions in compiled.slots.items():
            for i in positions:
                params[i] = values[name]
        with connections[compiled.compiler.using].cursor() as cursor:
            cursor.execute(compiled.sql, params)
            fetched = cursor.fetchall()
        # What the compiler's results_iter does, with the converters it would look up again
        # on every call (a third of the read's time) found once.
        connection = compiled.compiler.connection
        rows = []
        for fetched_row in fetched:
            row = list(fetched_row)
            for position, (converters, expression) in compiled.converters:
                value = row[position]
                for convert in converters:
                    value = convert(value, expression, connection)
                row[position] = value
            rows.append(dict(zip(compiled.names, row, strict=True)))
        return rows


_PARAMETER = re.compile(r"%%|%s")


def _sqlite_literal(value) -> str | None:
    """`value` as an SQLite literal, or None to keep it a parameter."""
    if isinstance(value, bool):
        return "1" if value else "0"
    if isinstance(value, int):
        return str(int(value))
    if isinstance(value, str) and "\0" not in value:
        text = str.__str__(value)  # a TextChoices member as its plain value
        return "'" + text.replace("'", "''").replace("%", "%%") + "'"
    return None


def _constants_inlined(sql: str, params, placeholders: set) -> tuple[str, tuple]:
    """`sql` with every parameter that is not a request value's stand-in written as a
    literal (strings, integers, booleans; anything else stays a parameter)."""
    values = iter(params)
    kept = []

    def replace(match: re.Match) -> str:
        if match.group() == "%%":
            return "%%"
        value = next(values)
        literal = None if value in placeholders else _sqlite_literal(value)
        if literal is None:
            kept.append(value)
            return "%s"
        return literal

    inlined = _PARAMETER.sub(replace, sql)
    return inlined, tuple(kept)
