"""Forecasts: probability from the hedge on a named scale, horizon, condition."""
from __future__ import annotations

from pathlib import Path

import pytest

import cogmap
from cogmap.extract.hedges import SCALES, probability
from cogmap.extract.nlp import load


def test_icd203_midpoints():
    assert probability(["likely"]) == (0.675, "likely")
    assert probability(["very", "likely"])[0] == pytest.approx(0.875)
    assert probability(["almost", "certainly"])[0] == pytest.approx(0.97)
    assert probability(["unlikely"])[0] == pytest.approx(0.325)


def test_scales_differ():
    assert probability(["likely"], scale="kent")[0] == 0.75
    assert probability(["likely"], scale="survey")[0] == 0.7
    with pytest.raises(ValueError):
        probability(["likely"], scale="nope")
    assert set(SCALES) == {"icd203", "kent", "survey"}


def test_forecast_fields():
    doc = cogmap.extract("Analysts expect turmoil. Protests are likely within the next several months, "
                         "the economist Ana Silva said. There will certainly not be a coup in the foreseeable future.")
    fs = {f.statement: f for f in doc.forecasts}
    likely = next(f for f in doc.forecasts if "Protests" in f.statement)
    assert likely.probability == pytest.approx(0.675) and likely.hedge == "likely"
    assert likely.horizon == "within the next several months"
    coup = next(f for f in doc.forecasts if "coup" in f.statement)
    assert coup.probability == pytest.approx(0.03)
    assert "foreseeable future" in coup.horizon
    for f in fs.values():
        assert doc.text[f.evidence.start:f.evidence.end] == f.evidence.text


def test_conditional_forecast_and_scale_option():
    text = "If the harvest fails, bread prices will probably double."
    doc = cogmap.extract(text)
    f = doc.forecasts[0]
    assert f.condition == "If the harvest fails" and f.probability == pytest.approx(0.675)
    assert cogmap.extract(text, scale="kent").forecasts[0].probability == pytest.approx(0.75)


@pytest.mark.parametrize("extractor", ["rules", "learned"])
def test_a_future_perfect_is_a_forecast(extractor):
    text = "By 2030 the cost of batteries will have halved."
    assert [f.statement for f in cogmap.extract(text, extractor=extractor).forecasts] == [text]


def test_past_and_questions_are_not_forecasts():
    doc = cogmap.extract("He could have negotiated in March. Will prices rise? Prices rose last year.")
    assert doc.forecasts == []


_FUTURE = "But for now, the mill will probably keep its night shift."
_BESIDE_A_PAST = "Within ten years you'll see vineyards on the plateau, where nobody would've planted a vine back then."


@pytest.mark.parametrize("extractor", ["rules", "learned"])
@pytest.mark.parametrize("none, future", [
    # counterfactuals: what would be were things otherwise
    ("But for the voucher, the mill would still be losing money.", _FUTURE),
    ("If it were not for the glut, meat prices would be at their highest since 2014.", _FUTURE),
    ("Had the council acted in 2019, the bridge would already be open.", _FUTURE),
    ("Without the ban, the price of rice would now be a third higher.", _FUTURE),
    ("Without the corridor, the province would be in famine by now.", _FUTURE),
    ("With a cap, fewer mothers would've left the workforce.", _FUTURE),
    # a "would" of the past: a habit, or a forecast made then
    ("In the 1990s the ferries would simply wait out a gale in the harbour.", _BESIDE_A_PAST),
    ("In 2019 nearly everyone assumed the junta would fold within a year.", _BESIDE_A_PAST),
    ("When the sanctions were imposed, officials predicted that the regime would run out of cash.", _BESIDE_A_PAST),
    # a permission that rules grant
    ("Under the current rules, councils may waive the charge on self-build plots.",
     "Under the new plan, house prices may well fall next year."),
])
def test_what_is_not_to_come_is_no_forecast(extractor, none, future):
    fs = cogmap.extract(f"{none} {future}", extractor=extractor).forecasts
    assert [f.statement for f in fs] == [future]


def test_real_interview_forecasts(interview_doc):
    fs = interview_doc.forecasts
    assert len(fs) >= 5
    assert any(f.probability <= 0.05 and "coup" in f.statement for f in fs)
    assert all(0 <= f.probability <= 1 for f in fs)


def test_stated_probabilities():
    doc = cogmap.extract("Analysts put the chance of a default next year at 30 percent. "
                         "She puts the odds of a snap election at roughly even. Prices rose 5 percent last year.")
    ps = {f.statement.split()[0]: (f.probability, f.hedge) for f in doc.forecasts}
    assert ps["Analysts"] == (0.3, "30 percent")
    assert ps["She"] == (0.5, "roughly even")
    assert "Prices" not in ps  # a percentage without a word of likelihood is not a probability


def test_yes_no_question_answered_with_a_hedge():
    text = ("Analyst Tom Reyes spoke to us.\n\nWill the ceasefire hold through the winter?\n\n"
            "Probably not. Both sides are rearming.\n\nIs a new offensive going to start soon?\n\n"
            "Almost certainly, yes.")
    doc = cogmap.extract(text)
    fs = [f for f in doc.forecasts if f.statement.endswith("?")]
    assert [(f.statement, f.probability) for f in fs] == [
        ("Will the ceasefire hold through the winter?", pytest.approx(0.325)),
        ("Is a new offensive going to start soon?", pytest.approx(0.97))]
    for f in fs:
        assert doc.text[f.evidence.start:f.evidence.end] == f.evidence.text
        assert f.speaker == "Tom Reyes"


@pytest.mark.parametrize("extractor", ["learned", "rules"])
def test_answers_to_what_happens_if_forecast_under_its_condition(extractor, peg_interview):
    doc = cogmap.extract(peg_interview, extractor=extractor)
    f = next(f for f in doc.forecasts if "hold the peg" in f.statement)
    assert f.condition == "the central bank runs out of reserves"
    assert f.probability < 0.5  # "would not"
    assert doc.text[f.evidence.start:f.evidence.end] == f.evidence.text
    # A question about what did happen sets no condition.
    assert all(f.condition is None for f in doc.forecasts if "print money" in f.statement)


@pytest.mark.parametrize("text", [
    "Many growers are not sure if they will plant cotton next spring.",
    "Officials are unsure whether the bridge will reopen this year.",
    "I am not certain the merger will survive the vote.",
    "It remains to be seen whether the truce will hold.",
    "I don't know whether the party will win.",
    "It is obvious that young voters are not sure if they will turn out at all, he added.",
])
def test_an_open_question_about_the_future_is_an_even_chance(text):
    for extractor in BOTH:
        (f,) = cogmap.extract(text, extractor=extractor).forecasts
        assert f.probability == pytest.approx(0.5), (extractor, f.hedge)
        assert f.condition is None  # the "if" of "not sure if" is no condition


def test_a_known_future_is_no_open_question():
    for text in ("She is sure the deal will pass.", "We know the plant will close next year."):
        (f,) = cogmap.extract(text, extractor="rules").forecasts
        assert f.probability > 0.8


def test_opinion_verbs_hedge():
    # The rules' reading of opinion verbs (the learned reader decides on its own which sentences forecast).
    doc = cogmap.extract("I doubt the government would survive a vote. Analysts predict how markets will react.",
                         extractor="rules")
    assert [(f.statement[:8], f.probability) for f in doc.forecasts] == [("I doubt ", pytest.approx(0.325))]


