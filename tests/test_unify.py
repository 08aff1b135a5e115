"""cogmap.extract.concepts.unify: one label per variable across the documents of a corpus."""
from __future__ import annotations

import importlib

import pytest

import cogmap
from cogmap.records import Claim, Concept, Document, Evidence, Mention

concepts = importlib.import_module("cogmap.extract.concepts")


def doc(source: str, cause: str, effect: str) -> Document:
    text = f"{cause} moves {effect}."
    ids = {cause: "a", effect: "b"}
    return Document(source=source, text=text,
                    concepts=[Concept(id=i, label=label) for label, i in ids.items()],
                    claims=[Claim(id="c1", polarity=1, cause=Mention(concept="a", label=cause, text=cause),
                                  effect=Mention(concept="b", label=effect, text=effect),
                                  evidence=Evidence(text=text, start=0, end=len(text)))])


def labels(docs):
    return [[c.label for c in d.concepts] for d in docs]


def test_head_noun_variants_get_one_label_and_claims_follow():
    a, b = doc("a", "new mobilization", "unrest"), doc("b", "second wave of mobilization", "protests")
    out = concepts.unify([a, b], embed=False)
    assert out[0].concepts[0].label == out[1].concepts[0].label
    merged = out[1].concepts[0]
    assert {"new mobilization", "second wave of mobilization"} - {merged.label} <= set(merged.aliases)
    assert out[1].claims[0].cause.label == merged.label
    # Nothing else changes: offsets, evidence and the originals stay as they were.
    assert out[1].claims[0].evidence == b.claims[0].evidence
    assert b.concepts[0].label == "second wave of mobilization"


def test_telling_modifiers_and_clauses_stay_apart():
    out = concepts.unify([doc("a", "oil prices", "inflation"), doc("b", "food prices", "hunger"),
                          doc("c", "Russian army", "morale"), doc("d", "Ukrainian army", "morale")], embed=False)
    assert labels(out) == [["oil prices", "inflation"], ["food prices", "hunger"],
                           ["Russian army", "morale"], ["Ukrainian army", "morale"]]
    # A clause is one article's event: its verb head joins nothing.
    out = concepts.unify([doc("a", "rents stop rising", "demand"), doc("b", "developers stop building", "supply")],
                         embed=False)
    assert labels(out) == [["rents stop rising", "demand"], ["developers stop building", "supply"]]


def test_alias_file_keeps_apart_across_documents():
    steer = {"keep_apart": [["heavy tanks", "tanks"]]}
    out = concepts.unify([doc("a", "heavy tanks", "escalation"), doc("b", "tanks", "talks")], embed=False,
                         aliases=steer)
    assert out[0].concepts[0].label == "heavy tanks" and out[1].concepts[0].label == "tanks"
    joined = concepts.unify([doc("a", "heavy tanks", "escalation"), doc("b", "tanks", "talks")], embed=False)
    assert joined[0].concepts[0].label == joined[1].concepts[0].label


def test_a_bare_head_joins_no_named_kind_of_another_document():
    # "prices" in one article are not "wheat prices" of another; within one article they are.
    pair = [doc("a", "wheat prices", "bread"), doc("b", "prices", "demand")]
    out = concepts.unify(pair, embed=False)
    assert labels(out) == [["wheat prices", "bread"], ["prices", "demand"]]
    merger = concepts.ConceptMerger()
    from cogmap.extract.nlp import load

    a, b = (list(load()(w)) for w in ("wheat prices", "prices"))
    assert merger.add(a) == merger.add(b)
    # The analyst can still say they are one.
    steer = {"concepts": [{"label": "wheat prices", "aliases": ["prices"]}]}
    assert labels(concepts.unify(pair, embed=False, aliases=steer))[1][0] == "wheat prices"


def test_one_document_is_left_alone():
    d = doc("a", "heavy tanks", "tanks")
    assert concepts.unify([d], embed=False) == [d]


def test_embeddings_join_by_meaning_but_not_two_single_words():
    embed = importlib.import_module("cogmap.extract.embed")
    if not embed.available():
        pytest.skip("the embedding model is not installed")
    a, b = doc("a", "Western tank deliveries", "escalation"), doc("b", "the arrival of Western tanks", "talks")
    out = concepts.unify([a, b], embed=True)
    assert out[0].concepts[0].label == out[1].concepts[0].label
    out = concepts.unify([doc("a", "landlords", "rents"), doc("b", "tenants", "evictions")], embed=True)
    assert out[0].concepts[0].label == "landlords" and out[1].concepts[0].label == "tenants"


def test_names_tell_apart_what_embeddings_would_join():
    embed = importlib.import_module("cogmap.extract.embed")
    if not embed.available():
        pytest.skip("the embedding model is not installed")
    # Two people, one title, one first name: the embeddings rate them 0.82, over the bar.
    a, b = "urban planner Alma Brenner", "urban planner Alma Castell"
    assert float(embed.encode([a, b]).prod(axis=0).sum()) >= 0.75
    out = concepts.unify([doc("a", a, "zoning"), doc("b", b, "rents")], embed=True)
    assert labels(out) == [[a, "zoning"], [b, "rents"]]


