"""Word lists the rules use: causal verbs with their direction, change verbs, hedges.

These are closed lists of English words with a fixed causal or directional
meaning, not words of any one article. Each entry is a lemma.
"""

from __future__ import annotations

__all__ = [
    "CAUSAL_VERBS", "SHIELDING", "DEPRIVE", "PART_WORDS", "PATH_NOUNS", "TRANSFER", "PHRASAL_CAUSAL",
    "NOT_CAUSAL_PHRASAL",
    "INCREASE", "DECREASE", "COMPARATIVE", "LIKELIHOOD_NOUNS", "CAUSE_PREPS", "EFFECT_ADVERBS", "EMOTION_VERBS",
    "SIGNED_MODIFIERS", "LEVELS", "PRICE_ADJECTIVES", "PROBLEM_NOUNS", "quality_noun",
]

#: Transitive verbs whose subject acts on their object: +1 raises or brings
#: about the object, -1 lowers or prevents it.
CAUSAL_VERBS: dict[str, int] = {
    **dict.fromkeys(
        "cause prompt trigger spark provoke produce generate create fuel drive boost raise increase "
        "strengthen accelerate spur lift heighten intensify amplify escalate encourage enable foster "
        "promote support bolster stoke deepen worsen exacerbate aggravate inflame ignite unleash induce "
        "force push compel bring send make help improve expand extend prolong speed enhance mean tip "
        "facilitate stimulate multiply double triple revive restore ensure guarantee precipitate spawn "
        "incite motivate inspire attract invite elevate magnify reinforce sustain lengthen quadruple "
        "cushion allow permit embolden feed nourish compound fatten swell inflate widen "
        "protect preserve safeguard shield harden stiffen".split(), 1),
    **dict.fromkeys(
        "reduce lower decrease cut weaken erode undermine deflect prevent block slow hinder hamper "
        "curb limit restrict dampen suppress hurt harm damage destroy threaten jeopardize jeopardise endanger imperil "
        "diminish offset discourage deter stop halt end cost squeeze slash obliterate shrink ease "
        "cap contain crush stifle impede obstruct thwart derail delay postpone shorten reverse "
        "eliminate remove kill ruin wreck sap drain deplete dent depress devastate cripple paralyze "
        "paralyse disrupt constrain choke counter neutralize neutralise mitigate alleviate relieve "
        "frustrate foil avert avoid preclude hit batter halve trim topple strangle blunt deprive starve strip "
        "rob crash collapse cool soften narrow scrap abolish repeal axe dismantle withdraw cancel cull interrupt "
        "slaughter displace uproot injure wound".split(), -1),
}
#: Raising verbs that keep something from harm: of a harm ("cushioned the blow", "shield the
#: economy from the shock" aside) they lower it.
SHIELDING = frozenset("cushion protect preserve safeguard shield".split())
#: Verbs that take something away from their object: "starved the city of fuel" lowers the
#: fuel, not the city.
DEPRIVE = frozenset("deprive starve strip rob rid drain relieve".split())
# "make", "help", "bring", "send", "allow", "rule", "distance" are only causal in certain
# frames; the rules check the frame (see ``claims``).
FRAME_ONLY = frozenset("make help bring send keep leave render push allow permit".split())

#: Verbs of handing something over: as a side of a claim, "send tanks to Kyiv" or
#: "supply the army with tanks" is about the thing handed over (the tanks). Not "sell"
#: or "export": "forced banks to sell bonds, which lowers bond prices" is about the
#: selling, and "bonds" lowering bond prices reads as nonsense on a map.
TRANSFER = frozenset("send supply deliver provide ship give hand transfer lend donate "
                     "equip arm furnish".split())

