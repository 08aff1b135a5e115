"""Ingest: encodings, HTML, and bad input handled with one clear line."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cogmap.errors import InputError
from cogmap.extract.ingest import read, read_bytes


def test_utf8_text_is_read_as_is():
    raw = read("Prices rose.\r\nDemand fell.\n")
    assert raw.text == "Prices rose.\nDemand fell.\n"
    assert not raw.is_html


def test_latin1_bytes_are_decoded(tmp_path):
    p = tmp_path / "latin.txt"
    text = "Le ministre a déclaré que la hausse des taux réduira la demande. Ça coûte cher à l'économie française."
    p.write_bytes(text.encode("latin-1"))
    raw = read(p)
    assert "déclaré" in raw.text and "économie" in raw.text
    assert raw.encoding.lower().replace("_", "-") != "utf-8"


def test_empty_and_whitespace_are_refused(tmp_path):
    p = tmp_path / "empty.txt"
    p.write_text("")
    with pytest.raises(InputError, match="empty"):
        read(p)
    with pytest.raises(InputError, match="empty"):
        read_bytes(b"  \n\t ", source="x")


def test_binary_is_refused():
    with pytest.raises(InputError, match="binary"):
        read_bytes(bytes(range(256)) * 10, source="blob.bin")


def test_huge_file_is_refused_without_reading_it(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)  # sparse: 50 MB on paper
    with pytest.raises(InputError, match="MB"):
        read(p)


def test_html_article_body_title_and_no_script(tmp_path):
    html = """<!doctype html><html><head><title>Rates and homes</title>
    <meta property="article:published_time" content="2024-03-05">
    <script>alert('x'); document.write('INJECTED')</script></head>
    <body><nav>Home | World | Sport</nav><article><h1>Rates and homes</h1>
    <p>Higher mortgage rates will reduce demand for new homes, the economist Jane Roe said on Tuesday.</p>
    <p>She added that falling demand could push prices lower in many regions over the coming year.</p>
    </article><footer>Subscribe to our newsletter</footer></body></html>"""
    p = tmp_path / "page.html"
    p.write_text(html)
    raw = read(p)
    assert raw.is_html
    assert "Higher mortgage rates will reduce demand" in raw.text
    assert "INJECTED" not in raw.text and "alert" not in raw.text
    assert raw.title == "Rates and homes"


def _cli(*args, stdin=None, timeout=300):
    return subprocess.run([sys.executable, "-m", "cogmap", *args], capture_output=True, text=True,
                          input=stdin, timeout=timeout)


@pytest.mark.parametrize("content,message", [
    (b"", "empty"),
    (b"\x00\x01\x02\x03binary\x00" * 100, "binary"),
])
def test_cli_bad_input_one_line_exit_2(tmp_path, content, message):
    p = tmp_path / "bad.txt"
    p.write_bytes(content)
    r = _cli("extract", str(p))
    assert r.returncode == 2
    assert "Traceback" not in r.stderr
    assert message in r.stderr and len(r.stderr.strip().splitlines()) == 1


def test_cli_missing_file_exit_2():
    r = _cli("extract", "/nonexistent/article.txt")
    assert r.returncode == 2 and "no such file" in r.stderr and "Traceback" not in r.stderr


def test_cli_reads_stdin():
    r = _cli("extract", "-", "--format", "json", stdin="Tariffs hurt consumers, the economist said.")
    assert r.returncode == 0, r.stderr
    assert '"cogmap.document/1"' in r.stdout


def test_cli_huge_file_exit_2(tmp_path):
    p = tmp_path / "huge.txt"
    with open(p, "wb") as fh:
        fh.truncate(50 * 1024 * 1024)
    r = _cli("extract", str(p))
    assert r.returncode == 2 and "MB" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_cli_latin1_gives_a_clean_result(tmp_path):
    p = tmp_path / "latin.txt"
    p.write_bytes("Le déficit budgétaire réduira la croissance, selon l'économiste Hélène Roux. "
                  "Higher taxes will reduce consumer spending, she said.".encode("latin-1"))
    r = _cli("extract", str(p), "--format", "json")
    assert r.returncode == 0, r.stderr
    assert "économiste" in r.stdout and '"claims"' in r.stdout


def test_cli_html_with_script_is_text_only(tmp_path):
    p = tmp_path / "page.html"
    p.write_text("<html><head><script>window.evil = 1; alert('pwned')</script></head><body><article>"
                 "<p>Rising rents push young families out of the city, the planner Omar Diaz said.</p>"
                 "<p><img src=x onerror=\"alert('img')\">Cheaper loans will boost construction next year.</p>"
                 "</article></body></html>")
    r = _cli("extract", str(p), "--format", "json")
    assert r.returncode == 0, r.stderr
    assert "pwned" not in r.stdout and "onerror" not in r.stdout and "window.evil" not in r.stdout
    assert "Rising rents push young families" in r.stdout


def test_html_page_furniture_is_listed_as_removed(tmp_path):
    import cogmap

    p = tmp_path / "page.html"
    p.write_text("<html><head><title>Rates</title><script>var leaked = 1;</script></head><body>"
                 "<nav><a href='/'>Home</a> | <a href='/w'>World</a></nav><article><h1>Rates</h1>"
                 "<p>Higher mortgage rates will reduce demand for new homes, the economist Jane Roe said.</p>"
                 "<div class='ad'>Advertisement: Cheap loans guarantee higher profits.</div>"
                 "<p>She added that falling demand could push prices lower next year.</p></article>"
                 "<footer>Copyright 2024 Example Media</footer></body></html>")
    doc = cogmap.extract(p)
    assert "Home | World" in doc.removed and "Copyright 2024 Example Media" in doc.removed
    assert "Advertisement: Cheap loans guarantee higher profits." in doc.removed
    assert not any("leaked" in r for r in doc.removed) and "leaked" not in doc.text
    assert not any("profits" in c.effect.label for c in doc.claims)  # the ad is no one's claim


def test_a_missing_path_is_not_read_as_text():
    import cogmap

    with pytest.raises(InputError, match="no such file"):
        cogmap.extract("missing-article.txt")


def test_an_endless_device_is_refused_after_the_limit(monkeypatch):
    """/dev/zero says its size is 0 and never ends: reading stops one byte past the limit."""
    import os

    from cogmap.errors import InputError

    if not os.path.exists("/dev/zero"):
        pytest.skip("no /dev/zero here")
    with pytest.raises(InputError, match="more than"):
        read("/dev/zero", max_bytes=1000)


@pytest.mark.parametrize("encoding", ["latin-1", "cp1252"])
def test_western_single_byte_files_read_as_such(encoding):
    text = "El señor José Müñoz dijo que la inflación subirá."
    raw = read_bytes(text.encode(encoding), source="x.txt")
    assert raw.text.strip() == text


@pytest.mark.parametrize("text", ["El señor dijo que la lluvia sube la cosecha.", "Café prices rose, said René Dupont."])
def test_one_or_two_western_letters_are_not_taken_for_broken_utf8(text):
    raw = read_bytes(text.encode("latin-1"), source="x.txt")
    assert raw.text.strip() == text and not raw.removed


def test_utf8_cut_short_at_the_end_stays_utf8():
    raw = read_bytes("Prices rose because of the drought. ".encode() + "é".encode()[:1], source="x.txt")
    assert raw.text.startswith("Prices rose") and any("not UTF-8" in r for r in raw.removed)


def test_utf8_with_a_bad_byte_stays_utf8_and_says_so():
    text = "José Müñoz said prices would rise. " * 3
    raw = read_bytes(text.encode("utf-8") + b"\xff", source="x.txt")
    assert raw.text.startswith("José Müñoz said")
    assert any("not UTF-8" in r for r in raw.removed)


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_a_bom_is_text(encoding):
    text = "Higher rates will reduce demand for housing, the economist said."
    assert read_bytes(text.encode(encoding), source="x.txt").text.strip() == text


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_a_bom_is_text(encoding):
    text = "Higher rates will reduce demand for housing, the economist said."
    data = ("\ufeff" + text).encode(encoding) if encoding != "utf-16" else text.encode(encoding)
    raw = read_bytes(data, source="x.txt")
    assert raw.text.strip().lstrip("\ufeff") == text and "\ufeff" not in raw.text


def test_a_guessed_encoding_says_so():
    raw = read_bytes("Экономисты ожидают, что высокие ставки снизят спрос на жильё.".encode("cp1251"), source="x.txt")
    assert any("a guess" in r and raw.encoding in r for r in raw.removed)
    assert not any("a guess" in r for r in read_bytes("Señor Pérez said rates rose.".encode("cp1252"),
                                                       source="x.txt").removed)


def test_html_with_a_form_feed_after_a_script_is_read():
    page = ("<html><head><title>T</title></head><body><script>var x=1;</script>\f"
            "<p>Higher rates will reduce demand for housing, the economist said.</p></body></html>")
    raw = read_bytes(page.encode(), source="x.html")
    assert "demand for housing" in raw.text


def test_a_named_pipe_is_refused_before_it_is_opened(tmp_path):
    """open() on a FIFO waits for a writer; read() must not."""
    import os

    from cogmap.errors import InputError

    if not hasattr(os, "mkfifo"):
        pytest.skip("no named pipes here")
    import threading

    fifo = tmp_path / "article.txt"
    os.mkfifo(fifo)
    got = []

    def attempt():
        try:
            read(fifo)
        except InputError as exc:
            got.append(str(exc))

    t = threading.Thread(target=attempt, daemon=True)  # a hang fails the test instead of the suite
    t.start()
    t.join(30)
    if t.is_alive():
        with open(fifo, "wb"):  # let the blocked open() return
            pass
        pytest.fail("read() waited on the named pipe")
    assert got and "named pipe" in got[0]


BODY = ("<p>The bank raised rates, which will cut demand for loans over the next year, "
        "economists said on Tuesday in a long note to clients.</p>")


@pytest.mark.parametrize("head, footer, date", [
    ("", "<footer>&copy; 2025 The Ledger. All rights reserved.</footer>", None),  # a year is no date
    ('<meta property="article:published_time" content="2024-01-01">', "<footer>&copy; 2024 X</footer>",
     "2024-01-01"),                                                               # unless the page dates it
    ('<meta property="article:published_time" content="2024-03-05T10:00:00Z">', "", "2024-03-05"),
])
def test_a_copyright_year_is_no_publication_date(tmp_path, head, footer, date):
    page = tmp_path / "p.html"
    page.write_text(f"<html><head>{head}<title>Rates rise</title></head><body><article><h1>Rates rise</h1>"
                    f"{BODY}</article>{footer}</body></html>")
    assert read(page).date == date


def test_json_is_not_read_as_an_article(tmp_path):
    """A cogmap document given back to ``extract`` would turn its own quotes into new
    claims; any JSON would turn keys and brackets into sentences. Prose that opens with a
    bracket is still prose."""
    import cogmap
    from cogmap.errors import InputError

    doc = cogmap.extract("Higher rates reduce demand, the economist said.")
    for name, text, needle in (("doc.txt", doc.to_json(), "is a cogmap document already"),
                               ("docs.json", json.dumps([doc.to_dict()]), "is a cogmap document already"),
                               ("model.json", '{"schema": "cogmap.model/1", "concepts": []}', "is a cogmap model"),
                               ("data.json", '{"rows": [1, 2]}', "is JSON data, not an article")):
        p = tmp_path / name
        p.write_text(text)
        with pytest.raises(InputError, match=needle):
            read(p)
    p = tmp_path / "note.txt"
    p.write_text("[Note] Higher rates reduce demand.")
    assert read(p).text.startswith("[Note]")


def test_control_characters_become_spaces_and_a_form_feed_a_line_break(tmp_path):
    """Terminal escapes in an article ("ESC[2J" clears the screen, "ESC]0;" sets the
    window title) must not reach whoever reads its quotes in a terminal; offsets stay."""
    raw = "Food prices\x1b]0;PWNED\x07 rose.\x1b[2J Higher rates cut demand\x9b31m.\x0cPage two."
    p = tmp_path / "esc.txt"
    p.write_bytes(raw.encode("utf-8"))
    text = read(p).text
    assert len(text) == len(raw) and not any(ord(ch) < 32 and ch != "\n" or 0x7f <= ord(ch) <= 0x9f for ch in text)
    assert text.endswith(".\nPage two.") and "Food prices ]0;PWNED  rose." in text


def test_stray_windows_bytes_in_utf8_are_read_as_windows_1252_and_the_rest_as_utf8():
    """A UTF-8 file with a few bytes pasted from a Windows-1252 one ("caf\\xe9", a curly
    quote): each of those is read as the character it most likely is, and the rest stays
    UTF-8 however many there are. Reading the whole file as Windows-1252 instead would
    garble every letter the UTF-8 spells right ("Özcan" as "Ã–zcan")."""
    good = "Şebnem Kalemli-Özcan said tariffs would raise prices."
    data = good.encode() + b" The caf\xe9 owners agreed \x93it will hurt\x94 and the \xe9lite too."
    raw = read_bytes(data, source="x.txt")
    assert raw.text.strip() == good + " The café owners agreed “it will hurt” and the élite too."
    assert "[4 bytes that are not UTF-8 read as Windows-1252]" in raw.removed


def test_a_byte_order_mark_before_utf8_text_is_dropped_not_read_as_utf16():
    text = "Higher rates will reduce demand for housing, the economist said."
    raw = read_bytes(b"\xff\xfe" + text.encode(), source="x.txt")
    assert raw.text.strip() == text and any("byte-order mark" in r for r in raw.removed)


def test_text_encoded_twice_over_is_mended(tmp_path):
    # UTF-8 read as Windows-1252 and saved again as UTF-8: it decodes without error.
    twice = "The plan didn’t work, and Zürich’s café owners said so.".encode("utf-8").decode("cp1252")
    f = tmp_path / "page.txt"
    f.write_text(twice + "\n", encoding="utf-8")
    assert "didnâ€™t" in f.read_text(encoding="utf-8")  # (the file is what this test says it is)
    assert read(f).text.strip() == "The plan didn’t work, and Zürich’s café owners said so."


def test_letters_that_only_look_foreign_are_left_as_they_are():
    text = "Größe matters to café owners in Zürich and in Ölçü."
    assert read_bytes(text.encode("utf-8"), source="page.txt").text == text


def test_cli_lines_of_pathological_shape_are_read_in_time_and_lose_nothing(tmp_path):
    # Each of these lines made a pattern or the tokenizer backtrack: an encoded image pasted
    # as text (one "word" of 100,000 characters), a long run of tabs, a player's times run
    # together and cut off (2^n ways to match). Before, extraction ran for hours; the bound
    # below is minutes, so that only that kind of slowness fails, not a busy machine.
    import base64
    import random

    blob = base64.b64encode(random.Random(7).randbytes(75_000)).decode()
    text = ("Higher interest rates reduced demand for homes, the economist said. "
            "The drought raised food prices across the region.\n\n" + blob + "\n\n"
            + "a" + "\t" * 20_000 + "b.\n\n" + "12:30 " * 40 + "x\n\n"
            + "Fewer buyers came to the market in the spring.\n")
    p = tmp_path / "odd.txt"
    p.write_text(text, encoding="utf-8")
    try:
        r = _cli("extract", str(p), "--format", "json", timeout=240)
    except subprocess.TimeoutExpired:
        pytest.fail("extraction of a page with pathological lines did not end within 4 minutes")
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    sides = {(c["cause"]["label"], c["effect"]["label"]) for c in doc["claims"]}
    assert any("rate" in a and "demand" in b for a, b in sides), sides
    assert any("drought" in a and "price" in b for a, b in sides), sides
    assert "Fewer buyers came to the market in the spring." in doc["text"]
    for c in doc["claims"]:
        ev = c["evidence"]
        assert doc["text"][ev["start"]:ev["end"]] == ev["text"]


def test_a_page_nested_deeper_than_lxml_reads_keeps_its_article(tmp_path):
    # lxml stops at 256 levels and drops what lies below without an error: the article
    # of a page of 300 nested blocks was lost, and only its intro was read.
    def page(depth):
        return ("<html><body><p>Intro line here.</p>" + "<div>" * depth
                + "<p>Higher interest rates reduced demand for homes, the economist said.</p>"
                + "</div>" * depth + "</body></html>")

    raw = read_bytes(page(300).encode(), source="deep.html")
    assert "Higher interest rates reduced demand for homes" in raw.text
    assert "Intro line here." in raw.text
    p = tmp_path / "deeper.html"
    p.write_text(page(3000), encoding="utf-8")
    r = _cli("extract", str(p))
    assert r.returncode == 2 and "nests more than" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1
