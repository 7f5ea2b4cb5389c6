"""Reading the English source documents (TOML) into the model, with errors that say where.

A content folder holds ``site.toml`` (the chrome every page shares) and one
``<page-id>.toml`` per page. A page document may also carry its own ``[site]``
table, which makes it self-contained.
"""

from __future__ import annotations

import difflib
import json
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from .errors import SourceError, TriggerContentError
from .inline import Frozen
from .model import DefinitionList, ItemList, Page, Paragraph, Site
from .project import packaged_data
from .tomlfile import read_toml, toml_lines
from .walker import Segment, segments

SITE_FILE = "site.toml"

M = TypeVar("M", bound=Frozen)


def load_page(path: str | Path) -> Page:
    """Load and validate one page document.

    Its site chrome comes from its own ``[site]`` table or, failing that, from
    ``site.toml`` in the same folder (a page without either has none).
    Raises :class:`~trigger_content.errors.SourceError` naming the file and the
    line or field of the first problem.
    """
    path = Path(path)
    text, data = read_toml(path, SourceError)
    if "site" not in data and (path.parent / SITE_FILE).is_file() and path.name != SITE_FILE:
        data["site"] = load_site(path.parent / SITE_FILE)
    return _validate(Page, data, path, text)


def load_page_text(text: str, path: str | Path) -> Page:
    """A page document given as its text (an imported page, before it is written); ``path`` names it in errors."""
    from .tomlfile import loads_toml

    return _validate(Page, loads_toml(text, path, SourceError), Path(path), text)


def load_site(path: str | Path) -> Site:
    """Load and validate a ``site.toml`` document."""
    path = Path(path)
    text, data = read_toml(path, SourceError)
    return _validate(Site, data, path, text)


def page_files(folder: str | Path) -> list[Path]:
    """The page documents of a content folder, in file-name order.

    ``site.toml`` is the site's, and a hidden file (``.taplo.toml``, an
    editor's settings) is no page.
    """
    folder = Path(folder)
    if not folder.is_dir():
        raise SourceError("no such content folder", path=folder)
    return sorted(p for p in folder.glob("*.toml") if p.name != SITE_FILE and not p.name.startswith("."))


def find_page(name: str | None, folder: str | Path) -> Page:
    """The page ``name`` names: a document's path, or a page id (its file is usually named after it)."""
    if name is not None and (name.endswith(".toml") or "/" in name):
        return load_page(Path(name))
    files = page_files(folder)
    if name is None:
        if len(files) == 1:
            return load_page(files[0])
        ids = ", ".join(page.id for page in load_pages(folder)) or "none"
        raise TriggerContentError(f"name the page to render (pages: {ids})", path=folder)
    for path in files:
        if path.stem == name:
            page = load_page(path)
            if page.id == name:
                return page
    pages = load_pages(folder)  # a page whose file has another name
    for page in pages:
        if page.id == name:
            return page
    ids = ", ".join(page.id for page in pages) or "none"
    raise TriggerContentError(f"no page {name!r} (pages: {ids})", path=folder)


def document_segments(path: str | Path, document: Page | Site) -> list[Segment]:
    """The texts the document at ``path`` writes: a page beside a ``site.toml`` leaves the site's to that file, which gives them once."""
    found = list(segments(document))
    path = Path(path)
    if path.name != SITE_FILE and (path.parent / SITE_FILE).is_file():
        found = [segment for segment in found if not segment.context.startswith("site.")]
    return found


def context_lines(path: str | Path, contexts: Iterable[str]) -> dict[str, int | None]:
    """The line of the document at ``path`` where the text of each of ``contexts`` is (``None``: not written there, a default)."""
    text, data = read_toml(Path(path), SourceError)
    lines, ids = toml_lines(text), _ids(data)
    return {context: _line(lines, ids, context) for context in contexts}


