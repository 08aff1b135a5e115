"""Formats of set M: a radio phone-in (a host, a studio guest, callers named in brackets), a
parliamentary record (tabled questions, an office's holder in brackets, column markers), a page
of several signed letters, a chat's export (time-stamped turns, reactions, the app's own lines)
and a saved encyclopaedia page (banners, contents, edit links, references)."""
from __future__ import annotations

import pytest

import cogmap
from cogmap.extract.clean import clean, unwrap

PHONE_IN = """HARBOUR 88 FM — MORNING CALL WITH ODILE FENN

ODILE FENN: Good morning, you're on Morning Call. Today we ask whether the new ferry timetable is working. With me is Dr Pavel Strand, who studies island transport at Northgate College. Pavel, welcome.

DR PAVEL STRAND: Thank you, Odile. Glad to be here.

ODILE FENN: The operator says the later sailings have brought tourists back. Is that right?

DR PAVEL STRAND: Partly. The late sailing lets day trippers stay for dinner, so restaurant takings on the island have risen. But most of the new passengers are islanders going to the mainland, not tourists.

ODILE FENN: On the line now, Ruairi in Eastcliff. Ruairi, go ahead.

CALLER (RUAIRI, EASTCLIFF): Morning. Since the timetable changed the early boat is always full. The cuts to the early boat have cost me my morning shift twice this month.

ODILE FENN: Pavel?

DR PAVEL STRAND: The early boat is full because the operator moved the school run onto it, which crowds out commuters. A second early sailing would fix that.

ODILE FENN: Let's go to Sunniva in Portmoor. Sunniva, you're on.

CALLER (SUNNIVA, PORTMOOR): Hello. Higher fares have pushed my family back onto the car ferry. When will the operator publish the new fares?

ODILE FENN: Good question. Pavel, will fares keep rising next year?

DR PAVEL STRAND: Probably, because fuel costs are rising and the subsidy is frozen. I would put it at about two in three that fares rise again next spring.

ODILE FENN: Thanks to both of you. More after the news.
"""


def _turns(doc):
    return [(t.kind, t.speaker, doc.text[t.start:t.end]) for t in doc.turns]


def test_a_phone_in_hosts_questions_are_questions_and_her_hand_overs_are_not():
    doc = cogmap.extract(PHONE_IN)
    asked = [text for kind, _, text in _turns(doc) if kind == "question"]
    assert asked == ["The operator says the later sailings have brought tourists back. Is that right?", "Pavel?",
                     "Good question. Pavel, will fares keep rising next year?"]
    assert {who for kind, who, _ in _turns(doc) if kind == "question"} == {"Odile Fenn"}
    # the caller's own question is no interviewer's turn
    assert not any(text.startswith("Hello. Higher fares") for kind, _, text in _turns(doc) if kind == "question")


def test_each_caller_speaks_their_own_turn_as_the_brackets_name_them():
    doc = cogmap.extract(PHONE_IN)
    callers = {text.split(".")[0]: who for _, who, text in _turns(doc) if text.startswith(("Morning", "Hello"))}
    assert callers == {"Morning": "Ruairi", "Hello": "Sunniva"}


def test_a_name_in_capitals_keeps_the_capital_after_its_hyphen():
    text = ("Panel on harbours\n\nHOST: Why did the dredging stop?\n\n"
            "MARA OYELARAN-VOSS: The council ran out of money, so the channel silted up.\n\n"
            "HOST: And the ferries?\n\nMARA OYELARAN-VOSS: Silt slows them, which raises their fuel bills.\n")
    doc = cogmap.extract(text)
    assert {t.speaker for t in doc.turns if t.kind == "answer"} == {"Mara Oyelaran-Voss"}


RECORD = """ASSEMBLY OF NORVANT — OFFICIAL REPORT

Oral Answers to Questions

Ferry Subsidies

3. Mrs Hedda Loame (Skerry West) (Lib): What assessment she has made of the effect of the fuel duty rise on island ferry services. [40117]

The Secretary for Transport (Ms Runa Beckwith): The fuel duty rise has added about four percent to operators' costs, and two operators have cut winter sailings as a result. I do not pretend that is welcome.

Mrs Loame: I thank the Secretary, but the cuts have left my constituents without a morning boat, and the lost boat has closed two shops on the islands. Will she restore the subsidy?

Ms Beckwith: The subsidy rose last year, and it has kept the summer timetable whole.

Column 412

Mr Tobias Rell (Harbourside) (Lab): The Secretary praises the subsidy, but it is paid only for summer sailings. Why is the winter left out?

Ms Beckwith: Because winter passenger numbers are too low to justify it. I expect the review to recommend a winter top-up next year.

Column 413

Mrs Loame: On current trends we will lose another winter route before the review reports.
"""


