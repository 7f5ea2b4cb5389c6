"""The ``trigger-content`` command: a thin layer over the library.

This module alone prints and chooses exit codes: 0 done, 1 a check failed,
2 bad usage or bad input (one line on standard error that says where).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from .errors import TriggerContentError

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import NoReturn, TypeVar

    from .batch import Outcome
    from .project import Project
    from .publish import PublishPolicy
    from .walker import Fallback

    Number = TypeVar("Number", int, float)

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
EXIT_READER_GONE = 141


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; return the exit status."""
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = _parser(argv)
    args = parser.parse_args(argv)
    if not hasattr(args, "run"):
        parser.print_help(sys.stderr)
        return EXIT_BAD_INPUT
    try:
        return int(args.run(args) or EXIT_OK)
    except TriggerContentError as error:
        if error.path:
            error.path = _shown(Path(error.path))  # as users type it
        print(str(error) if error.path else f"trigger-content: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except BrokenPipeError:
        # The reader went away (``| head``); say nothing more, and exit as a
        # program that SIGPIPE ended does in a shell (128 + 13).
        sys.stderr.close()
        return EXIT_READER_GONE
    except OSError as error:
        # A file that cannot be written or read: name it, no traceback.
        where = error.filename or "trigger-content"
        print(f"{where}: {error.strerror or error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


class _Parser(argparse.ArgumentParser):
    """argparse, with a usage error on one line."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_BAD_INPUT, f"{self.prog}: {message} (see {self.prog} --help)\n")


COMMANDS = (
    "new",
    "import",
    "readability",
    "render",
    "extract",
    "init",
    "update",
    "compile",
    "build",
    "review",
    "approve",
    "reviews",
    "status",
    "check",
    "schema",
)


class _Unused:
    """Stands for the parser of a command that is not on the command line: building
    all of them would cost more than the rest of a quick command's start-up."""

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return lambda *args, **kwargs: self


def _parser(argv: Sequence[str] = ()) -> argparse.ArgumentParser:
    parser = _Parser(
        prog="trigger-content",
        description="Multilingual patient-information pages: extract, translate, check and render.",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    parser.add_argument(
        "--content",
        metavar="DIR",
        type=Path,
        help="content folder (site.toml and page documents); default: [tool.trigger-content] content, or the packaged pages",
    )
    parser.add_argument(
        "--locales",
        metavar="DIR",
        type=Path,
        help="catalog folder; default: [tool.trigger-content] locales, or the packaged catalogs",
    )
    subparsers = parser.add_subparsers(title="commands", metavar="COMMAND", parser_class=_Parser)
    named = {word for word in argv if word in COMMANDS}

    def command(name: str, help: str) -> argparse.ArgumentParser:
        # _Unused answers every call a parser of this function is given, with itself.
        return subparsers.add_parser(name, help=help) if not named or name in named else _Unused()  # type: ignore[return-value]

    new = command("new", help="create a project: its settings, a site, a sample page and the template")
    new.add_argument(
        "folder", metavar="DIR", type=Path, help="the project's folder (created if need be; an existing pyproject.toml gets the tables)"
    )
    new.set_defaults(run=_new)

    import_ = command("import", help="turn an existing HTML page into a source document")
    import_.add_argument("html", metavar="PAGE.html", type=Path, help="the page, as saved from the site")
    import_.add_argument(
        "--select", metavar="CSS", help="the element(s) holding the content (default: <main>, else <article>, else <body>)"
    )
    import_.add_argument(
        "--id", dest="page_id", metavar="ID", help="the page's id (default: the one a rendered page carries, else the page file's name)"
    )
    import_.add_argument("--output", "-o", metavar="FILE", type=Path, help="write the document to FILE instead of standard output")
    import_.add_argument("--strict", action="store_true", help="refuse a page with anything the document cannot hold")
    import_.set_defaults(run=_import)

    readability = command("readability", help="the reading level of each page in each language, by the formula of its language")
    readability.add_argument("only", nargs="*", metavar="LOCALE", type=_locale, help="only these locales (default: every catalog)")
    readability.add_argument("--format", "-f", choices=("table", "json"), default="table")
    readability.set_defaults(run=_readability)

    render = command("render", help="render a page to HTML or plain text")
    render.add_argument("page", nargs="?", metavar="PAGE", help="page id or document path (optional with one page)")
    render.add_argument(
        "--locale", "-l", type=_locale, default=None, help="language of the page (default: the source language; en_XA: pseudo-localized)"
    )
    render.add_argument("--format", "-f", choices=("html", "text"), default="html")
    render.add_argument("--output", "-o", metavar="FILE", type=Path, help="write to FILE instead of standard output")
    render.add_argument("--fragment", action="store_true", help="HTML: only the <article>, for an existing layout")
    render.add_argument("--templates", metavar="DIR", type=Path, help="HTML: folder of templates overriding the packaged ones")
    render.add_argument("--width", type=_width, default=78, help="text: wrap at this many columns, 0 not at all (default 78)")
    _publish_options(render)
    render.set_defaults(run=_render)

    extract = command("extract", help="write the gettext template (.pot) of all pages")
    extract.add_argument("--output", "-o", metavar="FILE", type=Path, help="default: <locales>/trigger_content.pot")
    extract.add_argument("--check", action="store_true", help="write nothing; exit 1 if the template is not current")
    extract.set_defaults(run=_extract)

    init = command("init", help="create the catalog of a new locale from the template")
    init.add_argument("locale", metavar="LOCALE", type=_locale, help="gettext locale code: fr, de, pt_BR…")
    init.add_argument("--force", action="store_true", help="replace an existing catalog (its translations are lost)")
    init.set_defaults(run=_init)

    update = command("update", help="merge the template into the catalogs, keeping every translation")
    update.add_argument("only", nargs="*", metavar="LOCALE", type=_locale, help="only these locales (default: every catalog)")
    update.add_argument("--check", action="store_true", help="write nothing; exit 1 if a catalog is not merged with the template")
    update.add_argument(
        "--compendium",
        metavar="FILE",
        action="append",
        default=[],
        help="a catalog of translations to reuse in the catalogs of its language (repeatable), as msgmerge --compendium",
    )
    update.set_defaults(run=_update)

    compile_ = command("compile", help="write the compiled catalogs (.mo), for gettext in applications")
    compile_.add_argument("only", nargs="*", metavar="LOCALE", type=_locale, help="only these locales (default: every catalog)")
    compile_.add_argument("--check", action="store_true", help="write nothing; exit 1 if a .mo is not current")
    compile_.set_defaults(run=_compile)

    build = command("build", help="write every page in every published language, an index and a sitemap")
    build.add_argument("outdir", metavar="OUTDIR", type=Path, help="the folder of the site")
    build.add_argument("--pseudo", action="store_true", help="also build the pseudo-locale en_XA (accented, 35%% longer, bracketed)")
    _publish_options(build)
    build.set_defaults(run=_build)

    review = command("review", help="a self-contained page to review a locale's translation beside the English")
    review.add_argument("--locale", "-l", type=_locale, required=True, help="the locale to review")
    review.add_argument("--output", "-o", metavar="FILE", type=Path, help="write to FILE instead of standard output")
    review.set_defaults(run=_review)

    approve = command("approve", help="record a clinical reviewer's approval of translations, bound to the exact texts")
    approve.add_argument(
        "contexts",
        nargs="*",
        metavar="CONTEXT",
        help="the message contexts of the texts approved; a pattern (page.section.*) names several",
    )
    approve.add_argument("--locale", "-l", type=_locale, help="the catalog's locale (with --from: the sign-off file's)")
    approve.add_argument("--reviewer", "-r", metavar="NAME", help="who approved them (with --from: the sign-off file's)")
    approve.add_argument("--all", action="store_true", help="every translated text that is not fuzzy")
    approve.add_argument(
        "--from", dest="signoff", metavar="FILE", type=Path, help="a sign-off file saved from the review page: what the reviewer ticked"
    )
    approve.set_defaults(run=_approve)

    reviews = command("reviews", help="who approved which translation and when: approved, stale and unreviewed texts")
    reviews.add_argument("--locale", "-l", type=_locale, required=True, help="the catalog's locale")
    reviews.add_argument("--format", "-f", choices=("text", "json"), default="text")
    reviews.add_argument(
        "--state", choices=("approved", "stale", "unreviewed"), action="append", help="only texts in this state (repeat for several)"
    )
    reviews.set_defaults(run=_reviews)

    status = command("status", help="how complete each catalog is: counts, words, percent")
    status.add_argument(
        "paths", nargs="*", metavar="PATH", help=".po files or folders (searched recursively); default: the project's catalogs"
    )
    status.add_argument("--format", "-f", choices=("table", "json", "markdown"), default="table")
    status.add_argument("--by-section", action="store_true", help="break each catalog down by page section")
    status.add_argument("--badge", metavar="DIR", type=Path, help="also write an SVG badge per locale into DIR")
    _batch_options(status)
    status.set_defaults(run=_status)

    check = command("check", help="completeness, staleness and quality checks; exit 1 when the policy fails")
    check.add_argument(
        "paths", nargs="*", metavar="PATH", help=".po files or folders; default: the project's catalogs, with staleness checks"
    )
    check.add_argument(
        "--min-percent", type=_percent, metavar="N", help="fail a catalog below N%% translated (default: the policy's, else 0)"
    )
    check.add_argument(
        "--fail-on",
        metavar="KINDS",
        help="comma-separated severities or check ids that fail the policy (default: the policy's, else error, untranslated, fuzzy, stale-mo, no-catalog)",
    )
    check.add_argument(
        "--min-approved",
        type=_percent,
        metavar="N",
        help="fail a catalog below N%% of texts approved by a clinical reviewer (default: the policy's, else 0)",
    )
    check.add_argument("--disable", metavar="CHECKS", help="comma-separated check ids to skip")
    check.add_argument("--format", "-f", choices=("text", "json", "github", "junit"), default="text")
    check.add_argument(
        "--output", "-o", metavar="FILE", type=Path, help="write the report to FILE (JUnit XML, say) instead of standard output"
    )
    check.add_argument("--list", action="store_true", help="list the checks, their severity and what they look for, and exit")
    _batch_options(check)
    check.set_defaults(run=_check)

    schema = command("schema", help="print the JSON Schema of a source document")
    schema.add_argument("--document", choices=("page", "site"), default="page", help="which document (default page)")
    schema.set_defaults(run=_schema)
    return parser


def _batch_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--jobs",
        "-j",
        type=_jobs,
        metavar="N",
        help="read catalogs in up to N worker processes when they are 4 MB or more in all (default: one per core; 1: none)",
    )
    parser.add_argument("--no-cache", action="store_true", help="read every catalog again, without the cache of earlier results")


def _outcomes_with_errors(outcomes: Sequence[Outcome]) -> bool:
    """Print what each catalog's reading noticed, and the errors; whether any failed."""
    failed = False
    for outcome in outcomes:
        for note in outcome.notes:
            print(f"{outcome.path}: warning: {note}", file=sys.stderr)
        if outcome.error is not None:
            print(str(outcome.error), file=sys.stderr)
            failed = True
    return failed


def _number(value: str, kind: type[Number]) -> Number:
    try:
        return kind(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{value!r} is not {'a whole number' if kind is int else 'a number'}") from None


def _jobs(value: str) -> int:
    number = _number(value, int)
    if number < 1:
        raise argparse.ArgumentTypeError("the number of worker processes is 1 or more (1: none, read here)")
    return number


def _locale(value: str) -> str:
    from .languages import locale_problem

    problem = locale_problem(value)
    if problem:
        raise argparse.ArgumentTypeError(problem)
    return value


def _percent(value: str) -> float:
    number = _number(value, float)
    if not 0 <= number <= 100:
        raise argparse.ArgumentTypeError(f"a percentage is from 0 to 100, not {number:g}")
    return number


def _width(value: str) -> int:
    number = _number(value, int)
    if number < 0:
        raise argparse.ArgumentTypeError("the width is a number of columns, 0 or more")
    return number


def _publish_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("what to publish ([tool.trigger-content.publish] sets the defaults)")
    group.add_argument("--fuzzy", action="store_true", default=None, help="publish fuzzy translations too")
    group.add_argument(
        "--missing",
        choices=("english", "withhold-section"),  # walker.MISSING, written here: the parser is built without pydantic
        help="a missing translation: shown in English, marked (default), or its section withheld",
    )
    group.add_argument("--min-percent", type=_percent, metavar="N", help="withhold a language whose catalog is less than N%% translated")
    group.add_argument(
        "--require-review",
        action="store_true",
        default=None,
        help="publish only translations a clinical reviewer approved as they are now (see `trigger-content approve`)",
    )
    group.add_argument("--strict", action="store_true", help="exit 1 when any text is left in English or any language withheld")


def _publish_policy(args: argparse.Namespace, project: Project) -> PublishPolicy:
    from .publish import load_publish_policy, override

    policy = load_publish_policy(project.publish, project.pyproject)
    return override(policy, fuzzy=args.fuzzy, missing=args.missing, min_percent=args.min_percent, require_review=args.require_review)


def _report_fallbacks(fallbacks: Sequence[Fallback], locale: str, page: str) -> None:
    if fallbacks:
        print(f"trigger-content: note: {locale}/{page}: {len(fallbacks)} not shown as translated:", file=sys.stderr)
        for fallback in fallbacks:
            print(f"  {fallback.context}: {fallback.reason}", file=sys.stderr)


class _Version(argparse.Action):
    """--version, looking the version up only when asked (importlib.metadata is slow to import)."""

    def __call__(self, parser: argparse.ArgumentParser, *args: object, **kwargs: object) -> None:
        from importlib.metadata import PackageNotFoundError, version

        try:
            found = version("trigger-content")
        except PackageNotFoundError:
            found = "(not installed)"
        print(f"{parser.prog} {found}")
        parser.exit(0)


def _project(args: argparse.Namespace, *, writing: bool = False, reads_content: bool = False) -> Project:
    """The project around the current folder, with the folders the options name.

    Outside a project, commands read the packaged content and catalogs. A
    command that writes catalogs there must be told which folders are the
    user's (``--locales``, and ``--content`` when it reads the pages): it
    never writes the packaged page's template or catalogs into a folder that
    merely happens to be called ``locales``.
    """
    from .project import find_project

    project = find_project()
    if writing and project.root is None and (args.locales is None or (reads_content and args.content is None)):
        named = "trigger-content --content DIR --locales DIR COMMAND" if reads_content else "trigger-content --locales DIR COMMAND"
        raise TriggerContentError(
            "no project here: no pyproject.toml with a [tool.trigger-content] table, in this folder or above; "
            f"add the table (README: Your own project), or name the folders: {named}"
        )
    if args.content is not None:
        project = project._replace(content=args.content)
    if args.locales is not None:
        project = project._replace(locales=args.locales)
    elif project.root is None and Path("locales").is_dir():
        print(
            "trigger-content: note: ./locales is not read outside a project: name it (--locales locales) or add the table", file=sys.stderr
        )
    # Below the current folder, the folders are named from it, as users type
    # them: so is every file a message or note names.
    root = None if project.root is None else Path(_shown(project.root))
    return project._replace(root=root, content=Path(_shown(project.content)), locales=Path(_shown(project.locales)))


def _emit(text: str, output: Path | None, what: str = "") -> None:
    """``text`` on standard output, or into the file ``output``, which is then said on stderr (with ``what``)."""
    if output is None:
        sys.stdout.write(text)
        sys.stdout.flush()
    else:
        from .files import write_atomic

        write_atomic(output, text.encode("utf-8"))
        print(f"{_shown(output)}: written{what}", file=sys.stderr)


def _new(args: argparse.Namespace) -> int:
    import shlex

    from .scaffold import new_project

    for path in new_project(args.folder):
        print(f"{_shown(path)}: created", file=sys.stderr)
    folder = _shown(args.folder)
    print(
        "Next:\n"
        + (f"  cd {shlex.quote(folder)}\n" if folder != "." else "")
        + '  trigger-content init fr          # a catalog for French; then add "fr" to locales in content/site.toml\n'
        "  trigger-content status           # how much is translated\n"
        "  trigger-content render --locale fr -o fr.html\n"
        "  trigger-content check            # what CI asks: complete, current and sound?",
        file=sys.stderr,
    )
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from .importer import import_file, validate

    imported = import_file(args.html, select=args.select, page_id=args.page_id)
    shown = _shown(args.html)
    for line, column, what in imported.problems:
        print(f"{shown}:{line}:{column}: {'error' if args.strict else 'note'}: {what}", file=sys.stderr)
    if args.strict and imported.problems:
        print(f"{shown}: not imported: {len(imported.problems)} thing(s) the document cannot hold (--strict)", file=sys.stderr)
        return EXIT_BAD_INPUT
    try:
        validate(imported, args.output or f"{args.html.stem}.toml")
    except TriggerContentError as error:  # said of the page: the document is not written
        raise TriggerContentError(f"the document made of it would not load: {error}", path=args.html) from None
    _emit(imported.toml, args.output)
    return EXIT_OK


def _readability(args: argparse.Namespace) -> int:
    from .readability import project_readability, readability_table

    readings = project_readability(_project(args), args.only)
    if args.format == "json":
        sys.stdout.write(json.dumps([item.to_json() for item in readings], indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(readability_table(readings))
    return EXIT_OK


def _render(args: argparse.Namespace) -> int:
    from .publish import render_page
    from .source import find_page

    project = _project(args)
    policy = _publish_policy(args, project)
    page = find_page(args.page, project.content)
    rendered = render_page(
        project,
        page,
        args.locale,
        policy,
        format=args.format,
        fragment=args.fragment,
        templates=args.templates,
        width=args.width,
    )
    for note in rendered.notes:
        print(f"trigger-content: note: {note}", file=sys.stderr)
    if rendered.withheld:
        print(f"trigger-content: {args.locale}: withheld: {rendered.withheld}", file=sys.stderr)
        return EXIT_FAILED
    _report_fallbacks(rendered.fallbacks, args.locale, page.id)
    for locale, reason in rendered.not_linked.items():
        print(f"trigger-content: note: {locale} is not linked: {reason}", file=sys.stderr)
    _emit(rendered.text, args.output)
    return EXIT_FAILED if args.strict and rendered.fallbacks else EXIT_OK


def _build(args: argparse.Namespace) -> int:
    from .build import build_project

    project = _project(args)
    show = sys.stderr.isatty() and not os.environ.get("CI")

    def progress(number: int, total: int, path: Path) -> None:
        print(f"\r[{number}/{total}] {_shown(path)}\033[K", end="" if number < total else "\n", file=sys.stderr, flush=True)

    report = build_project(project, args.outdir, _publish_policy(args, project), pseudo=args.pseudo, progress=progress if show else None)
    for note in report.notes:
        print(f"trigger-content: note: {note}", file=sys.stderr)
    for locale, reason in report.withheld.items():
        print(f"trigger-content: {locale}: withheld: {reason}", file=sys.stderr)
    for (locale, page), fallbacks in sorted(report.fallbacks.items()):
        _report_fallbacks(fallbacks, locale, page)
    for path in report.removed:
        print(f"{_shown(path)}: removed (no longer built: its language or page is not published)", file=sys.stderr)
    for path in report.leftovers:
        print(f"{_shown(path)}: removed (left by a build that was stopped)", file=sys.stderr)
    print(
        f"{_shown(args.outdir)}: {len(report.files)} files for {len(report.published)} language{'s' if len(report.published) != 1 else ''} "
        f"({len(report.written)} written, {len(report.unchanged)} unchanged)",
        file=sys.stderr,
    )
    return EXIT_FAILED if args.strict and (report.fallbacks or report.withheld) else EXIT_OK


def _extract(args: argparse.Namespace) -> int:
    from .extract import project_sources, write_template

    # A template written where -o says is the user's choice; the default place is the catalogs'.
    project = _project(args, writing=args.output is None and not args.check, reads_content=True)
    pages, references = project_sources(project, required=True)
    target = args.output if args.output is not None else project.template
    changed = write_template(pages, target, references=references, check=args.check, bugs_to=project.bugs_to)
    if args.check:
        if changed:
            state = "not current with the source documents" if Path(target).is_file() else "missing"
            print(f"{_shown(target)}: {state}; run `trigger-content extract`", file=sys.stderr)
            return EXIT_FAILED
        return EXIT_OK
    print(f"{_shown(target)}: {'written' if changed else 'unchanged'}", file=sys.stderr)
    return EXIT_OK


def _shown(path: Path) -> str:
    """``path`` relative to the current folder when it is below it, as users typed it.

    Also when both are in the same project (the nearest folder with a
    ``pyproject.toml``), as ``../locales/…`` from a subfolder.
    """
    here, there = Path.cwd().resolve(), path.resolve()
    if there.is_relative_to(here):
        return str(there.relative_to(here))
    root = next((folder for folder in here.parents if (folder / "pyproject.toml").is_file()), None)
    if root is not None and there.is_relative_to(root):
        return os.path.relpath(there, here)
    return str(path)


def _init(args: argparse.Namespace) -> int:
    from .catalogs import init_file

    project = _project(args, writing=True)
    existed = project.catalog(args.locale).exists()
    path = init_file(project, args.locale, force=args.force)
    print(f"{_shown(path)}: {'replaced' if existed else 'created'}", file=sys.stderr)
    return EXIT_OK


def _update(args: argparse.Namespace) -> int:
    from .catalogs import update_files

    return _report_files(
        update_files(_project(args, writing=not args.check), args.only, check=args.check, compendia=args.compendium),
        args.check,
        "merged",
        "not merged with the template; run `trigger-content update`",
    )


def _compile(args: argparse.Namespace) -> int:
    from .catalogs import compile_files

    return _report_files(
        compile_files(_project(args, writing=not args.check), args.only, check=args.check),
        args.check,
        "compiled",
        "not current with its .po; run `trigger-content compile`",
    )


def _report_files(results: list[tuple[Path, bool]], check: bool, done: str, stale: str) -> int:
    if not results:
        raise TriggerContentError("no catalogs found; create one with `trigger-content init LOCALE`")
    for path, changed in results:
        if check:
            if changed:
                print(f"{_shown(path)}: {stale}", file=sys.stderr)
        else:
            print(f"{_shown(path)}: {done if changed else 'unchanged'}", file=sys.stderr)
    return EXIT_FAILED if check and any(changed for _, changed in results) else EXIT_OK


def _review(args: argparse.Namespace) -> int:
    from .review import review_locale

    page, findings = review_locale(_project(args), args.locale)
    _emit(page, args.output, f" ({len(findings)} finding{'s' if len(findings) != 1 else ''})")
    return EXIT_OK


def _approve(args: argparse.Namespace) -> int:
    from .reviews import approve_locale, printable

    approval = approve_locale(_project(args, writing=True), args.locale, args.reviewer, args.contexts, every=args.all, signoff=args.signoff)
    for name, why in approval.refused:  # names from a catalog or a sign-off file: shown, never obeyed, by the terminal
        print(f"trigger-content: {printable(name)}: not approved: {why}", file=sys.stderr)
    print(
        f"{_shown(approval.path)}: {len(approval.approved)} approved, {len(approval.unchanged)} already approved"
        + (f", {len(approval.refused)} not approved" if approval.refused else ""),
        file=sys.stderr,
    )
    # Texts a sign-off named that changed since: the reviewer must see them again.
    return EXIT_FAILED if args.signoff is not None and approval.refused else EXIT_OK


def _reviews(args: argparse.Namespace) -> int:
    from .reviews import STATES, locale_reviews, reviews_json, reviews_text

    found = locale_reviews(_project(args), args.locale)
    if args.format == "json":
        sys.stdout.write(json.dumps(reviews_json(found, args.state or STATES), indent=2, ensure_ascii=False) + "\n")
    else:
        sys.stdout.write(reviews_text(found, args.state or STATES))
    return EXIT_OK


def _status(args: argparse.Namespace) -> int:
    from .status import project_status, to_json, to_markdown, to_table, write_badges

    statuses, outcomes = project_status(_project(args), args.paths, by_section=args.by_section, cache=not args.no_cache, jobs=args.jobs)
    failed = _outcomes_with_errors(outcomes)
    errors = [outcome.error for outcome in outcomes if outcome.error is not None]
    if args.format == "json":
        sys.stdout.write(json.dumps(to_json(statuses, errors), indent=2, ensure_ascii=False) + "\n")
    elif args.format == "markdown" and (statuses or errors):  # a report read elsewhere: it names what it could not read
        sys.stdout.write(to_markdown(statuses, errors))
    elif args.format == "table" and statuses:  # no table of no rows: each unreadable catalog was named on stderr
        sys.stdout.write(to_table(statuses))
    elif args.format == "table" and not outcomes:
        print("trigger-content: note: no catalogs yet; create one with `trigger-content init LOCALE`", file=sys.stderr)
    if args.badge is not None and failed:
        print(f"{_shown(args.badge)}: no badge written: a catalog could not be read", file=sys.stderr)
    elif args.badge is not None:
        for path in write_badges(statuses, args.badge):
            print(f"{_shown(path)}: written", file=sys.stderr)
    return EXIT_BAD_INPUT if failed else EXIT_OK


def _check(args: argparse.Namespace) -> int:
    from .checks import CHECKS, load_policy, override, run_checks
    from .checks.report import to_github, to_json, to_junit, to_text

    if args.list:
        for item in sorted(CHECKS.values(), key=lambda item: item.id):
            print(f"{item.id:16} {item.severity:8} {item.title}")
        return EXIT_OK
    project = _project(args)
    policy = load_policy(project.check, project.root, source=project.pyproject)
    policy = override(policy, min_percent=args.min_percent, min_approved=args.min_approved, fail_on=args.fail_on, disable=args.disable)
    findings, outcomes = run_checks(project, args.paths, policy, cache=not args.no_cache, jobs=args.jobs)
    _outcomes_with_errors(outcomes)
    said = {str(outcome.error.path or outcome.path) for outcome in outcomes if outcome.error is not None}
    unreadable = [finding for finding in findings if finding.check == "unreadable"]
    for finding in unreadable:
        if finding.path not in said:  # found by the checks of the project (a source document, the template): said as a catalog's is
            print(f"{finding.place}: {finding.message}", file=sys.stderr)
    with_project = not args.paths and project.root is not None
    if args.format == "junit":
        report = to_junit(findings, policy, [str(outcome.path) for outcome in outcomes], project=with_project)
    else:
        report = {"text": to_text, "json": to_json, "github": to_github}[args.format](findings, policy, len(outcomes))
    _emit(report, args.output)
    if unreadable:
        return EXIT_BAD_INPUT
    return EXIT_FAILED if any(policy.fails(finding) for finding in findings) else EXIT_OK


def _schema(args: argparse.Namespace) -> int:
    from .model import document_schema

    sys.stdout.write(json.dumps(document_schema(args.document), indent=2, ensure_ascii=False) + "\n")
    return EXIT_OK


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
