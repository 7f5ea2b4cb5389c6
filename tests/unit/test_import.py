"""trigger-content import: existing HTML pages into source documents, the inverse of rendering."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import trigger_content as tc
from trigger_content.cli import main
from trigger_content.importer import import_html, validate
from trigger_content.inline import format_markup, iter_containers
from trigger_content.model import iter_texts

from conftest import DATA

PAGES = DATA / "import"


def content(page: tc.Page) -> dict[str, Any]:
    """What a page's HTML says of it: all but the notes for translators and the site around it."""

    def strip(value: Any) -> Any:
        if isinstance(value, dict):
            return {key: strip(item) for key, item in value.items() if key not in ("note", "site")}
        if isinstance(value, (list, tuple)):
            return [strip(item) for item in value]
        return value

    return strip(page.model_dump())  # type: ignore[no-any-return]


# -- the inverse of rendering ---------------------------------------------------------------


def test_the_shipped_page_rendered_then_imported_is_its_document(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    (page,) = tc.load_pages()
    assert main(["render", "-o", "page.html"]) == 0
    assert main(["import", "page.html", "-o", f"{page.id}.toml"]) == 0
    assert capsys.readouterr().err.endswith(f"{page.id}.toml: written\n")  # and nothing left out
    assert content(tc.load_page(tmp_path / f"{page.id}.toml")) == content(page)
    assert main(["import", "page.html"]) == 0  # the id the rendered page carries
    assert f'id = "{page.id}"\n' in capsys.readouterr().out
    assert main(["render", "--fragment", "-o", "fragment.html"]) == 0
    assert main(["import", "fragment.html", "--id", page.id]) == 0
    assert f'id = "{page.id}"\ntitle = "Trigger Point Injections"\n' in capsys.readouterr().out


_WORD = st.text(alphabet=st.characters(categories=("L", "N", "P", "S"), exclude_characters="<"), min_size=1, max_size=8)
#: Texts as an author writes them: words and single spaces (HTML shows white space so).
_TEXT = st.lists(_WORD, min_size=1, max_size=5).map(" ".join)
_IDS = st.from_regex(r"\A[a-z][a-z0-9]{0,6}\Z")


@st.composite
def pages(draw: st.DrawFn) -> tc.Page:
    ids = iter(draw(st.lists(_IDS.filter(lambda i: i not in tc.model.RESERVED_IDS), min_size=14, max_size=14, unique=True)))
    links = {"ref": tc.LinkTarget(url="https://example.org/?a=1&b=2"), "tel": tc.LinkTarget(url="tel:+13125550100")}

    def text() -> tuple[Any, ...]:
        kind = draw(st.sampled_from(["plain", "link", "em", "strong", "nested"]))
        words = tc.Text(text=draw(_TEXT))
        if kind == "link":
            target = draw(st.sampled_from(sorted(links)))
            return (words, tc.Text(text=" "), tc.Link(target=target, content=(tc.Text(text=draw(_TEXT)),)))
        if kind == "em":
            return (tc.Emphasis(content=(words,)), tc.Text(text=" " + draw(_TEXT)))
        if kind == "strong":
            return (tc.Text(text=draw(_TEXT) + " "), tc.Strong(content=(words,)))
        if kind == "nested":
            return (tc.Strong(content=(tc.Text(text=draw(_TEXT) + " "), tc.Emphasis(content=(words,)))),)
        return (words,)

    paragraph = tc.Paragraph(id=next(ids), text=text())
    items = tc.ItemList(id=next(ids), ordered=draw(st.booleans()), items=tuple(tc.ListItem(id=next(ids), text=text()) for _ in range(2)))
    terms = tc.DefinitionList(id=next(ids), items=(tc.Definition(id=next(ids), term=text(), definition=text()),))
    inner = tc.Section(id=next(ids), heading=text(), blocks=(terms, tc.Paragraph(id=next(ids), text=text())))
    section = tc.Section(id=next(ids), heading=text(), blocks=(items,), sections=(inner,))
    empty = tc.Section(id=next(ids), heading=text())
    page = tc.Page(id=next(ids), title=(tc.Text(text=draw(_TEXT)),), links=links, blocks=(paragraph,), sections=(section, empty))
    used = {node.target for nodes in iter_texts(page) for node in iter_containers(nodes) if isinstance(node, tc.Link)}
    return page.model_copy(update={"links": {key: value for key, value in links.items() if key in used}})


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages(), st.booleans())
def test_generated_pages_rendered_then_imported_are_their_documents(page: tc.Page, fragment: bool) -> None:
    imported = import_html(tc.render_html(page, fragment=fragment), page_id=page.id)
    assert imported.problems == []
    assert content(validate(imported, "page.toml")) == content(page)