def test_a_tabled_question_and_the_office_holders_first_answer_are_turns():
    doc = cogmap.extract(RECORD)
    turns = _turns(doc)
    assert ("question", "Hedda Loame",
            "What assessment she has made of the effect of the fuel duty rise on island ferry services. [40117]") in turns
    first = next(t for t in turns if t[2].startswith("The fuel duty rise has added"))
    assert first[:2] == ("answer", "Runa Beckwith")


def test_a_members_supplementary_put_to_the_one_who_answers_is_a_question():
    doc = cogmap.extract(RECORD)
    kinds = {text.split(",")[0]: kind for kind, _, text in _turns(doc)}
    assert kinds["I thank the Secretary"] == "question"
    assert kinds["On current trends we will lose another winter route before the review reports."] == "answer"
    assert {who for kind, who, _ in _turns(doc) if kind == "answer"} >= {"Runa Beckwith", "Hedda Loame"}


def test_column_markers_of_a_printed_record_are_debris():
    c = clean(RECORD)
    assert {"Column 412", "Column 413"} <= set(c.removed)
    assert "Column" not in c.text


LETTERS = """Letters: the harbour wall

Our readers on the plan to raise the harbour wall.

Sir, the wall will block the view from the promenade, and a duller promenade means fewer visitors to the cafes along it. I expect two cafes to close within a year of the work.

Tamsin Oduya, Westhaven

Sir, your correspondent forgets the storms. Every winter storm floods the lower town, and flooding drives insurers away from the whole street. A higher wall keeps the sea out.

Dr Ewan Castellane-Moor, chair, Lower Town Residents

Sir, nobody has asked who pays. A bigger repair bill will push up council tax, and higher council tax hurts pensioners most.

Rhoda Penhallow
"""


def test_each_letter_on_a_page_of_letters_is_its_signers():
    c = clean(LETTERS)
    assert [who for _, _, who in c.signed] == ["Tamsin Oduya", "Ewan Castellane-Moor", "Rhoda Penhallow"]
    doc = cogmap.extract(LETTERS)
    by_speaker = {}
    for claim in doc.claims:
        by_speaker.setdefault(claim.speaker, []).append(claim.evidence.text)
    assert any("duller promenade" in t for t in by_speaker.get("Tamsin Oduya", []))
    assert any("flooding drives insurers" in t for t in by_speaker.get("Ewan Castellane-Moor", []))
    assert any("council tax" in t for t in by_speaker.get("Rhoda Penhallow", []))


def test_one_letter_alone_has_no_page_of_signers():
    text = ("Letters\n\nSir, the new bus lane has slowed deliveries on our street by an hour a day, so shops "
            "have lost trade.\n\nTomas Ruiz-Albeniz, Eastgate\n")
    assert clean(text).signed == []


@pytest.mark.parametrize("line", ["Opinion › Letters",
                                  "Write to us at post@tidewatch.example. Letters may be cut for length.",
                                  "Copy link",
                                  "Previous story | Next story",
                                  "Listen again on the Harbour 88 app · Share this show · Contact the studio: 0800 111 222",
                                  "Programme transcript · Monday 3 May 2027 · 09:00–10:00",
                                  "Transcripts are made by an automatic service. They may contain errors."])
def test_page_furniture_of_letters_pages_and_programme_pages_is_debris(line):
    body = "The tribunal found that the merger would raise fares on the island routes, because rivals would leave."
    c = clean(f"Ruling on the ferry merger\n\n{body}\n\n{line}\n\n{body.replace('tribunal', 'panel')}\n")
    assert c.removed == [line]


