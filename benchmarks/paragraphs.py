"""Paragraphs for synthetic benchmark articles, written for cogmap's benchmarks.

Each is an invented piece of expert commentary (the people and firms are made
up) with the causal claims, hedges and forecasts the pipeline looks for.
:func:`article` recombines them into ~800-word articles.
"""
from __future__ import annotations

import random

TOPICS = ["housing", "energy", "trade", "labour", "farming", "health", "banking", "climate"]

PARAGRAPHS = [
    "Higher borrowing costs have cooled the market for new homes, according to Dana Whitfield, chief economist at "
    "the fictional Harbor Lending Institute. \"When mortgage rates climb by a full point, first-time buyers drop "
    "out, and that pushes builders to delay projects,\" she said. Whitfield added that a slowdown in construction "
    "tends to reduce hiring in the trades within two quarters, which in turn weakens spending in small towns.",
    "Not everyone agrees that the slowdown will last. Marcus Oyelaran, who advises regional developers, argued that "
    "pent-up demand will lift sales as soon as rates ease. \"I think there is about a seventy percent chance that "
    "prices rise again next spring,\" he said, noting that a shortage of listings keeps supporting prices even "
    "when fewer buyers are looking.",
    "Energy analysts pointed to a different pressure. Lower output from the northern fields has raised fuel costs "
    "for haulage firms, said Priya Raman of the invented Meridian Energy Desk. She expects those costs to feed "
    "into grocery prices over the summer. \"Freight is a large share of what you pay for fresh food, so when "
    "diesel goes up, shelves get more expensive,\" Raman said.",
    "Greater investment in storage would soften the swings, according to Tomas Halloran, an engineer who has "
    "studied the regional grid for a decade. Batteries reduce the need for peaking plants, he explained, and "
    "fewer peaking plants lower wholesale prices during heat waves. He said it is likely that the new storage "
    "auction will attract twice as many bids as the last one.",
    "On trade, the picture is murkier. New tariffs on imported components increase costs for assemblers, said "
    "Lena Marsh, a trade lawyer at the fictional firm Marsh and Ode. \"Manufacturers will either absorb the hit, "
    "which squeezes margins, or pass it on, which raises prices for consumers,\" she said. Marsh believes the "
    "tariffs will probably be reduced before the end of next year.",
    "Some economists see a silver lining. Protection from cheaper imports can encourage domestic investment, "
    "argued Victor Amadi of the imaginary Coastal Policy Lab, though he cautioned that the effect is usually "
    "small. \"Retaliation hurts exporters, and weaker exports reduce farm incomes,\" Amadi said, adding that the "
    "trade deficit is unlikely to narrow this year.",
    "In the labour market, a tighter supply of workers has pushed wages up in warehouses and care homes, according "
    "to Sofia Brandt, who runs a staffing survey for an invented employers' association. Rising wages increase "
    "household spending, she noted, but they also raise costs for small businesses with thin margins. Brandt "
    "said there is roughly a one in three chance that unemployment rises above five percent by the autumn.",
    "Automation complicates that story. Cheaper robots reduce demand for routine jobs, said Idris Kovac, a "
    "researcher at the fictional Northgate Institute of Work, while they increase demand for technicians. "
    "\"Training programs lower the time people spend out of work after a plant closes,\" Kovac said. He predicted "
    "that the number of open technician posts will almost certainly exceed the number of graduates next year.",
    "Farmers in the river valley are watching the weather. A second dry season would cut yields of wheat and "
    "soy, said agronomist Helena Quist, and lower yields raise feed costs for livestock producers. \"Drought "
    "reduces herd sizes, and smaller herds push up meat prices a year later,\" Quist explained. She thinks "
    "rainfall will likely return to normal before planting.",
    "Irrigation can blunt the damage, according to Owen Falk, who manages a cooperative of growers. Better "
    "irrigation increases yields in dry years, he said, but pumping more groundwater lowers the water table and "
    "raises costs for everyone downstream. Falk expects the cooperative to expand its reservoir, though he put "
    "the odds at no better than even.",
    "Public health officials warned that crowded clinics delay diagnoses. Longer waiting times increase "
    "emergency admissions, said Dr. Amara Lind, who directs a fictional county health service. \"Every week of "
    "delay raises the cost of treatment,\" she said. Lind expects that the new walk-in centres will probably cut "
    "waiting times by a fifth within a year.",
    "Vaccination campaigns reduce the spread of seasonal infections, noted epidemiologist Rafael Soto, and fewer "
    "infections lower absences at schools and workplaces. Soto cautioned that falling trust in health agencies "
    "reduces uptake. \"It is very unlikely that we reach the coverage target this winter,\" he said, pointing to "
    "survey data from the invented Civic Health Panel.",
    "Bankers described a cautious mood. Stricter capital rules reduce lending to small firms, said Greta "
    "Holmberg, a former supervisor now at the fictional Lakeside Bank, and less credit slows hiring at those "
    "firms. \"Deposits are moving to money market funds, which raises funding costs for regional lenders,\" "
    "Holmberg said. She sees a real possibility of another regional bank merger before summer.",
    "Others think the worry is overdone. Higher interest margins increase bank profits, argued analyst Jonah "
    "Pike of the imaginary Pike Research, and stronger profits make lenders more willing to extend credit. "
    "\"Loan growth will almost certainly pick up once the central bank pauses,\" Pike said, adding that defaults "
    "remain low by historical standards.",
    "Climate scientists linked warmer seas to stronger storms. Rising ocean temperatures increase the intensity "
    "of hurricanes, said Dr. Ines Caldera, and stronger storms raise insurance premiums along the coast. Higher "
    "premiums in turn lower home values in exposed towns, she said. Caldera expects this season to be more "
    "active than average, with about a sixty percent probability.",
    "Coastal towns are responding in different ways. Investment in sea walls reduces flood damage, said urban "
    "planner Kofi Mensah, but it can also encourage building in risky places, which increases losses when a wall "
    "fails. \"Managed retreat lowers long-term costs, even if it is unpopular,\" Mensah said. He doubts that any "
    "town on the bay will adopt a retreat plan this decade.",
    "Consumer sentiment has been fragile. Rising prices at the pump lower confidence, said pollster Beatrix "
    "Young of the fictional Compass Survey Group, and weaker confidence reduces spending on big purchases. Young "
    "said confidence might recover if fuel prices fall, and she put the chance of a rebound by the holidays at "
    "about forty percent.",
    "Retailers report mixed results. Discount chains have gained customers as inflation squeezes budgets, said "
    "retail consultant Ahmed Saleh, while department stores lose foot traffic. \"Online competition reduces "
    "margins for everyone,\" Saleh said. He predicted that at least two large chains will probably close stores "
    "in the first quarter.",
    "The central bank's next move dominates the conversation. A rate cut would lower mortgage payments and "
    "support home sales, said Nora Feld, a former board member of the invented Federal Monetary Council. \"But "
    "cutting too early raises the risk that inflation returns,\" she said. Feld believes the council will hold "
    "rates steady at its next meeting, calling a cut unlikely.",
    "Currency markets add another layer. A weaker currency increases the cost of imported goods, explained "
    "Hugo Tanaka of the fictional Eastbridge Capital, and higher import costs raise inflation. At the same time "
    "a weaker currency makes exports cheaper, which helps manufacturers. Tanaka expects the currency to "
    "strengthen modestly over the next six months.",
    "Transport planners want more rail. New rail lines reduce traffic on the highways, said Clara Ostrowski, who "
    "leads an imaginary transit advocacy group, and less traffic lowers emissions and commuting times. "
    "\"Fare subsidies increase ridership, especially among younger workers,\" Ostrowski said. She expects the "
    "regional rail plan to be approved, with perhaps a two in three chance.",
    "Fiscal experts are less enthusiastic about new spending. Larger deficits increase borrowing costs for the "
    "state, said Walter Beaumont of the fictional Budget Watch Foundation, and higher borrowing costs crowd out "
    "other investment. \"Tax cuts without spending restraint raise the debt burden,\" Beaumont said. He thinks "
    "the credit rating will probably be downgraded if the plan passes unchanged.",
    "Education researchers see a long game. Smaller class sizes improve reading scores, said Dr. Yuki Hara, and "
    "better reading scores raise graduation rates. Teacher shortages reduce those gains, she warned, because "
    "schools fill vacancies with less experienced staff. Hara expects the shortage to persist for at least "
    "three more years, almost certainly.",
    "Technology firms are spending heavily on data centres. That buildout increases demand for electricity, said "
    "grid analyst Marta Lindqvist, and higher demand raises prices for households unless supply keeps pace. "
    "\"Efficiency gains lower the energy used per computation, but total use still grows,\" she said. Lindqvist "
    "put the odds that data centres double their share of regional demand within five years at about even.",
]

