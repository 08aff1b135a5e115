"""Clean: debris goes to ``removed``; article text stays."""
from __future__ import annotations

import pytest

from cogmap.extract.clean import clean

PAGE = """Water rationing looms as reservoirs shrink

Monday, 3 June 2024 09:15 AM

Officials said that the dry spring has lowered reservoir levels across the region, and rationing may follow.

Sign up for our newsletter and get alerts

Turn on notifications to never miss a story

"Without rain in July, we will have to cut supply to farms," the water board chair, Ana Pires, said.

Farmers in the valley worry about
dry fields under a grey sky
Photo: Reuters/Getty Images

Ana Pires

Pires added that the board had warned ministers last year.

Pires added that the board had warned ministers last year.

Advertisement
"""


def test_debris_removed_and_listed():
    c = clean(PAGE)
    for debris in ("Sign up for our newsletter and get alerts", "Turn on notifications to never miss a story",
                   "Photo: Reuters/Getty Images", "Advertisement", "Farmers in the valley worry about",
                   "dry fields under a grey sky", "Ana Pires"):
        assert debris not in c.text.split("\n\n"), debris
        assert debris in c.removed, debris
    assert c.date == "2024-06-03"  # as ISO; the line itself is in removed
    assert c.title == "Water rationing looms as reservoirs shrink"
    assert c.text.count("Pires added that the board") == 1  # a duplicate line goes
    assert "the dry spring has lowered reservoir levels" in c.text
    assert '"Without rain in July' in c.text


def test_paragraph_offsets_slice_the_text():
    c = clean(PAGE)
    for a, b in c.paragraphs:
        para = c.text[a:b]
        assert para and para == para.strip()
    assert "\n\n".join(c.text[a:b] for a, b in c.paragraphs) == c.text


def test_nothing_lost():
    c = clean(PAGE)
    kept = set(c.text.split("\n\n"))
    for line in (ln.strip() for ln in PAGE.splitlines()):
        if line:
            assert line in kept or line in c.removed or line == c.title


def test_a_headline_lifted_out_is_the_title_and_not_listed_as_debris():
    """A headline repeated at the start of the opening line leaves the text as a duplicate:
    it is the title, kept once there, not thrown away with the adverts."""
    page = ("Grain stocks fall as the heat spreads\n\n"
            "Grain stocks fall as the heat spreads across the plains, traders said on Monday.\n\n"
            "Advertisement\n\n"
            "The dry weeks have cut yields, and prices will rise if the rain stays away.")
    c = clean(page)
    assert c.title == "Grain stocks fall as the heat spreads"
    assert c.removed == ["Advertisement"] and c.reasons and len(c.reasons) == 1
    assert not c.text.startswith("Grain stocks fall as the heat spreads\n")


def test_real_articles_keep_their_bodies():
    from conftest import shared_example

    c = clean(shared_example("gallyamov-interview.txt").read_text())
    assert "Turn on notifications to get updates" in c.removed
    assert any(r.endswith("or you risk a") for r in c.removed)
    assert "If the war lasts too long" in c.text
    c = clean(shared_example("us-drought-food-prices-2012.txt").read_text())
    assert any(r.startswith("Tags:") for r in c.removed)
    assert any("Video" in r for r in c.removed)


def test_related_links_are_debris():
    c = clean("Rates rise.\n\nRelated: Five charts that explain the housing crisis\n\nDemand falls as rates rise.")
    assert c.removed == ["Related: Five charts that explain the housing crisis"]


def test_caption_sentence_over_a_bare_credit_is_debris():
    page = ("Port strike spreads to the north\n\n"
            "Dock workers gather outside the gates of the container terminal on Monday.\n\n"
            "Getty Images\n\n"
            "The strike has halted most container traffic, and shipping lines say freight rates "
            "will climb if it lasts another week.")
    c = clean(page)
    assert c.removed == ["Dock workers gather outside the gates of the container terminal on Monday.", "Getty Images"]
    # A paragraph of two sentences over the credit is body text, not a caption.
    body = ("Rates rose again. The central bank says it will act if inflation stays high.\n\n"
            "Reuters\n\nMarkets fell.")
    assert clean(body).removed == ["Reuters"]


def test_a_byline_gives_the_date_and_the_writer_and_goes():
    # Guide section 4: the byline frame is debris; what it says is kept as the page's metadata.
    c = clean("Rents to ease, analyst says\nBy Ann Lee, 11 March 2025\nHigher rates have cooled the market, "
              "according to an analyst who follows it.\n")
    assert c.date == "2025-03-11" and c.author == "Ann Lee"
    assert "Ann Lee" not in c.text and "By Ann Lee, 11 March 2025" in c.removed
    # a sentence that starts with "By" is no byline
    assert clean("By the way, 11 March 2025 was cold.\nRates rose because inflation stayed high all year.\n").date is None


