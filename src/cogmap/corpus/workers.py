"""Adding many files: extraction in worker processes or on a Dask cluster.

Only the parent process writes to the store; workers extract and send back the
document's JSON, so a crashed worker never leaves a half-written row. Each process
resolves the extractor (and spaCy's model) once.
"""

from __future__ import annotations

import glob
import hashlib
import importlib
import os
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Optional

from cogmap.errors import CogmapError, InputError
from cogmap.records import Document

__all__ = ["AddReport", "content_hash", "expand_paths", "load_extractor", "run_pool", "run_dask"]

SUFFIXES = (".txt", ".html", ".htm")

#: Environment variable naming the extractor as ``module:function``. Only the
#: tests set it (to a fast fake); normally it is unset and
#: ``cogmap.extract.pipeline:extract`` is used.
EXTRACTOR_ENV = "COGMAP_EXTRACTOR"
DEFAULT_EXTRACTOR = "cogmap.extract.pipeline:extract"


@dataclass
class AddReport:
    """What :meth:`Store.add` did: sources added, already there, failed."""

    added: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    seconds: float = 0.0
    workers: int = 0
    peak_worker_memory: int = 0  # bytes, the largest resident set of one worker

    @property
    def total(self) -> int:
        return len(self.added) + len(self.unchanged) + len(self.failed)

    @property
    def docs_per_second(self) -> float:
        return self.total / self.seconds if self.seconds > 0 else 0.0



def content_hash(text: str | bytes) -> str:
    """SHA-256 hex digest of text (UTF-8) or bytes.

    >>> content_hash("a")[:12]
    'ca978112ca1b'
    """
    if isinstance(text, str):
        text = text.encode("utf-8")
    return hashlib.sha256(text).hexdigest()


def _a_report(path: Path) -> bool:
    """A report ``cogmap report`` wrote, kept beside the articles: a folder's search skips
    it (named on its own, it is refused with its reason)."""
    if path.suffix.lower() not in (".html", ".htm"):
        return False
    from cogmap.extract.ingest import is_report

    try:
        with open(path, "rb") as fh:
            return is_report(fh.read(4096).decode("utf-8", "replace"))
    except OSError:
        return False  # unreadable: extraction says why


def expand_paths(paths: Iterable[str | os.PathLike]) -> list[Path]:
    """Files, folders (recursively: .txt, .html, .htm; not the reports cogmap writes) and
    globs, as a sorted list of files.

    A path that is neither an existing file or folder nor a glob matching
    something is an :class:`~cogmap.errors.InputError`.
    """
    out: list[Path] = []
    seen: set[Path] = set()

    def push(p: Path) -> None:
        key = p.resolve()
        if key not in seen:
            seen.add(key)
            out.append(p)

    def walk(folder: Path) -> None:
        for p in sorted(folder.rglob("*")):
            if p.is_file() and p.suffix.lower() in SUFFIXES and not _a_report(p):
                push(p)

    for raw in paths:
        p = Path(raw)
        if p.is_file():
            push(p)
        elif p.is_dir():
            walk(p)
        elif os.path.lexists(p):
            # Named on purpose but no regular file (a device, a FIFO, a symlink loop):
            # extraction refuses it with its reason, and `add` counts it as failed.
            out.append(p)
        else:
            matches = sorted(glob.glob(str(raw), recursive=True))
            if not matches:
                raise InputError(f"no such file or folder: {raw}")
            for m in matches:
                mp = Path(m)
                if mp.is_dir():
                    walk(mp)
                elif mp.is_file():
                    push(mp)
                elif len(matches) == 1 and m == str(raw):
                    out.append(mp)  # the pattern named this one thing: refused with its reason
    return out



def load_extractor(spec: str | None = None) -> Callable[..., Document]:
    """The extraction function named ``module:function`` (default: ``cogmap.extract.pipeline:extract``)."""
    spec = spec or os.environ.get(EXTRACTOR_ENV) or DEFAULT_EXTRACTOR
    module, _, name = spec.partition(":")
    try:
        return getattr(importlib.import_module(module), name or "extract")
    except (ImportError, AttributeError) as exc:
        raise CogmapError(f"cannot load extractor {spec}: {exc}") from None


