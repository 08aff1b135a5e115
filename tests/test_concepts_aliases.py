"""Steering the merge (an alias file) and opposites as one concept with a sign (issue 11)."""
from __future__ import annotations

import json
import pickle
import subprocess
import sys
from pathlib import Path

import pytest

import cogmap
from cogmap.aliases import Aliases, load_aliases, normalize
from cogmap.errors import InputError
from cogmap.extract.concepts import ConceptMerger, label_tokens, negation_sign, positive_of
from cogmap.extract.nlp import parse
from cogmap.model.model import from_documents, normalize_label
from cogmap.records import Claim, Concept, Document, Evidence, Mention

TANKS = {"concepts": [{"label": "Western tank deliveries",
                       "aliases": ["send tanks", "incoming tanks", "heavy tanks", "Leopard tanks"]}],
         "keep_apart": [["oil prices", "food prices"]]}


def run(*args):
    return subprocess.run([sys.executable, "-m", "cogmap", *args], capture_output=True, text=True, timeout=600)


def rules(text, **kw):
    return cogmap.extract(text, extractor="rules", **kw)


def links(doc):
    """The links between concepts (labels), with the sign a map draws."""
    return {(c.cause.label, c.link_polarity, c.effect.label) for c in doc.claims}


# -- the file ---------------------------------------------------------------------------
def test_a_file_reads_and_matches_after_normalisation(tmp_path):
    f = tmp_path / "aliases.yaml"
    f.write_text("concepts:\n  - label: Western tank deliveries\n    aliases: [send tanks, Leopard tanks]\n"
                 "keep_apart:\n  - [oil prices, food prices]\n")
    a = load_aliases(f)
    assert a.entry_for("The  LEOPARD tanks!").label == "Western tank deliveries"
    assert a.entry_for("western tank deliveries").label == "Western tank deliveries"  # the label is a wording too
    assert a.entry_for("tanks") is None
    assert a.apart(["Oil prices"], ["x", "food prices"]) and not a.apart(["oil prices"], ["oil prices"])
    assert pickle.loads(pickle.dumps(a)) == a  # it travels to the workers of `cogmap add`


def test_one_normalisation_for_labels_and_aliases():
    for s in ("  The Western  Tanks!", "Putin’s legitimacy", "an Oil-price shock"):
        assert normalize_label(s) == normalize(s)


@pytest.mark.parametrize("text, says", [
    ("concepts: [unclosed\n", "not YAML at line 2"),
    ("", "names no concept"),
    ("concepts: []\nkeep_apart: []\n", "names no concept"),
    ("just a sentence\n", "expected a mapping"),
    ("concept:\n  - label: X\n    aliases: [a]\n", "unknown key 'concept'"),
    ("concepts:\n  - aliases: [a]\n", "concept 1: no label"),
    ("concepts:\n  - label: X\n", "concept 1 ('X'): no wordings"),
    ("concepts:\n  - label: X\n    aliases: []\n", "no wordings"),
    ("concepts:\n  - label: X\n    aliases: [a]\n  - label: Y\n    aliases: [A!]\n", "under two labels, 'X' and 'Y'"),
    ("concepts:\n  - label: X\n    aliases: [a]\n  - label: Y\n    aliases: [x]\n", "under two labels"),
    ("concepts:\n  - label: X\n    aliases: [a, b]\nkeep_apart:\n  - [a, B]\n", "the entry 'X' joins them"),
    ("keep_apart:\n  - [a, b, c]\n", "expected a pair"),
    ("keep_apart:\n  - [oil prices, Oil Prices]\n", "are one wording"),
])
def test_bad_files_are_one_line_and_exit_status_2(tmp_path, text, says):
    f = tmp_path / "aliases.yaml"
    f.write_text(text)
    with pytest.raises(InputError) as e:
        load_aliases(f)
    assert says in str(e.value) and str(f) in str(e.value) and "\n" not in str(e.value)
    assert e.value.exit_code == 2