@pytest.mark.parametrize("top, author", [
    ("By Ann Lee", "Ann Lee"),
    ("By Ann Lee, 11 March 2025", "Ann Lee"),
    ("By Ann Lee and Bo Ray | Reuters", "Ann Lee"),
    ("BY ANN LEE", "ANN LEE"),
    ("By the way, prices rose sharply in March.", None),  # a sentence, not a byline
    ("By then prices had risen.", None),
])
def test_a_byline_names_the_writer(top, author):
    c = clean(f"Rent caps will not fix the shortage, and building will.\n{top}\n"
              "Rents rose because too few homes were built last year in the city.\n")
    assert c.author == author


def test_a_headline_ending_on_a_quoted_phrase_is_the_title():
    page = 'Port strike: "the queues move rather than vanish"\n\nA freight economist spoke to us on Monday.'
    assert clean(page).title == 'Port strike: "the queues move rather than vanish"'
    assert clean('"We will win."\n\nThe leader said so on Monday.').title is None  # a quoted sentence is no headline


def test_only_markdown_marks_go_and_names_with_underscores_or_powers_stay():
    text = ("Notes\n\n**Why did the cod disappear?**\n\n## And the seals?\n\n"
            "The script set window.__pwned = 1, and a __init__ method ran; x**2 grew.\n")
    out = clean(text).text
    assert "Why did the cod disappear?" in out and "**Why" not in out and "?**" not in out
    assert "window.__pwned = 1" in out and "__init__" in out and "x**2" in out
    assert "## " not in out and "And the seals?" in out


def test_a_headline_ending_on_a_pronoun_and_a_one_word_heading_are_kept():
    """A line cut off ends on "the" or "of"; "... and what might change that" is whole. A
    one-word heading ("Outlook") is no portrait's name caption."""
    page = ("Why rural schools can't find teachers, and what might change that\n\n"
            "Rural districts opened this fall with many vacancies.\n\nOutlook\n\n"
            "Enrollment will shrink.\n\nOfficials said the outcome would depend on the\n")
    c = clean(page)
    assert c.title == "Why rural schools can't find teachers, and what might change that"
    assert c.removed == ["Officials said the outcome would depend on the"]
    assert "Outlook" in c.text
    assert clean("Flood\n\nThe river rose.\n\nAnna Berg\n\nShe said it would fall.").removed == ["Anna Berg"]


def test_a_forwarded_newsletters_furniture_is_debris_and_its_header_gives_title_date_and_writer():
    page = ("View in browser\n\n---------- Forwarded message ---------\n"
            "From: Ines Ferro <ines@harbourletter.example>\nDate: Tue, 3 Mar 2026 at 06:40\n"
            "Subject: Grain, barges and a dry river\nTo: <readers@harbourletter.example>\n\n"
            "Friends,\n\nLow water on the river has cut barge loads by a third, so freight rates rose.\n\n"
            "Cheers,\nInes\n\n--\nThis week's letter is brought to you by Tidewatch, live river gauges for "
            "traders. Try it free for 30 days.\n\nYou are receiving this because you signed up at our site.\n"
            "Unsubscribe | Update your preferences | Forward to a friend\n")
    c = clean(page)
    assert c.title == "Grain, barges and a dry river" and c.date == "2026-03-03" and c.author == "Ines Ferro"
    assert c.text.startswith("Friends,") and c.text.endswith("Ines")
    assert "Subject: Grain, barges and a dry river" not in c.removed  # lifted as the title, not thrown away
    assert len(c.removed) == 9, c.removed
    # One line that opens with "From:" or "Date:" is prose, not a header.
    assert clean("From: the ministry's figures, it is clear that prices rose sharply this year.").removed == []


def test_podcast_wire_and_caption_credits_are_debris():
    page = ("Episode 12: the river\n\nTranscript (auto-generated, lightly corrected)\n\n"
            "Low water cut barge loads by a third, and freight rates rose as a result of it.\n\n"
            "Image: A barge aground on a sandbank near the old lock at dawn. Photo: Getty Images\n\n"
            "Subscribe to River Talk wherever you get your podcasts.\n\n"
            "This interview has been edited for length and clarity.\n\n"
            "(Reporting by Ana Ruiz; additional reporting by Li Wei in Basel; Editing by Tom Hale)\n")
    c = clean(page)
    assert c.text == ("Episode 12: the river\n\n"
                      "Low water cut barge loads by a third, and freight rates rose as a result of it.")