def test_how_likely_questions_and_speech_hedges():
    text = ("Economist Ana Silva took our questions.\n\nWhat will the bank do?\n\nIt will cut rates.\n\n"
            "How likely is a recession next year?\n\nRoughly even, I would say.\n\n"
            "And the currency?\n\nThe outcome is not certain.")
    doc = cogmap.extract(text)
    by = {f.statement: f for f in doc.forecasts}
    assert by["How likely is a recession next year?"].probability == pytest.approx(0.5)
    assert by["How likely is a recession next year?"].horizon == "next year"
    assert "Roughly even, I would say." not in by  # the modal hedges the saying
    assert "The outcome is not certain." not in by  # foretells nothing
    assert by["It will cut rates."].speaker == "Ana Silva"


def test_odds_in_words_and_explainer_titles():
    doc = cogmap.extract("Why the bank will not cut rates\n\nShe puts the odds of a cut in June at one in four.")
    assert [(f.probability, f.hedge) for f in doc.forecasts] == [(0.25, "one in four")]
    # The learned reader's forecasts obey the same rule, and a "when" clause is no title.
    for kind in ("learned", "rules"):
        titles = cogmap.extract("How the euro will survive\n\nWhy oil prices will keep rising", extractor=kind)
        assert titles.forecasts == []
        when = cogmap.extract("When rates rise, house prices will fall.", extractor=kind)
        assert [f.statement for f in when.forecasts] == ["When rates rise, house prices will fall."]


def test_horizon_is_the_outcomes_time_not_the_conditions():
    doc = cogmap.extract("If the rains return in spring, prices could fall by summer.")
    f = doc.forecasts[0]
    assert f.condition == "If the rains return in spring" and f.horizon == "summer"


def test_transcript_labels_before_yes_no_questions():
    text = ("Transcript: a conversation with climate scientist Maria Lindqvist.\n\n"
            "HOST: Why are the winters getting warmer?\n\nLINDQVIST: Greenhouse gases trap more heat.\n\n"
            "HOST: Will the Baltic freeze again this century?\n\nLINDQVIST: Probably not.")
    doc = cogmap.extract(text)
    f = next(f for f in doc.forecasts if "Baltic" in f.statement)
    assert f.statement == "Will the Baltic freeze again this century?"
    assert (f.probability, f.speaker, f.horizon) == (pytest.approx(0.325), "Maria Lindqvist", "this century")


@pytest.mark.parametrize("words, low, high", [
    (["can"], 0.3, 0.5),  # "X can win": a real possibility, not a "will"
    (["have", "a", "chance", "to"], 0.3, 0.5),
    (["expect"], 0.55, 0.8),
    (["is", "set", "to"], 0.8, 0.95),
    (["no", "chance"], 0.0, 0.1),
])
def test_hedge_words_the_scales_leave_out(words, low, high):
    for scale in SCALES:
        assert low <= probability(words, scale=scale)[0] <= high + 0.06, (scale, words)


def test_cannot_rules_an_event_out():
    assert probability(["can"], negated=True)[0] < 0.2
    assert probability(["may"], negated=True)[0] > 0.5  # "may not" leaves it open


def test_a_chance_is_a_possibility_not_a_will():
    d = cogmap.extract("Three parties have a chance to win the election next year.", extractor="learned")
    assert d.forecasts and 0.3 <= d.forecasts[0].probability <= 0.5


@pytest.mark.parametrize("text, low, high", [
    ("Prices can rise further next year.", 0.3, 0.5),
    ("The deal cannot survive beyond next year.", 0.0, 0.2),
])
def test_can_with_a_future_time_is_a_forecast(text, low, high):
    d = cogmap.extract(text, extractor="rules")
    assert d.forecasts and low <= d.forecasts[0].probability <= high


def test_can_without_a_time_states_a_general_truth():
    assert not cogmap.extract("Tariffs can hurt consumers.", extractor="rules").forecasts


@pytest.mark.parametrize("text,low", [
    ("The chances that the bill passes this year are slim.", True),
    ("After the vote, the likelihood that the firm will settle is even less.", True),
    ("His chances of winning are dwindling.", True),
    ("The odds are slim that a deal is reached.", True),  # "odds", whose lemma the tagger gives as "odd"
    ("The risk of a recession is growing.", False),
])
def test_what_is_said_of_a_likelihood_sets_the_probability(text, low):
    from cogmap.extract.forecasts import find_forecasts
    from cogmap.extract.nlp import load

    (f,) = find_forecasts(load()(text))
    assert (f.probability < 0.5) == low, (f.probability, f.hedge)


BOTH = ("rules", "learned")


@pytest.mark.parametrize("text,p,extractors", [
    ("I don't think the ceasefire will hold.", 0.125, BOTH),  # a denied belief denies the forecast
    ("Okafor said he doubts the plant will open on time.", 0.325, ("learned",)),  # below the root
    ("I would be surprised if rates fell next year.", 0.325, BOTH),
    ("I wouldn't be surprised if rates fell next year.", 0.675, BOTH),
    ("I think rates will fall next year.", 0.875, BOTH),
    ("I don't expect the government to fund the plan before the election.", 0.325, BOTH),  # one "not"
    # the "not" of the clause a second verb of saying reports
    ("Ferrand welcomed the move but warned that land alone would not bring rents down quickly.", 0.325, BOTH),
])
def test_beliefs_about_a_forecast_set_its_probability(text, p, extractors):
    for extractor in extractors:
        fs = cogmap.extract(text, extractor=extractor).forecasts
        assert [f.probability for f in fs] == [pytest.approx(p)], (extractor, fs)


def test_hedge_forms():
    assert probability(["doubted"]) == probability(["doubt"]) == (0.325, "doubt")
    assert probability(["surprised"], negated=True)[0] == pytest.approx(0.675)


@pytest.mark.parametrize("text,p", [
    ("It's only a matter of time before the dam fails.", 0.875),
    ("There's a real risk that the subsidy gets swallowed by rent rises.", 0.4),
    ("I wouldn't rule out a second strike in the spring.", 0.4),  # the phrase's "not" is no denial
    ("The new cranes are poised to wipe out another 200 jobs.", 0.875),
    ("My base case is a small surplus next harvest.", 0.675),
    ("New port fees are soon set to take effect.", 0.875),
    ("The fungus has the potential to wipe out the banana crop.", 0.4),
    ("Odds are they'll quietly drop the supplier by next spring.", 0.675),
    ("Chances are the strike ends within a week.", 0.675),
    ("Chances are some councils won't get cover within two years.", 0.325),  # the clause's "not" denies
    ("I'd bet they won't raise rates in June.", 0.325),
    ("Odds are they'll drop the supplier, and that has the potential to hurt the town.", 0.675),  # the first
    ("Prices are gonna fall next year.", 0.875),
])
def test_forecasting_phrases_are_forecasts_with_their_hedge(text, p):
    for extractor in BOTH:
        fs = cogmap.extract(text, extractor=extractor).forecasts
        assert [f.probability for f in fs] == [pytest.approx(p)], (extractor, fs)


def test_set_to_a_place_or_a_number_is_no_forecast():
    for text in ("The table is set to the left of the door.", "The thermostat is set to 20 degrees."):
        for extractor in BOTH:
            assert cogmap.extract(text, extractor=extractor).forecasts == [], (text, extractor)


def test_a_risk_that_is_a_relative_clause_is_no_forecast():
    assert cogmap.extract("The flu poses a risk that doctors know well.", extractor="rules").forecasts == []


@pytest.mark.parametrize("p_reader,kept", [(0.9, True), (0.3, True), (0.07, True), (0.03, False)])
def test_a_rules_forecast_stands_unless_the_reader_rules_it_out(monkeypatch, p_reader, kept):
    from cogmap.extract import pipeline
    from cogmap.extract.learned import Reading

    monkeypatch.setattr(pipeline, "read_sentences",
                        lambda refs, progress=None: [Reading(causal=0.0, forecast=p_reader) for _ in refs])
    fs = cogmap.extract("The navy may blockade the strait.", extractor="learned").forecasts
    assert [(f.probability, f.hedge) for f in fs] == ([(0.4, "may")] if kept else [])


