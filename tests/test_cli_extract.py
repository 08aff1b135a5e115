"""The extract and demo commands, run as a user runs them."""
from __future__ import annotations

import json
import os
import subprocess
import sys

from pathlib import Path

import pytest

import cogmap
import cogmap.records


def run(*args, stdin=None):
    return subprocess.run([sys.executable, "-m", "cogmap", *args], capture_output=True, text=True,
                          input=stdin, timeout=600)


ARTICLE = ("Wheat harvest fails\n\nThe heat wave has cut the wheat harvest, and bread prices will probably "
           "rise this winter, said Noor Aziz, an agronomist. \"Without rain in spring, farmers will plant less,\" "
           "Aziz said.\n\nAdvertisement\n")


def test_json_to_file_is_the_schema(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE)
    out = tmp_path / "a.json"
    r = run("extract", str(src), "--format", "json", "-o", str(out))
    assert r.returncode == 0, r.stderr
    data = json.loads(out.read_text())
    doc = cogmap.records.Document.from_dict(data)
    assert doc.removed == ["Advertisement"]
    assert any(c.speaker == "Noor Aziz" for c in doc.claims)
    assert any(f.probability == 0.675 for f in doc.forecasts)


def test_text_and_markdown(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE)
    r = run("extract", str(src))
    assert r.returncode == 0, r.stderr
    assert "Causal claims" in r.stdout and "Noor Aziz" in r.stdout and "Advertisement" in r.stdout
    r = run("extract", str(src), "--format", "md")
    assert r.stdout.startswith("# Wheat harvest fails") and "| id | cause |" in r.stdout


def test_a_side_worded_as_its_opposite_shows_its_words_beside_the_link(tmp_path):
    # The tables show the concepts and the sign between them; the words as written stay
    # visible where they name the opposite, so the sign does not look wrong.
    from cogmap.show.render import to_markdown

    doc = cogmap.extract("Unemployment increases crime, economists say.", extractor="rules")
    row = next(line for line in to_markdown(doc).splitlines() if line.startswith("| c1 "))
    assert "| employment (as \u201cUnemployment\u201d) | - | crime |" in row
    src = tmp_path / "a.txt"
    src.write_text("Unemployment increases crime, economists say.\n")
    r = run("extract", str(src), "--extractor", "rules")
    assert r.returncode == 0 and "Unemployment" in r.stdout and "lowers" in r.stdout, r.stdout


def test_markdown_quotes_whole_and_shows_markup_as_text():
    from cogmap.show.render import to_markdown

    long_cause = "the long and ever more <b>bitter</b> *dispute* over water rights between the two upstream provinces"
    doc = cogmap.extract(f"Because of {long_cause}, farmers will plant far less rice next year, the agronomist said.")
    md = to_markdown(doc)
    quote = doc.claims[0].evidence.text
    assert len(quote) > 160 and "…" not in md
    assert "<b>" not in md and "\\<b\\>bitter\\</b\\>" in md and "\\*dispute\\*" in md


def test_scale_option_changes_probabilities(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE)
    icd = json.loads(run("extract", str(src), "-f", "json").stdout)
    kent = json.loads(run("extract", str(src), "-f", "json", "--scale", "kent").stdout)
    assert [f["probability"] for f in icd["forecasts"]] != [f["probability"] for f in kent["forecasts"]]
    bad = run("extract", str(src), "--scale", "astrology")
    assert bad.returncode == 2 and "Traceback" not in bad.stderr


def test_demo_runs_the_bundled_example():
    r = run("demo")
    assert r.returncode == 0, r.stderr
    assert "Causal claims" in r.stdout and "Forecasts" in r.stdout
    assert "Mara Okonjo" in r.stdout
    # A question answered with a hedge shows its answer, which says how sure (the question
    # alone read as if it were the forecast)
    assert "How likely is an early election? — Roughly even, I would say." in " ".join(r.stdout.split())
    # The example's path on one line however narrow the terminal (it had been broken
    # mid-word, "example-interview.\ntxt", and could not be copied)
    import os

    narrow = subprocess.run([sys.executable, "-m", "cogmap", "demo"], capture_output=True, text=True, timeout=600,
                            env={**os.environ, "COLUMNS": "30"})
    assert any("cogmap/data/example-interview.txt" in line for line in narrow.stdout.splitlines()), narrow.stdout


