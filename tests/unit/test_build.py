"""build: every page in every published language, an index, a sitemap, the same bytes twice."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path
from xml.etree import ElementTree

import pytest

from trigger_content.cli import main

from conftest import ROOT, copy_project

LOCALES = ["en", "fr", "de", "it", "pt", "ru"]


@pytest.fixture
def site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "site"
    assert main(["build", str(out)]) == 0
    return out


def files(folder: Path) -> dict[str, bytes]:
    return {str(path.relative_to(folder)): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


def test_every_page_in_every_language_with_index_and_sitemap(site: Path) -> None:
    expected = {f"{locale}/trigger-point-injections.{kind}" for locale in LOCALES for kind in ("html", "txt")}
    assert set(files(site)) == expected | {"index.html", "sitemap.xml", ".trigger-content-build"}
    assert '<html lang="ru" dir="ltr">' in (site / "ru" / "trigger-point-injections.html").read_text(encoding="utf-8")
    assert "Инъекции в триггерные точки\n===" in (site / "ru" / "trigger-point-injections.txt").read_text(encoding="utf-8")


def test_building_twice_gives_identical_bytes(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    before = files(site)
    capsys.readouterr()
    assert main(["build", str(site)]) == 0
    assert "(0 written, 14 unchanged)" in capsys.readouterr().err
    other = tmp_path / "other"
    assert main(["build", str(other)]) == 0
    assert files(other) == before == files(site)


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        href = dict(attrs).get("href")
        if tag == "a" and href and "://" not in href:
            self.hrefs.append(href)


def test_links_between_languages_resolve_to_built_files(site: Path) -> None:
    for page in site.rglob("*.html"):
        parser = Links()
        parser.feed(page.read_text(encoding="utf-8"))
        assert parser.hrefs, page
        for href in parser.hrefs:
            assert (page.parent / href).resolve().is_file(), f"{page}: {href}"


def test_index_leads_to_each_language(site: Path) -> None:
    index = (site / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<li lang="([a-z-]+)"', index) == LOCALES
    assert '<a href="pt/trigger-point-injections.html" hreflang="pt">Infiltração de pontos-gatilho</a>' in index


def test_sitemap_has_every_page_with_its_alternates(site: Path) -> None:
    root = ElementTree.parse(site / "sitemap.xml").getroot()
    namespaces = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    urls = root.findall("s:url", namespaces)
    assert [url.find("s:loc", namespaces).text for url in urls] == [
        f"https://www.rush.edu/patient-information/{locale}/trigger-point-injections.html" for locale in LOCALES
    ]
    alternates = [link.get("hreflang") for link in urls[0].findall("x:link", namespaces)]
    assert alternates == [*LOCALES, "x-default"]


def test_a_withheld_language_is_neither_built_nor_linked(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:

    import polib

    copy_project(tmp_path, monkeypatch)
    catalog_path = tmp_path / "locales" / "it" / "LC_MESSAGES" / "trigger_content.po"
    catalog = polib.pofile(str(catalog_path))
    for entry in list(catalog)[:10]:
        entry.msgstr = ""
    catalog.save(str(catalog_path))
    assert main(["build", "out", "--min-percent", "80"]) == 0
    err = capsys.readouterr().err
    assert "it: withheld: 69.7% translated, below the 80% required to publish" in err
    assert not (tmp_path / "out" / "it").exists()
    assert "/it/" not in (tmp_path / "out" / "en" / "trigger-point-injections.html").read_text(encoding="utf-8")
    assert main(["build", "out2", "--strict"]) == 1
    # render links the languages build publishes, and no other.
    assert main(["render", "--locale", "fr", "--min-percent", "80", "-o", "fr.html"]) == 0
    page = (tmp_path / "fr.html").read_text(encoding="utf-8")
    assert 'hreflang="it"' not in page and "/it/" not in page and 'hreflang="de"' in page


def test_a_language_of_the_site_without_a_catalog_is_withheld_and_check_says_so(
    merged_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    site = merged_project / "content" / "site.toml"
    site.write_text(site.read_text(encoding="utf-8").replace('locales = ["fr",', 'locales = ["es", "fr",'), encoding="utf-8")
    advice = "no catalog for locale 'es'; create it with `trigger-content init es`"
    capsys.readouterr()
    assert main(["render", "-o", "en.html"]) == 0
    assert capsys.readouterr().err.splitlines() == [f"trigger-content: note: es is not linked: {advice}", "en.html: written"]
    assert 'hreflang="es"' not in (merged_project / "en.html").read_text(encoding="utf-8")
    assert main(["render", "--locale", "es"]) == 2  # asked for by name: bad input, as for a locale not listed
    assert capsys.readouterr().err.endswith(f"es/LC_MESSAGES/trigger_content.po: {advice}\n")
    assert main(["build", "out"]) == 0
    assert f"es: withheld: {advice}" in capsys.readouterr().err
    assert not (merged_project / "out" / "es").exists()
    assert main(["check", "--fail-on", "warning"]) == 1
    assert f"{Path('content') / 'site.toml'}: warning: lists 'es', which is not published: {advice} [no-catalog]" in capsys.readouterr().out
    assert main(["init", "es"]) == 0
    assert main(["build", "out"]) == 0
    assert (merged_project / "out" / "es" / "trigger-point-injections.html").is_file()


def test_render_needs_only_its_own_catalog_to_be_readable(merged_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    russian = merged_project / "locales" / "ru" / "LC_MESSAGES" / "trigger_content.po"
    russian.write_text('msgid "a"\nmsgstr "x\n', encoding="utf-8")
    assert main(["render", "-o", "en.html"]) == 0
    assert main(["render", "--locale", "fr", "-o", "fr.html"]) == 0
    capsys.readouterr()
    # Its threshold needs the catalog read: one that cannot be is not linked.
    assert main(["render", "--locale", "fr", "--min-percent", "50", "-o", "fr.html"]) == 0
    assert capsys.readouterr().err.startswith(
        f"trigger-content: note: ru is not linked: cannot be read: {Path('locales') / 'ru' / 'LC_MESSAGES' / 'trigger_content.po'}:2:"
    )
    assert 'hreflang="ru"' not in (merged_project / "fr.html").read_text(encoding="utf-8")
    assert main(["render", "--locale", "ru"]) == 2
    assert main(["build", "out"]) == 2  # a build publishes every language: it stops on the broken one


def test_pseudo_locale_is_built_on_request(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["build", str(tmp_path / "out"), "--pseudo"]) == 0
    page = (tmp_path / "out" / "en_XA" / "trigger-point-injections.html").read_text(encoding="utf-8")
    assert '<html lang="en-XA" dir="ltr">' in page
    assert "<h1>⟦Ţŕîĝĝéŕ Þöîñţ Îñĵéçţîöñš ~~~~~⟧</h1>" in page
    assert '<a href="https://www.rush.edu/covid-19" data-link="covid-updates">šéé ţĥé ĺàţéšţ ûþđàţéš</a>' in page  # tags kept, link rebuilt
    assert 'hreflang="fr"' in page  # the test pages link the real ones; the real ones do not link them
    assert "en-XA" not in (tmp_path / "out" / "fr" / "trigger-point-injections.html").read_text(encoding="utf-8")


def test_pages_of_a_language_no_longer_published_are_removed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(ROOT)
    out = tmp_path / "out"
    assert main(["build", str(out), "--pseudo"]) == 0
    assert (out / "en_XA" / "trigger-point-injections.html").is_file()
    sitemap = (out / "sitemap.xml").read_text(encoding="utf-8")
    assert "en_XA" not in sitemap and "en-XA" not in sitemap  # a test locale, not for search engines
    capsys.readouterr()
    assert main(["build", str(out)]) == 0
    assert not (out / "en_XA").exists()
    assert "en_XA/trigger-point-injections.html: removed (no longer built" in capsys.readouterr().err
    (out / "mine.txt").write_text("not the build's", encoding="utf-8")
    assert main(["build", str(out)]) == 0
    assert (out / "mine.txt").is_file()  # only what a build wrote is ever removed


def test_an_emptied_catalog_counts_as_nothing_translated(merged_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (merged_project / "locales" / "fr" / "LC_MESSAGES" / "trigger_content.po").write_text("", encoding="utf-8")
    assert main(["status", "--no-cache", "--format", "json", "locales/fr"]) == 0
    assert json.loads(capsys.readouterr().out)["catalogs"][0]["percent"] == 0.0
    assert main(["build", "out", "--min-percent", "50"]) == 0
    assert "fr: withheld: 0.0% translated, below the 50% required to publish" in capsys.readouterr().err
    assert not (merged_project / "out" / "fr").exists()


# -- nothing outside the output folder, nothing half-written left in it ---------------------


def test_a_link_where_a_page_goes_is_replaced_and_its_target_untouched(
    site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("not the build's\n", encoding="utf-8")
    page = site / "fr" / "trigger-point-injections.html"
    page.unlink()
    page.symlink_to(outside)
    assert main(["build", str(site)]) == 0
    assert outside.read_text(encoding="utf-8") == "not the build's\n"
    assert not page.is_symlink() and '<html lang="fr"' in page.read_text(encoding="utf-8")


def test_a_link_to_a_folder_outside_is_refused_by_name(site: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    french = site / "fr"
    for path in french.iterdir():
        path.unlink()
    french.rmdir()
    french.symlink_to(elsewhere)
    capsys.readouterr()
    assert main(["build", str(site)]) == 2
    assert (
        capsys.readouterr().err.strip()
        == f"{french}: a symbolic link (to {elsewhere}): the build writes only inside {site}; remove the link"
    )
    assert list(elsewhere.iterdir()) == []


@pytest.mark.parametrize("listed", ["../outside.txt", "/OUTSIDE", "fr/../../outside.txt"])
def test_a_manifest_naming_a_file_outside_deletes_nothing_there(site: Path, tmp_path: Path, listed: str) -> None:
    outside = tmp_path / "outside.txt"
    outside.write_text("keep\n", encoding="utf-8")
    manifest = site / ".trigger-content-build"
    manifest.write_text(json.dumps({"files": [listed.replace("/OUTSIDE", str(outside))]}), encoding="utf-8")
    assert main(["build", str(site)]) == 0
    assert outside.read_text(encoding="utf-8") == "keep\n"


def test_temporary_files_a_stopped_build_left_are_removed(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``kill -9`` between writing a temporary file and its rename leaves it; a deploy would publish it."""
    left = [site / "fr" / ".trigger-point-injections.html.trigger-content-3f2a9c.tmp", site / ".index.html.trigger-content-0b1c2d.tmp"]
    for path in left:
        path.write_bytes(b"<html>half a page")
    mine = site / "fr" / ".notes.tmp"  # not one of the build's names: left alone
    mine.write_text("mine\n", encoding="utf-8")
    capsys.readouterr()
    assert main(["build", str(site)]) == 0
    err = capsys.readouterr().err
    assert not any(path.exists() for path in left) and mine.exists()
    for path in left:
        assert f"{path}: removed (left by a build that was stopped)" in err


def test_a_pipe_or_a_folder_where_a_page_goes_neither_hangs_nor_is_written_through(site: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import os

    page = site / "de" / "trigger-point-injections.txt"
    page.unlink()
    os.mkfifo(page)
    assert main(["build", str(site)]) == 0  # the pipe is replaced by the page, never read
    assert page.is_file() and not page.is_fifo()
    page.unlink()
    page.mkdir()
    capsys.readouterr()
    assert main(["build", str(site)]) == 2
    assert capsys.readouterr().err.strip().endswith(f"{page}: Is a directory")