def test_not_a_chance_denies_whatever_the_clause_before_says():
    from cogmap.extract.hedges import probability

    assert probability(["i", "don't", "see", "not", "a", "chance"], negated=True) == (pytest.approx(0.03), "no chance")
    for extractor in BOTH:
        fs = cogmap.extract("Without the subsidy, I don't see the airline keeping this route, not a chance.",
                            extractor=extractor).forecasts
        assert all(f.probability < 0.15 for f in fs), (extractor, [(f.probability, f.hedge) for f in fs])


@pytest.mark.parametrize("hedge,negated,p", [
    ("I'd bet", False, 0.675), ("I wouldn't rule out", False, 0.4), ("Chances are", True, 0.325),
    ("there's a danger that", False, 0.4), ("will", False, 0.875), ("unlikely", True, 0.325),
])
def test_the_benchmark_reads_an_annotated_phrase_as_the_extractor_does(hedge, negated, p):
    # benchmarks/commentary.py scores "as sure" against the annotator's hedge: a phrase the
    # scales lack is no plain "will" there either.
    import sys
    from pathlib import Path

    sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
    from commentary import _gold_probability

    assert _gold_probability({"hedge": hedge, "negated": negated}) == pytest.approx(p)


@pytest.mark.parametrize("words,negated,p,phrase", [
    (["a", "good", "chance"], False, 0.675, "good chance"),
    (["only", "a", "slim", "chance"], False, 0.325, "slim chance"),
    (["a", "strong", "chance"], True, 0.325, "strong chance not"),
    (["a", "chance"], False, 0.4, "chance"),  # a bare chance stays a possibility
    (["should"], False, 0.675, "should"),  # "output should recover": expected, not the plain "will"
    (["a", "good", "chance", "very", "likely"], False, 0.875, "very likely"),  # a scale term of its own decides
])
def test_the_size_of_a_chance_and_a_should_say_how_likely(words, negated, p, phrase):
    assert probability(words, negated) == (pytest.approx(p), phrase)


def test_the_person_who_will_act_is_not_the_one_who_forecasts():
    """The subject of a forecasting sentence speaks only when the sentence says they do:
    "Santos puts the odds at 40 percent" is hers; "Berg will lose the vote" is the writer's."""
    import cogmap

    said = {f.statement: f.speaker for t in ("Tom Berg will lose the vote in May.",
                                            "Mira Santos puts the odds of a cut at 40 percent.")
            for f in cogmap.extract(t).forecasts}
    assert said == {"Tom Berg will lose the vote in May.": None,
                    "Mira Santos puts the odds of a cut at 40 percent.": "Mira Santos"}


def test_a_claim_and_a_forecast_of_one_reported_sentence_have_one_speaker():
    """"Lee discussed how X could hurt Y": the claim is hers, as the forecast would be;
    "Berg raised tariffs, which hurt exporters" is no claim of Berg's, who acted."""
    import cogmap

    lee = cogmap.extract("In a Q&A, Professor Ann Lee discussed how planned tariffs could hurt the U.S. economy.")
    berg = cogmap.extract("Tom Berg raised tariffs, which hurt exporters.")
    assert [c.speaker for c in lee.claims] == ["Ann Lee"]
    assert berg.claims and all(c.speaker is None for c in berg.claims)


@pytest.mark.parametrize("extractor", ["rules", "learned"])
def test_two_clauses_with_a_subject_and_a_hedge_each_are_two_forecasts(extractor):
    text = ("The deficit will almost certainly widen this year, but the recession might end by spring.\n\n"
            "Prices will rise and wages will rise too.\n")
    doc = cogmap.extract(text, extractor=extractor)
    got = [(f.statement, f.probability, f.horizon) for f in doc.forecasts]
    assert got[:2] == [("The deficit will almost certainly widen this year", 0.97, "this year"),
                       ("the recession might end by spring.", 0.4, "spring")], got
    # Two outcomes with a subject each are two forecasts even under one hedge: one can come
    # true without the other, and a ledger scores them apart.
    assert got[2:4] == [("Prices will rise", 0.875, None), ("wages will rise too.", 0.875, None)], got
    # "they are going to hurt firms", where the parser makes "going" the verb
    doc = cogmap.extract("I believe that shoppers will pay the price, and they are also going to hurt "
                         "local firms.\n\nHe was going to resign before the vote.\n", extractor=extractor)
    assert [f.statement for f in doc.forecasts] == [
        "I believe that shoppers will pay the price", "they are also going to hurt local firms."]
    # Each clause is about the concepts named in it, not the whole sentence's.
    doc = cogmap.extract("The deficit will almost certainly widen this year because of the war, "
                         "but the recession might end by spring as rates fall.\n", extractor=extractor)
    first, second = (set(f.concepts) for f in doc.forecasts)
    assert "deficit" in first and not first & {"rates", "recession"}, (first, second)
    assert "rates" in second and not second & {"deficit", "war"}, (first, second)
    # A doubted clause before a semicolon is its own forecast, doubted.
    doc = cogmap.extract("I doubt we will reach the target, honestly; the repairs will take years.\n",
                         extractor=extractor)
    assert [(f.statement, f.hedge) for f in doc.forecasts] == [
        ("I doubt we will reach the target, honestly", "doubt"), ("the repairs will take years.", "will")]
    assert all(doc.text[f.evidence.start:f.evidence.end] == f.evidence.text for f in doc.forecasts)


@pytest.mark.parametrize("extractor", ["rules", "learned"])
def test_a_judgement_is_short_of_certain(extractor):
    """"I think X will definitely happen" is the speaker's judgement: very likely at most,
    as "she believes it will certainly fail" is; said without the frame, "definitely" is
    almost certain."""
    doc = cogmap.extract("I think the bank will definitely cut rates in May.\n\n"
                         "She believes the merger will certainly fail.\n\n"
                         "The bank will definitely cut rates in May.\n", extractor=extractor)
    assert [f.probability for f in doc.forecasts] == [0.875, 0.875, 0.97], doc.forecasts


@pytest.mark.parametrize("text, found", [
    ("In response, Ankara may also target militia depots in the north.", True),  # the reader alone says no
    ("Concerns about a wider trade war might be overstated.", True),
    ("Small firms may claim up to 6,000 crowns each.", False),  # what they are allowed to do
    ("Both readings may be right.", False),  # what may be so now
    ("Importers may only sell drinks that carry the new labels.", False),
])
def test_an_event_that_may_come_stands_whatever_the_reader_says(text, found):
    doc = cogmap.extract(text + "\n", extractor="learned")
    assert bool(doc.forecasts) is found, doc.forecasts


@pytest.mark.parametrize("extractor", ["rules", "learned"])
def test_what_an_outcome_will_depend_on_is_no_forecast(extractor):
    # It names what the future turns on, not which way it goes; the other sentence forecasts.
    doc = cogmap.extract("Everything will depend on the effectiveness of the new drones. "
                         "Whether the plant closes will hinge on the vote. Fares will rise in May. "
                         "I can only tell you that much will depend on the new drones.", extractor=extractor)
    assert [f.statement for f in doc.forecasts] == ["Fares will rise in May."]
    # Beside a forecast, such a clause is no second one.
    doc = cogmap.extract("I think fares will rise, and the rest will depend on the harvest.", extractor=extractor)
    assert [f.statement for f in doc.forecasts] == [doc.text.strip()]


