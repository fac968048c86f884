"""A `.values()` read compiled to SQL once, for the portal's hot path (docs/decisions/0007).

Building and compiling a queryset that joins three tables costs Django several times what
the database takes to answer it, and the portal asks the same question on every page it
renders. `Prepared` builds the queryset once with a placeholder for each value that
changes, compiles it once per thread, and then runs that SQL with the request's values,
converting the rows with the compiler's own converters: a row is exactly the dict the
queryset would give. The queryset is still written with the ORM, so the rules it carries
(`ServiceStandard.objects.in_force()`) are the ones every other read uses.
"""

from __future__ import annotations

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
