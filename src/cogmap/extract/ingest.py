"""Ingest: bytes or a path in, decoded text and page metadata out.

The first stage of the pipeline. It never touches the network: HTML is read from
the bytes given, and trafilatura is only asked to parse them.

Examples
--------
>>> raw = read("Plain words.\\n")
>>> raw.text, raw.is_html
('Plain words.\\n', False)
"""

from __future__ import annotations

import json
import os
import re
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Optional, Union

from cogmap.errors import InputError
from cogmap.files import DEFAULT_MAX_BYTES, megabytes, read_limited

__all__ = ["RawInput", "read", "read_bytes", "DEFAULT_MAX_BYTES"]

# A short string with no spaces that ends like a file name.
_MEANT_AS_PATH = re.compile(r"^[^\s\n]{1,255}\.(txt|text|html?|xhtml|json|md|csv)$", re.I)
_HTML_START = re.compile(rb"^\s*(<!--.*?-->\s*)*(<!doctype\s+html|<html|<head|<body|<article|<div|<p[\s>])", re.I | re.S)


@dataclass
class RawInput:
    """Decoded input before cleaning."""

    text: str
    source: str
    title: Optional[str] = None
    date: Optional[str] = None
    is_html: bool = False
    encoding: str = "utf-8"
    #: Text blocks of an HTML page left out of the article (navigation, ads, footers).
    removed: list = None  # type: ignore[assignment]

    def __post_init__(self):
        if self.removed is None:
            self.removed = []


def read(obj: Union[str, bytes, os.PathLike], *, source: Optional[str] = None,
         max_bytes: int = DEFAULT_MAX_BYTES) -> RawInput:
    """Read text, bytes, a path, or ``"-"`` (standard input).

    A ``str`` is taken as a path when it names an existing file and has no line
    break; otherwise it is the text itself.
    """
    if isinstance(obj, os.PathLike) or (isinstance(obj, str) and _looks_like_path(obj)):
        path = Path(obj)
        if str(obj) == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            return read_bytes(data, source=source or "<stdin>", max_bytes=max_bytes)
        data = read_limited(path, max_bytes)
        hint = path.suffix.lower() in (".html", ".htm", ".xhtml")
        return read_bytes(data, source=source or str(path), html=hint or None, max_bytes=max_bytes)
    if isinstance(obj, bytes):
        return read_bytes(obj, source=source or "<bytes>", max_bytes=max_bytes)
    if isinstance(obj, str):
        if _MEANT_AS_PATH.match(obj):
            # "report.txt" that is not there is a typo, not an article of two words.
            raise InputError(f"{obj}: no such file (pass the text itself, or an existing path)")
        if len(obj) > max_bytes:
            raise InputError(f"{source or '<text>'}: text of {len(obj) / 1e6:.1f} M characters is more than the "
                             f"{megabytes(max_bytes)} cogmap reads as one document; split it (or set COGMAP_MAX_BYTES)")
        return _from_text(obj, source or "<text>", html=None)
    raise InputError(f"cannot read a {type(obj).__name__}; give text, bytes or a path")


def _looks_like_path(s: str) -> bool:
    if s == "-":
        return True
    if "\n" in s or len(s) > 4096 or not s.strip():
        return False
    try:
        return Path(s).exists()
    except (OSError, ValueError):
        return False


def read_bytes(data: bytes, *, source: str, html: Optional[bool] = None,
               max_bytes: int = DEFAULT_MAX_BYTES) -> RawInput:
    """Decode bytes (UTF-8, else the detected encoding) and parse HTML if it is HTML."""
    if len(data) > max_bytes:
        raise InputError(f"{source}: more than the {megabytes(max_bytes)} cogmap reads as one document; "
                         "split it (or set COGMAP_MAX_BYTES)")
    if not data.strip():
        raise InputError(f"{source}: is empty")
    # UTF-16 says so in its first two bytes (Notepad's "Unicode"); without them, by its zero bytes.
    utf16 = "utf-16" if data.startswith((b"\xff\xfe", b"\xfe\xff")) else _utf16_without_bom(data)
    stray_mark = []
    if utf16 == "utf-16" and b"\x00" not in data[2:4096] and _is_utf8(data[2:]):
        # The mark, but UTF-8 after it (no zero byte, as English in UTF-16 has every other
        # one): a stray mark, which read as UTF-16 would turn the text into CJK garble.
        data, utf16 = data[2:], None
        stray_mark = ["[a UTF-16 byte-order mark before UTF-8 text: dropped]"]
    if utf16 is None and _is_binary(data):
        raise InputError(f"{source}: looks like a binary file, not text or HTML")
    if utf16 is not None:
        text, encoding, notes = data.decode(utf16, errors="replace"), utf16, []
    else:
        text, encoding, notes = _decode(data, source)
    notes = stray_mark + notes
    raw = _from_text(text, source, html=html)
    raw.encoding = encoding
    if notes:
        raw.removed.extend(notes)
    elif encoding not in _SURE_ENCODINGS:
        # Told by statistics over the bytes, which can be wrong on short or mixed text: say so
        # where the reader looks, since every quote comes from this decoding.
        raw.removed.append(f"[not UTF-8: decoded as {encoding}, a guess; if the quotes look garbled, "
                           "save the file as UTF-8]")
    return raw


