"""Reading an input file with a bound, whatever kind of file the path names.

Every command that takes a path (an article, a model, a matrix, a store's inputs)
reads it through :func:`read_limited`, so ``/dev/zero`` stops one byte past the
limit and a named pipe is refused before ``open`` (which would wait for a writer
for ever).

>>> import tempfile, os
>>> p = os.path.join(tempfile.mkdtemp(), "a.txt")
>>> _ = open(p, "w").write("Rates rose.")
>>> read_limited(p)
b'Rates rose.'
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import Optional

from cogmap.errors import InputError

__all__ = ["DEFAULT_MAX_BYTES", "megabytes", "read_limited", "read_yaml", "write_atomic"]

#: The most cogmap reads from one input (``COGMAP_MAX_BYTES`` changes it): spaCy parses
#: about 10k words a second here, so a 20 MB article would take minutes and is almost
#: surely not one article.
DEFAULT_MAX_BYTES = int(os.environ.get("COGMAP_MAX_BYTES", 20 * 1024 * 1024))

_KINDS = ((stat.S_ISFIFO, "a named pipe"), (stat.S_ISSOCK, "a socket"))


def megabytes(n: int) -> str:
    """``n`` bytes in MB of 2**20 bytes, the unit of the limit (so the default reads "20 MB", as the docs say).

    >>> megabytes(20 * 2**20), megabytes(50 * 2**20 + 2**19), megabytes(100_000)
    ('20 MB', '50.5 MB', '0.1 MB')
    """
    return f"{n / 2**20:.1f}".removesuffix(".0") + " MB"


def read_limited(path: str | os.PathLike, max_bytes: Optional[int] = None, *, what: str = "one document") -> bytes:
    """The bytes of ``path``, at most ``max_bytes`` of them, else one :class:`InputError`.

    Parameters
    ----------
    path : str or Path
    max_bytes : int, optional
        Default :data:`DEFAULT_MAX_BYTES`.
    what : str
        What the limit is for, in the message ("one document", "a model").

    Raises
    ------
    InputError
        Missing, a folder, a pipe or socket (standard input, ``-``, reads a
        stream), unreadable, or longer than the limit.
    """
    p = Path(path)
    limit = DEFAULT_MAX_BYTES if max_bytes is None else max_bytes
    try:
        st = os.stat(p)
    except FileNotFoundError:
        raise InputError(f"{p}: no such file") from None
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    if stat.S_ISDIR(st.st_mode):
        raise InputError(f"{p}: is a folder, not a file (to read every article in it: cogmap add {p})")
    for test, kind in _KINDS:
        if test(st.st_mode):
            raise InputError(f"{p}: is {kind}, not a regular file; pipe it to standard input with '-' instead")
    if st.st_size > limit:
        raise InputError(
            f"{p}: {megabytes(st.st_size)} is more than the {megabytes(limit)} cogmap reads as {what}; "
            "split it (or set COGMAP_MAX_BYTES)")
    try:
        # One byte past the limit, whatever the file is: a device such as /dev/zero
        # reports size 0 and never ends.
        with open(p, "rb") as fh:
            data = fh.read(limit + 1)
    except OSError as exc:
        raise InputError(f"{p}: cannot read ({exc.strerror or exc})") from None
    if len(data) > limit:
        raise InputError(
            f"{p}: more than the {megabytes(limit)} cogmap reads as {what} "
            "(an endless device or stream?); split it (or set COGMAP_MAX_BYTES)")
    return data


def read_yaml(path: str | os.PathLike, max_bytes: int, *, what: str, syntax: str = "YAML"):
    """The YAML (or JSON, which YAML reads too) in a file of at most ``max_bytes``.

    Raises
    ------
    InputError
        One line naming the file: missing, too large, not UTF-8, or not ``syntax``
        (with the line of the first error).
    """
    import yaml

    data = read_limited(path, max_bytes, what=what)
    try:
        return yaml.safe_load(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise InputError(f"{path}: not {what} (not UTF-8 text)") from None
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        at = f" at line {mark.line + 1}" if mark is not None else ""
        why = getattr(exc, "problem", None)
        raise InputError(f"{path}: not {syntax}{at}" + (f": {why}" if why else "")) from None


def write_atomic(path: str | os.PathLike, text: str) -> Path:
    """Write ``text`` to ``path`` all or nothing: through a temporary file beside it,
    renamed over it, so that a reader never sees half a file and a failure leaves the old
    one. A link is followed (its target is written, the link stays a link), and what is
    not a regular file, ``/dev/null``, ``/dev/stdout`` or a named pipe, is written to as
    it is: renaming over it would replace the device with a file.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "real.yaml").write_text("old")
    >>> (d / "link.yaml").symlink_to(d / "real.yaml")
    >>> _ = write_atomic(d / "link.yaml", "new")
    >>> (d / "link.yaml").is_symlink(), (d / "real.yaml").read_text()
    (True, 'new')
    >>> _ = write_atomic("/dev/null", "gone"); Path("/dev/null").is_char_device()
    True
    """
    out = Path(path)
    target = out.resolve() if out.is_symlink() else out
    try:
        if target.exists() and not target.is_file():
            with open(target, "w", encoding="utf-8") as f:
                f.write(text)
            return out
        tmp = target.with_name(f".{target.name}.tmp")
        try:
            tmp.write_text(text, encoding="utf-8")
            tmp.replace(target)
        except OSError:
            try:
                tmp.unlink(missing_ok=True)
            except OSError:  # on a read-only disk even removing it fails
                pass
            raise
    except OSError as exc:
        raise InputError(f"{out}: cannot write ({exc.strerror or exc.__class__.__name__})") from None
    return out
