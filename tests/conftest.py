"""Shared fixtures: the real articles in ../shared/examples, when they are there."""
from __future__ import annotations

import io
import subprocess
import sys
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest

SHARED = Path(__file__).resolve().parents[1].parent / "shared" / "examples"


def shared_example(name: str) -> Path:
    path = SHARED / name
    if not path.exists():
        pytest.skip(f"{path} is not here (the real articles live beside the repository)")
    return path


def cogmap_here(*args) -> subprocess.CompletedProcess:
    """``python -m cogmap ARGS`` run in this process: the same entry point
    (:func:`cogmap.cli.app.main`), exit status, stdout and stderr, as a
    :class:`subprocess.CompletedProcess`.

    Why not a subprocess: each new process imports spaCy, and with the training extra
    installed (as the tests have it) thinc imports torch with it, about 4 s a call on a
    slow machine; the review tests call the command dozens of times. Tests that are about
    the process itself (exit on a kill, the server, bad bytes on stdin) keep a real one.
    """
    from cogmap.cli.app import main

    out, err, argv = io.StringIO(), io.StringIO(), sys.argv
    sys.argv = ["cogmap", *map(str, args)]
    code = 0
    try:
        with redirect_stdout(out), redirect_stderr(err):
            main()
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)
    finally:
        sys.argv = argv
    return subprocess.CompletedProcess(["cogmap", *args], code, out.getvalue(), err.getvalue())


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