def test_a_noun_of_ing_is_not_its_root():
    # "marketing" is not the market, "funding" not a fund (the Snowball stems are one)
    out = concepts.unify([doc("a", "marketing", "sales"), doc("b", "market", "prices"),
                          doc("c", "funding", "research"), doc("d", "fund", "returns")], embed=False)
    assert labels(out) == [["marketing", "sales"], ["market", "prices"], ["funding", "research"], ["fund", "returns"]]
    from cogmap.extract.concepts import token_stem
    from cogmap.extract.nlp import load

    assert token_stem(load()("They negotiate")[1]) == token_stem(load()("the negotiations")[1])


def _merger_groups(wordings, embed, link=()):
    from cogmap.extract.nlp import load

    m = concepts.ConceptMerger(embed=embed)
    ids = [m.add(list(load()(w))) for w in wordings]
    for i, j in link:
        m.linked(ids[i], ids[j])
    found = m.concepts()
    return [found[m.index[k]].label for k in ids]


def test_what_a_claim_links_is_never_one_concept_by_meaning():
    embed = importlib.import_module("cogmap.extract.embed")
    if not embed.available():
        pytest.skip("the embedding model is not installed")
    a, b = "the U.S. levies a tariff on an imported good", "the company importing the good pays the tariff"
    assert float(embed.encode([a, b]).prod(axis=0).sum()) >= 0.75  # alike to the embeddings
    joined = _merger_groups([a, b], embed=True)
    assert joined[0] == joined[1]
    apart = _merger_groups([a, b], embed=True, link=[(0, 1)])  # one causes the other
    assert apart[0] != apart[1]


def test_a_verb_with_its_object_is_not_the_verbs_noun():
    labels_ = _merger_groups(["allowing taller buildings", "a housing allowance", "allowing taller buildings"],
                             embed=False)
    assert labels_[0] != labels_[1] and labels_[0] == labels_[2]
    assert len(set(_merger_groups(["negotiate", "negotiations"], embed=False))) == 1  # no object: one variable
    assert len(set(_merger_groups(["vaccinating them", "vaccination"], embed=False))) == 1  # a pronoun names no thing


def test_a_thing_is_not_what_it_has_though_the_embeddings_call_them_alike():
    embed = importlib.import_module("cogmap.extract.embed")
    if not embed.available():
        pytest.skip("the embedding model is not installed")
    for owner, owned in (("the junta", "the junta's support"), ("the regime", "support for the regime"),
                         ("oil", "oil prices"), ("the government", "trust in the government")):
        assert float(embed.encode([owner, owned]).prod(axis=0).sum()) >= 0.6, (owner, owned)
        labels_ = _merger_groups([owner, owned], embed=True)
        assert labels_[0] != labels_[1], (owner, owned)
    # What a phrase is about, when it is no owner of the head, still joins by meaning.
    labels_ = _merger_groups(["negotiations", "willing to enter into negotiations"], embed=True)
    assert labels_[0] == labels_[1]
    # Two things one owner has are two variables (0.86 and 0.87 alike, over the 0.75 that merges).
    for a, b in (("the junta's support", "the junta's rule"), ("China's exports", "China's imports")):
        assert float(embed.encode([a, b]).prod(axis=0).sum()) >= 0.75, (a, b)
        labels_ = _merger_groups([a, b], embed=True)
        assert labels_[0] != labels_[1], (a, b)


def test_a_doing_to_a_thing_is_not_the_thing_though_the_embeddings_call_them_alike():
    """ "banning pesticides" is the pesticides going down, which no list tells: joined to
    "pesticides" its links would keep their sign and say the opposite of the text."""
    embed = importlib.import_module("cogmap.extract.embed")
    if not embed.available():
        pytest.skip("the embedding model is not installed")
    for thing, doing in (("pesticides", "banning the pesticides"), ("subsidies", "abolishing the subsidies")):
        assert float(embed.encode([thing, doing]).prod(axis=0).sum()) >= 0.75, (thing, doing)
        labels_ = _merger_groups([thing, doing], embed=True)
        assert labels_[0] != labels_[1], (thing, doing)
    doc = cogmap.extract("Pesticides kill bees. Banning the pesticides would raise crop losses.")
    assert ("pesticides", -1, "bees") in [(c.cause.label, c.polarity, c.effect.label) for c in doc.claims]
    assert [c.cause.label for c in doc.claims if c.effect.label == "crop losses"] == ["banning pesticides"]


def test_events_of_different_doers_stay_apart():
    """Two event wordings that share only their verb are two variables: "pay arrives late"
    is not "the contractors arrived"; the same doer's event joins."""
    from cogmap.extract.concepts import ConceptMerger
    from cogmap.extract.nlp import parse

    m = ConceptMerger()
    a, b, c = parse(["When pay arrives late, barracks get restless.", "The contractors arrived in March.",
                     "Their pay arrived late again."])
    m.add([a[1], a[2], a[3]])
    m.add([b[1], b[2]])
    m.add([c[1], c[2], c[3]])
    groups = sorted(sorted(x.aliases) for x in m.concepts())
    assert len(groups) == 2, groups
    assert groups[0] == ["contractors arrived"], groups
    assert {"pay arrives late", "pay arrived late"} <= set(groups[1]), groups


def test_when_a_thing_comes_does_not_say_which_thing_it_is():
    # "incoming tanks" are the tanks the article names otherwise, as "impending" ones were
    d = cogmap.extract("Incoming tanks could speed up the offensive. Western tanks will force the army to retreat. "
                       "The tanks will also prompt a new mobilization.")
    assert len({c.cause.label for c in d.claims}) == 1, [(c.cause.label, c.effect.label) for c in d.claims]
