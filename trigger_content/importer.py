"""Importing an existing HTML page as a source document: the inverse of rendering.

:func:`import_html` reads a page with Beautiful Soup (over Python's own HTML
parser, which gives each element its line and column), takes its main
content (the elements a CSS selector names, else ``<main>``, else
``<article>``, else ``<body>``), and turns it into the model: ``h1`` the
title, ``h2`` to ``h6`` sections and subsections, ``p`` paragraphs, ``ul``
and ``ol`` lists, ``dl`` definitions, ``a`` links (into the links table),
``strong``/``b`` and ``em``/``i``. Navigation, scripts, styles, forms and
footers are left out without a word; anything else the model cannot hold
(an image, a table, a video, a list inside a list item…) is left out and
listed with its line and column.

Ids come from the page when it has them (``id`` of a ``section``,
``data-id`` of a block and ``data-link`` of a link, as :mod:`render` writes
them), so importing a rendered page gives its document back; else from the
headings (a section's id is its heading's words), the terms and the link
texts, and for blocks from their place in their section (``p1``,
``list2``): the same page gives the same ids.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from pathlib import Path
from typing import Any

from .errors import TriggerContentError, line_and_column
from .inline import ID_PATTERN, escape_source, unique_id
from .model import RESERVED_IDS

__all__ = ["ImportedPage", "document_toml", "import_file", "import_html"]

#: Left out without a word: never the content of a patient page.
SKIPPED = frozenset({"head", "nav", "script", "style", "noscript", "form", "footer", "template", "link", "meta"})
#: Left out and said: content the model cannot hold.
NOT_HELD = frozenset(
    {"img", "picture", "figure", "table", "blockquote", "pre", "aside", "button", "iframe", "video", "audio", "object",
     "embed", "svg", "canvas", "map", "math", "select", "input", "textarea"}
)  # fmt: skip
#: Read through: their children stand in their place.
CONTAINERS = frozenset({"html", "body", "main", "article", "section", "header", "div", "center", "details", "summary", "hgroup"})
HEADINGS = {f"h{level}": level for level in range(1, 7)}
#: What may hold a text's parts: everything but blocks.
BLOCKS = frozenset({"p", "ul", "ol", "dl", "li", "dt", "dd", *HEADINGS, *CONTAINERS, *NOT_HELD, "hr"})

_HTML_SPACE = re.compile(r"[ \t\n\r\f]+")  # HTML's white space: a no-break space is not among it


@dataclass
class ImportedPage:
    """What :func:`import_html` made of a page: the document's data, its TOML, and what it left out."""

    data: dict[str, Any]
    #: ``(line, column, what)`` of each thing the document could not hold.
    problems: list[tuple[int, int, str]] = field(default_factory=list)

    @cached_property
    def toml(self) -> str:
        """The source document, as ``trigger-content`` reads it."""
        return document_toml(self.data)


