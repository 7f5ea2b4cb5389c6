"""The command line, as users and CI call it: output, files, exit codes, one-line errors."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import trigger_content as tc
from trigger_content.cli import main

from conftest import DATA, ROOT, SEGMENTS, copy_project


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    """The command in a fresh interpreter, as a shell would run it."""
    return subprocess.run(
        [sys.executable, "-m", "trigger_content", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        encoding="utf-8",
        check=False,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"},
    )


def test_render_prints_the_html_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("<!DOCTYPE html>") and "<h1>Trigger Point Injections</h1>" in out


def test_render_writes_text_to_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "out" / "page.txt"
    assert main(["render", "trigger-point-injections", "--format", "text", "--width", "60", "-o", str(target)]) == 0
    assert capsys.readouterr().err == f"{target}: written\n"
    text = target.read_text(encoding="utf-8")
    assert text.splitlines()[0] == "As we begin to reopen Rush University Medical Center for"
    assert max(len(line) for line in text.splitlines() if " " in line) <= 60


def test_render_a_document_by_path(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", str(DATA / "source" / "self_contained.toml"), "--format", "text"]) == 0
    assert "A self-contained page\n=====" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("args", "line"),
    [
        (["render", "nope"], r"/content: no page 'nope' \(pages: trigger-point-injections\)$"),
        (
            ["render", "--locale", "es"],
            r"es/LC_MESSAGES/trigger_content\.po: no catalog for locale 'es'; create it with `trigger-content init es`$",
        ),
        (
            ["render", "--locale", "xx"],
            r"xx/LC_MESSAGES/trigger_content\.po: no catalog for locale 'xx', and unknown locale 'xx'; use a code such as fr, de or pt_BR$",
        ),
        (["render", str(DATA / "source" / "duplicate_id.toml")], r"duplicate_id\.toml:15: id 'intro' is used more than once"),
        (["--content", str(DATA / "source"), "render", "wrong_type"], r"wrong_type\.toml:7: blocks\[0\]\.ordered: "),
    ],
)
def test_bad_input_gives_one_line_and_exit_2(args: list[str], line: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1, result.stderr
    assert "Traceback" not in result.stderr
    import re

    assert re.search(line, result.stderr.strip()), result.stderr


def test_bad_usage_exits_2() -> None:
    result = run("render", "--format", "pdf")
    assert result.returncode == 2 and "invalid choice: 'pdf'" in result.stderr
    assert run().returncode == 2


def test_nothing_is_written_when_the_input_is_bad(tmp_path: Path) -> None:
    target = tmp_path / "page.html"
    target.write_text("old", encoding="utf-8")
    result = run("render", str(DATA / "source" / "unknown_block_kind.toml"), "-o", str(target))
    assert result.returncode == 2
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["page.html"]


def test_schema_prints_json_schema_of_each_document(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["schema"]) == 0
    page = json.loads(capsys.readouterr().out)
    assert page["title"] == "Page" and "sections" in page["properties"]
    assert main(["schema", "--document", "site"]) == 0
    assert json.loads(capsys.readouterr().out)["title"] == "Site"


def test_version_and_help() -> None:
    assert run("--version").stdout.startswith("trigger-content ")
    assert "render" in run("--help").stdout


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project folder with a copy of the packaged content, as the current folder."""
    return copy_project(tmp_path, monkeypatch, locales=False)


