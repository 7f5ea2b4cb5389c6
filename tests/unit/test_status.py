"""status: the counting rules, agreement with msgfmt --statistics, and the output formats."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

import pytest

import trigger_content.batch as batch
from trigger_content.cli import main
from trigger_content.po import read_po
from trigger_content.po.reader import statistics
from trigger_content.status import badge_svg, catalog_status

from conftest import DATA, ROOT

CATALOGS = DATA / "catalogs"
REAL = sorted((DATA / "pofile").glob("real_*.po")) + sorted((ROOT / "locales").glob("*/LC_MESSAGES/*.po"))
needs_gettext = pytest.mark.skipif(shutil.which("msgfmt") is None, reason="GNU gettext (msgfmt) is not installed")


def msgfmt_statistics(path: Path) -> tuple[int, int, int]:
    output = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", str(path)], capture_output=True, text=True, check=True).stderr
    figures = {kind: int(number) for number, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", output)}
    return figures.get("translated", 0), figures.get("fuzzy", 0), figures.get("untranslated", 0)


@pytest.mark.parametrize(
    ("case", "translated", "fuzzy", "untranslated", "obsolete"),
    [
        ("fuzzy_header", 1, 0, 1, 0),  # the header is not counted, fuzzy or not
        ("obsolete_and_fuzzy", 1, 1, 1, 2),  # an empty fuzzy entry is untranslated; obsolete apart
        ("plurals", 1, 1, 1, 0),
        ("plural_form_missing", 1, 0, 0, 0),  # msgfmt compiles a plural whose later forms are empty
        ("contexts", 2, 0, 1, 0),  # same msgid, two contexts; msgctxt with an empty msgid
        ("crlf", 1, 0, 1, 0),
        ("latin1", 1, 0, 1, 0),
        ("koi8r", 1, 1, 0, 0),
        ("no_final_newline", 1, 0, 0, 0),
    ],
)
def test_counting_rules(case: str, translated: int, fuzzy: int, untranslated: int, obsolete: int) -> None:
    for fast in (True, False):
        counts = statistics(CATALOGS / f"{case}.po", fast=fast).counts
        assert (counts.translated, counts.fuzzy, counts.untranslated, counts.obsolete) == (translated, fuzzy, untranslated, obsolete)
        assert counts.total == translated + fuzzy + untranslated


@needs_gettext
@pytest.mark.parametrize(
    "path", sorted(CATALOGS.glob("*.po")) + REAL, ids=lambda p: p.name if p.parent.name != "LC_MESSAGES" else p.parent.parent.name
)
def test_counts_equal_msgfmt_statistics(path: Path) -> None:
    # Django's French catalog has 3 plural forms for nplurals=2, which
    # msgfmt -c refuses but msgfmt --statistics counts: so do we.
    counts = statistics(path).counts
    assert (counts.translated, counts.fuzzy, counts.untranslated) == msgfmt_statistics(path)


def test_locale_comes_from_the_header_or_the_folder(tmp_path: Path) -> None:
    assert catalog_status(read_po(CATALOGS / "koi8r.po")).locale == "ru"
    folder = tmp_path / "es" / "LC_MESSAGES"
    folder.mkdir(parents=True)
    (folder / "x.po").write_text('msgid "a"\nmsgstr "b"\n', encoding="utf-8")
    assert catalog_status(read_po(folder / "x.po")).locale == "es"


def test_words_leave_tags_out_and_count_translated_words() -> None:
    status = catalog_status(read_po(ROOT / "locales" / "fr" / "LC_MESSAGES" / "trigger_content.po"))
    assert status.counts.words_total == status.counts.words_translated == 398


def test_json_output_is_the_documented_object(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--format", "json", str(CATALOGS / "plurals.po"), str(CATALOGS / "contexts.po")]) == 0
    document = json.loads(capsys.readouterr().out)
    first = document["catalogs"][0]
    assert first == {
        "path": str(CATALOGS / "plurals.po"),
        "locale": "ru",
        "translated": 1,
        "fuzzy": 1,
        "untranslated": 1,
        "obsolete": 0,
        "total": 3,
        "percent": 33.33,
        "words": {"translated": 4, "total": 12},
        "reviews": {"approved": 0, "stale": 0, "unreviewed": 3, "percent": 0.0},
        "sections": [],
    }
    assert document["catalogs"][1]["locale"] == "it"


def test_a_folder_is_searched_recursively(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--format", "json", str(ROOT / "locales")]) == 0
    paths = [item["path"] for item in json.loads(capsys.readouterr().out)["catalogs"]]
    assert [Path(p).parent.parent.name for p in paths] == ["de", "fr", "it", "pt", "ru"]


def test_project_catalogs_by_section(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    assert main(["status", "--by-section", "--format", "json"]) == 0
    catalogs = json.loads(capsys.readouterr().out)["catalogs"]
    assert [c["path"] for c in catalogs][0] == "locales/de/LC_MESSAGES/trigger_content.po"
    sections = {s["id"]: (s["title"], s["total"]) for s in catalogs[0]["sections"]}
    assert sections == {
        "site": ("Site header", 6),
        "trigger-point-injections": ("Trigger Point Injections: lead", 7),
        "trigger-point-injections.getting": ("Trigger Point Injections: Getting a trigger point injection", 4),
        "trigger-point-injections.should-i": ("Trigger Point Injections: Should I have trigger point injections?", 8),
        "trigger-point-injections.types-of-injections": ("Trigger Point Injections: Types of trigger point injections", 7),
        "trigger-point-injections.why-rush": ("Trigger Point Injections: Why choose Rush for trigger point injections", 1),
    }


def test_table_and_markdown(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", str(CATALOGS / "obsolete_and_fuzzy.po")]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["locale", "translated", "fuzzy", "untranslated", "obsolete", "total", "percent", "words", "path"]
    assert table[1].split()[:7] == ["fr", "1", "1", "1", "2", "3", "33.3%"]
    assert main(["status", "--format", "markdown", str(CATALOGS / "obsolete_and_fuzzy.po")]) == 0
    markdown = capsys.readouterr().out
    assert markdown.startswith("| Language | Translated |") and "| `fr` | 1/3 (33.3%) | 1 | 1 | 2 |" in markdown


def test_badges_are_svg_files_per_locale(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["status", "--badge", str(tmp_path), str(ROOT / "locales")]) == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["de.svg", "fr.svg", "it.svg", "pt.svg", "ru.svg"]
    svg = (tmp_path / "fr.svg").read_text(encoding="utf-8")
    assert svg.startswith('<svg xmlns="http://www.w3.org/2000/svg"') and ">100%</text>" in svg and "#2e7d32" in svg
    assert "#c62828" in badge_svg("ru", 33.3) and "&lt;x&gt;" in badge_svg("<x>", 50)


def test_no_badge_is_written_when_a_catalog_cannot_be_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "locales" / "fr.po"
    broken.parent.mkdir()
    broken.write_text('msgid "a"\nmsgstr "unterminated\n', encoding="utf-8")
    shutil.copy(CATALOGS / "plurals.po", tmp_path / "locales" / "ru.po")
    badges = tmp_path / "badges"
    assert main(["status", "--badge", str(badges), str(tmp_path / "locales")]) == 2
    assert capsys.readouterr().err.splitlines()[-1] == f"{badges}: no badge written: a catalog could not be read"
    assert not badges.exists()  # nor a stale badge replaced by some and not others


def test_an_unreadable_catalog_is_named_and_the_others_still_reported(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.po"
    broken.write_text('msgid "a"\nmsgstr "unterminated\n', encoding="utf-8")
    assert main(["status", str(broken), str(CATALOGS / "crlf.po")]) == 2
    captured = capsys.readouterr()
    assert captured.err.strip() == f"{broken}:2:8: unterminated string"
    assert "crlf.po" in captured.out
    # The reports read elsewhere (a pull-request comment, a dashboard) name it too.
    assert main(["status", "--format", "markdown", str(broken), str(CATALOGS / "crlf.po")]) == 2
    assert f"| `{broken}` | cannot be read: line 2: unterminated string | | | | | ❌ |" in capsys.readouterr().out.splitlines()
    assert main(["status", "--format", "json", str(broken), str(CATALOGS / "crlf.po")]) == 2
    document = json.loads(capsys.readouterr().out)
    assert document["unreadable"] == [{"path": str(broken), "line": 2, "column": 8, "message": "unterminated string"}]
    assert [catalog["path"] for catalog in document["catalogs"]] == [str(CATALOGS / "crlf.po")]


def test_no_table_when_no_catalog_could_be_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    broken = tmp_path / "broken.po"
    broken.write_text('msgid "a"\n', encoding="utf-8")
    assert main(["status", str(broken)]) == 2
    captured = capsys.readouterr()
    assert (captured.out, captured.err.strip()) == ("", f"{broken}:1: msgid without msgstr")


@pytest.mark.parametrize(
    ("plural_forms", "body", "check", "message"),
    [
        ("nplurals=2; plural=n/0;", "", "plural-forms", "Plural-Forms: division by zero for n = 0"),
        ("nplurals=2; plural=n+;", "", "plural-forms", "Plural-Forms: the plural expression ends where an operand is expected"),
        ("nplurals=2; plural=(n==1 ? 0 : 2);", "", "plural-forms", "Plural-Forms: plural form index 2 for n = 0 is outside 0..1"),
        (
            "nplurals=3; plural=(n==1 ? 0 : n==2 ? 1 : 2);",
            'msgid "a"\nmsgid_plural "as"\nmsgstr[0] "x"\nmsgstr[1] "y"\n',
            "plural-count",
            "2 plural forms where Plural-Forms says nplurals=3",
        ),
    ],
)
def test_plural_problems_msgfmt_compiles_are_counted_by_status_and_reported_by_check(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], plural_forms: str, body: str, check: str, message: str
) -> None:
    """msgfmt --statistics counts these files (only msgfmt -c refuses them): status gives their figures, check an error at the line."""
    path = tmp_path / "plurals.po"
    path.write_text(
        f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: {plural_forms}\\n"\n\n{body}', encoding="utf-8"
    )
    assert main(["status", "--no-cache", str(path)]) == 0
    assert main(["check", "--no-cache", "--disable", "header", str(path)]) == 1
    line = 4 if check == "plural-forms" else 8
    assert f"{path}:{line}: error: {message} [{check}]" in capsys.readouterr().out
    if shutil.which("msgfmt"):
        assert subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", str(path)], capture_output=True).returncode == 0
        assert subprocess.run(["msgfmt", "-c", "-o", "/dev/null", str(path)], capture_output=True).returncode == 1


def test_a_second_run_answers_from_the_cache_and_a_changed_file_is_read_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import trigger_content.batch as batch

    catalog = tmp_path / "de.po"
    shutil.copy(CATALOGS / "crlf.po", catalog)
    assert main(["status", "--format", "json", str(catalog)]) == 0
    first = json.loads(capsys.readouterr().out)
    reads: list[Path] = []
    real_run = batch._run
    monkeypatch.setattr(batch, "_run", lambda work, path, arguments: reads.append(path) or real_run(work, path, arguments))
    assert main(["status", "--format", "json", str(catalog)]) == 0
    assert json.loads(capsys.readouterr().out) == first and reads == []  # from the cache
    catalog.write_bytes(catalog.read_bytes().replace(b'msgstr ""', b'msgstr "Dehnen"'))
    assert main(["status", "--format", "json", str(catalog)]) == 0
    assert json.loads(capsys.readouterr().out)["catalogs"][0]["translated"] == 2 and reads == [catalog]
    assert main(["status", "--no-cache", str(catalog)]) == 0
    assert reads == [catalog, catalog]


def test_worker_processes_give_the_same_figures(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    assert main(["status", "--no-cache", "--jobs", "1", "--format", "json", str(ROOT / "locales")]) == 0
    serial = capsys.readouterr().out
    monkeypatch.setattr(batch, "WORTH_A_WORKER", 0)  # workers even for catalogs this small
    assert main(["status", "--no-cache", "--jobs", "2", "--format", "json", str(ROOT / "locales")]) == 0
    assert capsys.readouterr().out == serial


def test_small_catalogs_are_read_without_workers_and_jobs_below_one_are_refused(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import concurrent.futures

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker pool for 5 small catalogs")

    monkeypatch.setattr(concurrent.futures, "ProcessPoolExecutor", no_pool)
    assert main(["status", "--no-cache", "--jobs", "2", str(ROOT / "locales")]) == 0
    capsys.readouterr()
    with pytest.raises(SystemExit) as exited:  # a usage error, as argparse reports them
        main(["status", "--jobs", "0"])
    assert exited.value.code == 2 and "--jobs" in capsys.readouterr().err


def test_from_a_subfolder_of_the_project_paths_are_relative_to_it(
    merged_project: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (merged_project / "docs").mkdir()
    monkeypatch.chdir(merged_project / "docs")
    assert main(["status", "--format", "json", "--no-cache"]) == 0
    paths = [catalog["path"] for catalog in json.loads(capsys.readouterr().out)["catalogs"]]
    assert paths == [
        str(Path("..") / "locales" / locale / "LC_MESSAGES" / "trigger_content.po") for locale in ("de", "fr", "it", "pt", "ru")
    ]
    pyproject = merged_project / "pyproject.toml"
    pyproject.write_text(pyproject.read_text(encoding="utf-8") + 'contnet = "content"\n', encoding="utf-8")
    assert main(["status"]) == 2
    assert capsys.readouterr().err.startswith(f"{Path('..') / 'pyproject.toml'}:3: [tool.trigger-content]: unknown setting 'contnet'")


@pytest.mark.parametrize("expression", ["(" * 110 + "n" + ")" * 110, " + ".join(["n"] * 1000), "*".join(["(n+1)"] * 2000)])
def test_a_plural_expression_of_any_depth_or_size_is_counted_and_checked_without_a_traceback(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], expression: str
) -> None:
    path = tmp_path / "deep.po"
    path.write_text(
        f'msgid ""\nmsgstr ""\n"Content-Type: text/plain; charset=UTF-8\\n"\n"Plural-Forms: nplurals=2; plural={expression};\\n"\n\n'
        'msgid "day"\nmsgid_plural "days"\nmsgstr[0] "Tag"\nmsgstr[1] "Tage"\n',
        encoding="utf-8",
    )
    assert main(["status", "--no-cache", str(path)]) == 0
    assert main(["check", "--no-cache", str(path)]) == 1
    captured = capsys.readouterr()
    assert "Traceback" not in captured.err and f"{path}:4: error: Plural-Forms: " in captured.out
