"""Robustness: crash-safe writes, edits by others, generated content, paths that stay inside."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import textwrap
import time
from html.parser import HTMLParser
from pathlib import Path

import pydantic
import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

import trigger_content as tc
from trigger_content.cli import main
from trigger_content.errors import TriggerContentError
from trigger_content.files import write_atomic
from trigger_content.languages import pseudo_text

from conftest import ROOT, copy_project

WRITER = textwrap.dedent(
    """
    import sys
    from trigger_content.files import write_atomic
    target, a, b = sys.argv[1], sys.argv[2].encode() * 200_000, sys.argv[3].encode() * 250_000
    print("ready", flush=True)
    while True:
        write_atomic(target, a)
        write_atomic(target, b)
    """
)


def test_a_write_killed_at_any_moment_leaves_the_old_or_the_new_file(tmp_path: Path) -> None:
    target = tmp_path / "catalog.po"
    old, new = b"A" * 1_000_000, b"B" * 1_000_000
    target.write_bytes(old)
    script = tmp_path / "writer.py"
    script.write_text(WRITER, encoding="utf-8")
    rng = random.Random(20261126)
    seen = set()
    for _ in range(25):
        with subprocess.Popen(
            [sys.executable, str(script), str(target), "AAAAA", "BBBB"],
            stdout=subprocess.PIPE,
            env={**os.environ, "PYTHONPATH": str(ROOT)},
        ) as process:
            assert process.stdout is not None and process.stdout.readline() == b"ready\n"
            time.sleep(rng.uniform(0.001, 0.05))
            process.send_signal(signal.SIGKILL)
            process.wait()
        data = target.read_bytes()
        assert data in (old, new), f"a torn file of {len(data)} bytes"
        seen.add(data[:1])
    assert seen == {b"A", b"B"}  # the kills did land in the middle of the work


def test_a_catalog_changed_by_someone_else_is_not_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "fr.po"
    target.write_bytes(b"read")
    target.write_bytes(b"saved in Poedit meanwhile")
    with pytest.raises(TriggerContentError, match="changed by another program since it was read; not overwritten"):
        write_atomic(target, b"merged", expected=b"read")
    assert target.read_bytes() == b"saved in Poedit meanwhile"
    write_atomic(target, b"merged", expected=b"saved in Poedit meanwhile")
    assert target.read_bytes() == b"merged"


def test_a_pipe_is_written_into_and_a_link_kept(tmp_path: Path) -> None:
    """-o /dev/stdout, a FIFO, a symbolic link: never replaced by a regular file."""
    import stat
    import threading

    fifo = tmp_path / "fifo"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    write_atomic(fifo, b"page")
    reader.join(timeout=10)
    assert received == [b"page"] and stat.S_ISFIFO(fifo.lstat().st_mode)
    target, link = tmp_path / "real.html", tmp_path / "link.html"
    target.write_bytes(b"old")
    link.symlink_to(target)
    write_atomic(link, b"new")
    assert link.is_symlink() and target.read_bytes() == b"new"


def test_output_into_dev_stdout_goes_where_stdout_goes(tmp_path: Path) -> None:
    """A log that stdout appends to keeps its lines: -o /dev/stdout writes at its end, not over it."""
    log = tmp_path / "ci.log"
    log.write_text("earlier\n", encoding="utf-8")
    script = "trigger-content check --format github -o /dev/stdout; echo after"
    with open(log, "ab") as handle:
        subprocess.run(
            ["sh", "-c", script.replace("trigger-content", f"{sys.executable} -m trigger_content")],
            stdout=handle,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            check=True,
        )
    lines = log.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "earlier" and lines[-1] == "after" and "policy met" in lines[-3] and lines[-2] == "/dev/stdout: written"


@pytest.mark.parametrize("name", ["//dev/stdout", "/dev/../dev/stdout", "/dev/fd/1", "/proc/self/fd/1", "/proc/thread-self/fd/1"])
def test_every_name_of_stdout_is_written_where_stdout_goes(tmp_path: Path, name: str) -> None:
    log = tmp_path / "ci.log"
    log.write_text("earlier\n", encoding="utf-8")
    with open(log, "ab") as handle:
        subprocess.run(
            [sys.executable, "-m", "trigger_content", "render", "--format", "text", "-o", name],
            stdout=handle,
            stderr=subprocess.DEVNULL,
            cwd=ROOT,
            check=True,
        )
    text = log.read_text(encoding="utf-8")
    assert text.startswith("earlier\n") and "Trigger Point Injections\n" in text


def test_stdin_and_a_closed_descriptor_are_refused_by_name(tmp_path: Path) -> None:
    source = tmp_path / "in.txt"
    source.write_text("keep me\n", encoding="utf-8")
    with open(source, "rb") as handle:
        result = subprocess.run(
            [sys.executable, "-m", "trigger_content", "render", "-o", "/dev/stdin"], stdin=handle, capture_output=True, text=True, cwd=ROOT
        )
    assert (result.returncode, result.stderr) == (2, "/dev/stdin: open for reading only: not written\n")
    assert source.read_text(encoding="utf-8") == "keep me\n"
    result = subprocess.run(
        [sys.executable, "-m", "trigger_content", "render", "-o", "/dev/fd/9"], capture_output=True, text=True, cwd=ROOT
    )
    assert (result.returncode, result.stderr) == (2, "/dev/fd/9: Bad file descriptor\n")


def test_extract_into_stdout_does_not_compare_with_the_file_behind_it(tmp_path: Path) -> None:
    template = tmp_path / "a.pot"
    for _ in range(2):
        with open(template, "ab") as handle:
            subprocess.run(
                [sys.executable, "-m", "trigger_content", "extract", "-o", "/dev/stdout"],
                stdout=handle,
                stderr=subprocess.DEVNULL,
                cwd=ROOT,
                check=True,
            )
    text = template.read_text(encoding="utf-8")
    assert text.count('msgid ""\nmsgstr ""\n') == 2  # written twice, not found "unchanged" the second time


def test_output_into_a_folder_names_the_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["render", "-o", str(tmp_path)]) == 2
    assert capsys.readouterr().err == f"{tmp_path}: Is a directory\n"
    assert list(tmp_path.iterdir()) == []


def test_update_refuses_when_a_translator_saves_during_it(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:

    import trigger_content.catalogs as catalogs

    copy_project(tmp_path, monkeypatch)
    assert main(["extract"]) == 0  # new references: every catalog will change
    french = tmp_path / "locales" / "fr" / "LC_MESSAGES" / "trigger_content.po"
    real_merge = catalogs.merge

    def merge_while_a_translator_saves(catalog, template, *args, **kwargs):  # type: ignore[no-untyped-def]
        if Path(catalog.path).resolve() == french.resolve():
            french.write_bytes(french.read_bytes() + b"\n# saved in Poedit\n")
        return real_merge(catalog, template, *args, **kwargs)

    monkeypatch.setattr(catalogs, "merge", merge_while_a_translator_saves)
    capsys.readouterr()
    assert main(["update"]) == 2
    assert "fr/LC_MESSAGES/trigger_content.po: changed by another program" in capsys.readouterr().err
    assert french.read_bytes().endswith(b"# saved in Poedit\n")


def test_a_save_during_the_write_of_the_new_file_is_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """The file is compared again just before the rename: a translator who saves while update writes loses nothing."""
    import os

    import trigger_content.files as files

    copy_project(tmp_path, monkeypatch)
    assert main(["extract"]) == 0  # new references: every catalog will change
    french = tmp_path / "locales" / "fr" / "LC_MESSAGES" / "trigger_content.po"
    real_fsync = os.fsync

    def fsync_while_a_translator_saves(descriptor: int) -> None:
        real_fsync(descriptor)
        if not french.read_bytes().endswith(b"# saved in Poedit\n"):
            french.write_bytes(french.read_bytes() + b"\n# saved in Poedit\n")

    monkeypatch.setattr(files.os, "fsync", fsync_while_a_translator_saves)
    capsys.readouterr()
    assert main(["update", "fr"]) == 2
    assert "fr/LC_MESSAGES/trigger_content.po: changed by another program" in capsys.readouterr().err
    assert french.read_bytes().endswith(b"# saved in Poedit\n")
    assert [path.name for path in french.parent.iterdir() if path.name.endswith(".tmp")] == []


@pytest.mark.parametrize("bad", ["../escape", "a/b", "A", "x.y", "", "-x"])
def test_ids_and_locales_cannot_name_a_path_outside_the_output(bad: str) -> None:
    with pytest.raises(pydantic.ValidationError):
        tc.Page(id=bad, title=tc.parse_markup("T"))
    with pytest.raises(pydantic.ValidationError):
        tc.Site(locales=(bad,))


# -- generated content survives every stage ------------------------------------------

_TEXT = st.text(
    alphabet=st.characters(categories=("L", "N", "P", "S", "Zs"), exclude_characters="\\[]*_"),
    min_size=1,
    max_size=40,
).filter(lambda text: text.strip() and "<" not in text)
_IDS = st.from_regex(r"\A[a-z][a-z0-9]{0,6}\Z")


@st.composite
def pages(draw: st.DrawFn) -> tc.Page:
    ids = draw(st.lists(_IDS.filter(lambda i: i not in tc.model.RESERVED_IDS), min_size=8, max_size=8, unique=True))
    link = tc.Link(target="ref", content=(tc.Text(text=draw(_TEXT)),))
    paragraph = tc.Paragraph(id=ids[0], text=(tc.Text(text=draw(_TEXT)), link, tc.Emphasis(content=(tc.Text(text=draw(_TEXT)),))))
    items = tc.ItemList(id=ids[1], items=(tc.ListItem(id=ids[2], text=(tc.Text(text=draw(_TEXT)),)),))
    terms = tc.DefinitionList(
        id=ids[3], items=(tc.Definition(id=ids[4], term=(tc.Text(text=draw(_TEXT)),), definition=(tc.Text(text=draw(_TEXT)),)),)
    )
    inner = tc.Section(id=ids[5], heading=(tc.Text(text=draw(_TEXT)),), blocks=(terms,))
    section = tc.Section(id=ids[6], heading=(tc.Strong(content=(tc.Text(text=draw(_TEXT)),)),), blocks=(items,), sections=(inner,))
    return tc.Page(
        id=ids[7],
        title=(tc.Text(text=draw(_TEXT)),),
        links={"ref": tc.LinkTarget(url="https://example.org/?a=1&b=2")},
        blocks=(paragraph,),
        sections=(section, tc.Section(id="empty", heading=(tc.Text(text="E"),))),
        site=tc.Site(locales=("fr",), tagline=(tc.Text(text=draw(_TEXT)),)),
    )


class TextOf(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.data: list[str] = []
        self.tags: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list) -> None:
        self.tags.add(tag)

    def handle_data(self, data: str) -> None:
        self.data.append(data)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(pages())
def test_generated_pages_survive_extract_pseudo_localize_and_render(page: tc.Page) -> None:
    template = tc.build_template([page])
    assert [(e.msgctxt, e.msgid) for e in template] == [(s.context, s.text) for s in tc.segments(page)]
    assert tc.localize(page, lambda segment: segment.text) == page
    pseudo = tc.localize(page, lambda segment: pseudo_text(segment.text), locale="en_XA")
    assert len(list(tc.segments(page))) == len(list(tc.segments(pseudo)))
    for shown in (page, pseudo):
        html = tc.render_html(shown)
        parsed = TextOf()
        parsed.feed(html)
        assert parsed.tags <= {
            "html",
            "head",
            "meta",
            "title",
            "link",
            "style",
            "body",
            "header",
            "p",
            "nav",
            "ul",
            "li",
            "a",
            "main",
            "article",
            "h1",
            "h2",
            "h3",
            "section",
            "em",
            "strong",
            "dl",
            "div",
            "dt",
            "dd",
        }
        rendered_text = "".join(parsed.data)
        hidden = {
            "site.switcher-label",
            "site.fallback-note",
            "site.reviewed-label",
            "site.approved-label",
        }  # an attribute, or shown only when needed
        for segment in tc.segments(shown):
            if segment.context not in hidden:
                assert tc.plain_text(segment.source) in rendered_text  # every text shown, escaped, not lost
        text = " ".join(tc.render_text(shown, width=40).split())
        assert " ".join(tc.plain_text(shown.title).split()) in text


_STRINGS = st.lists(st.sampled_from(list('ab é—’«»\u00a0\u2028\n\t"\\<>%{}') + ["Injections ", "trigger point "]), max_size=40).map("".join)


@settings(max_examples=80, deadline=None)
@given(
    st.lists(
        st.tuples(st.text(alphabet="abc.-", min_size=1, max_size=12), _STRINGS, _STRINGS, st.booleans()),
        max_size=8,
        unique_by=lambda item: item[0],
    )
)
def test_any_catalog_written_then_read_and_written_again_is_byte_identical(entries: list) -> None:
    import tempfile

    from trigger_content.po import Catalog, Entry, catalog_bytes, read_po
    from trigger_content.po.entry import header_text

    fields = {"Language": "fr", "Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": "nplurals=2; plural=(n > 1);"}
    catalog = Catalog(
        "fr.po",
        [
            Entry(msgid or "x", (msgstr,), msgctxt=context, flags=("fuzzy",) if fuzzy and msgstr else ())
            for context, msgid, msgstr, fuzzy in entries
        ],
        Entry("", (header_text(fields.items()),)),
    )
    first = catalog_bytes(catalog)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "fr.po"
        path.write_bytes(first)
        assert catalog_bytes(read_po(path)) == first