def import_file(path: str | Path, *, select: str | None = None, page_id: str | None = None) -> ImportedPage:
    """The page at ``path`` (see :func:`import_html`); its id, without ``page_id``, the one the page carries, else the file's name."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise TriggerContentError(error.strerror or str(error), path=path) from None
    return import_html(raw, select=select, page_id=page_id, default_id=path.stem, path=str(path))


def import_html(
    html: str | bytes, *, select: str | None = None, page_id: str | None = None, default_id: str = "page", path: str = "<html>"
) -> ImportedPage:
    """The source document of the HTML page ``html``: its main content, or what ``select`` (a CSS selector) names.

    Its id is ``page_id``, else the ``data-page`` of its ``<article>`` (a page that ``render`` wrote), else ``default_id``.
    """
    from bs4 import BeautifulSoup

    problems: list[tuple[int, int, str]] = []
    text = decode(html, problems) if isinstance(html, bytes) else html
    soup = BeautifulSoup(text, "html.parser")
    roots: list[Any]
    if select:
        try:
            roots = list(soup.select(select))
        except Exception as error:  # soupsieve's SelectorSyntaxError, whose module is private
            raise TriggerContentError(f"--select {select!r}: {str(error).splitlines()[0]}", path=path) from None
        if not roots:
            raise TriggerContentError(f"--select {select!r} names no element", path=path)
        roots = [root for root in roots if not any(parent in roots for parent in root.parents)]  # each element once
    else:
        roots = [soup.find("main") or soup.find("article") or soup.find("body") or soup]
    article = soup.find("article", attrs={"data-page": True})
    carried = article.get("data-page") if article is not None else None
    if page_id is None:
        page_id = carried if isinstance(carried, str) and re.fullmatch(ID_PATTERN, carried) else default_id
    wanted = _slug(page_id)
    if not wanted:
        raise TriggerContentError(f"the page's id {page_id!r} has no letter or digit: give one with --id", path=path)
    reader = _Reader(unique_id(wanted, set(RESERVED_IDS)), problems)
    try:
        for root in roots:
            reader.container(root)
    except RecursionError:
        raise TriggerContentError("elements nested deeper than a page is read", path=path) from None
    data = reader.document()
    tag = soup.find("html")
    language = tag.get("lang") if tag is not None else None
    if isinstance(language, str) and language.strip():
        from .languages import locale_problem

        code = language.strip().replace("-", "_")
        code = code.split("_")[0].lower() + code[len(code.split("_")[0]) :]
        if code != "en" and not locale_problem(code):
            data = {"id": data["id"], "lang": code, **{key: value for key, value in data.items() if key != "id"}}
    if "title" not in data:
        title = soup.find("title")
        found = _tidy(title.get_text()) if title is not None else ""
        if not found:
            raise TriggerContentError("no h1 and no <title>: the page has no title", path=path)
        data = {"id": data["id"], "title": escape_source(found), **{key: value for key, value in data.items() if key != "id"}}
        reader.problems.insert(0, (1, 1, "no h1 in the content: the title is the page's <title>"))
    return ImportedPage(data, sorted(reader.problems))


#: What browsers read a page labelled with these charsets as (the WHATWG Encoding Standard).
_BROWSER_CHARSETS = {"iso-8859-1": "windows-1252", "latin1": "windows-1252", "l1": "windows-1252", "us-ascii": "windows-1252",
                     "ascii": "windows-1252", "iso8859-1": "windows-1252", "cp819": "windows-1252", "iso-8859-9": "windows-1254"}  # fmt: skip


def decode(raw: bytes, problems: list[tuple[int, int, str]]) -> str:
    """The text of a page: UTF-8 when it is, else its declared charset as a browser reads it (windows-1252 when none); bytes that are not, said once and replaced."""
    from bs4.dammit import EncodingDetector

    declared = EncodingDetector.find_declared_encoding(raw, is_html=True) or ""
    charset = _BROWSER_CHARSETS.get(declared.lower(), declared) or "windows-1252"
    for candidate in ("utf-8", charset):
        try:
            return _decode(raw, candidate).removeprefix("\ufeff")
        except (UnicodeDecodeError, LookupError):
            continue
    target = charset if _known(charset) else "windows-1252"
    try:
        raw.decode(target)
    except UnicodeDecodeError as error:
        line, column = line_and_column(raw, error.start)
        problems.append((line, column, f"bytes that are not {target} (the page says {declared or 'no charset'}) replaced with \ufffd"))
    return raw.decode(target, errors="replace").removeprefix("\ufeff")


#: The five bytes Python's windows-1252 leaves undefined, which browsers read as the C1 control of the same number.
_UNDEFINED_1252 = re.compile(rb"([\x81\x8d\x8f\x90\x9d])")


def _decode(raw: bytes, charset: str) -> str:
    """``raw`` in ``charset``, windows-1252 as the WHATWG Encoding Standard reads it (every byte means a character)."""
    if charset.lower().replace("_", "-") not in ("windows-1252", "cp1252"):
        return raw.decode(charset)
    return "".join(chr(part[0]) if _UNDEFINED_1252.fullmatch(part) else part.decode("windows-1252") for part in _UNDEFINED_1252.split(raw))


def _known(charset: str) -> bool:
    import codecs

    try:
        codecs.lookup(charset)
    except LookupError:
        return False
    return True


@dataclass
class _Part:
    """The page or a section being read: its data, and its blocks counted by kind for their ids."""

    data: dict[str, Any]
    level: int
    prefix: str
    counts: dict[str, int] = field(default_factory=dict)


class _Reader:
    """Reads content into a page's data, a block at a time, keeping what it could not hold."""

    def __init__(self, page_id: str, problems: list[tuple[int, int, str]]) -> None:
        self.page = _Part({"id": page_id}, 1, "")
        self.stack = [self.page]
        self.ids: set[str] = {*RESERVED_IDS, page_id}
        self.links: dict[str, dict[str, str]] = {}
        self.link_ids: dict[tuple[str, str | None], str] = {}
        self.problems = problems

    def document(self) -> dict[str, Any]:
        data = dict(self.page.data)
        if self.links:
            data["links"] = self.links
        return data

    def problem(self, node: Any, what: str) -> None:
        self.problems.append((node.sourceline or 1, (node.sourcepos or 0) + 1, what))

    def new_id(self, given: Any, fallback: str) -> str:
        """``given`` (an id the page wrote) when it is one, else ``fallback``; unique in the page either way."""
        wanted = given.strip() if isinstance(given, str) and re.fullmatch(ID_PATTERN, given.strip()) else fallback
        return unique_id(wanted, self.ids)

    # -- blocks ---------------------------------------------------------------------------

    def container(self, node: Any) -> None:
        """``node``'s children as blocks; runs of text between them as paragraphs."""
        run: list[Any] = []
        for child in node.children:
            name = _name(child)
            if name is None or (name not in BLOCKS and name not in SKIPPED and not _holds_blocks(child)):
                run.append(child)
                continue
            self.paragraphs(run)
            run = []
            self.element(child)
        self.paragraphs(run)

    def paragraphs(self, run: list[Any]) -> None:
        """Text outside any paragraph (a common sight in older pages): paragraphs, split where two line breaks are."""
        part: list[Any] = []
        breaks = 0
        for node in run:
            if _name(node) == "br":
                breaks += 1
            elif _name(node) is not None or str(node).strip():
                if breaks >= 2:
                    self.paragraph(part, None)
                    part = []
                breaks = 0
            part.append(node)
        self.paragraph(part, None)

    def paragraph(self, nodes: Iterable[Any], given: Any) -> None:
        text = self.inline(nodes)
        if text:
            self.block({"kind": "paragraph", "text": text}, "p", given)

    def element(self, node: Any) -> None:
        name = _name(node)
        if name in SKIPPED:
            return
        if name in HEADINGS:
            self.heading(node, HEADINGS[name])
        elif name == "p" and "reviewed" in (node.get("class") or ()):
            self.reviewed(node)
        elif name == "p" and not _holds_blocks(node):
            self.paragraph(node.children, node.get("data-id"))
        elif name in ("ul", "ol"):
            self.items(node, ordered=name == "ol")
        elif name == "dl":
            self.definitions(node)
        elif name in NOT_HELD:
            self.problem(node, f"<{name}> left out: a page holds headings, paragraphs, lists and definitions")
        elif name == "hr":
            return
        else:  # a container, a paragraph or a link holding blocks (missing end tags, a card linked whole)
            self.container(node)

    def reviewed(self, node: Any) -> None:
        """The line a rendered page ends with, "Last reviewed: <time>": the page's ``reviewed`` date (an approval's is not the page's)."""
        time = node.find("time")
        if "approved" not in (node.get("class") or ()) and time is not None and re.fullmatch(r"\d{4}-\d\d-\d\d", time.get("datetime", "")):
            self.page.data["reviewed"] = date.fromisoformat(time["datetime"])

    def heading(self, node: Any, level: int) -> None:
        text = self.inline(node.children)
        if not text:
            self.problem(node, f"an empty <h{level}> left out")
            return
        if level == 1:
            if "title" not in self.page.data:
                self.page.data = {"id": self.page.data["id"], "title": text, **{k: v for k, v in self.page.data.items() if k != "id"}}
                return
            self.problem(node, "a second h1 is read as a section heading")
            level = 2
        while len(self.stack) > 1 and self.stack[-1].level >= level:
            self.stack.pop()
        parent = self.stack[-1]
        if level > parent.level + 1:
            self.problem(node, f"h{level} after h{parent.level}: read as one level below")
        section = node.parent if _name(node.parent) == "section" and node.parent.find(list(HEADINGS)) is node else None
        section_id = self.new_id(section.get("id") if section is not None else None, _slug(_words(node)) or "section")
        data = {"id": section_id, "heading": text}
        parent.data.setdefault("sections", []).append(data)
        self.stack.append(_Part(data, parent.level + 1, f"{section_id}-"))

    def block(self, data: dict[str, Any], kind: str, given: Any) -> dict[str, Any]:
        part = self.stack[-1]
        part.counts[kind] = part.counts.get(kind, 0) + 1
        block = {"kind": data["kind"], "id": self.new_id(given, f"{part.prefix}{kind}{part.counts[kind]}")}
        block.update((key, value) for key, value in data.items() if key != "kind")
        part.data.setdefault("blocks", []).append(block)
        return block

    def items(self, node: Any, *, ordered: bool) -> None:
        items: list[tuple[list[Any], Any]] = []
        for child in node.children:
            if _name(child) == "li":
                items.extend(_own_parts(child, "li"))
            elif _name(child) is not None and _name(child) not in SKIPPED:
                self.problem(child, f"<{_name(child)}> in a list left out")
            elif _name(child) is None and str(child).strip():
                self.problem(node, "text between list items left out")
        texts = [(self.inline(nodes), given) for nodes, given in items]
        texts = [(text, given) for text, given in texts if text]
        if not texts:
            return
        block = self.block({"kind": "list", **({"ordered": True} if ordered else {})}, "list", node.get("data-id"))
        block["items"] = [
            {"id": self.new_id(given, f"{block['id']}-{number}"), "text": text} for number, (text, given) in enumerate(texts, start=1)
        ]

    def definitions(self, node: Any) -> None:
        pairs: list[tuple[Any, str, str, Any]] = []
        term: tuple[Any, list[Any], Any] | None = None
        for child, nodes, given in _definition_parts(node):
            if _name(child) == "dt":
                if term is not None:
                    self.problem(term[0], "a term without a definition left out")
                term = (child, nodes, given)
                continue
            if term is None:
                self.problem(child, "a definition without a term left out")
                continue
            text, definition = self.inline(term[1]), self.inline(nodes)
            if text and definition:
                pairs.append((term[0], text, definition, term[2]))
            term = None
        if term is not None:
            self.problem(term[0], "a term without a definition left out")
        if not pairs:
            return
        block = self.block({"kind": "definitions"}, "definitions", node.get("data-id"))
        block["items"] = [
            {"id": self.new_id(given, _slug(_words(dt)) or f"{block['id']}-{number}"), "term": text, "definition": definition}
            for number, (dt, text, definition, given) in enumerate(pairs, start=1)
        ]

    # -- inline ---------------------------------------------------------------------------

    def inline(self, nodes: Iterable[Any]) -> str:
        """The source markup of inline content, its white space collapsed as a browser shows it."""
        return _tidy("".join(self._markup(nodes)))

    def _markup(self, nodes: Iterable[Any]) -> Iterator[str]:
        for node in nodes:
            name = _name(node)
            if name is None:
                if _is_text(node):
                    yield escape_source(_HTML_SPACE.sub(" ", str(node)))
                continue
            if name in SKIPPED or "fallback-note" in (node.get("class") or ()):
                continue
            if name in NOT_HELD or name in ("ul", "ol", "dl"):
                self.problem(node, f"<{name}> inside a text left out, with what it holds")
                continue
            inner = "".join(self._markup(node.children))
            if name in ("strong", "b"):
                yield _wrap("**", inner)
            elif name in ("em", "i"):
                yield _wrap("_", inner)
            elif name == "a":
                yield self.link(node, inner)
            elif name in BLOCKS:  # a paragraph in a list item, say: its own words
                yield f" {inner} "
            elif name == "br":
                yield " "
            else:  # span, abbr, small…: their text
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
        given = node.get("data-link")
        key = (href, given if isinstance(given, str) else None)
        link_id = self.link_ids.get(key)
        if link_id is None:
            taken = set(self.links)
            wanted = (
                given.strip() if isinstance(given, str) and re.fullmatch(ID_PATTERN, given.strip()) else _slug(_words(node), 4) or "link"
            )
            link_id = self.link_ids[key] = unique_id(wanted, taken)
            self.links[link_id] = {"url": href}
        lead = inner[: len(inner) - len(inner.lstrip())]
        trail = inner[len(inner.rstrip()) :]
        return f"{lead}[{inner.strip()}]({link_id}){trail}"


