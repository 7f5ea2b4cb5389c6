"""The review page's sign-off in a real browser: a reviewer ticks texts, saves the file, and `approve --from` records it.

Headless Chromium (as in test_browser.py) opens the review page that
``trigger-content review`` wrote for a copy of the project, the reviewer
writes a name, ticks two texts and saves the sign-off file; the file is then
imported as a user would, and the records say exactly what was ticked. A text
changed after the page was made is refused, by name. axe-core checks the page.
"""

from __future__ import annotations

import json
import time
from pathlib import Path

import polib
import pytest

from trigger_content.cli import main
from trigger_content.po.reader import read_po
from trigger_content.reviews import read_records

from conftest import copy_project
from conftest_browser import driver, need_axe, serve  # noqa: F401 - driver is a fixture

TICKED = ("trigger-point-injections.title", "trigger-point-injections.intro")
CHANGED = "trigger-point-injections.intro"


def _saved(folder: Path, timeout: float = 20) -> Path:
    """The sign-off file Chromium saved into ``folder``, once it is complete."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        found = [path for path in folder.glob("signoff-*.json") if path.stat().st_size]
        if found:
            return found[0]
        time.sleep(0.1)
    raise AssertionError(f"no sign-off file in {folder}")


@pytest.fixture
def signed(driver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[Path, Path, object]:  # type: ignore[no-untyped-def]
    """A project copy, its French review page opened in Chromium, two texts ticked and the sign-off saved."""
    from selenium.webdriver.common.by import By

    project = copy_project(tmp_path / "project", monkeypatch)
    pages = tmp_path / "pages"
    downloads = tmp_path / "downloads"
    downloads.mkdir()
    assert main(["review", "--locale", "fr", "-o", str(pages / "review-fr.html")]) == 0
    driver.execute_cdp_cmd("Browser.setDownloadBehavior", {"behavior": "allow", "downloadPath": str(downloads)})
    with serve(pages) as url:
        driver.get(url + "review-fr.html")
        driver.find_element(By.ID, "reviewer-name").send_keys("Dr. Claire Martin, MD")
        for context in TICKED:
            box = driver.find_element(By.CSS_SELECTOR, f'input.approve-box[data-context="{context}"]')
            driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", box)
            box.click()
        driver.find_element(By.ID, "save-signoff").click()
        signoff = _saved(downloads)
        status = driver.find_element(By.ID, "signoff-status").text
    return project, signoff, status


def test_a_reviewer_ticks_saves_and_the_file_is_recorded(signed, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    project, signoff, status = signed
    assert "2 approvals by Dr. Claire Martin, MD" in status
    data = json.loads(signoff.read_text(encoding="utf-8"))
    assert data["locale"] == "fr" and data["reviewer"] == "Dr. Claire Martin, MD"
    assert [item["context"] for item in data["approved"]] == list(TICKED)

    assert main(["approve", "--from", str(signoff)]) == 0
    assert "2 approved, 0 already approved" in capsys.readouterr().err
    po = project / "locales" / "fr" / "LC_MESSAGES" / "trigger_content.po"
    records = read_records(po.with_name("trigger_content.reviews.toml"))
    catalog = {entry.msgctxt: entry for entry in read_po(po).entries}
    assert [(record.context, record.reviewer) for record in records] == [(context, "Dr. Claire Martin, MD") for context in TICKED]
    for record in records:  # exactly the texts the reviewer saw
        assert record.english == catalog[record.context].msgid and record.translation == catalog[record.context].msgstr
    assert main(["approve", "--from", str(signoff)]) == 0  # again: nothing new
    assert "0 approved, 2 already approved" in capsys.readouterr().err


def test_a_text_changed_after_the_page_was_made_is_refused_by_name(signed, capsys: pytest.CaptureFixture[str]) -> None:  # type: ignore[no-untyped-def]
    project, signoff, _ = signed
    po = project / "locales" / "fr" / "LC_MESSAGES" / "trigger_content.po"
    catalog = polib.pofile(str(po))
    entry = catalog.find(CHANGED, by="msgctxt")
    entry.msgstr = entry.msgstr.replace("douloureux", "sensibles")
    catalog.save()
    assert main(["approve", "--from", str(signoff)]) == 1
    err = capsys.readouterr().err
    assert f"{CHANGED}: not approved: the translation changed since the review page was made" in err
    assert [record.context for record in read_records(po.with_name("trigger_content.reviews.toml"))] == [TICKED[0]]


def test_axe_finds_no_accessibility_violation_on_the_review_page(driver, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:  # type: ignore[no-untyped-def]
    from test_browser import AXE_RUN, _violations

    axe = need_axe()
    copy_project(tmp_path / "project", monkeypatch)
    assert main(["approve", "--locale", "fr", "--reviewer", "Dr. A", "site.*"]) == 0
    assert main(["review", "--locale", "fr", "-o", str(tmp_path / "pages" / "review.html")]) == 0
    with serve(tmp_path / "pages") as url:
        driver.get(url + "review.html")
        driver.execute_script(axe)
        result = driver.execute_async_script(AXE_RUN)
    assert result["violations"] == [], _violations(result["violations"])
