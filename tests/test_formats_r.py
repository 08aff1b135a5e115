"""Formats of real broadcast transcripts: a voice's tag alone on the line before its words,
a part given after a comma in capitals ("NAME, HOST:"), and a voice given in full once and by
surname after ("OWEN:")."""
from __future__ import annotations

import cogmap
from cogmap.extract.clean import clean

TRANSCRIPT = """LEILA OWEN, HOST:
Bus fares in the valley rose again this week. To talk about it, we're joined by Sam Ortiz, who studies transport at Lakeside College. Good morning.
SAM ORTIZ: Good morning, Leila.
OWEN: What is behind the rise?
ORTIZ: Mostly fuel. Dearer diesel has pushed up what operators pay, and they pass it on.
OWEN: Will fares keep rising?
ORTIZ: Probably, unless the subsidy comes back.
"""


def test_a_tag_alone_on_its_line_opens_the_turn_below_it():
    cleaned = clean(TRANSCRIPT)
    first = cleaned.text[slice(*cleaned.paragraphs[0])]
    assert first.startswith("LEILA OWEN, HOST: Bus fares in the valley rose")


def test_a_part_after_a_comma_and_the_surname_after_are_one_asking_voice():
    doc = cogmap.extract(TRANSCRIPT)
    asked = [t for t in doc.turns if t.kind == "question"]
    answered = [t for t in doc.turns if t.kind == "answer"]
    assert {t.speaker for t in asked} == {"Leila Owen"}
    assert len(asked) >= 2 and {t.speaker for t in answered} == {"Sam Ortiz"}


def test_a_heading_over_bullets_is_not_joined_as_a_tag():
    cleaned = clean("MAIN POINTS:\n- Births fell by 3%.\n- Deaths rose.\n")
    assert cleaned.text.startswith("MAIN POINTS:\n\n")
