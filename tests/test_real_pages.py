"""Real pages saved as text: the furniture of players, banners, author boxes and captions
goes; interviews run together or opened by an address keep their turns; speakers are found
where a real page puts them (single quote marks, a quote under a sentence about its speaker).

The texts are invented, in the shapes real pages have."""
from __future__ import annotations

import pytest

import cogmap
from cogmap.extract.clean import clean

BODY = ("Harbour fees at Tollby rose by a fifth this spring, and shipping lines have started to "
        "divert cargo to the smaller port at Wrenmouth.")
MORE = ("Dock workers say the diversion has already cut overtime, and the port authority expects "
        "the traffic to return once the fee review ends in the autumn.")


def _removed(page: str, *lines: str):
    c = clean(page)
    for line in lines:
        assert line in c.removed, (line, c.removed)
        assert line not in c.text.split("\n\n"), line
    return c


@pytest.mark.parametrize("line", [
    "Play Live Radio",  # a station player's button
    "Next Up:",  # its queue's heading
    "0:00 0:00",  # its clock, at rest
    "Available On Air Stations",  # its list of stations
    "Storm Repairs Affecting WTBY 88.5 FM",  # a station's notice, which gives its frequency
    "• Follow I follow",  # a follow button, which says "I follow" once pressed
    "Your browser (IE 10) is not supported. Please visit us in a modern browser.",
    "• This spring, trade like the pros with our award-winning signals tool. To learn more, click here>>",
    "Up next: Where Did All the Ferries Go? | Harbour Sums",  # a video player's queue
    "Show transcript",  # and its controls
    "Search in video",
    "...more",
    "86K subscribers",  # the channel's counters
    "3.1M views  2 days ago  #ports #fees",
    "Follow Greta Halvorsen",  # a social button with the writer's name
    "Stay connected with us",
    "To read the full story, go to harbourwire.example.",  # a teaser's way out
    "Moving house? Check out our guide to removal firms",  # a promo
    "fact-checked",  # a publisher's badges of review
    "This story has been reviewed according to Harbour Wire's editorial standards.",
    "Harbour Wire logo",  # a logo's alt text
    "Shares close in 3 hours 12 minutes",  # a market clock
    "gtag_config",  # the page's code, left in its text
    "Ferry operators count the cost of a long strike 02:41",  # a clip, with its length
])
def test_widgets_of_real_pages_go(line):
    c = _removed(f"Harbour fees drive cargo away from Tollby\n\n{line}\n\n{BODY}\n\n{MORE}", line)
    assert c.text == f"Harbour fees drive cargo away from Tollby\n\n{BODY}\n\n{MORE}"


def test_a_transcript_stamped_at_each_line_is_no_list_of_clips():
    lines = [f"{s} {m}:{k}0" for m, s in enumerate((BODY, MORE, "The review ends in the autumn",
                                                    "Fees may fall after that", "Or they may not"))
             for k in (1,)]
    c = clean("Harbour fees drive cargo away from Tollby\n\n" + "\n\n".join(lines))
    assert c.removed == [] and all(ln in c.text for ln in lines)


def test_a_radio_stations_player_above_the_headline_leaves_the_headline_the_title():
    page = ("Play Live Radio\n\nNext Up:\n\n0:00 0:00\n\nAvailable On Air Stations\n\n"
            f"Storm Repairs Affecting WTBY 88.5 FM\n\nHarbour fees drive cargo away from Tollby\n\n{BODY}\n\n{MORE}")
    assert clean(page).title == "Harbour fees drive cargo away from Tollby"


def test_a_masthead_above_the_headline_goes():
    page = f"The Tollby Herald\n\nHarbour fees drive cargo away from Tollby\n\n{BODY}\n\n{MORE}"
    c = _removed(page, "The Tollby Herald")
    assert c.title == "Harbour fees drive cargo away from Tollby"
    # A headline that merely ends on such a word stays, when nothing else heads the page.
    kept = clean(f"Tollby dockers head to the Press\n\n{BODY}")
    assert kept.removed == [] and kept.title == "Tollby dockers head to the Press"


def test_a_byline_in_capitals_after_a_dash_goes_and_names_the_writer():
    page = f"Harbour fees drive cargo away from Tollby\n\n- MARTA KOVAC\n\n{BODY}\n\n{MORE}"
    c = _removed(page, "- MARTA KOVAC")
    assert c.author == "Marta Kovac"


@pytest.mark.parametrize("page,line", [
    (f"Harbour Review Quarterly - 2026 Q3\n\n{BODY}\n\n{MORE}", "Harbour Review Quarterly - 2026 Q3"),
    (f"{BODY}\n\nPort Economics Monthly, Issue 42\n\n{MORE}", "Port Economics Monthly, Issue 42"),
])
def test_a_publications_issue_line_goes(page, line):
    _removed(page, line)