#: Encodings read from the bytes themselves (a BOM, valid UTF-8, Western letters only), not guessed.
_SURE_ENCODINGS = frozenset({"utf-8", "utf-8-sig", "cp1252", "utf-16", "utf-16-le", "utf-16-be"})


def _utf16_without_bom(data: bytes) -> Optional[str]:
    """``utf-16-le``/``-be`` when every other byte is mostly zero (ASCII-range text), else None."""
    head = data[:8192]
    if len(head) < 8 or head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None
    even, odd = head[0::2], head[1::2]
    zeros_even, zeros_odd = even.count(0) / len(even), odd.count(0) / len(odd)
    if zeros_odd > 0.6 and zeros_even < 0.05:
        return "utf-16-le"
    if zeros_even > 0.6 and zeros_odd < 0.05:
        return "utf-16-be"
    return None


def _is_binary(data: bytes) -> bool:
    head = data[:8192]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 with a BOM is text
        return False
    if b"\x00" in head:
        return True
    # Control characters other than tab, newlines and form feed are rare in text.
    ctrl = sum(1 for b in head if b < 32 and b not in (9, 10, 12, 13))
    return ctrl > max(8, len(head) // 50)


def _cut_short(data: bytes) -> int:
    """How many bytes of a UTF-8 character are cut off at the very end (0: none)."""
    for k in (1, 2, 3):
        if len(data) > k and data[-k] >= 0xC2:
            try:
                data[-k:].decode("utf-8")
                return 0
            except UnicodeDecodeError as err:
                return k if err.reason == "unexpected end of data" else 0
    return 0


def _is_utf8(data: bytes) -> bool:
    try:
        data.decode("utf-8")
        return True
    except UnicodeDecodeError:
        return False


def _windows_1252(stray: bytes) -> str:
    """Bytes as Windows-1252 reads them; its five unassigned bytes as Latin-1 does (control
    characters, which :func:`_from_text` turns into spaces)."""
    return "".join(bytes([b]).decode("cp1252") if b not in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else chr(b)
                   for b in stray)


#: Bytes that are not UTF-8, as ``surrogateescape`` keeps them (U+DC80-U+DCFF).
_STRAY = re.compile("[\udc80-\udcff]+")


def _decode(data: bytes, source: str) -> tuple[str, str, list[str]]:
    """The text, its encoding, and notes on bytes that were not of it."""
    if data.startswith(b"\xef\xbb\xbf"):
        text, _, notes = _decode(data[3:], source)
        return text, "utf-8-sig", notes
    try:
        return data.decode("utf-8"), "utf-8", []
    except UnicodeDecodeError:
        pass
    # UTF-8 with some bytes that are not (a line pasted from a Windows-1252 file, a character
    # cut off at the end) is still UTF-8: reading the whole file as another code page would
    # garble every letter the UTF-8 spells right ("Özcan" as "Ã–zcan"). Each stray byte is
    # read as the Windows-1252 character it most likely is, so nothing is lost either.
    # (With no UTF-8 letter at all, a lone high byte is more likely a Latin-1 "ñ" than a
    # broken UTF-8 one, unless it is a sequence cut off at the very end.)
    cut = _cut_short(data)
    text = data[:len(data) - cut].decode("utf-8", errors="surrogateescape")
    if cut or any(ord(ch) > 127 and not 0xDC80 <= ord(ch) <= 0xDCFF for ch in text):
        stray = sum(len(run) for run in _STRAY.findall(text))
        text = _STRAY.sub(lambda m: _windows_1252(bytes(ord(c) - 0xDC00 for c in m.group())), text)
        notes = [f"[{stray} byte{'s' if stray != 1 else ''} that are not UTF-8 read as Windows-1252]"] if stray else []
        if cut:
            text += "\ufffd"  # a character cut off at the end: nothing to read it as
            notes.append("[the last character is cut off, not UTF-8: replaced by \ufffd]")
        return text, "utf-8", notes
    # A single-byte file whose letters are all Western European is Windows-1252 (of which
    # Latin-1's printable range is a part), the WHATWG default; detection guesses another
    # code page on short texts ("señor" as cp1250 "seńor").
    try:
        text = data.decode("cp1252")
        letters = [ch for ch in text if ord(ch) > 127]
        # (and few of them: accented letters are a small share of any Western language's,
        # while another alphabet read as cp1252 is all "accented": "Ýêîíîìèñòû")
        if letters and sum(ch.isalpha() or ch in "€‘’“”–—…«»°£§©®´·¿¡" for ch in letters) >= 0.95 * len(letters) \
                and len(letters) <= 0.3 * sum(ch.isalpha() for ch in text):
            return text, "cp1252", []
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"{source}: cannot tell its text encoding; save it as UTF-8")
    return str(best), best.encoding, []