#: Phrasal verbs that are not their verb's causal sense: "ends up run by", "winds up".
NOT_CAUSAL_PHRASAL = frozenset({("end", "up"), ("wind", "up")})
#: Verb + particle or preposition that changes the meaning: (lemma, word) -> sign.
PHRASAL_CAUSAL: dict[tuple[str, str], int] = {
    ("lead", "to"): 1, ("contribute", "to"): 1, ("result", "in"): 1, ("give", "rise"): 1,
    ("bring", "about"): 1, ("set", "off"): 1, ("pave", "way"): 1, ("open", "way"): 1, ("set", "stage"): 1,
    ("drive", "up"): 1, ("push", "up"): 1, ("speed", "up"): 1, ("step", "up"): 1, ("ramp", "up"): 1,
    ("stir", "up"): 1, ("fire", "up"): 1, ("build", "up"): 1, ("play", "into"): 1, ("add", "to"): 1,
    ("feed", "into"): 1, ("translate", "into"): 1, ("spill", "into"): 1, ("spill", "over"): 1, ("feed", "through"): 1,
    ("free", "up"): 1, ("ripple", "through"): 1, ("filter", "through"): 1,
    ("drive", "down"): -1, ("push", "down"): -1, ("drive", "out"): -1, ("push", "out"): -1, ("force", "out"): -1,
    ("price", "out"): -1, ("crowd", "out"): -1, ("squeeze", "out"): -1, ("bring", "down"): -1, ("hold", "back"): -1,
    ("cut", "back"): -1, ("scale", "back"): -1, ("slow", "down"): -1, ("wipe", "out"): -1,
    ("pull", "down"): -1, ("drag", "down"): -1, ("hold", "down"): -1, ("keep", "down"): -1, ("finish", "off"): -1, ("pull", "up"): 1, ("prop", "up"): 1, ("shore", "up"): 1,
    ("rule", "out"): -1, ("push", "back"): -1, ("weigh", "on"): -1, ("drag", "on"): -1, ("stand", "in"): -1,
    ("eat", "into"): -1, ("eat", "at"): -1, ("chip", "at"): -1, ("distance", "from"): -1, ("cut", "into"): -1,
    ("drive", "away"): -1, ("keep", "away"): -1, ("keep", "out"): -1, ("scare", "away"): -1, ("scare", "off"): -1,
    ("frighten", "away"): -1, ("frighten", "off"): -1, ("turn", "away"): -1, ("chase", "away"): -1,
    ("push", "away"): -1, ("push", "off"): -1, ("force", "off"): -1, ("drive", "off"): -1,
    ("kick", "out"): -1,  # "pushes gas plants off the grid", "forced shops off the high street" (not "kick off": a start)
    ("put", "out"): -1,  # "put crews out of work", "put the fire out"
    ("stem", "from"): 0, ("result", "from"): 0,
    ("derive", "from"): 0, ("come", "from"): 0, ("arise", "from"): 0, ("depend", "on"): 0,
    ("lie", "in"): 0, ("owe", "to"): 0, ("rest", "on"): 0, ("hinge", "on"): 0, ("rely", "on"): 0, ("build", "on"): 0,
}
#: Verb + preposition whose subject undergoes what the phrase names: "exporters benefit
#: from the weak currency" is currency -> exporters, +1; "hotels suffered from the drop in
#: tourism" is tourism -> hotels, +1 (the drop is tourism going down).
UNDERGO: dict[tuple[str, str], int] = {
    ("benefit", "from"): 1, ("profit", "from"): 1, ("suffer", "from"): -1, ("reel", "from"): -1,
}
#: Verbs whose subject rises (+1) or falls (-1), or whose object does for gain/lose.
INCREASE = frozenset(
    "rise grow increase climb soar surge spike jump rally strengthen improve accelerate expand "
    "intensify escalate mount swell rebound recover gain multiply double triple balloon skyrocket "
    "widen deepen spread heat lengthen quadruple rocket leap".split())
DECREASE = frozenset(
    "fall drop decline decrease shrink dwindle weaken erode slow collapse plunge sink diminish "
    "deteriorate worsen fade wane ease lose slump tumble crash dip retreat contract narrow evaporate "
    "vanish disappear stall falter crumble cool subside recede shrivel plummet slide halve slip dive "
    "sag soften abate slacken".split())
