"""review: the page that shows a catalog's translations beside the English, for medical reviewers."""

from __future__ import annotations

import re
from collections.abc import Iterator
from html.parser import HTMLParser
from pathlib import Path

import polib
import pytest

import trigger_content as tc
from trigger_content.checks import Finding, Policy, check_catalog
from trigger_content.po import Catalog, read_po
from trigger_content.review import render_review
from trigger_content.status import context_sections

from conftest import ROOT

FRENCH = ROOT / "locales" / "fr" / "LC_MESSAGES" / "trigger_content.po"
HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>" onmouseover="x'


# -- a small DOM, from html.parser ------------------------------------------------


class Node:
    def __init__(self, tag: str, attrs: dict[str, str | None], parent: Node | None) -> None:
        self.tag, self.attrs, self.parent = tag, attrs, parent
        self.children: list[Node | str] = []

    def iter(self) -> Iterator[Node]:
        for child in self.children:
            if isinstance(child, Node):
                yield child
                yield from child.iter()

    def find_all(self, tag: str | None = None, cls: str | None = None) -> list[Node]:
        return [n for n in self.iter() if (tag is None or n.tag == tag) and (cls is None or cls in (n.attrs.get("class") or "").split())]

    def find(self, tag: str | None = None, cls: str | None = None) -> Node:
        (found, *_) = self.find_all(tag, cls) or [None]
        assert found is not None, f"no <{tag} class={cls}> in <{self.tag}>"
        return found

    def text(self) -> str:
        return "".join(child if isinstance(child, str) else child.text() for child in self.children)

    def words(self) -> str:
        return " ".join(self.text().split())


class Document(HTMLParser):
    VOID = {"meta", "link", "br", "img", "input", "hr", "wbr", "col", "source"}

    def __init__(self, html: str) -> None:
        super().__init__()
        self.root = Node("#document", {}, None)
        self.current = self.root
        self.feed(html)
        self.close()
        assert self.current is self.root, f"<{self.current.tag}> is not closed"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = Node(tag, dict(attrs), self.current)
        self.current.children.append(node)
        if tag not in self.VOID:
            self.current = node

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.current.children.append(Node(tag, dict(attrs), self.current))

    def handle_endtag(self, tag: str) -> None:
        assert self.current.tag == tag, f"</{tag}> closes <{self.current.tag}>"
        assert self.current.parent is not None
        self.current = self.current.parent

    def handle_data(self, data: str) -> None:
        self.current.children.append(data)


def parse(html: str) -> Node:
    return Document(html).root


def rows(root: Node) -> dict[str, Node]:
    """The rows of the table, by their msgctxt, in document order."""
    found = {}
    for row in root.find_all("tr", "row"):
        context = row.find("td", "context").find("code").text()
        assert context not in found
        found[context] = row
    return found


def label(row: Node) -> str:
    return row.find("td", "state").words()


def totals(root: Node) -> list[str]:
    return [item.words() for item in root.find("ul", "totals").find_all("li")]


def figures(root: Node) -> dict[str, str]:
    """Each section of the summary: its title and its figures as written."""
    return {item.find("a").text(): item.find("p", "figures").words() for item in root.find("ol", "sections").find_all("li")}


# -- catalogs ----------------------------------------------------------------------


def french_copy(tmp_path: Path) -> polib.POFile:
    return polib.pofile(str(FRENCH), wrapwidth=0)


def entry(po: polib.POFile, context: str) -> polib.POEntry:
    (found,) = [item for item in po if item.msgctxt == context and not item.obsolete]
    return found


def save(po: polib.POFile, path: Path) -> Catalog:
    po.save(str(path))
    return read_po(path)


# -- the shipped French catalog ----------------------------------------------------