#: Control characters, C0 (but tab and line feed, and NUL, which marks a binary file) and C1.
_CONTROLS = re.compile(r"[\x01-\x08\x0b-\x1f\x7f-\x9f]")


def _mended(text: str) -> str:
    """Text with its mojibake undone: a page encoded twice over ("donâ€™t" for "don't")
    decodes without error and reads as garbage. ftfy (Speer, 2015-) undoes it, and leaves
    text that only looks foreign ("Größe", "Ölçü") as it is; it runs only where its cheap
    check finds such signs."""
    from ftfy import fix_encoding
    from ftfy.badness import is_bad

    return fix_encoding(text) if is_bad(text) else text


def _from_text(text: str, source: str, html: Optional[bool]) -> RawInput:
    text = _mended(text.replace("\r\n", "\n").replace("\r", "\n"))
    if "\x00" in text:
        raise InputError(f"{source}: looks like a binary file, not text or HTML")
    # A form feed is a page break (pdftotext); every other control character is a space.
    # Terminal escapes ("ESC[2J" clears the screen) would otherwise reach whoever reads a
    # quote or label in a terminal, and lxml refuses them in HTML. The length stays.
    text = _CONTROLS.sub(" ", text.replace("\x0c", "\n"))
    if html is None:
        html = bool(_HTML_START.match(text[:2048].encode("utf-8", "replace")))
    if not html:
        if not text.strip():
            raise InputError(f"{source}: is empty")
        _refuse_json(text, source)
        return RawInput(text=text, source=source)
    if is_report(text):
        raise InputError(f"{source}: is a cogmap report, not an article (its map came from articles: add those)")
    return _from_html(text, source)


def _refuse_json(text: str, source: str) -> None:
    """JSON is data, not prose: read as an article, its keys and brackets would become
    sentences, and a cogmap document's quotes would come back as claims of their own."""
    if not text.lstrip().startswith(("{", "[")):
        return
    try:
        data = json.loads(text)
    except ValueError:
        return  # prose that opens with a bracket
    first = data[0] if isinstance(data, list) and data else data
    schema = first.get("schema") if isinstance(first, dict) else None
    if schema == "cogmap.document/1":
        raise InputError(f"{source}: is a cogmap document already (the output of cogmap extract), not an article: "
                         "map it with `cogmap map FILE.json` or store it with `cogmap add FILE.json`")
    if schema == "cogmap.model/1":
        raise InputError(f"{source}: is a cogmap model, not an article: give it to `cogmap loops`, `effect`, "
                         "`simulate` or `report`")
    raise InputError(f"{source}: is JSON data, not an article (cogmap reads text, Markdown or HTML)")


#: What every page ``cogmap report`` writes carries in its head.
REPORT_MARK = '<meta name="generator" content="cogmap report">'


def is_report(head: str) -> bool:
    """Whether an HTML text (or its first few KB) is a page ``cogmap report`` wrote: its
    quotes and labels would come back as an article's, each claim twice."""
    return REPORT_MARK in head[:4096]


#: libxml2's depth for a page parsed with ``huge_tree`` (256 without it).
_DEEPEST = 2048