def test_an_authors_box_goes_name_post_and_button():
    page = (f"{BODY}\n\nInes Morrow\n\nSenior correspondent in Wrenmouth.\n\n• Follow I follow\n\n"
            f"Tomas Pell\n\nEditor for maritime trade.\n\n{MORE}")
    c = _removed(page, "Ines Morrow", "Senior correspondent in Wrenmouth.", "Tomas Pell", "Editor for maritime trade.")
    assert c.text == f"{BODY}\n\n{MORE}"


def test_a_sentence_under_a_name_that_has_a_verb_is_no_post():
    page = f"{BODY}\n\nInes Morrow\n\nThe correspondent said fees would fall.\n\n{MORE}"
    assert "The correspondent said fees would fall." in clean(page).text


def test_a_caption_with_its_credit_run_on_goes():
    caption = "Lena Orr, a crane driver, has worked at the Tollby docks since she was nineteen.Courtesy Lena Orr"
    _removed(f"{BODY}\n\n{caption}\n\n{MORE}", caption)
    spaced = "Cranes idle at the Tollby docks in March. Photo by Ana Ruiz/Harbour Pictures"
    _removed(f"{BODY}\n\n{spaced}\n\n{MORE}", spaced)


def test_an_images_alt_text_a_name_and_a_stop_goes():
    _removed(f"{BODY}\n\nLena Orr.\n\n{MORE}", "Lena Orr.")


def test_a_line_of_two_capitalised_words_with_a_stop_that_is_no_name_stays():
    page = f"{BODY}\n\nThank You.\n\n{MORE}"
    assert "Thank You." in clean(page).text.split("\n\n")


def test_a_pull_quote_that_repeats_a_sentence_of_the_body_goes():
    pulled = "Fees are the first thing a shipping line looks at when it chooses a port."
    page = f"{BODY}\n\n{pulled}\n\nAsked why, the harbour master said: {pulled} Tollby forgot that.\n\n{MORE}"
    c = _removed(page, pulled)
    assert f"the harbour master said: {pulled}" in c.text


def test_a_sentence_that_repeats_only_a_clause_of_another_is_no_pull_quote():
    said = "The harbour board will certainly cut the fees in the spring."
    page = f"I think the harbour board will certainly cut the fees in the spring.\n\n{BODY}\n\n{said}"
    assert said in clean(page).text.split("\n\n")


def test_a_caption_that_gives_a_name_a_body_and_a_post_goes():
    line = "Ines Morrow, University of Wrenmouth, Professor of Maritime Economics"
    _removed(f"{BODY}\n\n{line}\n\n{MORE}", line)


RUN_TOGETHER = (
    "Harbour Review Quarterly - 2026 Q3\n\n"
    "Harbour Review : Are higher fees already pushing cargo out of Tollby? Ines Morrow: Fees are only part of it. "
    "The port's cranes are old, and lines that wait a day at anchor lose more than the fee. "
    "HR : Where does the cargo go instead? Are the smaller ports ready? IM: Wrenmouth takes most of it. "
    "Its berths are full by noon. Take Wrenmouth: since the spring, queues have doubled.")


def test_an_interview_run_together_in_one_paragraph_is_split_into_turns():
    c = clean(RUN_TOGETHER)
    paragraphs = c.text.split("\n\n")
    assert paragraphs[0].startswith("Harbour Review : Are higher fees")
    assert paragraphs[1].startswith("Ines Morrow: Fees are only part of it.")
    assert paragraphs[2].startswith("HR : Where does the cargo go instead?")
    # (a colon after a sentence that names no returning voice splits nothing)
    assert paragraphs[3] == "IM: Wrenmouth takes most of it. Its berths are full by noon. " \
                            "Take Wrenmouth: since the spring, queues have doubled."
    assert c.title is None  # an interviewer's turn is no headline


def test_the_run_together_interview_has_its_questions_and_answers_by_initials():
    doc = cogmap.extract(RUN_TOGETHER)
    questions = [doc.text[t.start:t.end] for t in doc.turns if t.kind == "question"]
    assert [q[:30] for q in questions] == ["Are higher fees already pushin", "Where does the cargo go instea"]
    answers = [t for t in doc.turns if t.kind == "answer"]
    assert len(answers) == 2 and {t.speaker for t in answers} == {"Ines Morrow"}


ADDRESSED = """Ms. Okafor, shippers and dock workers are complaining about the new harbour fees.

The port authority must be doing very well out of them, surely?

We want steady traffic, not the highest fee we can get for a season.

Will the fees come down before the winter?

The review ends in October. After that, I expect a cut for the smaller lines.

Shippers don't need help?

They need berths more than they need discounts.
"""


