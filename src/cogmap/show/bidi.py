"""Bidirectional control characters in names and titles, made harmless for display.

An article can carry U+202E (RIGHT-TO-LEFT OVERRIDE) or its kin in a title or a
speaker's name, so that the text reads reversed or swallows what follows it (the
"Trojan Source" characters, CVE-2021-42574). Wherever cogmap shows text to a person
(the report and serve pages, the terminal), each of these characters becomes
U+FFFD, one for one: the reader sees that something was there, Arabic and Hebrew
letters keep their natural direction, and offsets into the text stay valid (each
of them is one UTF-16 unit, as U+FFFD is). The JSON of ``--format json`` and of the
API keeps the text as it was: it is data, not display.

>>> neutralize_bidi("Dr. \\u202eevil\\u202c Smith")
'Dr. \\ufffdevil\\ufffd Smith'
"""

from __future__ import annotations

import re

__all__ = ["BIDI_CONTROLS", "neutralize_bidi"]

#: The embeddings, overrides and isolates of Unicode's bidirectional algorithm:
#: LRE RLE PDF LRO RLO (U+202A-U+202E) and LRI RLI FSI PDI (U+2066-U+2069).
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_BIDI = re.compile(f"[{BIDI_CONTROLS}]")


def neutralize_bidi(text: str) -> str:
    """``text`` with each bidirectional control character replaced by U+FFFD."""
    return _BIDI.sub("\ufffd", text)