def test_binary_and_missing_files(tmp_path):
    f = tmp_path / "aliases.yaml"
    f.write_bytes(b"\xff\xfe\x00\x01garbage")
    with pytest.raises(InputError, match="not"):
        load_aliases(f)
    with pytest.raises(InputError, match="no such file"):
        load_aliases(tmp_path / "nope.yaml")


# -- within a document -------------------------------------------------------------------
def _merge(phrases, aliases=None, **kw):
    """Concepts of whole phrases, each added as one wording."""
    m = ConceptMerger(aliases=aliases, **kw)
    idx = [m.add(list(d)) for d in parse(phrases)]
    concepts = m.concepts()
    return [concepts[m.index[i]] for i in idx], concepts


def test_an_entry_joins_wordings_the_rules_keep_apart():
    phrases = ["heavy tanks", "Leopard tanks", "send tanks", "mobilization"]
    alone, _ = _merge(phrases)
    assert len({c.id for c in alone[:3]}) > 1  # the rules alone do not join them all
    steered, concepts = _merge(phrases, TANKS)
    assert {c.label for c in steered[:3]} == {"Western tank deliveries"}
    tanks = steered[0]
    assert {"heavy tanks", "Leopard tanks", "send tanks"} <= set(tanks.aliases)  # every wording kept
    assert steered[3].label == "mobilization" and len(concepts) == 2


def test_keep_apart_beats_the_rules():
    phrases = ["prices", "oil prices"]
    alone, _ = _merge(phrases)
    assert alone[0].id == alone[1].id  # "oil prices" is a kind of "prices" to the rules
    steered, _ = _merge(phrases, {"keep_apart": [["prices", "oil prices"]]})
    assert steered[0].id != steered[1].id


def test_keep_apart_beats_embeddings(monkeypatch):
    import importlib

    import numpy as np

    embed = importlib.import_module("cogmap.extract.embed")  # cogmap.extract is also a function

    # An encoder that finds every pair alike: only the file keeps the pair apart.
    monkeypatch.setattr(embed, "encode", lambda labels: np.full((len(labels), 4), 0.5, dtype=np.float32))
    phrases = ["inflation", "bread costs", "fuel costs"]
    joined, _ = _merge(phrases, embed=True)
    assert len({c.id for c in joined}) == 1
    steered, _ = _merge(phrases, {"keep_apart": [["inflation", "fuel costs"]]}, embed=True)
    assert steered[0].id != steered[2].id


def test_two_entries_are_never_joined_by_the_rules():
    phrases = ["oil prices", "prices", "food prices"]
    steered, _ = _merge(phrases, {"concepts": [{"label": "energy", "aliases": ["oil prices"]},
                                               {"label": "cost of living", "aliases": ["prices"]}]})
    assert [c.label for c in steered[:2]] == ["energy", "cost of living"]


def test_extract_applies_the_file():
    text = "The West will send tanks. Heavy tanks will force a new mobilization. Higher oil prices raise food prices."
    doc = rules(text, aliases=TANKS)
    labels = {c.label for c in doc.concepts}
    assert "Western tank deliveries" in labels
    assert {"oil prices", "food prices"} <= labels


