"""Clinical review records, as users make and read them: approve, reviews, status, check, review, render and build."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
from datetime import UTC, datetime, timedelta
from pathlib import Path

import polib
import pytest
from hypothesis import given, settings, strategies as st

from trigger_content.cli import main
from trigger_content.po.reader import read_po
from trigger_content.reviews import english_digest, read_records, translation_digest

from conftest import ROOT, copy_project

TITLE = "trigger-point-injections.title"
INTRO = "trigger-point-injections.intro"
DR = "Dr. Claire Martin, MD"

needs_gettext = pytest.mark.skipif(shutil.which("msgmerge") is None, reason="GNU gettext is not installed")


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    return copy_project(tmp_path, monkeypatch)


def po(locale: str = "fr") -> Path:
    return Path("locales") / locale / "LC_MESSAGES" / "trigger_content.po"


def records_of(locale: str = "fr") -> Path:
    return po(locale).with_name("trigger_content.reviews.toml")


def reviews(capsys: pytest.CaptureFixture[str], locale: str = "fr") -> dict[str, object]:
    capsys.readouterr()
    assert main(["reviews", "--locale", locale, "--format", "json"]) == 0
    return json.loads(capsys.readouterr().out)  # type: ignore[no-any-return]


def states(capsys: pytest.CaptureFixture[str]) -> dict[str, str]:
    return {text["context"]: text["state"] for text in reviews(capsys)["texts"]}  # type: ignore[index, attr-defined]


def set_translation(context: str, change: str, locale: str = "fr") -> None:
    catalog = polib.pofile(str(po(locale)))
    entry = catalog.find(context, by="msgctxt")
    entry.msgstr = change
    catalog.save()


# -- the shipped catalogs ---------------------------------------------------------------


def test_the_shipped_catalogs_carry_no_record() -> None:
    assert not list((ROOT / "locales").rglob("*.reviews.toml"))


# -- approving -------------------------------------------------------------------------


def test_approve_records_the_exact_texts_with_their_digests(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["approve", "--locale", "fr", "--reviewer", DR, TITLE, "trigger-point-injections.types.*"]) == 0
    assert capsys.readouterr().err.endswith("trigger_content.reviews.toml: 5 approved, 0 already approved\n")
    entries = {entry.msgctxt: entry for entry in read_po(po()).entries}
    records = read_records(records_of())
    assert records[0].context == TITLE and len(records) == 5
    for record in records:
        entry = entries[record.context]
        assert (record.english, record.translation, record.reviewer) == (entry.msgid, entry.msgstr, DR)
        assert datetime.now(UTC) - record.date < timedelta(minutes=1)
    text = records_of().read_text(encoding="utf-8")
    # The digests are of the texts as gettext keys and stores them in a .mo.
    title = entries[TITLE]
    key = (TITLE + "\x04" + title.msgid).encode("utf-8")
    assert f'english-sha256 = "{hashlib.sha256(key).hexdigest()}"' in text
    assert f'translation-sha256 = "{hashlib.sha256(title.msgstr[0].encode("utf-8")).hexdigest()}"' in text
    assert english_digest(TITLE, title.msgid) in text and translation_digest(title.msgstr) in text
    # In the catalog's order, whatever the order of approval.
    assert main(["approve", "--locale", "fr", "--reviewer", "Dr. B", "site.notice"]) == 0
    assert [record.context for record in read_records(records_of())][:2] == ["site.notice", TITLE]
    before = records_of().read_bytes()
    assert main(["approve", "--locale", "fr", "--reviewer", "Dr. B", "site.notice"]) == 0  # already approved: kept as it was
    assert records_of().read_bytes() == before


def test_approve_refuses_what_cannot_be_approved_and_writes_nothing(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_translation(INTRO, "")
    catalog = polib.pofile(str(po()))
    catalog.find(TITLE, by="msgctxt").flags.append("fuzzy")
    catalog.save()
    assert main(["approve", "--locale", "fr", "--reviewer", DR, TITLE, INTRO, "no.such.text"]) == 2
    err = capsys.readouterr().err
    assert f"{TITLE}: fuzzy: a translator must confirm it first" in err
    assert f"{INTRO}: not translated" in err and "no.such.text: no text has this context" in err
    assert len(err.strip().splitlines()) == 1 and not records_of().exists()
    # --all approves the others and names these.
    assert main(["approve", "--locale", "fr", "--reviewer", DR, "--all"]) == 0
    err = capsys.readouterr().err
    assert f"{TITLE}: not approved: fuzzy" in err and "31 approved, 0 already approved, 2 not approved" in err


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--locale", "fr", "--reviewer", "Dr. A"], "name the texts to approve"),
        (["--locale", "fr", "--reviewer", " ", TITLE], "the reviewer's name is empty"),
        (["--locale", "fr", "--reviewer", "Dr. A\nApproved: everything", TITLE], "a control character, a line break"),
        (["--locale", "fr", "--reviewer", "x" * 201, TITLE], "longer than 200 characters"),
        ([TITLE], "--locale LOCALE --reviewer NAME"),
        (["--locale", "es", "--reviewer", "Dr. A", TITLE], "no catalog for locale 'es'"),
    ],
)
def test_approve_refuses_bad_usage(project: Path, capsys: pytest.CaptureFixture[str], arguments: list[str], message: str) -> None:
    assert main(["approve", *arguments]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err and not records_of().exists()


def test_outside_a_project_approve_needs_the_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(tmp_path)
    assert main(["approve", "--locale", "fr", "--reviewer", DR, TITLE]) == 2
    assert "no project here" in capsys.readouterr().err
    assert not list((ROOT / "locales").rglob("*.reviews.toml"))


# -- what makes an approval stale, and what does not ---------------------------------------


def _relaid(folder: Path, tool: str) -> list[str]:
    """A command that rewrites the French catalog in ``tool``'s layout, in place."""
    catalog, template = str(folder / po()), str(folder / "locales" / "trigger_content.pot")
    if tool == "msgcat":
        return ["msgcat", "--width=60", catalog, "-o", catalog]
    return ["msgmerge", "--quiet", "--previous", "--width=50", "-o", catalog, catalog, template]


