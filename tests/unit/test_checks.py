"""check: each quality check on a small case, the policy, staleness, exit codes and formats."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
from hypothesis import example, given, settings, strategies as st

from trigger_content.checks import CHECKS, Finding, Policy, check_catalog, load_glossary
from trigger_content.cli import main
from trigger_content.errors import TriggerContentError
from trigger_content.po import read_po

from conftest import DATA, ROOT

HEADER = """msgid ""
msgstr ""
"Language: {locale}\\n"
"Content-Type: text/plain; charset=UTF-8\\n"
"Plural-Forms: {plurals}\\n"

"""
PLURALS = {
    "fr": "nplurals=2; plural=(n > 1);",
    "de": "nplurals=2; plural=(n != 1);",
    "ru": "nplurals=3; plural=(n%10==1 && n%100!=11 ? 0 : n%10>=2 && n%10<=4 && (n%100<10 || n%100>=20) ? 1 : 2);",
}
POLICY = Policy(
    protected=("COVID-19",),
    do_not_translate=("Rush University Medical Center", "Rush"),
    same_as_source=("Latent",),
    glossary=load_glossary(ROOT / "locales" / "glossary.toml"),
)


def findings(body: str, locale: str = "de", policy: Policy = POLICY, header: str | None = None) -> list[tuple[str, int, str]]:
    text = (HEADER.format(locale=locale, plurals=PLURALS[locale]) if header is None else header) + body
    catalog = read_po("case.po", text.encode("utf-8"))  # the checks, not the reader, judge plurals here
    return [(f.check, f.line, f.message) for f in check_catalog(catalog, policy)]


def only(body: str, check: str, **kwargs: object) -> list[str]:
    return [message for name, _, message in findings(body, **kwargs) if name == check]  # type: ignore[arg-type]


def test_every_check_has_an_id_severity_and_title() -> None:
    assert len(CHECKS) >= 19
    for item in CHECKS.values():
        assert item.severity in ("error", "warning", "note") and item.title and item.title.endswith(".")


def test_a_clean_entry_has_no_findings() -> None:
    assert findings('msgid "Exercise"\nmsgstr "Bewegung"\n') == []


def test_tags_missing_invented_and_badly_nested() -> None:
    assert only('msgid "See <a1>news</a1>."\nmsgstr "Siehe Neuigkeiten."\n', "tags") == ["inline tags differ: missing <a1> </a1>"]
    assert only('msgid "See news."\nmsgstr "Siehe <a1>Neuigkeiten</a1>."\n', "tags") == [
        "inline tags differ: not in the English: <a1> </a1>"
    ]
    assert only('msgid "<a1>a <em1>b</em1></a1>"\nmsgstr "<a1>a <em1>b</a1></em1>"\n', "tags") == [
        "inline tags are not well nested at </a1>"
    ]
    assert only('msgid "<a1>a</a1> <a2>b</a2>"\nmsgstr "<a2>b</a2> <a1>a</a1>"\n', "tags") == []


@pytest.mark.parametrize("typed", ["<A1>dons</A1>", "<a1 href=x>dons</a1>", "<Em1>dons</Em1>"])
def test_a_catalog_tag_written_otherwise_is_an_error_of_tags(typed: str) -> None:
    (message,) = only(f'msgid "Rush accepts <a1>donations</a1>."\nmsgstr "Rush accepte les {typed}."\n', "tags")
    assert message.endswith("is not one of the page's tags: readers would see it as text (use the tags of the English)")


@pytest.mark.parametrize(
    ("typed", "extra"),
    [
        ("<strong>dons</strong>", "<strong> </strong>"),
        ("<b>dons</b>", "<b> </b>"),
        ("dons<br>", "<br>"),
        ('<a href="/x">dons</a>', '<a href="/x"> </a>'),
        ("dons<script>alert(1)</script>", "<script> </script>"),
        ('<img src=x onerror="alert(2)">', '<img onerror="alert(2)" src="x">'),
        ("<!-- caché -->dons", "<!--"),
    ],
)
def test_html_typed_into_a_translation_is_an_error_of_markup(typed: str, extra: str) -> None:
    body = f'msgid "Rush accepts <a1>donations</a1>."\nmsgstr "Rush accepte les <a1>{typed.replace(chr(34), chr(92) + chr(34))}</a1>."\n'
    assert only(body, "markup") == [f"markup differs from the English: not in the English: {extra}"]
    assert only(body, "tags") == []


def test_markup_of_the_english_is_kept_with_its_attributes() -> None:
    """As translate-toolkit's xmltags: the same elements, the same attributes; the text of alt and title is translated."""
    assert only('msgid "Do <b>not</b> stop."\nmsgstr "N\'arrêtez <b>pas</b>."\n', "markup") == []
    assert only('msgid "Do <b>not</b> stop."\nmsgstr "N\'arrêtez pas."\n', "markup") == [
        "markup differs from the English: missing <b> </b>"
    ]
    assert only('msgid "Do <b>not</b> stop."\nmsgstr "N\'arrêtez <b>pas</b>.<script>alert(1)</script>"\n', "markup") == [
        "markup differs from the English: not in the English: <script> </script>"
    ]
    assert only('msgid "<img src=\\"a.png\\" alt=\\"Pain\\">"\nmsgstr "<img alt=\\"Douleur\\" src=\\"a.png\\">"\n', "markup") == []
    assert only('msgid "<a href=\\"/a\\">A</a>"\nmsgstr "<a href=\\"/b\\">A</a>"\n', "markup") == [
        'markup differs from the English: not in the English: <a href="/b">; missing <a href="/a">'
    ]


def test_markup_the_english_writes_as_text_may_stay() -> None:
    assert findings('msgid "Type <br> for a new line."\nmsgstr "Tapez <br> pour une nouvelle ligne."\n') == []