def test_the_french_review_lists_every_text_in_reading_order() -> None:
    pages = tc.load_pages()
    catalog = read_po(FRENCH)
    html = render_review(pages, catalog)
    root = parse(html)
    segments = [segment for page in pages for segment in tc.segments(page)]
    translations = {(e.msgctxt, e.msgid): e.msgstr[0] for e in catalog.active}
    assert len(segments) >= 30

    found = rows(root)
    assert list(found) == [segment.context for segment in segments]
    for segment, row in zip(segments, found.values()):
        assert row.attrs["data-state"] == "translated"
        assert label(row) == "✓ Translated"
        assert row.find("td", "where").text().startswith(segment.comment.splitlines()[0])
        # Inline tags show as text: the cell reads exactly as the catalog.
        assert row.find("td", "english").find("div", "text").text() == segment.text
        cell = row.find("td", "translation")
        assert (cell.attrs["lang"], cell.attrs["dir"]) == ("fr", "ltr")
        assert cell.find("div", "text").text() == translations[(segment.context, segment.text)]
    notice = found["site.notice"].find("td", "translation")
    assert [tag.text() for tag in notice.find_all("span", "tag")] == ["<a1>", "</a1>", "<a2>", "</a2>"]

    n = len(segments)
    assert totals(root) == [f"{n} translated", "0 fuzzy", "0 untranslated", "0 findings"]
    sections = figures(root)
    assert list(sections)[:2] == ["Site header", "Trigger Point Injections: lead"]
    assert all(re.fullmatch(r"(\d+) translated, 0 fuzzy, 0 untranslated, of \1 \(100\.0% translated\)", text) for text in sections.values())
    assert sum(int(text.split()[0]) for text in sections.values()) == n
    html_element = root.find("html")
    assert (html_element.attrs["lang"], html_element.attrs["dir"]) == ("en", "ltr")


def test_states_the_previous_english_and_findings_in_their_rows(tmp_path: Path) -> None:
    pages = tc.load_pages()
    (page,) = pages
    po = french_copy(tmp_path)
    tagline = entry(po, "site.tagline")
    tagline.flags.append("fuzzy")
    tagline.previous_msgid = "Excellence is only the start."
    entry(po, "trigger-point-injections.title").msgstr = ""
    po.remove(entry(po, "trigger-point-injections.types.latent.term"))
    notice = entry(po, "site.notice")
    notice.msgstr = re.sub(r"</?a2>", "", notice.msgstr)
    catalog = save(po, tmp_path / "fr.po")
    findings = check_catalog(catalog, Policy(same_as_source=("Stretching",)))
    assert sorted(f.check for f in findings) == ["fuzzy", "tags", "untranslated"]

    root = parse(render_review(pages, catalog, findings=findings))
    found = rows(root)
    assert len(found) == len(list(tc.segments(page)))

    states = {context: (row.attrs["data-state"], label(row)) for context, row in found.items()}
    assert states["site.tagline"] == ("fuzzy", "≈ Fuzzy ⚑ Has findings (1)")
    assert states["trigger-point-injections.title"] == ("untranslated", "✗ Untranslated ⚑ Has findings (1)")
    assert states["trigger-point-injections.types.latent.term"] == ("missing", "∅ Missing")
    assert states["site.notice"] == ("translated", "✓ Translated ⚑ Has findings (1)")
    assert states["trigger-point-injections.intro"] == ("translated", "✓ Translated")
    assert sum(1 for state, _ in states.values() if state != "translated") == 3

    # The fuzzy row: what changed in the English, word by word.
    fuzzy = found["site.tagline"]
    diff = fuzzy.find("td", "english").find("div", "diff")
    assert [d.text() for d in diff.find_all("del")] == ["only", "start."]
    assert [i.text() for i in diff.find_all("ins")] == ["just", "beginning."]
    assert diff.text() == "Excellence is onlyjust the start.beginning."
    assert fuzzy.find("td", "translation").find("div", "text").text() == "L’excellence n’est qu’un début."
    assert "to be confirmed by a translator" in fuzzy.find("td", "translation").words()

    # Findings in their rows, with check id, severity and message.
    (tags,) = found["site.notice"].find_all("li", "finding")
    (notice_entry,) = [e for e in catalog.active if e.msgctxt == "site.notice"]
    assert tags.words() == f"error tags inline tags differ: missing <a2> </a2> (line {notice_entry.msgstr_line})"
    assert "fuzzy: the English changed" in fuzzy.find("li", "finding").words()
    assert found["trigger-point-injections.intro"].find_all("li", "finding") == []
    assert "Not in the catalog" in found["trigger-point-injections.types.latent.term"].find("td", "translation").words()
    assert found["trigger-point-injections.title"].find("td", "translation").find_all("div", "text") == []

    n = len(found)
    assert totals(root) == [f"{n - 3} translated", "1 fuzzy", "2 untranslated", "3 findings"]
    site = sum(1 for context in found if context.startswith("site."))
    headings = {section.id for section in page.sections}
    lead = sum(1 for context in found if context.split(".")[0] != "site" and context.split(".")[1] not in headings)
    sections = figures(root)
    assert (
        sections["Site header"]
        == f"{site - 1} translated, 1 fuzzy, 0 untranslated, of {site} ({100 * (site - 1) / site:.1f}% translated); 2 findings"
    )
    assert (
        sections["Trigger Point Injections: lead"]
        == f"{lead - 2} translated, 0 fuzzy, 2 untranslated, of {lead} ({100 * (lead - 2) / lead:.1f}% translated); 1 finding"
    )
    assert sections["Trigger Point Injections: Getting a trigger point injection"].startswith(
        "4 translated, 0 fuzzy, 0 untranslated, of 4 "
    )

    # Each section of the summary links to the heading of its rows.
    for link in root.find("ol", "sections").find_all("a"):
        (target,) = [node for node in root.iter() if node.attrs.get("id") == link.attrs["href"][1:]]
        assert target.tag == "th" and target.text() == link.text()
        body = target.parent.parent
        assert body.tag == "tbody"
    bars = root.find("ol", "sections").find_all("div", "bar")
    assert [span.attrs["class"] for span in bars[0].find_all("span")] == ["bar-translated", "bar-fuzzy"]
    assert bars[0].find("span", "bar-fuzzy").attrs["style"] == f"width: {100 / site:.2f}%"