def test_an_introduction_that_mentions_the_editing_stays():
    intro = ("Amberg runs a school of 1,400 pupils and spoke to Dara Quinlan on the morning show; "
             "the transcript has been lightly edited.")
    assert clean("Teachers\n\n" + intro + "\n\nPay is too low, so teachers leave.").removed == []
    title = "Transcript: Defence Ministry briefing on army recruitment (lightly edited)"
    assert clean(title + "\n\nPay is too low, so recruits leave.").title == title


#: A policy report converted from PDF: lines broken at 60 characters, a word hyphenated
#: across a break, a paragraph cut by a page's footer and running header.
WRAPPED_REPORT = """Dry Wells  |  Policy Report No. 14

Falling water tables have raised the cost of irrigation for
the smallholders of the basin, and higher irrigation costs
have pushed many of them into debt with informal lenders who

Institute | www.example.org   Page 1 of 3

Dry Wells  |  Policy Report No. 14

charge thirty per cent a year on loans for wells and pumps.

Debt, in turn, has forced a growing number of families to
sell land, often to the same larger farms whose deep wells
lowered the water table in the first place, and the irri-
gation boom has not slowed since the state cut power prices.

Flat-rate electricity for agriculture has encouraged heavy
pumping, because farmers pay the same monthly tariff however
much they draw, and so they have no reason to switch a pump
off once a field is wet.

Dry Wells  |  Policy Report No. 14

- 2 -
"""


def test_hard_wrapped_text_gets_its_paragraphs_back():
    from cogmap.extract.clean import unwrap

    c = clean(WRAPPED_REPORT)
    paras = [c.text[a:b] for a, b in c.paragraphs]
    assert [p[:20] for p in paras] == ["Falling water tables", "Debt, in turn, has f", "Flat-rate electricit"]
    assert paras[0].endswith("informal lenders who charge thirty per cent a year on loans for wells and pumps.")
    assert "and the irrigation boom" in paras[1]
    assert sum("Policy Report" in r for r in c.removed) == 3
    assert any("Page 1 of 3" in r for r in c.removed) and "- 2 -" in c.removed
    # text with a paragraph a line is left as it is
    assert unwrap("\n".join(paras)) == "\n".join(paras)


@pytest.mark.parametrize("broken, joined", [
    ("lowered the water table in the first place, and the irri-\ngation", "the irrigation boom"),
    ("lowered the water table in the first place, and the well-\nknown", "the well-known boom"),
])
def test_a_hyphen_at_a_break_goes_only_where_it_split_a_word(broken, joined):
    from cogmap.extract.clean import unwrap

    text = WRAPPED_REPORT.replace("lowered the water table in the first place, and the irri-\ngation", broken)
    assert joined in unwrap(text).replace("\n", " ")


BODY = ("Officials said that the dry spring has lowered reservoir levels across the region, "
        "and rationing may follow within weeks if no rain comes.")


@pytest.mark.parametrize("debris", [
    "[Subscribe now](https://example.com/subscribe)",
    "Thanks for reading The Ledger! Subscribe for free to receive new posts and support my work.",
    "Like · Comment · Restack", "Home > News > Environment > Water",
    "Show key events only", "Please turn on JavaScript in your browser to receive live updates.",
    "Updated 4 minutes ago", "Comments (312)", "Listen · 7:12",
    "Support local journalism: become a member today.",
    "Follow us on X and Instagram for the latest news.",
    "Unedited transcript. Not for citation without checking against the recording.",
    "Transcribed by Wordsmith Services. Speaker names checked against the programme.",
    "Downloaded from reports.example.org on 12 March 2026",
    "© 2026 Institute for Water. This brief may be reproduced with attribution.",
    "Be Sociable, Share!", "Country Risk / Global / Thu 09 May, 2024",
])
def test_page_newsletter_and_transcript_furniture_is_debris(debris):
    c = clean(f"Reservoirs shrink\n\n{BODY}\n\n{debris}\n\n{BODY.replace('Officials', 'Farmers')}")
    # (a link is listed by its words, as the text would show them)
    assert c.removed == [debris.replace("[", "").split("](")[0]] and BODY in c.text


def test_the_items_under_a_list_heading_are_debris_up_to_the_next_paragraph():
    c = clean(f"Reservoirs shrink\n\n{BODY}\n\nMost read\n1. Five things we learned this weekend\n"
              f"2. Transfer window: who needs a striker?\n\n{BODY.replace('Officials', 'Farmers')}\n\nTopics\n"
              "Drought\nFood prices")
    assert c.removed == ["Most read", "1. Five things we learned this weekend",
                         "2. Transfer window: who needs a striker?", "Topics", "Drought", "Food prices"]
    assert c.text.count("rationing may follow") == 2