def _own_parts(node: Any, name: str) -> Iterator[tuple[list[Any], Any]]:
    """The children of ``node`` up to a ``name`` nested in it (an end tag the page left out), then the same of that one."""
    own = [child for child in node.children if _name(child) != name]
    yield own, node.get("data-id")
    for child in node.children:
        if _name(child) == name:
            yield from _own_parts(child, name)


def _definition_parts(node: Any) -> Iterator[tuple[Any, list[Any], Any]]:
    """Each ``dt`` and ``dd`` of a ``dl`` in order, with its own children and the ``data-id`` of the ``div`` of its pair.

    A ``div`` may wrap a pair; a ``dt`` or ``dd`` whose end tag the page left
    out holds the next ones, which are read as its siblings.
    """
    for child in node.children:
        name = _name(child)
        if name == "div":
            for part, nodes, _ in _definition_parts(child):
                yield part, nodes, child.get("data-id")
        elif name in ("dt", "dd"):
            yield child, [inner for inner in child.children if _name(inner) not in ("dt", "dd")], None
            yield from _definition_parts(child)


def _holds_blocks(node: Any) -> bool:
    """Whether an element has a block among its children (a paragraph whose end tag was left out, a link around a heading)."""
    return any(_name(child) in BLOCKS for child in node.children)