def test_extract_writes_the_template_once_then_leaves_it(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract"]) == 0
    assert capsys.readouterr().err == "locales/trigger_content.pot: written\n"
    template = project / "locales" / "trigger_content.pot"
    first = template.read_bytes()
    assert b'#: content/trigger-point-injections.toml:10\nmsgctxt "trigger-point-injections.title"\n' in first
    assert main(["extract"]) == 0
    assert capsys.readouterr().err == "locales/trigger_content.pot: unchanged\n"
    assert template.read_bytes() == first
    assert main(["extract", "--check"]) == 0


def test_extract_check_fails_when_the_source_changed(project: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["extract"]) == 0
    template = project / "locales" / "trigger_content.pot"
    before = template.read_bytes()
    document = project / "content" / "trigger-point-injections.toml"
    document.write_text(
        document.read_text(encoding="utf-8").replace('title = "Trigger Point Injections"', 'title = "Trigger point injections"'),
        encoding="utf-8",
    )
    assert main(["extract", "--check"]) == 1
    assert "not current with the source documents" in capsys.readouterr().err
    assert template.read_bytes() == before  # --check writes nothing
    assert main(["extract"]) == 0
    assert b'msgid "Trigger point injections"\n' in template.read_bytes()


def test_write_errors_are_one_line_without_traceback(tmp_path: Path) -> None:
    result = run("render", "-o", str(tmp_path))  # a folder, not a file
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1


def test_usage_errors_are_one_line() -> None:
    result = run("render", "--format", "pdf")
    assert result.stderr.splitlines() == [
        "trigger-content render: argument --format/-f: invalid choice: 'pdf' (choose from 'html', 'text') (see trigger-content render --help)"
    ]


def test_template_errors_name_the_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "fragment.html").write_text("<p>\n{% if %}\n", encoding="utf-8")
    result = run("render", "--fragment", "--templates", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip().startswith(f"{tmp_path / 'fragment.html'}:2: template error:")
    assert run("render", "--templates", str(tmp_path / "missing")).stderr.strip().endswith("missing: no such template folder")


def test_an_override_can_extend_the_packaged_template(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "page.html").write_text(
        '{% extends "trigger_content/page.html" %}{% block style %}<style>body{color:#000}</style>{% endblock %}', encoding="utf-8"
    )
    assert main(["render", "--templates", str(tmp_path)]) == 0
    html = capsys.readouterr().out
    assert "<style>body{color:#000}</style>" in html and "<h1>Trigger Point Injections</h1>" in html


def test_render_reports_texts_left_in_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    copy_project(tmp_path, monkeypatch, locales=False)
    assert main(["extract"]) == 0
    assert main(["init", "es"]) == 0
    capsys.readouterr()
    assert main(["render", "--locale", "es", "--format", "text"]) == 0
    err = capsys.readouterr().err.splitlines()
    assert "not compiled" in err[0]
    assert err[1] == "trigger-content: note: 'es' is not among the locales of site.toml; the other pages do not link it"
    assert err[2] == f"trigger-content: note: es/trigger-point-injections: {SEGMENTS} not shown as translated:"
    assert err[3] == "  site.notice: untranslated"


@pytest.mark.parametrize("arguments", [["status", "--no-cache"], ["check", "--no-cache", "locales/fr/LC_MESSAGES/trigger_content.po"]])
def test_status_and_check_start_without_the_heavy_libraries(arguments: list[str]) -> None:
    """Cold start: status, and check of catalogs, need neither pydantic, Babel, Jinja2 nor polib."""
    assert _loaded_by(arguments, ROOT, {"pydantic", "babel", "jinja2", "polib", "importlib_metadata"}) == []


def _loaded_by(arguments: list[str], folder: Path, modules: set[str]) -> list[str]:
    """Which of ``modules`` a command loads, run in a fresh interpreter in ``folder``."""
    probe = (
        "import sys, io, contextlib\n"
        "from trigger_content.cli import main\n"
        f"with contextlib.redirect_stdout(io.StringIO()): main({arguments!r})\n"
        f"print(sorted({{m.split('.')[0] for m in sys.modules}} & set({sorted(modules)!r})))"
    )
    result = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=folder,
        capture_output=True,
        text=True,
        env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin", "TRIGGER_CONTENT_CACHE": "/nonexistent"},
    )
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.replace("'", '"'))  # the list of names printed above


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["render", "--locale", "../x"], "argument --locale/-l: '../x' is not a gettext locale code such as fr, de, pt_BR or sr@latin"),
        (["review", "--locale", "fr fr"], "argument --locale/-l: 'fr fr' is not a gettext locale code"),
        (["update", "--check", "../fr"], "argument LOCALE: '../fr' is not a gettext locale code"),
        (["check", "--min-percent", "150"], "argument --min-percent: a percentage is from 0 to 100, not 150"),
        (["build", "out", "--min-percent", "many"], "argument --min-percent: 'many' is not a number"),
        (["status", "--jobs", "two"], "argument --jobs/-j: 'two' is not a whole number"),
        (["render", "--width", "1.5"], "argument --width: '1.5' is not a whole number"),
    ],
)
def test_a_bad_option_value_is_one_line_naming_the_option(arguments: list[str], message: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(arguments)
    err = capsys.readouterr().err
    assert exited.value.code == 2 and len(err.splitlines()) == 1 and message in err, err


def test_a_pyproject_that_does_not_load_is_named_with_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.trigger-content]\nx = 1\nx = 2\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    assert main(["status"]) == 2
    assert capsys.readouterr().err == "pyproject.toml:3:6: invalid TOML: cannot overwrite a value\n"


