"""The debris model: its data, its training, its hook in the cleaner, its errors, and what
the shipped weights do to a page nobody trained them on (our own words)."""
from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from cogmap.errors import CogmapError
from cogmap.extract import embed
from cogmap.extract.clean import clean, line_key
from cogmap.extract.debris import MODEL_FILE, DebrisModel, candidates, features, shape_features
from cogmap.extract.learned import MODEL_DIR
from cogmap.train.debris import build_debris, load_pages

DATA = Path(__file__).resolve().parents[1] / "data"
needs_embed = pytest.mark.skipif(not embed.available(), reason="the embedding model is not installed")


@pytest.mark.parametrize("folder", ["pages", "pending/pages"])
def test_every_page_has_debris_and_article(folder):
    pages = load_pages(DATA, folder)
    assert len(pages) >= 40
    for page in pages:
        assert page.debris and page.article, page.name
        assert "~ " not in "".join(ln[:2] for ln in page.text.split("\n")), page.name
        # the same words marked both ways must be a repeat (a headline's second copy is
        # debris, its first is the article), never a slip on one line
        lines = [line_key(ln) for ln in page.text.split("\n")]
        for both in page.debris & page.article:
            assert lines.count(both) >= 2, (page.name, both)


def test_the_hook_drops_what_it_returns_and_protects_turns():
    asked = {}

    def hook(lines, drop, keep):
        asked.update(lines=lines, drop=drop, keep=keep)
        return {lines.index("Be the first to know"): 0.9}

    text = ("Rates rise as inflation bites\n\nAdvertisement\n\nBe the first to know\n\n"
            "Q: Will rates rise?\n\nA: Yes, I think so.\n\nDemand falls when rates rise.")
    c = clean(text, debris=hook)
    assert "Be the first to know" in c.removed
    assert c.reasons[c.removed.index("Be the first to know")] == "learned"
    assert "Be the first to know" not in c.text and "Demand falls when rates rise." in c.text
    lines = asked["lines"]
    assert lines.index("Advertisement") in asked["drop"]  # the rules' own drops are passed on
    assert {lines.index("Q: Will rates rise?"), lines.index("A: Yes, I think so.")} <= asked["keep"]
    # the first line (the headline), turns and the rules' drops are never candidates
    idx = candidates(lines, asked["drop"], asked["keep"])
    assert idx == [lines.index("Be the first to know"), lines.index("Demand falls when rates rise.")]


def test_a_snippet_is_not_a_page():
    """A headline and a sentence or two: no frame to tell debris by, so nothing is scored."""
    lines = ["Storm hits the valley", "Heavy rain flooded the main road.", "Schools are closed."]
    assert candidates(lines, {}, set()) == []
    assert candidates(lines + ["Share this", "Read more"], {5: "widget"}, set()) == [1, 2, 3, 4]
    # A short text in which the rules found no frame is an article pasted as it is: its last
    # answer is no footer, whatever a model scores it.
    assert candidates(lines + ["Share this", "Read more"], {}, set()) == []
    assert candidates([f"Line {k}." for k in range(15)], {}, set()) == list(range(1, 15))


def test_a_long_document_of_short_lines_is_scored_at_its_ends_only():
    from cogmap.extract.debris import MAX_CANDIDATES

    lines = [f"Line {k} of the transcript." for k in range(3 * MAX_CANDIDATES)]
    idx = candidates(lines, {}, set())
    assert len(idx) == MAX_CANDIDATES and idx[0] == 1 and idx[-1] == len(lines) - 1
    assert len(lines) // 2 not in idx


def test_features_see_the_neighbours():
    lines = ["Headline here", "Jane Roe/Agency/Agency", "A caption of a photo.", "Body sentence goes on and on."]
    x = features(lines, {1: "credit"}, [2], np.zeros((1, 384), np.float32))
    assert x.shape == (1, 384 + 3 * len(shape_features("")) + 5)
    prev_dropped = x[0, -5]
    assert prev_dropped == 1.0
    assert shape_features("Jane Roe/Agency/Agency")[8] == 1.0  # slash
    assert shape_features("MORE NEWS FROM THE VALLEY")[6] == 1.0  # all capitals


def test_save_and_load_round_trip(tmp_path):
    d = 384 + 3 * len(shape_features("")) + 5
    m = DebrisModel(np.ones(d, np.float32), -3.0, np.zeros(d, np.float32), np.ones(d, np.float32), 0.8,
                    meta={"pages": 2})
    m.save(tmp_path / MODEL_FILE)
    back = DebrisModel.load(tmp_path)
    assert back.threshold == pytest.approx(0.8) and back.meta == {"pages": 2}
    assert np.allclose(back.weights, m.weights)


def test_missing_or_corrupt_model_says_how_to_rebuild(tmp_path):
    with pytest.raises(CogmapError, match="python -m cogmap.train debris"):
        DebrisModel.load(tmp_path)
    (tmp_path / MODEL_FILE).write_bytes(b"not a numpy file")
    with pytest.raises(CogmapError, match="python -m cogmap.train debris"):
        DebrisModel.load(tmp_path)