@pytest.mark.parametrize(
    ("translation", "message"),
    [
        ("\u202eSAP EN", "U+202E RIGHT-TO-LEFT OVERRIDE is not in the English: it changes the order in which the page shows the text"),
        ("NE\u200b PAS", "U+200B ZERO WIDTH SPACE is not in the English: an invisible character"),
        ("NE\u2066 PAS", "U+2066 LEFT-TO-RIGHT ISOLATE is not in the English: it changes the order in which the page shows the text"),
        ("NE PAS\ufeff", "U+FEFF ZERO WIDTH NO-BREAK SPACE is not in the English: an invisible character"),
    ],
)
def test_bidi_controls_and_invisible_characters_the_english_lacks_are_errors(translation: str, message: str) -> None:
    assert only(f'msgid "DO NOT"\nmsgstr "{translation}"\n', "invisible") == [message]


def test_invisible_characters_a_script_needs_are_not_findings() -> None:
    assert only('msgid "Do not"\nmsgstr "Wort\u00adtrennung"\n', "invisible") == []  # a soft hyphen
    assert only('msgid "The MRI scan"\nmsgstr "\u05e1\u05e8\u05d9\u05e7\u05ea \u200eMRI\u200f"\n', "invisible") == []  # marks in Hebrew
    assert only('msgid "Doctors"\nmsgstr "\u067e\u0632\u0634\u06a9\u200c\u0647\u0627"\n', "invisible") == []  # a non-joiner in Persian
    assert only('msgid "Do not"\nmsgstr "\u0e2b\u0e49\u0e32\u0e21\u200b\u0e17\u0e33"\n', "invisible") == []  # a word break in Thai
    assert only('msgid "A\u200bB"\nmsgstr "A\u200bB"\n', "invisible") == []  # the English has it


@pytest.mark.parametrize(
    ("english", "translation"),
    [
        ("Write to <patients@example.org>.", "Écrivez à <patients-fr@example.org>."),
        ("See <https://example.org>.", "Voir <https://example.org/fr>."),
        ("Type <name> here.", "Tapez <nom> ici."),
        ("If a<b and c>d", "Si a<b et c>d"),
        ("Less than 5 mm", "Moins de <5 mm"),
        ("x<y>z", "x<y>z"),
        ("<<Notice>>", "<<Avis>>"),
    ],
)
def test_text_in_angle_brackets_that_is_not_html_is_not_a_tag(english: str, translation: str) -> None:
    assert only(f'msgid "{english}"\nmsgstr "{translation}"\n', "tags") == []


def test_the_finding_points_at_the_msgstr_line() -> None:
    (finding,) = [f for f in findings('msgid "See <a1>news</a1>."\nmsgstr "Siehe."\n') if f[0] == "tags"]
    assert finding[1] == 8


def test_placeholders_of_the_declared_format() -> None:
    assert only('#, python-format\nmsgid "%(count)d visits"\nmsgstr "%(anzahl)d Besuche"\n', "placeholders")
    assert only('#, python-brace-format\nmsgid "{count} visits"\nmsgstr "{count} Besuche"\n', "placeholders") == []
    assert only('msgid "%(count)d visits"\nmsgstr "Besuche"\n', "placeholders") == []  # no format flag


def test_whitespace_and_newlines_at_the_ends() -> None:
    assert only('msgid "Exercise\\n"\nmsgstr "Bewegung"\n', "whitespace") == ["a newline at the start or end differs from the English"]
    assert only('msgid " Exercise"\nmsgstr "Bewegung"\n', "whitespace") == ["leading or trailing white space differs from the English"]


def test_end_punctuation_and_french_spacing() -> None:
    assert only('msgid "There are two types:"\nmsgstr "Es gibt zwei Arten."\n', "punctuation") == [
        "ends with '.' where the English ends with ':'"
    ]
    assert only('msgid "Should I?"\nmsgstr "Sollte ich."\n', "punctuation") == []  # another sentence end is fine
    assert only('msgid "Two types:"\nmsgstr "Deux types :"\n', "punctuation", locale="fr") == [
        "French typography: a no-break space (U+00A0 or U+202F) goes before ':'"
    ]
    assert only('msgid "Two types:"\nmsgstr "Deux types\u00a0:"\n', "punctuation", locale="fr") == []
    assert only('msgid "See https://x.org at 12:30:"\nmsgstr "Voir https://x.org à 12:30\u00a0:"\n', "punctuation", locale="fr") == []


def test_same_as_source_with_an_allow_list() -> None:
    assert only('msgid "Stretching"\nmsgstr "Stretching"\n', "same-as-source") == ["the translation is the English text"]
    assert only('msgid "Latent"\nmsgstr "Latent"\n', "same-as-source", locale="fr") == []
    assert only('msgid "Rush"\nmsgstr "Rush"\n', "same-as-source") == []


def test_numbers_and_protected_tokens_are_kept() -> None:
    assert only('msgid "About COVID-19"\nmsgstr "Über COVID 19"\n', "numbers") == ["'COVID-19' must appear as it is"]
    assert only('msgid "Take 2 tablets"\nmsgstr "Nehmen Sie zwei Tabletten"\n', "numbers") == ["number 2 of the English is missing"]
    assert only('msgid "About COVID-19"\nmsgstr "Über COVID-19"\n', "numbers") == []


@pytest.mark.parametrize("translation", ["خلال ٢ يوم", "ظرف ۲ روز", "२ दिनों में", "within ② days", "within ２ days"])
def test_a_number_in_the_digits_of_the_language_is_the_same_number(translation: str) -> None:
    assert only(f'msgid "Within 2 days"\nmsgstr "{translation}"\n', "numbers") == []
    assert only(f'msgid "Within 3 days"\nmsgstr "{translation}"\n', "numbers") == ["number 3 of the English is missing"]