@needs_gettext
@pytest.mark.parametrize("tool", ["msgcat", "msgmerge"])
def test_approvals_hold_through_gnu_gettext(project: Path, capsys: pytest.CaptureFixture[str], tool: str) -> None:
    assert main(["approve", "--locale", "fr", "--reviewer", DR, "--all"]) == 0
    before = po().read_bytes()
    subprocess.run(_relaid(project, tool), check=True)
    assert po().read_bytes() != before  # laid out anew
    assert set(states(capsys).values()) == {"approved"}


def test_approvals_hold_through_update_polib_and_translate_toolkit(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from translate.storage import po as toolkit_po

    assert main(["approve", "--locale", "fr", "--reviewer", DR, "--all"]) == 0
    # polib saves in its own layout; translate-toolkit (Weblate's library) in its own; update in msgcat's.
    catalog = polib.pofile(str(po()), wrapwidth=40)
    catalog.save()
    assert set(states(capsys).values()) == {"approved"}
    store = toolkit_po.pofile.parsefile(str(po()))
    po().write_bytes(bytes(store))
    assert set(states(capsys).values()) == {"approved"}
    assert main(["extract"]) == 0 and main(["update"]) == 0
    assert set(states(capsys).values()) == {"approved"}
    assert main(["check"]) == 0  # no stale-review, no layout finding left


def test_an_edited_translation_is_stale_and_shown_with_both_texts(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from translate.storage import po as toolkit_po

    assert main(["approve", "--locale", "fr", "--reviewer", DR, TITLE, INTRO]) == 0
    approved = read_po(po()).entries
    store = toolkit_po.pofile.parsefile(str(po()))
    (unit,) = [unit for unit in store.units if unit.getcontext() == TITLE]
    unit.target = "Injections aux points gâchettes"
    po().write_bytes(bytes(store))
    found = reviews(capsys)
    (title,) = [text for text in found["texts"] if text["context"] == TITLE]  # type: ignore[attr-defined]
    assert (title["state"], title["changed"]) == ("stale", ["the translation changed"])
    assert title["record"]["translation"] == [next(e for e in approved if e.msgctxt == TITLE).msgstr[0]]
    assert title["translation"] == ["Injections aux points gâchettes"]
    assert (found["approved"], found["stale"]) == (1, 1)
    assert main(["reviews", "--locale", "fr", "--state", "stale"]) == 0
    out = capsys.readouterr().out
    assert f"stale       {TITLE}  {DR}" in out and "the translation changed since the approval" in out
    assert "translation approved: Injections dans les points gâchettes" in out
    assert "translation now:      Injections aux points gâchettes" in out
    # check warns at the entry's line; the default policy does not fail on it.
    capsys.readouterr()
    assert main(["check", "--format", "json", "--no-cache"]) == 1  # the .mo is now stale
    stale = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["check"] == "stale-review"]
    line = next(entry.msgstr_line for entry in read_po(po()).entries if entry.msgctxt == TITLE)
    assert [(f["line"], f["msgctxt"], f["severity"]) for f in stale] == [(line, TITLE, "warning")]


@needs_gettext
def test_a_reworded_english_makes_the_approval_stale(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract"]) == 0 and main(["update"]) == 0
    assert main(["approve", "--locale", "fr", "--reviewer", DR, "--all"]) == 0
    document = project / "content" / "trigger-point-injections.toml"
    document.write_text(
        document.read_text(encoding="utf-8").replace('title = "Trigger Point Injections"', 'title = "Trigger-Point Injections"'),
        encoding="utf-8",
    )
    assert main(["extract"]) == 0
    subprocess.run(["msgmerge", "--quiet", "--previous", "-U", "--backup=off", str(po()), "locales/trigger_content.pot"], check=True)
    found = {text["context"]: text for text in reviews(capsys)["texts"]}  # type: ignore[attr-defined]
    assert found[TITLE]["state"] == "stale"
    assert found[TITLE]["changed"] == ["the English changed"]
    assert main(["reviews", "--locale", "fr", "--state", "stale"]) == 0
    out = capsys.readouterr().out
    assert "English approved:     Trigger Point Injections" in out and "English now:          Trigger-Point Injections" in out
    # Approving it again replaces the stale record.
    set_translation(TITLE, "Injections dans les points gâchettes")
    catalog = polib.pofile(str(po()))
    entry = catalog.find(TITLE, by="msgctxt")
    entry.flags = [flag for flag in entry.flags if flag != "fuzzy"]
    entry.previous_msgid = entry.previous_msgctxt = None  # polib writes a lone "#| msgctxt" otherwise, which msgfmt refuses too
    catalog.save()
    capsys.readouterr()
    assert main(["approve", "--locale", "fr", "--reviewer", "Dr. B", TITLE]) == 0, capsys.readouterr().err
    assert [r.reviewer for r in read_records(records_of()) if r.context == TITLE] == ["Dr. B"]
    assert set(states(capsys).values()) == {"approved"}


def test_a_record_of_a_text_gone_stays_for_the_audit(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["approve", "--locale", "fr", "--reviewer", DR, TITLE]) == 0
    catalog = polib.pofile(str(po()))
    catalog.remove(catalog.find(TITLE, by="msgctxt"))
    catalog.save()
    found = reviews(capsys)
    assert [record["context"] for record in found["gone"]] == [TITLE]  # type: ignore[attr-defined]
    assert main(["reviews", "--locale", "fr"]) == 0
    assert f"gone        {TITLE}  {DR}" in capsys.readouterr().out


# -- malformed records ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("change", "line", "message"),
    [
        (lambda text: text.replace('reviewer = "Dr. A"', "reviewer = 3"), 9, "approval 1: reviewer must be a string"),
        (lambda text: text.replace('reviewer = "Dr. A"', 'reviewer = "Dr. A\\u0007"'), 9, "control character"),
        (lambda text: text.replace("Trigger Point Injections", "Trigger Point Injection"), 11, "english-sha256 is not the digest"),
        (lambda text: text.replace('translation = "', 'translation = "X'), 12, "translation-sha256 is not the digest"),
        (lambda text: text.replace("date = 20", "date = 'yesterday' # 20"), 10, "date must be a date and time"),
        (lambda text: text.replace("[[approval]]", "[[approval]]\nsigned = true"), 6, "unknown field 'signed'"),
        (lambda text: text + "\n[[approval]]\ncontext = 'x'\n", 14, "approval 2: no english"),
        (lambda text: text.replace("[[approval]]", "[[approval]"), 5, "invalid TOML"),
    ],
)
def test_a_malformed_record_is_refused_at_its_line_by_every_command(  # type: ignore[no-untyped-def]
    project: Path, capsys: pytest.CaptureFixture[str], change, line: int, message: str
) -> None:
    assert main(["approve", "--locale", "fr", "--reviewer", "Dr. A", TITLE]) == 0
    records_of().write_text(change(records_of().read_text(encoding="utf-8")), encoding="utf-8")
    before = records_of().read_bytes()
    for command in (["reviews", "-l", "fr"], ["status"], ["check"], ["review", "-l", "fr"], ["approve", "-l", "fr", "-r", "B", INTRO]):
        capsys.readouterr()
        assert main([*command, "--no-cache"] if command[0] in ("status", "check") else command) == 2, command
        err = capsys.readouterr().err
        assert f"{records_of()}:{line}:" in err and message in err, (command, err)
        assert "Traceback" not in err
    assert records_of().read_bytes() == before


# -- status, check ---------------------------------------------------------------------------


def test_status_counts_approved_stale_and_unreviewed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status"]) == 0
    assert "approved" not in capsys.readouterr().out  # no column until a record exists
    assert main(["approve", "--locale", "fr", "--reviewer", DR, "site.*", TITLE]) == 0
    set_translation("site.tagline", "L’excellence, ce n’est que le début.")
    capsys.readouterr()
    assert main(["status", "--format", "json", "--by-section"]) == 0
    catalogs = {item["locale"]: item for item in json.loads(capsys.readouterr().out)["catalogs"]}
    assert catalogs["fr"]["reviews"] == {"approved": 6, "stale": 1, "unreviewed": 26, "percent": 18.18}
    assert catalogs["de"]["reviews"] == {"approved": 0, "stale": 0, "unreviewed": 33, "percent": 0.0}
    site = catalogs["fr"]["sections"][0]
    assert (site["id"], site["reviews"]) == ("site", {"approved": 5, "stale": 1, "unreviewed": 0, "percent": 83.33})
    assert main(["status"]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split()[8:11] == ["approved", "stale", "unreviewed"]
    assert [line for line in table if line.startswith("fr ")][0].split()[8:12] == ["6", "(18.2%)", "1", "26"]
    assert main(["status", "--format", "markdown"]) == 0
    assert "| 6/33 (18.2%) | 1 |" in capsys.readouterr().out


def test_check_requires_the_approved_share_the_policy_sets(merged_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["approve", "--locale", "fr", "--reviewer", DR, "--all"]) == 0
    assert main(["check"]) == 0
    capsys.readouterr()
    assert main(["check", "--min-approved", "100", "--format", "json"]) == 1
    approval = [f for f in json.loads(capsys.readouterr().out)["findings"] if f["check"] == "approval"]
    assert sorted(Path(f["path"]).parent.parent.name for f in approval) == ["de", "it", "pt", "ru"]
    assert approval[0]["message"] == "0.0% approved by a clinical reviewer (0 of 33; 0 stale, 33 unreviewed), below the 100% required"
    with open("pyproject.toml", "a", encoding="utf-8") as file:
        file.write("\n[tool.trigger-content.check]\nmin-approved-for = { fr = 100 }\n")
    assert main(["check"]) == 0
    set_translation(TITLE, "Injections aux points gâchettes")
    assert main(["check", "--disable", "stale-mo,layout"]) == 1
    assert "[approval]" in capsys.readouterr().out


# -- sign-off files ---------------------------------------------------------------------------


def signoff(folder: Path, **changes: object) -> Path:
    entries = {entry.msgctxt: entry for entry in read_po(po()).entries}
    data: dict[str, object] = {
        "format": "trigger-content-signoff",
        "version": 1,
        "locale": "fr",
        "catalog": "trigger_content.po",
        "reviewer": DR,
        "signed": "2026-12-01T10:30:00.000Z",
        "approved": [
            {
                "context": context,
                "english_sha256": english_digest(context, entries[context].msgid),
                "translation_sha256": translation_digest(entries[context].msgstr),
            }
            for context in (TITLE, INTRO)
        ],
    }
    data.update(changes)
    path = folder / "signoff.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_a_signoff_is_recorded_as_signed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["approve", "--from", str(signoff(project))]) == 0
    records = read_records(records_of())
    assert [(r.context, r.reviewer, r.date) for r in records] == [
        (TITLE, DR, datetime(2026, 12, 1, 10, 30, tzinfo=UTC)),
        (INTRO, DR, datetime(2026, 12, 1, 10, 30, tzinfo=UTC)),
    ]


@pytest.mark.parametrize(
    ("changes", "message"),
    [
        ({"format": "something-else"}, "not a sign-off file"),
        ({"locale": "../../etc"}, "locale: "),
        ({"reviewer": "A\u2028B"}, "line break"),
        ({"signed": "soon"}, "signed is not a date and time"),
        ({"signed": "2999-01-01T00:00:00Z"}, "is in the future"),
        ({"approved": [{"context": TITLE}]}, "approved must be a list"),
    ],
)
def test_a_signoff_that_is_not_one_is_refused(project: Path, capsys: pytest.CaptureFixture[str], changes, message: str) -> None:  # type: ignore[no-untyped-def]
    assert main(["approve", "--from", str(signoff(project, **changes))]) == 2
    err = capsys.readouterr().err
    assert "signoff.json" in err and message in err and not records_of().exists()


def test_a_signoff_for_other_texts_than_today_s_refuses_those_by_name(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = signoff(project)
    (project / "broken.json").write_text("{\n  nope", encoding="utf-8")
    assert main(["approve", "--from", "broken.json"]) == 2
    assert "broken.json:2:3: not JSON" in capsys.readouterr().err
    set_translation(INTRO, "Autre chose.")
    assert main(["approve", "--from", str(path)]) == 1
    err = capsys.readouterr().err
    assert f"{INTRO}: not approved: the translation changed since the review page was made" in err
    assert [r.context for r in read_records(records_of())] == [TITLE]
    assert main(["approve", "--from", str(path), "--reviewer", "Someone else"]) == 2
    assert "its reviewer is not 'Someone else'" in capsys.readouterr().err


# -- the review page --------------------------------------------------------------------------


def test_the_review_page_shows_each_review_and_escapes_records(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["approve", "--locale", "fr", "--reviewer", "Dr. <b>A</b> & co", TITLE, INTRO]) == 0
    set_translation(INTRO, "Texte <script>alert(1)</script> modifié.")
    assert main(["review", "--locale", "fr", "-o", "review.html"]) == 0
    html = (project / "review.html").read_text(encoding="utf-8")
    assert "Clinical review: 1 approved, 1 stale (changed since approval), 31 unreviewed (3.0% approved)." in html
    assert "by Dr. &lt;b&gt;A&lt;/b&gt; &amp; co," in html and "<b>A</b>" not in html
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "but the translation changed since; it is not approved until a reviewer approves it again." in html
    # A box for each text that can be approved: all but the approved one.
    assert html.count('class="approve-box"') == 32
    assert f'class="approve-box" data-context="{TITLE}"' not in html and f'class="approve-box" data-context="{INTRO}"' in html
    assert main(["review", "--locale", "fr", "-o", "again.html"]) == 0  # made again from the same files: the same bytes
    assert (project / "again.html").read_bytes() == (project / "review.html").read_bytes()


# -- publishing -------------------------------------------------------------------------------


def test_the_default_policy_publishes_as_before_and_dates_the_approval(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["build", "before"]) == 0
    before = (project / "before" / "fr" / "trigger-point-injections.html").read_text(encoding="utf-8")
    assert "Traduction relue" not in before and '<article data-page="trigger-point-injections">' in before
    # Two texts approved: the page carries the date, and says nothing it could be misread by.
    assert main(["approve", "--from", str(signoff(project))]) == 0
    assert main(["build", "after"]) == 0
    html = (project / "after" / "fr" / "trigger-point-injections.html").read_text(encoding="utf-8")
    assert '<article data-page="trigger-point-injections" data-approved="2026-12-01">' in html and "Traduction relue" not in html
    # Every text it shows approved: the page says so, in its language.
    assert main(["approve", "--locale", "fr", "--reviewer", DR, "--all"]) == 0
    assert main(["build", "after"]) == 0
    html = (project / "after" / "fr" / "trigger-point-injections.html").read_text(encoding="utf-8")
    today = datetime.now(UTC).date().isoformat()
    assert f'<article data-page="trigger-point-injections" data-approved="{today}">' in html
    assert f'<p class="reviewed approved">Traduction relue par un professionnel de santé\u00a0: <time datetime="{today}">' in html
    text = (project / "after" / "fr" / "trigger-point-injections.txt").read_text(encoding="utf-8")
    assert "Traduction relue par un professionnel de santé\u00a0: " in text
    german = (project / "after" / "de" / "trigger-point-injections.html").read_text(encoding="utf-8")
    assert '<article data-page="trigger-point-injections">' in german and "Übersetzung medizinisch" not in german


def test_require_review_publishes_only_approved_translations(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["approve", "--locale", "fr", "--reviewer", DR, "site.*", TITLE]) == 0
    capsys.readouterr()
    assert main(["render", "--locale", "fr", "--require-review", "-o", "fr.html"]) == 0
    err = capsys.readouterr().err
    assert f"{INTRO}: not approved by a clinical reviewer" in err
    html = (project / "fr.html").read_text(encoding="utf-8")
    assert "<h1>Injections dans les points gâchettes</h1>" in html
    assert '<p data-id="intro"><span lang="en" dir="ltr" class="untranslated">Trigger point injections are used' in html
    # Stale is said as such; the policy in pyproject.toml does the same as the flag.
    set_translation(TITLE, "Injections aux points gâchettes")
    with open("pyproject.toml", "a", encoding="utf-8") as file:
        file.write("\n[tool.trigger-content.publish]\nrequire-review = true\nmin-percent = 50\n")
    capsys.readouterr()
    assert main(["render", "--locale", "fr"]) == 1
    assert "fr: withheld: 18.2% approved by a clinical reviewer, below the 50% required to publish" in capsys.readouterr().err
    assert main(["render", "--locale", "fr", "--min-percent", "0", "-f", "text"]) == 0
    captured = capsys.readouterr()
    assert f"{TITLE}: approval stale: approved by {DR} on " in captured.err and "but the translation changed since" in captured.err
    assert "\nTrigger Point Injections (Pas encore traduit)\n" in captured.out


# -- catalogs of other projects: no contexts, plural messages ------------------------------

THIRD_PARTY = """\
msgid ""
msgstr ""
"Language: es\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: nplurals=2; plural=(n != 1);\\n"

msgid "Take one tablet daily"
msgstr "Tome un comprimido al día"

msgid "%d tablet"
msgid_plural "%d tablets"
msgstr[0] "%d comprimido"
msgstr[1] "%d comprimidos"

msgctxt "dose"
msgid "%d drop"
msgid_plural "%d drops"
msgstr[0] "%d gota"
msgstr[1] "%d gotas"
"""


@pytest.fixture
def third_party(project: Path) -> Path:
    path = po("es")
    path.parent.mkdir(parents=True)
    path.write_text(THIRD_PARTY, encoding="utf-8")
    return path


def test_a_catalog_without_contexts_is_approved_by_its_english(third_party: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["approve", "--locale", "es", "--reviewer", DR, "Take one tablet daily", "%d tablet", "dose"]) == 0
    records = read_records(records_of("es"))
    assert [(r.context, r.english, r.english_plural, r.translation) for r in records] == [
        (None, "Take one tablet daily", None, ("Tome un comprimido al día",)),
        (None, "%d tablet", "%d tablets", ("%d comprimido", "%d comprimidos")),
        ("dose", "%d drop", "%d drops", ("%d gota", "%d gotas")),
    ]
    assert 'english-plural = "%d tablets"\ntranslation = ["%d comprimido", "%d comprimidos"]' in records_of("es").read_text("utf-8")
    assert set(states_of(capsys, "es").values()) == {"approved"}
    # A plural English changed: stale, with the English approved and now; a reworded text without a context: gone, and new.
    third_party.write_text(
        THIRD_PARTY.replace('"%d tablets"', '"%d tablets or capsules"')
        .replace('"%d drops"', '"%d drops of solution"')
        .replace("Take one tablet daily", "Take one tablet a day"),
        encoding="utf-8",
    )
    found = reviews(capsys, "es")
    assert {(text["msgid"], text["state"]) for text in found["texts"]} == {  # type: ignore[attr-defined]
        ("Take one tablet a day", "unreviewed"),
        ("%d tablet", "stale"),
        ("%d drop", "stale"),
    }
    assert [record["english"] for record in found["gone"]] == ["Take one tablet daily"]  # type: ignore[attr-defined]
    assert main(["reviews", "--locale", "es", "--state", "stale"]) == 0
    out = capsys.readouterr().out
    assert "English approved:     %d tablet | %d tablets\n    English now:          %d tablet | %d tablets or capsules" in out
    assert "English now:          %d drop | %d drops of solution" in out
    assert "gone        Take one tablet daily" in out


def states_of(capsys: pytest.CaptureFixture[str], locale: str) -> dict[str, str]:
    return {text["msgid"]: text["state"] for text in reviews(capsys, locale)["texts"]}  # type: ignore[index, attr-defined]


def test_names_from_a_catalog_or_a_signoff_cannot_drive_the_terminal(third_party: Path, capsys: pytest.CaptureFixture[str]) -> None:
    third_party.write_text(THIRD_PARTY + '\nmsgctxt "\\033]0;PWNED\\007\\033[2J"\nmsgid "Rest"\nmsgstr ""\n', encoding="utf-8")
    assert main(["approve", "--locale", "es", "--reviewer", DR, "--all"]) == 0
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\x07" not in err and "\\u001b]0;PWNED\\u0007\\u001b[2J: not approved: not translated" in err
    path = signoff(Path.cwd(), approved=[{"context": "\x1b[31mRED", "english_sha256": "0" * 64, "translation_sha256": "0" * 64}])
    assert main(["approve", "--from", str(path)]) == 1
    err = capsys.readouterr().err
    assert "\x1b" not in err and "\\u001b[31mRED: not approved" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[" * 100_000 + "]" * 100_000, "nested deeper than any sign-off file"),
        ('{"format": "trigger-content-signoff", "version": true}', "not a sign-off file"),
    ],
)
def test_a_signoff_that_no_reader_could_take_is_refused(
    project: Path, capsys: pytest.CaptureFixture[str], content: str, message: str
) -> None:
    (project / "odd.json").write_text(content, encoding="utf-8")
    assert main(["approve", "--from", "odd.json"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("odd.json: ") and message in err and "Traceback" not in err


@pytest.mark.parametrize("moment", ["9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+01:00", "1970-01-01T00:00:00Z"])
def test_a_moment_out_of_range_is_refused_in_a_signoff_and_a_record(project: Path, capsys: pytest.CaptureFixture[str], moment: str) -> None:
    assert main(["approve", "--from", str(signoff(project, signed=moment))]) == 2
    assert "signoff.json: signed " in capsys.readouterr().err
    assert main(["approve", "--locale", "fr", "--reviewer", DR, TITLE]) == 0
    text = records_of().read_text(encoding="utf-8")
    records_of().write_text(text.replace(text.split("date = ")[1].split("\n")[0], moment), encoding="utf-8")
    for command in (["reviews", "-l", "fr"], ["review", "-l", "fr"], ["status", "--no-cache"]):
        capsys.readouterr()
        assert main(command) == 2, command
        err = capsys.readouterr().err
        assert f"{records_of()}:10: approval 1: date " in err and "Traceback" not in err


def test_a_reviewer_name_with_an_invisible_character_is_refused(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["approve", "--locale", "fr", "--reviewer", "Dr \u202eevil", TITLE]) == 2
    assert "invisible formatting character" in capsys.readouterr().err


def test_reviews_json_keeps_to_the_states_asked(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["approve", "--locale", "fr", "--reviewer", DR, TITLE]) == 0
    capsys.readouterr()
    assert main(["reviews", "--locale", "fr", "--format", "json", "--state", "approved"]) == 0
    found = json.loads(capsys.readouterr().out)
    assert [text["context"] for text in found["texts"]] == [TITLE] and found["unreviewed"] == 32


# -- the reader of written records agrees with tomllib ----------------------------------------

TEXTS = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.tuples(st.none() | TEXTS, TEXTS, st.none() | TEXTS, st.lists(TEXTS, min_size=1, max_size=3)), max_size=4))
def test_written_records_read_line_by_line_as_tomllib_reads_them(tmp_path_factory, items) -> None:  # type: ignore[no-untyped-def]
    import tomllib

    from trigger_content.reviews import Record, _read_written, write_records

    path = tmp_path_factory.mktemp("records") / "x.reviews.toml"
    when = datetime(2026, 12, 2, 17, 40, tzinfo=UTC)
    records = [
        Record(context, english, tuple(forms) if plural is not None else (forms[0],), "Dr. A", when, plural)
        for context, english, plural, forms in items
    ]
    write_records(path, records)
    text = path.read_text(encoding="utf-8")
    written = _read_written(text)
    expected = tomllib.loads(text).get("approval", [])
    if written is not None:  # it may decline (a tab, a DEL): tomllib reads those
        assert written[0] == expected
    assert read_records(path) == records


@pytest.mark.parametrize(
    "line",
    [
        'english = "a\\/b"',  # JSON's escape, not TOML's
        'english = "a\\U0001F600"',  # TOML's, not JSON's
        'english = "a" # a comment',
        'english = """a"""',
        "english = 'a'",
        'english = "a\tb"',
        'context = "x"\ncontext = "y"',
        'translation = ["a", "b",]',
        "date = 2026-12-02T17:40:00+01:00",
    ],
)
def test_any_other_layout_is_left_to_tomllib(line: str) -> None:
    from trigger_content.reviews import _read_written

    assert _read_written(f"[[approval]]\n{line}\n") is None
