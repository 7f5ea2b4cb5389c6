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

Names are imported on first use, so that reading a catalog loads neither
the writer nor polib.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

    from ..errors import CatalogError
    from .entry import Catalog, Entry
    from .reader import read_po
    from .stats import Counts, Statistics, count, statistics
    from .writer import catalog_bytes, format_po

_EXPORTS = {
    "Catalog": "entry",
    "CatalogError": "..errors",
    "Counts": "stats",
    "Entry": "entry",
    "Statistics": "stats",
    "catalog_bytes": "writer",
    "count": "stats",
    "format_po": "writer",
    "read_po": "reader",
    "statistics": "stats",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(module if module.startswith("..") else f".{module}", __name__), name)
    globals()[name] = value
    return value