# -- opposites ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, link", [
    ("Unemployment increases crime. Employment raises consumer spending.", ("employment", -1, "crime")),
    ("Instability deters investment. Stability attracts investment.", ("stability", 1, "investment")),
    ("The inability to pay debts leads to defaults. The ability to pay debts prevents defaults.",
     ("ability to pay debts", -1, "defaults")),
    ("Widespread distrust weakens the coalition. Trust strengthens the coalition.", ("trust", 1, "coalition")),
    ("Lack of rain cut the harvest.", ("rain", 1, "harvest")),
    ("A weaker currency raises import prices.", ("currency", -1, "import prices")),
    ("Fewer jobs reduce consumer spending.", ("jobs", 1, "consumer spending")),
    ("Uncertainty deters investment.", ("certainty", 1, "investment")),
])
def test_opposites_are_one_concept_with_a_sign(text, link):
    doc = rules(text)
    assert link in links(doc)
    cause = next(c for c in doc.concepts if c.label == link[0])
    # Both wordings of a pair are one concept, and the negative one stays an alias.
    assert len([c for c in doc.concepts if c.label.endswith(link[0])]) == 1
    if link[0] in ("employment", "stability", "trust"):
        assert any(a.lower().endswith(("unemployment", "instability", "distrust")) for a in cause.aliases)


def test_the_sign_flips_against_the_positive_wording():
    neg = links(rules("Unemployment increases crime."))
    pos = links(rules("Employment increases crime."))
    assert neg == {("employment", -1, "crime")} and pos == {("employment", 1, "crime")}


def test_the_default_extractor_flips_too():
    doc = cogmap.extract("Unemployment will increase crime, and employment will raise consumer spending.")
    assert ("employment", -1, "crime") in links(doc)


@pytest.mark.parametrize("extractor", ["rules", "learned"])
def test_a_claim_keeps_the_sign_its_words_state(extractor):
    # An analyst codes "unemployment raises crime" as +1 between those words; the map's link
    # is employment -1 crime. Both must be readable from the claim.
    doc = cogmap.extract("Unemployment increases crime, economists say.", extractor=extractor)
    [c] = doc.claims
    assert (c.cause.text, c.cause.label, c.cause.sign, c.effect.sign) == ("Unemployment", "employment", -1, 1)
    assert (c.polarity, c.link_polarity) == (1, -1)
    assert json.loads(doc.to_json())["claims"][0]["cause"]["sign"] == -1
    assert [e.sign for e in from_documents([doc]).edges] == [-1]


def _positive(sentence, word):
    d = parse([sentence])[0]
    return positive_of(next(t for t in d if t.lower_ == word))


@pytest.mark.parametrize("sentence, word", [
    ("The union raised wages.", "union"),
    ("Discounts boost sales, and the count of votes rose.", "discounts"),
    ("A discount boosts sales, and the count of votes rose.", "discount"),
    ("Interest rates hurt industry.", "interest"),
    ("Interest rates hurt industry.", "industry"),
    ("Information reduces panic, and the formation of a coalition helps.", "information"),
    ("Higher income raises spending; more will come.", "income"),
    ("The impact of the pact hurt growth.", "impact"),
    ("The intensity of fighting grew.", "intensity"),
    ("Unrest grows after the rest of the week.", "unrest"),
    ("Unionization spread.", "unionization"),
    ("The display of force grew, and the play ended.", "display"),
])
def test_false_friends_keep_their_meaning(sentence, word):
    assert _positive(sentence, word) is None


def test_false_friends_in_claims_keep_their_label_and_sign():
    doc = rules("The union raised wages. Discounts boost sales. Interest rates hurt industry. "
                "Information reduces panic. Higher income raises spending. The impact of sanctions hurt growth.")
    labels = {c.label for c in doc.concepts}
    assert {"union", "discounts", "interest rates", "industry", "information", "income",
            "impact of sanctions"} <= labels
    assert ("union", 1, "wages") in links(doc) and ("income", 1, "spending") in links(doc)


def test_in_and_dis_need_the_document_to_name_the_positive():
    # "in-" and "dis-" are often no negation ("intensity", "discount"): alone they stay.
    assert _positive("Instability deters investment.", "instability") is None
    assert _positive("Distrust grows.", "distrust") is None
    assert _positive("Instability rose, and stability fell.", "instability")[1] == "stability"
    assert _positive("Distrust grows, and trust in Kyiv fades.", "distrust")[1] == "trust"
    # A noun after a preposition with nothing of its own is a fixed phrase, not the concept.
    assert _positive("The discourse hardened, of course.", "discourse") is None
    # un- and non- negate a noun of a state or an action the lexicon knows.
    assert _positive("Unemployment rose.", "unemployment")[:2] == ("employment", "employment")
    assert _positive("Non-payment of wages spread.", "non-payment") == ("payment", "payment", 0)  # one token
    assert _positive("Non–payment of wages spread.", "payment")[2] == 2  # split at the dash: "non" and "–" go