@pytest.mark.parametrize("kept", [
    "| Region | Level | Change |",  # a Markdown table's row
    "The board said the plan would cut use by a third / and it did.",
    "## The chain nobody talks about",  # a heading may end on a preposition
])
def test_a_table_row_prose_and_a_heading_stay(kept):
    c = clean(f"Reservoirs shrink\n\n{BODY}\n\n{kept}\n\n{BODY.replace('Officials', 'Farmers')}")
    assert c.removed == []


def test_a_wire_lead_dates_the_story_and_stays_its_first_paragraph():
    """"PLACE, 14 March 2025 (Agency) - ..." opens the story: its date is the story's, its
    words are the lead's. A lead without a year or with the place in lower case is not
    dated: a guessed year, or a sentence that happens to hold a date, would date it wrongly."""
    lead = "KORVATH, 14 March 2025 (Tidewire) - Dock workers walked out after talks collapsed, officials said."
    c = clean(f"Harbour shut\n\n{lead}")
    assert c.date == "2025-03-14" and lead in c.text
    assert clean(f"Harbour shut\n\n{lead.replace('14 March 2025', 'March 14')}").date is None
    assert clean("Harbour shut\n\nIn Korvath, 14 March 2025 - the day the docks closed - was calm, officials said.").date is None


def test_a_pages_title_above_its_pictures_credit_is_no_caption():
    """A short sentence over a bare credit is a caption, but not the page's first line: that
    is its title, above the picture that heads the page."""
    c = clean(f"Are the teenagers alright?\n\n( Anonymous / pixabay )\n\n{BODY}")
    assert c.removed == ["( Anonymous / pixabay )"] and c.text.startswith("Are the teenagers alright?")


@pytest.mark.parametrize("line,day", [("Published: 2025-03-03", "2025-03-03"),
                                      ("Updated: 4 May 2024, 09:00", "2024-05-04"),
                                      ("Mon 3 Mar 2025 10.00 GMT", "2025-03-03"),
                                      ("Sat. March 3, 2024", "2024-03-03"),
                                      ("Thu 09 May, 2024", "2024-05-09"),
                                      ("Published: yesterday", None)])
def test_a_date_line_dates_the_article(line, day):
    """The line goes as page furniture, and its date is the article's (a day with no year is
    no date: guessing the year would date the article wrongly)."""
    c = clean(f"Port shut\n\n{line}\n\nOfficials said the closure will raise prices for importers across the region.")
    assert c.date == day and line not in c.text


@pytest.mark.parametrize("line", ["[Share] [Print] [Email]", "Show more replies", "Translate post",
                                  "💬 87   🔁 2.4K   ❤️ 9.1K   📊 1.2M views",
                                  "[ad_1]", "Mara Kell, Unsplash", "Graphic by Ines Ortega"])
def test_buttons_and_a_posts_counters_are_page_furniture(line):
    c = clean(f"Ferry fares\n\n{line}\n\nThe fuel surcharge raised fares, and fewer tourists came, the operator said.")
    assert line in c.removed and line not in c.text
    kept = "Share the cost [of fuel] with [the state], the operator said."  # words in brackets inside a sentence stay
    assert kept in clean(f"Ferry fares\n\n{kept}").text


TURNS = ("ANCHOR: Why are the bakeries closing?\n\n"
         "MIRA: Flour costs, mostly. Rents matter, but—\n\n"
         "ANCHOR: But surely if the council froze rents—\n\n"
         "MIRA: It would help for a year. Then flour would close them anyway.\n\n"
         "ANCHOR: So nothing helps?\n\nMIRA: Exactly.\n\nANCHOR: Cheaper flour?\n\nMIRA: Exactly.")


def test_a_speakers_turn_stays_whatever_it_ends_on():
    """An interrupted turn looks cut off ("but—") or like "Topic: Headline"; a short answer
    may be given twice. All are words said, not page debris."""
    c = clean(f"Bakeries in trouble\n\n{TURNS}")
    assert c.removed == []
    assert "MIRA: Flour costs, mostly. Rents matter, but—" in c.text
    assert "ANCHOR: But surely if the council froze rents—" in c.text
    assert c.text.count("MIRA: Exactly.") == 2
    # a topic that opens headlines only is no speaker: its teaser still goes
    page = (f"Bakeries in trouble\n\n{BODY}\n\n{BODY.replace('Officials', 'Millers')}\n\n"
            f"Markets: Flour Futures Climb Again\n\n{BODY.replace('Officials', 'Farmers')}\n\n"
            f"Markets: Bakers Brace For Dearer Bread\n\n{BODY.replace('Officials', 'Bakers')}")
    assert "Markets:" not in clean(page).text