def test_the_hedge_is_whole_words_each_once():
    # A new user's trial found "will will likely" (two clauses' "will") and "looks like ll"
    # (a reader's span starting inside "it'll") in a public article; tests may read it.
    article = Path(__file__).resolve().parents[2] / "shared" / "examples" / "oil-opec-cuts-sankey.txt"
    if not article.exists():
        pytest.skip("the public examples are not beside the repo")
    doc = cogmap.extract(article.read_text(encoding="utf-8"), extractor="learned")
    hedges = [f.hedge.split() for f in doc.forecasts]
    assert hedges and all(len(h) == len(set(h)) for h in hedges), hedges
    assert not any("ll" in h for h in hedges), hedges


@pytest.mark.parametrize("text, horizon", [
    ("A three-week drought has lifted grain prices, and traders warn that the worst may not be over.", None),
    ("Batteries move cheap midday solar power into the evening, so the spikes will likely shrink.", None),
    ("The talks could resume on Monday.", "Monday"),                       # a date of the outcome stays
    ("The strike will probably end within two weeks.", "within two weeks"),
])
def test_a_time_that_describes_a_thing_is_no_horizon(text, horizon):
    """"A three-week drought" says how long the drought was, not when the forecast is due."""
    (f,) = cogmap.extract(text).forecasts
    assert f.horizon == horizon


@pytest.mark.parametrize("extractor", ["rules", "learned"])
def test_a_which_that_goes_on_with_a_modal_of_its_own_is_a_second_forecast(extractor):
    # The mine's output and the fall in prices are two outcomes at two hedges: a ledger
    # scores the "will" and the "could" apart.
    doc = cogmap.extract("The new mine will double output by 2027, which could push prices down.", extractor=extractor)
    assert [(f.statement, f.probability) for f in doc.forecasts] == [
        ("The new mine will double output by 2027", 0.875), ("which could push prices down.", 0.4)]
    # A "which" with no modal of its own, or one that names a thing, stays in the one forecast.
    for text in ("Prices will rise next year, which is bad news for savers.",
                 "The council will build a school next year, which the town badly needs."):
        found = [f.statement for f in cogmap.extract(text, extractor=extractor).forecasts]
        assert found in ([text], []) and (found or extractor == "learned"), found  # (the reader: a plan, no forecast)


def test_hedges_of_two_clauses_are_the_term_that_sets_the_probability():
    text = ("Farmers have sold their herds because low prices make them a loss, and smaller herds "
            "today will lead to a shortage of milk next year, which could push cheese prices higher.")
    found = [(f.hedge, f.probability) for f in cogmap.extract(text).forecasts]
    assert found and all(h in ("will", "could") for h, _ in found), found  # not "will could"


def test_a_forecast_reported_as_a_groups_fear_is_the_groups():
    """An interviewee who tells what the dockers fear does not forecast it herself; "most
    people think" is her own hedge, and stays hers. (The small model tags "Ana Ruiz" as
    no entity at all: introduced with her role, she is the interviewee all the same.)"""
    text = ("Ana Ruiz, a port economist, spoke to us.\n\n"
            "Q: What worries the dockers?\n\n"
            "A: The dockers fear that the new cranes will cut hundreds of jobs.\n\n"
            "Q: And rates?\n\n"
            "A: Most people think freight rates will fall by spring.")
    said = {f.statement.split()[1]: f.speaker for f in cogmap.extract(text).forecasts}
    assert said == {"dockers": "dockers", "people": "Ana Ruiz"}, said


def test_odds_written_with_hyphens_are_the_probability():
    doc = cogmap.extract("She puts the odds of a recession at maybe a one-in-three chance.")
    assert [(f.probability, f.hedge) for f in doc.forecasts] == [(0.3333, "one-in-three")]


def test_a_denied_expectation_of_a_thing_is_its_complement():
    """With no hedge word tagged by the reader, the sentence's own "expect" carries its "not"."""
    doc = cogmap.extract("The union said it did not expect any further strikes this year.")
    assert [(f.probability, f.hedge) for f in doc.forecasts] == [(0.325, "expect not")]


def test_an_expectation_shows_the_word_as_written():
    doc = cogmap.extract("Raman expects vacancies to rise next year.")
    assert [(f.probability, f.hedge) for f in doc.forecasts] == [(0.675, "expects")]


def test_a_time_of_a_clause_beside_the_forecast_is_not_its_horizon():
    doc = cogmap.extract("Port reopens\n\nThe strike ends after nine days, but the backlog will take weeks to clear.")
    assert [f.horizon for f in doc.forecasts] and all(f.horizon != "nine days" for f in doc.forecasts)


@pytest.mark.parametrize("text", ["They say fuel pushed up fares. I doubt it.",
                                  "Some say the rebound is near. I doubt that very much.",
                                  "Will prices fall? I think so."])
def test_a_view_of_what_was_said_foretells_nothing_of_its_own(text):
    doc = cogmap.extract("Fares\n\n" + text)
    assert not [f for f in doc.forecasts if f.statement.startswith("I ")]


@pytest.mark.parametrize("text, p", [
    ("I'd put a full recovery by 2040 at maybe 25 percent.", 0.25),
    ("Will the resort survive until 2035? I'd put it at 60 percent.", 0.6),
])
def test_where_someone_puts_the_odds_is_the_probability(text, p):
    doc = cogmap.extract("Snow\n\n" + text)
    assert [f.probability for f in doc.forecasts] == [p]


def test_a_measure_put_at_a_share_is_no_forecast():
    doc = cogmap.extract("Turnout\n\nBy midday the electoral board put turnout at 31 percent.")
    assert doc.forecasts == []


def test_who_puts_the_chance_holds_the_forecast_and_by_a_quarter_is_how_much():
    doc = cogmap.extract("Ferries\n\nThe operator will cut sailings by a quarter, officials said.\n\n"
                         "Analysts at a research institute put the chance that the island loses its school "
                         "by 2027 at roughly 40 percent.")
    by = {f.statement.split()[0]: f for f in doc.forecasts}
    assert by["Analysts"].speaker == "Analysts at a research institute" and by["Analysts"].probability == 0.4
    assert by["The"].horizon != "a quarter"


def test_advice_is_no_forecast():
    """A "should" of one who decides tells them what to do (the reader, in an answer to
    "what should cities do?", read it as a forecast); a "should" of a thing says what is
    likely to happen (see advised's examples)."""
    doc = cogmap.extract("Rents\n\nQ: So what should cities do instead?\n\nA: Build. Housing allowances help "
                         "poorer tenants without discouraging construction. If a city wants some rent regulation, "
                         "it should limit increases for sitting tenants but let rents reset between tenancies, so "
                         "that investment does not dry up.")
    assert doc.forecasts == []


def test_a_state_described_with_nothing_to_come_is_no_forecast():
    doc = cogmap.extract("Sardines\n\nCatches fell by half. Looking ahead, the outlook is bleak. "
                         "The stock will probably stay low next year.")
    assert [f.statement for f in doc.forecasts] == ["The stock will probably stay low next year."]


def test_two_clauses_with_hedges_of_their_own_are_two_forecasts():
    """"X is likely to peak, so Y will shrink" and "the team expects X, and she warned that Y
    is unlikely" each hold two outcomes, with two hedges (and the second its own holder)."""
    doc = cogmap.extract("Schools\n\nThe number of graduates is likely to peak around 2025 and then decline, so "
                         "enrollment will shrink.\n\nInes Carvalho leads the assessment. Carvalho's team expects "
                         "the stock to remain below its safe limit next year, and she warned that a full recovery "
                         "is unlikely before 2030.")
    got = [(f.statement.split()[0], f.probability) for f in doc.forecasts]
    assert got == [("The", 0.675), ("enrollment", 0.875), ("Carvalho's", 0.675), ("she", 0.325)]
    assert doc.forecasts[3].speaker in ("Carvalho", "Ines Carvalho") and doc.forecasts[3].horizon == "before 2030"


