"""Checks of the English source documents, for patients: what a reader would stumble on.

A check of documents takes a :class:`Document` (a page or ``site.toml``,
with its own texts) and the policy, and yields ``(context, message)``: the
context of the text it is about, whose line ``check`` finds in the document.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from .policy import Policy
from .registry import check

TYPE_CHECKING = False  # the model (pydantic) is loaded only where documents are checked: `check` of catalogs starts without it
if TYPE_CHECKING:
    from ..model import Page, Section, Site
    from ..walker import Segment

#: The fewest words a paragraph needs for its reading level to mean something.
READING_LEVEL_WORDS = 20


@dataclass(frozen=True)
class Document:
    """A source document and the texts it writes itself."""

    path: Path
    model: Page | Site
    segments: tuple[Segment, ...]


def _is_page(model: object) -> bool:
    from ..model import Page

    return isinstance(model, Page)


def _sections(page: Page) -> Iterator[tuple[str, Page | Section]]:
    """The page, then each section at any depth, with the context its texts start with."""
    stack: list[tuple[str, Page | Section]] = [(page.id, page)]
    while stack:
        prefix, part = stack.pop(0)
        yield prefix, part
        stack[0:0] = [(f"{prefix}.{section.id}", section) for section in part.sections]


@check("empty-section", "warning", scope="document")
def empty_section(document: Document, policy: Policy) -> Iterator[tuple[str, str]]:
    """Empty section: a heading with nothing under it.

    A section heading with no text and no subsection under it: a reader
    expects what the heading announces.
    """
    from ..inline import plain_text
    from ..model import Section

    if _is_page(document.model):
        for prefix, part in _sections(document.model):  # type: ignore[arg-type]
            if isinstance(part, Section) and not part.blocks and not part.sections:
                yield f"{prefix}.heading", f"the heading “{plain_text(part.heading)}” has nothing under it"


@check("lead-in", "warning", scope="document")
def lead_in(document: Document, policy: Policy) -> Iterator[tuple[str, str]]:
    """Lead-in: a paragraph that ends with a colon and no list after it.

    A paragraph ending with a colon announces a list; without one after it,
    the reader is left waiting.
    """
    from ..inline import plain_text
    from ..model import DefinitionList, ItemList, Paragraph

    if not _is_page(document.model):
        return
    for prefix, part in _sections(document.model):  # type: ignore[arg-type]
        for index, block in enumerate(part.blocks):
            following = part.blocks[index + 1] if index + 1 < len(part.blocks) else None
            ends_with_colon = isinstance(block, Paragraph) and plain_text(block.text).rstrip().endswith(":")
            if ends_with_colon and not isinstance(following, (ItemList, DefinitionList)):
                yield f"{prefix}.{block.id}", "ends with a colon, and no list follows it"


@check("unused-link", "warning", scope="document")
def unused_link(document: Document, policy: Policy) -> Iterator[tuple[str, str]]:
    """Unused link: a link defined and never used.

    An entry of a document's links table that no text links to: a link meant
    to be there and lost, or one to remove.
    """
    from ..inline import Link, iter_containers
    from ..model import iter_texts

    model = document.model
    used = {node.target for nodes in iter_texts(model) for node in iter_containers(nodes) if isinstance(node, Link)}
    prefix = model.id if _is_page(model) else "site"  # type: ignore[union-attr]
    for name in model.links:
        if name not in used:
            yield f"{prefix}.links.{name}", f"the link {name!r} ({model.links[name].url}) is defined and never used"


@check("long-sentence", "warning", scope="document")
def long_sentence(document: Document, policy: Policy) -> Iterator[tuple[str, str]]:
    """Long sentence: a sentence of the English longer than the policy's `max-sentence-words`.

    A sentence of the English longer than the policy's `max-sentence-words`
    (plain-language guidance for patients: about 20 words, 25 at most).
    """
    if policy.max_sentence_words <= 0:
        return
    from ..inline import plain_text
    from ..readability import sentences, words

    for segment in document.segments:
        for sentence in sentences(plain_text(segment.source)):
            count = len(words(sentence))
            if count > policy.max_sentence_words:
                start = " ".join(sentence.split()[:6])
                yield segment.context, f"a sentence of {count} words (more than {policy.max_sentence_words}): “{start}…”"


@check("reading-level", "warning", scope="document")
def reading_level(document: Document, policy: Policy) -> Iterator[tuple[str, str]]:
    """Reading level: an English paragraph or page above the policy's `max-reading-grade`.

    The US school grade (Flesch–Kincaid) of each paragraph of 20 words or
    more, and of each page, is at most the policy's `max-reading-grade`
    (patient-education guidance: grade 6 to 8).
    """
    if policy.max_reading_grade <= 0 or not _is_page(document.model):
        return
    from ..inline import plain_text
    from ..readability import reading

    texts = [plain_text(segment.source) for segment in document.segments]
    for segment, text in zip(document.segments, texts, strict=True):
        found = reading(text, "en")
        if found is not None and found.figures.words >= READING_LEVEL_WORDS and found.value > policy.max_reading_grade:
            yield segment.context, f"reads at grade {found.value:.1f} ({found.formula}), above the {policy.max_reading_grade:g} required"
    page = reading(texts, "en")
    if page is not None and page.value > policy.max_reading_grade:
        yield (
            f"{document.model.id}.title",  # type: ignore[union-attr]
            f"the page reads at grade {page.value:.1f} ({page.formula}), above the {policy.max_reading_grade:g} required",
        )


@check("accept", "warning", scope="policy")
def accept(document: Document, policy: Policy) -> Iterator[tuple[str, str]]:
    """Accept: the policy accepts a finding that no longer occurs.

    An entry of the policy's `accept` list that matches no finding any more
    (the text was fixed, or moved): remove it, so that the list says only
    what the project still accepts, and why.
    """
    return iter(())  # found by `check` itself, once every other check has run
