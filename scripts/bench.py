"""Benchmarks at the scale of a hospital site, against the tools a team would otherwise use.

    python scripts/bench.py [--sizes 100,1000,5000] [--repeat 3] [--workdir DIR] [--output docs/benchmarks.md]

It generates synthetic sites (scripts/synthetic.py: pages of 20 texts, five
catalogs each, with fuzzy, untranslated, obsolete, plural and multi-line
entries), then measures, in the same run and on the same files, as whole
commands started from the shell:

* status of the five catalogs: ``trigger-content status`` (one process, and
  one worker per core), against ``msgfmt --statistics`` (GNU gettext),
  a polib-based count, and translate-toolkit's ``pocount``; the counts are
  compared where the tools' rules agree;
* the same status again over unchanged files (answered from the cache), and
  ``check``, against ``msgfmt --check`` and translate-toolkit's ``pofilter``;
* start-up: ``trigger-content status`` on this project's catalogs against
  ``pybabel --help``;
* build: pages per second, and rendering one localized page against a
  hand-written Jinja2 template with the same markup and ``pgettext`` calls
  (again, the first time, and as a build does it, in each language in turn);
* peak memory of status against the size of the catalogs on disk;
* how time and memory grow from the smallest to the largest site.

Every figure is the median of ``--repeat`` runs. The report is Markdown.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing
if TYPE_CHECKING:
    from collections.abc import Callable

    from trigger_content.model import Page

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
PYTHON = sys.executable
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def timed(
    command: list[str], repeat: int, env: dict[str, str] | None = None, cwd: Path | None = None
) -> tuple[float, subprocess.CompletedProcess[str]]:
    """The median wall time of ``command`` over ``repeat`` runs, and its last result."""
    times = []
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = subprocess.run(command, capture_output=True, text=True, env=env or ENV, cwd=cwd)
        times.append(time.perf_counter() - start)
        if result.returncode not in (0, 1):
            raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    assert result is not None
    return statistics.median(times), result


def peak_memory(command: list[str], cwd: Path | None = None) -> int:
    """The peak resident memory, in bytes, of ``command`` (one process)."""
    probe = "import resource, subprocess, sys; subprocess.run(sys.argv[1:], capture_output=True); print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    output = subprocess.run([PYTHON, "-c", probe, *command], capture_output=True, text=True, env=ENV, check=True, cwd=cwd).stdout
    return int(output.strip()) * 1024


def command(*args: str) -> list[str]:
    """The command as installed (``trigger-content``), else through ``python -m``."""
    script = Path(PYTHON).parent / "trigger-content"
    return [str(script), *args] if script.exists() else [PYTHON, "-m", "trigger_content", *args]


POLIB_COUNT = """
import sys, polib
for path in sys.argv[1:]:
    po = polib.pofile(path)
    print(path, len(po.translated_entries()), len(po.fuzzy_entries()), len(po.untranslated_entries()))
"""


#: Runs the command in this process and prints the seconds main() took, the
#: modules it needs imported first: the work itself, without the start-up.
INSIDE = """
import contextlib, io, sys, time
from trigger_content.cli import main
import trigger_content.batch, trigger_content.project, trigger_content.status, trigger_content.po.fast
import gettext, shutil  # argparse's, on first use
start = time.perf_counter()
with contextlib.redirect_stdout(io.StringIO()):
    main(sys.argv[1:])
