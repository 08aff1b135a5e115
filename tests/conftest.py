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


@pytest.fixture
def peg_interview():
    """A short interview whose first question asks what would follow from a hypothesis,
    and whose second asks what did follow: only the first forecasts or links under it."""
    return ("Economist Lena Park spoke to us about the currency peg.\n\n"
            "What happens when the central bank runs out of reserves?\n\n"
            "It would not be able to hold the peg. Importers are already hoarding dollars.\n\n"
            "What happened when the bank ran out of reserves in 2014?\n\n"
            "It would print money, and prices soared.")