# -- pages of hospital sites ------------------------------------------------------------------


def outline(page: tc.Page) -> list[Any]:
    """A page's headings, and the kinds of its blocks, in order."""

    def part(node: Any) -> list[Any]:
        return [block.kind for block in node.blocks] + [(tc.plain_text(s.heading), part(s)) for s in node.sections]

    return [tc.plain_text(page.title), part(page)]


@pytest.mark.parametrize(
    ("name", "options", "expected", "left_out"),
    [
        (
            "echocardiogram",
            [],
            ["Echocardiogram", ["paragraph", ("Why you might need one", ["paragraph", "list"]), ("How to prepare", ["list", "paragraph"])]],
            [],
        ),
        (
            "knee-replacement",
            [],
            [
                "Total Knee Replacement",
                [
                    "paragraph",
                    ("Risks", ["paragraph", "definitions"]),
                    ("Recovery", [("In the hospital", ["paragraph"]), ("At home", ["paragraph"])]),
                ],
            ],
            ["9:3: <img> left out", "23:3: <table> left out"],
        ),
        (
            "flu-vaccine",
            ["--select", "#content"],
            ["Flu Vaccine", ["paragraph", "paragraph", ("Who should not get it", ["paragraph"]), ("Side effects", ["list"])]],
            ["13:5: <aside> left out"],
        ),
        (
            "mri-scan",
            [],
            ["MRI Scan", ["paragraph", ("Tell us before your scan if you have", ["list", "paragraph", "paragraph"])]],
            ["12:7: <ul> inside a text left out", "16:3: <blockquote> left out", "17:90: link to 'javascript:openChat()' left out"],
        ),
        (
            "sleep-study",
            [],
            [
                "Overnight Sleep Study",
                ["paragraph", ("Before your study", ["paragraph", ("What to bring", ["list"])]), ("Common questions", ["definitions"])],
            ],
            ["13:5: h4 after h2: read as one level below", "22:5: <iframe> left out"],
        ),
    ],
)
def test_a_hospital_page_is_imported_without_its_site_around_it(  # type: ignore[no-untyped-def]
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, name: str, options: list[str], expected: list[Any], left_out: list[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(PAGES / f"{name}.html"), *options, "-o", f"{name}.toml"]) == 0
    err = capsys.readouterr().err.splitlines()
    notes = [line.split(f"{name}.html:", 1)[1].replace(": note: ", ": ", 1) for line in err if ": note: " in line]
    assert len(notes) == len(left_out) and all(note.startswith(prefix) for note, prefix in zip(notes, left_out, strict=True)), notes
    page = tc.load_page(tmp_path / f"{name}.toml")
    assert page.id == name and outline(page) == expected
    text = (tmp_path / f"{name}.toml").read_text(encoding="utf-8")
    for chrome in (
        "Find a doctor",
        "Skip to main",
        "Privacy",
        "Accept cookies",
        "Clinic hours",
        "County Health",
        "Was this page helpful",
        "Imaging</",
    ):
        assert chrome not in text
    # The same page, imported again: the same document.
    assert main(["import", str(PAGES / f"{name}.html"), *options, "-o", "again.toml"]) == 0
    assert (tmp_path / "again.toml").read_text(encoding="utf-8").replace('id = "again"', f'id = "{name}"', 1) == text