print(time.perf_counter() - start)
"""


def site(workdir: Path, pages: int) -> Path:
    import hashlib

    # Named after the generator's code: a changed generator makes new sites.
    version = hashlib.sha256((ROOT / "scripts" / "synthetic.py").read_bytes()).hexdigest()[:8]
    folder = workdir / f"site-{pages}-{version}"
    if not (folder / "locales" / "ru" / "LC_MESSAGES" / "trigger_content.po").is_file():
        print(f"generating a site of {pages} pages in {folder}…", file=sys.stderr)
        subprocess.run([PYTHON, str(ROOT / "scripts" / "synthetic.py"), str(folder), "--pages", str(pages)], check=True, env=ENV)
    return folder


def catalogs(folder: Path) -> list[Path]:
    return sorted((folder / "locales").glob("*/LC_MESSAGES/*.po"))


def status_figures(folder: Path, repeat: int, jobs: int, *, pofilter: bool = False) -> dict[str, float]:
    """Status of one site: ours cold (no cache), ours cached, check, and the peers (``pofilter`` too when asked: it is slow)."""
    files = [str(path) for path in catalogs(folder)]
    cache = {**ENV, "TRIGGER_CONTENT_CACHE": str(folder / "cache")}
    figures: dict[str, float] = {}
    # Run in the site's folder, as its team would; it has no pyproject.toml.
    figures["ours_1"], ours = timed(command("status", "--no-cache", "--jobs", "1", "--format", "json", *files), repeat, cwd=folder)
    figures["ours"], _ = timed(command("status", "--no-cache", "--jobs", str(jobs), "--format", "json", *files), repeat, cwd=folder)
    subprocess.run(command("status", *files), env=cache, capture_output=True, check=True, cwd=folder)
    figures["cached"], _ = timed(command("status", *files), repeat, env=cache, cwd=folder)
    figures["check"], _ = timed(command("check", "--no-cache", "--jobs", str(jobs), "--format", "json", *files), repeat, cwd=folder)
    figures["check_1"], _ = timed(command("check", "--no-cache", "--jobs", "1", "--format", "json", *files), repeat, cwd=folder)
    # The same two runs, timed inside the process: the work, without the interpreter's start.
    inside = [PYTHON, "-c", INSIDE, "status"]
    figures["inside"] = statistics.median(
        float(timed([*inside, "--no-cache", *files], 1, env=cache, cwd=folder)[1].stdout) for _ in range(repeat)
    )
    figures["inside_cached"] = statistics.median(float(timed([*inside, *files], 1, env=cache, cwd=folder)[1].stdout) for _ in range(repeat))

    start = time.perf_counter()
    msgfmt_counts = {}
    for _ in range(repeat):
        for path in files:
            output = subprocess.run(["msgfmt", "--statistics", "-o", "/dev/null", path], capture_output=True, text=True).stderr
            found = {kind: int(number) for number, kind in re.findall(r"(\d+) (translated|fuzzy|untranslated)", output)}
            msgfmt_counts[path] = (found.get("translated", 0), found.get("fuzzy", 0), found.get("untranslated", 0))
    figures["msgfmt"] = (time.perf_counter() - start) / repeat
    start = time.perf_counter()
    for _ in range(repeat):
        for path in files:
            subprocess.run(["msgfmt", "--check", "--statistics", "-o", "/dev/null", path], capture_output=True)
    figures["msgfmt_check"] = (time.perf_counter() - start) / repeat
    figures["polib"], polib_output = timed([PYTHON, "-c", POLIB_COUNT, *files], repeat)
    program = shutil.which("pofilter") or str(Path(PYTHON).parent / "pofilter")
    if pofilter and Path(program).exists():
        # translate-toolkit's quality checks, a file at a time; once, as it takes a while.
        filtered = folder / "pofilter.po"
        start = time.perf_counter()
        for path in files:
            subprocess.run([program, "--progress=none", "-i", path, "-o", str(filtered)], capture_output=True, check=True)
        figures["pofilter"] = time.perf_counter() - start
        filtered.unlink()
    pocount = shutil.which("pocount") or str(Path(PYTHON).parent / "pocount")
    if Path(pocount).exists():
        figures["pocount"], _ = timed([pocount, "--csv", *files], repeat)

    ours_counts = {c["path"]: (c["translated"], c["fuzzy"], c["untranslated"]) for c in json.loads(ours.stdout)["catalogs"]}
    polib_counts = {line.split()[0]: tuple(map(int, line.split()[1:])) for line in polib_output.stdout.splitlines()}
    # msgfmt counts an entry whose later plural form is empty as translated;
    # the synthetic plurals are complete, so here all three rules agree.
    figures["agree"] = float(ours_counts == msgfmt_counts == polib_counts)
    figures["size"] = sum(path.stat().st_size for path in catalogs(folder))
    figures["memory"] = peak_memory(command("status", "--no-cache", "--jobs", "1", *files), cwd=folder)
    figures["entries"] = sum(sum(counts) for counts in ours_counts.values())
    return figures


def start_up(repeat: int) -> tuple[float, float]:
    ours, _ = timed(command("status"), max(repeat, 10), cwd=ROOT)
    pybabel = shutil.which("pybabel") or str(Path(PYTHON).parent / "pybabel")
    theirs, _ = timed([pybabel, "--help"], max(repeat, 10))
    return ours, theirs


def build_figures(folder: Path, repeat: int) -> dict[str, float]:
    out = folder / "built"
    arguments = ["--content", str(folder / "content"), "--locales", str(folder / "locales")]
    subprocess.run(command(*arguments, "compile"), env=ENV, capture_output=True, check=True)
    shutil.rmtree(out, ignore_errors=True)
    seconds, _ = timed(command(*arguments, "build", str(out), "--min-percent", "0"), 1)
    pages = len(list(out.glob("*/*.html")))
    ours, hand, first, in_build, hand_in_build = render_one(folder, repeat)
    return {
        "build": seconds,
        "pages": pages,
        "render_ours": ours,
        "render_jinja": hand,
        "render_first": first,
        "render_build": in_build,
        "render_jinja_build": hand_in_build,
    }


def render_one(folder: Path, repeat: int) -> tuple[float, float, float, float, float]:
    """One localized page: our localize + render_html against a hand-written Jinja2 template.

    The hand-written template is what a developer would write for the same
    document without this library: the page's texts as ``pgettext`` calls,
    English marked as such where a text is not translated, link tags turned
    into links by a filter. Both documents must be identical, byte for byte.
    """
    import gettext

    import jinja2
    from markupsafe import Markup, escape

    import trigger_content as tc

    page = tc.load_page(sorted((folder / "content").glob("page-*.toml"))[0])
    with open(folder / "locales" / "fr" / "LC_MESSAGES" / "trigger_content.mo", "rb") as handle:
        translations = gettext.GNUTranslations(handle)
    # What both get ready before the first request: the locale's facts.
    context = tc.RenderContext.for_page(tc.localize(page, translations, locale="fr"))
    template = _hand_template(page, (ROOT / "trigger_content" / "render" / "templates" / "page.html").read_text(encoding="utf-8"))
    environment = jinja2.Environment(autoescape=True, keep_trailing_newline=True)
    tag = re.compile(r"</?a\d+>")

    def tags(text: str, links: dict[str, tuple[str, str]]) -> Markup:
        escaped = str(escape(text))
        for name, url in links.items():
            escaped = escaped.replace(f"&lt;{name}&gt;", f'<a href="{escape(url[0])}" data-link="{escape(url[1])}">').replace(
                f"&lt;/{name}&gt;", "</a>"
            )
        return Markup(escaped)

    environment.globals.update(
        tags=tags, plain=lambda text: tag.sub("", text), languages=context.languages, default_href=context.default_href
    )
    compiled = environment.from_string(template)

    def ours() -> str:
        return tc.render_html(tc.localize(page, translations, locale="fr"), context=context)

    def hand() -> str:
        return compiled.render(_p=translations.pgettext)

    # Copies of the page never localized, one for each call of the two
    # functions below (each timed about 100 times at the most).
    copies = iter([page.model_copy() for _ in range(200 * max(repeat, 3) + 2)])

    def ours_first() -> str:
        """A page not localized before: planned, every text built."""
        return tc.render_html(tc.localize(next(copies), translations, locale="fr"), context=context)

    # A build's case: a page not localized before, in each language in turn
    # (planned once, each language's texts built once), against the
    # hand-written template rendered with each language's catalog.
    others = {}
    for locale in ("fr", "de", "it", "pt", "ru"):
        with open(folder / "locales" / locale / "LC_MESSAGES" / "trigger_content.mo", "rb") as handle:
            catalog = gettext.GNUTranslations(handle)
        others[locale] = (catalog, tc.RenderContext.for_page(tc.localize(page, catalog, locale=locale)))

    def ours_in_build() -> None:
        new = next(copies)
        for locale, (catalog, language) in others.items():
            tc.render_html(tc.localize(new, catalog, locale=locale), context=language)

    def hand_in_build() -> None:
        for catalog, _ in others.values():
            compiled.render(_p=catalog.pgettext)

    if ours() != hand() or ours_first() != hand():
        import difflib

        diff = "\n".join(difflib.unified_diff(hand().splitlines(), ours().splitlines(), "hand-written", "trigger-content", lineterm=""))
        raise SystemExit(f"the hand-written template does not give the same document:\n{diff}")
    in_build = best_of(ours_in_build, repeat, number=20) / len(others)
    hand_build = best_of(hand_in_build, repeat, number=20) / len(others)
    return best_of(ours, repeat), best_of(hand, repeat), best_of(ours_first, repeat, number=30), in_build, hand_build


def _hand_template(page: Page, packaged: str) -> str:
    """The page's document as a developer would write it by hand in Jinja2, one ``pgettext`` per text."""
    import trigger_content as tc

    texts = {segment.context: segment.text for segment in tc.segments(page)}
    links = {name: target.url for name, target in {**page.site.links, **page.links}.items()}  # type: ignore[union-attr]  # a synthetic page has a site

    def t(context: str) -> str:
        source = texts[context]
        names = re.findall(r"<(a\d+)>", source)
        used = {name: (links[target], target) for name, target in zip(names, _link_targets(page, context), strict=True)}
        return "{{ " + f"t({context!r}, {source!r}, {used!r})" + " }}"

    def p(context: str) -> str:
        """The call of ``_p`` for the text at ``context``, as the template writes it."""
        return f"_p({context!r}, {texts[context]!r})"

    style = packaged[packaged.index("<style>") : packaged.index("</style>") + len("</style>")]
    lines = [
        "{%- macro t(context, source, links) -%}{% set text = _p(context, source) %}",
        '{%- if text == source %}<span lang="en" dir="ltr" class="untranslated">{{ tags(source, links) }}</span> '
        '<small class="fallback-note">({{ plain(_p("site.fallback-note", NOTE)) }})</small>'.replace(
            "NOTE", repr(texts["site.fallback-note"])
        ),
        "{%- else %}{{ tags(text, links) }}{% endif %}{% endmacro -%}",
        "<!DOCTYPE html>",
        '<html lang="fr" dir="ltr">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>{{ plain(" + p(f"{page.id}.title") + ") }}</title>",
        "{%- for language in languages %}",
        '<link rel="alternate" hreflang="{{ language.tag }}" href="{{ language.url }}">',
        "{%- endfor %}",
        '<link rel="alternate" hreflang="x-default" href="{{ default_href }}">',
        style,
        "</head>",
        "<body>",
        "<header>",
        f'<p class="notice">{t("site.notice")}</p>',
        f'<p class="tagline">{t("site.tagline")}</p>',
        '<nav class="languages" aria-label="{{ plain(' + p("site.switcher-label") + ') }}">',
        "<ul>",
        "{%- for language in languages %}",
        '  <li><a href="{{ language.href }}" lang="{{ language.tag }}" dir="{{ language.direction }}" hreflang="{{ language.tag }}"',
        '    {%- if language.current %} aria-current="page"{% endif %}>{{ language.name }}</a></li>',
        "{%- endfor %}",
        "</ul>",
        "</nav>",
        "</header>",
        "<main>",
        f'<article data-page="{page.id}">',
        f"<h1>{t(f'{page.id}.title')}</h1>",
    ]
    lines += [f'<p data-id="{block.id}">{t(f"{page.id}.{block.id}")}</p>' for block in page.blocks]
    for section in page.sections:
        lines += [f'<section id="{section.id}">', f"<h2>{t(f'{page.id}.{section.id}.heading')}</h2>"]
        for block in section.blocks:
            key = f"{page.id}.{section.id}.{block.id}"
            if block.kind == "paragraph":
                lines.append(f'<p data-id="{block.id}">{t(key)}</p>')
            else:
                items = (f'  <li data-id="{item.id}">{t(f"{key}.{item.id}")}</li>' for item in block.items)
                lines += [f'<ul data-id="{block.id}">', *items, "</ul>"]
        lines.append("</section>")
    lines += ["</article>", "</main>", "</body>", "</html>", ""]
    return "\n".join(lines)


