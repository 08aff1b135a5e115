"""Errors a user can act on. The CLI prints them as one line and exits with ``exit_code``."""

from __future__ import annotations

__all__ = ["CogmapError", "InputError"]


class CogmapError(Exception):
    """Something the user can fix; never shown as a traceback."""

    exit_code = 1


class InputError(CogmapError):
    """Unusable input (empty, binary, unreadable, malformed): exit status 2."""

    exit_code = 2
