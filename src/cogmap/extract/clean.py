"""Clean: drop page debris, keep a list of what was dropped.

Web pages saved as text carry debris: prompts ("turn on notifications"), ad
slots, photo captions and credits, datelines and tag lines, duplicated
headlines, and teasers of other stories cut off mid-sentence. The rules below
look at the form of a line and its neighbours (length, closing punctuation,
the class of its last word, the vocabulary of web page furniture), never at the
words of one article. Every line dropped is kept in ``removed``.

Examples
--------
>>> c = clean("Rates rise.\\n\\nAdvertisement\\n\\nDemand falls as rates rise.")
>>> c.text
'Rates rise.\\n\\nDemand falls as rates rise.'
>>> c.removed
['Advertisement']
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import Callable, Optional

__all__ = ["ASKING", "Cleaned", "clean", "line_key"]

# Vocabulary of page furniture: the words web pages use for their own widgets.
# These are properties of web pages, not of any article's subject.
_WIDGET = re.compile(
    r"\b(notifications?|newsletters?|subscribe|subscription|sign[ -]?up|sign[ -]?in|log[ -]?in|"
    r"cookies?|consent|advert(isement)?s?|sponsored|promoted|skip ad|skip advert|"
    r"read more|click here|share (this|on)|copy (the )?link|follow us|download (the|our) app|watch (it|now|here)|"
    r"video of (the )?day|watch|chevron icon|expandable section|navigation|menu|"
    r"all rights reserved|copyright|privacy policy|terms of (use|service)|related (stories|articles)|"
    r"recommended for you|most read|trending|breaking news|live updates|you might also like)\b",
    re.I,
)
# Phrases only a page's own interface uses (icon descriptions, ad slots).
_UI_ONLY = re.compile(r"\b(chevron icon|expandable section|skip advert|skip ad|turn on notifications|"
                      r"enable notifications|accept (all )?cookies|cookie settings|advertisement\s*-?$|"
                      r"show key events|(turn on|enable) javascript|follow us on|"
                      r"follow\b[^.!?\n]{0,40}\bon social media\b|"
                      r"already an? (subscriber|member)\W{1,3}(sign|log) ?in\b|"
                      r"become a (paying )?(member|subscriber|supporter|patron)|"
                      r"support (local|independent|our|quality) journalism|subscribe for free)"
                      # a paywall's question alone, and an archive's notice of a page's age
                      r"|^already (an? (subscriber|member)|have an account)\W*$"
                      # an icon's name, a pick's label and an image's Markdown left as text
                      r"|^[•·▪*]?\s*(\w+\s+){0,2}icon$|editor['’]s picks?$|^!\[[^\]]*\]\(\w+:"
                      r"|^this (article|story|piece|page|content) is (more|over) than \w+ (years?|months?) old\W*$"
                      # a content management system's label for the kind of piece, alone or with its tags
                      r"|^(article|analysis|opinion|uncategori[sz]ed|commentary|explainer|editorial|features?|"
                      r"podcast|video|perspective|blog|expert q ?& ?a|transcript)(\s*[•|·]?\s*#\w+)*\s*[•|·]?$"
                      # links for screen readers and keyboards ("Skip to content", "Skip to navigation")
                      r"|^skip to (the )?(main )?(content|navigation|search|footer|menu|article)"
                      r"|^(comments?|replies)\s*\(?\d[\d,]*\)?$"
                      r"|^(listen|watch|play)\b\W{0,3}\d{1,2}:\d\d\b"
                      # a player's or a summary button's own line: "Listen to the full interview above"
                      r"|^(listen to|watch|hear|read) (the |our )?(full |whole |entire )?"
                      r"(interview|video|episode|podcast|conversation|clip|audio)( here| above| below| now)?\W*$"
                      r"|^no time to read\?$|^get (a|the) summary$"
                      r"|^(updated|posted|published)\s+\d+\s+(seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago$"
                      # a reading time alone on its line: "14 min read", "3-minute read", "6 mins listen"
                      r"|^(\d{1,3}|an?|one)[- ]?(min(ute)?s?|hours?|hrs?)\.?[- ](read|listen|watch)$"
                      # a social post's controls, alone on their line
                      r"|^(show (more )?(replies|comments)|translate (post|tweet)|show this thread|view replies|"
                      r"load more( comments)?|reply|retweet|repost|quote|join|follow|subscribe)$"
                      # a thread's sorting control and its link to the rest of a reply chain
                      r"|^sort(ed)? by\s*:?(\s+\w+){0,2}$|^continue (this|the) thread\W*$"
                      # a radio station's player: its button, its queue's heading, its clock at rest
                      # ("0:00 0:00") and its list of stations
                      r"|^(play|listen|stream|watch) live( radio| audio| tv| stream)?$"
                      r"|^(next up|up next|now playing|coming up|on air now|live now)\s*:?$"
                      # a video player's queue and controls, and the channel's counters
                      r"|^(up next|next up)\s*:[^.!]{1,100}$|^(show|hide) (transcript|chapters)$|^search in video$"
                      r"|^(\.\.\.|…)\s*(more|less)$"
                      r"|^\d[\d.,]*\s?[km]?\s+(subscribers|followers|views|listens|plays)\b(?!.*[.!?]$)"
                      # (one run of spaces between two times, or the pattern backtracks 2^n ways)
                      r"|^\d{1,2}:\d\d(:\d\d)?(\s*((/|of)\s*)?\d{1,2}:\d\d(:\d\d)?)*$"
                      r"|^(available |all |our )?on[- ]air stations?$"
                      # a follow button, which says "I follow" once pressed: "• Follow I follow"
                      r"|^[•·▪*+]?\s*((i\s+)?(follow|following|unfollow)\s*){1,3}$"
                      # a banner for browsers the page does not support
                      r"|\b(ie ?\d+|internet explorer|your browser|this browser)\b[^.!?]{0,40}\bnot supported\b"
                      r"|\b(on|in|with|use) (another|a different|a newer|a modern|a supported|an up-?to-?date) browser\b"
                      r"|\b(update|upgrade) your browser\b"
                      # a promo, which tells the reader to click: "To find out more, click here>>"
                      r"|\b(click|tap) here\b"
                      # or to go elsewhere: "Read the full story at X", "Planning a trip? Check out our deals"
                      r"|\b(read|see|view) the (full|whole|complete|original) (article|story|report|interview|piece)\b"
                      r"[^.!?]{0,30}\b(at|on|go to|visit|here)\b"
                      r"|(^|[?!]\s+)check out (the|our|these|more|all)\b[^.!?]*$"
                      # a social button with the writer's name ("Follow Ann Lee"), and its invitation
                      r"|^follow\s+(?-i:[A-Z][\w’'.-]+)(\s+(?-i:[A-Z][\w’'.-]+)){0,2}$"
                      r"|^(connect|stay connected|keep in touch|stay in touch) with us\W*$"
                      # a publisher's badges of review ("fact-checked", "This article has been reviewed
                      # according to X's editorial process"), a logo's alt text, a market clock's countdown
                      r"|^(fact[- ]checked|peer[- ]reviewed|trusted source|proofread)$"
                      r"|^this (article|story|page|content) (has been|was|is) (reviewed|fact[- ]checked|edited)\b"
                      r"|^[\w .&'’-]{1,40}\s+logo$"
                      r"|\b(close|closes|open|opens) in \d+ (hours?|hrs?) \d+ (minutes?|mins?)$"
                      # a page's code, left in its text: "meta_pixel", and a template's slot for an
                      # advert, "[ad_1]"
                      r"|^[a-z][a-z0-9]*(_[a-z0-9]+)+$|^\[(ad|ads|advert|advertisement)([_ -]?\d+)?\]$"
                      # a share widget's call: "Be Sociable, Share!", "Sharing is caring"
                      r"|^(be sociable,? )?share( this)?!$|^sharing is caring\W*$"
                      # a station's tagline: "A public service of Tollby State University"
                      r"|^a public service of\b[^.!?]{0,60}$"
                      # a market widget's state: "UK Markets closed", "Markets open"
                      r"|^((?-i:[A-Z]{2,4})\s+)?markets?\s+(are\s+)?(closed|open)$",
                      re.I)
# A station's notice, which gives its frequency: "Tower work affecting KXYZ 88.1 FM".
_FREQUENCY = re.compile(r"\b\d{2,3}\.\d{1,2}\s?(?:FM|MHz)\b|\bFM\s?\d{2,3}\.\d\b|\b\d{3,4}\s?(?:AM|kHz)\b")
# A row of buttons in brackets: "[Share] [Print] [Email]", perhaps after the row's label
# ("Share this article: [Email] [X]"): the brackets say they are buttons, whatever the label says.
_BUTTONS = re.compile(r"^([A-Za-z][\w’' ]{0,30}:\s*)?(\[[^\[\]\n]{1,24}\]\s*){2,}$")
# What a page's controls tell the reader to do: a row of items that each open on one of these
# ("Listen on the app | Download transcript (PDF)") is a row of buttons, not a list of topics.
# (A pager, "Previous debate | Next debate", is such a row too; so is "Contact the desk: 0800 ...")
_CONTROL = re.compile(r"^(listen|watch|play|download|print|share|save|e-?mail|subscribe|follow|sign (in|up|out)|"
                      r"log (in|out)|get|open|start|comment|donate|join|register|install|view|copy|contact|"
                      r"previous|prev|next|older|newer)\b", re.I)
# Contact details: "Tel: +44 20 7946 0000 | Email: press@example.org". A field's name alone
# proves nothing ("Contact: the two sides met"): one of the fields must hold an address.
_CONTACT_FIELD = re.compile(r"^(tel|telephone|phone|mobile|mob|fax|e-?mail|web(site)?|contact|enquiries|inquiries)"
                            r"\.?\s*:\s*\S", re.I)
_ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+|\+?\(?\d[\d ()-]{6,}\d|https?://\S+|\bwww\.\S+")
# A line that ends on an e-mail address is there to give it: "Contact: desk@...", "Send your
# questions to ...", the writer's note at the foot of a column.
_ENDS_ON_MAILBOX = re.compile(r"[\w.+-]+@[\w-]+(\.[\w-]+)+[\s.*_)]*$")
# A page's call to write in, which gives the address first: "Write to us at letters@... Letters
# may be edited for length."
_WRITE_TO = re.compile(r"^(?:please\s+)?(?:write|e-?mail|send|contact|get in touch)\b[^.!?]{0,60}?"
                       r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+", re.I)
# The parts of a letter, which are the letter's words, not the page's: a salutation ("Dear
# Editor,"), a closing ("Yours sincerely,") and a signature after a dash ("— Worried in Leeds").
# Short and unpunctuated, they have the shape of captions, cut-off lines and running headers.
_SALUTATION = r"^(dear|my dear|hi|hello)\b[^.!?:\n]{1,40}[,:]$"
_CLOSING = r"^(yours( sincerely| faithfully| truly)?|sincerely|(best|kind|warm) (wishes|regards)|regards)\s*,?$"
_LETTER_PART = re.compile(_SALUTATION + "|" + _CLOSING + r"|^[—–]\s*[A-Z][^.!?:\n]{0,60}$", re.I)
#: Words of a post, which a letter's signature gives under the name ("Chief Executive Officer"):
#: the name is the line that has none.
_POST_WORDS = frozenset("chief executive officer chair chairman chairwoman chairperson president director managing "
                        "general secretary treasurer founder partner head governor minister editor ceo cfo coo "
                        "vice deputy principal dean board".split())
# Credits and captions: agency and stock-photo names, and credit labels.
_CREDIT = re.compile(
    r"(getty images|shutterstock|reuters|\bafp\b|associated press|\bap photo|\bepa\b|alamy|"
    r"istock|bloomberg via|photograph:|photo:|image:|credit:|pictured:|\bphoto by\b|©|\(c\) \d{4}|"
    # free stock pictures, and the makers of a page's pictures
    r"unsplash|pexels|pixabay|wikimedia commons|\b(graphic|illustration|artwork|images?) by\b)",
    re.I,
)
# Furniture of e-mail newsletters, podcast pages and papers' disclaimers, which no article's
# prose uses: a line that has it is dropped at any length up to :data:`_FURNITURE_WORDS`.
_MAIL_FURNITURE = re.compile(
    r"(\bview (this (e-?mail|newsletter) |it )?(online|in (your |a |the )?(web )?browser)\b|\bunsubscribe\b|"
    r"\b(update|manage) (your )?(e-?mail |subscription |notification )?preferences\b|"
    r"\bforward (this )?(e-?mail |newsletter )?to a friend\b|^-*\s*forwarded message\b|"
    r"\byou (are|were) receiving this\b|^(this|today's|today’s|this week's|this week’s)\b.{0,40}"
    r"\b(is|are|was) brought to you by\b|\bwherever you (get|listen to) (your )?podcasts\b|"
    r"\bcirculated for (discussion|comment)\b|\bcheck against delivery\b|\bas prepared for delivery\b|"
    r"\b(views|opinions) (expressed )?(here(in)? )?(are|is) (solely )?"
    r"(those|that) of the (authors?|writers?|contributors?)\b|"
    r"\b(views|opinions)\b[^.]{0,60}\bdo(es)? not necessarily (reflect|represent)\b|"
    # a platform's note on its contributors: "Opinions expressed by X Contributors are their own."
    r"\b(views|opinions) expressed by\b[^.]{0,40}\b(contributors?|columnists?|authors?|writers?)\b|"
    # a host's note over a transcript: "You can read our full discussion here. You can also
    # subscribe to my podcast on ..."
    r"\bsubscribe to (my|our) (\w+ ){0,2}(podcast|newsletter|channel|show|feed)s?\b|"
    # a broadcaster's notice over a transcript: "This is a rush transcript. Copy may not be in its final form."
    r"\brush transcript\b|\bmay not be in (its|their) final form\b|"
    r"\b(read|hear|watch|listen to) (our|the) (full|whole|complete|entire) "
    r"(discussion|conversation|interview|transcript|episode) here\b)", re.I)
_FURNITURE_WORDS = 40
#: No line of page furniture is longer (a caption with its credit runs to a few hundred
#: characters). A longer line is text: the shapes of furniture are not looked for in it,
#: since several of those patterns take time in the square of a line's length, and one
#: line of 300,000 characters (an encoded image pasted as text) would take hours.
_LONGEST_FURNITURE = 2000
# An editor's note on the transcript itself: "Transcript (auto-generated, lightly corrected)",
# "This interview has been edited for length and clarity." Only a short line: an
# introduction that says so in passing ("..., and the transcript has been lightly edited")
# names the speakers and stays.
_EDITED_NOTE = re.compile(r"(\bauto-?generated\b|"
                          r"\b(lightly|been|condensed and|edited and) (edited|corrected|condensed)\b)", re.I)
# The words such a note is made of; a line with more than one other word says something
# else too ("Transcript: Defence Ministry briefing (lightly edited)" is a title).
_NOTE_VOCABULARY = frozenset("transcript this the interview conversation episode has have been was is and "
                             "lightly edited corrected auto generated automatically for length clarity "
                             "condensed".split())
# What a transcript or a downloaded file says of itself: "Unedited transcript", "Transcribed by
# X", "Transcript provided by a contractor and may contain errors", "Downloaded from X on Y",
# "Exported by: admin@...".
_FILE_NOTE = re.compile(r"^(unedited|uncorrected|rush|raw) transcript\b|^transcribed by\b|"
                        r"^(downloaded|exported|archived) (from|on|by)\b|"
                        # "Transcripts are produced by an automated service ...", as a programme's page says
                        r"^transcripts? (is |are |was |were )?(provided|produced|prepared|generated|made) by\b|"
                        # a chat's export, under its owner's name: "Harbour Desk — Slack export"
                        r"^(?:[^.!?]{0,80}\s[-–—:|·]\s+)?(slack|teams|discord|whatsapp|telegram|signal|chat|channel)\s+"
                        r"(export|log|archive)$|"
                        # a saved wiki page's foot: where it came from, and when it was last changed
                        r"^retrieved (from|on)\s+[\"“]?(https?://|www\.)|^this page was last (edited|modified|updated)\b|"
                        r"^\W*(©|copyright\b)", re.I)
# Who owns a text and on what terms it is shown: "Crown copyright 2027.", "Reproduced under the
# Open Data Licence", "Licensed under CC BY 4.0", "Photographs used with permission". (A line
# about copyright law, "The EU copyright directive forced ...", gives no year after the word
# and names no licence it is shown under.)
_LICENCE = re.compile(r"^(?:(?-i:[A-Z])[\w&.-]*\s+){0,3}copyright\s+(?:©\s*|\(c\)\s*)?\d{4}\b|"
                      r"\b(?:reproduced|republished|reprinted|licensed|published|used)\s+(?:under|with)\s+"
                      r"(?:the|a|an)\b[^.]{0,60}\blicen[cs]e\b|\b(?:used|reproduced|reprinted)\s+(?:with|by)\s+"
                      r"(?:kind\s+)?permission\b|\bcreative commons\b|\bCC[ -]BY\b", re.I)
# A document's handling marking, in capitals or alone on its line: "CONFIDENTIAL — NOT FOR
# PUBLICATION", "OFFICIAL-SENSITIVE", "Strictly confidential". Prose that says a paper was
# confidential is in lower case and says more.
_MARKING = re.compile(r"\b(?:(?:strictly |private and |commercial in )?confiden(?:tial|ce)|restricted|(?:top )?secret|"
                      r"official[- ]sensitive|embargoed|not for (?:publication|circulation|distribution|release)|"
                      r"reserved business|internal use only|for internal use|eyes only|draft)\b", re.I)
# A disclaimer that goes with a marking: "Not investment advice.", "For information only."
_DISCLAIMER = re.compile(r"^(?:this is )?not (?:investment|financial|legal|tax|medical) advice\W*$|"
                         r"^for (?:information(?:al)?|reference) (?:purposes )?only\W*$", re.I)
_MARKING_WORDS = frozenset("strictly private and commercial in confidential confidence restricted top secret official "
                           "sensitive embargoed not for publication circulation distribution release reserved "
                           "business internal use only eyes draft".split())
# The blanks of a form, left to be filled in: "Signed: ________  Date: ______" (a rule of four
# underscores or more, or a leader of dots).
_FORM_BLANK = re.compile(r"_{4,}|\.{8,}|…{3,}")
# A stage direction in a transcript, which no one says: "[Applause]", "(laughter)", "[crosstalk]",
# "(inaudible)", "[Laughter and applause]". On its own line or inside a turn, it goes.
_STAGE_WORD = (r"(?:applause|laughter|laughs|laughing|cheers|cheering|boos|booing|jeers|inaudible|unintelligible|"
               r"indistinct|crosstalk|cross-talk|overlapping speech|silence|pause|long pause|music|coughs?|sighs?|"
               r"murmurs?|murmuring|interruption|off[- ]mic|no audio|audio (?:cuts out|drops out)|"
               r"technical (?:difficulties|problems?)|video (?:plays|clip)|clip plays|end of (?:recording|video|clip))")
_STAGE = re.compile(r"[\[(](?:(?:loud|brief|some|more|prolonged|scattered|general|sustained)\s+)?" + _STAGE_WORD +
                    r"(?:\s+(?:and|&)\s+" + _STAGE_WORD + r")?\.?[\])]", re.I)
# A slide, a clip or a chart the speaker shows, announced in brackets on its own line: "[Slide 3:
# Rents, 2010-2024]", "[Video: the harbour at dawn]".
# (It starts only where a run of spaces starts: tried at every space of a long run, the
# leading spaces made it take time in the square of the run's length.)
_STAGE_GAP = re.compile(r"(?<!\s)\s*" + _STAGE.pattern + r"\s*", re.I)
_SHOWN = re.compile(r"^\[(?:slide|video|clip|chart|graphic|image|exhibit|figure|map)\b\s*\d*\s*"
                    r"(?:[:.–—-][^\[\]]{0,120})?\]$", re.I)
# A broadcast script's production cues, which no one says: a cue in capitals in square
# brackets ("[TAKE PKG]", "[SOT: NAME]", "[LOWER THIRD: NAME / ROLE]", "[CG: ...]"; a
# transcript's "[applause]" is a stage direction, see ``_STAGE``), the script's header fields in
# capitals ("SLUG: ...", "WRITER: ... PRODUCER: ... RUNS: 2:41") and the mark that closes an item
# ("### END OF ITEM B4 ###", "-30-", "ENDS").
_CUE = re.compile(r"^\[(?=[^\]]*[A-Z]{2})[^\[\]a-z]{2,100}\]$"
                  r"|^(SLUG|WRITER|PRODUCER|RUNS|RUN ?TIME|RUNNING TIME|TRT|AIR ?DATE|LOWER THIRD|SUPER|CG|CHYRON|"
                  r"GFX|SOT|NAT SOUND|NATS|V/O|VO|OOV|VOSOT)\s*:"
                  r"|^[#\s]*END OF\b[^a-z]{0,40}$|^-\s*30\s*-$|^ENDS$"
                  # a broadcast transcript's cue in brackets: "(SOUNDBITE OF ARCHIVED BROADCAST)", "(END VIDEO CLIP)"
                  r"|^\((?:SOUNDBITE|SOUND BITE|BEGIN|END)\b[^()a-z]{0,100}\)$")
# A press office's sign-off at the foot of a release or transcript: "Media relations office,
# Central Bank of X", "Press Office, Ministry of Y" (no sentence).
_PRESS_OFFICE = re.compile(r"^(?:(?:media|press|public|news)\s+(?:relations|affairs|information|office|desk)|"
                           r"communications\s+(?:office|department|directorate|unit|team))\b", re.I)
#: A forum's furniture: a community's name alone or with its sidebar's word ("r/Skiing rules").
_COMMUNITY = re.compile(r"^r/\w+(\s+\w+){0,2}$")
#: A forum post's header, which names who posted it: "r/X • Posted by u/name · 7h".
_POSTED_BY = re.compile(r"\bposted by\s+(?:u/|@)(?P<handle>[\w-]{2,40})\b", re.I)
#: The head of a comment in a thread: the commenter's handle, then counters (votes, age),
#: "u/name · 412 points · 6h", "@name (OP) | 3 likes | 2 hours ago". It goes as debris, but
#: it names who wrote the comment under it: see ``Cleaned.voices``.
_HANDLE_HEAD = re.compile(
    r"^(?:u/|@)(?P<handle>[\w-]{2,40})(?P<op>\s*\((?:OP|op|author)\))?"
    r"(?=(?:\s*[·•|]\s*[^·•|]{1,30})*?\s*[·•|]\s*(?:\d[\d.,]*[kKmM]?\s+(?:points?|votes?|upvotes?|likes?)|"
    r"\d+\s*(?:s|m|h|d|w|mo|y|mins?|hrs?|hours?|days?|weeks?|minutes?)(?:\s+ago)?)\s*(?:[·•|]|$))"
    r"(?:\s*[·•|]\s*[^·•|]{1,30}){1,5}$")
# A wire story's credit line: "(Reporting by A; additional reporting by B; Editing by C)".
_WIRE_CREDIT = re.compile(r"^\(?\s*(additional )?(reporting|writing|editing|compiled|produced) by\b", re.I)
# A photo caption that places the people in the picture: "Ann Lee (l.) and Bo Ray mend nets
# on the wharf", "Ann Lee (left) speaks ...".
_POSITIONED = re.compile(r"\b[A-Z][\w’'-]+ \((?:l|r|c|left|right|cent(?:er|re)|"
                         r"(?:second |third )?from (?:left|right))\.?\)(?= )")
# A caption or credit that says so: "Image: ... Photo: Getty Images".
_CAPTION_LABEL = re.compile(r"^(image|photo|photograph|picture|pictured|caption|credit)\s*:", re.I)
# An e-mail's header lines, as a forwarded newsletter pastes them.
_MAIL_HEADER = re.compile(r"^(from|to|cc|bcc|date|sent|subject|reply-to)\s*:\s*\S", re.I)
_META = re.compile(
    r"^(tags?|topics?|keywords?|filed under|updated?s?|released|published|posted|last updated|"
    r"read time|reading time|source|categories|category|related|read also|also read|see also|read more|"
    r"more on this|more from\b[^:\n]{0,40}|recommended|further reading|watch|listen|advertisement|advert|ad|sponsored|promoted|"
    r"partner content|paid content|"
    # a memo's handling markings: "Distribution: Ministers only. Do not forward."
    r"distribution|classification|handling( instructions)?)\s*:", re.I)
# A page's table of fields pasted without the space between a field's name and its value:
# "AuthorGillespie, Nick", "PublishedMarch 3, 2024", "PositionSoundbite - Interview". The
# name glued to a capital is what no sentence or heading has; a line that ends as a sentence
# does is left alone.
_GLUED_FIELD = re.compile(r"^(?:Authors?|Position|Categor(?:y|ies)|Tags|Topics|Section|Published|Updated|Posted|"
                          r"Byline|Keywords|Filed ?under)(?=[A-Z0-9])[^\n]{1,100}(?<![.!?])$")
_WEEKDAY = r"(mon|tues?|wed(nes)?|thu(rs?)?|fri|sat(ur)?|sun)(day)?\.?"  # "Monday", "Mon", "Thurs."
_MONTH = (r"(jan(uary)?|feb(ruary)?|mar(ch)?|apr(il)?|may|june?|july?|aug(ust)?|sep(t(ember)?)?|"
          r"oct(ober)?|nov(ember)?|dec(ember)?)\.?")
_DATELINE = re.compile(
    rf"^({_WEEKDAY},?\s*)?(\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|"
    rf"\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[./]\d{{1,2}}[./]\d{{2,4}})"
    r"(\s*,?\s*\d{1,2}[:.]\d{2}(\s*[ap]\.?m\.?)?(\s*[A-Z]{2,4})?)?\s*$", re.I)
# The word a page dates itself with, without a colon: "Published August 15, 2023".
_PUBLISHED = re.compile(r"^(?:(?:first |last )?(?:published|posted|updated)(?: on)?\s+)", re.I)
# The banners an encyclopaedia's page carries above an article: its tagline ("From X, the free
# encyclopedia") and its maintenance notices ("This article has multiple issues. Please help
# improve it ...", "Some of this article's listed sources may not be reliable. (May 2026)").
_BANNER = re.compile(r"^from\s+[^,.\n]{1,40},\s+the\s+free\s+encyclop(?:a)?edia\W*$|"
                     r"\bhow and when to remove this (?:template )?message\b|"
                     r"^(?:this|some of this|parts of this)\s+(?:article|section|page|list)(?:['’]s)?\b.{0,160}?"
                     r"(?:\bhas multiple issues\b|\bhelp improve\b|\btalk page\b|\b(?:additional |more )?citations?\b|"
                     r"\bdoes not cite\b|\bmay not be reliable\b|\bunsourced\b|\bmay be challenged\b|"
                     r"\bneutrality is disputed\b|\bmay require cleanup\b|\bis a stub\b|"
                     r"\b(?:primary|reliable|secondary|listed|additional|third-party|independent)\s+sources\b|"
                     r"\((?:" + _MONTH + r")\s+\d{4}\)\W*$)", re.I)
# An entry of a wiki's list of references, which opens on its link back up: "^ Lee, A. (2024).
# ...", "^ a b Lee ...", "12. ^ ..." (or an arrow, "↑ ...").
_REFERENCE_ENTRY = re.compile(r"^(?:\d{1,3}\.\s*)?[\^↑]\s*\S")
# A table of contents: its heading, then its numbered entries ("3.1 Fisheries").
_CONTENTS = re.compile(r"^(?:table of )?contents\W*$", re.I)
_CONTENTS_ENTRY = re.compile(r"^\d{1,2}(?:\.\d{1,2})*\.?\s+\S")
# A byline's name: "By Ann Lee", "By Ann Lee and Bo Ray", "By Ann Lee, Reuters" (the first writer).
_BYLINE_NAME = re.compile(r"^(?:(?:[Pp]osted|[Ww]ritten|[Ww]ords|[Rr]eported|[Ss]tory) by|by|By|BY)\s+(?P<name>[A-Z][\w.’'-]+(?:\s+(?:[A-Z][\w.’'-]+|de|van|von|da|al))*"
                          r"\s+[A-Z][\w’'-]+)\s*(?:$|[,|–—]|\band\b)")
# A byline that carries the date: "By Ann Lee, 11 March 2025" (the line stays: it names the writer).
_BYLINE_DATE = re.compile(
    rf"^(?:(?:posted|written|words|reported|story)\s+)?by\s+[^,|–—]{{2,60}}[,|–—]\s*({_WEEKDAY},?\s*)?"
    rf"(?P<date>\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
    r"\s*(?:[|·•]\s*[^|·•]{1,60})?$", re.I)
# A wire story's lead: the place in capitals, a dated day and the agency before a dash,
# "VARNHOLT, 14 March 2025 (Meridian) - Dock workers ...": the line is the story's first
# paragraph and stays; its date is the story's. (With no year, the date is left unread:
# guessing the year would date the story wrongly.)
_DATED_LEAD = re.compile(
    rf"^[A-Z][A-Z.'’ -]{{1,40}}(?:,\s*[A-Z][\w.'’ -]{{1,30}})?,\s*({_WEEKDAY},?\s*)?"
    rf"(?P<date>\d{{1,2}}\s+{_MONTH}\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})\s*"
    r"(?:\([^()]{1,40}\)\s*)?[-–—]+\s+\S", re.I)
# Closed-class English words: a line that ends on one of them was cut off.
_FUNCTION_WORDS = frozenset(
    "a an the to of or and but for with in on at by from as that than your his her their its our my "
    "this these those into onto about over under if whether because while when which who whose".split())
_DEMONSTRATIVES = frozenset("that this these those".split())
_TERMINAL = tuple(".?!:;\"'”’»)]")
_BULLET = re.compile(r"^\s*([•·▪◦‣*]|-(?=\s))\s*")


@dataclass
class Cleaned:
    """Text after cleaning, with the lines removed and the page metadata found."""

    text: str
    removed: list[str] = field(default_factory=list)
    paragraphs: list[tuple[int, int]] = field(default_factory=list)
    reasons: list[str] = field(default_factory=list)
    title: Optional[str] = None
    date: Optional[str] = None
    #: The writer a byline names ("By Ann Lee"), who is the "I" of an opinion piece.
    author: Optional[str] = None
    #: Spans (in ``text``) of the paragraphs that were wholly bold ("**How did it start**")
    #: before their marks went: an interview's way of setting the interviewer's turns apart.
    strong: list[tuple[int, int]] = field(default_factory=list)
    #: Who wrote what in a thread of comments: (offset in ``text`` where a comment starts, the
    #: handle its header names), in order. The header ("u/name · 412 points") goes as debris.
    voices: list[tuple[int, str]] = field(default_factory=list)
    #: The handle of whoever started the thread ("Posted by u/name", "u/name (OP)").
    poster: Optional[str] = None
    #: Spans of the paragraphs that were wholly in italics ("_Why did it start?_"), as
    #: ``strong`` has the bold ones: another way an interview sets its questions apart.
    emphasis: list[tuple[int, int]] = field(default_factory=list)
    #: The letters of a page of several, each its signer's words: (start, end in ``text``, the
    #: name its signature gives), in order.
    signed: list[tuple[int, int, str]] = field(default_factory=list)


def _words(line: str) -> list[str]:
    return re.findall(r"[\w’']+", line)


def _norm(line: str) -> str:
    return " ".join(w.lower() for w in _words(line))


def line_key(line: str) -> str:
    """A line's words in lower case, as the cleaner compares lines (repeats, headlines).

    >>> line_key("**Rates** rose — again!")
    'rates rose again'
    """
    return _norm(line)


def _ends_sentence(line: str) -> bool:
    return line.rstrip().endswith(_TERMINAL)


def _is_truncated(line: str) -> bool:
    s = line.rstrip()
    if s.endswith(("...", "…")):
        return True
    if _ends_sentence(s):
        return False
    words = _words(s)
    # A headline In Title Case may end on "When" or "For"; a cut-off line ends on "a" or "the".
    title_case = sum(w[:1].isupper() for w in words) >= 0.7 * len(words)
    # ("that", "this", "these", "those" end a phrase as often as they open one: "... and what
    # might change that" is a whole headline)
    return len(words) >= 3 and words[-1].lower() in _FUNCTION_WORDS - _DEMONSTRATIVES and \
        not (title_case and words[-1][:1].isupper())


# The separators only a breadcrumb uses, which no list of two in prose does.
_CRUMB = re.compile(r"\s[›»>]\s")
# A menu or a breadcrumb: three items or more, each a few words, between separators:
# "Like · Comment · Restack", "Home > Sport > Football".
_MENU_SEPARATOR = re.compile(r"(?<!\s)\s+[·•∙|>›»/]\s+")  # (from a run's start, as _STAGE_GAP)
#: Headings of a page's lists of other pages and tags, whose items follow one a line.
_LIST_HEADING = re.compile(r"^(most (read|viewed|popular|shared|watched)|related( (stories|articles|topics|"
                           r"content|links|reading))?|topics|tags|read (next|more)|more (from|on|stories)\b.*|"
                           r"(more )?((posts|stories|threads|videos|articles) )?you (may|might) (also )?like|"
                           r"recommended( for you)?|popular now|trending( now)?)\W*$", re.I)


def _is_menu(line: str) -> bool:
    items = _MENU_SEPARATOR.split(line.strip())
    if line.lstrip().startswith("|") or len(items) < 2:
        return False
    if all(_CONTROL.match(x) and 0 < len(_words(x)) <= 8 for x in items):
        return True  # a row of controls, which may close on "(PDF)" or name the app ("Listen again on the X app")
    if len(items) == 2 and all(0 < len(_words(x)) <= 3 for x in items) and _CRUMB.search(line):
        return True  # a breadcrumb of two: "Opinion › Letters"
    # (a breadcrumb may end on the page's date: "Country Risk / Global / Thu 09 May, 2024")
    return len(items) >= 3 and all(0 < len(_words(x)) <= 3 or k == len(items) - 1 and _DATELINE.match(x)
                                   for k, x in enumerate(items)) and not _ends_sentence(line)


def _is_contact(line: str) -> bool:
    """Contact details: fields of an address ("Tel: ... | Email: ..."), or a short line that
    ends on an e-mail address."""
    s = line.strip(" *_")
    if len(_words(s)) > 30:
        return False
    fields = re.split(r"\s+[|·•]\s+", s)
    return all(_CONTACT_FIELD.match(f) for f in fields) and bool(_ADDRESS.search(s)) or \
        bool(_ENDS_ON_MAILBOX.search(s)) or bool(_WRITE_TO.match(s))


def _is_counter(line: str) -> bool:
    """A post's counters: "💬 214   🔁 1.1K   ❤️ 3.9K   📊 412K views" (icons and numbers,
    at most a word or two)."""
    icons = sum(1 for ch in line if ord(ch) >= 0x2190 and not ch.isalnum())
    numbers = re.findall(r"\b\d[\d.,]*[KkMm]?\b", line)
    return icons >= 2 and len(numbers) >= 2 and sum(w.isalpha() for w in _words(line)) <= 2 and \
        not _ends_sentence(line)


# A chat's reactions under a message, each an emoji or its :code: and a count: ":eyes: 3 :100: 1".
_REACTIONS = re.compile(r"^(?:(?::[\w+-]{1,30}:|[\u2190-\u2bff\U0001F000-\U0001FAFF])\ufe0f?\s*\d*\s*)+$")
# What a chat's software posts of itself, naming a member: "Ann Lee pinned a message to this
# channel.", "Bo Ray joined the channel", "Ann Lee added Bo Ray to the group".
_CHAT_EVENT = re.compile(r"^[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,3}\s+(?:has\s+)?"
                         r"(?:(?:un)?pinned\s+(?:a\s+message|an?\s+item)(?:\s+(?:to|in|from)\s+(?:this|the)\s+\w+)?|"
                         r"(?:joined|left)\s+(?:the|this)\s+(?:channel|group|chat|conversation|call)|"
                         r"added\s+[^.!?]{1,40}\s+to\s+(?:the|this)\s+(?:channel|group|chat)|"
                         r"(?:changed|set|updated)\s+the\s+(?:channel|group|chat)(?:'s|’s)?\s+(?:name|topic|purpose|description)\b[^.!?]{0,60})"
                         r"\s*\.?$")


def _is_widget(line: str) -> bool:
    words = _words(line)
    if _is_menu(line) or _BUTTONS.match(line.strip()) or _is_counter(line) or _REACTIONS.match(line.strip()) or \
            _CHAT_EVENT.match(line.strip()):
        return True
    if _UI_ONLY.search(line) and len(words) <= 40:
        return True
    if _FREQUENCY.search(line) and len(words) <= 12 and not _ends_sentence(line):
        return True
    return len(words) <= 14 and not line.rstrip().endswith(("?",)) and bool(_WIDGET.search(line)) and (
        len(words) <= 4 or not _ends_sentence(line) or line.lstrip().lower().startswith(("editor's note", "editor’s note")))


# A wire story's lead, which names its agency before the dash: "GENEVA (Reuters) - Rain ...".
_WIRE_LEAD = re.compile(r"^[A-Z][A-Z .'’-]+(,[^()\n]{0,40})?\s*\([^()]{2,40}\)\s*[-–—]+\s*\S")


def _garbled(line: str) -> bool:
    """Whether a short line is still mojibake after ingest mended what it could ("91³Ô¹ÏÍø",
    a site's name in another encoding read as Latin-1): nothing a reader can read, a
    masthead or a logo's text. ftfy's check tells it from letters that are only foreign."""
    from ftfy.badness import is_bad

    return len(_words(line)) <= 6 and any(ord(ch) > 127 for ch in line) and is_bad(line)


def _is_marking(line: str) -> bool:
    """A handling marking: a part of the line, between dashes or bars, that is nothing but a
    marking ("CONFIDENTIAL", "NOT FOR PUBLICATION"), on a line in capitals or made of such parts."""
    words = _words(line)
    if not 0 < len(words) <= 14:
        return False
    parts = re.split(r"\s+[—–|/·-]+\s+|\s*:\s*|(?<=[.!])\s+", line.strip())
    if not any(_MARKING.search(p) and all(w.lower() in _MARKING_WORDS for w in _words(p)) for p in parts):
        return False
    # (a disclaimer may close the marking: "CONFIDENTIAL — INTERNAL USE ONLY. Not investment advice.")
    marked = " ".join(p for p in parts if not _DISCLAIMER.match(p))
    return not re.search(r"[a-z]", marked) or all(w.lower() in _MARKING_WORDS for w in _words(marked))


def _signatory(lines: list[str], drop: dict[int, str]) -> Optional[str]:
    """Who signs a letter, and so speaks it: the name under its closing ("Yours sincerely," /
    "Ann Lee"), or, in a letter that opens "Dear ...", the name under its last paragraph (the
    signer's post and the place may follow it). A page of several letters has no one signer."""
    closings = [i for i, ln in enumerate(lines) if re.match(_CLOSING, ln, re.I)]
    # (a letter's "Dear ...", not an e-mail's or a post's "Hi all,")
    opened = [i for i, ln in enumerate(lines)
              if re.match(r"^(dear|my dear)\b", ln, re.I) and re.match(_SALUTATION, ln, re.I)]
    if len(closings) > 1 or len(opened) > 1 or not closings and not (opened and opened[0] < 6):
        return None
    if closings:
        closing = closings[0]
    else:
        body = [i for i, ln in enumerate(lines) if i not in drop and _ends_sentence(ln) and len(_words(ln)) >= 8]
        closing = body[-1] if body else len(lines)
    for ln in lines[closing + 1:closing + 4]:
        m = _BYLINE_NAME.match("By " + ln.strip())
        if m and m.group("name") == ln.strip() and not any(w.lower() in _POST_WORDS for w in _words(ln)):
            return m.group("name")
    return None


#: How each letter on a page of letters opens: "Sir, ...", "Madam, ...", "Dear Editor," (the
#: salutation may run on into the letter's first sentence).
_OPENS_LETTER = re.compile(r"^(?:Sir|Madam|Sir/Madam|Sir or Madam|Dear\s+[A-Z][^,.!?:\n]{0,40})\s*,(?:\s+\S|$)")
_ADDRESS_TITLES = frozenset("mr mrs ms miss mx dr prof professor sir dame rev revd cllr lord lady".split())


def _signature(line: str) -> Optional[str]:
    """The name a letter's signature gives: "Ann Lee", "Dr Ann Lee, Tollby", "Ann Lee, chair,
    Tollby Walkers" (the place or the post after a comma), without a title of address."""
    s = line.strip()
    m = _BYLINE_NAME.match("By " + s)
    if m is None or any(w.lower() in _POST_WORDS for w in _words(m.group("name"))):
        return None
    rest = s[len(m.group("name")):]
    if rest and not re.fullmatch(r",\s*[^.!?:;]{1,60}", rest) or len(_words(rest)) > 8:
        return None
    words = m.group("name").split()
    while len(words) > 2 and words[0].lower().rstrip(".") in _ADDRESS_TITLES:
        words = words[1:]
    return " ".join(words)


def _signed_letters(lines: list[str]) -> list[tuple[int, int, str]]:
    """The letters of a page of several, each with its signer: (the line of its salutation, the
    line of its signature, the name). A letter opens on a salutation and is signed under its
    last sentence or its closing. One letter alone is the page's: see :func:`_signatory`."""
    out: list[tuple[int, int, str]] = []
    opening = None
    for i, ln in enumerate(lines):
        if _OPENS_LETTER.match(ln):
            opening = i  # (a letter left unsigned is no one's: the next salutation starts another)
            continue
        signer = _signature(ln) if opening is not None and i > opening else None
        if signer and (_ends_sentence(lines[i - 1]) or re.match(_CLOSING, lines[i - 1], re.I)):
            out.append((opening, i, signer))
            opening = None
    return out if len(out) >= 2 else []


def _is_credit(line: str) -> bool:
    return len(_words(line)) <= 12 and bool(_CREDIT.search(line)) and not _WIRE_LEAD.match(line)


def _mail_header(lines: list[str], i: int) -> bool:
    """Whether line ``i`` is one of an e-mail's header lines ("From: ...", "Date: ...",
    "Subject: ..."), which come two or more together; one such line alone may be prose."""
    if not _MAIL_HEADER.match(lines[i]) or len(_words(lines[i])) > 20:
        return False
    return any(0 <= j < len(lines) and _MAIL_HEADER.match(lines[j]) for j in (i - 1, i + 1))


def _is_name_line(line: str) -> bool:
    """A line that is only a name (a caption under a portrait, or an image's alt text with
    its stop, "Ann Lee."), or a name with the body and the post it gives between commas.
    One capitalised word alone is a section heading ("Outlook"), not a name.

    >>> _is_name_line("Ann Lee."), _is_name_line("Thank You."), _is_name_line("Rates rose.")
    (True, False, False)
    >>> _is_name_line("Ann Lee, Tollby University, Professor of Hydrology")
    True
    """
    words = line.split()
    if (2 <= len(words) <= 4 and not _ends_sentence(line) and ":" not in line
            and all(w[:1].isupper() for w in words) and not _DATELINE.match(line)):
        return True
    if _ALT_NAME.fullmatch(line.strip()) and not any(w.lower() in _FUNCTION_WORDS | _PERSONAL for w in _words(line)):
        return True
    return _is_name_and_post(line)


#: A portrait's alt text, who and a name with a stop: "Central bank governor Ann Lee." (the
#: caption with its credit under it says it is one; a sentence that short ending on a name
#: would have a verb before it, "The prize went to Ann Lee.", which the lower-case words
#: here may not hold: only nouns of who one is and "of", "the", "and").
_ALT_PORTRAIT = re.compile(r"(?:(?:[A-Z][\w’'.&-]*|of|the|and|for|"
                           r"[a-z]+(?:man|woman|or|er|ist|ent|ant|ary|ee|ef))\s+)+"
                           r"[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){0,2}\.")
#: An image's alt text that gives a name and a stop: "Ann Lee." (a line of prose has a verb).
_ALT_NAME = re.compile(r"[A-Z][a-z’'-]+(?: [A-Z][a-z’'-]+){1,3}\.")
_PERSONAL = frozenset("i you we he she it they me us him her them".split())
#: Small words a body's name or a post may have in lower case ("Professor of Hydrology").
_NAME_JOINERS = frozenset("of for and the at in on de da du van von del der y &".split())


def _is_name_and_post(line: str) -> bool:
    """A caption that gives a name, then the person's body and post between commas: "Ann
    Lee, Tollby University, Professor of Hydrology" (each field capitalised, no sentence)."""
    parts = [p.strip() for p in line.split(",")]
    if len(parts) < 2 or _ends_sentence(line) or ":" in line or len(_words(line)) > 16:
        return False
    name = parts[0].split()
    if not 2 <= len(name) <= 4 or not all(re.fullmatch(r"[A-Z][\w.’'-]*", w) for w in name):
        return False
    return all(p and p[:1].isupper() and all(w[:1].isupper() or w.lower() in _NAME_JOINERS for w in p.split())
               for p in parts[1:])


#: A person's name as a byline gives it: "Ann Lee", "Sheldon H. Jacobson", "Mary O'Neill-Hart".
_PERSON_NAME = re.compile(r"[A-Z][a-z’'-]+(?: [A-Z]\.)?(?: (?:de |van |von |da |al-)?[A-Z][a-z’'-]+){1,2}")
#: The end of a name that another follows on the next line: "Ann Lee &", "Ann Lee, ".
_NAMES_GO_ON = re.compile(r"(?<!\s)\s*(?:(?:&|,|\band)\s*)?$")  # (from a run's start, as _STAGE_GAP)
#: A label over the writer's name: "Author(s)", "Written by".
_AUTHOR_LABEL = re.compile(r"^(?:authors?(?:\s*\(s\))?|by|written by|words by|posted by)\s*:?$", re.I)
#: Words of a post, as an author's box gives it under the name: "Business correspondent in X."
_ROLE_WORDS = _POST_WORDS | frozenset("editor correspondent reporter writer columnist journalist contributor producer "
                                      "author analyst economist professor fellow researcher lecturer scientist "
                                      "commentator presenter host anchor staff".split())
#: Verbs a sentence has and a post's description has not.
_FINITE = frozenset("is are was were be been has have had will would can could may might must should shall do does "
                    "did said says say told tells".split())


def _is_post_line(line: str) -> bool:
    """A post, described in one short line under a name in an author's box: "Responsible
    editor for corporate reporting.", "Business correspondent in Tollby." (no verb).

    >>> _is_post_line("Senior correspondent in Tollby."), _is_post_line("The editor said no.")
    (True, False)
    """
    words = [w.lower() for w in _words(line)]
    return 0 < len(words) <= 10 and not line.rstrip().endswith("?") and \
        any(w.rstrip("s") in _ROLE_WORDS or w in _ROLE_WORDS for w in words[:3]) and not any(w in _FINITE for w in words)


# A publication's masthead: its name, which ends on a word papers and magazines are called
# by ("The Tollby Herald", "Harbour Quarterly"), maybe with the issue ("- 2023 Q2", ", Issue 12").
_PUBLICATION = (r"(?:Times|Post|Journal|Herald|Republic|Tribune|News|Gazette|Chronicle|Telegraph|Guardian|Star|Mail|"
                r"Express|Quarterly|Weekly|Daily|Monthly|Observer|Economist|Independent|Courier|Examiner|Inquirer|"
                r"Dispatch|Bulletin|Press|Monitor|Register|Globe|Mirror|Magazine|Digest|Newsletter|Sun|Review)")
_ISSUE = (r"(?i:(?:issue|vol\.?|volume|no\.?|number|edition)\s*\d+"
          r"|(?:(?:spring|summer|autumn|fall|winter|" + _MONTH + r")\s+)?\d{4}(?:\s*[-/]?\s*(?:q[1-4]|h[12]))?"
          r"|(?:q[1-4]|h[12])\s+\d{4})")
_MASTHEAD = re.compile(r"^(?:The\s+)?(?:[A-Z][\w&'’.-]*\s+){0,4}" + _PUBLICATION +
                       r"(?P<issue>(?:\s*[-–—|,:·]\s*" + _ISSUE + r"){1,2})?$")
#: A byline's opening and the name after it: "By Ann Lee", "Written by Ann Lee", an
#: editor's "Edited by Bo Ray", a handle "By @annlee".
_BYLINE_OPEN = re.compile(
    r"^(?:(?:posted|written|words|reported|story|edited|produced|compiled|fact-checked|reviewed)\s+)?by\s+"
    r"(?:@\w+|(?-i:[A-Z])[\w.’'-]+(?:\s+(?:(?-i:[A-Z])[\w.’'-]+|de|van|von|da|al|and|&))*)", re.I)
#: A name and the day it wrote: "Ann Lee January 18 2024", "Ann Lee | 18 Jan 2024".
_NAME_DATE = re.compile(rf"^(?-i:[A-Z][a-z’'-]+(?:\s+(?:[A-Z]\.|[A-Z][a-z’'-]+)){{1,3}})\s*[,|·•–—-]?\s*({_WEEKDAY},?\s*)?"
                        rf"(\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}|{_MONTH}\s+\d{{1,2}},?\s+\d{{4}})$", re.I)


def _is_byline(line: str) -> bool:
    """Whether ``line`` is only a byline: the writer's name after "By" (or "Written by", an
    editor's "Edited by"), with at most a post, an outlet or a date after it, or a name and
    a date alone. Guide section 4 counts the byline frame as debris; the writer it names
    is kept apart as :attr:`Cleaned.author`.

    >>> _is_byline("By Ann Lee, Energy Reporter"), _is_byline("Edited by Bo Ray")
    (True, True)
    >>> _is_byline("By @annlee |"), _is_byline("Ann Lee January 18 2024")
    (True, True)
    >>> _is_byline("By March, prices will have fallen"), _is_byline("By Christmas the bank had cut rates.")
    (False, False)
    """
    line = _BULLET.sub("", line)  # ("- By Ann Lee": a byline set as a list item)
    if len(_words(line)) > 14 or _ends_sentence(line):
        return False
    if _NAME_DATE.match(line.strip()) or line.strip().lower() == "by":  # ("By", the name on the next line)
        return True
    m = _BYLINE_OPEN.match(line.strip())
    if m is None:
        return False
    rest = line.strip()[m.end():]
    if rest and not re.match(r"\s*([,|·•–—-]|$)", rest):
        return False
    # (a post may have a word of its beat in lower case, "media correspondent"; a clause has more)
    other = sum(w[:1].islower() and w.lower() not in _ROLE_WORDS | _NAME_JOINERS for w in _words(rest))
    return other == 0 or other == 1 and any(w.lower().rstrip("s") in _ROLE_WORDS for w in _words(rest))


# A byline after a dash, the name in capitals: "- ANN LEE", "— BY ANN LEE".
_DASH_BYLINE = re.compile(r"^[-–—]\s*(?:BY\s+)?(?P<name>[A-Z][A-Z.'’-]+(?:\s+[A-Z][A-Z.'’-]+){1,3})$")
# A photo's caption with its credit run on at its end: "... at her home.Courtesy Ann Lee",
# "... in March. Photo by Bo Ray/Agency" (a stop, then a credit's word and a name).
_CREDIT_TAIL = re.compile(r"[.!?][\"”’']?\s*(?:courtesy(?:\s+of)?|(?:photo|image|picture|photograph|illustration)s?"
                          r"(?:\s+by|\s*:)|(?:photo\s+)?credit\s*:)\s+(?-i:[A-Z])[^.!?]{0,60}$"
                          # (a credit in brackets needs no stop before it: "..., says Ann Lee (Source: Getty)")
                          r"|\(\s*(?:source|photo|image|picture|credit)\s*:\s*(?-i:[A-Z][\w.&’'-]*(?:[\s/]+[A-Z][\w.&’'-]*){0,3})\)\s*$"
                          # (nor an agency and its photographer in brackets: "(Reuters: Ann B. Lee)")
                          r"|[.!?]\s*\((?-i:[A-Z][\w&’'-]*(?:\s+[A-Z][\w&’'-]*){0,2})\s*:\s*"
                          r"(?-i:[A-Z][a-z’'-]+(?:\s+[A-Z]\.)?(?:\s+[A-Z][a-z’'-]+){1,2})\)\s*$"
                          # (nor a photographer and agency after a stop: "... on June 7.Ann Lee / AFP - Getty Images")
                          r"|[.!?][\"”’']?\s*(?-i:[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+){0,3})\s*/\s*(?-i:[A-Z])[\w &.’'-]{1,50}$",
                          re.I)


#: Words of a statement, which a picture's description has none of: modals, forms of "be" and
#: "have", and the verbs a standfirst reports with.
_STATING = re.compile(r"\b(will|would|could|can|may|might|must|should|is|are|was|were|has|have|had|"
                      r"says?|said|warns?|finds?|argues?|expects?)\b", re.I)


def _sentence_case(line: str) -> bool:
    """Whether a line is written as a sentence is, not as a title: capitalised first, and most
    of its other words of four letters or more in lower case."""
    words = [w for w in _words(line)[1:] if len(w) >= 4 and w[:1].isalpha()]
    return line[:1].isupper() and bool(words) and sum(w[:1].islower() for w in words) >= 0.75 * len(words)


def _sentence_norms(line: str) -> list[str]:
    """The sentences of a line, each as :func:`_norm` has it.

    >>> _sentence_norms("Rates rose. “Will they fall?” Not soon: The bank waits.")
    ['rates rose', 'will they fall', 'not soon', 'the bank waits']
    """
    # (a sentence may open after a colon: "She said: Rates will fall.")
    return [_norm(x) for x in re.split(r"(?<=[.!?…:])[\"”’'»)]*\s+(?=[\"“‘'«(]*[A-Z0-9])", line.strip()) if _words(x)]


def _masthead(lines: list[str], i: int, first_body: int) -> bool:
    """Whether line ``i`` is a publication's masthead: with its issue anywhere ("Harbour
    Quarterly - 2023 Q2"), or alone above the headline, before the first paragraph."""
    m = _MASTHEAD.match(lines[i])
    if m is None or m.group("issue"):
        return m is not None
    return i < first_body and i + 1 < len(lines) and not _ends_sentence(lines[i + 1]) and \
        len(_words(lines[i + 1])) > len(_words(lines[i]))


def _dated_row(line: str) -> Optional[str]:
    """The date of a row of short fields, one of them a dateline: "Programme transcript ·
    Thursday 3 May 2027 · 12:05–13:00" (a page's header, no byline: "By Ann Lee · 3 May" names
    its writer and stays)."""
    items = [x.strip() for x in _MENU_SEPARATOR.split(line.strip())]
    if len(items) < 2 or _ends_sentence(line) or any(_BYLINE_NAME.match(x) for x in items):
        return None
    dated = [x for x in items if _DATELINE.match(x)]
    return dated[0] if dated and all(x in dated or 0 < len(_words(x)) <= 4 for x in items) else None


def _is_teaser_headline(line: str) -> bool:
    """``Topic: Headline`` without closing punctuation, in the middle of an article."""
    if _ends_sentence(line) or not 5 <= len(_words(line)) <= 25 or re.search(r"[.!?][\"”’']?\s+[A-Z]", line):
        return False
    m = re.search(r"[:–—]\s+(\S)", line)
    return bool(m and m.group(1).isupper())


def _dated_lead(line: str):
    # (The place must be in capitals, which the case-blind pattern cannot say.)
    m = _DATED_LEAD.match(line)
    return m if m and line.split(",")[0].isupper() else None


def _tomorrow() -> str:
    """Tomorrow's day as YYYY-MM-DD (a day's grace for time zones)."""
    import datetime

    return (datetime.date.today() + datetime.timedelta(days=1)).isoformat()


def iso_date(text: str) -> Optional[str]:
    """A dateline as YYYY-MM-DD, when it reads as one date.

    >>> iso_date("Wednesday, 18 July 2012 01:47 PM"), iso_date("Sep 22, 2005"), iso_date("soon")
    ('2012-07-18', '2005-09-22', None)
    >>> iso_date("Mon 3 Mar 2025 10.00 GMT"), iso_date("3.4.2025")
    ('2025-03-03', '2025-04-03')
    """
    from dateutil import parser

    text = re.sub(r"\b(\d{1,2})\.(\d{2})\b(?!\.\d)", r"\1:\2", text)  # "10.00 GMT", as British papers print the time
    try:
        return parser.parse(text, fuzzy=True, dayfirst=bool(re.match(r"^\D*\d{1,2}[ ./]", text))).date().isoformat()
    except (ValueError, OverflowError):
        return None


_MD_HEADING = re.compile(r"^#{1,6}\s+(?=\S)")
# (Only "**" that stands apart from words: "x**2" is no emphasis; "__" is left alone, being
# as often part of a name, "__init__", "window.__name", as a mark.)
_MD_STRONG = re.compile(r"(?<![\w.])(\*\*)(?=[^\s*])(.+?)(?<=[^\s*])\1(?!\w)")
# A line in italics, "*Prepared by the desk.*" or "_Prepared by the desk._" (a single mark at
# both ends, none inside).
_MD_EMPHASIS = re.compile(r"^\*(?=[^\s*])([^*\n]+)(?<=[^\s*])\*$|^_(?=[^\s_])([^_\n]+)(?<=[^\s_])_$")
# A link, "[Subscribe now](https://...)": its words are the text, the address no word of it.
_MD_LINK = re.compile(r"(?<!!)\[([^\[\]\n]+)\]\((?:https?://|/|#)[^()\s]*\)")


def _wholly_emphasised(line: str) -> bool:
    """Whether a line is in italics from end to end: "_Why did it start?_"."""
    return bool(_MD_EMPHASIS.match(_MD_HEADING.sub("", line.strip())))


def _without_stage(line: str) -> str:
    """A line without the stage directions inside it: "Thank you. [applause] Now ..." is
    "Thank you. Now ...". A line that is one stays whole, to go as debris."""
    if _STAGE.fullmatch(line.strip()):
        return line

    def gap(m) -> str:
        after = m.string[m.end():m.end() + 1]
        return "" if m.start() == 0 or not after or after in ".,;:!?" else " "

    return _STAGE_GAP.sub(gap, line).strip()


def _wholly_strong(line: str) -> bool:
    """Whether a line is bold from end to end: "**Tell us about the shortage.**", not
    "**Rents** rose" nor "**A** and **B**"."""
    m = _MD_STRONG.fullmatch(_MD_HEADING.sub("", line.strip()))
    return bool(m) and "**" not in m.group(2)


#: A line worded as a question without its mark: a question word then a verb before the
#: subject ("How did the shortage start", "What is the strike about"), or a verb that opens a
#: yes/no question ("Do you expect ..."). "Why it matters" and "What comes next" are headings.
ASKING = re.compile(r"^(?:(?:how|what|why|when|where|who|whom|whose|which)(?:\s+\w+){0,2}?\s+)?"
                     r"(?:is|are|was|were|do|does|did|can|could|will|would|should|shall|has|have|had|may|might|"
                     r"must)(?:n[’']t)?\s+[a-z]", re.I)


#: Markdown's quote marks, "> " and "> > " (a reply under a reply): no words of the quote.
_MD_QUOTE = re.compile(r"^(?:>[ \t]?)+")


def _unmarked(line: str) -> str:
    """A line without the marks of Markdown that text pasted from a page or a notes app
    carries: "## What caused it?" and "**Why did the cod disappear?**" are a heading and a
    question, and their marks are no words of the quote. (Dashes stay: they open the
    turns of a dashed interview.)"""
    line = _MD_LINK.sub(r"\1", _MD_STRONG.sub(r"\2", _MD_HEADING.sub("", line))).strip()
    return _EDIT_LINK.sub("", _MD_EMPHASIS.sub(lambda m: m.group(1) or m.group(2), line))


#: A wiki's link to edit the section, printed after its heading: "Causes[edit]".
_EDIT_LINK = re.compile(r"(?<=\S)\s*\[edit(?: source)?\]$", re.I)


#: A page number on a line of its own ("Page 2 of 5", "- 3 -", "— Page 2 —", "3/9"), or one
#: that ends a footer ("KBWI | www.kbwi.org   Page 2 of 5"): a bare "3 of 5" only alone.
_PAGE_MARK = re.compile(r"(^|\s)[-–—\s]*page\s+\d+(\s*(of|/)\s*\d+)?[-–—\s]*$"
                        # a parliamentary record's column of the printed volume: "Column 218", "Col. 41WH"
                        r"|^\s*col(umn|\.)?\s+\d{1,5}[A-Z]{0,3}\s*$"
                        r"|^[-–—\s]*(\d+\s*(of|/)\s*\d+|[-–—]\s*\d+\s*[-–—])[-–—\s]*$", re.I)
# A speaker's label: "HOST:", "Dr. Lena Marsh:", "PAUL (host):".
# (A script may add the person and the shot: "REPORTER (TOM ASHBY) (V/O):"; a chat's export or a
# recording puts the time first: "[08:22] Ann Lee:", as structure's TIMESTAMP reads it.)
_STAMP = r"[\[(]?\d{1,2}(?::\d{2}){1,2}[\])]?\s+"
_STAMPED = re.compile("^" + _STAMP)
_SPEAKER_LABEL = re.compile(r"^(?:" + _STAMP + r")?(?P<label>[A-Z][\w.'’&\- ]{0,24}?)(\s+\([^()\n]{1,60}\)){0,3}\s*:\s+(?=\S)")
#: A broadcast transcript's tag that gives the part after a name in capitals: "ANN LEE,
#: Teacher:", "BO RAY, Director, Tollby School:". The part says it is a turn, even the only one.
_PART_LABEL = re.compile(r"^(?P<label>[A-Z][A-Z.'’\-]+(?: [A-Z][A-Z.'’\-]+){1,3}),\s+[A-Z][\w.'’&\- ]{1,30}"
                         r"(?:,\s+[A-Z][\w.'’&\- ]{1,40})?\s*:\s+(?=\S)")
#: A court transcript's turn marks, "Q. Where were you?" / "A. At home.": a turn each.
_QA_MARK = re.compile(r"^[QA]\.\s+(?=\S)")
#: What starts a line of its own, never the rest of a wrapped one: a bullet, a numbered
#: item, a Markdown heading or quote, a speaker's tag, a chat's time stamp.
_LINE_START = re.compile(r"^([•·▪◦‣*#>|¹²³⁴⁵⁶⁷⁸⁹⁰]|-\s|\d{1,2}[.)]\s|[A-Z][\w.’' -]{0,40}:\s|"
                         # a chat's time-stamped message and the reactions under it
                         + _STAMP + r"|:[\w+-]{1,30}:)")


def _is_page_mark(line: str) -> bool:
    return len(line) <= _LONGEST_FURNITURE and len(_words(line)) <= 14 and bool(_PAGE_MARK.search(line))


def _known_word(word: str) -> bool:
    """Whether ``word`` (lowercase) or its stem is an English word WordNet lists."""
    from cogmap.extract.concepts import _lexicon

    known = _lexicon("noun") | _lexicon("verb") | _lexicon("adj")
    stems = {word, word[:-1], word[:-2], word[:-3], word[:-2] + "e", word[:-3] + "e", word[:-1] + "e"}
    return any(len(w) > 3 and w in known for w in stems)


def unwrap(text: str) -> str:
    r"""Text whose paragraphs were broken into lines of a fixed width (a PDF or an e-mail
    converted to text), with each paragraph on one line again, as every other input has it.

    A line was broken where it is nearly full and the next word would not have fit. A
    hyphen that split a word at the break goes ("irri-" / "gation"); one that joins two
    words stays ("well-" / "known"). A paragraph cut by a page's footer and header goes on
    after them where it resumes in lowercase; the footer and header follow it. Text that is
    not wrapped comes back as it is.

    Hand-written: trafilatura and the PDF tools unwrap while they extract; text that comes
    already converted has no library to undo it.

    >>> unwrap("Rates rose.\nPrices fell.")
    'Rates rose.\nPrices fell.'
    >>> para = ("The water table has fallen by eleven metres\nsince 2010, and the rising cost of irri-\n"
    ...         "gation has pushed farm households into debt\nacross the whole basin.\n\n")
    >>> unwrap(para * 3).split("\n")[0]
    'The water table has fallen by eleven metres since 2010, and the rising cost of irrigation has pushed farm households into debt across the whole basin.'
    """
    lines = [ln.strip() for ln in text.split("\n")]
    body = sorted(len(ln) for ln in lines if len(ln) >= 30 and not _is_page_mark(ln))
    if len(body) < 6 or body[int(0.9 * (len(body) - 1))] > 110:
        return text  # a line per paragraph, or too little to tell
    width = body[int(0.9 * (len(body) - 1))]

    def full(a: str, b: str) -> bool:
        """Line ``a`` was broken before ``b``'s first word."""
        return len(a) >= 0.6 * width and not _is_page_mark(a) and not _LINE_START.match(b) and \
            not _is_page_mark(b) and len(a) + 1 + len(b.split()[0]) > width - 2

    if sum(bool(a and b) and full(a, b) for a, b in zip(lines, lines[1:])) < max(4, 0.25 * len(body)):
        return text
    counts: dict[str, int] = {}
    for ln in lines:
        counts[ln] = counts.get(ln, 0) + 1
    running = {ln for ln, k in counts.items() if k >= 2 and ln and len(_words(ln)) <= 14 and not _ends_sentence(ln)}

    def joined(a: str, b: str) -> str:
        m = re.search(r"([A-Za-z]+)-$", a)
        if m and b[:1].islower():
            rest = re.match(r"[a-z]+", b)
            whole = (m.group(1) + (rest.group(0) if rest else "")).lower()
            return a[:-1] + b if _known_word(whole) else a + b
        return f"{a} {b}"

    out: list[str] = []
    i = 0
    while i < len(lines):
        cur = last = lines[i]
        held: list[str] = []
        j = i + 1
        while cur and j < len(lines):
            if lines[j] and full(last, lines[j]):
                cur, last, j = joined(cur, lines[j]), lines[j], j + 1
                continue
            k, skipped = j, []
            while k < len(lines) and (not lines[k] or _is_page_mark(lines[k]) or lines[k] in running):
                skipped += [lines[k]] if lines[k] else []
                k += 1
            if k < len(lines) and lines[k][:1].islower() and not _ends_sentence(last) and \
                    len(last) >= 0.6 * width and not _LINE_START.match(lines[k]):
                held += skipped  # a page break inside the paragraph
                cur, last, j = joined(cur, lines[k]), lines[k], k + 1
                continue
            break
        out += [cur, *held]
        i = j
    return "\n".join(out)


#: A speaker's tag alone on its line, as a broadcast transcript sets a turn's first line:
#: "LEILA OWEN, HOST:" or "TOM REYES:" in capitals, or a part ("Interviewer:", "Q:").
_LONE_LABEL = re.compile(r"^(?:[A-Z][A-Z.'’-]*(?:\s+[A-Z][A-Z.'’-]*){0,3}(?:,\s+[A-Z][A-Z.'’ -]{1,30})?"
                         r"|(?i:q|a|question|answer|interviewer|host|presenter|anchor|moderator|guest))\s*:$")


def _labels_joined(lines: list[str]) -> list[str]:
    """``lines`` with a speaker's tag alone on its line joined to the line it tags.

    >>> _labels_joined(["ANA RUIZ, HOST:", "Prices rose again.", "TOM LEE: They did."])
    ['ANA RUIZ, HOST: Prices rose again.', '', 'TOM LEE: They did.']
    """
    out = list(lines)
    for i in range(len(out) - 1):
        nxt = next((j for j in range(i + 1, min(i + 3, len(out))) if out[j]), None)
        if nxt is not None and _LONE_LABEL.match(out[i]) and not _LONE_LABEL.match(out[nxt]) and \
                not _LINE_START.match(out[nxt]) and not _BULLET.match(out[nxt]):
            out[i], out[nxt] = f"{out[i]} {out[nxt]}", ""
    return out


#: A speaker's tag inside a line, after a sentence's end: "... so? Ann Lee: It did."
_INLINE_LABEL = re.compile(r"(?<=[.!?…\"”’])\s+(?P<label>[A-Z][\w.'’&-]*(?:\s+[A-Z][\w.'’&-]*){0,3})\s?:\s+(?=\S)")


#: The same in a text in capitals, where a tag is a name of one to three words without a stop.
_CAPITALS_LABEL = re.compile(r"(?<=[.!?…\"”’])\s+(?P<label>[A-Z][A-Z'’-]*(?: [A-Z][A-Z'’-]*){0,2})"
                             r"\s?:\s+(?=\S)")


def _voice_key(label: str) -> str:
    """What a speaker's tag and its short form have in common: a name's initials ("AL" of
    "Ann Lee", and of "AL"), or a one-word tag itself."""
    words = label.split()
    return label.upper() if len(words) == 1 else "".join(w[0] for w in words).upper()


def _labels_split(lines: list[str]) -> list[str]:
    """``lines`` with an interview run together in one line split at each speaker's tag, so
    that each turn is a paragraph of its own. A tag inside the line counts where the line
    opens on a tag and the voice comes back, in full or by its initials ("Tollby Review :
    ...? Ann Lee: ... TR : ...? AL: ..."); a colon after a sentence ("Take Tollby: since
    ...") names no voice that speaks again.

    >>> _labels_split(["Ann Lee: Why? Bo Ray: Rain. AL: And now? BR: Sun. Take Tollby: it rained."])
    ['Ann Lee: Why?', 'Bo Ray: Rain.', 'AL: And now?', 'BR: Sun. Take Tollby: it rained.']
    """
    out = []
    for ln in lines:
        first = _SPEAKER_LABEL.match(ln)
        inline = list(_INLINE_LABEL.finditer(ln))
        keys = Counter(_voice_key(lab) for lab in [first.group("label").strip()] +
                       [m.group("label") for m in inline]) if first else Counter()
        cuts = [m for m in inline if keys[_voice_key(m.group("label"))] >= 2] if first else []
        if not first and len(ln) > 200 and sum(c.isupper() for c in ln) > 10 * sum(c.islower() for c in ln):
            # A caption's transcript in capitals, run together after an unlabelled lead-in ("LET'S
            # BRING IN ANN LEE. ... ANN: WE ARE ... BO: AND YET? ANN: ..."): every tag after a
            # sentence's end, where three or more come and a voice comes back.
            # (a tag of a word or a name, without a stop: "MORE. CARA:" is two sentences' words)
            inline = list(_CAPITALS_LABEL.finditer(ln))
            tags = Counter(m.group("label") for m in inline)
            if sum(tags.values()) >= 3 and len(tags) >= 2 and max(tags.values()) >= 2:
                cuts = inline
        if len(cuts) < 2:
            out.append(ln)
            continue
        at = 0
        for m in cuts:
            out.append(ln[at:m.start()].strip())
            at = m.start("label")
        out.append(ln[at:].strip())
    return out


#: A line saying who is interviewed: "Interview with Dr X", "Our editor sat down with ...".
_INTRODUCES = re.compile(r"\b(?:interview(?:ed)? with|Q\s?&\s?A with|(?:in|a) conversation with|sat down with|"
                         r"questions (?:with|for) (?=(?-i:[A-Z]))|"
                         r"(?:spoke|speaks|talked|talks) (?:with|to)|^(?:(?:cross|re)-?)?examined by|^questioned by)\b",
                         re.I)
#: A transcript's line stamped with the time it was said, at its start or its end ("[00:03:15]
#: HOST: ...", "... that is why it closed 1:42"): words said, whatever the stamp (guide
#: section 4), where a stamp alone on its line is the player's. (One at the end is a
#: transcript's only where the page has many: a teaser's video runs "03:12" too.)
_STAMPED_START = re.compile(r"^[\[(]?\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?[\])]?\s+(?:\S+\s+){2,}\S")
_STAMPED_END_TIME = re.compile(r"(?<=\s)\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?$")
_TRANSCRIPT_STAMPS = 5


def _stamped_end(line: str) -> bool:
    """Three words or more, then the minute they were said ("... we agreed on that 14:02").

    The words are counted, not matched: a pattern of repeated words before the time
    backtracked over the whole line at every start, and a page in one long line (80,000
    characters) took minutes to clean.
    """
    m = _STAMPED_END_TIME.search(line)
    return m is not None and len(line[:m.start()].split()) >= 3


#: A video in a list of clips: its title, then its length ("Cocoa swings 8% in a day 03:22"),
#: with no year (a date and its hour) and no "at" (a post's "at 21:14") before the time.
_CLIP = re.compile(r"^(?!.*\b(?:19|20)\d\d\b)(?=.*[a-z])[^.!?\n]{8,}?(?<!\bat)\s+[▶·|—–-]?\s*\d{1,2}:\d\d$")


#: A speaker's label with credentials after commas: "Amber Lee, DNP, RN: In the ward ...".
_CREDENTIALED = re.compile(r"^[A-Z][\w.'’&\- ]{0,40}(?:,\s*[\w.'’&\- ]{1,40}){0,3}:\s+(?=\S)")


#: Words of speaker labels that name a part, not a person.
_PART_WORDS = frozenset("host guest question answer interviewer interviewee moderator caller operator chair "
                        "speaker presenter anchor reporter correspondent panelist panellist audience voice "
                        "unidentified male female narrator announcer".split())

_NAME_AND_ROLE = re.compile(r"^(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){1,4})\s*(?:\([^()\n]{1,40}\))?$")


def _names_a_speaker(line: str, words: Counter) -> bool:
    """A line that is a person's name (with a role in brackets, or a post after a comma)
    whose surname the page's other lines use too: someone the text speaks with or about,
    whom its speakers are found from ("DR ANN LEE (affirmed)" ... "Q. Dr Lee, you were ...")."""
    m = _NAME_AND_ROLE.match(line.strip())
    name = m.group("name") if m else line.split(",")[0] if _is_name_line(line) else None
    if not name:
        return False
    surname = _norm(name).split()[-1:] or [""]
    return len(surname[0]) >= 3 and words[surname[0]] >= 2


_ASKS = re.compile(r"\?[\"'”’»)\]]*(?:\s|$)")


#: A speaker's label on a line of its own, their words on the next: "RENEE LOW, host:".
_LABEL_ALONE = re.compile(r"^(?:[A-Z][\w.'’-]*\s+){1,3}[A-Z][\w.'’-]*(?:,\s*[\w.'’&\- ]{1,40})?\s*:$")


def _said(line: str) -> bool:
    """A line of the article's words in the shape a model may mistake for a caption: a
    speaker's turn, "NAME: words." or "Ann Lee, RN: words." (a label of a name and its
    credentials, then a sentence), whether or not the label recurs on the page, or such a
    label on a line of its own; or a quoted sentence on its own line ('"Costs will rise,"
    he said.').

    >>> [_said(s) for s in ("RENEE LOW, host:", "Mr. JON ROE (Editor, The Ledger): Good morning.",
    ...                     "Read more:", "Jane Roe/Agency")]
    [True, True, False, False]
    """
    m = _SPEAKER_LABEL.match(line)
    label = m.group("label") if m else ""
    if not m:
        m = _CREDENTIALED.match(line)
        label = m.group(0).rstrip(": ") if m else ""
    return (bool(m) and len(label.split()) <= 6 and _ends_sentence(line)) or line.lstrip()[:1] in "\"“‘" or \
        bool(_LABEL_ALONE.match(line.strip()))


def clean(text: str, *, title: Optional[str] = None, date: Optional[str] = None,
          debris: Optional[Callable[[list[str], dict, set], dict]] = None) -> Cleaned:
    """Split ``text`` into paragraphs, drop debris lines, and join the rest.

    Paragraphs are the non-empty lines; the cleaned text joins them with a blank
    line, so offsets into it are stable and paragraphs are easy to find again.
    ``debris``, if given, is asked last about the lines the rules keep: called with the
    lines, the rules' drops (line index -> reason) and the lines it must keep (a
    speaker's turns, headings), it returns the further lines to drop
    (:class:`cogmap.extract.debris.DebrisModel`).
    """
    unquoted = _labels_split(_labels_joined([_MD_QUOTE.sub("", ln.strip()).strip() for ln in unwrap(text).split("\n")]))
    marked = [(_without_stage(_unmarked(ln)), bool(_MD_HEADING.match(ln)), _wholly_strong(ln), _wholly_emphasised(ln))
              for ln in unquoted]
    marked = [m for m in marked if m[0]]
    lines = [m[0] for m in marked]
    headings = {i for i, m in enumerate(marked) if m[1]}
    bold = {i for i, m in enumerate(marked) if m[2]}
    italic = {i for i, m in enumerate(marked) if m[3]}
    n = len(lines)
    drop: dict[int, str] = {}
    norms = [_norm(ln) for ln in lines]

    first_body = next((i for i, ln in enumerate(lines) if _ends_sentence(ln) and len(_words(ln)) >= 8), 0)
    # A page's running header or footer, printed on three pages or more: every copy goes (the
    # duplicates below keep a line's first copy, which may be a headline).
    counts: dict[str, int] = {}
    for key in norms:
        counts[key] = counts.get(key, 0) + 1
    running = {ln for ln, key in zip(lines, norms) if counts[key] >= 3 and not _ends_sentence(ln) and
               0 < len(key.split()) <= 14}
    # A speaker's turn is content whatever it ends on: an interrupted one ("HOST: But if
    # you raised pay—") looks cut off, one that opens on a capital looks like "Topic: Headline",
    # and a short one may be said twice. A label is a speaker's when it opens two lines or
    # more and one of them is a sentence (a teaser's topic opens headlines only), or is Q/A;
    # or when its lines are stamped with the time, as a chat's are, whose turns may end on no
    # stop at all ("call it 55%"): a page stamps no headline with the minute.
    opened: dict[str, dict[str, str]] = {}
    for ln, key in zip(lines, norms):
        m = _SPEAKER_LABEL.match(ln)
        if m and len(m.group("label").split()) <= 3:
            opened.setdefault(m.group("label").upper(), {})[key] = ln
    # (A voice tagged in full once and by its initials after, "Ann Lee:" then "AL:", is one.)
    for lab in list(opened):
        if _voice_key(lab) != lab and _voice_key(lab) in opened:
            opened[_voice_key(lab)] = opened[lab] = {**opened[lab], **opened[_voice_key(lab)]}
    speakers = {lab for lab, turns in opened.items() if lab.rstrip(".") in ("Q", "A", "QUESTION", "ANSWER") or
                len(turns) >= 2 and any(_ends_sentence(ln) or _STAMPED.match(ln) for ln in turns.values())}

    def spoken(i: int) -> bool:
        """Line ``i`` is a speaker's turn or a part of a letter: words of the text, never
        debris by their shape."""
        m = _SPEAKER_LABEL.match(lines[i])
        return bool(m and m.group("label").upper() in speakers or _LETTER_PART.match(lines[i]) or
                    _QA_MARK.match(lines[i]) or _PART_LABEL.match(lines[i]))

    author = None
    poster = None
    heads: dict[int, str] = {}  # line index -> the handle whose comment it heads
    # (a transcript that stamps each line with the minute it was said is no list of clips)
    stamped_page = sum(1 for ln in lines if _stamped_end(ln)) >= _TRANSCRIPT_STAMPS
    for i, ln in enumerate(lines):
        if len(ln) > _LONGEST_FURNITURE:
            continue
        words = _words(ln)
        head = _HANDLE_HEAD.match(ln)
        posted = _POSTED_BY.search(ln) if len(words) <= 14 and not _ends_sentence(ln) else None
        # (A headline that reads as a sentence can come before the byline: a few lines in.)
        byline = _BYLINE_NAME.match(_BULLET.sub("", ln)) if author is None and i <= max(first_body, 3) else None
        if byline is not None:
            author = byline.group("name")
        if not words or not any(c.isalpha() for c in ln):
            drop[i] = "symbols"  # (and a line of figures alone: a ticker's "-29.09 (-0.14%)", a player's "0:16")
        elif head or posted:
            drop[i] = "handle"
            heads[i] = (head or posted).group("handle")
            if posted or head.group("op"):
                poster = poster or heads[i]
        elif (_CUE.match(ln) or _STAGE.fullmatch(ln) or _SHOWN.match(ln) or _COMMUNITY.match(ln) or
              _PRESS_OFFICE.match(ln) and len(words) <= 12 and
              not _ends_sentence(ln)) and not spoken(i):
            drop[i] = "cue"
            if date is None and re.match(r"^AIR ?DATE\s*:", ln):
                date = iso_date(ln.split(":", 1)[1])  # the day a script went on air is its date
        elif _is_page_mark(ln) or ln in running and not spoken(i):
            drop[i] = "page"
        elif _is_marking(ln) or _FORM_BLANK.search(ln) and len(words) <= 20:
            drop[i] = "marking"
        elif _is_widget(ln) or _BANNER.search(ln) and len(words) <= 40 or _CLIP.match(ln) and not stamped_page \
                or _garbled(ln):
            drop[i] = "widget"
        elif _REFERENCE_ENTRY.match(ln) and not spoken(i):
            drop[i] = "reference"
        elif _is_contact(ln):
            drop[i] = "contact"
        elif _MAIL_FURNITURE.search(ln) and len(words) <= _FURNITURE_WORDS or _EDITED_NOTE.search(ln) and \
                sum(w.lower() not in _NOTE_VOCABULARY for w in re.findall(r"[a-z]+", ln, re.I)) <= 1:
            drop[i] = "widget"
        elif _is_credit(ln) or _WIRE_CREDIT.match(ln) or _CAPTION_LABEL.match(ln) and len(words) <= 30 or \
                (_FILE_NOTE.match(ln) or _LICENCE.search(ln)) and len(words) <= 30:
            drop[i] = "credit"
        elif _CREDIT_TAIL.search(ln) and len(words) <= 80:
            drop[i] = "caption"
        elif _masthead(lines, i, first_body):
            drop[i] = "masthead"
        elif i <= first_body and _DASH_BYLINE.match(ln):
            drop[i] = "byline"
            author = author or " ".join(w.capitalize() for w in _DASH_BYLINE.match(ln).group("name").split())
        elif _mail_header(lines, i):
            drop[i] = "header"
            field_name, value = ln.split(":", 1)
            if field_name.strip().lower() in ("date", "sent") and date is None:
                date = iso_date(value) or value.strip()
            elif field_name.strip().lower() == "subject" and title is None:
                title = value.strip()
            elif field_name.strip().lower() == "from" and author is None:
                # "From: Hal Whitcombe <hal@...>": the sender writes the letter, as a byline's name does.
                sender = _BYLINE_NAME.match("By " + value.split("<")[0].strip(" \"'"))
                author = sender.group("name") if sender else None
        elif _META.match(ln) and (len(words) <= 12 or len(words) <= 40 and _MENU_SEPARATOR.search(ln.split(":", 1)[1])):
            # (a label over a row of items, "More from X: A · B", is a list of links at any length)
            drop[i] = "meta"
            field_name, value = ln.split(":", 1)
            if date is None and i <= max(first_body, 3) and \
                    field_name.strip().lower() in ("published", "posted", "released", "updated", "last updated"):
                date = iso_date(value) if re.search(r"\d{4}", value) else None  # (no year: no date, not a guess)
        elif _GLUED_FIELD.match(ln) and len(words) <= 12 and not _INTRODUCES.search(ln):
            # (the line that says who is interviewed stays, glued or not: the speakers are found from it)
            drop[i] = "meta"
        elif _DATELINE.match(_PUBLISHED.sub("", ln)) or _dated_row(ln):
            drop[i] = "dateline"
            if date is None:
                date = iso_date(_dated_row(ln) or _PUBLISHED.sub("", ln)) or ln
        elif date is None and i <= first_body and (_BYLINE_DATE.match(ln) or _dated_lead(ln)):
            date = iso_date((_BYLINE_DATE.match(ln) or _dated_lead(ln)).group("date"))
        elif spoken(i):
            continue
        elif _is_truncated(ln) and len(words) <= 25 and i not in headings and not (i in bold and ASKING.match(ln)):
            # (a Markdown heading may end on "about": it is cut off from nothing; so may a
            # bold question that lost its mark, "**What is the strike about**")
            drop[i] = "truncated"
        elif i > first_body and _is_name_line(ln) or _POSITIONED.search(ln) and len(words) <= 60:
            drop[i] = "caption"
        elif i > first_body and _is_teaser_headline(ln) and 0 < i < n - 1:
            drop[i] = "teaser"

    # A table of contents: its numbered entries, short and no sentences, under its heading.
    for i in range(n):
        if _CONTENTS.match(lines[i]):
            j = i + 1
            while j < n and _CONTENTS_ENTRY.match(lines[j]) and len(_words(lines[j])) <= 10 and \
                    not _ends_sentence(lines[j]):
                j += 1
            if j - i > 2:
                for k in range(i, j):
                    drop.setdefault(k, "widget")

    # The items under a list heading ("Most read", "Topics"): short lines that are no
    # sentences, up to the first paragraph of prose.
    for i in range(n):
        if _LIST_HEADING.match(lines[i]) and len(_words(lines[i])) <= 5:
            drop.setdefault(i, "widget")
            for j in range(i + 1, n):
                item = re.sub(r"^\d{1,2}[.)]\s+", "", lines[j])
                if len(_words(item)) > 14 or item.rstrip().endswith((".", "!", ":", ";")) and len(_words(item)) > 3:
                    break
                drop.setdefault(j, "widget")

    # Alt text sits right above its credit line: a short unpunctuated lowercase line; or
    # above its caption with the credit run on, in sentence case ("Fizzy drinks surrounded by
    # sugar cubes" over "The levy could ... Photograph: Ann Lee/PA"), where a heading would
    # be in Title Case and a standfirst states or reports, in clauses ("..., analysts say").
    for i, why in list(drop.items()):
        if why == "caption" and i > 1 and (i - 1) not in drop and _CREDIT_TAIL.search(lines[i]):
            prev = lines[i - 1]
            # (or all in lower case, as alt texts are typed: "coastal flooding wales")
            if not _ends_sentence(prev) and 3 <= len(_words(prev)) <= 14 and (i - 1) not in headings and \
                    (_sentence_case(prev) or prev == prev.lower()) and not re.search(r"[,;:]", prev) and \
                    not _STATING.search(prev) and not spoken(i - 1):
                drop[i - 1] = "caption"
            elif len(_words(prev)) <= 10 and _ALT_PORTRAIT.fullmatch(prev.strip()) and not _STATING.search(prev) \
                    and not spoken(i - 1):
                drop[i - 1] = "caption"  # a portrait's alt text: "Bank governor Ann Lee." over its caption
        if why == "credit" and i > 0 and (i - 1) not in drop:
            prev = lines[i - 1]
            if not _ends_sentence(prev) and len(_words(prev)) <= 12 and prev[:1].islower():
                drop[i - 1] = "caption"
            # A caption sentence over a credit that stands alone ("Getty Images"): one
            # short sentence on its own line. A body paragraph is rarely one sentence that
            # short with a bare credit line under it.
            # (Not the page's first line, its title, above the picture that heads it.)
            elif len(_words(lines[i])) <= 4 and _ends_sentence(prev) and len(_words(prev)) <= 25 \
                    and not re.search(r"[.!?][\"”’']?\s+[A-Z]", prev.rstrip()[:-1]) and i - 1 > 0:
                drop[i - 1] = "caption"

    # The byline frame (guide section 4): a line that is only a byline, anywhere; above the
    # first paragraph, a person's name alone too, with the writer's post or the day under it
    # or a label over it ("Author(s)"): alone, "Payment Due" may be the headline.
    for i, ln in enumerate(lines):
        if i in drop or spoken(i):
            continue
        if _is_byline(ln):
            drop[i] = "byline"
        elif 0 < i < first_body and i not in headings and _PERSON_NAME.fullmatch(_NAMES_GO_ON.sub("", ln)) and (
                i + 1 < n and (_is_post_line(lines[i + 1]) or _DATELINE.match(lines[i + 1]) or
                               lines[i + 1].startswith(ln.strip())) or _AUTHOR_LABEL.match(lines[i - 1]) or
                i - 1 in drop and lines[i - 1].rstrip().endswith(("&", " and"))):
            drop[i] = "byline"
            # (the name under a newsletter's headline is its writer, the "I" of what follows)
            author = author or _NAMES_GO_ON.sub("", ln.split(",")[0])

    # An author's box: the name (gone as a caption or byline), then the post in a line of its own.
    for i, why in list(drop.items()):
        if why in ("caption", "byline") and i + 1 < n and i + 1 not in drop and _is_name_line(lines[i]) and \
                _is_post_line(lines[i + 1]) and not spoken(i + 1):
            drop[i + 1] = "caption"

    # Duplicates: a line repeated, or a headline that is the start of a longer line.
    seen: dict[str, int] = {}
    for i, key in enumerate(norms):
        if i in drop or not key or spoken(i):
            continue
        if key in seen:
            drop[i] = "duplicate"
            continue
        seen[key] = i
    kept = [i for i in range(n) if i not in drop]
    for i in kept:
        key = norms[i]
        if len(key.split()) < 4 or _ends_sentence(lines[i]) or spoken(i):
            continue
        for j in kept:
            if j != i and len(norms[j]) > len(key) and norms[j].startswith(key + " "):
                drop[i] = "duplicate"
                if title is None:
                    title = lines[i]
                break

    # A pull quote: sentences of the body set apart in a paragraph of their own, word for word.
    # (Lines said twice over went as duplicates above: a second copy is inside a longer line,
    # and there whole sentences, not a clause: "I think rates will fall in May." does not
    # repeat "Rates will fall in May.")
    kept = [i for i in range(n) if i not in drop]
    body = "\n".join("|" + "|".join(_sentence_norms(lines[i])) + "|" for i in kept)
    for i in kept:
        key = "|" + "|".join(_sentence_norms(lines[i])) + "|"
        if len(norms[i].split()) >= 8 and _ends_sentence(lines[i]) and not spoken(i) and body.count(key) >= 2:
            drop[i] = "pull quote"

    if debris is not None:
        elsewhere = Counter(w for i in range(n) if i not in drop for w in set(norms[i].split()))
        # (the names in the page's speaker labels, "Marsh:", "DR ANN LEE:", not its parts, "Q:", "HOST:")
        voiced = {w for lab in speakers for w in _norm(lab).split() if len(w) >= 3} - _PART_WORDS

        def protected(i: int) -> bool:
            """What no model may take, whatever it scores: a speaker's words, and the lines
            the speakers are found from."""
            ln = lines[i]
            return bool(
                i in headings or i in bold or i in italic  # how many pages set an interviewer's turns
                or spoken(i) or _said(ln)  # a turn, however short ("GUEST: Thanks for having me."), a quote
                or len(_words(ln)) <= 3 and ln.rstrip("\"'”’»)] ").endswith((".", "!"))  # "Thank you."
                or _ASKS.search(ln)  # a question, with or without more after it, or a heading that asks
                or _INTRODUCES.search(ln)  # "Interview with Dr X", "Our editor sat down with ...", "Examined by"
                or _STAMPED_START.match(ln) or stamped_page and _stamped_end(ln)  # said at that minute
                # a name alone above the text: the "I" of a newsletter (a credit line has a slash)
                or i <= first_body and _is_name_line(ln) and "/" not in ln
                or _names_a_speaker(ln, elsewhere)  # "DR ANN LEE (affirmed)" ... "Q. Dr Lee, you were ..."
                or voiced & set(norms[i].split()))  # "Ann Lee is an engineer ..." where "Lee:" answers

        for i in debris(lines, dict(drop), {i for i in range(n) if protected(i)}):
            drop.setdefault(i, "learned")

    author = author or _signatory(lines, drop)
    if title is None:
        # A "Topic: Headline" line taken as a teaser is the title when nothing else is.
        title = next((lines[i] for i in sorted(drop) if drop[i] == "teaser" and i < first_body + 3), None)
    if title is None:
        # (A speaker's turn is no headline, though it may open the page.)
        first = next((lines[i] for i in range(n) if i not in drop), None)
        first = None if first is None or spoken(lines.index(first)) else first
        # (A headline may end on a quoted phrase: 'Strike: "delays spread"' ends no sentence.)
        if first and not first.rstrip().rstrip("\"'”’»)]").rstrip("?").endswith(tuple(".!:;")) \
                and len(_words(first)) <= 30:
            title = first

    out: list[str] = []
    paragraphs: list[tuple[int, int]] = []
    strong: list[tuple[int, int]] = []
    emphasis: list[tuple[int, int]] = []
    voices: list[tuple[int, str]] = []
    voice = None
    pos = 0
    at: dict[int, tuple[int, int]] = {}  # line index -> its span in the text
    for i in range(n):
        if i in heads:
            voice = heads[i]
        if i in drop:
            continue
        if voice is not None:
            voices.append((pos + 2 if out else pos, voice))  # (the comment starts at its next paragraph)
            voice = None
        if out:
            pos += 2
        paragraphs.append((pos, pos + len(lines[i])))
        at[i] = paragraphs[-1]
        if i in bold:
            strong.append(paragraphs[-1])
        if i in italic:
            emphasis.append(paragraphs[-1])
        out.append(lines[i])
        pos += len(lines[i])
    # A headline lifted out of the text is the document's title, not page debris: listed as
    # removed too, it would read as thrown away. It is kept once, as the title.
    listed = sorted(drop)
    lifted = next((i for i in listed if title is not None and (
        lines[i] == title or drop[i] == "header" and lines[i].split(":", 1)[1].strip() == title)), None)
    listed = [i for i in listed if i != lifted]
    signed = []
    for first, last, signer in _signed_letters(lines):
        kept_lines = [at[i] for i in range(first, last + 1) if i in at]
        if kept_lines:
            signed.append((kept_lines[0][0], kept_lines[-1][1], signer))
    if date and re.fullmatch(r"\d{4}-\d{2}-\d{2}", date) and date > _tomorrow():
        # A page dated after today was not published then: a typo or a scenario's date, which
        # a store would file as news to come and `--since` would always select.
        date = None
    return Cleaned(text="\n\n".join(out), removed=[lines[i] for i in listed],
                   reasons=[drop[i] for i in listed], paragraphs=paragraphs, title=title, date=date,
                   author=author, strong=strong, voices=voices, poster=poster, emphasis=emphasis,
                   signed=signed)