#: Comparatives and adjectives that state a direction.
COMPARATIVE: dict[str, int] = {
    **dict.fromkeys("more higher greater bigger larger stronger likelier likely easier faster better "
                    "worse? taller wider deeper louder richer costlier expensive up positive thicker".split(), 1),
    **dict.fromkeys("less lower smaller weaker fewer unlikely harder slower poorer cheaper narrower "
                    "shallower down impossible difficult negative thinner scarcer rarer".split(), -1),
}
COMPARATIVE.pop("worse?", None)
COMPARATIVE["worse"] = -1
#: Plain adjectives of level or state that, as the result of "keep / leave / make / hold",
#: say which way the object went: "kept prices low", "left factories idle", "kept the bank
#: afloat". (Not comparatives: "prices are high" alone states a level, no change.)
STATE_ADJECTIVES: dict[str, int] = {
    **dict.fromkeys("high strong full busy afloat alive open".split(), 1),
    **dict.fromkeys("low weak empty idle scarce rare shut closed short negligible minimal".split(), -1),
}
#: Nouns that name a good, which "worsen" lowers: "worsened the outlook" is the outlook
#: going down, where "worsened the shortage" raises the shortage.
GOOD_NOUNS = frozenset("outlook prospect economy relation relationship health quality finance morale confidence "
                       "trust stability security performance reputation mood sentiment standing position".split())
#: Nouns that name a problem: "worse" of one is more of it ("made the shortage worse"), where
#: "worse" of anything else is less of its good ("made the economy worse").
PROBLEM_NOUNS = frozenset(
    "shortage shortfall crisis problem inflation unemployment joblessness congestion pollution poverty "
    "deficit debt violence conflict war recession slump downturn risk threat damage pain pressure tension "
    "overcrowding backlog delay queue wait loss disease outbreak epidemic pandemic corruption instability "
    "inequality hunger famine drought flooding uncertainty volatility crime strain stress bottleneck "
    "scarcity gridlock emissions default bankruptcy fraud unrest squeeze smuggling bullying harassment "
    "abuse wildfire fire flood storm hurricane heatwave blackout outage erosion obesity addiction "
    "homelessness misinformation disinformation polarization polarisation infection".split())
#: Adjectives of price: the variable is the thing's cost, not the thing ("made imports more
#: expensive" raises what imports cost, not how many there are), and which way the word
#: points on it ("cheaper" is the cost going down; "affordable" names affordability).
PRICE_ADJECTIVES: dict[str, tuple[str, int]] = {
    **dict.fromkeys("expensive costly costlier pricey pricier dearer".split(), ("cost", 1)),
    **dict.fromkeys("cheap cheaper inexpensive".split(), ("cost", -1)),
    "affordable": ("affordability", 1), "unaffordable": ("affordability", -1),
}
#: Quality nouns English forms irregularly (or where a suffix rule would pick the wrong
#: one: "productive" is productivity, "attractive" attractiveness).
_QUALITY_NOUNS = {
    "strong": "strength", "long": "length", "wide": "width", "deep": "depth", "high": "height", "warm": "warmth",
    "hot": "heat", "healthy": "health", "wealthy": "wealth", "safe": "safety", "secure": "security",
    "poor": "poverty", "free": "freedom", "true": "truth",
    "able": "ability", "likely": "likelihood", "scarce": "scarcity", "anxious": "anxiety", "clear": "clarity",
    "severe": "severity", "mature": "maturity", "pure": "purity", "rare": "rarity", "popular": "popularity",
    "productive": "productivity", "active": "activity", "creative": "creativity", "sensitive": "sensitivity",
    "competent": "competence", "efficient": "efficiency", "sufficient": "sufficiency", "urgent": "urgency",
    "frequent": "frequency", "transparent": "transparency", "consistent": "consistency", "fluent": "fluency",
    "hostile": "hostility", "complex": "complexity", "necessary": "necessity", "difficult": "difficulty",
    "uncertain": "uncertainty", "certain": "certainty", "loyal": "loyalty", "cruel": "cruelty",
    "generous": "generosity", "curious": "curiosity", "precise": "precision", "dense": "density",
    "intense": "intensity", "tense": "tension", "vital": "vitality", "legal": "legality", "viable": "viability",
    "real": "reality", "equal": "equality", "brutal": "brutality", "neutral": "neutrality",
    "noisy": "noise", "dangerous": "danger", "busy": "busyness", "angry": "anger",
}
#: Adjectives that "make" turns into a saying, not a result: "made clear that", "made it
#: known", "made sure"; nothing became clearer.
SAYING_RESULTS = frozenset("clear sure certain known public plain explicit".split())