def test_a_reader_that_goes_away_ends_the_command_quietly_with_141(tmp_path: Path) -> None:
    """``check … | head``: 128 + SIGPIPE, as a shell reports a program that SIGPIPE ended; not 1, which says a check failed."""
    catalog = tmp_path / "many.po"
    header = 'msgid ""\nmsgstr "Content-Type: text/plain; charset=UTF-8\\n"\n\n'
    catalog.write_text(header + "".join(f'msgid "text {number}"\nmsgstr ""\n\n' for number in range(5000)), encoding="utf-8")
    command = [sys.executable, "-m", "trigger_content", "check", "--no-cache", "--format", "json", str(catalog)]
    with subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"}
    ) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.read(10)
        process.stdout.close()
        assert (process.wait(timeout=60), process.stderr.read()) == (141, b"")


def test_render_finds_a_page_by_its_id_whatever_its_file_is_called(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_project(tmp_path, monkeypatch)
    document = tmp_path / "content" / "trigger-point-injections.toml"
    document.rename(tmp_path / "content" / "injections.toml")
    (tmp_path / "content" / "second.toml").write_text('id = "second"\ntitle = "Second"\n', encoding="utf-8")
    assert main(["render", "trigger-point-injections", "--format", "text"]) == 0
    assert "\nTrigger Point Injections\n====" in capsys.readouterr().out
    assert main(["render", "injections"]) == 2  # a file name is not an id
    assert capsys.readouterr().err.endswith("no page 'injections' (pages: trigger-point-injections, second)\n")
    assert main(["render"]) == 2
    assert capsys.readouterr().err.endswith("name the page to render (pages: trigger-point-injections, second)\n")


def test_two_documents_with_one_page_id_are_refused_by_extract_and_check(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    copy_project(tmp_path, monkeypatch)
    (tmp_path / "content" / "zz-copy.toml").write_text('id = "trigger-point-injections"\ntitle = "Copy"\n', encoding="utf-8")
    message = f"{Path('content') / 'zz-copy.toml'}: page id 'trigger-point-injections' is already used by {Path('content') / 'trigger-point-injections.toml'}\n"
    capsys.readouterr()
    assert main(["extract"]) == 2
    assert capsys.readouterr().err == message
    assert main(["check"]) == 2
    assert capsys.readouterr().err == message


def test_status_outside_a_project_starts_without_typing(tmp_path: Path) -> None:
    """A CI that counts catalogs outside a project (no pyproject.toml) loads neither TOML nor typing: start-up is most of its time."""
    catalog = tmp_path / "fr.po"
    shutil.copy(ROOT / "locales" / "fr" / "LC_MESSAGES" / "trigger_content.po", catalog)
    assert (
        _loaded_by(
            ["status", "--no-cache", str(catalog)], tmp_path, {"typing", "tomllib", "dataclasses", "pydantic", "babel", "jinja2", "polib"}
        )
        == []
    )


def test_outside_a_project_no_command_writes_the_packaged_catalogs_into_the_users_folders(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """A folder with content/ and locales/ but no [tool.trigger-content]: the folders are the user's, not the package's."""
    (tmp_path / "content").mkdir()
    (tmp_path / "locales").mkdir()
    monkeypatch.chdir(tmp_path)
    for command in (["extract"], ["init", "fr"], ["update"], ["compile"]):
        assert main(command) == 2, command
        err = capsys.readouterr().err
        assert (
            err.startswith("trigger-content: no project here: no pyproject.toml with a [tool.trigger-content] table")
            and err.count("\n") == 1
        )
    assert list((tmp_path / "locales").iterdir()) == []
    # Named folders, or a template written where -o says, are the user's choice.
    assert main(["extract", "-o", "messages.pot"]) == 0
    shutil.copytree(ROOT / "trigger_content" / "content", tmp_path / "pages")
    assert main(["--content", "pages", "--locales", "locales", "extract"]) == 0
    assert main(["--locales", "locales", "init", "fr"]) == 0
    assert (tmp_path / "locales" / "fr" / "LC_MESSAGES" / "trigger_content.po").is_file()


def test_a_page_rendered_on_its_own_links_other_languages_at_the_sites_address_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """``../fr/…`` leads nowhere from a file on its own: base_url, or no switcher."""
    project = copy_project(tmp_path, monkeypatch)
    assert main(["render", "-o", "page.html"]) == 0
    page = (project / "page.html").read_text(encoding="utf-8")
    assert 'href="https://www.rush.edu/patient-information/fr/trigger-point-injections.html"' in page and "../fr/" not in page
    site = project / "content" / "site.toml"
    site.write_text(
        site.read_text(encoding="utf-8").replace('base_url = "https://www.rush.edu/patient-information/"\n', ""), encoding="utf-8"
    )
    capsys.readouterr()
    assert main(["render", "-o", "page.html"]) == 0
    page = (project / "page.html").read_text(encoding="utf-8")
    assert 'class="languages"' not in page and "hreflang" not in page
    assert "no language switcher: a page on its own links the other languages at the site's base_url" in capsys.readouterr().err


def readme_commands(heading: str) -> list[tuple[str, str]]:
    """Each line of the first shell block of the README's section ``heading``: the command, and its comment."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme[readme.index(heading) :]
    block = section[section.index("```sh\n") + 6 : section.index("```", section.index("```sh\n") + 6)]
    return [tuple(part.strip() for part in line.partition("#")[::2]) for line in block.splitlines()]  # type: ignore[misc]


def test_the_readmes_own_project_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """README, "Your own project": each command as written, the translator's step done by the test, the exit statuses its comments say."""
    from trigger_content.languages import pseudo_text
    from trigger_content.po import catalog_bytes, read_po

    monkeypatch.chdir(tmp_path)
    for command, comment in readme_commands("## Your own project"):
        if command.startswith("cd "):
            monkeypatch.chdir(command[3:])
        elif command.startswith("trigger-content "):
            expected = 1 if "exit 1" in comment else 0
            assert main(command.split()[1:]) == expected, (command, capsys.readouterr())
            if command.endswith("init fr"):  # what the comment asks of the reader
                site = Path("content/site.toml")
                site.write_text(site.read_text(encoding="utf-8").replace("locales = []", 'locales = ["fr"]'), encoding="utf-8")
        elif "translate" in comment:
            path = Path("locales/fr/LC_MESSAGES/trigger_content.po")
            catalog = read_po(path)
            done = [entry._replace(msgstr=(pseudo_text(entry.msgid),)) for entry in catalog.entries]
            path.write_bytes(catalog_bytes(catalog.replace(done)))
    assert Path("pyproject.toml").is_file() and Path("content/preparing-for-your-visit.toml").is_file()


def test_new_uses_every_kind_of_block_and_refuses_to_write_over_anything(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.chdir(tmp_path)
    (tmp_path / "pyproject.toml").write_text('[project]\nname = "site"\n', encoding="utf-8")
    assert main(["new", "."]) == 0
    assert (tmp_path / "pyproject.toml").read_text(encoding="utf-8").startswith('[project]\nname = "site"\n\n# Where trigger-content')
    page = tc.load_page(tmp_path / "content" / "preparing-for-your-visit.toml")
    kinds = {block.kind for section in [page, *page.sections] for block in section.blocks}
    assert kinds == {"paragraph", "list", "definitions"}
    markup = {node.kind for segment in tc.segments(page) for node in segment.source}
    assert {"link", "em", "strong"} <= markup
    # Its documents name their JSON Schemas, written beside them, and fit them.
    import tomllib

    import jsonschema

    for document, kind in (("preparing-for-your-visit.toml", "page"), ("site.toml", "site")):
        text = (tmp_path / "content" / document).read_text(encoding="utf-8")
        assert text.startswith(f"#:schema ../schemas/{kind}.schema.json\n")
        schema = json.loads((tmp_path / "schemas" / f"{kind}.schema.json").read_text(encoding="utf-8"))
        jsonschema.validate(tomllib.loads(text), schema)
    capsys.readouterr()
    before = {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()}
    assert main(["new", "."]) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert {path: path.read_bytes() for path in tmp_path.rglob("*") if path.is_file()} == before


def test_check_right_after_new_checks_the_project(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No catalog yet: nothing to translate is the policy met; a language listed without its catalog fails it."""
    monkeypatch.chdir(tmp_path)
    assert main(["new", "."]) == 0
    capsys.readouterr()
    assert main(["check"]) == 0
    assert capsys.readouterr().out.startswith("0 catalogs: 0 errors, 0 warnings; policy met")
    # status too: no figures yet, and what to do.
    assert main(["status"]) == 0
    captured = capsys.readouterr()
    assert captured.out == "" and "no catalogs yet; create one with `trigger-content init LOCALE`" in captured.err
    assert main(["status", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"catalogs": [], "unreadable": []}
    site = tmp_path / "content" / "site.toml"
    site.write_text(site.read_text(encoding="utf-8").replace("locales = []", 'locales = ["fr"]'), encoding="utf-8")
    assert main(["check"]) == 1
    assert "no catalog" in capsys.readouterr().out


def test_the_readmes_clinical_review_runs_as_written(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """README, "Clinical review": each command as written, on a copy of the project, with the exit statuses its comments say."""
    import shlex

    for command, comment in readme_commands("## Clinical review"):
        if command.startswith("git clone "):
            copy_project(tmp_path / "approval-demo", monkeypatch)
        elif command.startswith("trigger-content "):
            expected = 1 if "exit 1" in comment else 0
            assert main(shlex.split(command)[1:]) == expected, (command, capsys.readouterr())
        else:
            assert not command, command
    assert "fr/LC_MESSAGES/trigger_content.po: 33 approved" in capsys.readouterr().out
    page = (tmp_path / "approval-demo" / "site" / "fr" / "trigger-point-injections.html").read_text(encoding="utf-8")
    assert "<h1>Injections dans les points gâchettes</h1>" in page and 'class="untranslated"' not in page  # all approved
    german = (tmp_path / "approval-demo" / "site" / "de" / "trigger-point-injections.html").read_text(encoding="utf-8")
    assert '<h1><span lang="en" dir="ltr" class="untranslated">Trigger Point Injections</span>' in german  # none approved
    assert '<time datetime="' in page.split('class="reviewed approved"')[1]