def _is_text(node: Any) -> bool:
    return type(node).__name__ in ("NavigableString", "CData")


def _name(node: Any) -> str | None:
    name = getattr(node, "name", None)
    return name if isinstance(name, str) else None


def _words(node: Any) -> str:
    """An element's text, its parts apart: ``Before<br>your visit`` is three words."""
    return str(node.get_text(" "))


def _wrap(mark: str, inner: str) -> str:
    """``inner`` marked, its white space outside the marks."""
    if not inner.strip():
        return inner
    lead = inner[: len(inner) - len(inner.lstrip())]
    trail = inner[len(inner.rstrip()) :]
    return f"{lead}{mark}{inner.strip()}{mark}{trail}"


def _tidy(text: str) -> str:
    """White space as a reader sees it: runs to one space (a lone no-break space kept), none at the ends."""
    text = re.sub(r"[ \u00a0]+", lambda found: found.group(0) if found.group(0) == "\u00a0" else " ", text)
    return text.strip(" \u00a0")


def _slug(text: str, words: int = 8) -> str:
    """An id from a text: its first words, lower case, letters and digits joined by hyphens."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return "-".join(re.findall(r"[a-z0-9]+", ascii_text)[:words])


# -- the document -------------------------------------------------------------------------


def document_toml(data: dict[str, Any]) -> str:
    """A page's data as a source document: its fields, then its links, blocks and sections as tables, in order.

    Every table is written as a header of its own (``[[sections.blocks]]``),
    whatever its length, so that adding a note to an item changes a line, not
    the layout.
    """
    lines = [
        "# Imported from HTML by `trigger-content import`. Each section and block has an id,",
        "# unique in the page and stable when the wording changes. Inline markup: [text](link-id)",
        "# links to an entry of [links], _text_ is emphasis, **text** is strong.",
        "",
    ]
    _table(lines, data, ())
    return "\n".join(lines).rstrip("\n") + "\n"


def _table(lines: list[str], table: dict[str, Any], path: tuple[str, ...]) -> None:
    nested = {
        key: value
        for key, value in table.items()
        if isinstance(value, dict) or (isinstance(value, list) and value and isinstance(value[0], dict))
    }
    for key, value in table.items():
        if key not in nested:
            lines.append(f"{key} = {_value(value)}")
    for key, value in nested.items():
        if isinstance(value, dict):
            for name, item in value.items():
                lines += ["", f"[{'.'.join((*path, key, name))}]"]
                _table(lines, item, (*path, key, name))
        else:
            for item in value:
                lines += ["", f"[[{'.'.join((*path, key))}]]"]
                _table(lines, item, (*path, key))


def _value(value: Any) -> str:
    import json

    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return str(value)
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    return json.dumps(str(value), ensure_ascii=False).replace("\x7f", "\\u007f")  # JSON's escapes are TOML's, but for DEL


def validate(imported: ImportedPage, path: str | Path) -> Any:
    """The imported document as the loader reads it (a :class:`~trigger_content.model.Page`); a problem of the model is said at ``path``."""
    from .source import load_page_text

    return load_page_text(imported.toml, path)
