"""The examples in the docstrings run, as networkx's do."""
from __future__ import annotations

import doctest
import importlib
import pkgutil

import pytest

import cogmap

MODULES = sorted(m.name for m in pkgutil.walk_packages(cogmap.__path__, "cogmap.") if m.name != "cogmap.__main__")


@pytest.mark.parametrize("name", ["cogmap", *MODULES])
def test_docstring_examples(name):
    module = importlib.import_module(name)
    result = doctest.testmod(module, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples failed in {name}"
