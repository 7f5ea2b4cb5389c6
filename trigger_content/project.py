"""Where a project keeps its content and catalogs: ``[tool.trigger-content]`` in pyproject.toml."""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Iterable, Sequence
from pathlib import Path

from .errors import TriggerContentError
from .tomlfile import read_toml, toml_lines

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any, NoReturn

#: The gettext domain: one template and one catalog per locale hold every page.
DOMAIN = "trigger_content"


class Project(
    namedtuple("Project", "root content locales domain check publish bugs_to teams update", defaults=(DOMAIN, None, None, "", None, None))
):
    """The folders a command works on, and the settings of its commands.

    ``root`` is the folder of the nearest ``pyproject.toml`` with a
    ``[tool.trigger-content]`` table, or ``None`` outside a project, where
    the content and catalogs that ship with the package are used. ``check``
    and ``publish`` are the tables ``[tool.trigger-content.check]`` (the
    policy of ``check``) and ``[tool.trigger-content.publish]`` (what
    ``render`` and ``build`` publish), empty when not given. ``bugs_to``
    (``report-msgid-bugs-to``) is where translators report a problem of the
    English, written in the template's ``Report-Msgid-Bugs-To``; ``teams``
    (``[tool.trigger-content.language-team]``) names each locale's team for
    the ``Language-Team`` that ``init`` writes; ``update`` is the table
    ``[tool.trigger-content.update]`` (translation memory). A named tuple:
    ``project._replace(locales=…)`` gives another.
    """

    __slots__ = ()
    root: Path | None
    content: Path
    locales: Path
    domain: str
    check: dict[str, Any]
    publish: dict[str, Any]
    bugs_to: str
    teams: dict[str, str]
    update: dict[str, Any]

    def __new__(
        cls,
        root: Path | None,
        content: Path,
        locales: Path,
        domain: str = DOMAIN,
        check: dict[str, Any] | None = None,
        publish: dict[str, Any] | None = None,
        bugs_to: str = "",
        teams: dict[str, str] | None = None,
        update: dict[str, Any] | None = None,
    ) -> Project:
        return super().__new__(
            cls,
            root,
            content,
            locales,
            domain,
            {} if check is None else check,
            {} if publish is None else publish,
            bugs_to,
            teams or {},
            update or {},
        )

    @property
    def pyproject(self) -> str:
        """The file the project's settings come from, for messages about them."""
        return str(self.root / "pyproject.toml") if self.root else "pyproject.toml"

    @property
    def template(self) -> Path:
        """The template (``.pot``) of the domain."""
        return self.locales / f"{self.domain}.pot"

    def catalog(self, locale: str) -> Path:
        """The catalog (``.po``) of ``locale``."""
        return self.locales / locale / "LC_MESSAGES" / f"{self.domain}.po"

    def catalogs(self, locales: Iterable[str] = ()) -> list[Path]:
        """The catalogs of the project (of ``locales`` only, when given), by locale."""
        wanted = list(dict.fromkeys(locales))  # each once: `update fr fr` merges fr once
        if wanted:
            return [self.catalog(locale) for locale in wanted]
        return sorted(self.locales.glob(f"*/LC_MESSAGES/{self.domain}.po"))


def packaged_data(name: str) -> Path:
    """A folder that ships inside the package (``content``, ``locales``).

    The wheel carries the repository's ``locales/`` inside the package; an
    editable install or a checkout finds it beside the package instead.
    """
    inside = Path(__file__).resolve().parent / name
    beside = inside.parent.parent / name
    if not inside.exists() and beside.is_dir() and (beside.parent / "pyproject.toml").is_file():
        return beside
    return inside


def review_file(po: Path) -> Path:
    """Where the clinical review records of the catalog at ``po`` are: ``trigger_content.po`` → ``trigger_content.reviews.toml``."""
    return po.with_name(f"{po.stem}.reviews.toml")


def find_project(start: str | Path | None = None) -> Project:
    """The project around ``start`` (the current folder by default)."""
    here = Path.cwd() if start is None else Path(start)
    for folder in (here.resolve(), *here.resolve().parents):
        pyproject = folder / "pyproject.toml"
        if not pyproject.is_file():
            continue
        _, settings = read_toml(pyproject)
        table = settings.get("tool", {}).get("trigger-content")
        if table is None:
            continue
        if not isinstance(table, dict):
            raise TriggerContentError("[tool.trigger-content] must be a table", path=pyproject)
        known = ("content", "locales", "domain", "check", "publish", "update", "report-msgid-bugs-to", "language-team")
        own = Settings("", table, known, str(pyproject))
        return Project(
            root=folder,
            content=folder / own.text("content", "content"),
            locales=folder / own.text("locales", "locales"),
            domain=own.text("domain", DOMAIN),
            check=own.table("check"),
            publish=own.table("publish"),
            bugs_to=own.text("report-msgid-bugs-to", ""),
            teams=own.texts_by_locale("language-team"),
            update=own.table("update"),
        )
    return Project(root=None, content=packaged_data("content"), locales=packaged_data("locales"))