def test_odds_given_after_their_event_are_one_forecast_of_it():
    doc = cogmap.extract("Freight notes\n\nMy base case: copper stays above $9,000 a tonne through 2027. "
                         "Call it a two-in-three chance.")
    assert [(f.statement, f.probability) for f in doc.forecasts] == [
        ("My base case: copper stays above $9,000 a tonne through 2027. Call it a two-in-three chance.", 0.6667)]
    doc = cogmap.extract("HOST: Will there be a strike before the end of the year?\n\n"
                         "MARA LENZ: I think it is unlikely. I would put it at one in five.\n\n"
                         "HOST: And the talks?\n\nMARA LENZ: They will resume next spring.")
    first = doc.forecasts[0]
    assert first.probability == 0.2 and "strike" in first.statement and first.speaker == "Mara Lenz"
    assert doc.text[first.evidence.start:first.evidence.end] == first.evidence.text
    assert len([f for f in doc.forecasts if "strike" in f.statement]) == 1
    # Two estimates in words stay two.
    doc = cogmap.extract("Q: When does the mine start producing?\n\nA: Maybe two years. Could be five.")
    assert len(doc.forecasts) == 2


def test_a_chance_given_in_an_aside_is_the_probability():
    doc = cogmap.extract("I'd be surprised (maybe 15%) to see rates below $15,000 by the end of 2027.")
    assert [f.probability for f in doc.forecasts] == [0.15]


def test_the_speakers_own_next_move_is_no_forecast():
    for text in ("I'll stick my neck out:", "I'll give you an example.", "I will be brief, then."):
        assert cogmap.extract(text).forecasts == [], text
    doc = cogmap.extract("Ferries\n\nWhat comes next\n\nI'll stick my neck out:\n\n"
                         "1. Ridership will probably keep growing through 2027.\n\n"
                         "2. There is a real risk that the northern route is cut.")
    assert len(doc.forecasts) == 2 and not any("neck" in f.statement for f in doc.forecasts)
    assert [f.probability for f in cogmap.extract("I will be surprised if the bill passes.").forecasts] == [0.325]


def test_a_comparative_correlative_is_a_rule_not_a_forecast():
    doc = cogmap.extract("Public finances\n\nThe debt ratio rose again last year. The higher the debt, the less room "
                         "the government will have to respond to the next recession.")
    assert doc.forecasts == [] and [c.cause.label for c in doc.claims] == ["debt"]


@pytest.mark.parametrize("text, p, hedge", [
    ("Will the club go down? Probably not; call it a twenty per cent chance.", 0.2, "twenty per cent"),
    ("A deal is unlikely; I'd give it perhaps one chance in ten.", 0.1, "one chance in ten"),
    ("I would put it at roughly sixty per cent that the discount is below fifteen dollars in December.",
     0.6, "sixty per cent"),
    ("Metered electricity would very probably reduce extraction.", 0.875, "very likely"),
])
@pytest.mark.parametrize("extractor", ["rules", "learned"])
def test_odds_spelt_out_outrank_the_hedge_beside_them(text, p, hedge, extractor):
    fs = cogmap.extract(text, extractor=extractor).forecasts
    assert [(f.probability, f.hedge) for f in fs] == [(pytest.approx(p), hedge)]


def test_a_share_spelt_out_is_no_chance():
    assert cogmap.extract("Prices rose twenty per cent last year.").forecasts == []


def test_that_is_why_states_what_is_to_come_and_asks_nothing():
    fs = cogmap.extract("That is why shoppers will feel this for weeks.", extractor="rules").forecasts
    assert [f.hedge for f in fs] == ["will"]
    assert cogmap.extract("Nobody knows why prices will rise.", extractor="rules").forecasts == []


@pytest.mark.parametrize("extractor", ["learned", "rules"])
@pytest.mark.parametrize("text,p", [
    ("I would put the odds of the reservoir lasting the decade at one in ten, at most.", 0.1),
    ("I put a default before the spring at roughly one in three.", 0.3333),
    ("A rate cut by June is unlikely, <15%.", 0.15),
    ("Tolls scrapped by next summer: ~40%.", 0.4),
    ("Analysts say a grey market is almost certain to appear within a year.", 0.97),
    ("The ferry operator is certain to raise fares before winter.", 0.97),
])
def test_odds_said_outright_outrank_the_hedge_beside_them(text, p, extractor):
    """Odds put as a number, where the writer puts them ("I'd put the odds at one in
    ten"), or tagged on at the end of a list's item (": ~40%"), are the forecast's; "almost
    certain to" is the scale's almost certain, not the plain future."""
    fs = cogmap.extract(text, extractor=extractor).forecasts
    assert [round(f.probability, 4) for f in fs] == [p], [(f.probability, f.hedge) for f in fs]


@pytest.mark.parametrize("text", ["Inflation in May: ~4%.", "Turnout by noon: 41%.",
                                  "The survey put turnout at 31 percent.", "Certain firms will gain."])
def test_a_measure_is_no_odds(text):
    """A level measured, or a month called May, is no chance of anything."""
    fs = cogmap.extract(text, extractor="rules").forecasts
    assert all(f.probability not in (0.04, 0.41, 0.31, 0.97) for f in fs), [(f.probability, f.hedge) for f in fs]


def test_a_bare_reply_denied_is_the_complement():
    d = cogmap.extract("Will the ferry operator go under this winter?\n\nAlmost certainly not. It has cash for two years.")
    assert [round(f.probability, 2) for f in d.forecasts] == [0.03], [(f.probability, f.hedge) for f in d.forecasts]


def test_a_percent_beside_a_risk_word_is_no_stated_odds_and_another_clauses_certainty_is_not_the_outcomes():
    """"a war-risk premium of one percent" prices a risk, "rose 1.2 percent as traders priced
    in the risk" measures a move: no odds; in "would probably call an election that it is
    certain to win" the outcome is probable, the win of the relative clause certain."""
    for text in ("Insurers now charge a war-risk premium of nearly one percent of hull value for a single crossing.",
                 "Tin rose 1.4 percent on the Halden exchange as traders priced in the risk of a strike."):
        fs = cogmap.extract(text, extractor="learned").forecasts
        assert all(f.probability > 0.05 for f in fs), [(f.probability, f.hedge) for f in fs]
    fs = cogmap.extract("The council would then probably call a vote that it is certain to win.").forecasts
    assert [f.hedge for f in fs] == ["probably"], [(f.probability, f.hedge) for f in fs]


@pytest.mark.parametrize("text, p", [
    # a figure that is a level the thing reaches is not its chance
    ("Brokers put the chance of a further rise above 1 percent by year-end at around 40 percent.", 0.4),
    ("There is a 30 percent chance that the index falls below 2 percent.", 0.3),
    # a bound in an aside is the middle of the range it leaves
    ("| Attack on a dam | Very unlikely (<10%) | Statements |", 0.05),
    ("| Strikes go on | Almost certain (>90%) | Reports |", 0.95),
    ("The odds of approval are no better than even.", 0.5),
])
def test_the_figure_that_is_the_odds(text, p):
    from cogmap.extract.forecasts import explicit_probability

    assert explicit_probability(load()(text)[:], "icd203")[0] == p


def test_a_premium_for_war_risk_is_no_chance():
    from cogmap.extract.forecasts import explicit_probability

    sent = next(load()("Analysts expect war-risk premiums to stay above 0.5 percent of hull value.").sents)
    assert explicit_probability(sent, "icd203") is None
    (f,) = cogmap.extract(sent.text).forecasts
    assert f.probability > 0.5  # the expectation's, not 0.005