def test_a_paragraph_names_the_positive_for_the_whole_document():
    doc = rules("Instability deters investment.\n\nBut stability attracts investment, the analyst said.")
    assert [c.label for c in doc.concepts if "stability" in c.label] == ["stability"]


def test_labels_and_signs_agree_on_the_same_tokens():
    d = parse(["Unemployment and the non-payment of wages hurt."])[0]
    assert (negation_sign([d[0]]), label_tokens([d[0]])) == (-1, "employment")
    span = [t for t in d if 3 <= t.i <= 5]  # non-payment of wages
    assert negation_sign(span) == -1 and label_tokens(span) == "payment of wages"
    assert negation_sign([t for t in d if t.lower_ == "wages"]) == 1


def test_a_prefixed_word_is_one_word_and_meets_its_noun():
    # spaCy splits every hyphen, and the small parser then reads "re" as a verb of its own.
    d = parse(["The governor cannot be re-elected."])[0]
    word = next(t for t in d if "-" in t.text)
    assert (word.text, word.lemma_, word.dep_, word.is_alpha) == ("re-elected", "re-elect", "ROOT", True)
    merged, _ = _merge(["re-election", "be re-elected", "election"])
    assert merged[0].id == merged[1].id != merged[2].id
    # A compound of two words stays split: it parses well so ("long-term" modifies "war").
    assert [t.text for t in parse(["a long-term war"])[0]] == ["a", "long", "-", "term", "war"]


def test_an_alias_for_the_positive_covers_the_negative_wording():
    doc = rules("Unemployment increases crime.", aliases={"concepts": [{"label": "jobs", "aliases": ["employment"]}]})
    assert links(doc) == {("jobs", -1, "crime")}
    assert "Unemployment" in next(c for c in doc.concepts if c.label == "jobs").aliases


# -- across documents and a store -------------------------------------------------------------
def _doc(source, cause, cause_text, effect, polarity=1, aliases=()):
    text = f"{cause_text} affects {effect}."
    cid = cause.replace(" ", "-")
    return Document(
        source=source, text=text,
        concepts=[Concept(id=cid, label=cause, aliases=list(aliases)), Concept(id="e", label=effect)],
        claims=[Claim(id="c1", cause=Mention(concept=cid, label=cause, text=cause_text),
                      effect=Mention(concept="e", label=effect, text=effect), polarity=polarity,
                      evidence=Evidence(text=text, start=0, end=len(text)))])


def test_from_documents_merges_entries_across_documents():
    docs = [_doc("a", "heavy tanks", "heavy tanks", "mobilization"),
            _doc("b", "Leopard tanks", "Leopard tanks", "mobilization", aliases=["German Leopard tanks"])]
    plain = from_documents(docs)
    assert len(plain.concepts) == 3
    m = from_documents(docs, aliases=TANKS)
    tanks = m.concept("Western tank deliveries")
    assert {"heavy tanks", "Leopard tanks", "German Leopard tanks"} <= set(tanks.aliases)
    assert len(m.concepts) == 2 and len(m.edges) == 1 and m.edges[0].support.claims == 2


