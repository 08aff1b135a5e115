"""The document schema: JSON valid against docs/document.schema.json, offsets exact."""
from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import cogmap
from cogmap.records import Document, json_schema

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ["gallyamov-interview.txt", "oil-opec-cuts-sankey.txt", "housing-mortgage-rates-hepp.txt",
            "czech-election-polls.txt", "us-drought-food-prices-2012.txt", "tariffs-qa-kalemli-ozcan.txt",
            "ai-executive-order-qa-borden.txt", "avian-flu-qa-relman.txt", "iran-israel-qa-blank.txt"]


def test_schema_file_matches_the_records():
    on_disk = json.loads((ROOT / "docs" / "document.schema.json").read_text())
    assert on_disk == json_schema(), "run: python -m cogmap.records > docs/document.schema.json"


def _check(doc: Document):
    data = json.loads(doc.to_json())
    jsonschema.validate(data, json_schema())
    assert data["schema"] == "cogmap.document/1"
    text = data["text"]
    for c in data["claims"]:
        assert text[c["evidence"]["start"]:c["evidence"]["end"]] == c["evidence"]["text"]
        ids = {k["id"] for k in data["concepts"]}
        assert c["cause"]["concept"] in ids and c["effect"]["concept"] in ids
    for f in data["forecasts"]:
        assert text[f["evidence"]["start"]:f["evidence"]["end"]] == f["evidence"]["text"]
    for q in data["quotes"]:
        assert text[q["start"]:q["end"]] == q["text"]
    assert Document.from_dict(data) == doc


def test_bundled_example():
    from cogmap.cli.extract import EXAMPLE

    doc = cogmap.extract(EXAMPLE)
    _check(doc)
    assert len(doc.claims) >= 10 and len(doc.forecasts) >= 5
    assert "Subscribe to our newsletter for weekly updates" in doc.removed


@pytest.mark.parametrize("name", ARTICLES)
def test_real_articles(name):
    from conftest import shared_example

    doc = cogmap.extract(shared_example(name))
    _check(doc)
    assert doc.claims or doc.forecasts, name


def test_news_article_written_for_the_test():
    text = ("Port strike threatens holiday supplies\n\nBy Lee Grant\n\nA strike at the country's largest port "
            "will delay shipments and push up prices of toys and electronics, retailers warned on Monday. "
            '"If the strike lasts beyond next week, shelves will be empty by December," said Maria Lopez, '
            "who heads the retail federation. Lopez said higher shipping costs would also squeeze small shops. "
            "The union says low wages and long shifts caused the walkout.")
    doc = cogmap.extract(text)
    _check(doc)
    pairs = [(c.cause.label, c.polarity, c.effect.label) for c in doc.claims]
    assert any("strike" in c and s == 1 for c, s, e in pairs), pairs
    assert any(c.speaker == "Maria Lopez" for c in doc.claims) or any(f.speaker == "Maria Lopez" for f in doc.forecasts)
    assert any(f.horizon for f in doc.forecasts)


def test_every_concept_is_used():
    from conftest import shared_example

    doc = cogmap.extract(shared_example("gallyamov-interview.txt"))
    used = {c.cause.concept for c in doc.claims} | {c.effect.concept for c in doc.claims}
    assert {c.id for c in doc.concepts} == used
    assert all(set(f.concepts) <= used for f in doc.forecasts)


def test_a_long_file_without_line_breaks_is_parsed_in_pieces():
    """No paragraph reaches the parser's length limit; offsets stay exact across the cuts."""
    from cogmap.extract.pipeline import MAX_PARAGRAPH

    sentence = "Higher rates cut demand for houses because credit costs more. "
    text = sentence * (3 * MAX_PARAGRAPH // len(sentence))
    doc = cogmap.extract(text, extractor="rules")
    assert len(doc.claims) > 3 * MAX_PARAGRAPH // len(sentence) // 2
    for c in doc.claims:
        assert doc.text[c.evidence.start:c.evidence.end] == c.evidence.text


@pytest.mark.parametrize("text", [
    "JANE ROE SAYS HIGHER RATES WILL HURT HOMEBUYERS NEXT YEAR\n\nShe said that rates would rise.",
    "Analysts: Roe said that higher rates would hurt buyers.\n\nQ: What next?\n\nRoe: I think prices will fall.",
])
def test_quotes_slice_the_text_as_printed(text):
    """A quote read from a headline parsed in lower case, or after a blanked label, keeps the printed words."""
    doc = cogmap.extract(text, extractor="rules")
    assert doc.quotes
    for q in doc.quotes:
        assert doc.text[q.start:q.end] == q.text