def _link_targets(page: Page, context: str) -> list[str]:
    """The link targets of the text at ``context``, in the order of its tags."""
    import trigger_content as tc
    from trigger_content.inline import Link, iter_containers

    segment = next(segment for segment in tc.segments(page) if segment.context == context)
    return [node.target for node in iter_containers(segment.source) if isinstance(node, Link)]


def faster(theirs: float, ours: float) -> str:
    """How much faster (or slower) our time is than theirs, in words."""
    return f"{theirs / ours:.1f}× faster" if theirs >= ours else f"{ours / theirs:.1f}× slower"


def best_of(function: Callable[[], object], repeat: int, number: int = 50) -> float:
    function()
    times = []
    for _ in range(max(repeat, 3)):
        start = time.perf_counter()
        for _ in range(number):
            function()
        times.append((time.perf_counter() - start) / number)
    return statistics.median(times)


#: Where the figures of ``scripts/bench_memory.py`` begin in the report.
MEMORY_SECTION = "## Translation memory"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100,1000,5000", help="pages per synthetic site, comma-separated")
    parser.add_argument("--repeat", type=int, default=3, help="runs of each measure; the report gives their median (default 3)")
    parser.add_argument(
        "--workdir",
        type=Path,
        default=Path("/tmp/trigger-content-bench"),
        help="where the synthetic sites are generated, and kept for the next run (default %(default)s)",
    )
    parser.add_argument(
        "--output", type=Path, default=ROOT / "docs" / "benchmarks.md", help="the Markdown report (default docs/benchmarks.md)"
    )
    args = parser.parse_args()
    sizes = [int(size) for size in args.sizes.split(",")]
    main_size = 1000 if 1000 in sizes else sizes[len(sizes) // 2]
    from trigger_content.batch import default_jobs

    jobs = default_jobs()
    # Byte code written once, as an installation writes it: without it (an
    # editable install, PYTHONDONTWRITEBYTECODE), every run would compile the
    # package again and time that.
    subprocess.run([PYTHON, "-m", "compileall", "-q", str(ROOT / "trigger_content")], check=True)
    results = {size: status_figures(site(args.workdir, size), args.repeat, jobs, pofilter=size == main_size) for size in sizes}
    first = results[main_size]
    ours_start, pybabel_start = start_up(args.repeat)
    built = build_figures(site(args.workdir, main_size), args.repeat)

    mb = 1024 * 1024
    lines = [
        "# Benchmarks",
        "",
        f"Measured by `python scripts/bench.py --sizes {args.sizes} --repeat {args.repeat}` on "
        f"{platform.machine()}, {jobs} cores, Python {platform.python_version()}, "
        f"{subprocess.run(['msgfmt', '--version'], capture_output=True, text=True).stdout.splitlines()[0]}. "
        "Whole commands, started from the shell; medians. The sites are synthetic (`scripts/synthetic.py`).",
        "",
        f"## Status of a {main_size}-page site: 5 catalogs, {first['entries']:,.0f} entries, {first['size'] / mb:.1f} MB",
        "",
        "| tool | seconds | trigger-content against it |",
        "| --- | ---: | ---: |",
        f"| `trigger-content status`, {jobs} workers | {first['ours']:.2f} | — |",
        f"| `trigger-content status --jobs 1` | {first['ours_1']:.2f} | {faster(first['ours_1'], first['ours'])} |",
        f"| `msgfmt --statistics` (GNU gettext, C), a file at a time | {first['msgfmt']:.2f} | {faster(first['msgfmt'], first['ours'])} |",
        f"| polib count | {first['polib']:.2f} | {faster(first['polib'], first['ours'])} |",
    ]
    if "pocount" in first:
        lines.append(f"| `pocount` (translate-toolkit) | {first['pocount']:.2f} | {faster(first['pocount'], first['ours'])} |")
    else:
        lines.append("| `pocount` (translate-toolkit) | not installed | — |")
    lines += [
        f"| `trigger-content status`, second run (cache) | {first['cached']:.3f} | {first['ours'] / first['cached']:.0f}× faster than its first run, "
        f"whose time is now mostly the interpreter's start-up; the work alone, timed in the process after its imports: "
        f"{first['inside_cached'] * 1000:.1f} ms against {first['inside'] * 1000:.0f} ms, {first['inside'] / first['inside_cached']:.0f}× |",
        f"| `trigger-content check`, {jobs} workers: its checks of every message | {first['check']:.2f} | "
        f"{faster(first['msgfmt_check'], first['check'])} than `msgfmt --check --statistics` ({first['msgfmt_check']:.2f} s, a file at a time), which checks formats and the header"
        + (
            f"; {faster(first['pofilter'], first['check'])} than translate-toolkit's `pofilter` ({first['pofilter']:.1f} s, a file at a time), which checks every message as it does |"
            if "pofilter" in first
            else " |"
        ),
        f"| `trigger-content check --jobs 1` | {first['check_1']:.2f} | {faster(first['msgfmt_check'], first['check_1'])} than `msgfmt --check --statistics` |",
        "",
        f"`trigger-content check` ({jobs} workers) against the counting tools above, which read the same files but check nothing: "
        f"{faster(first['msgfmt'], first['check'])} than `msgfmt --statistics`, {faster(first['polib'], first['check'])} than the polib count"
        + (f", {faster(first['pocount'], first['check'])} than `pocount`." if "pocount" in first else "."),
        "",
        f"Counts identical to msgfmt's and polib's on every catalog: {'yes' if all(r['agree'] for r in results.values()) else 'NO'}.",
        "",
        "## Start-up",
        "",
        f"`trigger-content status` on this project's catalogs, start to exit: {ours_start * 1000:.0f} ms; "
        f"`pybabel --help`: {pybabel_start * 1000:.0f} ms (ratio {ours_start / pybabel_start:.2f}).",
        "",
        "## Build",
        "",
        f"`trigger-content build` of the {main_size}-page site in 6 languages: {built['pages']:.0f} HTML pages "
        f"(and as many text files) in {built['build']:.1f} s, {built['pages'] / built['build']:.0f} pages a second.",
        "",
        f"One localized page, `localize` + `render_html`: {built['render_ours'] * 1000:.2f} ms; a hand-written Jinja2 template "
        f"of that page, one `pgettext` per text, writing the same document (checked byte for byte): "
        f"{built['render_jinja'] * 1000:.2f} ms; overhead {built['render_ours'] / built['render_jinja']:.2f}×. "
        f"The first time a page is localized (planned, every text built): {built['render_first'] * 1000:.2f} ms, "
        f"{built['render_first'] / built['render_jinja']:.2f}× the hand-written template. "
        f"A build's case, a page localized in each of the five languages in turn (planned once, each language's texts built once): "
        f"{built['render_build'] * 1000:.2f} ms a language against {built['render_jinja_build'] * 1000:.2f} ms for the hand-written template "
        f"with each language's catalog, {built['render_build'] / built['render_jinja_build']:.2f}×.",
        "",
        "## Memory",
        "",
        f"Peak memory of `status --jobs 1` over the {main_size}-page site: {first['memory'] / mb:.0f} MB for "
        f"{first['size'] / mb:.1f} MB of catalogs ({first['memory'] / first['size']:.2f}× their size).",
        "",
        "## How cost grows",
        "",
        "| pages | entries | MB on disk | status, 1 process (s) | s per 1,000 entries | status, all cores (s) | msgfmt (s) | second run, cache (s) | cache speed-up | the same, work alone | peak memory (MB) | memory / size |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for size, figures in results.items():
        lines.append(
            f"| {size:,} | {figures['entries']:,.0f} | {figures['size'] / mb:.1f} | {figures['ours_1']:.2f} | "
            f"{figures['ours_1'] / figures['entries'] * 1000:.3f} | {figures['ours']:.2f} | {figures['msgfmt']:.2f} | {figures['cached']:.3f} | "
            f"{figures['ours'] / figures['cached']:.0f}× | {figures['inside'] / figures['inside_cached']:.0f}× | {figures['memory'] / mb:.0f} | {figures['memory'] / figures['size']:.2f} |"
        )
    smallest, largest = results[sizes[0]], results[sizes[-1]]
    growth = (largest["ours_1"] / largest["entries"]) / (smallest["ours_1"] / smallest["entries"])
    lines += [
        "",
        f"From {sizes[0]:,} to {sizes[-1]:,} pages ({largest['entries'] / smallest['entries']:.0f}× the entries), the time per "
        f"entry changes by {growth:.2f}× and memory grows {largest['memory'] / smallest['memory']:.1f}× "
        f"(the start-up and the interpreter's own memory weigh most on the smallest site).",
    ]
    if len(sizes) > 2:
        middle = results[sizes[-2]]
        per_entry = (largest["ours_1"] / largest["entries"]) / (middle["ours_1"] / middle["entries"]) - 1
        lines.append(
            f"From {sizes[-2]:,} to {sizes[-1]:,} pages ({largest['entries'] / middle['entries']:.0f}× the entries), time grows "
            f"{largest['ours_1'] / middle['ours_1']:.1f}× (the time per entry {per_entry:+.0%}) and peak memory "
            f"{largest['memory'] / middle['memory']:.1f}×."
        )
    lines.append("")
    report = "\n".join(lines)
    # The section of scripts/bench_memory.py, measured by it, stays as it was.
    kept = args.output.read_text(encoding="utf-8") if args.output.is_file() else ""
    if MEMORY_SECTION in kept:
        report += "\n" + kept[kept.index(MEMORY_SECTION) :]
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(report, encoding="utf-8")
    print(report)


if __name__ == "__main__":
    main()