def _line(lines: Mapping[tuple[int | str, ...], int], ids: Mapping[str, tuple[int | str, ...]], context: str) -> int | None:
    """The line of the document where the text of ``context`` is defined (best effort); ``None`` when it is not written there.

    A context ends with the id of the block that holds the text, or with the
    field of the block (or of the document) named by the id before it.
    """
    *parents, last = context.split(".")
    if parents and parents[-1] == "links" and ("links", last) in lines and last not in ids:
        return lines[("links", last)]  # an entry of the links table: page.links.<name>
    if last in ids:
        return lines.get((*ids[last], "text")) or lines.get((*ids[last], "id"))  # a block: its text, where it has one
    field = last.replace("-", "_")
    where = ids.get(parents[-1], ()) if parents else ()
    return lines.get((*where, field)) or lines.get((*where, "id")) or lines.get((field,))


def _ids(data: Any) -> dict[str, tuple[int | str, ...]]:
    """The data path of each table of ``data`` that has an ``id``, by that id (the first, if one repeats)."""
    found: dict[str, tuple[int | str, ...]] = {}
    stack: list[tuple[Any, tuple[int | str, ...]]] = [(data, ())]
    while stack:
        value, path = stack.pop()
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            found.setdefault(value["id"], path)
        stack.extend((item, (*path, key)) for key, item in items if isinstance(item, (dict, list)))
    return found


def load_pages(folder: str | Path | None = None, *, required: bool = False) -> list[Page]:
    """Every page of a content folder (the packaged one by default), in file-name order; see :func:`page_sources`."""
    return [page for page, _ in page_sources(packaged_data("content") if folder is None else folder, required=required)]


def page_sources(folder: str | Path, *, required: bool = False) -> list[tuple[Page, Path]]:
    """Each page of a content folder with the document it comes from, in file-name order.

    Two pages with one id are refused, and with ``required`` a folder without a page.
    """
    found: list[tuple[Page, Path]] = []
    seen: dict[str, Path] = {}
    for path in page_files(folder):
        page = load_page(path)
        if page.id in seen:
            raise SourceError(f"page id {page.id!r} is already used by {seen[page.id]}", path=path)
        seen[page.id] = path
        found.append((page, path))
    if required and not found:
        raise SourceError("no page documents (*.toml) found", path=folder)
    return found


# -- reading -------------------------------------------------------------------


def _validate(model: type[M], data: dict[str, Any], path: Path, text: str) -> M:
    # Strict models take JSON-shaped data (arrays for tuples, objects for
    # models); TOML's values are all JSON-shaped apart from dates.
    site = data.get("site")
    if isinstance(site, Site):
        data = {**data, "site": site.model_dump(mode="json")}
    try:
        return model.model_validate_json(json.dumps(data, default=str))
    except ValidationError as error:
        raise _source_error(error, data, path, text) from None


def _source_error(error: ValidationError, data: Any, path: Path, text: str) -> SourceError:
    """Every problem of the document, each at its line, in line order."""
    found = error.errors()
    # A misspelt field shows as an unknown one and a missing one: the unknown
    # one, with its "did you mean", says more, and the missing one is left out.
    misspelt = {tuple(item["loc"][:-1]) for item in found if item["type"] == "extra_forbidden"}
    problems: list[tuple[int | None, str]] = []
    for item in found:
        if item["type"] == "missing" and tuple(item["loc"][:-1]) in misspelt:
            continue
        keys = _data_path(item["loc"], data)
        where = _field_path(keys[:-1] if item["type"] == "missing" else keys)
        message = _describe(item, keys)
        # An unknown kind is said of its table, and found at its line.
        line = _locate(text, (*keys, "kind") if item["type"] == "union_tag_invalid" else keys, item)
        if line is not None:
            line += _lines_into(_value_at(data, keys), message, text.split("\n")[line - 1])
        problem = (line, f"{where}: {message}" if where else message)
        if problem not in problems:
            problems.append(problem)
    problems.sort(key=lambda problem: problem[0] or 0)
    (line, message), *others = problems
    return SourceError(message, path=path, line=line, others=others)


def _data_path(loc: tuple[int | str, ...], data: Any) -> tuple[int | str, ...]:
    """The keys of ``loc`` that exist in ``data`` (pydantic adds union tags)."""
    keys: list[int | str] = []
    value = data
    for key in loc:
        if isinstance(value, dict) and key in value:  # noqa: SIM114  # the same step as the next, typed apart
            value = value[key]
        elif isinstance(value, list) and isinstance(key, int) and key < len(value):
            value = value[key]
        elif isinstance(value, dict) and key == value.get("kind"):
            continue  # the tag of a discriminated union
        else:
            keys.append(key)  # a missing field: name it, then stop
            break
        keys.append(key)
    return tuple(keys)


