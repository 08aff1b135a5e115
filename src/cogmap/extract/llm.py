"""Reading an article with your own language model, grounded in cogmap's reading.

A language model (a hosted API, or Ollama, llama.cpp's server, vLLM on your own
machine) reads links no small offline model will: implicit ones, and those that
span sentences. On its own it is not auditable: it paraphrases, invents and gives
no offsets. Here the model only *proposes*; cogmap checks every proposal against
the text and builds the records itself:

* the article goes to the model as numbered sentences, one section at a time,
  each sentence marked with the turn and speaker cogmap found;
* a proposal's quote must be in the text (after normalising quotation marks,
  dashes and whitespace); if it is not, the proposal is aligned to the sentence it
  names when that sentence holds most of the quote's words, else dropped, and the
  dropped ones are counted; its cause and effect must be words of that passage;
* offsets, speakers and concepts are cogmap's; probabilities come from cogmap's
  scales (:mod:`cogmap.extract.hedges`) applied to the hedge words the model
  quotes, counted only where they are in the passage;
* every claim and forecast records who found it (``extractor``): ``llm:<model>``,
  the offline extractor, or both.

The client speaks ``POST /v1/chat/completions`` over httpx. Servers differ in how
they take a JSON schema, so each request tries ``response_format`` of type
``json_schema``, then ``json_object`` with the schema (llama.cpp's server answers
HTTP 500 to the first), then the schema in the prompt alone; the first form a
server accepts is kept for the rest of the run. Requests use temperature 0 and a
fixed seed; transient failures (timeouts, refused connections, HTTP 429/502/503/504)
are retried with exponential backoff. Answers are cached by model, prompt version
and the hash of the section's text (:class:`FileCache`, or the corpus store's table),
so reading an article again asks nothing.

A failure (server down, too slow, an answer that is not JSON, every form refused)
never loses the document: :meth:`Reader.read` returns the offline reading with a
:class:`Report` that says what happened. Only :func:`apply` with a reader of the
model alone (``only=True``, the command line's ``--llm-only``) raises
:class:`Unreachable` when the server cannot be reached at all. The API key is taken from
``COGMAP_LLM_API_KEY`` only, sent as a bearer token, and never printed or stored.

See ``docs/llm.md``.

Examples
--------
>>> s = Settings(url="http://127.0.0.1:8080", model="smollm2")
>>> s.endpoint
'http://127.0.0.1:8080/v1/chat/completions'
>>> [(x.n, x.start, x.end) for x in split_sentences("Rates rose. Mr. Roe left.\\n\\nPrices fell!")]
[(1, 0, 11), (2, 12, 25), (3, 27, 39)]
>>> find_quote("He said: “rates will rise”.", '"rates  will rise"')
(10, 25)
"""

from __future__ import annotations

import bisect
import hashlib
import json
import os
import re
import threading
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Callable, Literal, Optional, Protocol
from urllib.parse import urlsplit, urlunsplit

from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from cogmap.errors import CogmapError, InputError
from cogmap.extract import hedges
from cogmap.records import Claim, Concept, Document, Evidence, Forecast, Mention, denials_apart

__all__ = [
    "PROMPT_VERSION", "MODES", "ANSWER_SCHEMA", "Settings", "Client", "Reply", "Reader", "Report", "LLMError",
    "Unreachable",
    "FileCache", "default_cache_path", "split_sentences", "find_quote", "use", "apply",
]

#: Changes whenever the prompt or the answer schema does: part of every cache key.
PROMPT_VERSION = "1"
#: How the answer's JSON schema is given to the server, tried in this order.
MODES = ("json_schema", "json_object", "prompt")
SEED = 42
#: The longest answer asked for. A small model can loop on one phrase at temperature 0
#: and would write until its context is full (8,192 tokens took over ten minutes on two
#: cores); a section's claims fit in far fewer.
MAX_ANSWER_TOKENS = 4096
DEFAULT_TIMEOUT = 120.0
DEFAULT_CONCURRENCY = 4
DEFAULT_RETRIES = 2
#: A section is at most this many characters of numbered sentences: enough context
#: for links across sentences, small enough for a small model's window.
MAX_SECTION_CHARS = 6000
#: An unfound quote is aligned to its sentence when that sentence holds this share of its words.
ALIGN_SHARE = 0.6

URL_ENV, MODEL_ENV, KEY_ENV, CACHE_ENV = "COGMAP_LLM_URL", "COGMAP_LLM_MODEL", "COGMAP_LLM_API_KEY", "COGMAP_LLM_CACHE"


class LLMError(CogmapError):
    """The language model could not be asked, or did not answer usably."""


class Unreachable(LLMError):
    """No connection to the server could be made (nothing listening, unknown host, connect timeout).

    ``url`` is the address tried, fit to print; ``reason`` what the last attempt met.
    Exit status 2: the address, or the server to start, is the user's to fix.
    """

    exit_code = 2

    def __init__(self, message: str, url: str = "", reason: str = ""):
        super().__init__(message)
        self.url, self.reason = url, reason