def _peak_rss() -> int:
    """Peak resident set size of this process, in bytes."""
    try:
        import resource
        import sys

        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return rss if sys.platform == "darwin" else rss * 1024
    except Exception:  # pragma: no cover - not on every platform
        return 0


# Worker side: each process resolves the extractor once and keeps it (and so
# spaCy's model, which the pipeline loads once per process).
_EXTRACTORS: dict[str, Callable[..., Document]] = {}


def _worker_init(spec: str | None) -> None:
    import signal

    # Ctrl-C reaches every process of the terminal's group: the parent stops the run and
    # says so in one line; a worker that took it too would print its own traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _exit_with_parent()
    try:
        _extractor(spec)
    except Exception:  # reported per document instead: a failing initializer breaks the pool
        pass


def _exit_with_parent(every: float = 0.5) -> None:
    """End this worker soon after its parent dies (a SIGKILLed ``add``), instead of
    idling for minutes with the pool's memory; polling the parent id works on every POSIX
    system, where ``prctl(PR_SET_PDEATHSIG)`` is Linux only."""
    import threading

    parent = os.getppid()

    def watch() -> None:
        while True:
            time.sleep(every)
            if os.getppid() != parent:
                os._exit(1)

    threading.Thread(target=watch, name="cogmap-parent-watch", daemon=True).start()


def _extractor(spec: str | None) -> Callable[..., Document]:
    """The extractor named ``spec``, resolved and warmed up once per process."""
    spec = spec or os.environ.get(EXTRACTOR_ENV) or DEFAULT_EXTRACTOR
    fn = _EXTRACTORS.get(spec)
    if fn is not None:
        return fn
    fn = _EXTRACTORS[spec] = load_extractor(spec)
    # Load the language model now, once per process, rather than inside the first document.
    warm = getattr(importlib.import_module(fn.__module__), "warm_up", None)
    if warm is None and fn.__module__.startswith("cogmap."):
        warm = getattr(importlib.import_module("cogmap.extract.nlp"), "load", None) if _has_module("cogmap.extract.nlp") else None
    if callable(warm):
        try:
            warm()
        except Exception:  # the first document will report the problem
            pass
    return fn


