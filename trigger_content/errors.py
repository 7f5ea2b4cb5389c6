"""Every exception class of the library: bad input (:class:`TriggerContentError` and its kinds), and :class:`PluralFormsError`."""

from __future__ import annotations

from collections.abc import Sequence
from os import PathLike


class TriggerContentError(Exception):
    """Bad input: says where (``path:line:``) and what is wrong, like a compiler.

    ``path`` and ``line`` (1-based) are optional; ``str(error)`` joins what is
    known, for example ``content/page.toml:12: unknown block kind 'table'``.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | PathLike[str] | None = None,
        line: int | None = None,
        column: int | None = None,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.path = None if path is None else str(path)
        self.line = line
        self.column = column

    def to_json(self) -> dict[str, object]:
        """Its parts; ``TriggerContentError(**data)`` makes it again (from a worker process, say)."""
        return {"message": self.message, "path": self.path, "line": self.line, "column": self.column}

    def __str__(self) -> str:
        # A column means nothing without its line.
        column = self.column if self.line is not None else None
        where = [str(part) for part in (self.path, self.line, column) if part is not None]
        return ": ".join([":".join(where), self.message]) if where else self.message


def line_and_column(text: str | bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column of ``offset`` in ``text``, for an error that points there."""
    newline = b"\n" if isinstance(text, bytes) else "\n"
    return text.count(newline, 0, offset) + 1, offset - text.rfind(newline, 0, offset)  # type: ignore[arg-type]


class SourceError(TriggerContentError):
    """A source document (TOML) that cannot be read or does not fit the model.

    ``others`` are the document's further problems, ``(line, message)``:
    ``str(error)`` says each on a line of its own, ``path:line: what``.
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | PathLike[str] | None = None,
        line: int | None = None,
        column: int | None = None,
        others: Sequence[tuple[int | None, str]] = (),
    ) -> None:
        super().__init__(message, path=path, line=line, column=column)
        self.others = tuple(others)

    def __str__(self) -> str:
        more = (str(TriggerContentError(message, path=self.path, line=line)) for line, message in self.others)
        return "\n".join([super().__str__(), *more])


class CatalogError(TriggerContentError):
    """A PO file that cannot be read: its syntax or its encoding (GNU gettext refuses it too)."""


class MarkupError(TriggerContentError, ValueError):
    """Inline markup that does not parse: in a source document or in a translation."""


class PluralFormsError(ValueError):
    """A Plural-Forms value that does not parse, or a value of n it cannot evaluate.

    A ``ValueError``, not bad input: :mod:`~trigger_content.po.plural` raises
    it to its callers, which say where the expression is (``check``) or refuse
    the catalog (``update``).
    """