def test_links_emphasis_and_ids_come_from_the_page(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["import", str(PAGES / "echocardiogram.html"), "-o", "echo.toml"]) == 0
    page = tc.load_page(tmp_path / "echo.toml")
    assert {key: link.url for key, link in page.links.items()} == {
        "312-555-0100": "tel:+13125550100",
        "frequently-asked-questions": "https://www.example-hospital.org/heart/faq",
    }
    why, prepare = page.sections
    assert (why.id, prepare.id) == ("why-you-might-need-one", "how-to-prepare")
    steps = prepare.blocks[0]
    assert steps.kind == "list" and steps.ordered and steps.id == "how-to-prepare-list1"
    assert format_markup(steps.items[1].text) == "Take your usual medicines **unless your doctor tells you otherwise**."
    assert tc.plain_text(page.blocks[0].text).startswith(
        "An echocardiogram (echo) uses sound waves to make moving pictures of your heart. It shows"
    )
    knee = import_html((PAGES / "knee-replacement.html").read_bytes(), page_id="knee")
    risks = validate(knee, "knee.toml").sections[0].blocks[1]
    assert [item.id for item in risks.items] == ["infection", "blood-clots"]
    assert format_markup(risks.items[0].definition) == "Redness, warmth or fluid from the wound. Call us _right away_."


# -- refusals ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["knee-replacement.html", "--strict"], "knee-replacement.html: not imported: 2 thing(s) the document cannot hold (--strict)"),
        (["flu-vaccine.html", "--select", "#nothing"], "--select '#nothing' names no element"),
        (["flu-vaccine.html", "--select", "div[["], "--select 'div[['"),
        (["no-such-page.html"], "no-such-page.html: No such file or directory"),
    ],
)
def test_what_cannot_be_imported_is_refused_and_nothing_written(  # type: ignore[no-untyped-def]
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, arguments: list[str], message: str
) -> None:
    monkeypatch.chdir(PAGES)
    assert main(["import", *arguments, "-o", str(tmp_path / "out.toml")]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not (tmp_path / "out.toml").exists()


# -- the markup of real sites ------------------------------------------------------------------


def imported(html: str, **options: Any) -> tuple[tc.Page, list[str]]:
    found = import_html(html.encode("utf-8"), page_id="page", **options)
    return validate(found, "page.toml"), [f"{line}:{column}: {what}" for line, column, what in found.problems]


def texts(page: tc.Page) -> list[str]:
    return [format_markup(nodes) for nodes in iter_texts(page)]


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        # Inline elements in text outside a paragraph: one paragraph.
        ('<main><h1>T</h1><div>Please call <span style="color:red">the clinic</span> before <font>noon</font>.</div></main>',
         ["T", "Please call the clinic before noon."]),
        # Paragraphs and divisions in a list item or a definition: their words apart.
        ("<main><h1>T</h1><ul><li><p>Take it.</p><p>Drink.</p></li><li>Rest<div>two days</div></li></ul>"
         "<dl><dt>Fever</dt><dd><p>Over 38C.</p><p>Call us.</p></dd></dl></main>",
         ["T", "Take it. Drink.", "Rest two days", "Fever", "Over 38C. Call us."]),
        # End tags HTML lets a page leave out.
        ("<main><h1>T</h1><p>One\n<p>Two<ul><li>apple<li>pear</ul><dl><dt>A<dd>alpha<dt>B<dd>beta</dl></main>",
         ["T", "One", "Two", "apple", "pear", "A", "alpha", "B", "beta"]),
        ("<!DOCTYPE html><html><h1>Flu</h1><p>Get a shot.</p></html>", ["Flu", "Get a shot."]),
        # White space as a reader sees it; a no-break space between words kept, not doubled.
        ("<main><h1>T</h1><p>&nbsp;</p><p>lungs.&nbsp; It&rsquo;s 5&nbsp;mg &nbsp;</p><ul><li>wheezing&nbsp;</li></ul></main>",
         ["T", "lungs. It’s 5\u00a0mg", "wheezing"]),
        # Two line breaks part paragraphs of loose text.
        ("<main><h1>T</h1>First line.<br><br>Second line.<br>Still second.</main>", ["T", "First line.", "Second line. Still second."]),
        # A text that looks like markup, and a heading inside a link.
        ("<main><h1>T</h1><p>Use *only* [this] one_two.</p><a href='/faq'><h2>FAQ</h2></a></main>", ["T", "Use *only* [this] one_two.", "FAQ"]),
    ],
)  # fmt: skip
def test_real_sites_markup_keeps_every_word_once(html: str, expected: list[str]) -> None:
    page, _ = imported(html)
    assert [tc.plain_text(nodes) for nodes in iter_texts(page)] == expected


