"""The package layout holds: data flows one way between cogmap's subpackages.

``extract`` and ``model`` sit below ``corpus``, which sits below ``show``, with ``cli``
on top; ``records`` and ``errors`` are used by all. No module imports a package
above its own, and no private name (``_x``) is imported from another package.
"""
from __future__ import annotations

import ast
from pathlib import Path

import cogmap

ROOT = Path(cogmap.__file__).parent
#: What each package may import besides itself and the root modules.
ALLOWED = {
    "extract": set(),
    "model": set(),
    "corpus": {"extract", "model"},
    "show": {"extract", "model", "corpus"},
    "train": {"extract"},
    "cli": {"extract", "model", "corpus", "show", "train"},
    "": {"extract", "model", "corpus"},  # cogmap/__init__.py: the public API
}


def _imports(path: Path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("cogmap"):
            yield node.module, [a.name for a in node.names]
        elif isinstance(node, ast.Import):
            for a in node.names:
                if a.name.startswith("cogmap"):
                    yield a.name, []


def _package(module_path: Path) -> str:
    rel = module_path.relative_to(ROOT).parts
    if rel == ("__main__.py",):
        return "cli"  # `python -m cogmap` is the command line
    return rel[0] if len(rel) > 1 else ""


def _target(module: str) -> str:
    parts = module.split(".")
    return parts[1] if len(parts) > 1 and (ROOT / parts[1]).is_dir() else ""


def test_no_package_imports_one_above_it():
    bad = []
    for path in ROOT.rglob("*.py"):
        pkg = _package(path)
        for module, names in _imports(path):
            target = _target(module)
            if module == "cogmap" and names:  # "from cogmap import x"
                target = next((n for n in names if (ROOT / n).is_dir()), "")
            if target and target != pkg and target not in ALLOWED[pkg]:
                bad.append(f"{path.relative_to(ROOT)} imports {module}")
    assert not bad, bad


def test_no_private_name_crosses_a_package():
    bad = []
    for path in ROOT.rglob("*.py"):
        pkg = _package(path)
        for module, names in _imports(path):
            target = _target(module)
            if target != pkg:
                bad += [f"{path.relative_to(ROOT)}: {module}.{n}" for n in names
                        if n.startswith("_") and not n.startswith("__")]
    assert not bad, bad