class Settings:
    """``[tool.trigger-content]`` (``table`` empty) or one of its tables, read with the types its settings must have."""

    def __init__(self, table: str, values: dict[str, Any], known: Iterable[str], source: str) -> None:
        self.name, self.values, self.source = table, values, source
        unknown = sorted(set(values) - set(known))
        if unknown:
            self.fail(f"unknown setting {unknown[0]!r} (known: {', '.join(sorted(known))})", unknown[0])

    def fail(self, message: str, key: str | None = None) -> NoReturn:
        """Refuse the table, at the line of ``key`` (or of the table's header) when the file shows it."""
        line = setting_line(self.source, self.name, key)
        name = ".".join(filter(None, ("tool.trigger-content", self.name)))
        raise TriggerContentError(f"[{name}]: {message}", path=self.source, line=line)

    def _get(self, key: str, default: Any, kinds: tuple[type, ...], what: str) -> Any:
        value = self.values.get(key, default)
        if not isinstance(value, kinds) or (isinstance(value, bool) and bool not in kinds):
            self.fail(f"{key} must be {what}, not {value!r}", key)
        return value

    def flag(self, key: str, default: bool) -> bool:
        return bool(self._get(key, default, (bool,), "true or false"))

    def percent(self, key: str, default: float) -> float:
        value = float(self._get(key, default, (int, float), "a number"))
        if not 0 <= value <= 100:
            self.fail(f"{key} must be a percentage from 0 to 100, not {value:g}", key)
        return value

    def text(self, key: str, default: str) -> str:
        return str(self._get(key, default, (str,), "a string"))

    def texts(self, key: str, default: tuple[str, ...] = ()) -> tuple[str, ...]:
        value = self._get(key, list(default), (list, tuple), "a list of strings")
        if not all(isinstance(item, str) for item in value):
            self.fail(f"{key} must be a list of strings", key)
        return tuple(value)

    def number(self, key: str, default: float) -> float:
        """A number, 0 or more (0: the check it sets is off)."""
        value = float(self._get(key, default, (int, float), "a number"))
        if value < 0:
            self.fail(f"{key} must be 0 or more, not {value:g}", key)
        return value

    def tables(self, key: str, fields: dict[str, bool]) -> list[dict[str, str]]:
        """An array of tables of strings, each with the ``fields`` that are true in ``fields`` and no other but those named."""
        value = self._get(key, [], (list,), "an array of tables")
        for index, item in enumerate(value):
            where = f"{key}[{index}]"  # its line: the entry's own
            said = f"{key} entry {index + 1}"
            if not isinstance(item, dict):
                self.fail(f"{said} must be a table", where)
            for name in item:
                if name not in fields:
                    self.fail(f"{said}: unknown field {name!r} (fields: {', '.join(fields)})", where)
            for name, required in fields.items():
                if required and not (isinstance(item.get(name), str) and item[name].strip()):
                    self.fail(f"{said} needs {name}, a string", where)
                if name in item and not isinstance(item[name], str):
                    self.fail(f"{said}: {name} must be a string", where)
        return [dict(item) for item in value]

    def table(self, key: str) -> dict[str, Any]:
        return dict(self._get(key, {}, (dict,), "a table"))

    def texts_by_locale(self, key: str) -> dict[str, str]:
        """A table of strings by locale code, such as ``{ fr = "French <fr@example.org>" }``."""
        from .languages import locale_problem

        value = self._get(key, {}, (dict,), 'a table of strings by locale, such as { fr = "French <fr@example.org>" }')
        for locale, text in value.items():
            if not isinstance(text, str):
                self.fail(f"{key}.{locale} must be a string, not {text!r}", key)
            problem = locale_problem(locale)
            if problem:
                self.fail(f"{key}: {problem}", key)
        return dict(value)

    def percents(self, key: str) -> dict[str, float]:
        value = self._get(key, {}, (dict,), "a table of percentages, such as { ru = 95 }")
        if not all(isinstance(number, (int, float)) and not isinstance(number, bool) and 0 <= number <= 100 for number in value.values()):
            self.fail(f"{key} must be a table of percentages from 0 to 100, such as {{ ru = 95 }}", key)
        return {str(name): float(number) for name, number in value.items()}


def setting_line(path: str, table: str, key: str | None) -> int | None:
    """The line of ``key`` in ``[tool.trigger-content.<table>]`` (``[tool.trigger-content]`` when ``table`` is empty) of the TOML file at ``path``, or of that table.

    A dotted key is found by its first part (``min-percent-for.ru = 95``), a
    table written under its parent too (``check.min-percent = 100``).
    ``None`` when the file does not show the table.
    """
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError):
        return None
    lines = toml_lines(text)
    where: tuple[str | int, ...] = ("tool", "trigger-content", *filter(None, (table,)))
    if key is not None and "[" in key:  # an entry of an array of tables: accept[2]
        name, _, index = key.partition("[")
        return lines.get((*where, name, int(index.rstrip("]")))) or lines.get((*where, name)) or lines.get(where)
    return lines.get((*where, key)) if key is not None and (*where, key) in lines else lines.get(where)


def catalog_paths(project: Project, paths: Sequence[str | Path] = ()) -> list[Path]:
    """The catalogs at ``paths`` (see :func:`find_catalogs`), else the project's; refused when there are none."""
    found = find_catalogs(paths) if paths else project.catalogs()
    if not found:
        advice = "" if paths else "; create one with `trigger-content init LOCALE`"
        raise TriggerContentError(f"no catalogs found{advice}", path=paths[0] if paths else project.locales)
    return found


def find_catalogs(paths: Iterable[str | Path]) -> list[Path]:
    """The ``.po`` files among ``paths``: files as given, folders searched recursively."""
    found: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            found.extend(sorted(p for p in path.rglob("*.po") if p.is_file()))
        else:
            found.append(path)
    return found
