"""Statuses change only through their tables (issue 16 point 2).

Checked on the code itself: outside `standards/decrees/workflow.py` (the decree's table) and
`bontang_sp/states.py` (the small tables' one `move()`), no module assigns `.status`,
passes `status=` to `.update()` or sets it with `setattr`. Each small table moves forward
only, but the render job's capped retry loop."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from django.conf import settings

from bontang_sp.states import Move, StateTable
from consultations.models import CONSULTATION_MOVES, CONSULTATION_ORDER
from documents.models import DOCUMENT_MOVES, DocumentStatus
from maklumat.models import MAKLUMAT_MOVES, MAKLUMAT_ORDER
from monitoring.models import FOLLOW_UP_MOVES, FOLLOW_UP_ORDER, PERIOD_MOVES, PERIOD_ORDER

ROOT = Path(settings.BASE_DIR)
PROJECT_APPS = ["bontang_sp", *(name for name in settings.INSTALLED_APPS if "." not in name)]
WRITERS = {"standards/decrees/workflow.py", "bontang_sp/states.py"}
# (module, function): a new row's first status, set on a copy before it is first saved.
FIRST_STATUS = {("standards/services.py", "standard_revise")}


def _status_writes(tree: ast.AST):
    """(line, function) of every place that assigns a status in `tree`."""

    class Finder(ast.NodeVisitor):
        def __init__(self):
            self.function, self.found = "", []

        def visit_FunctionDef(self, node):
            outer, self.function = self.function, node.name
            self.generic_visit(node)
            self.function = outer

        visit_AsyncFunctionDef = visit_FunctionDef

        def _targets(self, targets):
            for target in targets:
                if isinstance(target, ast.Attribute) and target.attr == "status":
                    self.found.append((target.lineno, self.function))

        def visit_Assign(self, node):
            self._targets(node.targets)
            self.generic_visit(node)

        def visit_AugAssign(self, node):
            self._targets([node.target])
            self.generic_visit(node)

        def visit_AnnAssign(self, node):
            self._targets([node.target])
            self.generic_visit(node)

        def visit_Call(self, node):
            func = node.func
            name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if name in ("update", "bulk_update") and any(
                keyword.arg == "status" for keyword in node.keywords
            ):
                self.found.append((node.lineno, self.function))
            if name == "bulk_update" and any(
                isinstance(arg, ast.Constant) and arg.value == "status"
                for value in node.args
                for arg in ast.walk(value)
            ):
                self.found.append((node.lineno, self.function))
            if (
                name == "setattr"
                and len(node.args) >= 2
                and isinstance(node.args[1], ast.Constant)
                and node.args[1].value == "status"
            ):
                self.found.append((node.lineno, self.function))
            self.generic_visit(node)

    finder = Finder()
    finder.visit(tree)
    return finder.found


def _modules():
    for app in PROJECT_APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            relative = path.relative_to(ROOT).as_posix()
            if "/migrations/" not in relative:
                yield relative, ast.parse(path.read_text(), filename=relative)


def test_no_code_outside_the_tables_assigns_a_status():
    offenders = [
        f"{module}:{line} ({function})"
        for module, tree in _modules()
        if module not in WRITERS
        for line, function in _status_writes(tree)
        if (module, function) not in FIRST_STATUS
    ]
    assert offenders == []


def test_the_decree_table_writes_and_each_exception_still_exists():
    writes = {module: _status_writes(tree) for module, tree in _modules() if module in WRITERS}
    assert writes["standards/decrees/workflow.py"]
    assert {
        (module, function)
        for module, tree in _modules()
        for _line, function in _status_writes(tree)
    } >= FIRST_STATUS


@pytest.mark.parametrize(
    "source",
    [
        "obj.status = 'done'",
        "Model.objects.filter(pk=1).update(status='x')",
        "setattr(row, 'status', 'x')",
        "Model.objects.bulk_update(rows, ['status'])",
        "def act(row):\n    row.status += 'x'",
    ],
    ids=["assign", "update", "setattr", "bulk-update", "augmented"],
)
def test_the_finder_sees_each_way_of_writing_a_status(source):
    assert _status_writes(ast.parse(source))


def test_the_finder_ignores_reading_and_filtering():
    source = "if row.status == 'x':\n    rows.filter(status='x').exclude(status='y')"
    assert _status_writes(ast.parse(source)) == []


@pytest.mark.parametrize(
    "table,order",
    [
        (CONSULTATION_MOVES, CONSULTATION_ORDER),
        (MAKLUMAT_MOVES, MAKLUMAT_ORDER),
        (FOLLOW_UP_MOVES, FOLLOW_UP_ORDER),
        (PERIOD_MOVES, PERIOD_ORDER),
    ],
    ids=["consultation", "maklumat", "follow-up", "survey-period"],
)
def test_small_tables_move_forward_only(table, order):
    assert table.is_forward_only(order)


def test_a_table_with_a_way_back_is_not_forward_only():
    back = StateTable(Move("go", ("a",), "b", "x"), Move("back", ("b",), "a", "x"))
    assert not back.is_forward_only(["a", "b"])


def test_the_render_job_loops_only_through_a_failed_attempt():
    order = [
        DocumentStatus.PENDING,
        DocumentStatus.RENDERING,
        DocumentStatus.FAILED,
        DocumentStatus.READY,
    ]
    forward = StateTable(*(move for move in DOCUMENT_MOVES if move.name in ("claim", "store")))
    assert forward.is_forward_only(order)
    assert DOCUMENT_MOVES.targets_from(DocumentStatus.READY) == []
