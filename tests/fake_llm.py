"""A fake OpenAI-compatible chat-completions server for the language-model tests.

It answers with recorded answers: a function of the sections it is sent (the
numbered sentences cogmap writes), so a test says which sentence a claim is in
without hard-coding numbers. The same object serves through
``httpx.MockTransport`` (in-process) or as a real HTTP server on 127.0.0.1 in a
thread. It can refuse forms of ``response_format`` with HTTP 500 (as llama.cpp's
server does to ``json_schema``), answer broken JSON, fail with any status, or be slow.
"""
from __future__ import annotations

import json
import re
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import httpx

LINE = re.compile(r"^\[(\d+)\] \([^)]*\) (.*)$", re.M)


def sentences(user: str) -> dict[int, str]:
    """The numbered sentences of one section, as cogmap sent them."""
    return {int(m.group(1)): m.group(2) for m in LINE.finditer(user)}


def number_of(user: str, words: str):
    """The number of the sentence of this section that contains ``words`` (None if not here)."""
    return next((n for n, s in sentences(user).items() if words in s), None)


def claim(sentence, quote, cause, effect, sign="+", hedge="", negated=False, tense="present", speaker=None):
    return {"sentence": sentence, "quote": quote, "cause": cause, "effect": effect, "sign": sign, "hedge": hedge,
            "negated": negated, "tense": tense, "speaker": speaker}


def forecast(sentence, quote, hedge="", negated=False, horizon=None, condition=None, speaker=None):
    return {"sentence": sentence, "quote": quote, "hedge": hedge, "negated": negated, "horizon": horizon,
            "condition": condition, "speaker": speaker}


class FakeLLM:
    """Parameters: ``answer(user) -> dict`` (the model's JSON), ``refuse`` (modes answered
    with HTTP 500), ``content`` (raw text to answer instead, e.g. broken JSON), ``status``
    (answer every request with it), ``delay`` (seconds before answering)."""

    def __init__(self, answer=None, *, refuse=(), content=None, status=None, delay=0.0):
        self.answer = answer or (lambda user: {"claims": [], "forecasts": []})
        self.refuse = set(refuse)
        self.content = content
        self.status = status
        self.delay = delay
        self.requests: list[dict] = []   # {"mode", "body", "headers"}
        self.lock = threading.Lock()
        self.in_flight = self.most_in_flight = 0

    @property
    def modes(self) -> list[str]:
        return [r["mode"] for r in self.requests]

    def respond(self, path: str, body: dict, headers: dict) -> tuple[int, dict]:
        mode = (body.get("response_format") or {}).get("type", "prompt")
        with self.lock:
            self.requests.append({"mode": mode, "body": body, "headers": headers, "path": path})
            self.in_flight += 1
            self.most_in_flight = max(self.most_in_flight, self.in_flight)
        try:
            if self.delay:
                time.sleep(self.delay)
            return self._answer(path, mode, body)
        finally:
            with self.lock:
                self.in_flight -= 1

    def _answer(self, path: str, mode: str, body: dict) -> tuple[int, dict]:
        if self.status:
            return self.status, {"error": {"message": "as told"}}
        if not path.endswith("/v1/chat/completions"):
            return 404, {"error": "not found"}
        if mode in self.refuse:
            return 500, {"error": {"message": "JSON schema conversion failed"}}
        user = body["messages"][-1]["content"]
        content = self.content if self.content is not None else json.dumps(self.answer(user))
        return 200, {"id": "x", "object": "chat.completion", "model": body.get("model"),
                     "choices": [{"index": 0, "message": {"role": "assistant", "content": content},
                                  "finish_reason": "stop"}],
                     "usage": {"prompt_tokens": 90, "completion_tokens": 10, "total_tokens": 100}}

    def transport(self) -> httpx.MockTransport:
        def handle(request: httpx.Request) -> httpx.Response:
            status, data = self.respond(request.url.path, json.loads(request.content), dict(request.headers))
            return httpx.Response(status, json=data)

        return httpx.MockTransport(handle)

    @contextmanager
    def serve(self):
        """A real HTTP server on 127.0.0.1 (a free port) in a thread; yields its base URL."""
        fake = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self):
                n = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(n) or b"{}")
                status, data = fake.respond(self.path, body, {k.lower(): v for k, v in self.headers.items()})
                raw = json.dumps(data).encode()
                try:
                    self.send_response(status)
                    self.send_header("content-type", "application/json")
                    self.send_header("content-length", str(len(raw)))
                    self.end_headers()
                    self.wfile.write(raw)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (a timeout test)

            def log_message(self, *args):
                pass

        server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        server.daemon_threads = True
        thread = threading.Thread(target=server.serve_forever, daemon=True)
        thread.start()
        try:
            yield f"http://127.0.0.1:{server.server_address[1]}"
        finally:
            server.shutdown()
            server.server_close()
