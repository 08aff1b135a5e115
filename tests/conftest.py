"""Shared fixtures: the real articles in ../shared/examples, when they are there."""
from __future__ import annotations

from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "examples"


def shared_example(name: str) -> Path:
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} is not here (the real articles live beside the repository)")
    return path


@pytest.fixture(scope="session")
def interview_doc():
    import cogmap

    return cogmap.extract(shared_example("gallyamov-interview.txt"))