def test_a_letters_salutation_and_signature_are_the_letters():
    """"Dear Olaf," (printed over each letter), "Dear Puzzled," and "— Puzzled in Parkfield"
    are short unpunctuated lines, shaped like running headers and captions; they belong to
    the letters and answers of an advice column."""
    letters = "".join(f"Dear Olaf,\n\nMy {thing} is new but my gas bill went up by a third this winter. Why?\n\n"
                      f"— {who} in Parkfield\n\nDear {who},\n\nA new {thing} cannot cut a bill that rising prices "
                      f"push up, and this winter's tariff rose by a fifth.\n\n"
                      for thing, who in (("boiler", "Puzzled"), ("meter", "Baffled"), ("radiator", "Annoyed")))
    c = clean(f"Ask Olaf: your energy questions\n\n{letters}Yours sincerely,\n\nOlaf")
    assert c.removed == []
    assert c.text.count("Dear Olaf,") == 3 and "Dear Baffled," in c.text and "— Annoyed in Parkfield" in c.text


@pytest.mark.parametrize("debris,listed", [
    ("Tel: +31 20 555 0142 | Email: media@harbourboard.example", None),  # fields of an address
    ("Phone: (020) 7946 0831", None),
    ("Share this story: [Facebook] [Email] [Copy link]", None),  # a label over bracketed buttons
    ("Listen in the app | Download the transcript (PDF)", None),  # a row of controls
    ("Watch the video · Save for later", None),
    ("*Written by the Harbour Desk. Contact: desk@harbourboard.example*",  # an italic contact footer
     "Written by the Harbour Desk. Contact: desk@harbourboard.example"),
    ("Olaf Berg advises on household energy. Write to him at olaf@askolaf.example", None),
    ("*Distribution: Board members only. Do not forward.*", "Distribution: Board members only. Do not forward."),
    ("Classification: RESTRICTED", None),  # a memo's handling markings
    ("Harbour Board papers are circulated for discussion. Views are those of the authors.", None),
    ("The opinions in this brief do not necessarily reflect those of the Harbour Board.", None),
    ("More from Harbour News: Will the ferries run in May?", None),  # a link to another page
])
def test_contact_share_control_handling_and_disclaimer_lines_are_debris(debris, listed):
    c = clean(f"Reservoirs shrink\n\n{BODY}\n\n{debris}\n\n{BODY.replace('Officials', 'Farmers')}")
    assert c.removed == [listed or debris] and BODY in c.text


@pytest.mark.parametrize("kept", [
    "Contact: the two sides met on Friday and agreed to keep talking.",  # a field's name, no address
    "Polls do not necessarily reflect turnout, the analyst said.",
    "Share prices fell | and the board resigned.",
    "Watch the river rise over the next week, the warden said.",
])
def test_prose_like_contact_or_control_lines_stays(kept):
    c = clean(f"Reservoirs shrink\n\n{BODY}\n\n{kept}\n\n{BODY.replace('Officials', 'Farmers')}")
    assert c.removed == []


def test_a_date_after_today_is_no_date_of_publication():
    assert clean("March 3, 2099\n\nRents rose because supply fell.").date is None
    assert clean("March 3, 2021\n\nRents rose because supply fell.").date == "2021-03-03"


def test_wholly_bold_paragraphs_are_recorded_before_their_marks_go():
    c = clean("Nurses\n\nAmara Osei has studied staffing.\n\n**How did the shortage start**\n\n"
              "Training places were cut. **Pay** fell too.\n\n**What is the union worried about**\n\n"
              "**Agency** staff and **overtime**.\n")
    assert [c.text[a:b] for a, b in c.strong] == ["How did the shortage start", "What is the union worried about"]
    assert "*" not in c.text and not c.removed  # a bold question ending on "about" is no cut-off line


THREAD = """r/Allotments • Posted by u/HelenaBrisk_Soil · 9h
Join
Sort by: top

# I'm Helena Brisk, a soil scientist. Ask me about compost and clay.

Hello everyone. I have tested allotment soils for twenty years.

**u/leaf_mould_77** · 55 points · 8h

Why does my clay crack every August?

> **u/HelenaBrisk_Soil** (OP) · 40 points · 7h
>
> Clay shrinks as it dries, so long dry spells open deep cracks in it.
>
> Reply · Share · Report

>> **u/leaf_mould_77** · 12 points · 6h
>>
>> Thanks, that matches what my neighbour says.

Continue this thread →
More posts you may like
r/Allotments rules
"""