@pytest.mark.parametrize("option", ["--llm-timeout=nan", "--llm-timeout=0", "--llm-concurrency=0", "--llm-retries=-1"])
def test_llm_options_out_of_range_are_one_line(tmp_path, option):
    article = tmp_path / "a.txt"
    article.write_text("Higher rates reduce demand.")
    r = run("extract", str(article), "--llm", option)
    assert r.returncode == 2 and r.stderr.count("\n") == 1 and option.split("=")[0] in r.stderr


def test_standard_input_over_the_limit_says_how_to_raise_it():
    r = subprocess.run([sys.executable, "-m", "cogmap", "extract", "-"], input="a" * 2000, capture_output=True,
                       text=True, env={**os.environ, "COGMAP_MAX_BYTES": "1000"})
    assert r.returncode == 2 and "COGMAP_MAX_BYTES" in r.stderr and r.stderr.count("\n") == 1


def test_a_narrow_terminal_keeps_ids_apart_and_names_whole():
    # On a narrow terminal the claims are a list. A long line wraps under its own text,
    # never under the id column, and a speaker's name is not broken across two lines.
    from rich.console import Console

    from cogmap.show.render import to_rich

    name = "Oluwaseun Adebayo-Kalemli"
    doc = cogmap.extract(f"The prolonged heat wave across the southern provinces has sharply cut the wheat "
                         f"harvest, said {name}, an agronomist.", extractor="rules")
    assert doc.claims and doc.claims[0].speaker == name
    console = Console(record=True, width=60, file=open(os.devnull, "w"))
    console.print(to_rich(doc))
    lines = console.export_text().splitlines()
    start = next(i for i, line in enumerate(lines) if line.strip().startswith("c1 "))
    block = lines[start:next((i for i in range(start + 1, len(lines)) if not lines[i].startswith("      ")),
                             len(lines))]
    assert len(block) >= 3 and all(line.startswith("      ") for line in block[1:]), block
    assert any(name in line for line in block), block


