"""Importing an existing HTML page as a source document: the inverse of rendering.

:func:`import_html` reads a page with Beautiful Soup (Python's own HTML
parser underneath, which gives each element its line and column), takes its
main content (the elements a CSS selector names, else ``<main>``, else
``<article>``, else ``<body>``), and turns it into the model: ``h1`` the
title, ``h2`` to ``h6`` sections and subsections, ``p`` paragraphs, ``ul``
and ``ol`` lists, ``dl`` definitions, ``a`` links (into the links table),
``strong``/``b`` and ``em``/``i``. Navigation, scripts, styles, forms and
footers are left out; anything else the model cannot hold (an image, a table,
a nested list…) is listed with its line and column, and its text kept where
it can be.

Ids come from the page when it has them (``id`` of a ``section``,
``data-id`` of a block and ``data-link`` of a link, as :mod:`render` writes
them), so importing a rendered page gives its document back; else from the
headings (a section's id is its heading's words), the terms and the link
texts, and for blocks from their place in their section (``p1``, ``list2``):
the same page gives the same ids.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .errors import TriggerContentError
from .inline import ID_PATTERN, format_markup
from .model import Page

__all__ = ["ImportedPage", "import_file", "import_html"]

#: Elements left out with all they hold: never content of a patient page.
LEFT_OUT = frozenset(
    {"nav", "script", "style", "noscript", "form", "footer", "template", "button", "select", "textarea", "input", "iframe"}
)
#: Elements whose children are read as if they stood in their place.
CONTAINERS = frozenset({"div", "main", "article", "section", "header", "span", "center", "font"})
#: Inline elements that carry no meaning the model keeps: their text is kept.
PLAIN_INLINE = frozenset(
    {"span", "abbr", "cite", "q", "time", "small", "mark", "u", "s", "sub", "sup", "code", "kbd", "var", "dfn", "bdi", "bdo", "font"}
)
HEADINGS = {f"h{level}": level for level in range(1, 7)}


@dataclass
class ImportedPage:
    """What :func:`import_html` made of a page: the document's data, its TOML, and what it left out."""

    data: dict[str, Any]
    #: ``(line, column, what)`` of each thing the document could not hold.
    problems: list[tuple[int, int, str]] = field(default_factory=list)

    @property
    def toml(self) -> str:
        """The source document, as ``trigger-content`` reads it."""
        return document_toml(self.data)


