"""Everything about PO and MO files: one entry model, one reader, one writer.

* :mod:`~trigger_content.po.entry`: :class:`Entry` and :class:`Catalog`;
* :mod:`~trigger_content.po.reader`: :func:`read_po`, the strict reader, which
  reads what GNU msgfmt reads and refuses the rest with ``path:line``;
* :mod:`~trigger_content.po.fast`: its fast paths, proven equal to it;
* :mod:`~trigger_content.po.charset`: the charset a catalog is read in;
* :mod:`~trigger_content.po.stats`: the counts of ``msgfmt --statistics``;
* :mod:`~trigger_content.po.writer` and :mod:`~trigger_content.po.linebreak`:
  the file msgcat would write;
* :mod:`~trigger_content.po.plural`: Plural-Forms, read safely;
* :mod:`~trigger_content.po.mo`: compiled catalogs.

Reading names are imported here; the writer's, which load Unicode tables,
on first use, so that reading a catalog does not load them.
"""

from __future__ import annotations

from ..errors import CatalogError
from .entry import Catalog, Entry
from .reader import read_po, statistics
from .stats import Counts, Statistics, count

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from .writer import catalog_bytes, format_po

__all__ = ["Catalog", "CatalogError", "Counts", "Entry", "Statistics", "catalog_bytes", "count", "format_po", "read_po", "statistics"]


def __getattr__(name: str) -> object:
    if name in ("catalog_bytes", "format_po"):
        from . import writer

        return getattr(writer, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