def test_do_not_translate_names() -> None:
    assert only('msgid "At Rush, we care."\nmsgstr "Bei Rusch kümmern wir uns."\n', "names") == ["'Rush' is a name and is not translated"]
    assert only('msgid "Rush University Medical Center"\nmsgstr "Rush Universitätsklinikum"\n', "names") == [
        "'Rush University Medical Center' is a name and is not translated"
    ]


def test_glossary_terms() -> None:
    assert only('msgid "Trigger point injections"\nmsgstr "Triggerpunkt-Injektionen"\n', "glossary") == []
    assert only('msgid "Ask your physiatrist."\nmsgstr "Fragen Sie Ihren Physiater."\n', "glossary") == [
        "glossary: 'physiatrist' is 'Fachärztin oder Facharzt für Physikalische und Rehabilitative Medizin' in this language"
    ]


def test_plural_count_and_plural_forms_header() -> None:
    body = 'msgid "%d day"\nmsgid_plural "%d days"\nmsgstr[0] "%d день"\nmsgstr[1] "%d дня"\n'
    assert only(body, "plural-count", locale="ru") == ["2 plural forms where Plural-Forms says nplurals=3"]
    wrong = HEADER.format(locale="fr", plurals="nplurals=3; plural=(n==0 ? 0 : n==1 ? 1 : 2);")
    assert only('msgid "a"\nmsgstr "b"\n', "plural-forms", header=wrong) == [
        "Plural-Forms: gettext tools use 'nplurals=2; plural=(n > 1);' for fr"
    ]
    broken = HEADER.format(locale="de", plurals="nplurals=2; plural=n/0;")
    assert only('msgid "a"\nmsgstr "b"\n', "plural-forms", header=broken) == ["Plural-Forms: division by zero for n = 0"]


def test_header_language_charset_and_fuzzy_header() -> None:
    header = 'msgid ""\nmsgstr ""\n"Content-Type: text/plain\\n"\n\n'
    assert only('msgid "a"\nmsgstr "b"\n', "header", header=header) == [
        "the header has no Language field",
        "the header's Content-Type declares no charset",
    ]
    fuzzy = "#, fuzzy\n" + HEADER.format(locale="de", plurals=PLURALS["de"])
    assert only('msgid "a"\nmsgstr "b"\n', "fuzzy-header", header=fuzzy)


def test_length_far_from_the_usual_ratio() -> None:
    assert only('msgid "Injections are given in the office."\nmsgstr "Ja."\n', "length") == [
        "0.1 times the English length (usual for this language: about 1.25)"
    ]


def test_completeness_threshold_and_states() -> None:
    body = 'msgid "a"\nmsgstr "b"\n\nmsgid "c"\nmsgstr ""\n\n#, fuzzy\nmsgid "d"\nmsgstr "e"\n'
    strict = Policy(min_percent=100)
    found = findings(body, policy=strict)
    assert ("completeness", 2, "33.3% translated (1 of 3; 1 fuzzy, 1 untranslated), below the 100% required") in found
    assert [name for name, _, _ in found if name in ("untranslated", "fuzzy")] == ["untranslated", "fuzzy"]
    assert not [f for f in findings(body, policy=Policy(min_percent=30)) if f[0] == "completeness"]
    assert Policy(min_percent=90, min_percent_for={"ru": 50}).threshold("ru") == 50


# -- the command ---------------------------------------------------------------------


def test_the_projects_own_catalogs_pass(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["check"]) == 0
    *notes, summary = capsys.readouterr().out.splitlines()
    assert summary == f"5 catalogs: 0 errors, 0 warnings, {len(notes)} notes; policy met (pyproject.toml [tool.trigger-content.check])"
    # The page's own defects are reported, each accepted by the policy with its reason.
    assert all(": note: " in note and " accepted: " in note for note in notes)
    page = "trigger_content/content/trigger-point-injections.toml"
    assert any(
        note.startswith(
            f"{page}:171: note: the heading “Why choose Rush for trigger point injections” has nothing under it [empty-section]"
        )
        for note in notes
    )
    assert any(note.startswith(f"{page}:53: note: ends with a colon, and no list follows it [lead-in]") for note in notes)