def test_from_documents_splits_what_the_file_keeps_apart():
    # A document merged "food prices" into "oil prices" before the file said otherwise.
    text = "Oil prices raise inflation. Food prices raise inflation."
    doc = Document(
        source="a", text=text,
        concepts=[Concept(id="oil", label="oil prices", aliases=["food prices"]), Concept(id="inf", label="inflation")],
        claims=[Claim(id=f"c{k}", cause=Mention(concept="oil", label="oil prices", text=t),
                      effect=Mention(concept="inf", label="inflation", text="inflation"), polarity=1,
                      evidence=Evidence(text=text, start=0, end=len(text)))
                for k, t in enumerate(["Oil prices", "Food prices"])])
    assert len(from_documents([doc]).edges) == 1
    m = from_documents([doc], aliases=TANKS)
    assert {m.label(e.cause) for e in m.edges} == {"oil prices", "food prices"}
    assert "food prices" not in m.concept("oil prices").aliases


def test_a_pair_kept_apart_stays_apart_when_two_documents_bring_it_together():
    """Each article labels its own wording "demand"; the label joins them across the two,
    though neither joined the pair. Each concept goes with the side its wordings name,
    with its other wordings ("weaker demand"), so no path runs from power to homes."""
    def doc(source, cid, wordings, effect):
        text = " ".join(f"{w} affects {effect}." for w in wordings)
        return Document(
            source=source, text=text,
            concepts=[Concept(id=cid, label="demand", aliases=list(wordings)), Concept(id="e", label=effect)],
            claims=[Claim(id=f"c{k}", cause=Mention(concept=cid, label="demand", text=w),
                          effect=Mention(concept="e", label=effect, text=effect), polarity=1,
                          evidence=Evidence(text=text, start=0, end=len(text)))
                    for k, w in enumerate(wordings)])

    docs = [doc("power.txt", "d", ["electricity demand", "demand"], "power prices"),
            doc("homes.txt", "d", ["demand for homes", "weaker demand"], "house prices")]
    assert len(from_documents(docs).concepts) == 3  # one "demand" feeds both
    m = from_documents(docs, aliases={"keep_apart": [["electricity demand", "demand for homes"]]})
    assert {(m.label(e.cause), m.label(e.effect)) for e in m.edges} == {
        ("electricity demand", "power prices"), ("demand for homes", "house prices")}
    assert "weaker demand" in m.concept("demand for homes").aliases


def test_a_negative_wording_is_matched_by_its_concept():
    doc = _doc("a", "employment", "Unemployment", "crime", polarity=-1, aliases=["Unemployment"])
    # The claim is counted for "employment" already: an entry naming "unemployment" does not take it.
    m = from_documents([doc], aliases={"concepts": [{"label": "joblessness", "aliases": ["unemployment"]}]})
    assert [(m.label(e.cause), e.sign) for e in m.edges] == [("employment", -1)]
    m = from_documents([doc], aliases={"concepts": [{"label": "jobs", "aliases": ["employment"]}]})
    assert [(m.label(e.cause), e.sign) for e in m.edges] == [("jobs", -1)]


def test_the_store_applies_the_file_at_map_time_without_extracting(tmp_path):
    from cogmap.corpus.store import Store

    with Store(tmp_path / "c.db") as store:
        store.add_documents([_doc("a", "heavy tanks", "heavy tanks", "mobilization"),
                             _doc("b", "send tanks", "send tanks", "mobilization")])
        assert len(store.map().concepts) == 3
        m = store.map(aliases=TANKS)
    assert [c.label for c in m.concepts if "tank" in c.label.lower()] == ["Western tank deliveries"]


def test_store_add_extracts_under_the_file(tmp_path):
    from cogmap.corpus.store import Store

    (tmp_path / "a.txt").write_text("Heavy tanks will force a new mobilization.")
    with Store(tmp_path / "c.db") as store:
        report = store.add([tmp_path / "a.txt"], workers=0, aliases=TANKS)
        assert report.added
        (doc,) = store.documents()
    assert "Western tank deliveries" in {c.label for c in doc.concepts}