def quality_noun(adj: str) -> str | None:
    """The noun of the quality an adjective names ("fragile" -> "fragility", "attractive"
    -> "attractiveness"), so that "made the banks more fragile" is labelled by what moved,
    the banks' fragility, not by the banks. None for adjectives no rule forms safely.

    English derivation has no library on this machine (lemminflect inflects; WordNet's
    derivation links need a download), so it is written here: a table of the irregular
    and the misleading, then suffix rules that hold for the rest.

    >>> [quality_noun(w) for w in ("fragile", "attractive", "vulnerable", "weak", "resilient", "risky")]
    ['fragility', 'attractiveness', 'vulnerability', 'weakness', 'resilience', 'riskiness']
    """
    a = adj.lower()
    if a in _QUALITY_NOUNS:
        return _QUALITY_NOUNS[a]
    if not a.isalpha() or len(a) < 4 or a.endswith(("ic", "al", "ed", "ing", "er", "est")):
        return None
    for end, noun in (("able", "ability"), ("ible", "ibility"), ("ile", "ility"), ("ant", "ance"),
                      ("ent", "ence")):
        if a.endswith(end):
            return a[: -len(end)] + noun
    if a.endswith("y"):
        return a[:-1] + "iness"
    return a + "ness"


#: Levels a thing is driven to: "sent prices to a record high" (+1), "to a four-year low",
#: "brought production to a halt" (-1).
LEVELS: dict[str, int] = {**dict.fromkeys("high highs highest record peak top".split(), 1),
                          **dict.fromkeys("low lows lowest bottom trough halt standstill".split(), -1)}
#: Modifiers that state the direction of the noun they modify ("higher prices").
SIGNED_MODIFIERS: dict[str, int] = {
    **dict.fromkeys("higher rising increasing growing greater more mounting soaring surging "
                    "stronger heightened increased elevated longer wider widening deeper thicker faster".split(), 1),
    **dict.fromkeys("lower falling declining decreasing less fewer weaker shrinking dwindling "
                    "reduced diminished slower shorter narrower narrowing thinner shallower".split(), -1),
}
#: Words of part or quantity whose "of" phrase is the variable: "most of the harvest".
PART_WORDS = frozenset("most much many some all part half bulk majority rest remainder portion".split())
#: Nouns of opening a path whose "for" / "to" phrase is what is made possible: "paves the way
#: for lawsuits", "opens the door to imports", "sets the stage for a deal".
PATH_NOUNS = frozenset("way door path stage".split())
#: Nouns that wrap an event: "the likelihood of X" is about X.
LIKELIHOOD_NOUNS = frozenset(
    "likelihood probability chance chances possibility prospect prospects odds risk threat danger "
    "likeliness potential specter spectre".split())
#: Nouns that stand for the clause they introduce: "the fact that X" is X.
FACT_NOUNS = frozenset("fact idea notion perception belief sense impression view assumption "
                       "expectation realization realisation".split())
#: Nouns of intention whose infinitive is the event: "the decision to send tanks" is sending tanks.
INTENT_NOUNS = frozenset("decision plan move attempt effort bid choice promise pledge order push drive "
                         "campaign proposal offer intention readiness willingness refusal failure "
                         "determination resolve".split())
#: Prepositions (with their second word) that introduce a cause: "because of X".
CAUSE_PREPS = {
    ("because", "of"), ("due", "to"), ("thanks", "to"), ("owing", "to"), ("result", "of"),
    ("account", "of"), ("response", "to"), ("virtue", "of"), ("wake", "of"), ("light", "of"),
    ("consequence", "of"), ("reason", "of"),
}
#: Adverbs and phrases at the head of a clause that mark it as a consequence.
EFFECT_ADVERBS = frozenset("therefore thus hence consequently accordingly so".split())
#: Verbs of feeling: "X worries Y" raises Y's concern.
EMOTION_VERBS: dict[str, tuple[str, int]] = {
    "worry": ("concern", 1), "concern": ("concern", 1), "alarm": ("concern", 1),
    "frighten": ("fear", 1), "scare": ("fear", 1), "terrify": ("fear", 1), "anger": ("anger", 1),
    "infuriate": ("anger", 1), "upset": ("anger", 1), "reassure": ("concern", -1),
    "calm": ("concern", -1), "embolden": ("confidence", 1), "demoralize": ("morale", -1),
    "demoralise": ("morale", -1), "demotivate": ("morale", -1), "hearten": ("morale", 1),
}