def test_a_threads_heads_go_but_name_who_wrote_each_comment():
    c = clean(THREAD)
    for debris in ("Join", "Sort by: top", "Continue this thread →", "More posts you may like", "r/Allotments rules"):
        assert debris in c.removed
    assert "points" not in c.text and not any(p.startswith(">") for p in c.text.split("\n\n"))
    assert c.poster == "HelenaBrisk_Soil"
    said = {c.text[at:].split("\n\n")[0]: who for at, who in c.voices}
    assert said["Why does my clay crack every August?"] == "leaf_mould_77"
    assert said["Clay shrinks as it dries, so long dry spells open deep cracks in it."] == "HelenaBrisk_Soil"
    assert said["Thanks, that matches what my neighbour says."] == "leaf_mould_77"
    for a, b in c.paragraphs:
        assert c.text[a:b].strip() == c.text[a:b]


SCRIPT = """WKTV LATE NEWS — STORY C2
SLUG: FERRY FARES / VO-SOT
WRITER: B. OKAFOR   EDITOR: R. LIM   RUNS: 1:50

[PRESENTER ON CAM]

PRESENTER (NINA HOLT): Ferry fares to the islands rise by a fifth next month.

[ROLL VT]
[SUPER: PAUL GREER / HARBOUR MASTER]

GREER: Fuel costs have doubled, so the operator had little choice about the fares.

[END VT]
### END OF STORY C2 ###
"""


def test_a_broadcast_scripts_cues_go_and_its_turns_stay():
    c = clean(SCRIPT)
    for cue in ("SLUG: FERRY FARES / VO-SOT", "[PRESENTER ON CAM]", "[ROLL VT]", "[SUPER: PAUL GREER / HARBOUR MASTER]",
                "[END VT]"):
        assert cue in c.removed
    assert "WRITER" not in c.text and "END OF STORY" not in c.text
    assert "PRESENTER (NINA HOLT): Ferry fares to the islands rise by a fifth next month." in c.text
    assert "GREER: Fuel costs have doubled" in c.text


def test_a_speechs_delivery_note_and_press_offices_sign_off_go():
    text = ("MINISTRY OF PORTS\nCheck against delivery.\n\nMINISTER: Good morning. Dredging costs have risen "
            "because the channel silts faster than before.\n\nPress office, Ministry of Ports\n\n"
            "Press office staff said the ministry would answer questions in writing.")
    c = clean(text)
    assert "Check against delivery." in c.removed and "Press office, Ministry of Ports" in c.removed
    assert "Press office staff said the ministry would answer questions in writing." in c.text


def test_a_line_of_figures_alone_is_debris():
    """A markets strip's "-29.09 (-0.14%)" or a player's "0:16.0" on a line of its own says
    nothing in words; a sentence with figures stays."""
    page = ("Energy bills to rise again this winter\n\nFTSE 100\n\n-29.09 (-0.14%)\n\n+0.0005 (+0.04%)\n\n0:16.0\n\n"
            "Bills will rise by 10% in January, the regulator said, because wholesale gas prices climbed.\n\n"
            "Prices rose 3% (-0.5% in real terms) last year.\n")
    c = clean(page)
    assert {"-29.09 (-0.14%)", "+0.0005 (+0.04%)", "0:16.0"} <= set(c.removed)
    assert "Prices rose 3% (-0.5% in real terms) last year." in c.text


@pytest.mark.parametrize("caption", [
    "Trade talks will drag on for years, says one negotiator (Source: Getty)",
    "Rail workers on a picket line outside the depot (Photo: Ann Lee/Agency)",
    "There is something for every party in the latest polls. Illustration: Bo Ray/Weekly",
    "Commuters wait on a flooded platform in Leeds on May 2, 2026.Ann Lee / Wirefoto - Stock file",
])
def test_a_caption_with_its_credit_at_the_end_is_debris(caption):
    """A credit ends a caption in brackets, after "Illustration:", or as a photographer and
    agency run on after its stop, as after "Photo:"; a source of figures in words stays
    ("(source: customs figures)")."""
    page = (f"Talks stall as deadline nears\n\n{caption}\n\nThe talks stalled because neither side would move "
            "on fishing quotas, officials said.\n\nExports fell 2% (source: customs figures) in May.\n")
    c = clean(page)
    assert caption in c.removed
    assert "Exports fell 2% (source: customs figures) in May." in c.text


def _under_a_headline(line):
    """A page with ``line`` between its headline and its first paragraph."""
    return (f"Rents to ease as supply grows\n{line}\nHigher rates have cooled the market, according to an "
            "analyst who follows it closely.\n")


@pytest.mark.parametrize("line", [
    "By Tom Alvarez, Energy Reporter", "Written by Ann Lee", "Edited by Bo Ray", "By @annlee |",
    "Ann Lee January 18 2024", "By Health Desk Staff | Health & Science", "By Ann Lee, media correspondent",
])
def test_a_line_that_is_only_a_byline_is_debris(line):
    c = clean(_under_a_headline(line))
    assert line in c.removed and "Higher rates have cooled" in c.text


