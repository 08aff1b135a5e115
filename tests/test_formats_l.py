"""Formats of set L: italic questions, a talk's stage directions and its questions from the
floor, a letter's signature, and the markings, licences and blanks that documents carry."""
from __future__ import annotations

import pytest

import cogmap
from cogmap.extract.clean import clean

ITALIC_QA = """A harbour pilot on the winter storms

Oskar Lindgren has guided tankers into the bay for thirty years. He spoke to our reporter about the season.

_This conversation has been condensed and edited._

_Why have the storms been so hard on the port this year?_

The swell came from the north-east, which the breakwater was never built for. Ships waited outside for days.

_Insurers in the city are raising their premiums for every ship in the fleet._

They are, because claims for damaged cargo doubled. I expect premiums to rise again next spring.

_And the pilots themselves?_

We are tired. Longer waits mean longer shifts, and tired pilots make mistakes.

_Captain Lindgren, thank you very much for your time this morning._

Thank you.
"""


@pytest.mark.parametrize("mark", ["_", "*"])
def test_wholly_italic_paragraphs_between_answers_are_the_interviewers_turns(mark):
    doc = cogmap.extract(ITALIC_QA.replace("_", mark))
    asked = [doc.text[t.start:t.end] for t in doc.turns if t.kind == "question"]
    assert asked == ["Why have the storms been so hard on the port this year?", "Insurers in the city are raising their premiums for every ship in the fleet.",
                     "And the pilots themselves?", "Captain Lindgren, thank you very much for your time this morning."]
    assert mark not in doc.text
    assert {t.speaker for t in doc.turns if t.kind == "answer"} == {"Oskar Lindgren"}


def test_an_italic_standfirst_or_caption_makes_no_interview():
    text = ("Rents in the port town\n\n_Why the old quarter is emptying._\n\nRents rose by a third after the "
            "ferry terminal opened, and families moved inland.\n\n_The quay at dusk._\n\n"
            "The council expects rents to keep rising next year.\n")
    doc = cogmap.extract(text)
    assert {t.kind for t in doc.turns} == {"narration"}


def test_a_note_that_the_interview_was_condensed_is_debris():
    c = clean(ITALIC_QA)
    assert "This conversation has been condensed and edited." in c.removed
    assert "condensed" not in c.text


TALK = """HARBOUR FUTURES CONFERENCE — CLOSING ADDRESS

MIRA OSTBERG: Welcome back. Our last speaker runs the northern ferry company. Mr Halvorsen.

[Applause]

PER HALVORSEN: Thank you, Mira. Ten years ago our ferries carried mostly lorries. Today they carry mostly tourists. [Laughter] That change rebuilt our timetable.

[Slide 5: Passengers and freight, 2015-2025]

Why did the lorries leave? The new bridge opened in 2019, so hauliers stopped paying our fares. Freight revenue fell by half.

What will happen next? We will probably order two electric ferries next year. (inaudible) The harbour board has to agree first.

Thank you.

(Applause)

MIRA OSTBERG: We have time for questions. The gentleman by the window.

AUDIENCE MEMBER (Jonas Eklund, Coastal Hauliers Federation of the North): Haven't the tourist fares pushed local families off the boats?

PER HALVORSEN: Some, yes. Peak fares rose, because the summer demand is so strong.

AUDIENCE MEMBER (Lotte Brandvik, Island Residents): Why not give residents a discount?

PER HALVORSEN: Because the regulator caps the discounts we may offer.

MIRA OSTBERG: Please thank our speaker.
"""


def test_stage_directions_and_slides_go_whole_or_inside_a_turn():
    doc = cogmap.extract(TALK)
    for cue in ("[Applause]", "(Applause)", "[Laughter]", "(inaudible)", "[Slide 5"):
        assert cue not in doc.text
    assert "Today they carry mostly tourists. That change rebuilt our timetable." in doc.text
    assert "next year. The harbour board" in doc.text
    for item in list(doc.claims) + list(doc.forecasts) + list(doc.quotes):
        ev = getattr(item, "evidence", None) or item
        assert doc.text[ev.start:ev.end] == ev.text