# -- settings ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Settings:
    """Where the model is and how to ask it. ``api_key`` is never shown (``repr`` hides it)."""

    url: str
    model: str
    api_key: Optional[str] = field(default=None, repr=False)
    timeout: float = DEFAULT_TIMEOUT
    concurrency: int = DEFAULT_CONCURRENCY
    retries: int = DEFAULT_RETRIES
    #: Seconds before the first retry; doubled at each further one.
    backoff: float = 1.0

    @classmethod
    def from_env(cls, url: Optional[str] = None, model: Optional[str] = None, *, timeout: Optional[float] = None,
                 concurrency: Optional[int] = None, retries: Optional[int] = None, environ=None) -> "Settings":
        """Settings from arguments, else ``COGMAP_LLM_URL`` and ``COGMAP_LLM_MODEL``; the key from ``COGMAP_LLM_API_KEY``."""
        env = os.environ if environ is None else environ
        url = url or env.get(URL_ENV)
        model = model or env.get(MODEL_ENV)
        if not url:
            raise InputError(f"--llm needs a server: pass --llm-url URL or set {URL_ENV} (e.g. http://127.0.0.1:8080)")
        if not model:
            raise InputError(f"--llm needs a model name: pass --llm-model NAME or set {MODEL_ENV}")
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise InputError(f"--llm-url must be an http(s) address such as http://127.0.0.1:8080, not {_safe(url)!r}")
        s = cls(url=url, model=model, api_key=env.get(KEY_ENV) or None,
                timeout=DEFAULT_TIMEOUT if timeout is None else timeout,
                concurrency=DEFAULT_CONCURRENCY if concurrency is None else concurrency,
                retries=DEFAULT_RETRIES if retries is None else retries)
        if s.timeout <= 0 or s.concurrency < 1 or s.retries < 0:
            raise InputError("--llm-timeout must be above 0, --llm-concurrency at least 1, --llm-retries at least 0")
        return s

    @property
    def endpoint(self) -> str:
        """The chat-completions address: a base URL gets ``/v1/chat/completions``, one ending in ``/v1`` gets the rest."""
        base = self.url.rstrip("/")
        if base.endswith("/chat/completions"):
            return base
        return base + ("/chat/completions" if base.endswith("/v1") else "/v1/chat/completions")

    @property
    def label(self) -> str:
        """What claims record as their extractor."""
        return f"llm:{self.model}"


def _safe(url: str) -> str:
    """A URL fit to print: no user:password, no query string (either may hold a secret)."""
    try:
        p = urlsplit(url)
        host = p.hostname or ""
        if p.port:
            host += f":{p.port}"
        return urlunsplit((p.scheme, host, p.path, "", ""))
    except ValueError:
        return "<the configured URL>"


# -- the answer: its schema, and lenient validation --------------------------------------------

_NULLABLE = {"type": ["string", "null"]}
_CLAIM_SCHEMA = {
    "type": "object", "additionalProperties": False,
    "required": ["sentence", "quote", "cause", "effect", "sign", "hedge", "negated", "tense", "speaker"],
    "properties": {
        "sentence": {"type": "integer"}, "quote": {"type": "string"},
        "cause": {"type": "string"}, "effect": {"type": "string"},
        "sign": {"type": "string", "enum": ["+", "-"]}, "hedge": {"type": "string"},
        "negated": {"type": "boolean"}, "tense": {"type": "string", "enum": ["past", "present", "future"]},
        "speaker": _NULLABLE,
    },
}
_FORECAST_SCHEMA = {
    "type": "object", "additionalProperties": False,
    "required": ["sentence", "quote", "hedge", "negated", "horizon", "condition", "speaker"],
    "properties": {
        "sentence": {"type": "integer"}, "quote": {"type": "string"}, "hedge": {"type": "string"},
        "negated": {"type": "boolean"}, "horizon": _NULLABLE, "condition": _NULLABLE, "speaker": _NULLABLE,
    },
}
#: What the model must answer. Every property is required and nothing else allowed,
#: so that OpenAI's strict structured outputs accept it as it is.
ANSWER_SCHEMA = {
    "type": "object", "additionalProperties": False, "required": ["claims", "forecasts"],
    "properties": {"claims": {"type": "array", "items": _CLAIM_SCHEMA},
                   "forecasts": {"type": "array", "items": _FORECAST_SCHEMA}},
}


class _Proposal(BaseModel):
    # Lenient on purpose: small models add keys, write "3" for 3 or a list of hedge words.
    model_config = ConfigDict(extra="ignore")

    sentence: int
    quote: str
    hedge: str = ""
    negated: bool = False
    speaker: Optional[str] = None

    @field_validator("hedge", mode="before")
    @classmethod
    def _words(cls, v):
        if v is None:
            return ""
        return " ".join(map(str, v)) if isinstance(v, (list, tuple)) else v


class ProposedClaim(_Proposal):
    cause: str
    effect: str
    sign: Literal[1, -1]
    tense: Literal["past", "present", "future"] = "present"

    @field_validator("sign", mode="before")
    @classmethod
    def _sign(cls, v):
        low = str(v).strip().lower()
        if low in ("+", "1", "+1", "raises", "increases", "positive", "up", "more"):
            return 1
        if low in ("-", "-1", "lowers", "decreases", "negative", "down", "less"):
            return -1
        return v

    @field_validator("tense", mode="before")
    @classmethod
    def _tense(cls, v):
        return v if v in ("past", "present", "future") else "present"


class ProposedForecast(_Proposal):
    horizon: Optional[str] = None
    condition: Optional[str] = None


def parse_answer(content: str) -> dict:
    """The JSON object of a reply (code fences and chatter around it ignored), or ``ValueError``.

    >>> parse_answer('Sure! ```json\\n{"claims": [], "forecasts": []}\\n```')
    {'claims': [], 'forecasts': []}
    """
    text = (content or "").strip()
    a, b = text.find("{"), text.rfind("}")
    if a < 0:
        raise ValueError("the answer holds no JSON object")
    if b < a:
        raise ValueError("the answer is not valid JSON")  # cut off, most often
    try:
        data = json.loads(text[a:b + 1])
    except json.JSONDecodeError:
        raise ValueError("the answer is not valid JSON") from None
    if not isinstance(data, dict) or not ({"claims", "forecasts"} & data.keys()):
        raise ValueError("the answer does not follow the schema (no claims or forecasts)")
    out = {}
    for key in ("claims", "forecasts"):
        items = data.get(key) or []
        if not isinstance(items, list):
            raise ValueError(f"the answer does not follow the schema ({key} is not a list)")
        out[key] = [x for x in items if isinstance(x, dict)]
    return out