def test_one_bad_file_among_several_loses_none_of_the_others(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(ARTICLE, encoding="utf-8")
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    r = run("extract", str(good), str(empty), str(tmp_path), "--format", "json")
    assert r.returncode == 2
    docs = json.loads(r.stdout)
    assert isinstance(docs, list) and [d["source"] for d in docs] == [str(good)]
    lines = r.stderr.strip().splitlines()
    assert len(lines) == 2 and "empty" in lines[0] and "cogmap add" in lines[1] and "Traceback" not in r.stderr


def test_a_horizon_reads_whole_beside_its_forecast(tmp_path):
    """The horizon keeps its own preposition ("by 2035", "within a year"): the label is
    "when:", so no "by: by 2035"."""
    f = tmp_path / "a.txt"
    f.write_text("Coasts\n\nThe erosion could swallow the old harbour by 2035, engineers warn.\n", encoding="utf-8")
    out = run("extract", str(f)).stdout
    assert "when: by 2035" in out and "by: by" not in out


def test_the_command_line_starts_without_the_language_models():
    """Commands that read no text (forecasts, experts, loops ...) start in about a second:
    spaCy, onnxruntime and torch are imported only when an article is read. Each import
    at the top of a module the CLI loads costs every call seconds (a stop-word list from
    spaCy once made a store's commands three times slower)."""
    code = "import sys, cogmap.cli.app; print(sorted(m for m in ('spacy', 'onnxruntime', 'torch') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and out.stdout.strip() == "[]", out.stderr


def test_reading_an_article_does_not_import_torch_and_training_still_can():
    """thinc, under spaCy, imported torch whenever the training extra was installed: 3 s
    and about 190 MB of every command that reads an article, for a library it never uses."""
    pytest.importorskip("torch")  # (without it there is nothing to keep out)
    code = ("import sys; from cogmap.extract import extract; extract('Drought cut the harvest.', extractor='rules'); "
            "print('torch' in sys.modules); import torch; print(float(torch.ones(3).sum()))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert out.returncode == 0 and out.stdout.split() == ["False", "3.0"], out.stderr


@pytest.mark.parametrize("command", [["extract", "--format", "json"], ["map"], ["report"]])
def test_output_to_a_link_or_a_device_writes_through_it(tmp_path, command):
    # Writing by renaming a temporary file over the target would turn /dev/null into a
    # regular file, and a link into a copy that leaves its target stale.
    article = tmp_path / "a.txt"
    article.write_text("Higher fuel prices raised bus fares, the council said.")
    r = run(*command[:1], str(article), *command[1:], "-o", "/dev/null")
    assert r.returncode == 0, r.stderr
    assert Path("/dev/null").is_char_device()
    real = tmp_path / "real.out"
    real.write_text("old")
    link = tmp_path / "link.out"
    link.symlink_to(real)
    r = run(*command[:1], str(article), *command[1:], "-o", str(link))
    assert r.returncode == 0, r.stderr
    assert link.is_symlink() and real.read_text() != "old" and "fares" in real.read_text()


def test_output_is_left_alone_when_an_article_fails(tmp_path):
    """A file written from some of the articles would pass for all of them, and replace
    the one the user had."""
    good, empty, out = tmp_path / "a.txt", tmp_path / "empty.txt", tmp_path / "keep.json"
    good.write_text("Higher rates reduce demand for homes, the economist said.")
    empty.write_text("")
    out.write_text("kept")
    r = run("extract", good, empty, "--format", "json", "-o", out)
    assert r.returncode == 2 and "empty.txt: is empty" in r.stderr and "was not written" in r.stderr, r.stderr
    assert out.read_text() == "kept"
    r = run("extract", good, empty, "--format", "json")  # to the terminal: the good one shown, the bad one said
    assert r.returncode == 2 and json.loads(r.stdout)[0]["claims"], r.stderr


def test_the_extractor_help_names_the_default():
    from cogmap.cli.extract import EXTRACTOR_HELP
    from cogmap.extract.pipeline import DEFAULT_EXTRACTOR

    assert f"Default: {DEFAULT_EXTRACTOR}," in EXTRACTOR_HELP


def test_whole_shows_every_quote_uncut(tmp_path):
    """The terminal view cuts a long quote to about two lines; --whole shows all of it."""
    tail = "who compete with long-standing tenants for the same small flats near the harbour"
    page = tmp_path / "rents.txt"
    page.write_text("Rents rose by a third in the old quarter last year because the ferry terminal brought "
                    f"thousands of new commuters {tail}, said Dr Ana Ruiz, a housing economist.\n", encoding="utf-8")
    for width in ("60", "200"):
        env = {**os.environ, "COLUMNS": width}
        cut = subprocess.run([sys.executable, "-m", "cogmap", "extract", str(page), "--extractor", "rules"],
                             capture_output=True, text=True, env=env, timeout=600)
        whole = subprocess.run([sys.executable, "-m", "cogmap", "extract", str(page), "--extractor", "rules",
                                "--whole"], capture_output=True, text=True, env=env, timeout=600)
        assert cut.returncode == whole.returncode == 0, whole.stderr
        flat = lambda s: " ".join(s.split())  # noqa: E731 (lines wrap at the terminal's width)
        assert "…" in cut.stdout and tail not in flat(cut.stdout)
        assert tail in flat(whole.stdout) and "harbour, said Dr Ana Ruiz" in flat(whole.stdout)


@pytest.mark.parametrize("command,expect", [(["extract", "--format", "json"], '"claims"'),
                                            (["map"], "cogmap.model/1")])
def test_a_progress_bar_on_a_terminal_and_nothing_in_a_pipe(tmp_path, command, expect):
    # A long article takes minutes; a terminal is shown where the work is, a pipe or a
    # file gets only the result.
    import pty
    import threading

    article = tmp_path / "a.txt"
    article.write_text("Higher interest rates reduced demand for homes, the economist said. "
                       "The drought raised food prices.\n", encoding="utf-8")
    master, slave = pty.openpty()
    args = [sys.executable, "-m", "cogmap", command[0], str(article), *command[1:]]
    proc = subprocess.Popen(args, stdout=subprocess.PIPE, stderr=slave, env=dict(os.environ, COLUMNS="100"))
    os.close(slave)
    shown = bytearray()

    def pump():  # (read while it runs: a full terminal buffer would block the writer)
        while True:
            try:
                chunk = os.read(master, 65536)
            except OSError:
                return
            if not chunk:
                return
            shown.extend(chunk)

    reader = threading.Thread(target=pump, daemon=True)
    reader.start()
    out, _ = proc.communicate(timeout=300)
    reader.join(5)
    os.close(master)
    assert proc.returncode == 0 and expect in out.decode()
    assert b"a.txt" in shown and b"\xe2\x94\x81" in shown  # the name, and the bar's line
    piped = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert piped.returncode == 0 and piped.stderr == "" and expect in piped.stdout
