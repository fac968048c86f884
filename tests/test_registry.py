"""One plug-in mechanism (bontang_sp.registry, docs/decisions/0017): every point where an
app above plugs into an app below is a `Registry`, filled from the upper app's
AppConfig.ready() and nowhere else."""

from __future__ import annotations

import ast

import pytest
from django.template import engines

from bontang_sp.registry import Registry
from tests.test_layering import LAYERS, ROOT

# Module-level functions that register something, each with why it is not a Registry.
OWN_REGISTRATIONS = {
    # A lookup by document kind (one builder per kind), its modules found lazily by name so
    # one broken module fails only its own documents (tests/documents/test_registry.py).
    ("documents/registry.py", "register_builder"),
    ("documents/registry.py", "register_renderer"),
    # The decree services' name for the Registry of "a decree came into force".
    ("standards/decrees/in_force.py", "on_decree_in_force"),
    # ... and of "what is in force for the public changed" (a revocation, a service off).
    ("standards/decrees/in_force.py", "on_in_force_changed"),
}

# How the plug-in points are called; calls outside an apps.py are refused.
REGISTERING_CALLS = {
    "homes.register",
    "worklist.register",
    "in_force.on_decree_in_force",
    "on_decree_in_force",
    "in_force.on_in_force_changed",
    "register_global",
    "register_part",
}


def plug_in_points() -> dict[str, object]:
    from agencies import homes, worklist
    from bontang_sp import jinja2
    from portal import publication
    from standards.decrees import in_force

    return {
        "home sections": homes._providers,
        "tasks": worklist._providers,
        "a decree came into force": in_force._listeners,
        "in force changed otherwise": in_force._changes,
        "Jinja2 globals": jinja2.template_globals,
        "publication parts": publication._parts,
    }


def test_a_function_is_registered_once_in_the_order_given():
    registry = Registry()

    def first():
        pass

    def second():
        pass

    assert registry.register(first) is first  # usable as a decorator
    registry.register(second)
    registry.register(first)  # a second ready() adds nothing
    assert list(registry) == [first, second]


@pytest.mark.parametrize("name", list(plug_in_points()))
def test_every_plug_in_point_is_a_registry_filled_at_start_up(name):
    point = plug_in_points()[name]
    assert isinstance(point, Registry)
    assert list(point), f"nothing registered for {name}"


def test_what_the_apps_above_register_is_there():
    from consultations.selectors import public_trace
    from monitoring.selectors import portal_survey
    from portal.publication import _parts, publish_decree
    from standards.decrees.in_force import _listeners

    assert publish_decree in _listeners
    assert public_trace in _parts
    assert engines["jinja2"].env.globals["portal_survey"] is portal_survey


def _modules():
    for app in LAYERS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path.relative_to(ROOT).as_posix(), ast.parse(path.read_text())


def _dotted(node: ast.expr) -> str:
    if isinstance(node, ast.Name):
        return node.id
    if isinstance(node, ast.Attribute):
        return f"{_dotted(node.value)}.{node.attr}"
    return ""


def test_no_app_keeps_a_registry_of_its_own():
    own = {
        (path, node.name)
        for path, tree in _modules()
        for node in tree.body
        if isinstance(node, ast.FunctionDef) and node.name.startswith(("register", "on_"))
    }
    assert own == OWN_REGISTRATIONS


def test_apps_register_only_from_their_app_config():
    outside = [
        f"{path}:{node.lineno}"
        for path, tree in _modules()
        if not path.endswith("/apps.py")
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and _dotted(node.func) in REGISTERING_CALLS
    ]
    assert outside == []