FIRST = ["Analysis", "Outlook", "Briefing", "Report", "Commentary", "Review"]

# The experts named in PARAGRAPHS; each article gives them other (invented) names,
# so that a corpus has many speakers, as a real one does.
EXPERTS = [
    "Dana Whitfield", "Marcus Oyelaran", "Priya Raman", "Tomas Halloran", "Lena Marsh", "Victor Amadi",
    "Sofia Brandt", "Idris Kovac", "Helena Quist", "Owen Falk", "Amara Lind", "Rafael Soto", "Greta Holmberg",
    "Jonah Pike", "Ines Caldera", "Kofi Mensah", "Beatrix Young", "Ahmed Saleh", "Nora Feld", "Hugo Tanaka",
    "Clara Ostrowski", "Walter Beaumont", "Yuki Hara", "Marta Lindqvist",
]
GIVEN = ["Alma", "Bruno", "Celia", "Dmitri", "Elif", "Farid", "Gwen", "Hamid", "Iris", "Jonas", "Keiko", "Luca",
         "Mira", "Nils", "Odile", "Pavel", "Qiu", "Rosa", "Sami", "Tilde"]
FAMILY = ["Abara", "Brenner", "Castell", "Dunmore", "Eskola", "Fairhall", "Gossett", "Hadley", "Ivers", "Jarrow",
          "Kestrel", "Lowther", "Marlowe", "Norcross", "Orrin", "Pendle", "Quarry", "Rothley", "Selwyn", "Thorne"]