@pytest.fixture
def broken(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A catalog with a missing tag and an untranslated word, outside any project."""
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "de.po"
    path.write_text(
        HEADER.format(locale="de", plurals=PLURALS["de"])
        + 'msgid "See <a1>news</a1>."\nmsgstr "Siehe."\n\nmsgid "Stretching"\nmsgstr "Stretching"\n',
        encoding="utf-8",
    )
    return path


def test_text_format_reads_like_a_compiler_and_exit_1(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(broken)]) == 1
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == f"{broken}:8: error: inline tags differ: missing <a1> </a1> [tags]"
    assert lines[1] == f"{broken}:11: warning: the translation is the English text [same-as-source]"
    assert lines[-1] == "1 catalog: 1 error, 1 warning; policy failed (the default policy)"


def test_fail_on_and_disable_decide_the_exit(broken: Path) -> None:
    assert main(["check", str(broken), "--disable", "tags"]) == 0
    assert main(["check", str(broken), "--disable", "tags", "--fail-on", "warning"]) == 1
    assert main(["check", str(broken), "--fail-on", "same-as-source"]) == 1
    assert main(["check", str(broken), "--fail-on", "no-such-check"]) == 2
    assert main(["check", str(broken), "--fail-on", ""]) == 2  # an unset CI variable does not turn the gate off
    assert main(["check", str(broken), "--fail-on", " , "]) == 2
    assert main(["check", str(broken), "--min-percent", "100", "--disable", "tags,same-as-source"]) == 0


def test_json_and_github_formats(broken: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", str(broken), "--format", "json"]) == 1
    document = json.loads(capsys.readouterr().out)
    assert document["passed"] is False
    assert document["findings"][0] == {
        "path": str(broken),
        "line": 8,
        "msgctxt": None,
        "msgid": "See <a1>news</a1>.",
        "check": "tags",
        "severity": "error",
        "message": "inline tags differ: missing <a1> </a1>",
        "column": None,
        "accepted": None,
    }
    assert main(["check", str(broken), "--format", "github"]) == 1
    annotations = capsys.readouterr().out.splitlines()
    assert annotations[0] == f"::error file={broken},line=8,title=tags::inline tags differ%3A missing <a1> </a1>".replace(
        "differ%3A", "differ:"
    )
    assert annotations[1].startswith(f"::warning file={broken},line=11,title=same-as-source::")


def test_junit_report_is_written_to_a_file(broken: Path, tmp_path: Path) -> None:
    report = tmp_path / "junit.xml"
    assert main(["check", str(broken), "--format", "junit", "-o", str(report)]) == 1
    root = ElementTree.parse(report).getroot()
    assert root.tag == "testsuites" and root.get("failures") == "1"
    (suite,) = root.findall("testsuite")
    assert suite.get("name") == str(broken)
    failed = [case for case in suite.iter("testcase") if case.find("failure") is not None]
    assert [case.get("name") for case in failed] == [
        "tags: Inline tags: the same set as the English, each once, well nested, none invented, no HTML typed in."
    ]
    # The failure names its finding; every suite counts what the common JUnit schema asks for.
    assert failed[0].find("failure").get("message") == f"{broken}:8: inline tags differ: missing <a1> </a1>"
    for element in (root, suite):
        assert all(element.get(name, "").isdigit() for name in ("tests", "failures", "errors", "skipped")), element.attrib


def test_github_annotations_name_files_from_the_repository_root(
    broken: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """GitHub places an annotation by its path in the repository, wherever the command runs."""
    workspace = broken.parent.parent
    (workspace / "sub").mkdir()
    monkeypatch.chdir(workspace / "sub")
    monkeypatch.setenv("GITHUB_WORKSPACE", str(workspace))
    assert main(["check", "--format", "github", os.path.relpath(broken)]) == 1
    shown = broken.relative_to(workspace).as_posix()
    assert capsys.readouterr().out.startswith(f"::error file={shown},line=8,title=tags::")


def test_unreadable_catalog_exit_2_and_others_checked(broken: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = tmp_path / "bad.po"
    bad.write_text('msgid "a"\nmsgstrr "b"\n', encoding="utf-8")
    assert main(["check", str(bad), str(broken)]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip() == f"{bad}:2: unknown keyword 'msgstrr'"
    assert "[tags]" in captured.out


def test_a_column_is_kept_only_with_its_line() -> None:
    assert Finding("a.po", 0, None, "", "unreadable", "error", "x", 5).to_json()["column"] is None
    assert Finding("a.po", 3, None, "", "unreadable", "error", "x", 5).place == "a.po:3:5"
    assert str(TriggerContentError("x", path="a.toml", column=5)) == "a.toml: x"


def test_a_file_that_cannot_be_opened_is_named_without_a_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    missing = tmp_path / "missing.po"
    assert main(["check", "--no-cache", str(missing)]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"{missing}: No such file or directory\n"
    assert captured.out.splitlines()[0] == f"{missing}: error: No such file or directory [unreadable]"
    assert main(["check", "--no-cache", "--format", "github", str(missing)]) == 2
    assert capsys.readouterr().out.startswith(f"::error file={missing},title=unreadable::")
    assert main(["check", "--no-cache", "--format", "json", str(missing)]) == 2
    assert json.loads(capsys.readouterr().out)["findings"][0]["line"] == 0
    report = tmp_path / "report.xml"
    assert main(["check", "--no-cache", "--format", "junit", "-o", str(report), str(missing)]) == 2
    assert capsys.readouterr().err.splitlines() == [f"{missing}: No such file or directory", f"{report}: written"]
    assert f"{missing}: error: No such file or directory" in report.read_text(encoding="utf-8")


def test_staleness_of_template_catalogs_and_mo(merged_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tmp_path = merged_project
    capsys.readouterr()
    assert main(["check"]) == 0
    document = tmp_path / "content" / "trigger-point-injections.toml"
    document.write_text(document.read_text(encoding="utf-8").replace('text = "Exercise"', 'text = "Regular exercise"'), encoding="utf-8")
    assert main(["check"]) == 1
    assert (
        "locales/trigger_content.pot: error: not current with the source documents; run `trigger-content extract` [stale-template]"
        in capsys.readouterr().out
    )
    assert main(["extract"]) == 0
    capsys.readouterr()
    assert main(["check"]) == 1
    out = capsys.readouterr().out
    assert out.count("not merged with the current template; run `trigger-content update` [not-merged]") == 5
    assert main(["update"]) == 0
    capsys.readouterr()
    assert main(["check", "--fail-on", "error"]) == 0  # fuzzy and stale .mo are warnings
    out = capsys.readouterr().out
    assert out.count("[fuzzy]") == 5 and out.count("[stale-mo]") == 5


def test_a_catalog_only_laid_out_otherwise_is_a_note_not_a_failure(merged_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    french = merged_project / "locales" / "fr" / "LC_MESSAGES" / "trigger_content.po"
    text = french.read_text(encoding="utf-8")
    start = text.index('msgstr ""\n"', text.index('msgctxt "site.notice"'))
    end = text.index("\n\n", start)
    joined = 'msgstr "' + "".join(line[1:-1] for line in text[start:end].split("\n")[1:]) + '"'
    french.write_text(text[:start] + joined + text[end:], encoding="utf-8")  # one long line, as a text editor may leave it
    capsys.readouterr()
    # Its messages are current: a note that update rewrites it, which fails no policy (a .mo compiled before is still current).
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "note: its messages are current, laid out otherwise than msgcat and `trigger-content update` write them" in out
    assert "[layout]" in out and "[not-merged]" not in out and out.endswith(", 1 note; policy met (the default policy)\n")
    assert main(["check", "--format", "github"]) == 0
    assert "::notice file=" in capsys.readouterr().out
    assert main(["check", "--fail-on", "layout"]) == 1  # a team that wants every file as update writes it says so
    assert main(["update"]) == 0 and main(["check", "--fail-on", "layout"]) == 0


def test_policy_comes_from_pyproject(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.trigger-content.check]\nmin-percent = 50\nfail-on = ["error"]\ndisable = ["stale-template", "not-merged", "stale-mo"]\n',
        encoding="utf-8",
    )
    shutil.copy(DATA / "catalogs" / "plurals.po", tmp_path / "ru.po")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "ru.po"]) == 1  # 33% < 50%
    assert "below the 50% required [completeness]" in capsys.readouterr().out
    assert main(["check", "ru.po", "--min-percent", "30"]) == 0
    (tmp_path / "pyproject.toml").write_text("[tool.trigger-content.check]\nmin-percentage = 50\n", encoding="utf-8")
    assert main(["check", "ru.po"]) == 2
    assert "unknown setting 'min-percentage'" in capsys.readouterr().err


@pytest.mark.parametrize("form", ["text", "json", "github", "junit"])
def test_an_unreadable_catalog_is_a_failing_finding_in_every_format(
    broken: Path, tmp_path: Path, form: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.po"
    bad.write_text('msgid "a"\nmsgstrr "b"\n', encoding="utf-8")
    assert main(["check", str(bad), "--format", form]) == 2
    out = capsys.readouterr().out
    if form == "text":
        assert out.splitlines() == [
            f"{bad}:2: error: unknown keyword 'msgstrr' [unreadable]",
            "1 catalog: 1 error, 0 warnings; policy failed (the default policy)",
        ]
    elif form == "json":
        document = json.loads(out)
        assert document["passed"] is False and document["findings"][0]["check"] == "unreadable"
    elif form == "github":
        assert out.startswith(f"::error file={bad},line=2,title=unreadable::unknown keyword 'msgstrr'")
    else:
        root = ElementTree.fromstring(out)
        (suite,) = root.findall("testsuite")
        (error,) = suite.iter("error")
        assert error.get("message") == f"{bad}:2: unknown keyword 'msgstrr'" and error.get("type") == "unreadable"
        # The checks that could not run on it are skipped, not passed.
        cases = suite.findall("testcase")
        assert len(cases) > 1 and all(case.find("skipped") is not None for case in cases if case.find("error") is None)
        assert (root.get("errors"), root.get("failures"), root.get("skipped")) == ("1", "0", str(len(cases) - 1))


def test_a_broken_catalog_in_the_project_is_reported_once_and_the_rest_checked(
    merged_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    russian = merged_project / "locales" / "ru" / "LC_MESSAGES" / "trigger_content.po"
    russian.write_text(russian.read_text(encoding="utf-8").replace('msgstr "Языки"', '<<<<<<< HEAD\nmsgstr "Языки"'), encoding="utf-8")
    capsys.readouterr()
    assert main(["check"]) == 2
    captured = capsys.readouterr()
    assert len(captured.err.splitlines()) == 1 and "git conflict marker" in captured.err
    assert "[unreadable]" in captured.out and "policy failed" in captured.out
    assert main(["check", "--format", "junit"]) == 2
    suites = [suite.get("name") for suite in ElementTree.fromstring(capsys.readouterr().out).iter("testsuite")]
    assert suites[-1] == "project" and len(suites) == 6


def test_a_broken_source_document_is_said_on_stderr_as_a_broken_catalog_is(
    merged_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = merged_project / "content" / "trigger-point-injections.toml"
    document.write_text(document.read_text(encoding="utf-8").replace('kind = "definitions"', 'kind = "table"'), encoding="utf-8")
    capsys.readouterr()
    assert main(["check"]) == 2
    captured = capsys.readouterr()
    assert captured.err.splitlines() == [
        f"{Path('content') / 'trigger-point-injections.toml'}:26: blocks[2]: unknown kind 'table' (expected one of 'paragraph', 'list', 'definitions')"
    ]
    assert "[unreadable]" in captured.out and "policy failed" in captured.out


def test_a_catalog_that_reads_but_cannot_be_merged_stops_the_gate(merged_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """A catalog msgfmt reads, whose Plural-Forms claims more forms than any language, cannot be merged with a plural message: exit 2, whatever fails the policy."""
    template = merged_project / "locales" / "trigger_content.pot"
    template.write_text(
        template.read_text(encoding="utf-8") + '\nmsgid "a day"\nmsgid_plural "%d days"\nmsgstr[0] ""\nmsgstr[1] ""\n', encoding="utf-8"
    )
    russian = merged_project / "locales" / "ru" / "LC_MESSAGES" / "trigger_content.po"
    text = russian.read_text(encoding="utf-8")
    russian.write_text(text.replace("nplurals=3;", "nplurals=9;", 1), encoding="utf-8")
    capsys.readouterr()
    assert main(["check", "--fail-on", "fuzzy"]) == 2
    assert "more plural forms than any language has" in capsys.readouterr().err


def test_a_source_document_that_is_not_toml_is_placed_as_render_places_it(merged_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    document = merged_project / "content" / "trigger-point-injections.toml"
    document.write_text(document.read_text(encoding="utf-8").replace('kind = "definitions"', "kind = definitions"), encoding="utf-8")
    capsys.readouterr()
    assert main(["render", "--locale", "fr"]) == 2
    place = f"{Path('content') / 'trigger-point-injections.toml'}:26:8"
    assert capsys.readouterr().err == f"{place}: invalid TOML: invalid value\n"
    assert main(["check"]) == 2
    captured = capsys.readouterr()
    assert captured.err == f"{place}: invalid TOML: invalid value\n"
    assert f"{place}: error: invalid TOML: invalid value [unreadable]" in captured.out.splitlines()
    assert main(["check", "--format", "github"]) == 2
    assert ",line=26,col=8,title=unreadable::invalid TOML" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("table", "message"),
    [
        ('[tool.trigger-content.check]\nprotected = "COVID-19"', "protected must be a list of strings, not 'COVID-19'"),
        ('[tool.trigger-content.check]\nfail-on = "warning"', "fail-on must be a list of strings, not 'warning'"),
        ('[tool.trigger-content.check]\nmin-percent = "high"', "min-percent must be a number, not 'high'"),
        ("[tool.trigger-content.check]\nmin-percent-for = 5", "min-percent-for must be a table of percentages"),
        ("[tool.trigger-content.check]\nmin-percent = 150", "min-percent must be a percentage from 0 to 100, not 150"),
        ("[tool.trigger-content.check]\nmin-percent-for = { ru = -5 }", "min-percent-for must be a table of percentages from 0 to 100"),
        ('[tool.trigger-content.check]\nfail-on = ["eror"]', "[tool.trigger-content.check]: fail-on: unknown check or severity 'eror'"),
        ('[tool.trigger-content.check]\ndisable = ["lenght"]', "[tool.trigger-content.check]: disable: unknown check or severity 'lenght'"),
        (
            "[tool.trigger-content.check]\nmin-percent-for = { Russian = 90 }",
            "min-percent-for: 'Russian' is not a gettext locale code such as fr, de, pt_BR or sr@latin",
        ),
        ('[tool.trigger-content.check]\nglossary = "missing.toml"', "glossary: no such file"),
        ("[tool.trigger-content.publish]\nmin-percent = 101", "min-percent must be a percentage from 0 to 100, not 101"),
        ('[tool.trigger-content.publish]\nfuzzy = "false"', "fuzzy must be true or false, not 'false'"),
        ('[tool.trigger-content.publish]\nmissing = "hide"', "missing must be one of english, withhold-section, not 'hide'"),
        ('[tool.trigger-content]\nlocales = ["locales"]', "[tool.trigger-content]: locales must be a string, not ['locales']"),
        ("[tool.trigger-content]\ncontent = 5", "[tool.trigger-content]: content must be a string, not 5"),
        (
            '[tool.trigger-content]\ncontnet = "content"',
            "[tool.trigger-content]: unknown setting 'contnet' (known: check, content, domain, language-team, locales, publish, report-msgid-bugs-to, update)",
        ),
        ("[tool.trigger-content]\ncheck = 5", "[tool.trigger-content]: check must be a table, not 5"),
    ],
)
def test_settings_of_the_wrong_type_are_refused_in_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], table: str, message: str
) -> None:
    (tmp_path / "pyproject.toml").write_text(table + "\n", encoding="utf-8")
    shutil.copy(DATA / "catalogs" / "plurals.po", tmp_path / "ru.po")
    monkeypatch.chdir(tmp_path)
    command = ["render"] if "publish" in table else ["check", "ru.po"]
    assert main(command) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 1 and message in err and "Traceback" not in err
    assert err.count("[tool.trigger-content") == 1  # the table named once
    assert err.startswith("pyproject.toml:2: [tool.trigger-content")  # the line of the setting


def test_a_misspelled_table_is_refused_not_ignored(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.trigger-content]\n\n[tool.trigger-content.chek]\nmin-percent = 100\n", encoding="utf-8")
    shutil.copy(DATA / "catalogs" / "plurals.po", tmp_path / "ru.po")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "ru.po"]) == 2
    assert (
        capsys.readouterr().err
        == "pyproject.toml:3: [tool.trigger-content]: unknown setting 'chek' (known: check, content, domain, language-team, locales, publish, report-msgid-bugs-to, update)\n"
    )


@pytest.mark.parametrize(
    ("pyproject", "line"),
    [
        (
            '[tool.trigger-content.check]\nsame-as-source = ["""\nmin-percent = 5\n[x]\n"""]\nmin-percent = 120\n',
            6,
        ),  # not the lines of a string
        ("[tool.trigger-content]\ncheck.min-percent = 120\n", 2),  # a dotted key under the parent table
        ('[tool."trigger-content".check]\nmin-percent = 120\n', 2),  # a quoted table name
        ("[[tool.other]]\nmin-percent = 3\n[tool.trigger-content.check]\n\nmin-percent = 120\n", 5),
    ],
)
def test_a_wrong_setting_is_found_however_the_toml_is_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], pyproject: str, line: int
) -> None:
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    shutil.copy(DATA / "catalogs" / "plurals.po", tmp_path / "ru.po")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "ru.po"]) == 2
    assert capsys.readouterr().err.startswith(f"pyproject.toml:{line}: [tool.trigger-content.check]: min-percent must be")


def test_a_wrong_setting_is_named_at_its_own_line_in_its_own_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    pyproject = '[tool.trigger-content.publish]\nmin-percent = 50\n\n[ tool.trigger-content.check ]  # the policy\n"min-percent" = 120\n'
    (tmp_path / "pyproject.toml").write_text(pyproject, encoding="utf-8")
    shutil.copy(DATA / "catalogs" / "plurals.po", tmp_path / "ru.po")
    monkeypatch.chdir(tmp_path)
    assert main(["check", "ru.po"]) == 2
    assert (
        capsys.readouterr().err
        == "pyproject.toml:5: [tool.trigger-content.check]: min-percent must be a percentage from 0 to 100, not 120\n"
    )
    (tmp_path / "pyproject.toml").write_text("[tool.trigger-content]\ncheck = { min-percent = 120 }\n", encoding="utf-8")
    assert main(["check", "ru.po"]) == 2
    assert capsys.readouterr().err.startswith("pyproject.toml:2: [tool.trigger-content.check]: ")  # an inline table: the line of its key


_PIECES = st.sampled_from(
    ["a", "B", " ", "\u00a0", "\n", "\t", ".", "!", "?", ":", ";", "…", '"', "'", ")", "]", "»", "1", "<", ">", "a>", "<a1>", "</a1>", "//"]
)
_STRINGS = st.lists(_PIECES, max_size=6).map("".join)
#: Two texts that often end alike, the case the cheap tests pass over.
_PAIRS = (
    st.tuples(_STRINGS, _STRINGS, _STRINGS).map(lambda parts: (parts[0] + parts[2], parts[1] + parts[2])).filter(lambda pair: all(pair))
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(_PAIRS, min_size=1, max_size=5), st.sampled_from(["de", "fr"]))
# Texts that end alike but not with the same mark: after a tag, a quote, a space.
@example([("Click.<a1>", "Klick>")], "de")
@example([('Say "yes."', 'Sag "ja"')], "de")
@example([("Done. ", "Fertig ")], "fr")
def test_the_cheap_first_tests_never_hide_a_finding(pairs: list[tuple[str, str]], locale: str) -> None:
    from trigger_content.checks.messages import _BEFORE_HIGH_PUNCTUATION, _SENTENCE_ENDS, _end_mark
    from trigger_content.po import Catalog, Entry
    from trigger_content.tags import TAG_RE

    entries = [
        Entry(source, (text,), msgctxt=f"c{index}", line=index, msgid_line=index, msgstr_line=index + 1)
        for index, (source, text) in enumerate(pairs)
    ]
    header = Entry("", (f"Language: {locale}\nContent-Type: text/plain; charset=UTF-8\n",), msgid_line=1, msgstr_line=1)
    catalog = Catalog("case.po", entries, header)
    found = [(f.msgctxt, f.check, f.message) for f in check_catalog(catalog, Policy()) if f.check in ("punctuation", "whitespace")]

    # The exact rules, asked of every text, in the order the checks run.
    expected = []
    for entry in entries:
        source, text = entry.msgid, entry.msgstr[0]
        if source.startswith("\n") != text.startswith("\n") or source.endswith("\n") != text.endswith("\n"):
            expected.append((entry.msgctxt, "whitespace", "a newline at the start or end differs from the English"))
        elif (source[:1].isspace(), source[-1:].isspace()) != (text[:1].isspace(), text[-1:].isspace()):
            expected.append((entry.msgctxt, "whitespace", "leading or trailing white space differs from the English"))
    for entry in entries:
        source, text = TAG_RE.sub("", entry.msgid), TAG_RE.sub("", entry.msgstr[0])
        want, have = _end_mark(source), _end_mark(text)
        if want != have and not (want in _SENTENCE_ENDS and have in _SENTENCE_ENDS):
            expected.append(
                (
                    entry.msgctxt,
                    "punctuation",
                    f"ends with {have or 'no punctuation'!r} where the English ends with {want or 'no punctuation'!r}",
                )
            )
        for match in _BEFORE_HIGH_PUNCTUATION.finditer(text) if locale == "fr" else ():
            before, after = match.group(1), text[match.end() : match.end() + 2]
            if before not in "\u00a0\u202f;:!?" and not (match.group(2) == ":" and (after.startswith("//") or before.isdigit())):
                expected.append(
                    (entry.msgctxt, "punctuation", f"French typography: a no-break space (U+00A0 or U+202F) goes before {match.group(2)!r}")
                )
                break
    assert found == sorted(expected, key=lambda item: int(item[0][1:]))  # line order, stable


#: Catalogs msgfmt --statistics compiles though something in them is wrong:
#: read and counted, and reported by check as errors at their lines.
CHECKED = {
    "fewer_plural_forms_than_nplurals": ("plural-count", 8, "2 plural forms where Plural-Forms says nplurals=3"),
    "more_plural_forms_than_nplurals": ("plural-count", 8, "3 plural forms where Plural-Forms says nplurals=2"),
    "plural_forms_calls_a_function": ("plural-forms", 4, "Plural-Forms: unexpected '__import__' in the plural expression"),
    "plural_forms_division_by_zero": ("plural-forms", 4, "Plural-Forms: division by zero for n = 0"),
    "plural_forms_index_out_of_range": ("plural-forms", 4, "Plural-Forms: plural form index 2 for n = 2 is outside 0..1"),
    "plural_forms_syntax_error": ("plural-forms", 4, "Plural-Forms: the plural expression ends where an operand is expected"),
    "plural_forms_without_nplurals": ("plural-forms", 4, "Plural-Forms: expected 'nplurals=N; plural=EXPRESSION;'"),
    "newline_differs": ("whitespace", 8, "a newline at the start or end differs from the English"),
    "format_directive_lost": ("placeholders", 9, "placeholders differ: English has %d, translation has none"),
    "markup_added": ("markup", 8, "markup differs from the English: not in the English: <script> </script>"),
    "right_to_left_override": (
        "invisible",
        8,
        "U+202E RIGHT-TO-LEFT OVERRIDE is not in the English: it changes the order in which the page shows the text",
    ),
}


def test_every_checked_fixture_has_its_case() -> None:
    assert sorted(path.stem for path in (DATA / "checked").glob("*.po")) == sorted(CHECKED)


@pytest.mark.parametrize("case", sorted(CHECKED))
def test_what_msgfmt_compiles_but_is_wrong_is_an_error_of_check_at_its_line(case: str, capsys: pytest.CaptureFixture[str]) -> None:
    path = DATA / "checked" / f"{case}.po"
    check_id, line, message = CHECKED[case]
    assert main(["status", "--no-cache", str(path)]) == 0  # read and counted
    capsys.readouterr()
    assert main(["check", "--no-cache", "--disable", "header,punctuation", str(path)]) == 1
    assert capsys.readouterr().out.splitlines()[0] == f"{path}:{line}: error: {message} [{check_id}]"


@pytest.mark.parametrize(
    ("typed", "extra"),
    [
        ("<svg/onload=alert(1)>", '<svg onload="alert(1)">'),
        ('<img src=\\"x\\"onerror=alert(1)>', '<img onerror="alert(1)" src="x">'),
        ("<img src=x onerror=alert(1)", '<img onerror="alert(1)" src="x" (not closed)'),
        ("<img src=`x` onerror=alert(1)>", '<img onerror="alert(1)" src="`x`">'),
    ],
)
def test_markup_as_browsers_read_it_is_found(typed: str, extra: str) -> None:
    assert only(f'msgid "Rest."\nmsgstr "Repos.{typed}"\n', "markup") == [f"markup differs from the English: not in the English: {extra}"]


def test_words_in_angle_brackets_are_not_markup() -> None:
    assert only('msgid "If a<b and c>d"\nmsgstr "Si a<b et c>d"\n', "markup") == []
    assert only('msgid "Less than 5 mm"\nmsgstr "Moins de <b 5 mm"\n', "markup") == []


def test_an_empty_later_plural_form_is_a_warning() -> None:
    assert only('msgid "day"\nmsgid_plural "days"\nmsgstr[0] "Tag"\nmsgstr[1] ""\n', "untranslated") == ["a plural form is untranslated"]


def test_a_fuzzy_flag_says_why_it_is_there() -> None:
    assert only('#, fuzzy\nmsgid "a"\nmsgstr "b"\n', "fuzzy") == [
        "fuzzy: marked for review; review the translation and remove the fuzzy flag"
    ]
    assert only('#, fuzzy\n#| msgid "A"\nmsgid "a"\nmsgstr "b"\n', "fuzzy") == [
        "fuzzy: the English changed; review the translation and remove the fuzzy flag"
    ]


def test_the_default_policy_fails_what_a_reader_would_see_in_english(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Outside a project: untranslated and fuzzy texts fail, the reviewer's warnings do not; check names the policy it applied."""
    monkeypatch.chdir(tmp_path)
    catalog = tmp_path / "de.po"
    header = HEADER.format(locale="de", plurals=PLURALS["de"])
    catalog.write_text(header + 'msgid "Exercise"\nmsgstr ""\n', encoding="utf-8")
    assert main(["check", str(catalog)]) == 1
    assert capsys.readouterr().out.endswith("policy failed (the default policy)\n")
    catalog.write_text(header + '#, fuzzy\nmsgid "Exercise"\nmsgstr "Bewegung"\n', encoding="utf-8")
    assert main(["check", str(catalog)]) == 1
    catalog.write_text(header + 'msgid "Stretching"\nmsgstr "Stretching"\n', encoding="utf-8")  # same as the English: a reviewer's call
    assert main(["check", str(catalog)]) == 0
    assert capsys.readouterr().out.endswith("policy met (the default policy)\n")
    assert main(["check", "--fail-on", "warning", str(catalog)]) == 1
    assert capsys.readouterr().out.endswith("policy failed (the default policy, with the command line's options)\n")


def test_references_moved_by_a_line_or_a_catalog_saved_by_polib_are_notes_not_failures(
    merged_project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """What update would change is only how the catalogs are written: the policy is met, each is a layout note."""
    import polib

    document = merged_project / "content" / "trigger-point-injections.toml"
    document.write_text("# A comment line: every reference below moves by one.\n" + document.read_text(encoding="utf-8"), encoding="utf-8")
    assert main(["extract"]) == 0
    german = merged_project / "locales" / "de" / "LC_MESSAGES" / "trigger_content.po"
    polib.pofile(str(german)).save()  # polib rewraps the comments its own way
    capsys.readouterr()
    assert main(["check"]) == 0
    out = capsys.readouterr().out
    assert "[not-merged]" not in out and out.count("[layout]") == 5


def test_check_reports_every_problem_of_a_source_document(merged_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    shutil.copy(DATA / "source" / "three_problems.toml", merged_project / "content" / "three-problems.toml")
    capsys.readouterr()
    assert main(["check"]) == 2
    captured = capsys.readouterr()
    assert captured.err.count("three-problems.toml:") == 3 and captured.out.count("[unreadable]") == 3


def test_a_broken_catalog_does_not_stop_the_project_checks_of_the_others(merged_project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    russian = merged_project / "locales" / "ru" / "LC_MESSAGES" / "trigger_content.po"
    russian.write_text(russian.read_text(encoding="utf-8").replace('msgstr "Языки"', '<<<<<<< HEAD\nmsgstr "Языки"'), encoding="utf-8")
    french = merged_project / "locales" / "fr" / "LC_MESSAGES" / "trigger_content.po"
    french.write_text(french.read_text(encoding="utf-8").replace('msgstr "Langues"', 'msgstr "Choix de la langue"'), encoding="utf-8")
    capsys.readouterr()
    assert main(["check"]) == 2
    out = capsys.readouterr().out
    assert "fr/LC_MESSAGES/trigger_content.mo: warning: does not say what the current .po says" in out and "[unreadable]" in out