CHAT = """Tidewatch Analytics — Slack export
Exported by: admin@tidewatch.example · 4 May 2027 10:02 UTC
CONFIDENTIAL — INTERNAL USE ONLY. Not investment advice.

[09:01] Lena Ortiz: morning. the port strike is on again, and the strike has pushed container rates up 6% overnight.
[09:03] Bram Kessel: I think freight futures follow. call it 65%
:rocket: 2 :eyes: 1
[09:04] Lena Ortiz: agreed, the backlog keeps rates high
[09:05] Bram Kessel: 👍
Lena Ortiz pinned a message to this channel.
"""


def test_a_chats_short_time_stamped_turn_is_content_not_a_teaser():
    c = clean(CHAT.replace("\n", "\n\n"))  # (one paragraph a line: nothing for unwrap to join)
    assert "[09:03] Bram Kessel: I think freight futures follow. call it 65%" in c.text.split("\n\n")


def test_a_chats_time_stamped_lines_are_never_joined_as_a_wrapped_paragraph():
    kept = unwrap(CHAT).split("\n")
    assert "[09:03] Bram Kessel: I think freight futures follow. call it 65%" in kept
    assert ":rocket: 2 :eyes: 1" in kept


@pytest.mark.parametrize("line", ["Tidewatch Analytics — Slack export",
                                  "Exported by: admin@tidewatch.example · 4 May 2027 10:02 UTC",
                                  "CONFIDENTIAL — INTERNAL USE ONLY. Not investment advice.",
                                  ":rocket: 2 :eyes: 1",
                                  "Lena Ortiz pinned a message to this channel."])
def test_a_chat_exports_header_reactions_and_app_lines_are_debris(line):
    c = clean(CHAT)
    assert line in c.removed
    assert "the backlog keeps rates high" in c.text


WIKI = """Silting of the Vell estuary
From Wikipedia, the free encyclopedia
Jump to navigation Jump to search
This article has multiple issues. Please help improve it or discuss these issues on the talk page.
This article needs additional citations for verification. (June 2026)

The silting of the Vell estuary is the build-up of mud in the lower Vell since 2010.[1] Dredging has been cut back since 2015.[2]

Contents
1 Causes
2 Effects
2.1 Shipping
2.2 Fishing
3 References

Causes[edit]
Upstream farming washes soil into the river, and the soil settles where the tide slows.[3] Cuts to dredging let the mud build up.[citation needed]

Effects[edit]
Shipping[edit]
Silt narrows the channel, which forces larger ships to wait for high tide.[4]

References[edit]
^ Vell Harbour Board (2024). Annual channel survey. p. 2.
^ Amsel, K. (2021). "Mud and money". Estuary Review. 12 (3): 44–51.

Retrieved from "https://en.example.org/w/index.php?title=Silting_of_the_Vell_estuary&oldid=1"
This page was last edited on 3 March 2027, at 09:12 (UTC).
"""


@pytest.mark.parametrize("line", ["From Wikipedia, the free encyclopedia",
                                  "This article has multiple issues. Please help improve it or discuss these issues on the talk page.",
                                  "This article needs additional citations for verification. (June 2026)",
                                  "Contents", "2.1 Shipping", "3 References",
                                  "^ Vell Harbour Board (2024). Annual channel survey. p. 2.",
                                  "^ Amsel, K. (2021). \"Mud and money\". Estuary Review. 12 (3): 44–51.",
                                  "Retrieved from \"https://en.example.org/w/index.php?title=Silting_of_the_Vell_estuary&oldid=1\"",
                                  "This page was last edited on 3 March 2027, at 09:12 (UTC)."])
def test_an_encyclopaedia_pages_banners_contents_and_references_are_debris(line):
    c = clean(WIKI)
    assert line in c.removed


def test_an_encyclopaedia_pages_headings_stay_without_their_edit_links():
    paragraphs = clean(WIKI).text.split("\n\n")
    assert {"Causes", "Effects", "Shipping"} <= set(paragraphs)
    assert "[edit]" not in clean(WIKI).text
    assert any(p.startswith("Upstream farming washes soil") for p in paragraphs)


def test_a_line_about_an_articles_sources_in_prose_stays():
    text = ("Reporting the harbour\n\nThis article draws on harbour board minutes and interviews with twelve "
            "pilots, and the pilots said silt had slowed every large ship.\n")
    assert clean(text).removed == []