# Swapping these turns a paragraph's claims around: different speakers then
# disagree about the same link, which is what `Store.contradictions` finds.
FLIP = {"increases": "reduces", "reduces": "increases", "increase": "reduce", "reduce": "increase",
        "raises": "lowers", "lowers": "raises"}
_FLIP_RE = None


def _vary(text: str, rng: random.Random) -> str:
    global _FLIP_RE
    import re

    for name in EXPERTS:
        if name in text:
            first, last = name.split()
            new_first, new_last = rng.choice(GIVEN), rng.choice(FAMILY)
            text = text.replace(name, f"{new_first} {new_last}")
            text = re.sub(rf"\b{last}\b", new_last, text)
    if rng.random() < 0.3:
        _FLIP_RE = _FLIP_RE or re.compile(r"\b(" + "|".join(FLIP) + r")\b")
        text = _FLIP_RE.sub(lambda m: FLIP[m.group(1)], text)
    return text


def article(i: int, paragraphs: int = 14, seed: int = 0) -> tuple[str, str]:
    """The ``i``-th synthetic article as ``(file name, text)``: a title, a date and
    ``paragraphs`` paragraphs chosen and ordered by a seeded generator, their
    experts renamed and, now and then, their causal verbs reversed."""
    rng = random.Random(seed * 1_000_003 + i)
    chosen = [_vary(p, rng) for p in rng.sample(PARAGRAPHS, paragraphs)]
    topic = TOPICS[i % len(TOPICS)]
    title = f"{rng.choice(FIRST)} {i}: what experts say about {topic}"
    date = f"{2020 + i % 6}-{1 + i % 12:02d}-{1 + (i * 7) % 28:02d}"
    text = f"{title}\n\nPublished {date}\n\n" + "\n\n".join(chosen) + "\n"
    return f"article-{i:05d}.txt", text