@pytest.mark.parametrize("text", ["I expect they will keep falling for another two years.", "I suspect it will pass."])
def test_an_expectation_over_a_will_is_likely(text):
    (f,) = cogmap.extract(text).forecasts
    assert f.probability == SCALES["icd203"]["likely"]


@pytest.mark.parametrize("extractor", ["rules", "learned"])
@pytest.mark.parametrize("text", [
    "Whether the merger clears is a coin toss.",
    "It's a toss-up whether rates fall in June.",
    "I'd call it a coin flip whether the strike ends next month.",
    "Whether the deal survives next year is fifty-fifty.",
    "It's 50-50 whether the bill passes this autumn.",
    "The odds of a deal by June are 50-50.",
])
def test_a_coin_toss_is_even_odds(text, extractor):
    """"X is a coin toss", "a toss-up whether X", "50-50": what is to come said to be even odds."""
    doc = cogmap.extract(text, extractor=extractor)
    assert [f.probability for f in doc.forecasts] == [pytest.approx(0.5)], \
        [(f.probability, f.hedge) for f in doc.forecasts]
    f = doc.forecasts[0]
    assert doc.text[f.evidence.start:f.evidence.end] == f.evidence.text


def test_a_coin_toss_on_every_scale_and_not_of_the_past():
    for scale in SCALES:
        assert probability(["a", "toss", "-", "up"], scale=scale) == (0.5, "toss-up")
        assert probability(["50", "-", "50"], scale=scale)[0] == 0.5
        assert probability(["a", "coin", "flip"], scale=scale)[0] == 0.5
    assert cogmap.extract("It was a coin toss that decided the final in 2019.").forecasts == []


@pytest.mark.parametrize("extractor", ["rules", "learned"])
def test_two_coordinated_outcomes_with_hedges_of_their_own_are_two_forecasts(extractor):
    """"X will probably rise but could fall back", "X is expected to rise, but it could fall
    back": two outcomes, each with its own hedge; a condition or an "and" that goes on with
    the same outcome is one."""
    def got(text):
        return [(f.statement, f.probability) for f in cogmap.extract(text, extractor=extractor).forecasts]

    assert got("Prices will probably rise this year but could fall back in 2027.") == [
        ("Prices will probably rise this year", 0.675), ("could fall back in 2027.", 0.4)]
    assert got("Prices are expected to rise this year, but they could fall back in 2027.") == [
        ("Prices are expected to rise this year", 0.675), ("they could fall back in 2027.", 0.4)]
    assert got("Silva expects prices to rise this year, but they could fall back in 2027.") == [
        ("Silva expects prices to rise this year", 0.675), ("they could fall back in 2027.", 0.4)]
    fs = cogmap.extract("If demand holds, prices will rise but could fall back by 2027.", extractor=extractor).forecasts
    assert [f.condition for f in fs] == ["If demand holds", "If demand holds"] and fs[1].horizon == "by 2027"
    # one outcome: a condition, or a verb that goes on with it
    assert len(got("If the harvest fails, bread prices will probably double.")) == 1
    assert len(got("The bill would curb press freedom and could force outlets to close.")) == 1


@pytest.mark.parametrize("extractor", ["rules", "learned"])
@pytest.mark.parametrize("follow, p", [
    ("I'm certain of that.", 0.97), ("I'd say that's very likely.", 0.875), ("I'm fairly sure of it.", 0.675),
    ("That is unlikely, though.", 0.325), ("I'm not sure about that.", 0.5),
])
def test_how_sure_the_next_sentence_says_is_the_forecasts_probability(follow, p, extractor):
    """"The bank will cut rates in March. I'm certain of that.": one forecast, certain, its
    evidence both sentences."""
    first = "The bank will cut rates in March."
    doc = cogmap.extract(f"Rates\n\nAnalysts met on Monday. {first} {follow} Bonds rallied.", extractor=extractor)
    fs = [f for f in doc.forecasts if "bank" in f.statement or follow in f.statement]
    assert [(f.statement, f.probability) for f in fs] == [(f"{first} {follow}", p)], \
        [(f.statement, f.probability, f.hedge) for f in doc.forecasts]
    assert doc.text[fs[0].evidence.start:fs[0].evidence.end] == fs[0].evidence.text == f"{first} {follow}"


@pytest.mark.parametrize("extractor", ["rules", "learned"])
def test_only_a_sentence_that_says_nothing_but_how_sure_sets_the_forecast_before(extractor):
    def got(text):
        return [(f.statement, f.probability) for f in cogmap.extract(text, extractor=extractor).forecasts]

    # sure of a denied outcome: it will not come
    assert got("The bank won't cut rates in March. I'm sure of it.") == [
        ("The bank won't cut rates in March. I'm sure of it.", 0.03)]
    # a sentence that says more is no follow-up
    assert got("The bank will cut rates in March. That is why bonds rallied.") == [
        ("The bank will cut rates in March.", 0.875)]


def _forecasts(text, extractor):
    return [(f.statement, f.probability) for f in cogmap.extract(text, extractor=extractor).forecasts]


@pytest.mark.parametrize("extractor", ["rules", "learned"])
@pytest.mark.parametrize("text", [
    "Because workers were not recording each other, disputes were less likely to spread online.",
    "In the old blocks, tenants were far more likely to move out within a year.",
    "During the trial, clinics that opened late were less likely to turn patients away.",
])
def test_a_comparison_of_likelihood_in_the_past_is_no_forecast(text, extractor):
    """"X were less likely to Y": a finding about the past, not what is to come."""
    assert _forecasts(f"Twelve depots took part in a trial last spring. {text}", extractor) == []


@pytest.mark.parametrize("extractor", ["rules", "learned"])
def test_a_comparison_of_likelihood_to_come_stays_a_forecast(extractor):
    assert _forecasts("Smaller farms are more likely to fail next year.", extractor) == [
        ("Smaller farms are more likely to fail next year.", 0.675)]


@pytest.mark.parametrize("extractor", ["rules", "learned"])
@pytest.mark.parametrize("text", [
    "Higher tariffs should, over time, support local mills by making imports dearer.",
    "The new reservoir should eventually ease the shortages in the valley.",
    "Cheaper loans should lift housing starts next year.",
])
def test_a_should_of_an_expected_outcome_is_a_likely_forecast(text, extractor):
    doc = cogmap.extract(f"The ministry met on Tuesday. {text} Exporters were pleased.", extractor=extractor)
    assert [(f.statement, f.probability, f.hedge) for f in doc.forecasts] == [(text, 0.675, "should")]


@pytest.mark.parametrize("extractor", ["rules", "learned"])
@pytest.mark.parametrize("text", [
    "The council should cap parking fees.",
    "Landlords should repair the boilers before winter.",
    "The law should protect tenants.",
    "The fee should be scrapped next year.",
    "The ministry should have acted sooner.",
])
def test_a_should_of_advice_stays_no_forecast(text, extractor):
    assert _forecasts(text, extractor) == []


@pytest.mark.parametrize("extractor", ["rules", "learned"])
@pytest.mark.parametrize("aside", ["yes, I won't pretend otherwise", "and I can't deny it",
                                   "I won't lie to you", "I'm not going to pretend otherwise"])
def test_an_aside_on_the_speakers_stance_does_not_negate_the_forecast(aside, extractor):
    text = f"The levy will hurt small bakeries, {aside}."
    got = _forecasts(f"Q: Won't the levy hurt them?\n\nA: {text} But the big chains pay most of it.", extractor)
    assert (text, 0.875) in got, got