# -- the HTTP client ----------------------------------------------------------------------------

@dataclass
class Reply:
    """One section's answer: the parsed JSON, the form it was asked in, the tokens it cost."""

    answer: dict
    mode: str
    tokens: int = 0
    cached: bool = False


# Statuses by which a server refuses a form of response_format (llama.cpp: 500 to json_schema).
_REFUSALS = (400, 415, 422, 500, 501)
_TRANSIENT = (408, 429, 502, 503, 504)


class Client:
    """A small OpenAI-compatible chat-completions client over httpx.

    Parameters
    ----------
    settings : Settings
    transport : httpx.BaseTransport, optional
        For tests (``httpx.MockTransport``); the network otherwise.
    sleep : callable
        How to wait between retries (tests pass a no-op).
    """

    def __init__(self, settings: Settings, *, transport=None, sleep: Callable[[float], None] = time.sleep):
        import httpx

        self.settings = settings
        headers = {"Authorization": f"Bearer {settings.api_key}"} if settings.api_key else {}
        self._http = httpx.Client(timeout=httpx.Timeout(settings.timeout), transport=transport, headers=headers)
        self._sleep = sleep
        self._lock = threading.Lock()
        # At most `concurrency` requests in flight, however many documents ask at once.
        self._slots = threading.BoundedSemaphore(settings.concurrency)
        self.refused: set[str] = set()
        self.tokens = 0
        self.requests = 0

    def close(self) -> None:
        self._http.close()

    def _body(self, mode: str, system: str, user: str) -> dict:
        body: dict[str, Any] = {
            "model": self.settings.model, "temperature": 0, "seed": SEED, "max_tokens": MAX_ANSWER_TOKENS,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
        }
        if mode == "json_schema":
            body["response_format"] = {"type": "json_schema",
                                       "json_schema": {"name": "cogmap_answer", "strict": True, "schema": ANSWER_SCHEMA}}
        elif mode == "json_object":
            body["response_format"] = {"type": "json_object", "schema": ANSWER_SCHEMA}
        return body

    def _post(self, body: dict):
        """POST with retries on transient failures; the response, or ``LLMError``."""
        import httpx

        s, where = self.settings, _safe(self.settings.endpoint)
        last = reason = ""
        unreachable = False
        for attempt in range(s.retries + 1):
            # A server that took the connection and then failed is another case than one
            # never reached: only the latter tells `--llm-only` there is no model to read with.
            unreachable = False
            try:
                with self._slots:
                    r = self._http.post(s.endpoint, json=body)
                with self._lock:
                    self.requests += 1
            except httpx.ConnectTimeout:
                reason, unreachable = f"no connection within {s.timeout:g} s", True
                last = f"cannot reach {where} ({reason})"
            except httpx.TimeoutException:
                last = f"{where} gave no answer within {s.timeout:g} s"
            except httpx.TransportError as exc:
                reason = str(exc).split("] ")[-1] or type(exc).__name__
                last = f"cannot reach {where} ({reason})"
                unreachable = isinstance(exc, httpx.ConnectError)
            else:
                if r.status_code in (401, 403):
                    raise LLMError(f"{where} refused the request (HTTP {r.status_code}): check {KEY_ENV}")
                if r.status_code == 404:
                    raise LLMError(f"{where} answered HTTP 404: no chat-completions endpoint there, "
                                   f"or no model named {s.model!r}")
                if r.status_code not in _TRANSIENT:
                    return r
                last = f"{where} answered HTTP {r.status_code}"
                wait = r.headers.get("retry-after", "")
                if attempt < s.retries and wait.isdigit():
                    self._sleep(min(float(wait), 60.0))
                    continue
            if attempt < s.retries:
                self._sleep(s.backoff * 2 ** attempt)
        tries = s.retries + 1
        attempts = f"{tries} attempt{'s' if tries != 1 else ''}"
        if unreachable:
            raise Unreachable(f"{last} ({attempts})", url=where, reason=f"{reason}; {attempts}")
        raise LLMError(f"{last} ({attempts})")

    def chat(self, system: str, user: str, *, schema_text: str = "") -> Reply:
        """Ask once, falling back through :data:`MODES`; the first answer that parses wins.

        ``schema_text`` is appended to the system prompt in the modes where the
        schema is not (only) given as ``response_format``.
        """
        problems = []
        for mode in MODES:
            if mode in self.refused and mode != MODES[-1]:
                continue
            prompt = system if mode == "json_schema" else system + schema_text
            r = self._post(self._body(mode, prompt, user))
            if r.status_code >= 400:
                if mode != MODES[-1] and r.status_code in _REFUSALS:
                    with self._lock:
                        self.refused.add(mode)  # this server does not take that form: skip it from now on
                    problems.append(f"{mode}: HTTP {r.status_code}")
                    continue
                raise LLMError(f"{_safe(self.settings.endpoint)} answered HTTP {r.status_code}"
                               + (f" ({'; '.join(problems)})" if problems else ""))
            try:
                data = r.json()
                content = data["choices"][0]["message"]["content"]
                usage = data.get("usage") or {}
            except (ValueError, KeyError, IndexError, TypeError, AttributeError):
                problems.append(f"{mode}: not a chat-completions response")
                continue
            tokens = int(usage.get("total_tokens") or 0) if isinstance(usage, dict) else 0
            with self._lock:
                self.tokens += tokens
            try:
                return Reply(answer=parse_answer(content), mode=mode, tokens=tokens)
            except ValueError as exc:
                problems.append(f"{mode}: {exc}")
        raise LLMError(f"{_safe(self.settings.endpoint)} gave no usable answer ({'; '.join(problems)})")