# --------------------------------------------------------------------------
# A crude regex extractor for these paragraphs only, so the store and map
# benchmarks can run with realistic claim counts without spaCy:
#   python benchmarks/ingest.py --extractor paragraphs:regex_extract
# It is not cogmap's pipeline and says nothing about its quality or speed.
# --------------------------------------------------------------------------

import re as _re

_VERB = _re.compile(
    r"(?P<cause>[A-Z]?[a-z][\w -]{2,40}?) (?P<verb>increases?|raises?|reduces?|lowers?|cuts?|weakens?|improves?) "
    r"(?P<effect>[\w -]{3,40}?)(?=[,.;\"]| and | which | for | in | along | unless | within | during )"
)
_NAME = _re.compile(r"\b(?:Dr\. )?([A-Z][a-z]+ [A-Z][a-z]+)\b")
_PROB = _re.compile(r"(almost certainly|very unlikely|unlikely|probably|likely|even|[a-z]+ percent|one in three|two in three)")
_WORDS = {"almost certainly": 0.95, "very unlikely": 0.1, "unlikely": 0.25, "probably": 0.7, "likely": 0.7,
          "even": 0.5, "one in three": 0.33, "two in three": 0.67}


def regex_extract(text_or_path, source=None):
    from pathlib import Path

    from cogmap.records import Claim, Concept, Document, Evidence, Forecast, Mention

    if isinstance(text_or_path, Path):
        text = text_or_path.read_text(encoding="utf-8")
        source = source or str(text_or_path)
    else:
        text = str(text_or_path)
    concepts, claims, forecasts = {}, [], []
    pos = 0
    for para in text.split("\n\n"):
        start = text.index(para, pos)
        pos = start + len(para)
        names = [n for n in _NAME.findall(para) if n.split()[0] not in ("The", "When", "But", "New", "Every")]
        who = names[0] if names else None
        for m in _VERB.finditer(para):
            cause, effect = m.group("cause").strip().lower(), m.group("effect").strip().lower()
            sign = 1 if m.group("verb").startswith(("increase", "raise", "improve")) else -1
            mentions = []
            for label in (cause, effect):
                cid = _re.sub(r"[^a-z0-9]+", "_", label).strip("_")
                concepts.setdefault(cid, Concept(id=cid, label=label))
                mentions.append(Mention(concept=cid, label=label, text=label))
            s, e = start + m.start(), start + m.end()
            claims.append(Claim(id=f"c{len(claims) + 1}", cause=mentions[0], effect=mentions[1], polarity=sign,
                                speaker=who, evidence=Evidence(text=text[s:e], start=s, end=e)))
        p = _PROB.search(para)
        if p and who:
            s, e = start + p.start(), start + p.end()
            word = p.group(1)
            prob = _WORDS.get(word, 0.6)
            forecasts.append(Forecast(id=f"f{len(forecasts) + 1}", statement=para[p.start():p.start() + 80],
                                      probability=prob, hedge=word, speaker=who,
                                      evidence=Evidence(text=text[s:e], start=s, end=e)))
    title = text.split("\n", 1)[0]
    date = _re.search(r"Published (\d{4}-\d{2}-\d{2})", text)
    return Document(source=source or "<text>", title=title, date=date.group(1) if date else None, text=text,
                    concepts=list(concepts.values()), claims=claims, forecasts=forecasts)