def test_a_turn_that_addresses_the_one_interviewed_is_a_question_and_names_her():
    doc = cogmap.extract(ADDRESSED)
    first = doc.turns[0]
    assert first.kind == "question" and doc.text[first.start:first.end].startswith("Ms. Okafor, shippers")
    answers = [t for t in doc.turns if t.kind == "answer"]
    assert answers and all(t.speaker == "Okafor" for t in answers)


def test_an_address_in_narration_is_no_question():
    text = ("Ms. Okafor, who runs the port authority, spoke to us about the fees.\n\n"
            "Will the fees come down?\n\nThe review ends in October.\n\nAnd then?\n\nI expect a cut.")
    doc = cogmap.extract(text)
    assert doc.turns[0].kind == "narration"


def test_single_quote_marks_quote_a_speaker():
    text = ("Harbour fees have driven lines away from Tollby.\n\n"
            "'Fees matter less than the cranes do,' said Ines Morrow of the Wrenmouth port board. "
            "'If the cranes are replaced, the lines will come back.'\n\n"
            "The dockers' union disagrees with the port's 'cheap berth' plans.")
    doc = cogmap.extract(text)
    said = {q.text.rstrip(",."): q.speaker or "" for q in doc.quotes}
    assert "Ines Morrow" in said.get("If the cranes are replaced, the lines will come back", ""), said
    assert "Ines Morrow" in said.get("Fees matter less than the cranes do", ""), said
    assert not any("cheap berth" in q.text for q in doc.quotes)  # two words in marks: a scare quote


def test_the_one_a_subject_names_speaks_not_whose_they_are():
    text = ("Harbour fees have driven lines away from Tollby.\n\n"
            "Grand Duke Henrik Aalto\u2019s personal chief secretary Mohammed Karim Haddad said on Monday that "
            "\u201cthe fees were set too high for the smaller lines.\u201d\n\n"
            "However, he added, \u201cthe port cannot afford to cut them before the review ends.\u201d")
    doc = cogmap.extract(text)
    speakers = {q.speaker for q in doc.quotes}
    assert speakers == {"Mohammed Karim Haddad"}, [(q.speaker, q.text) for q in doc.quotes]


@pytest.mark.parametrize("lead", [
    # of two subjects of a speech verb, the one next to it speaks
    "Harbour Board chairman Dara Quill\u2019s senior legal adviser Osman Veldt said on Monday that ",
    # what someone concedes is their word
    "The harbour master, Osman Veldt, conceded on Monday that ",
])
def test_the_speaker_of_a_reported_quote(lead):
    text = ("Harbour fees have driven lines away from Tollby.\n\n" + lead +
            "\u201cthe fees were set too high for the smaller lines.\u201d")
    doc = cogmap.extract(text)
    assert {q.speaker for q in doc.quotes} == {"Osman Veldt"}, [(q.speaker, q.text) for q in doc.quotes]


def test_a_quote_under_a_sentence_about_its_speaker_is_theirs():
    text = ("Harbour fees have driven lines away from Tollby.\n\n"
            "Petra Lindqvist, an economist at the port board, said the fees were a mistake.\n\n"
            "The harbour master, Osman Veldt, defended them at a meeting on Monday.\n\n"
            "Lindqvist, for her part, sounded gloomier than ever about the port's prospects.\n\n"
            "\u201cThe outlook for the port this year is poor, and next year looks no better.\u201d")
    doc = cogmap.extract(text)
    q = next(q for q in doc.quotes if q.text.startswith("The outlook"))
    assert q.speaker == "Petra Lindqvist"


HOSTED = """Tollby harbour fees drive cargo away

Harbour fees at Tollby rose by a fifth this spring, and lines are diverting cargo to Wrenmouth. We know that higher fees are pushing the smaller lines away first. Here to talk about it is Ines Morrow, an economist at the Wrenmouth port board. Welcome.

INES MORROW: Thank you, Sam.

PELL: So how fast is the cargo leaving?

MORROW: Faster than anyone expected. The smaller lines left within a month.

PELL: And will it come back?

MORROW: Only if the fees fall.
"""


def test_a_hosts_untagged_opening_is_the_hosts():
    doc = cogmap.extract(HOSTED)
    opening = next(t for t in doc.turns if doc.text[t.start:t.end].startswith("Harbour fees at Tollby"))
    assert opening.kind == "narration" and opening.speaker is not None and opening.speaker.lower() == "pell"
    # A news story's paragraph before a tagged exchange is no host's.
    news = HOSTED.replace(" Welcome.", "")
    opening = next(t for t in cogmap.extract(news).turns
                   if t.start <= news.index("Harbour fees at Tollby") < t.end or t.speaker is None)
    assert opening.speaker is None