@needs_embed
def test_training_on_marked_pages_writes_a_model(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    body = ["Fuel prices rose again this month, and economists expect fares to follow.",
            "Airlines pass higher fuel costs on to passengers within a few weeks, said Dr Ana Ruiz.",
            "She expects the rise to slow tourism in the spring."]
    chrome = ["~ Share this story", "~ Sign up for the morning briefing", "~ Photo: Harbour Images",
              "~ Most read today", "~ Cookie settings", "~ Ferry operators brace for a quiet summer"]
    for k in range(4):
        lines = [f"Fuel and fares, part {k}"] + chrome[k:] + body + chrome[:k]
        (pages / f"t{k}.txt").write_text("\n".join(lines), encoding="utf-8")
    figures = build_debris(tmp_path, tmp_path / "out", log=lambda *_: None)
    assert figures["pages"] == 4 and figures["debris_lines"] > 0
    m = DebrisModel.load(tmp_path / "out")
    assert m.threshold >= 0.5 and m.meta["pages"] == 4


@needs_embed
def test_the_shipped_model_finds_debris_the_rules_keep():
    """A page in our own words, none of it in data/pages: a caption over its picture
    credit (the rules drop the credit and keep the caption), an alt text and a promo line.
    The model must take the caption and nothing of the article."""
    page = "\n\n".join([
        "Why the river port is losing its ferries",
        "A cargo barge waits at the silted quay in Lorvik on a grey morning.",
        "Tomas Berg/Nordlys Pictures",
        "The port of Lorvik has lost half its ferry routes in two years. Silt carried down by "
        "heavier spring floods has made the channel too shallow for the larger boats, harbour "
        "engineer Hanne Dahl said.",
        "silted river channel lorvik",
        "Dredging would cost more than the town can raise, so she expects two more routes to close by winter.",
        "STAY IN THE LOOP WITH NORDLYS DAILY",
        "The operators say fares will have to rise on the routes that remain.",
    ])
    ruled = clean(page)
    learned = clean(page, debris=DebrisModel.load(MODEL_DIR))
    gone = set(learned.removed) - set(ruled.removed)
    assert gone, "the model dropped nothing the rules kept"
    for line in ("The port of Lorvik", "Dredging would cost", "The operators say fares"):
        assert line in learned.text, line
    debris = {"A cargo barge waits at the silted quay in Lorvik on a grey morning.",
              "silted river channel lorvik", "STAY IN THE LOOP WITH NORDLYS DAILY", "Tomas Berg/Nordlys Pictures"}
    assert gone <= debris, gone - debris
    # the caption: a whole sentence over the credit line, which the rules alone keep
    assert "A cargo barge waits at the silted quay in Lorvik on a grey morning." in gone


def test_pages_are_not_the_evaluation_articles():
    examples = Path(__file__).resolve().parents[2] / "shared" / "examples"
    if not examples.is_dir():
        pytest.skip("../shared/examples is not here")
    theirs = {line_key(ln) for f in examples.glob("*.txt")
              for ln in f.read_text(encoding="utf-8", errors="replace").split("\n") if len(ln.split()) >= 6}
    ours = {line_key(ln) for folder in ("pages", "pending/pages") for p in load_pages(DATA, folder)
            for ln in p.text.split("\n") if len(ln.split()) >= 6}
    assert not (theirs & ours)


def test_a_model_folder_without_debris_weights_fails_clearly(tmp_path, monkeypatch):
    from cogmap.extract.pipeline import extract

    for f in MODEL_DIR.iterdir():
        if f.name != MODEL_FILE and f.is_file():
            (tmp_path / f.name).symlink_to(f)
    monkeypatch.setenv("COGMAP_MODEL_DIR", str(tmp_path))
    if not embed.available():
        pytest.skip("without embeddings the debris model is not asked for")
    with pytest.raises(CogmapError, match="rebuild"):
        extract("Rates rose, so demand fell.", extractor="learned")


def test_a_transcripts_stamped_lines_and_examiner_are_never_candidates():
    """Guide section 4: lines stamped with the minute they were said ("... that is why it
    closed 1:42") and a transcript's "Examined by ..." are the speakers' words and roles,
    whatever a model scores; a time stamp alone on its line, and a teaser with its video's
    length on a page of few stamps, may still go."""
    asked = {}

    def hook(lines, drop, keep):
        asked.update(lines=lines, keep=keep)
        return {}

    said = ["so the pool lost money every winter and 0:41", "the council could not cover it any more 0:47",
            "which is why they closed it for good 0:52", "and the next one may close too 1:03",
            "if nobody steps in with funding 1:09"]
    text = "\n\n".join(["Why our pool closed", "Examined by MS ANN LEE, Counsel to the Inquiry", "0:00 / 6:12",
                        *said, "Subscribe for more"])
    clean(text, debris=hook)
    lines, keep = asked["lines"], asked["keep"]
    assert {lines.index(s) for s in said} | {lines.index("Examined by MS ANN LEE, Counsel to the Inquiry")} <= keep
    assert lines.index("Subscribe for more") not in keep

    teaser = "Fuel prices climb for a third week running 03:12"
    text = "\n\n".join(["Rates rise as inflation bites", teaser, "Demand falls when rates rise, economists said.",
                        "Share", "Read more", "Mortgage costs will climb, one analyst said."])
    clean(text, debris=hook)
    assert asked["lines"].index(teaser) not in asked["keep"]
