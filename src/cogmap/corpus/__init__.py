"""Many documents in one plain SQLite file, and the ledger that scores forecasts.

:class:`Store` mirrors the ``cogmap add | map --db | forecasts | experts`` commands,
as sqlite-utils' Python API mirrors its CLI. The code is split by job: ``schema``
(tables and migrations), ``workers`` (extracting many files in processes or on a
Dask cluster), ``queries`` (reading documents, the merged map, forecasts and
experts back) and ``ledger`` (Brier and log scores, calibration).

>>> from cogmap.corpus import Store
>>> with Store(":memory:") as s:
...     s.count()
0
"""

from cogmap.corpus.ledger import brier_score, calibration_table, log_score
from cogmap.corpus.queries import Contradiction, DocumentRow, Expert, ForecastRow, Resolution
from cogmap.corpus.schema import SCHEMA_VERSION, normalize_day
from cogmap.corpus.store import DEFAULT_DB, Store
from cogmap.corpus.workers import AddReport, expand_paths

__all__ = [
    "Store", "DEFAULT_DB", "SCHEMA_VERSION", "AddReport", "DocumentRow", "ForecastRow", "Resolution", "Expert",
    "Contradiction", "expand_paths", "normalize_day", "brier_score", "log_score", "calibration_table",
]