# -- caches -------------------------------------------------------------------------------------

class Cache(Protocol):
    def get(self, key: str) -> Optional[dict]: ...
    def put(self, key: str, entry: dict) -> None: ...


def default_cache_path() -> Path:
    """``COGMAP_LLM_CACHE``, else ``$XDG_CACHE_HOME/cogmap/llm-answers.jsonl`` (``~/.cache`` by default)."""
    if os.environ.get(CACHE_ENV):
        return Path(os.environ[CACHE_ENV])
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "cogmap" / "llm-answers.jsonl"


class FileCache:
    """Answers for single documents, one JSON object a line (appended, so a killed run keeps what it had).

    A line that does not read (cut off by a crash) is skipped.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._entries: dict[str, dict] = {}
        try:
            with open(self.path, encoding="utf-8") as fh:
                for line in fh:
                    try:
                        row = json.loads(line)
                        self._entries[row["key"]] = row
                    except (ValueError, KeyError, TypeError):
                        continue
        except FileNotFoundError:
            pass
        except OSError as exc:
            raise InputError(f"cannot read the answer cache {self.path}: {exc.strerror or exc}") from None

    def get(self, key: str) -> Optional[dict]:
        return self._entries.get(key)

    def put(self, key: str, entry: dict) -> None:
        row = {"key": key, **entry}
        with self._lock:
            self._entries[key] = row
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                with open(self.path, "a", encoding="utf-8") as fh:
                    fh.write(json.dumps(row, ensure_ascii=False) + "\n")
            except OSError:
                pass  # a cache that cannot be written only costs a request next time


# -- sentences and grounding ---------------------------------------------------------------------

@dataclass(frozen=True)
class Sentence:
    n: int          # 1-based, over the whole document
    start: int
    end: int
    para: int


_SENT_END = re.compile(r"[.!?…]+[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])")
_ABBREV = frozenset("mr mrs ms dr prof sen rep gen gov st jr sr vs etc no inc ltd co corp lt col sgt capt "
                    "jan feb mar apr jun jul aug sep sept oct nov dec u.s e.g i.e approx dept".split())


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of a cleaned text: its lines are paragraphs, split at sentence ends.

    A rule rather than the parser, so that the numbering the model sees is cheap,
    and the same whenever the text is; abbreviations ("Mr.", "U.S.") and initials
    do not end a sentence.
    """
    out: list[Sentence] = []
    for k, m in enumerate(re.finditer(r"[^\n]+", text)):
        a = m.start()
        line = m.group(0)
        cuts = [0]
        for e in _SENT_END.finditer(line):
            word = re.search(r"([\w.]+)[.!?…]*$", line[:e.start() + 1])
            w = word.group(1).rstrip(".").lower() if word else ""
            if line[e.start()] == "." and (w in _ABBREV or (len(w) == 1 and w.isalpha())):
                continue
            cuts.append(e.end())
        cuts.append(len(line))
        for x, y in zip(cuts, cuts[1:]):
            seg = line[x:y]
            s, t = x + len(seg) - len(seg.lstrip()), x + len(seg.rstrip())
            if t > s:
                out.append(Sentence(n=len(out) + 1, start=a + s, end=a + t, para=k))
    return out