@pytest.mark.parametrize("extractor", ["rules", "learned"])
def test_a_stance_verb_that_frames_a_clause_still_reads_it(extractor):
    assert _forecasts("Prices will not fall this year, I can assure you.", extractor) == [
        ("Prices will not fall this year, I can assure you.", 0.125)]


@pytest.mark.parametrize("extractor", ["rules", "learned"])
@pytest.mark.parametrize("line", [
    "CHAIRMAN ROSS: We will adjourn for ten minutes.",
    "CHAIRMAN ROSS: We will now take questions from the floor.",
    "CHAIRMAN ROSS: The panel will resume at three.",
    "CHAIRMAN ROSS: We will break for lunch and reconvene at two.",
])
def test_a_chairs_housekeeping_of_the_session_is_no_forecast(line, extractor):
    text = ("MS OKAFOR: The pumps will fail within a decade if nothing is done.\n\n"
            f"{line}\n\n(Short break)\n\nMS OKAFOR: I stand by that.")
    got = _forecasts(text, extractor)
    assert got == [("The pumps will fail within a decade if nothing is done.", 0.875)], got


@pytest.mark.parametrize("extractor", ["rules", "learned"])
@pytest.mark.parametrize("text", [
    "We will take a hit next year.",
    "We will begin to see prices fall.",
    "The court will rule against the company.",
])
def test_what_we_or_a_court_will_do_beyond_the_sitting_stays_a_forecast(text, extractor):
    assert [s for s, _ in _forecasts(text, extractor)] == [text]


@pytest.mark.parametrize("extractor", ["rules", "learned"])
@pytest.mark.parametrize("text", [
    "Managers may approve remote work on a case-by-case basis.",
    "Patients may bring one visitor if they book ahead.",
    "Pupils who cycle to school may store their helmets in the office.",
    "Where a family cannot pay, the principal may waive the fee.",
])
def test_a_may_that_permits_a_role_an_act_is_no_forecast(text, extractor):
    assert _forecasts(f"Are there exceptions?\n\nYes. {text} The rules are posted online.", extractor) == []


@pytest.mark.parametrize("text", [
    "Some residents may feel more isolated at first.",
    "Some tenants may also leave the estate.",
    "Landlords may raise rents next year.",
])
def test_a_hedged_possibility_about_people_stays_a_forecast(text):
    assert _forecasts(text, "rules") == [(text, 0.4)]


@pytest.mark.parametrize("extractor", ["rules", "learned"])
def test_the_subject_who_puts_the_odds_is_the_forecaster(extractor):
    text = ("ANCHOR: The mill's future is in doubt.\n\n"
            "REPORTER (JO BRANDT): Workers voted on the offer this morning. Kessler puts the odds of keeping "
            "the mill open at maybe forty percent.")
    fs = [f for f in cogmap.extract(text, extractor=extractor).forecasts if "odds" in f.statement]
    assert [(f.probability, f.speaker) for f in fs] == [(0.4, "Kessler")]


@pytest.mark.parametrize("extractor", ["rules", "learned"])
def test_a_model_that_suggests_is_no_forecaster(extractor):
    """"the regional flood models suggest we'll likely see X": the forecast is the one's who
    cites the models, here the interviewee whose answer it is."""
    text = ("Flood outlook: an interview with Ines Moreau\n\n"
            "INTERVIEWER: How bad was this spring?\n\n"
            "INES MOREAU: Bad. The river rose faster than in any year we have records for.\n\n"
            "INTERVIEWER: And the longer term?\n\n"
            "INES MOREAU: Longer term, the regional flood models suggest we'll likely see bigger surges by 2040.\n\n"
            "INTERVIEWER: Thank you.")
    fs = [f for f in cogmap.extract(text, extractor=extractor).forecasts if "surges" in f.statement]
    assert [(f.probability, f.speaker) for f in fs] == [(0.675, "Ines Moreau")], [(f.statement, f.speaker) for f in fs]


@pytest.mark.parametrize("extractor", ["rules", "learned"])
def test_an_expected_should_in_a_statement_survives_the_reader(extractor):
    """The reader, which saw "should" mostly as advice, doubts it in a statement's prose: the
    rules' expected "should" stands, as a fixed forecasting phrase does."""
    text = ("GOVERNOR LINDQVIST: Good morning. Today the board raised the policy rate by one percentage point, "
            "to 9 percent.\n\nThe main pressure this quarter has come from abroad. Export earnings fell by "
            "12 percent compared with a year ago.\n\nHigher rates should, over time, support the krona by making "
            "savings accounts more attractive. We sold 300 million dollars of reserves in March.")
    fs = [(f.probability, f.hedge) for f in cogmap.extract(text, extractor=extractor).forecasts
          if "krona" in f.statement]
    assert fs == [(0.675, "should")]


@pytest.mark.parametrize("extractor", ["rules", "learned"])
@pytest.mark.parametrize("text, p, cue", [
    ("Will the ferry service resume by March? Maybe 1 in 5.", 0.2, "Will the ferry"),
    ("Will the ferry service resume by March? ~60%.", 0.6, "Will the ferry"),
    ("The ferry service resumes by March. Call it 55%.", 0.55, "The ferry"),
    ("Will the ferry service resume by March? I'd say 70-75%.", 0.725, "Will the ferry"),
])
def test_odds_given_alone_as_an_estimate_forecast_the_sentence_before(text, p, cue, extractor):
    """A sentence that is only odds, marked as an estimate, gives the odds of the event in the
    sentence or question before: the evidence starts there, and a range is its middle."""
    doc = cogmap.extract(text, extractor=extractor)
    assert [(f.probability, f.evidence.text[:len(cue)]) for f in doc.forecasts] == [(p, cue)]


@pytest.mark.parametrize("text", [
    "What share of the fleet is electric? Maybe 60%.",
    "Ferry fares fell by 2020. Maybe 60%.",
])
def test_odds_alone_after_a_present_or_past_fact_are_a_share(text):
    assert _forecasts(text, "rules") == []


@pytest.mark.parametrize("extractor", ["rules", "learned"])
@pytest.mark.parametrize("text, p", [
    ("The ferry service will resume next month, call it 55%.", 0.55),
    ("The ferry service resumes next month, I'd say 70 to 75 percent.", 0.725),
])
def test_odds_tagged_on_as_ones_estimate_outrank_the_modal(text, p, extractor):
    assert [f.probability for f in cogmap.extract(text, extractor=extractor).forecasts] == [p]


@pytest.mark.parametrize("extractor", ["rules", "learned"])
@pytest.mark.parametrize("text, p", [
    ("The ferry terminal is on track to reopen in March.", 0.675),
    ("We are on course to miss the 2030 target.", 0.675),
    ("There's no way the bridge is finished before 2030.", 0.03),
])
def test_on_track_and_no_way_are_forecasting_phrases(text, p, extractor):
    assert [f.probability for f in cogmap.extract(text, extractor=extractor).forecasts] == [p]


@pytest.mark.parametrize("text", ["There is no way to know what happens next.",
                                  "The terminal was on track to reopen until the fire."])
def test_no_way_to_know_and_a_past_track_forecast_nothing(text):
    assert _forecasts(text, "learned") == []


@pytest.mark.parametrize("answer, p", [("I think so.", 0.675), ("I don't think so.", 0.325), ("No chance.", 0.03),
                                       ("Not a chance.", 0.03)])
def test_a_belief_or_no_chance_answers_a_question_about_the_future(answer, p):
    text = (f"Ferries: an interview with Ana Ruiz\n\nQ: Will the terminal reopen by June?\n\nA: {answer}\n\n"
            "Q: Why?\n\nA: The cranes are broken.")
    assert [f.probability for f in cogmap.extract(text).forecasts] == [p]