#: Multi-word prepositions that introduce a reason or a goal: "in protest against X".
REASON_PHRASES: dict[tuple[str, ...], str] = {
    ("in", "protest", "against"): "cause", ("in", "protest", "at"): "cause", ("in", "protest", "over"): "cause",
    ("in", "protest", "of"): "cause", ("in", "support", "of"): "goal", ("in", "response", "to"): "cause",
    ("in", "retaliation", "for"): "cause", ("in", "retaliation", "against"): "cause",
    ("in", "reaction", "to"): "cause", ("in", "connection", "with"): "cause", ("as", "part", "of"): "goal",
    ("in", "a", "bid", "to"): "goal", ("in", "an", "effort", "to"): "goal", ("in", "an", "attempt", "to"): "goal",
    ("in", "order", "to"): "goal", ("so", "as", "to"): "goal", ("with", "the", "aim", "of"): "goal",
    ("for", "fear", "of"): "cause", ("out", "of", "fear"): "cause", ("in", "the", "wake", "of"): "cause",
    ("as", "a", "result", "of"): "cause", ("as", "a", "consequence", "of"): "cause",
    ("on", "the", "back", "of"): "cause", ("in", "view", "of"): "cause", ("on", "account", "of"): "cause",
    ("because", "of"): "cause", ("due", "to"): "cause", ("owing", "to"): "cause", ("thanks", "to"): "cause",
}
#: Words of reaction whose "over X" / "against X" phrase names the reason:
#: "a strike over wages", "anger over the verdict", "arrested over the riot".
REACTION_WORDS = frozenset(
    "protest protester demonstration demonstrate rally march strike agitation agitate dharna boycott "
    "sit-in clash riot unrest row dispute quarrel fight battle tension anger outrage fury concern worry fear "
    "alarm criticism criticize criticise condemn condemnation resign resignation quit sue lawsuit "
    "arrest detain charge jail sentence punish fine suspend sack fire dismiss oust impeach "
    "complain complaint grievance uproar backlash outcry furore furor violence attack kill".split())
#: Verbs whose "for X" phrase names the reason: "arrested for looting".
FOR_REASON_VERBS = frozenset(
    "arrest detain charge jail sentence convict punish fine suspend sack fire dismiss blame criticize "
    "criticise praise thank reward award apologize apologise sue prosecute penalize penalise ban "
    "condemn slam hail credit".split())
#: Participles of purpose: "marched to the court, demanding justice".
GOAL_PARTICIPLES = frozenset(
    "demand seek protest oppose urge press call condemn support back resist denounce "
    "decry mark commemorate".split())
#: Verbs that take an infinitive as their object, not as a purpose.
CONTROL_VERBS = frozenset(
    "want need try decide plan hope begin start continue fail refuse agree seem appear have be go able "
    "expect intend attempt manage choose promise threaten tend like love hate prefer wish aim seek "
    "offer learn forget remember pretend claim vow pledge ask tell order allow permit force urge "
    "encourage help get let make cause lead prompt push compel enable persuade convince invite warn "
    "use struggle rush hesitate dare deserve afford arrange prepare strive bother cease "
    "drive spur tempt induce motivate oblige pressure".split())
#: Rules that hold something back: "lifting" one removes it ("the ban was lifted"), where
#: "lifting" anything else raises it ("the news lifted shares").
CONSTRAINTS = frozenset(
    "restriction ban curb limit limitation control embargo lockdown cap quota tariff moratorium blockade "
    "sanction freeze suspension restraint barrier prohibition mandate rule guideline curfew siege".split())
#: Nouns of result: "the deaths were the result of clashes".
RESULT_NOUNS = frozenset("result consequence outcome product effect upshot fruit legacy".split())
REASON_NOUNS = frozenset("reason cause source root driver trigger factor culprit".split())
#: Adjectives that judge an effect on someone: "X is costly to Y", "X is good for Y".
EVALUATIVE: dict[str, int] = {
    **dict.fromkeys("costly harmful bad damaging detrimental dangerous toxic disastrous ruinous painful "
                    "destructive deadly fatal negative unfavorable unfavourable".split(), -1),
    **dict.fromkeys("good beneficial helpful positive favorable favourable useful healthy "
                    "advantageous profitable".split(), 1),
}
