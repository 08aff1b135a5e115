"""The extraction pipeline: ``ingest -> clean -> structure -> claims -> concepts -> forecasts``."""
from __future__ import annotations

from cogmap.records import Document

__all__ = ["extract", "extract_many"]


def extract(text_or_path, *, source: str | None = None, scale: str = "icd203") -> Document:
    raise NotImplementedError("under construction")


def extract_many(items, *, scale: str = "icd203", batch_size: int = 16):
    for item in items:
        yield extract(item, scale=scale)