def import_file(path: str | Path, *, select: str | None = None, page_id: str | None = None) -> ImportedPage:
    """The page at ``path`` (see :func:`import_html`); its id, without ``page_id``, from the file's name."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise TriggerContentError(error.strerror or str(error), path=path) from None
    return import_html(raw, select=select, page_id=page_id or path.stem, path=str(path))


def import_html(html: str | bytes, *, select: str | None = None, page_id: str = "page", path: str = "<html>") -> ImportedPage:
    """The source document of the HTML page ``html``: its main content, or what ``select`` (a CSS selector) names."""
    from bs4 import BeautifulSoup

    soup = BeautifulSoup(html, "html.parser")
    roots: list[Any]
    if select:
        try:
            roots = list(soup.select(select))
        except Exception as error:  # soupsieve's SelectorSyntaxError, whose module is private
            raise TriggerContentError(f"--select {select!r}: {error}".splitlines()[0], path=path) from None
        if not roots:
            raise TriggerContentError(f"--select {select!r} names no element", path=path)
    else:
        root = soup.find("main") or soup.find("article") or soup.find("body") or soup
        roots = [root]
    reader = _Reader(page_id=_slug(page_id) or "page")
    for root in roots:
        reader.container(root)
    data = reader.document()
    if "title" not in data:
        title = soup.find("title")
        text = _tidy(re.sub(r"[ \t\n\r\f]+", " ", title.get_text())) if title is not None else ""
        if not text:
            raise TriggerContentError("no h1 and no <title>: the page has no title", path=path)
        data = {"id": data["id"], "title": _escape(text), **{key: value for key, value in data.items() if key != "id"}}
        reader.problems.insert(0, (1, 1, "no h1: the title is the document's <title>"))
    return ImportedPage(data, sorted(reader.problems))


@dataclass
class _Part:
    """A page or section being read: its data, and its blocks counted by kind for their ids."""

    data: dict[str, Any]
    level: int
    prefix: str
    counts: dict[str, int] = field(default_factory=dict)

    def block_id(self, kind: str, given: str | None, taken: set[str]) -> str:
        self.counts[kind] = self.counts.get(kind, 0) + 1
        return _unique(given if given and re.match(ID_PATTERN, given) else f"{self.prefix}{kind}{self.counts[kind]}", taken)


class _Reader:
    def __init__(self, page_id: str) -> None:
        self.page = _Part({"id": page_id}, 1, "")
        self.stack = [self.page]
        self.ids: set[str] = set()
        self.links: dict[str, dict[str, str]] = {}
        self.link_ids: dict[str, str] = {}
        self.problems: list[tuple[int, int, str]] = []

    def document(self) -> dict[str, Any]:
        data = dict(self.page.data)
        if self.links:
            data["links"] = self.links
        return data

    def problem(self, node: Any, what: str) -> None:
        self.problems.append((node.sourceline or 1, (node.sourcepos or 0) + 1, what))

    # -- blocks ---------------------------------------------------------------------------

    def container(self, node: Any) -> None:
        loose: list[Any] = []
        for child in node.children:
            if _is_text(child) or (_name(child) in _INLINE and _name(child) not in CONTAINERS):
                loose.append(child)
                continue
            self.loose(loose)
            loose = []
            if _name(child) is not None:
                self.element(child)
        self.loose(loose)

    def loose(self, nodes: list[Any]) -> None:
        """Text outside any paragraph (a common sight in old pages): a paragraph of its own."""
        if any(not _is_text(node) or node.strip() for node in nodes):
            text = self.inline(nodes)
            if text:
                self.block({"kind": "paragraph", "text": text}, "p", None)

    def element(self, node: Any) -> None:
        name = _name(node)
        if name in LEFT_OUT or name is None:
            return
        if name in HEADINGS:
            self.heading(node, HEADINGS[name])
        elif name == "p" and "reviewed" in (node.get("class") or ()):
            self.reviewed(node)
        elif name == "p":
            text = self.inline(node.children)
            if text:
                self.block({"kind": "paragraph", "text": text}, "p", node.get("data-id"))
        elif name in ("ul", "ol"):
            self.items(node, ordered=name == "ol")
        elif name == "dl":
            self.definitions(node)
        elif name in CONTAINERS:
            self.container(node)
        elif name == "hr":
            return
        else:
            self.problem(node, f"<{name}> left out: a page holds headings, paragraphs, lists and definitions")

    def reviewed(self, node: Any) -> None:
        """The line a rendered page ends with, "Last reviewed: <time>": the page's ``reviewed`` date (an approval's is not the page's)."""
        time = node.find("time")
        if "approved" not in (node.get("class") or ()) and time is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", time.get("datetime", "")):
            from datetime import date

            self.page.data["reviewed"] = date.fromisoformat(time["datetime"])

    def heading(self, node: Any, level: int) -> None:
        text = self.inline(node.children)
        if level == 1:
            if "title" in self.page.data:
                self.problem(node, "a second h1 is a section heading")
            else:
                self.page.data = {"id": self.page.data["id"], "title": text, **{k: v for k, v in self.page.data.items() if k != "id"}}
                return
            level = 2
        while len(self.stack) > 1 and self.stack[-1].level >= level:
            self.stack.pop()
        parent = self.stack[-1]
        if level > parent.level + 1:
            self.problem(node, f"h{level} after h{parent.level}: read as one level below")
        enclosing = node.parent if _name(node.parent) == "section" else None
        given = enclosing.get("id") if enclosing is not None and _first_heading(enclosing) is node else None
        section_id = _unique(given if given and re.match(ID_PATTERN, given) else _slug(node.get_text()) or "section", self.ids)
        section = {"id": section_id, "heading": text}
        parent.data.setdefault("sections", []).append(section)
        self.stack.append(_Part(section, parent.level + 1, f"{section_id}-"))

    def block(self, data: dict[str, Any], kind: str, given: str | None) -> dict[str, Any]:
        part = self.stack[-1]
        block = {"kind": data["kind"], "id": part.block_id(kind, given, self.ids), **{k: v for k, v in data.items() if k != "kind"}}
        part.data.setdefault("blocks", []).append(block)
        return block

    def items(self, node: Any, *, ordered: bool) -> None:
        block = self.block({"kind": "list", **({"ordered": True} if ordered else {})}, "list", node.get("data-id"))
        items: list[dict[str, str]] = []
        for child in node.children:
            if _is_text(child):
                if child.strip():
                    self.problem(node, "text between list items left out")
                continue
            if _name(child) != "li":
                if _name(child) not in LEFT_OUT:
                    self.problem(child, f"<{_name(child)}> in a list left out")
                continue
            text = self.inline(child.children)
            if text:
                given = child.get("data-id")
                items.append(
                    {
                        "id": _unique(given if given and re.match(ID_PATTERN, given) else f"{block['id']}-{len(items) + 1}", self.ids),
                        "text": text,
                    }
                )
        if items:
            block["items"] = items
        else:
            self.stack[-1].data["blocks"].remove(block)

    def definitions(self, node: Any) -> None:
        block = self.block({"kind": "definitions"}, "definitions", node.get("data-id"))
        items: list[dict[str, Any]] = []
        term: tuple[Any, str | None] | None = None
        for child, given in _definition_parts(node):
            name = _name(child)
            if name == "dt":
                if term is not None:
                    self.problem(term[0], "a term without a definition left out")
                term = (child, given)
            elif name == "dd":
                if term is None:
                    self.problem(child, "a definition without a term left out")
                    continue
                term_node, term_id = term
                term = None
                text, definition = self.inline(term_node.children), self.inline(child.children)
                if text and definition:
                    fallback = _slug(term_node.get_text()) or f"{block['id']}-{len(items) + 1}"
                    item_id = _unique(term_id if term_id and re.match(ID_PATTERN, term_id) else fallback, self.ids)
                    items.append({"id": item_id, "term": text, "definition": definition})
            elif name not in LEFT_OUT:
                self.problem(child, f"<{name}> in a definition list left out")
        if term is not None:
            self.problem(term[0], "a term without a definition left out")
        if items:
            block["items"] = items
        else:
            self.stack[-1].data["blocks"].remove(block)

    # -- inline ---------------------------------------------------------------------------

    def inline(self, nodes: Any) -> str:
        """The source markup of inline content, its white space collapsed as a browser shows it."""
        return _tidy("".join(self._markup(nodes)))

    def _markup(self, nodes: Any) -> Iterator[str]:
        for node in nodes:
            if _is_text(node):
                yield _escape(re.sub(r"[ \t\n\r\f]+", " ", str(node)))  # HTML's white space: a no-break space stays
                continue
            name = _name(node)
            if name is None or name in LEFT_OUT:
                continue
            if name not in _INLINE and name not in _TRANSPARENT_IN_TEXT:
                self.problem(node, f"<{name}> inside a text left out, with what it holds")
                continue
            inner = "".join(self._markup(node.children))
            if name in ("strong", "b"):
                yield _wrap("**", inner)
            elif name in ("em", "i"):
                yield _wrap("_", inner)
            elif name == "a":
                yield self.link(node, inner)
            elif name == "br":
                yield " "
            else:  # an element of plain text, or one read through
                if "fallback-note" in (node.get("class") or ()):
                    continue
                yield inner

    def link(self, node: Any, inner: str) -> str:
        href = (node.get("href") or "").strip()
        if not href or not inner.strip() or href.startswith("#"):
            return inner
        from pydantic import ValidationError

        from .model import LinkTarget

        try:
            LinkTarget(url=href)
        except ValidationError:
            self.problem(node, f"link to {href[:60]!r} left out (a page links http, https, mailto, tel or a path), its text kept")
            return inner
        link_id = self.link_ids.get(href)
        if link_id is None:
            given = node.get("data-link")
            taken = set(self.links)
            link_id = _unique(given if given and re.match(ID_PATTERN, given) else _slug(node.get_text(), words=4) or "link", taken)
            self.link_ids[href] = link_id
            self.links[link_id] = {"url": href}
        return f"[{inner.strip()}]({link_id})" + (" " if inner.endswith(" ") else "")