def test_a_missing_text_whose_context_holds_other_english_is_shown_with_the_difference(tmp_path: Path) -> None:
    po = french_copy(tmp_path)
    entry(po, "trigger-point-injections.getting.where").msgid = "Injections are given in the office."
    root = parse(render_review(tc.load_pages(), save(po, tmp_path / "fr.po")))
    row = rows(root)["trigger-point-injections.getting.where"]
    assert row.attrs["data-state"] == "missing"
    other = row.find("div", "other")
    assert "trigger-content update" in other.words()
    assert [i.text() for i in other.find("div", "diff").find_all("ins")] == ["doctor’s "]


def test_hostile_text_stays_text(tmp_path: Path) -> None:
    po = french_copy(tmp_path)
    po.metadata["Language"] = 'fr" onload="alert(1)'
    tagline = entry(po, "site.tagline")
    tagline.msgstr = HOSTILE
    tagline.flags.append("fuzzy")
    tagline.previous_msgid = "<script>alert(2)</script> Excellence"
    entry(po, "site.switcher-label").msgstr = "<a1 href='javascript:alert(1)'>Langues</a1>"
    po.append(polib.POEntry(msgctxt='x." onclick="alert(1)', msgid="<img src=x onerror=alert(1)>", msgstr=HOSTILE))
    catalog = save(po, tmp_path / "fr.po")
    findings = [
        *check_catalog(catalog),
        Finding(catalog.path, 3, "site.tagline", "Excellence is just the beginning.", "<b>x</b>", "error", HOSTILE),
        Finding("<script>x</script>.po", 1, None, "", "header", "warning", HOSTILE),
    ]
    html = render_review(tc.load_pages(), catalog, findings=findings)
    root = parse(html)
    allowed = {
        "html",
        "head",
        "meta",
        "title",
        "style",
        "body",
        "header",
        "main",
        "section",
        "div",
        "h1",
        "h2",
        "h3",
        "p",
        "ul",
        "ol",
        "li",
        "a",
        "span",
        "code",
        "small",
        "table",
        "thead",
        "tbody",
        "tr",
        "th",
        "td",
        "del",
        "ins",
    }
    assert {node.tag for node in root.iter()} <= allowed
    for node in root.iter():
        for name, value in node.attrs.items():
            assert not name.startswith("on"), (node.tag, name)
            assert name in {
                "lang",
                "dir",
                "charset",
                "name",
                "content",
                "id",
                "class",
                "href",
                "style",
                "title",
                "aria-hidden",
                "aria-labelledby",
                "data-state",
                "data-label",
                "colspan",
                "scope",
            }, name
            assert "javascript:" not in (value or ""), (node.tag, name, value)
        if node.tag == "a":
            assert node.attrs["href"].startswith("#section-")
    assert "<script" not in html.lower() and "<img" not in html.lower()

    row = rows(root)["site.tagline"]
    assert row.find("td", "translation").find("div", "text").text() == HOSTILE
    assert HOSTILE in [finding.find("span", "message").text() for finding in row.find_all("li", "finding")]
    assert "<script>alert(2)</script>" in row.find("div", "diff").text()
    assert (
        rows(root)["site.switcher-label"].find("td", "translation").find("div", "text").text()
        == "<a1 href='javascript:alert(1)'>Langues</a1>"
    )
    # An unusable Language gives no lang value rather than an invented one.
    assert {cell.attrs["lang"] for cell in root.find_all("td", "translation")} == {""}
    # Findings for no row on the page are listed in the summary, as text.
    summary = root.find("section")
    assert summary.attrs["id"] == "summary"
    (header,) = [item for item in summary.find_all("li", "finding") if item.find("code", "check").text() == "header"]
    assert header.find("span", "message").text() == HOSTILE and "<script>x</script>.po:1" in header.text()