@pytest.mark.parametrize("line", [
    "By March, prices will have fallen", "By then prices had risen", "By Christmas the bank had cut rates.",
    "By raising rates, the bank cooled the market",
])
def test_a_sentence_that_opens_with_by_is_no_byline(line):
    c = clean(_under_a_headline(line))
    assert line in c.text


def test_a_name_under_the_headline_is_a_byline_only_with_a_post_a_date_or_a_label():
    body = "Higher rates have cooled the housing market this year, according to an analyst who follows it.\n"
    c = clean("Rents to ease as supply grows\nJulie Hare\nEducation editor\n" + body)
    assert "Julie Hare" in c.removed and "Education editor" in c.removed and c.author == "Julie Hare"
    c = clean("Rents to ease as supply grows\nAuthor(s)\nSusan Dugan\n" + body)
    assert "Susan Dugan" in c.removed
    # a short Title Case line with nothing of a byline about it may be the headline itself
    c = clean("Site Banner\nPayment Due\n" + body)
    assert "Payment Due" in c.text


@pytest.mark.parametrize("line", [
    "Skip to Content", "Skip to navigationSkip to contentSkip to footerHelp using this website",
    "Already a subscriber?", "Already have an account?", "This article is more than 2 years old",
    "• Email icon", "BusinessEditor's Pick", "![](https://cdn.example.com/image/fetch/w_1456/photo.jpg)",
    "Opinions expressed by Forbes Contributors are their own.", "Uncategorized", "Opinion #Economy", "Article",
    "14 min read", "3-minute read", "6 Mins Listen",
    "Listen to the full interview above.", "Watch the video below", "No time to read?", "Get a summary",
])
def test_page_furniture_of_real_pages_goes(line):
    c = clean(_under_a_headline(line))
    assert line in c.removed and "Higher rates have cooled" in c.text


def test_alt_text_in_lower_case_over_a_caption_with_its_credit_goes():
    c = clean("Rents to ease as supply grows\n\nnew flats city centre\nCranes over the new blocks on the river. "
              "Photo: Ann Lee / Alamy Stock Photo\n\nHigher rates have cooled the housing market this year, "
              "according to an analyst who follows it.\n")
    assert "new flats city centre" in c.removed and "Higher rates have cooled" in c.text


def test_a_byline_set_as_a_list_item_goes_and_names_the_writer():
    c = clean("Rents to ease as supply grows\n\n- By Julie Hare\n\nHigher rates have cooled the housing market this "
              "year, according to an analyst who follows it.\n\n- Listen to the interview and judge for yourself.\n")
    assert "- By Julie Hare" in c.removed and c.author == "Julie Hare"
    assert "Listen to the interview and judge for yourself." in c.text  # an invitation with more to it stays


def test_alt_text_over_a_caption_with_its_credit_goes_and_a_standfirst_stays():
    body = ("A tax on sugar in soft drinks will prevent tens of thousands of people from becoming "
            "dangerously overweight, experts said.\n")
    c = clean("Sugar tax cannot solve obesity on its own\nFizzy drinks surrounded by sugar cubes\n"
              "The levy could save up to 144,000 adults from obesity every year. Photograph: Ann Lee/PA\n" + body)
    assert "Fizzy drinks surrounded by sugar cubes" in c.removed and "A tax on sugar" in c.text
    # a credit in brackets after the caption: the agency, then the photographer
    c = clean("Universities warn of job cuts\nA graduate holds on to his hat while talking on his phone\n"
              "Students come to study, but a cap is causing concern. (Reuters: Ann B. Lee)\n" + body)
    assert "A graduate holds on to his hat while talking on his phone" in c.removed
    assert any(ln.endswith("(Reuters: Ann B. Lee)") for ln in c.removed)
    # a standfirst states and reports: it stays, caption or not under it
    dek = "Operators say the window no longer protects them"
    c = clean(f"Cinemas close\n{dek}\nA shuttered cinema in March. Photograph: Ann Lee/PA\n" + body)
    assert dek in c.text


def test_a_publication_date_without_a_colon_is_a_dateline_and_dates_the_page():
    c = clean("Toronto housing crisis deepens\nPublished August 15, 2023\nToronto is in the midst of a serious "
              "housing crisis that is having an impact on residents.\n")
    assert "Published August 15, 2023" in c.removed and c.date == "2023-08-15"
    # a digest's title with its date is no name and date of a writer
    c = clean("REGIONAL PRESS DIGEST — 9 April 2027\nToronto is in the midst of a serious housing crisis that is "
              "having an impact on residents.\n")
    assert "REGIONAL PRESS DIGEST" in c.text