def _has_module(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def _extract_path(source: str, spec: str | None = None,
                  options: Optional[dict] = None) -> tuple[str, Optional[str], Optional[str], int]:
    """Extract one file; returns ``(source, document JSON or None, error or None, peak RSS)``.

    ``options`` are keyword arguments for the extractor (``aliases``); an
    extractor of one's own only gets them when they are set.

    A ``.json`` file given by name is taken as an already extracted
    ``cogmap.document/1`` (the output of ``cogmap extract``) and only validated.
    """
    try:
        if source.lower().endswith(".json"):
            try:
                doc = Document.load(source)
            except InputError as exc:
                return source, None, _describe(exc, source), _peak_rss()
            return source, doc.model_dump_json(by_alias=True), None, _peak_rss()
        doc = _extractor(spec)(Path(source), source=source, **(options or {}))
        return source, doc.model_dump_json(by_alias=True), None, _peak_rss()
    except Exception as exc:  # one bad document must not stop the corpus
        return source, None, _describe(exc, source), _peak_rss()


def _extract_bytes(source: str, data: bytes, spec: str | None = None, options: Optional[dict] = None):
    """Extract file contents sent to a remote (dask) worker.

    The bytes are written to a temporary file with the original suffix, so the
    pipeline's own file handling (encoding detection, HTML) applies unchanged.
    """
    import tempfile

    suffix = Path(source).suffix or ".txt"
    fd, tmp = tempfile.mkstemp(suffix=suffix, prefix="cogmap-")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        try:
            doc = _extractor(spec)(Path(tmp), source=source, **(options or {}))
            doc = doc.model_copy(update={"source": source})
            return source, doc.model_dump_json(by_alias=True), None, _peak_rss()
        except Exception as exc:
            return source, None, _describe(exc, source), _peak_rss()
    finally:
        try:
            os.unlink(tmp)
        except OSError:
            pass


def _describe(exc: BaseException, source: Optional[str] = None) -> str:
    text = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
    if isinstance(exc, CogmapError) and text:
        # The message is written for the user already; the list names the file, so once.
        return text.removeprefix(f"{source}: ") if source else text
    # A failure of cogmap's own, not of the input: said as the CLI says one (exit status 1).
    return f"{INTERNAL}{type(exc).__name__}: {text}" if text else f"{INTERNAL}{type(exc).__name__}"


#: How :func:`_describe` opens a failure that is a fault of cogmap's, not of the input.
INTERNAL = "internal error: "



def run_pool(todo, workers: int, spec: str, store, options: Optional[dict] = None) -> int:
    import multiprocessing
    from collections import deque
    from concurrent.futures import FIRST_COMPLETED, ProcessPoolExecutor, wait
    from concurrent.futures.process import BrokenProcessPool

    if not todo:
        return workers
    workers = max(1, min(workers, len(todo)))
    # spawn, not fork: the parent may run threads (progress bar, SQLite).
    ctx = multiprocessing.get_context("spawn")

    def make(n: int) -> ProcessPoolExecutor:
        return ProcessPoolExecutor(n, mp_context=ctx, initializer=_worker_init, initargs=(spec,))

    limit = workers * 4  # bounded queue: memory stays flat on big corpora
    queue = deque(source for source, _ in todo)
    # A worker that dies (out of memory, a crash in native code) breaks the
    # whole pool and every document in flight with it. Those become
    # suspects, extracted again one at a time in a fresh process, so only
    # the document that kills its worker is reported failed.
    suspects: deque = deque()
    while queue or suspects:
        if suspects:
            source = suspects.popleft()
            pool = make(1)
            try:
                result = pool.submit(_extract_path, source, spec, options).result()
            except BrokenProcessPool:
                result = (source, None, "the worker process died while extracting it", 0)
            finally:
                pool.shutdown(wait=True, cancel_futures=True)
            store(result)
            continue
        pool = make(workers)
        pending: dict = {}
        broken = False
        try:
            while (queue or pending) and not broken:
                while queue and len(pending) < limit:
                    source = queue.popleft()
                    try:
                        pending[pool.submit(_extract_path, source, spec, options)] = source
                    except BrokenProcessPool:
                        suspects.append(source)
                        broken = True
                        break
                if not pending:
                    break
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for fut in done:
                    source = pending.pop(fut)
                    try:
                        store(fut.result())
                    except BrokenProcessPool:
                        suspects.append(source)
                        broken = True
            for fut, source in pending.items():  # after a break: keep what finished
                try:
                    store(fut.result())
                except BrokenProcessPool:
                    suspects.append(source)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    return workers

def run_dask(todo, address, spec: str, store, options: Optional[dict] = None) -> int:
    try:
        from distributed import Client, as_completed
    except ImportError:  # pragma: no cover
        raise CogmapError("--dask needs dask.distributed: pip install 'dask[distributed]'") from None
    try:
        client = address if isinstance(address, Client) else Client(address, timeout="10s")
    except (OSError, TimeoutError, ValueError) as exc:
        raise CogmapError(f"cannot reach the dask scheduler at {address}: {exc}") from None
    try:
        info = client.scheduler_info()
        n = len(info.get("workers", {}))
        if not todo:
            return n
        threads = sum(w.get("nthreads", 1) for w in info.get("workers", {}).values()) or 1
        limit = max(8, threads * 4)  # file contents in flight at once
        it = iter(todo)
        owner: dict = {}

        def submit():
            nxt = next(it, None)
            if nxt is None:
                return None
            source = nxt[0]
            try:
                data = Path(source).read_bytes()
            except OSError as exc:
                store((source, None, f"cannot read: {exc.strerror or exc}", 0))
                return submit()
            fut = client.submit(_extract_bytes, source, data, spec=spec, options=options, pure=False)
            owner[fut.key] = source
            return fut

        first = [f for f in (submit() for _ in range(limit)) if f is not None]
        queue = as_completed(first)
        for fut in queue:
            source = owner.pop(fut.key)
            try:
                result = fut.result()
            except Exception as exc:  # a lost worker, a task error
                result = (source, None, _describe(exc), 0)
            fut.release()
            store(result)
            nxt = submit()
            if nxt is not None:
                queue.add(nxt)
        return n
    finally:
        if client is not address:
            client.close()