_INLINE = frozenset({"a", "strong", "b", "em", "i", "br", *PLAIN_INLINE})
#: Inside a text, elements read as if their children stood there (a paragraph in a list item, say).
_TRANSPARENT_IN_TEXT = frozenset({"p", "div", "span", "label", "center", "font"})


def _definition_parts(node: Any) -> Iterator[tuple[Any, str | None]]:
    """The ``dt`` and ``dd`` of a ``dl``, through the ``div`` that may wrap each pair, with the pair's ``data-id``."""
    for child in node.children:
        if _is_text(child):
            continue
        if _name(child) == "div":
            for inner in child.children:
                if not _is_text(inner):
                    yield inner, child.get("data-id")
        else:
            yield child, None


def _first_heading(node: Any) -> Any:
    return node.find(list(HEADINGS))


def _is_text(node: Any) -> bool:
    from bs4.element import Comment, NavigableString

    return isinstance(node, NavigableString) and not isinstance(node, Comment)


def _name(node: Any) -> str | None:
    return getattr(node, "name", None)


def _escape(text: str) -> str:
    """Plain text as source markup: the characters of markup escaped."""
    return format_markup(_plain(text))


def _plain(text: str) -> tuple[Any, ...]:
    from .inline import Text

    return (Text(text=text),) if text else ()


def _wrap(mark: str, inner: str) -> str:
    """``inner`` marked, its white space outside the marks."""
    if not inner.strip():
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    return f"{lead}{mark}{inner.strip()}{mark}{trail}"


def _tidy(text: str) -> str:
    return re.sub(r" {2,}", " ", text).strip(" ")


def _slug(text: str, words: int = 8) -> str:
    """An id from a text: its first words, lower case, letters and digits joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    parts = re.findall(r"[a-z0-9]+", ascii_text)[:words]
    return "-".join(parts)


def _unique(wanted: str, taken: set[str]) -> str:
    candidate, number = wanted, 1
    while candidate in taken:
        number += 1
        candidate = f"{wanted}-{number}"
    taken.add(candidate)
    return candidate


# -- the document -------------------------------------------------------------------------


def document_toml(data: dict[str, Any]) -> str:
    """A page's data as a source document (TOML), with the comment every document starts with."""
    import tomli_w

    head = (
        "# Imported from HTML by `trigger-content import`. Each section and block has an id,\n"
        "# unique in the page and stable when the wording changes. Inline markup: [text](link-id)\n"
        "# links to an entry of [links], _text_ is emphasis, **text** is strong.\n\n"
    )
    return head + tomli_w.dumps(data, multiline_strings=False)


def validate(imported: ImportedPage, path: str | Path) -> Page:
    """The imported document as the loader reads it (a problem of the model is said at ``path``, where it would be written)."""
    from .source import load_page_text

    return load_page_text(imported.toml, path)
