"""What people look at: the terminal view, Markdown, the HTML report and its server.

``render`` prints a document in the terminal or as Markdown; ``report`` builds the
self-contained HTML page (its script, style and the vendored Cytoscape.js live in
``assets/``); ``serve`` serves the same pages and a JSON API on loopback (imported by
``cogmap serve`` alone, so the web stack costs nothing elsewhere).

>>> from cogmap.show import to_markdown
>>> from cogmap.records import Document
>>> to_markdown(Document(source="x", text="")).splitlines()[0]
'# x'
"""

from cogmap.show.render import to_markdown, to_rich
from cogmap.show.report import build_report, report_data, write_report

__all__ = ["to_rich", "to_markdown", "build_report", "report_data", "write_report"]