@pytest.mark.parametrize("text, p", [("It is hard to see the ferry terminal reopening this year.", 0.325),
                                     ("A rebound in ferry traffic is far from certain.", 0.4)])
def test_hard_to_see_and_far_from_certain_are_forecasting_phrases(text, p):
    assert [f.probability for f in cogmap.extract(text).forecasts] == [p]


def test_hard_to_see_why_is_no_forecast():
    assert cogmap.extract("It is hard to see why ferry traffic fell.").forecasts == []


@pytest.mark.parametrize("text, p", [("The likelihood of new port tolls is high.", 0.675),
                                     ("If talks fail, the likelihood of new port tolls is high.", 0.675),
                                     ("The chances of a fare cut this winter are slim.", 0.325)])
def test_a_likelihood_said_to_be_high_or_slim_now_is_a_forecast(text, p):
    assert [f.probability for f in cogmap.extract(text).forecasts] == [p]


def test_a_likelihood_that_has_grown_is_no_forecast():
    assert cogmap.extract("The risk of ferry strikes has grown since 2019.").forecasts == []


@pytest.mark.parametrize("text", ["Commuters could be forgiven for thinking the ferry had stopped for good.",
                                  "Islanders would be forgiven if they gave up on the ferry."])
def test_could_be_forgiven_for_is_no_forecast(text):
    assert cogmap.extract(text).forecasts == []


def test_a_debt_that_will_be_forgiven_is_a_forecast():
    assert [f.probability for f in cogmap.extract("The ferry operator's debt will be forgiven next year.").forecasts] \
        == [0.875]


def test_the_noun_will_is_no_modal():
    # Read after a forecast, the reader tags "will" as a hedge even where it is a noun.
    doc = cogmap.extract("Can prices fall soon?\n\nThis shift in costs will fade.\n\n"
                         "Another factor is the political will to keep fuel taxes high through the winter.\n")
    assert [f.statement for f in doc.forecasts] == ["This shift in costs will fade."]


def test_wont_is_will_and_its_not():
    """The tokenizer splits "won't" into "wo" and "n't": "wo" is the scales' "will", so the
    verb it hedges is found and its "not" counted, as for "will not" (a "won't" the
    scales did not know read as no hedge, and the forecast as a plain, unnegated "will")."""
    from cogmap.extract import hedges

    assert hedges.has_term(["wo"]) and hedges.has_term(["won't"])
    doc = cogmap.extract("The vote was held on Monday.\n\nWith this budget, the council is sending a "
                         "message that it won't be bullied by the province.")
    assert [(f.probability, f.hedge) for f in doc.forecasts] == [(0.125, "will not")]


HEADLINE_PIECE = ("Heat Wave Will Push Power Prices Higher\n\n"
                  "A long heat wave across the region will push power prices higher this summer, analysts said "
                  "on Tuesday.\n\n"
                  "The grid operator could also ask factories to cut their use of power at peak hours, said Mara "
                  "Olsen, an energy economist.\n\n"
                  "Olsen said demand for air conditioning will keep rising as summers get hotter.\n")


@pytest.mark.parametrize("kind", ["learned", "rules"])
def test_a_headline_that_restates_the_lede_is_one_forecast_with_both_quotes(kind):
    doc = cogmap.extract(HEADLINE_PIECE, extractor=kind)
    on_prices = [f for f in doc.forecasts if "power prices" in f.statement.lower()]
    assert len(on_prices) == 1, [f.statement for f in doc.forecasts]
    lede = on_prices[0]
    assert lede.statement.startswith("A long heat wave")  # the body's words, not the headline's
    assert [r.text for r in lede.restated] == ["Heat Wave Will Push Power Prices Higher"]
    for r in lede.restated:
        assert doc.text[r.start:r.end] == r.text
    assert all(not f.restated for f in doc.forecasts if f is not lede)
    assert [f.id for f in doc.forecasts] == [f"f{n}" for n in range(1, len(doc.forecasts) + 1)]


def test_a_headline_on_another_link_stays_its_own_forecast():
    # Both are about power prices, but through another cause: two calls, not one said twice.
    text = HEADLINE_PIECE.replace("A long heat wave across the region will push power prices higher",
                                  "Cheaper natural gas from new wells will push power prices lower")
    doc = cogmap.extract(text)
    head = [f for f in doc.forecasts if f.evidence.start == 0]
    assert head and head[0].concepts, "the headline must be a forecast with concepts for this test to say anything"
    assert not any(f.restated for f in doc.forecasts)


def test_we_should_expect_is_an_expectation_not_advice():
    doc = cogmap.extract("We should expect more frequent flooding by 2050. We should fund sea walls.")
    assert [(f.statement.split()[2], f.probability) for f in doc.forecasts] == [("expect", 0.675)]


def test_a_hedge_on_a_noun_added_at_the_end_is_not_the_forecasts():
    doc = cogmap.extract("The levy will hurt small farms, and perhaps even rural banks.")
    assert [f.probability for f in doc.forecasts] == [0.875]


@pytest.mark.parametrize("text, want", [
    ("The bank predicts slower growth.", [0.675]),
    ("Looking beyond the holidays, we project blank sailings and capacity cuts by carriers.", [0.675]),
    ("Prior business experience predicts higher returns to credit.", []),  # an association found
    ("China projects power across the region.", []),
    ("The bank predicted slower growth last year.", []),
])
def test_someone_who_predicts_a_noun_forecasts_it(text, want):
    assert [f.probability for f in cogmap.extract(text).forecasts] == want


@pytest.mark.parametrize("question, answer, p", [
    ("Prices will keep rising next year, won't they?", "Probably, yes.", 0.675),
    ("By the time it's finished it'll cost a little more, right?", "Exactly.", 0.875),
    ("The plan worked, right?", "Exactly.", None),  # the past: nothing foretold
])
def test_a_statement_put_as_a_question_by_its_tag_and_confirmed_is_a_forecast(question, answer, p):
    doc = cogmap.extract(f"Q: {question}\n\nA: {answer}\n\nQ: Anything else?\n\nA: No.")
    assert [f.probability for f in doc.forecasts] == ([p] if p else [])


@pytest.mark.parametrize("text, want", [
    ("It remains to be seen whether the truce holds.", [0.5]),
    ("Analysts see the euro weakening next year.", [0.675]),
    ("The bank is seen raising rates in June.", [0.675]),
    ("I see prices rising.", []),  # what one sees now
    ("We saw prices rising last year.", []),
])
def test_what_remains_to_be_seen_and_what_a_market_sees_ahead(text, want):
    assert [f.probability for f in cogmap.extract(text).forecasts] == want


def test_an_estimate_of_what_could_be_by_a_date_ahead_is_a_forecast():
    # After a sentence of survey figures the reader gave it P(forecast) 0.002.
    text = ("Over 70 percent of users of these weight loss drugs reported visiting fast-food restaurants less often. "
            "Harbour Bank analysts estimate that by 2035, about 7 percent of the population, roughly 20 million "
            "people, could be using these obesity drugs.")
    doc = cogmap.extract(text, extractor="learned")
    assert [f.evidence.text[:20] for f in doc.forecasts] == ["Harbour Bank analyst"]
    # an estimate of what was is none
    doc = cogmap.extract("Sales fell sharply last year. Analysts estimate that by 2023 the bank had lost "
                         "2 billion dollars.", extractor="learned")
    assert doc.forecasts == []


def test_being_forced_to_act_may_come():
    # (the reader gave the second P(forecast) under the rules' floor after the first)
    text = "Turbines may stop turning. Big cities may be forced to restrict water usage or growth."
    assert [f.evidence.text[:20] for f in cogmap.extract(text).forecasts] == ["Turbines may stop tu",
                                                                             "Big cities may be fo"]