def test_ids_are_valid_unique_and_made_of_words(capsys) -> None:  # type: ignore[no-untyped-def]
    page, _ = imported(
        "<main><h1>T</h1><h2>Notice</h2><p>a</p><h2>Before<br>your visit</h2><p>b</p><h2>Before your visit</h2>"
        '<p data-id="intro&#10;">c</p><p><a href="tel:1" data-link="tel1">one</a> <a href="tel:1" data-link="tel2">two</a></p></main>'
    )
    assert [section.id for section in page.sections] == ["notice-2", "before-your-visit", "before-your-visit-2"]
    assert page.sections[2].blocks[0].id == "intro"  # its data-id, stripped
    assert sorted(page.links) == ["tel1", "tel2"]


def test_what_is_left_out_is_said_where_it_is() -> None:
    html = (
        "<main><h1>T</h1>\n<img src=x alt=y>\n<div class=faq><button>Can I eat?</button><div hidden><p>No.</p></div></div>\n"
        "<h2></h2><p>See <a href='javascript:x()'>this</a>.</p></main>"
    )
    _, problems = imported(html)
    assert problems == [
        "2:1: <img> left out: a page holds headings, paragraphs, lists and definitions",
        "3:16: <button> left out: a page holds headings, paragraphs, lists and definitions",
        "4:1: an empty <h2> left out",
        "4:17: link to 'javascript:x()' left out (a page links http, https, mailto, tel or a path), its text kept",
    ]


def test_a_page_is_read_in_the_charset_a_browser_reads_it_in() -> None:
    latin = '<meta charset="iso-8859-1"><main><h1>Diabetes \x96 what\x92s next</h1><p>Caf\xe9</p></main>'.encode("latin-1")
    found = import_html(latin)
    assert found.data["title"] == "Diabetes – what’s next" and found.problems == []
    undefined = '<meta charset="iso-8859-1"><main><h1>A\x81B</h1></main>'.encode("latin-1")  # a C1 control, as browsers read it
    assert import_html(undefined).data["title"] == "A\x81B" and import_html(undefined).problems == []
    broken = '<meta charset="utf-8"><main><h1>Café</h1>\n<p>It\x92s</p></main>'.encode("latin-1").replace(
        "Caf\xe9".encode("latin-1"), "Café".encode()
    )
    found = import_html(broken)
    assert found.data["title"] == "Café" and found.problems == [
        (2, 6, "bytes that are not utf-8 (the page says utf-8) replaced with \ufffd")
    ]


def test_the_page_s_language_and_overlapping_selections(tmp_path: Path) -> None:
    found = import_html('<html lang="pt-BR"><main><article><h1>Gripe</h1><p>Vacine-se.</p></article></main></html>', select="main, article")
    assert found.data["lang"] == "pt_BR" and found.problems == []  # the article once, within the main
    assert validate(found, "p.toml").sections == ()


@pytest.mark.parametrize(
    ("html", "message"),
    [
        ("<main><h1>T</h1><p>Press &lt;a1&gt; to start.</p></main>", "the document made of it would not load: "),
        ("<main><h1>T</h1>" + "<div>" * 5000 + "x" + "</div>" * 5000 + "</main>", "elements nested deeper than a page is read"),
        ("", "no h1 and no <title>"),
    ],
)
def test_a_page_that_cannot_be_a_document_is_refused_in_a_line(tmp_path: Path, capsys, html: str, message: str) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "odd.html").write_text(html, encoding="utf-8")
    assert main(["import", str(tmp_path / "odd.html"), "-o", str(tmp_path / "odd.toml")]) == 2
    err = capsys.readouterr().err
    assert err.startswith(str(tmp_path / "odd.html")) and message in err and "Traceback" not in err and err.count("\n") == 1
    assert not (tmp_path / "odd.toml").exists()
