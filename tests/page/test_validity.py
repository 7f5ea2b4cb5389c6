"""The built site is valid: every HTML file by the Nu HTML Checker, the sitemap as XML.

The checker is the npm package ``vnu-jar`` in tests/browser/ (``npm ci
--ignore-scripts`` there), run with ``java``; without them these tests are
skipped, or fail under ``TRIGGER_CONTENT_REQUIRE_BROWSER=1`` (CI).
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from xml.etree import ElementTree

import pytest

from conftest_browser import BASE_URL, LOCALES, built_site, need_java, need_vnu, page_path  # noqa: F401 - built_site is a fixture

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"


def _html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def test_the_build_has_every_page_and_the_index(built_site: Path) -> None:
    names = {path.relative_to(built_site).as_posix() for path in _html_files(built_site)}
    assert names >= {"index.html", *(page_path(locale) for locale in LOCALES)}


def _described(message: dict, site: Path) -> str:
    where = message.get("url", "")
    if where.startswith("file:"):
        where = Path(where.removeprefix("file:")).resolve().relative_to(site.resolve()).as_posix()
    line = message.get("lastLine", message.get("firstLine", "?"))
    column = message.get("lastColumn", message.get("firstColumn", "?"))
    extract = message.get("extract", "").replace("\n", "⏎")
    return f"{where}:{line}:{column}: {message.get('type')}: {message.get('message')}\n    {extract}"


def test_every_html_file_passes_the_nu_html_checker(built_site: Path) -> None:
    _nu_checker(_html_files(built_site), built_site)


def test_the_review_page_and_a_page_with_approvals_pass_the_nu_html_checker(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The review page with approved, stale and unreviewed texts and its sign-off form; a page dated by its approval."""
    import polib

    from trigger_content.cli import main

    from conftest import copy_project

    project = copy_project(tmp_path / "project", monkeypatch)
    assert main(["approve", "--locale", "fr", "--reviewer", "Dr. <A> & B", "site.*", "trigger-point-injections.t*"]) == 0
    catalog = polib.pofile("locales/fr/LC_MESSAGES/trigger_content.po")
    catalog.find("site.tagline", by="msgctxt").msgstr = "L’excellence, ce n’est que le début."
    catalog.save()
    assert main(["review", "--locale", "fr", "-o", "pages/review-fr.html"]) == 0
    assert main(["build", "pages/site", "--require-review"]) == 0
    files = [project / "pages" / "review-fr.html", project / "pages" / "site" / "fr" / "trigger-point-injections.html"]
    assert 'class="reviewed approved"' in files[1].read_text(encoding="utf-8")
    _nu_checker(files, project / "pages")


def _nu_checker(files: list[Path], site: Path) -> None:
    """The Nu HTML Checker finds no error in ``files`` (named from the folder ``site`` in its report)."""
    java = need_java()
    jar = need_vnu()
    done = subprocess.run(
        [java, "-jar", str(jar), "--errors-only", "--format", "json", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    # vnu writes its report to standard error; exit status 1 means errors.
    try:
        report = json.loads(done.stderr)
    except json.JSONDecodeError:
        pytest.fail(f"vnu.jar (exit {done.returncode}) gave no JSON report:\n{done.stderr}\n{done.stdout}")
    messages = report.get("messages", [])
    problems = "\n".join(_described(message, site) for message in messages)
    assert messages == [], f"the Nu HTML Checker found {len(messages)} error(s) in {len(files)} files:\n{problems}"
    assert done.returncode == 0, f"vnu.jar exited {done.returncode}:\n{done.stderr}"


def test_the_sitemap_is_well_formed_and_names_built_files(built_site: Path) -> None:
    assert BASE_URL, "site.toml has no base_url, so no sitemap is written"
    path = built_site / "sitemap.xml"
    assert path.is_file(), "the build wrote no sitemap.xml"
    try:
        root = ElementTree.parse(path).getroot()
    except ElementTree.ParseError as error:
        pytest.fail(f"sitemap.xml is not well-formed XML: {error}")
    assert root.tag == f"{{{SITEMAP}}}urlset", f"the root element is {root.tag}, not urlset in the sitemap namespace"
    urls = root.findall(f"{{{SITEMAP}}}url")
    locs = [url.findtext(f"{{{SITEMAP}}}loc", default="").strip() for url in urls]
    assert len(locs) == len(urls) and all(locs), "every <url> needs a non-empty <loc>"
    assert len(set(locs)) == len(locs), "a <loc> is listed twice"
    assert set(locs) == {BASE_URL + page_path(locale) for locale in LOCALES}

    def built(address: str) -> bool:
        assert address.startswith(BASE_URL), f"{address} is not under base_url {BASE_URL}"
        return (built_site / address.removeprefix(BASE_URL)).is_file()

    absent = [loc for loc in locs if not built(loc)]
    assert absent == [], f"<loc> addresses with no file in the build: {absent}"
    alternates = {link.get("href", "") for link in root.iter(f"{{{XHTML}}}link")}
    absent = sorted(href for href in alternates if not built(href))
    assert absent == [], f"xhtml:link alternates with no file in the build: {absent}"