# -- the command line --------------------------------------------------------------------------
def test_cli_bad_alias_file_is_one_line_exit_2(tmp_path):
    (tmp_path / "a.txt").write_text("Drought cut the harvest.")
    bad = tmp_path / "aliases.yaml"
    bad.write_text("concepts:\n  - label: X\n    aliases: [a]\n  - label: Y\n    aliases: [a]\n")
    for args in (("extract", str(tmp_path / "a.txt")), ("map", str(tmp_path / "a.txt")),
                 ("add", str(tmp_path / "a.txt"), "--db", str(tmp_path / "c.db")),
                 ("map", "--db", str(tmp_path / "c.db"))):
        r = run(*args, "--aliases", str(bad))
        assert r.returncode == 2, (args, r.stderr)
        assert r.stderr.strip().count("\n") == 0 and "under two labels" in r.stderr
    assert not (tmp_path / "c.db").exists()  # refused before a store was made


def test_cli_extract_map_add_and_map_db_apply_the_file(tmp_path):
    import json

    (tmp_path / "a.txt").write_text("Heavy tanks will force a new mobilization.")
    (tmp_path / "b.txt").write_text("Leopard tanks will force a new mobilization.")
    f = tmp_path / "aliases.yaml"
    f.write_text("concepts:\n  - label: Western tank deliveries\n    aliases: [heavy tanks, Leopard tanks]\n")
    r = run("extract", str(tmp_path / "a.txt"), "--format", "json", "--extractor", "rules", "--aliases", str(f))
    assert r.returncode == 0, r.stderr
    assert "Western tank deliveries" in {c["label"] for c in json.loads(r.stdout)["concepts"]}
    r = run("map", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--extractor", "rules", "--aliases", str(f))
    assert r.returncode == 0, r.stderr
    assert r.stdout.count("label: Western tank deliveries") == 1
    db = str(tmp_path / "c.db")
    r = run("add", str(tmp_path / "a.txt"), "--db", db, "--workers", "0", "--extractor", "rules", "-q")
    assert r.returncode == 0, r.stderr
    plain = run("map", "--db", db)
    steered = run("map", "--db", db, "--aliases", str(f))
    assert plain.returncode == steered.returncode == 0, steered.stderr
    assert "Western tank deliveries" not in plain.stdout and "label: Western tank deliveries" in steered.stdout
    r = run("add", str(tmp_path / "b.txt"), "--db", db, "--workers", "0", "--extractor", "rules", "-q",
            "--aliases", str(f))
    assert r.returncode == 0, r.stderr
    from cogmap.corpus.store import Store

    with Store(db, create=False) as store:
        docs = {d.source: d for d in store.documents()}
    assert "Western tank deliveries" in {c.label for c in docs[str(tmp_path / "b.txt")].concepts}


def test_a_language_models_negative_wording_turns_its_sign_too():
    sys.path.insert(0, str(Path(__file__).parent))
    from fake_llm import FakeLLM, claim, number_of

    from cogmap.extract import llm

    text = "Unemployment fuels crime in the cities, the mayor said.\n"

    def answer(user):
        n = number_of(user, "Unemployment")
        return {"claims": [claim(n, "Unemployment fuels crime", "Unemployment", "crime", "+")] if n else [],
                "forecasts": []}

    s = llm.Settings(url="http://llm.invalid:1234", model="m", backoff=0.0)
    fake = FakeLLM(answer)
    reader = llm.Reader(s, only=True, client=llm.Client(s, transport=fake.transport(), sleep=lambda _: None))
    doc, _ = reader.read(rules(text), offline="rules")
    assert links(doc) == {("employment", -1, "crime")}


def test_report_takes_the_alias_file_for_articles_and_stores(tmp_path):
    from cogmap.corpus.store import Store
    from cogmap.show.report import report_data, store_report_data

    art = tmp_path / "a.txt"
    art.write_text("Import duties hurt consumers. Higher tariffs also hurt farmers.\n", encoding="utf-8")
    f = tmp_path / "aliases.yaml"
    f.write_text("concepts:\n  - label: Trade barriers\n    aliases: [import duties, tariffs]\n", encoding="utf-8")
    al = load_aliases(f)
    labels = {n["label"] for n in report_data(art, aliases=al)["nodes"]}
    assert "Trade barriers" in labels and "import duties" not in labels
    db = tmp_path / "c.db"
    with Store(db) as st:
        st.add([art])
    labels = {n["label"] for n in store_report_data(db, aliases=al)["nodes"]}
    assert "Trade barriers" in labels
    out = tmp_path / "r.html"
    for args in ([str(art)], ["--db", str(db)]):
        r = run("report", *args, "-o", str(out), "--aliases", str(f))
        assert r.returncode == 0, r.stderr
        assert "Trade barriers" in out.read_text(encoding="utf-8")
    bad = tmp_path / "bad.yaml"
    bad.write_text("concepts: [{label: x}]\n", encoding="utf-8")
    r = run("report", str(art), "-o", str(out), "--aliases", str(bad))
    assert r.returncode == 2 and "Traceback" not in r.stderr and len(r.stderr.strip().splitlines()) == 1


@pytest.mark.parametrize("text, link", [
    ("His legitimacy is at stake. If he is delegitimized, a coup will follow.", ("legitimacy", -1, "coup")),
    ("Popularity counts. If he is unpopular, turnout will fall.", ("popularity", 1, "turnout")),
])
def test_a_negative_state_is_the_opposite_of_the_noun_the_document_names(text, link):
    # "delegitimized", "unpopular": the state's opposite, when the document names the
    # variable itself, is that variable going down, and the map has one concept.
    assert link in links(cogmap.extract(text))


@pytest.mark.parametrize("sentence, word", [
    ("The signature was forged, and the designated official resigned.", "designated"),
    ("Coverage was wide, and the discovered fraud led to arrests.", "discovered"),
    ("The placement was odd, and displaced families moved.", "displaced"),
    ("The veil fell, and the unveiled plan angered voters.", "unveiled"),
    ("Legitimacy matters, and he is delegitimized.", "legitimacy"),  # the noun itself
    ("He is delegitimized.", "delegitimized"),  # the document names no positive noun
])
def test_participles_that_undo_or_part_are_no_opposites(sentence, word):
    assert _positive(sentence, word) is None


def test_a_verb_of_handing_over_with_its_particle_is_what_it_hands_over():
    # "sending in tanks": the small parser reads "in" as a preposition of "tanks".
    doc = cogmap.extract("The West kept sending in tanks. Tanks will force a new mobilization. "
                         "Sending in tanks raised the stakes.")
    assert {"tanks", "stakes"} <= {c.label for c in doc.concepts}
    assert not any("sending" in c.label for c in doc.concepts)


def test_a_concept_is_labelled_by_a_noun_phrase_when_it_has_one():
    # The verb is the commoner wording here, but a map names variables.
    doc = cogmap.extract("A long war makes him want to negotiate. Sanctions make him want to negotiate. "
                         "Western tanks make negotiations less likely.")
    labels = {c.label for c in doc.concepts}
    assert "negotiations" in labels and "negotiate" not in labels, labels


@pytest.mark.parametrize("text, label", [
    ("High youth unemployment has hit tax revenue.", "youth employment"),
    ("Mass unemployment on the coast has hit tax revenue.", "employment on coast"),
    ("Record unemployment has hit tax revenue.", "employment"),
])
def test_a_word_of_degree_on_a_negative_noun_leaves_its_positive_label(text, label):
    """"high unemployment" is employment, low: the degree sizes the negative noun, and
    "high youth employment" or "mass employment" would name the opposite of what was said."""
    doc = rules(text)
    (claim,) = doc.claims
    assert (claim.cause.label, claim.cause.sign) == (label, -1)