def test_a_speakers_own_questions_answered_in_the_talk_are_no_turns():
    """Where the questions from the floor have labels, the speaker's "Why did X? Because ..."
    runs on in the speaker's turn."""
    doc = cogmap.extract(TALK)
    asked = [doc.text[t.start:t.end] for t in doc.turns if t.kind == "question"]
    assert [q.split()[0] for q in asked] == ["Haven't", "Why"] and asked[1].startswith("Why not give")
    for opening in ("Why did the lorries", "What will happen next"):
        at = doc.text.index(opening)
        turn = next(t for t in doc.turns if t.start <= at < t.end)
        assert turn.kind == "answer" and turn.speaker == "Per Halvorsen"


def test_each_question_from_the_floor_is_its_askers_whom_the_label_names():
    doc = cogmap.extract(TALK)
    assert [t.speaker for t in doc.turns if t.kind == "question"] == ["Jonas Eklund", "Lotte Brandvik"]
    assert any(q.speaker == "Jonas Eklund" and q.text.startswith("Haven't") for q in doc.quotes)


def test_a_label_in_accented_capitals_names_its_person():
    text = ("Panel on tides\n\nANA NÚÑEZ: The tides rose because the sandbank moved. I expect more floods.\n\n"
            "HOST: Why did the sandbank move?\n\nANA NÚÑEZ: Dredging removed its base.\n")
    doc = cogmap.extract(text)
    assert {t.speaker for t in doc.turns if t.kind == "answer"} == {"Ana Núñez"}


LETTER = """A letter to our members

Dear members,

This was a difficult season for the cooperative. Heavy rain in May delayed the planting, and the late planting cut our yields by a fifth.

Lower yields meant less grain to sell, so our income fell even though prices held up.

We expect next year's harvest to recover if the spring is dry.

Thank you for standing with the cooperative through a hard year.

Marta Kowalczyk-Berg
Managing Director
Lublin, 2 February 2026
"""


def test_a_letters_signature_names_who_speaks_it():
    assert clean(LETTER).author == "Marta Kowalczyk-Berg"
    doc = cogmap.extract(LETTER)
    assert doc.claims and {c.speaker for c in doc.claims} == {"Marta Kowalczyk-Berg"}


def test_a_signature_under_a_closing_names_the_writer():
    text = ("To the editor\n\nThe new bus lane has slowed deliveries on our street by an hour a day, and "
            "shops have lost trade because of it.\n\nYours sincerely,\n\nTomas Ruiz-Albeniz\n")
    assert clean(text).author == "Tomas Ruiz-Albeniz"


BODY = "The tribunal found that the merger would raise fares on the island routes, because rivals would leave."


@pytest.mark.parametrize("line", ["Crown copyright 2026. Reproduced under the Open Court Licence.",
                                  "Text licensed under a Creative Commons Attribution licence.",
                                  "Photographs copyright the Harbour Trust, used with permission."])
def test_a_copyright_or_licence_line_is_debris(line):
    c = clean(f"Ruling on the ferry merger\n\n{BODY}\n\n{line}\n")
    assert c.removed == [line] and c.text.endswith(BODY)


@pytest.mark.parametrize("line", ["RESTRICTED — NOT FOR CIRCULATION", "Strictly confidential", "OFFICIAL-SENSITIVE",
                                  "Approved by: ____________________   Date: ________"])
def test_handling_markings_and_a_forms_blanks_are_debris_every_time(line):
    text = (f"Minutes of the trustees' meeting\n\n{line}\n\n2.1 The treasurer said that the storm had raised the "
            f"repair bill, because the north quay flooded.\n\n{line}\n\n2.2 The trustees noted that the budget was "
            "confidential until June, so the figures stay with the board.\n")
    c = clean(text)
    assert c.removed == [line, line]
    assert "the budget was confidential until June" in c.text  # prose about confidentiality stays


@pytest.mark.parametrize("line", ["Join The Coastal Weekly for $3 a month. Already a subscriber? Sign in.",
                                  "More from Ports: How the old ferry pier was saved · The last of the lightship crews",
                                  "Slides and audio on the conference website. Follow the Trust on social media: @Trust"])
def test_page_furniture_of_a_magazine_page_is_debris(line):
    c = clean(f"A pilot's life\n\n{BODY}\n\n{line}\n")
    assert c.removed == [line] and c.text.endswith(BODY)


def test_a_page_of_several_signed_letters_has_no_one_signer():
    one = ("Dear Editor,\n\nThe new bus lane has slowed deliveries on our street by an hour a day, so shops "
           "have lost trade.\n\n{}\n\n")
    text = "Letters\n\n" + one.format("Tomas Ruiz-Albeniz") + one.format("Ana Kowalska")
    assert clean(text).author is None