def test_a_short_line_of_mojibake_is_page_debris():
    # A site's name in another encoding read as Latin-1: nothing anyone can read.
    c = clean("91³Ô¹ÏÍø\n\nMeasles cases rose this year because fewer children were vaccinated.")
    assert c.text == "Measles cases rose this year because fewer children were vaccinated."
    assert c.removed == ["91³Ô¹ÏÍø"]


def test_a_portraits_alt_text_over_its_caption_and_credit_is_debris():
    text = ("Central bank says inflation will ease\n\nBank of England governor Ann Lee.\n\n"
            "Ann Lee has warned of a chill in the air. Photograph: Bo Ray/Reuters\n\n"
            "Inflation will fall sharply next year as the economy slows, the bank said today.")
    c = clean(text)
    assert "Bank of England governor Ann Lee." in c.removed
    assert c.text.startswith("Central bank says inflation will ease\n\nInflation will fall")


def test_a_short_sentence_ending_on_a_name_over_a_caption_stays():
    text = ("The prize went to Ann Lee.\n\nAnn Lee at the ceremony. Photograph: Bo Ray/Reuters\n\n"
            "She thanked her team, who had worked on the project for years.")
    assert "The prize went to Ann Lee." in clean(text).text


def test_a_field_glued_to_its_value_is_page_debris():
    # A page's table of fields, pasted without the space between the name and the value.
    text = ("Why ferry fares keep rising\n\nAuthorMoss, Hana\nPublishedMarch 3, 2024\n\n"
            "Q: Why are fares rising? A: Fuel costs more, so operators charge more.")
    c = clean(text)
    assert "AuthorMoss, Hana" in c.removed and "PublishedMarch 3, 2024" in c.removed
    # a word that only begins like a field's name, and a sentence, stay
    text = ("Positioning matters\n\nTopicsWithin reach were debated at length.\n\n"
            "Fuel costs more, so operators charge more.")
    c = clean(text)
    assert c.removed == []
    # the line that says who is interviewed stays, glued or not: the speakers come from it
    c = clean("PositionSoundbite - Interview with economist Ann Lee\n\nQ: Why are fares rising?\n\nA: Fuel costs more.")
    assert c.removed == []


def test_a_market_widgets_state_and_a_hosts_note_on_the_transcript_are_debris():
    text = ("UK Markets closed\n\nFerry fares rise on fuel costs\n\n"
            "Below is an abbreviated transcript of our conversation. You can read our full discussion here. "
            "You can also subscribe to my podcast on any app.\n\n"
            "Host: Why are fares rising?\n\nLee: Fuel costs more, so operators charge more.")
    c = clean(text)
    assert c.removed[0] == "UK Markets closed" and c.removed[1].startswith("Below is an abbreviated")
    # the markets in a sentence, and a subscription an article is about, stay
    text = ("Markets closed lower on Friday as fuel costs rose.\n\n"
            "Fewer readers subscribe to our local papers than a decade ago, the survey found.")
    assert clean(text).removed == []


def test_a_broadcast_transcripts_heading_notice_and_cues_are_debris():
    text = ("Famine looms, the agency says\n\nTRANSCRIPT\n\n"
            "This is a rush transcript. Copy may not be in its final form.\n\n"
            "ANN LEE: We turn now to the region.\n\n(SOUNDBITE OF ARCHIVED BROADCAST)\n\n"
            "BO RAY: Malnutrition is soaring because aid convoys are blocked.\n\n"
            "ANN LEE: Thank you.\n\nBO RAY: The convoys must get through.")
    c = clean(text)
    assert c.removed == ["TRANSCRIPT", "This is a rush transcript. Copy may not be in its final form.",
                         "(SOUNDBITE OF ARCHIVED BROADCAST)"]
    # a transcript's title that says what it is of, and a cue in words of a sentence, stay
    text = ("Transcript of the council's public session, 3 June\n\n"
            "(Soundbite of the mayor, who spoke first.) The levy will rise because costs rose.")
    assert clean(text).removed == []


def test_a_caption_that_places_the_people_in_the_picture_is_debris():
    text = ("Cod stocks collapse as the gulf warms\n\n"
            "Fishermen Bo Ray (l.) and Ann Lee mend nets on the wharf in Tollby, Nov. 15, 2013. Research boats "
            "caught less cod this spring than in any season since 1968.\n\n"
            "Warmer water cut the number of young cod that survive, the scientists found.")
    c = clean(text)
    assert c.removed == [text.split("\n\n")[1]]
    # a name with a bracket of another kind stays
    assert clean("Ann Lee (Tollby) and Bo Ray mend nets.\n\nWarmer water cut the catch.").removed == []
