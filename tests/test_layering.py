"""The apps depend one way (docs/decisions/0008-portal-app.md): a module may import its own
app and the apps below it, never one above. Every module's imports are read with `ast`
(also those inside functions, which a lazy import would otherwise hide)."""

from __future__ import annotations

import ast
import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

# Bottom first. `bontang_sp` (settings, shared helpers) is layer 0; `demo` seeds every app.
LAYERS = (
    "bontang_sp",
    "agencies",
    "documents",
    "maklumat",
    "standards",
    "consultations",
    "monitoring",
    "portal",
    "demo",
)
LEVEL = {app: level for level, app in enumerate(LAYERS)}

# The few imports against the order, by module and the app it reaches up to, each with why.
ALLOWED_UPWARD = {
    # The root URLconf puts every app's URLs together: it sits above all of them.
    ("bontang_sp.urls", "agencies"),
    ("bontang_sp.urls", "portal"),
}


def _app_modules():
    for app in LAYERS:
        folder = ROOT / app
        if not folder.is_dir():
            continue  # `demo` may not exist yet on every branch
        for path in sorted(folder.rglob("*.py")):
            relative = path.relative_to(ROOT).with_suffix("")
            parts = relative.parts[:-1] if relative.name == "__init__" else relative.parts
            yield app, ".".join(parts), path


def imported_modules(path: Path, module: str) -> list[tuple[int, str]]:
    """(line, absolute module name) of every import in the file, relative ones resolved."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    package = module.split(".") if path.name == "__init__.py" else module.split(".")[:-1]
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - node.level + 1]
                name = ".".join([*base, node.module] if node.module else base)
            else:
                name = node.module or ""
            found.append((node.lineno, name))
    return found


def upward_imports() -> list[str]:
    wrong = []
    for app, module, path in _app_modules():
        for line, name in imported_modules(path, module):
            target = name.split(".")[0]
            if LEVEL.get(target, -1) <= LEVEL[app]:
                continue
            if (module, target) in ALLOWED_UPWARD:
                continue
            wrong.append(f"{path.relative_to(ROOT)}:{line} ({app}) imports {name}")
    return wrong


def test_no_app_imports_an_app_above_it():
    assert upward_imports() == []


def test_every_allowed_exception_is_still_needed():
    """An exception nobody uses any more is removed from the list, not left to hide one."""
    used = set()
    for _app, module, path in _app_modules():
        for _line, name in imported_modules(path, module):
            used.add((module, name.split(".")[0]))
    assert ALLOWED_UPWARD - used == set()


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("from portal.public import cached\n", True),
        ("def f():\n    from portal import public\n", True),  # a lazy import counts too
        ("import portal.search\n", True),
        ("from agencies.models import Agency\n", False),
        ("from .models import Decree\n", False),
    ],
)
def test_the_check_sees_upward_imports(tmp_path, source, expected):
    path = tmp_path / "module.py"
    path.write_text(source, encoding="utf-8")
    names = [name for _line, name in imported_modules(path, "standards.module")]
    upward = any(LEVEL.get(n.split(".")[0], -1) > LEVEL["standards"] for n in names)
    assert upward is expected


def test_relative_imports_resolve_to_their_package(tmp_path):
    package = tmp_path / "views"
    package.mkdir()
    path = package / "api.py"
    path.write_text("from .. import public\nfrom ..models import Publication\n")
    names = [name for _line, name in imported_modules(path, "portal.views.api")]
    assert names == ["portal", "portal.models"]


def test_the_import_linter_contract_has_the_same_order():
    """`lint-imports` (.ci/run) checks the layers of pyproject.toml: the same order as here,
    top first, with every app that exists."""
    with open(ROOT / "pyproject.toml", "rb") as file:
        config = tomllib.load(file)["tool"]["importlinter"]
    present = [app for app in LAYERS if (ROOT / app).is_dir()]
    (contract,) = config["contracts"]
    assert contract["type"] == "layers"
    assert contract["layers"] == present[::-1]
    assert sorted(config["root_packages"]) == sorted(present)
