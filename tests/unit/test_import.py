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
            ["13:5: h4 after h2: read as one level below"],
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