_FOLD = str.maketrans({"“": '"', "”": '"', "„": '"', "‟": '"', "«": '"', "»": '"', "″": '"',
                       "‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "`": "'",
                       "–": "-", "—": "-", "‐": "-", "‑": "-", "−": "-"})


def _normalise(s: str) -> tuple[str, list[int]]:
    """Quotation marks and dashes folded, whitespace runs made one space; with each character's origin."""
    chars, where = [], []
    space = True  # leading whitespace goes
    for i, ch in enumerate(s):
        if ch.isspace():
            if space:
                continue
            ch, space = " ", True
        else:
            ch, space = ch.translate(_FOLD), False
        chars.append(ch)
        where.append(i)
    if chars and chars[-1] == " ":
        chars.pop()
        where.pop()
    return "".join(chars), where


def _clean_quote(q: str) -> str:
    n, _ = _normalise(q)
    return n.strip(" \"'.,;:…")


class _Text:
    """A document's text, normalised once, searched for quotes."""

    def __init__(self, text: str):
        self.text = text
        self.norm, self.where = _normalise(text)
        low = self.norm.lower()
        self.low = low if len(low) == len(self.norm) else None  # lower() keeps lengths but for a few letters

    def _to_norm(self, pos: int) -> int:
        return bisect.bisect_left(self.where, pos)

    def find(self, quote: str, lo: int = 0, hi: Optional[int] = None) -> Optional[tuple[int, int]]:
        """``(start, end)`` in the original text of the normalised quote, searched in ``text[lo:hi]``."""
        q = _clean_quote(quote)
        if len(q) < 3:
            return None
        a, b = self._to_norm(lo), self._to_norm(len(self.text) if hi is None else hi)
        for hay, needle in ((self.norm, q), (self.low, q.lower())):
            if hay is None:
                continue
            p = hay.find(needle, a, b)
            if p >= 0:
                return self.where[p], self.where[p + len(needle) - 1] + 1
        return None


def find_quote(text: str, quote: str) -> Optional[tuple[int, int]]:
    """Where ``quote`` is in ``text`` once quotation marks and whitespace are normalised (case kept first)."""
    return _Text(text).find(quote)


_WORDS = re.compile(r"[^\W_]+(?:['’-][^\W_]+)*")


def _content(text: str) -> set[str]:
    from cogmap.extract.concepts import stem
    from cogmap.extract.nlp import import_spacy

    import_spacy()  # (first, so that torch is not imported with it)
    from spacy.lang.en.stop_words import STOP_WORDS

    return {stem(w) for w in (x.lower().replace("’", "'") for x in _WORDS.findall(text))
            if w not in STOP_WORDS and len(w) > 1}


def _words(text: str) -> list[str]:
    return [w.lower().replace("’", "'") for w in _WORDS.findall(text)]


_NEGATION = re.compile(r"\b(?:not|no|never|neither|nor|cannot|without)\b|n['’]t\b", re.I)
_POSSIBLE = frozenset({"may", "might", "could", "possible", "possibly", "perhaps", "maybe", "would"})


# -- the report ----------------------------------------------------------------------------------

@dataclass
class Report:
    """What reading one document with the model did."""

    source: str
    model: str
    sections: int = 0
    cached: int = 0
    tokens: int = 0
    seconds: float = 0.0
    modes: Counter = field(default_factory=Counter)
    proposed: int = 0
    grounded: int = 0
    aligned: int = 0
    dropped: Counter = field(default_factory=Counter)   # reason -> count
    claims: int = 0
    forecasts: int = 0
    both: int = 0            # claims and forecasts the offline extractor found too
    error: Optional[str] = None
    #: Set when the server could not be reached at all (:class:`Unreachable`); ``error`` says where.
    unreachable: Optional["Unreachable"] = None

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def n_dropped(self) -> int:
        return sum(self.dropped.values())

    def line(self) -> str:
        """One line for the terminal."""
        if self.error:
            return (f"llm ({self.model}): {self.error}; kept the offline reading of {self.source}"
                    " (run again to retry)")
        how = ", ".join(m for m, _ in self.modes.most_common()) or ("cache" if self.cached else "no requests")
        drop = ""
        if self.dropped:
            drop = " (" + ", ".join(f"{n} {why}" for why, n in self.dropped.most_common()) + ")"
        return (f"llm ({self.model}, {how}): {self.claims} claims, {self.forecasts} forecasts "
                f"({self.both} also found offline); {self.grounded} quotes found, {self.aligned} aligned "
                f"to their sentence, {self.n_dropped} dropped{drop}; {self.sections} sections, "
                f"{self.cached} from cache, {self.tokens:,} tokens, {self.seconds:.1f} s")


# -- the reader ----------------------------------------------------------------------------------

SYSTEM_PROMPT = """You read expert commentary and list the causal claims and the forecasts it states.

A causal claim: the text says that one thing (the cause) changes another (the effect). "sign" is "+" when more of the cause means more of the effect (raises, leads to, makes likelier, strengthens) and "-" when it means less (lowers, prevents, weakens).
A forecast: a statement of what will or will not happen.

Rules:
- Only what the text states; add nothing of your own knowledge. Questions are not forecasts.
- "quote": copy the exact words of the text that state it, character for character, from one sentence or from consecutive ones. "sentence": the number of the sentence where the quote starts.
- "cause" and "effect": short noun phrases in the text's own words.
- "hedge": the words of the quote that say how likely it is ("probably", "may", "almost certainly"), or "" if none.
- "negated": true when the text says the link does not hold or the event will not happen.
- "tense": "past", "present" or "future".
- "speaker": who says it, one of the speakers listed, or null.
- "horizon": the time stated ("by next year") or null; "condition": the "if" or "unless" clause or null.
Answer with one JSON object with the keys "claims" and "forecasts" (lists, empty if there are none), and nothing else."""


@dataclass
class Section:
    key: str
    user: str
    first: int      # sentence numbers, inclusive
    last: int


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def cache_key(model: str, user: str) -> str:
    """The cache key of a section: model, prompt version and the hash of the section's text."""
    return _hash(f"{model}\n{PROMPT_VERSION}\n{_hash(user)}")


class Reader:
    """Reads documents with a language model and grounds what it proposes.

    Parameters
    ----------
    settings : Settings
    scale : str
        The probability scale for hedge words (see :mod:`cogmap.extract.hedges`).
    only : bool
        Keep only the model's claims and forecasts; by default they are merged with
        the offline extractor's (a link both found is one, recording both).
    cache : object with ``get(key)`` and ``put(key, entry)``, optional
        Where answers are kept (:class:`FileCache`; the store has its own).
    client : Client, optional
        Made from ``settings`` when not given (tests pass one over a mock transport).
    """

    def __init__(self, settings: Settings, *, scale: str = "icd203", only: bool = False,
                 cache: Optional[Cache] = None, client: Optional[Client] = None):
        self.settings = settings
        self.scale = scale
        self.only = only
        self.cache = cache
        self.client = client or Client(settings)
        self.schema_text = "\n\nThe JSON object must follow this JSON schema:\n" + json.dumps(ANSWER_SCHEMA)

    @property
    def label(self) -> str:
        return self.settings.label

    # -- asking

    def sections(self, doc: Document, sentences: Optional[list[Sentence]] = None) -> list[Section]:
        """The document as numbered sentences with their turn and speaker, cut into sections."""
        sentences = split_sentences(doc.text) if sentences is None else sentences
        speakers = sorted({t.speaker for t in doc.turns if t.speaker} | {q.speaker for q in doc.quotes if q.speaker})
        lines = []
        for s in sentences:
            turn = doc.turn_at(s.start)
            who = doc.speaker_of(s.start)
            tag = turn.kind if turn else "text"
            body = " ".join(doc.text[s.start:s.end].split())
            lines.append((s, f"[{s.n}] ({tag}{', ' + who if who else ''}) {body}"))
        groups: list[list] = []
        size = 0
        for k, (s, line) in enumerate(lines):
            new_para = k == 0 or s.para != lines[k - 1][0].para
            if not groups or (size + len(line) > MAX_SECTION_CHARS and (new_para or size > MAX_SECTION_CHARS)):
                groups.append([])
                size = 0
            groups[-1].append((s, line))
            size += len(line) + 1
        head = (f"Article: {doc.title}\n" if doc.title else "") + \
            f"Speakers cogmap found: {', '.join(speakers) if speakers else 'none'}.\n"
        out = []
        for k, g in enumerate(groups, 1):
            user = (head + f"Section {k} of {len(groups)}. Each line is one sentence: its number, "
                    "then the turn and who speaks.\n\n" + "\n".join(line for _, line in g))
            out.append(Section(key=cache_key(self.settings.model, user), user=user, first=g[0][0].n, last=g[-1][0].n))
        return out

    def ask(self, section: Section) -> Reply:
        """The answer to one section: from the cache, or from the server (then cached)."""
        if self.cache is not None:
            hit = self.cache.get(section.key)
            if hit is not None and isinstance(hit.get("answer"), dict):
                return Reply(answer=hit["answer"], mode=hit.get("mode") or "cache", tokens=0, cached=True)
        reply = self.client.chat(SYSTEM_PROMPT, section.user, schema_text=self.schema_text)
        if self.cache is not None:
            self.cache.put(section.key, {"model": self.settings.model, "prompt_version": PROMPT_VERSION,
                                         "mode": reply.mode, "tokens": reply.tokens, "answer": reply.answer})
        return reply

    def read(self, doc: Document, *, scale: Optional[str] = None, offline: Optional[str] = None,
             on_reply: Optional[Callable[[Reply], None]] = None) -> tuple[Document, Report]:
        """The document read by the model and merged (or replaced, with ``only``); never raises for the model.

        On any failure the document comes back unchanged, with ``report.error`` saying why.
        ``offline`` names the offline extractor for the ``extractor`` field (``learned``, ``rules``).
        """
        t0 = time.perf_counter()
        report = Report(source=doc.source, model=self.settings.model)
        sentences = split_sentences(doc.text)
        sections = self.sections(doc, sentences)
        report.sections = len(sections)
        replies: list[Optional[Reply]] = [None] * len(sections)
        errors: list[LLMError] = []

        def one(k: int) -> None:
            try:
                replies[k] = self.ask(sections[k])
            except LLMError as exc:
                errors.append(exc)
                return
            if on_reply is not None:
                on_reply(replies[k])

        if sections:
            with ThreadPoolExecutor(max_workers=min(self.settings.concurrency, len(sections)),
                                    thread_name_prefix="cogmap-llm") as pool:
                list(pool.map(one, range(len(sections))))
        for r in replies:
            if r is not None:
                report.tokens += r.tokens
                report.cached += r.cached
                if not r.cached:
                    report.modes[r.mode] += 1
        if errors:
            report.error = str(errors[0])
            report.unreachable = errors[0] if isinstance(errors[0], Unreachable) else None
            report.seconds = time.perf_counter() - t0
            return doc, report
        new = _Grounding(doc, sentences, scale or self.scale, self.label, offline or "offline", report).build(
            [(s, r.answer) for s, r in zip(sections, replies)], only=self.only)
        report.seconds = time.perf_counter() - t0
        return new, report

    def close(self) -> None:
        self.client.close()


# -- grounding and merging -----------------------------------------------------------------------

@dataclass
class _Found:
    kind: str                      # "claim" or "forecast"
    start: int
    end: int
    proposal: Any
    cause_text: str = ""
    effect_text: str = ""


class _Grounding:
    """Turns one document's answers into records, checked against its text, and merges them."""

    def __init__(self, doc: Document, sentences: list[Sentence], scale: str, label: str, offline: str,
                 report: Report):
        self.doc, self.sentences, self.scale, self.label, self.offline = doc, sentences, scale, label, offline
        self.report = report
        self.text = _Text(doc.text)
        self.starts = [s.start for s in sentences]
        self.speakers = {t.speaker for t in doc.turns if t.speaker} | {q.speaker for q in doc.quotes if q.speaker}

    def _drop(self, why: str) -> None:
        self.report.dropped[why] += 1

    def _sentence_at(self, pos: int) -> int:
        return max(0, bisect.bisect_right(self.starts, pos) - 1)

    def _expand(self, a: int, b: int) -> tuple[int, int]:
        """The sentences that hold ``text[a:b]``."""
        i, j = self._sentence_at(a), self._sentence_at(max(a, b - 1))
        return self.sentences[i].start, self.sentences[j].end

    def _locate(self, p, section: Section) -> Optional[tuple[int, int]]:
        sents = self.sentences
        n = p.sentence if 1 <= p.sentence <= len(sents) else None
        sec = (sents[section.first - 1].start, sents[section.last - 1].end)
        near = (sents[n - 1].start, sents[min(n + 1, len(sents)) - 1].end) if n else sec
        for lo, hi in (near, sec, (0, len(self.doc.text))):
            hit = self.text.find(p.quote, lo, hi)
            if hit:
                self.report.grounded += 1
                return self._expand(*hit)
        if n and section.first <= n <= section.last:
            words = _content(p.quote)
            s = sents[n - 1]
            if words and len(words & _content(self.doc.text[s.start:s.end])) >= ALIGN_SHARE * len(words):
                self.report.aligned += 1
                return s.start, s.end
        self._drop("quotes not in the text")
        return None

    def _side(self, phrase: str, a: int, b: int) -> Optional[str]:
        """The side's words as written in ``text[a:b]``, the phrase itself if it shares a word with it, else None."""
        hit = self.text.find(phrase, a, b)
        if hit:
            return self.doc.text[hit[0]:hit[1]]
        words = _content(phrase)
        if words and words & _content(self.doc.text[a:b]):
            return " ".join(phrase.split())
        return None

    def _ground(self, answers: list[tuple[Section, dict]]) -> list[_Found]:
        found = []
        for section, answer in answers:
            for kind, model in (("claim", ProposedClaim), ("forecast", ProposedForecast)):
                for item in answer.get(kind + "s") or []:
                    self.report.proposed += 1
                    try:
                        p = model.model_validate(item)
                    except ValidationError:
                        self._drop("not in the schema")
                        continue
                    span = self._locate(p, section)
                    if span is None:
                        continue
                    a, b = span
                    if kind == "forecast":
                        turn = self.doc.turn_at(a)
                        if turn is not None and turn.kind == "question":
                            self._drop("questions")
                            continue
                        found.append(_Found(kind, a, b, p))
                        continue
                    sides = []
                    for phrase in (p.cause, p.effect):
                        words = self._side(phrase, a, b)
                        if words is None:
                            # A link across a sentence boundary: the side may be in the sentence before.
                            k = self._sentence_at(a)
                            if k > 0:
                                words = self._side(phrase, self.sentences[k - 1].start, a)
                                if words is not None:
                                    a = self.sentences[k - 1].start
                        sides.append(words)
                    if None in sides or _content(sides[0]) == _content(sides[1]):
                        self._drop("causes or effects not in the quoted words")
                        continue
                    found.append(_Found(kind, a, b, p, sides[0], sides[1]))
        return found

    def _probability(self, p, a: int, b: int, need_hedge: bool) -> tuple[Optional[float], str, bool]:
        """Probability and hedge phrase from the model's hedge words that are in ``text[a:b]``."""
        here = set(_words(self.doc.text[a:b]))
        words = [w for w in _words(p.hedge) if w in here]
        negated = bool(p.negated and _NEGATION.search(self.doc.text[a:b]))
        table = hedges.SCALES[self.scale]
        scored = [w for w in words if w in table and w != "will"]
        if need_hedge and not scored:
            return None, "", negated
        prob, term = hedges.probability(words, negated=negated, scale=self.scale)
        return prob, term, negated

    def build(self, answers: list[tuple[Section, dict]], only: bool) -> Document:
        from cogmap.extract.concepts import ConceptMerger, negation_sign
        from cogmap.extract.nlp import parse

        doc, report = self.doc, self.report
        found = self._ground(answers)
        claims_found = [f for f in found if f.kind == "claim"]
        base_concepts = [] if only else list(doc.concepts)
        base_claims = [] if only else [*doc.claims, *doc.denials]  # apart again at the end
        base_forecasts = [] if only else list(doc.forecasts)

        # Concepts: the model's wordings merge into the offline concepts by cogmap's own rules.
        merger = ConceptMerger()
        phrases = [w for c in base_concepts for w in [c.label, *c.aliases]] + \
            [t for f in claims_found for t in (f.cause_text, f.effect_text)]
        parsed = dict(zip(phrases, parse(phrases))) if phrases else {}
        group_of: dict[int, str] = {}
        for c in base_concepts:
            for w in [c.label, *c.aliases]:
                group_of.setdefault(merger.add(list(parsed[w]), label=c.label if w == c.label else None), c.id)
        sides = [(merger.add(list(parsed[f.cause_text])), merger.add(list(parsed[f.effect_text])))
                 for f in claims_found]
        merged = merger.concepts()
        by_position: dict[int, Concept] = {}
        for g, cid in group_of.items():
            by_position.setdefault(merger.index[g], next(c for c in base_concepts if c.id == cid))
        concepts = {c.id: c.model_copy(deep=True) for c in base_concepts}
        for k, con in enumerate(merged):
            if k not in by_position:
                cid, n = con.id, 1
                while cid in concepts:
                    n += 1
                    cid = f"{con.id}-{n}"
                by_position[k] = concepts.setdefault(cid, con.model_copy(update={"id": cid}))
        for f, (gc, ge) in zip(claims_found, sides):
            for g, words in ((gc, f.cause_text), (ge, f.effect_text)):
                con = concepts[by_position[merger.index[g]].id]
                if words != con.label and words not in con.aliases:
                    con.aliases = sorted({*con.aliases, words})

        # Claims: one found by both readers is the offline one, marked with both.
        claims = [c.model_copy(update={"extractor": c.extractor or self.offline}) for c in base_claims]
        for f, (gc, ge) in zip(claims_found, sides):
            cause, effect = by_position[merger.index[gc]], by_position[merger.index[ge]]
            if cause.id == effect.id:
                self._drop("causes or effects not in the quoted words")
                continue
            p = f.proposal
            # The merger names "unemployment" by "employment": the link's sign turns with the
            # name, the claim keeps the sign as worded (records.Claim.link_polarity).
            signs = negation_sign(list(parsed[f.cause_text])), negation_sign(list(parsed[f.effect_text]))
            sign = p.sign * signs[0] * signs[1]
            prob, term, negated = self._probability(p, f.start, f.end, need_hedge=True)
            same = next((c for c in claims if c.link_polarity == sign and c.evidence.start < f.end
                         and f.start < c.evidence.end and self._agree(c, cause, effect, f)), None)
            if same is not None:
                if self.label not in same.extractor.split("+"):
                    same.extractor = f"{same.extractor}+{self.label}"
                continue
            modality = "negated" if negated else ("possible" if term in _POSSIBLE else "likely") if prob is not None \
                else "asserted"
            who = doc.speaker_in(f.start, f.end)
            if who is None and p.speaker in self.speakers:
                who = p.speaker
            claims.append(Claim(
                id="", cause=Mention(concept=cause.id, label=cause.label, text=f.cause_text, sign=signs[0]),
                effect=Mention(concept=effect.id, label=effect.label, text=f.effect_text, sign=signs[1]),
                polarity=p.sign, modality=modality, tense=p.tense, probability=prob, speaker=who,
                evidence=Evidence(text=doc.text[f.start:f.end], start=f.start, end=f.end), extractor=self.label))
        claims, denials = denials_apart(claims)

        # Forecasts: one found by both (overlapping sentences) is the offline one, marked with both.
        forecasts = [f.model_copy(update={"extractor": f.extractor or self.offline}) for f in base_forecasts]
        for f in (x for x in found if x.kind == "forecast"):
            p = f.proposal
            same = next((g for g in forecasts if g.evidence.start < f.end and f.start < g.evidence.end), None)
            if same is not None:
                if self.label not in same.extractor.split("+"):
                    same.extractor = f"{same.extractor}+{self.label}"
                continue
            prob, term, _ = self._probability(p, f.start, f.end, need_hedge=False)
            statement = doc.text[f.start:f.end]
            low = statement.lower()
            ids = sorted({c.cause.concept for c in claims if c.evidence.start < f.end and f.start < c.evidence.end}
                         | {c.effect.concept for c in claims if c.evidence.start < f.end and f.start < c.evidence.end}
                         | {c.id for c in concepts.values() if len(c.label) > 3 and c.label.lower() in low})
            who = doc.speaker_in(f.start, f.end)
            if who is None and p.speaker in self.speakers:
                who = p.speaker
            forecasts.append(Forecast(
                id="", statement=statement, concepts=ids, probability=prob, hedge=term,
                horizon=self._in_text(p.horizon, f.start, f.end), condition=self._in_text(p.condition, f.start, f.end),
                speaker=who, evidence=Evidence(text=statement, start=f.start, end=f.end), extractor=self.label))
        forecasts.sort(key=lambda f: (f.evidence.start, f.evidence.end))
        for n, f in enumerate(forecasts, 1):
            f.id = f"f{n}"

        used = {m.concept for c in [*claims, *denials] for m in (c.cause, c.effect)}
        for f in forecasts:
            f.concepts = [cid for cid in f.concepts if cid in used]
        report.claims, report.forecasts = len(claims), len(forecasts)
        report.both = sum("+" in (x.extractor or "") for x in [*claims, *forecasts])
        return doc.model_copy(update={
            "concepts": [c for c in concepts.values() if c.id in used], "claims": claims, "denials": denials,
            "forecasts": forecasts})

    def _agree(self, c: Claim, cause: Concept, effect: Concept, f: _Found) -> bool:
        """Do an offline claim and a proposal name the same two things (same concept or a shared word)?"""
        def same(m: Mention, con: Concept, words: str) -> bool:
            return m.concept == con.id or bool(_content(f"{m.text} {m.label}") & _content(words))
        return same(c.cause, cause, f.cause_text) and same(c.effect, effect, f.effect_text)

    def _in_text(self, phrase: Optional[str], a: int, b: int) -> Optional[str]:
        if not phrase:
            return None
        hit = self.text.find(phrase, a, b)
        return self.doc.text[hit[0]:hit[1]] if hit else None


# -- the switch the command line turns on ------------------------------------------------------

_active: Optional[Reader] = None
_on_report: Optional[Callable[[Report], None]] = None


def use(reader: Optional[Reader], on_report: Optional[Callable[[Report], None]] = None) -> None:
    """Make :func:`cogmap.extract` read every article with ``reader`` in this process (``None``: stop).

    The command line's ``--llm`` does this, so that ``extract``, ``map`` and ``report``
    of an article all take the same path; ``on_report`` hears how each document went.
    """
    global _active, _on_report
    _active, _on_report = reader, on_report


def apply(doc: Document, llm=None, *, scale: str = "icd203", extractor: Optional[str] = None) -> Document:
    """The pipeline's last step: ``doc`` read with the model, if one is asked for (else ``doc`` itself).

    ``llm`` is a :class:`Reader`, :class:`Settings`, or ``None`` for the one :func:`use` set.

    Raises
    ------
    Unreachable
        When the reader is for the model alone (``only=True``, ``--llm-only``) and its
        server cannot be reached: the offline reading would pass for the one asked for.
        Any other failure keeps the offline reading and says so in the report.
    """
    reader = llm if isinstance(llm, Reader) else Reader(llm, scale=scale) if isinstance(llm, Settings) else _active
    if reader is None:
        return doc
    new, report = reader.read(doc, scale=scale, offline=extractor)
    if reader.only and report.unreachable is not None:
        gone = report.unreachable
        raise Unreachable(f"--llm-only: could not reach the language model's server at {gone.url} ({gone.reason}), "
                          "so nothing was written; start the server or correct --llm-url, or use --llm to fall "
                          "back to the offline reading", url=gone.url, reason=gone.reason)
    if _on_report is not None and reader is _active:
        _on_report(report)
    return new