def test_the_document_is_self_contained() -> None:
    catalog = read_po(FRENCH)
    html = render_review(tc.load_pages(), catalog, findings=check_catalog(catalog, Policy(fail_on=("error", "warning"))))
    assert html.startswith("<!DOCTYPE html>\n")
    assert not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", html, re.IGNORECASE)
    assert not re.search(r"<script|<link|<iframe|<img|@import|url\(", html, re.IGNORECASE)
    root = parse(html)
    ids = [node.attrs["id"] for node in root.iter() if "id" in node.attrs]
    assert len(ids) == len(set(ids)) and all(i and not re.search(r"\s", i) for i in ids)
    for node in root.find_all("a"):
        assert node.attrs["href"][1:] in ids
    assert root.find("meta").attrs == {"charset": "utf-8"}
    assert root.find("style") and "@media print" in root.find("style").text() and "max-width: 48rem" in root.find("style").text()


@pytest.mark.parametrize(
    ("language", "tag", "direction"),
    [
        ("pt_BR", "pt-BR", "ltr"),
        ("sr@latin", "sr-Latn", "ltr"),
        ("ar", "ar", "rtl"),
        ("he", "he", "rtl"),
        # As other tools write the field: the language and its direction all the same.
        ("ar-EG", "ar-EG", "rtl"),
        ("he_IL.UTF-8", "he-IL", "rtl"),
        ("pt-br", "pt-BR", "ltr"),
    ],
)
def test_translation_cells_carry_the_catalogs_language_and_direction(tmp_path: Path, language: str, tag: str, direction: str) -> None:
    path = tmp_path / "x.po"
    path.write_text(
        f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n\n'
        'msgctxt "site.tagline"\nmsgid "Excellence is just the beginning."\nmsgstr "…"\n',
        encoding="utf-8",
    )
    root = parse(render_review(tc.load_pages(), read_po(path)))
    cells = root.find_all("td", "translation")
    assert {(cell.attrs["lang"], cell.attrs["dir"]) for cell in cells} == {(tag, direction)}
    assert root.find("html").attrs["lang"] == "en"
    # The English and the notes about the state stay English and left to right.
    for note in root.find_all("p", "none"):
        assert (note.attrs["lang"], note.attrs["dir"]) == ("en", "ltr")


def test_several_pages_show_the_site_chrome_once(tmp_path: Path) -> None:
    (page,) = tc.load_pages()
    other = page.model_copy(update={"id": "other-page"})
    root = parse(render_review([page, other], read_po(FRENCH)))
    contexts = list(rows(root))
    own = [segment.context for segment in tc.segments(page) if not segment.context.startswith("site.")]
    site = [segment.context for segment in tc.segments(page) if segment.context.startswith("site.")]
    assert contexts == site + own + [context.replace("trigger-point-injections.", "other-page.", 1) for context in own]
    assert {rows(root)[context].attrs["data-state"] for context in contexts[len(site) + len(own) :]} == {"missing"}


def test_sections_may_be_given(tmp_path: Path) -> None:
    root = parse(render_review(tc.load_pages(), read_po(FRENCH), sections=context_sections))
    assert list(figures(root))[:2] == ["site", "trigger-point-injections"]


@pytest.mark.parametrize(
    ("language", "name"), [("pt-br", "Portuguese (Brazil)"), ("FR", "French"), ("ar-EG", "Arabic (Egypt)"), ("x-klingon", "x-klingon")]
)
def test_the_page_names_the_catalogs_language_however_its_header_writes_it(tmp_path: Path, language: str, name: str) -> None:
    path = tmp_path / "x.po"
    path.write_text(f'msgid ""\nmsgstr ""\n"Language: {language}\\n"\n"Content-Type: text/plain; charset=UTF-8\\n"\n', encoding="utf-8")
    assert f"<title>Translation review: {name} ({language})" in render_review(tc.load_pages(), read_po(path))