def _parsed(html: str, **options):
    """The page parsed by lxml, and whether it nested deeper than the parser reads (the
    elements below are then missing from the tree, with no error raised)."""
    from lxml import html as lxml_html

    parser = lxml_html.HTMLParser(**options)
    try:
        tree = lxml_html.fromstring(html, parser=parser)
    except ValueError:  # "Unicode strings with encoding declaration are not supported"
        tree = lxml_html.fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    return tree, any("Excessive depth" in e.message for e in parser.error_log)


def _trees(html: str, source: str) -> tuple:
    """(the whole page as lxml reads it, for listing what the article leaves out; the page
    for trafilatura when it nests deeper than lxml reads by default, else None).

    lxml (libxml2) stops at 256 levels and silently drops what lies below, so a page of
    300 nested blocks lost its article. Such a page is parsed again with ``huge_tree``
    (2,048 levels) and handed to trafilatura as a tree, with trafilatura's own parser
    options; a page deeper still is refused, since part of it would be lost. The first
    parse is the one the list of dropped blocks needed anyway.
    """
    try:
        page, deep = _parsed(html)
    except Exception:  # a page lxml cannot read at all: trafilatura says so below
        return None, None
    if not deep:
        return page, None
    tree, deeper = _parsed(html, huge_tree=True, collect_ids=False, default_doctype=False,
                           remove_comments=True, remove_pis=True)
    if deeper:
        raise InputError(f"{source}: the HTML nests more than {_DEEPEST:,} elements deep, and what lies "
                         f"below could not be read; save the page as text and extract that")
    return _parsed(html, huge_tree=True)[0], tree  # (trafilatura may change the tree it is given)


def _from_html(html: str, source: str) -> RawInput:
    import trafilatura

    page, tree = _trees(html, source)
    try:
        result = trafilatura.bare_extraction(
            html if tree is None else tree, with_metadata=True, include_comments=False, include_tables=False,
            include_images=False, include_links=False, favor_recall=True, output_format="python")
    except Exception as exc:  # trafilatura raises many kinds on malformed pages
        raise InputError(f"{source}: cannot parse the HTML ({type(exc).__name__})") from None
    if result is None:
        raise InputError(f"{source}: no article text found in the HTML")
    if not isinstance(result, dict):
        result = result.as_dict() if hasattr(result, "as_dict") else vars(result)
    text = (result.get("text") or "").strip()
    if not text:
        raise InputError(f"{source}: no article text found in the HTML")
    date = result.get("date") or None
    if date and date.endswith("-01-01"):
        # The wide search falls back on any year the page shows, as 1 January: a footer's
        # "(c) 2025" is no publication date. Such a date stands only if the page's own
        # date markup gives it too.
        from htmldate import find_date

        try:
            date = find_date(html, extensive_search=False, original_date=True)
        except Exception:  # htmldate raises many kinds on malformed pages, as trafilatura does
            date = None
    return RawInput(text=text, source=source, title=result.get("title") or None,
                    date=date, is_html=True, removed=_dropped_blocks(page, text))


_BLOCKS = {"p", "div", "li", "h1", "h2", "h3", "h4", "h5", "h6", "nav", "aside", "footer", "header",
           "figcaption", "caption", "td", "th", "dt", "dd", "blockquote", "section", "article", "span", "a",
           "button", "label", "small", "time", "address"}


_INLINE = {"a", "span", "small", "time", "label", "button"}


def _dropped_blocks(root, kept: str) -> list[str]:
    """The page's text blocks that the article text leaves out (navigation, ads, footers),
    so that what was dropped can be audited; script and style contents are not text.
    ``root``: the page parsed by lxml (:func:`_trees`), None if lxml could not read it."""
    if root is None:  # a page lxml cannot read: nothing to list
        return []
    for bad in root.xpath("//script|//style|//noscript|//template"):
        bad.drop_tree()
    flat = " ".join(kept.split())
    out: list[str] = []
    seen = set()
    for el in root.iter():
        if not isinstance(el.tag, str) or el.tag.lower() not in _BLOCKS:
            continue
        if any(isinstance(c.tag, str) and c.tag.lower() in _BLOCKS - _INLINE for c in el):
            continue  # only the innermost blocks, so each text is listed once
        parent = el.getparent()
        if el.tag.lower() in _INLINE and parent is not None and isinstance(parent.tag, str) \
                and parent.tag.lower() in _BLOCKS:
            continue  # a link inside a block is listed with its block
        text = " ".join(el.text_content().split())
        if len(text) < 2 or text in seen or text in flat:
            continue
        seen.add(text)
        out.append(text)
    return out[:500]