def _value_at(data: Any, keys: tuple[int | str, ...]) -> Any:
    for key in keys:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data


def _lines_into(value: Any, message: str, first_line: str) -> int:
    """How many lines past its key a problem at "character N" of a multi-line string ``value`` is."""
    found = re.search(r"at character (\d+)", message)
    if not isinstance(value, str) or found is None or "\n" not in value:
        return 0
    # TOML drops the newline right after the opening quotes.
    opens_alone = re.search(r"(\"\"\"|\'\'\')\s*$", first_line) is not None
    return value[: int(found.group(1)) - 1].count("\n") + opens_alone


def _field_path(keys: tuple[int | str, ...]) -> str:
    out = ""
    for key in keys:
        out += f"[{key}]" if isinstance(key, int) else (f".{key}" if out else str(key))
    return out


def _all_fields() -> list[str]:
    """Every field name of the document models, for "did you mean" hints."""
    names: set[str] = set()
    seen: set[type[BaseModel]] = set()
    pending: list[type[BaseModel]] = [Page, Site]
    while pending:
        model = pending.pop()
        seen.add(model)
        names.update(model.model_fields)
        for info in model.model_fields.values():
            pending.extend(sub for sub in _models_in(info.annotation) if sub not in seen)
    return sorted(names)


def _models_in(annotation: Any) -> Iterator[type[BaseModel]]:
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        yield annotation
    for arg in getattr(annotation, "__args__", ()):
        yield from _models_in(arg)


def _kind_of(value: Any) -> str:
    if isinstance(value, dict):
        return "a table"
    if isinstance(value, list):
        return "an array"
    return f"{type(value).__name__} {value!r}"


#: The kinds of block, as the loader's message about a block lists them.
_KINDS = ", ".join(repr(model.model_fields["kind"].default) for model in (Paragraph, ItemList, DefinitionList))


def _describe(error: Any, keys: tuple[int | str, ...]) -> str:
    kind = error["type"]
    last = keys[-1] if keys else None
    parent = keys[-2] if len(keys) >= 2 else None
    if kind == "missing":
        return f"missing field {last!r}; add it (`trigger-content schema` lists the fields)"
    if kind == "extra_forbidden":
        close = difflib.get_close_matches(str(last), _all_fields(), n=1)
        return f"unknown field {last!r}" + (f"; did you mean {close[0]!r}?" if close else "")
    if kind in ("union_tag_invalid", "union_tag_not_found"):
        ctx = error.get("ctx", {})
        head = f"unknown kind {ctx['tag']!r}" if "tag" in ctx else "missing field 'kind'"
        return f"{head} (expected one of {ctx.get('expected_tags') or _KINDS})"
    if kind == "string_pattern_mismatch":
        if last in ("lang", "source_locale") or parent == "locales":
            return f"{error['input']!r} is not a locale code such as 'fr' or 'pt_BR'"
        if last in ("id", "target") or parent == "links":
            return f"{error['input']!r} is not a valid id: use lower-case letters, digits and hyphens"
    if kind == "too_short":
        return "must not be empty"
    if kind.endswith("_type"):
        return f"{str(error['msg']).lower()}, not {_kind_of(error['input'])}"
    return str(error["msg"]).removeprefix("Value error, ")


def _locate(text: str, keys: tuple[int | str, ...], error: Any) -> int | None:
    lines = toml_lines(text)
    needle = _quoted_name(str(error.get("msg", "")))
    if needle and error["type"] == "value_error":
        # Whole-page checks (duplicate ids, unknown link targets) name the
        # culprit; point at its last use, where the problem shows.
        pattern = re.compile(rf"""(?:\bid\s*=\s*["']{re.escape(needle)}["']|\]\({re.escape(needle)}\))""")
        found = [i for i, line in enumerate(text.split("\n"), start=1) if pattern.search(line)]
        if found:
            return found[-1]
    for end in range(len(keys), -1, -1):
        if keys[:end] in lines:
            return lines[keys[:end]]
    return None


def _quoted_name(message: str) -> str | None:
    found = re.search(r"(?:id|target) '([^']+)'", message)
    return found.group(1) if found else None
