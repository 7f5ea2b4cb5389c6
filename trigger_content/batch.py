"""Reading many catalogs: on several cores, and from a cache of earlier results.

``status`` and ``check`` read every catalog the same way: strictly, one file
at a time, each to a small result (``status`` from the bytes alone
when the file is in the usual shape, :mod:`trigger_content.po.fast`). :func:`each_catalog` runs such a function
over many files, in worker processes when there are several, and keeps each
result in a cache keyed by the file's size, modification and change times and
inode (and its review file's), so a second run over unchanged files reads none of them. A changed file
always changes its change time (``st_ctime``), which no program can set back,
so it is never answered from the cache.
"""

from __future__ import annotations

import contextlib
import gc
import json
import os
import zlib
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path

from .errors import TriggerContentError
from .project import review_file

TYPE_CHECKING = False  # typing.TYPE_CHECKING, without importing typing at start-up
if TYPE_CHECKING:
    from typing import Any

#: Bumped whenever a result's meaning or shape changes, so old caches are ignored.
CACHE_VERSION = "2"


def default_cache_folder() -> Path:
    """``$TRIGGER_CONTENT_CACHE``, else ``$XDG_CACHE_HOME/trigger-content``, else ``~/.cache/trigger-content``."""
    if os.environ.get("TRIGGER_CONTENT_CACHE"):
        return Path(os.environ["TRIGGER_CONTENT_CACHE"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "trigger-content"


@cache
def _version() -> str:
    """The cache's version and a stamp of this package's code: results of other code are not reused."""
    package = Path(__file__).parent
    modules = sorted((str(path.relative_to(package)), path.stat().st_size, path.stat().st_mtime_ns) for path in package.rglob("*.py"))
    return f"{CACHE_VERSION}:{zlib.crc32(repr(modules).encode('utf-8')):08x}"


def stamp(path: Path) -> list[int]:
    """What changes whenever a catalog's content does: size, mtime, ctime (ns), inode; and its review file's, when it has one.

    A catalog's figures and findings depend on its clinical review records too
    (:func:`~trigger_content.project.review_file`), so a changed record is never answered from the cache.
    """
    info = os.stat(path)
    found = [info.st_size, info.st_mtime_ns, info.st_ctime_ns, info.st_ino]
    try:
        reviews = os.stat(review_file(Path(path)))
    except OSError:
        return found
    return [*found, reviews.st_size, reviews.st_mtime_ns, reviews.st_ctime_ns, reviews.st_ino]


class ResultCache:
    """Results of earlier runs, by file and kind of result, in one JSON file."""

    def __init__(self, folder: Path | None = None) -> None:
        self.path = (folder or default_cache_folder()) / "results.json"
        self.files: dict[str, dict[str, Any]] | None = None
        self.changed = False

    def _load(self) -> dict[str, dict[str, Any]]:
        if self.files is None:
            self.files = {}
            try:
                document = json.loads(self.path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                return self.files
            if isinstance(document, dict) and document.get("version") == _version() and isinstance(document.get("files"), dict):
                self.files = document["files"]
        return self.files

    def get(self, path: Path, kind: str) -> Any:
        """The result of ``kind`` for ``path`` if the file has not changed since, else ``None``."""
        record = self._load().get(str(path.resolve()))
        try:
            if not isinstance(record, dict) or record.get("stamp") != stamp(path):
                return None
        except OSError:
            return None
        value = record.get(kind)
        return value if isinstance(value, dict) and "value" in value and "notes" in value else None

    def put(self, path: Path, kind: str, value: Any, before: list[int]) -> None:
        """Keep ``value`` for ``path`` if the file did not change while it was read."""
        if stamp(path) != before:
            return
        key = str(path.resolve())
        record = self._load().get(key)
        if record is None or record.get("stamp") != before:
            record = self._load()[key] = {"stamp": before}
        record[kind] = value
        self.changed = True

    def save(self) -> None:
        """Write the cache back (atomically), if anything was added; a cache that cannot be written is skipped."""
        if not self.changed or self.files is None:
            return
        from .files import write_atomic  # with tempfile and secrets: loaded only to write

        with contextlib.suppress(OSError):
            write_atomic(self.path, json.dumps({"version": _version(), "files": self.files}).encode("utf-8"), durable=False)


#: Catalogs smaller than this, all together, are read in this process: starting
#: workers would take longer than reading them (about 100 MB a second here).
WORTH_A_WORKER = 4 << 20


def _size(path: Path) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


class Outcome:
    """What reading one catalog gave: its result, or the error that stopped it, and notes."""

    __slots__ = ("error", "notes", "path", "value")

    def __init__(self, path: Path) -> None:
        self.path = path
        self.value: Any = None
        self.error: TriggerContentError | None = None
        self.notes: list[str] = []


def _run(work: Callable[..., Any], path: Path, arguments: tuple[Any, ...]) -> tuple[Any, dict[str, Any] | None, list[str], list[int]]:
    """In a worker: ``work(path, *arguments)``, which gives a result and the reader's notes; an error comes back as its parts."""
    try:
        try:
            before = stamp(path)
        except OSError as error:
            raise TriggerContentError(error.strerror or str(error), path=path) from None
        value, notes = work(path, *arguments)
        return value, None, notes, before
    except TriggerContentError as error:
        return None, error.to_json(), [], []


def each_catalog(
    paths: Sequence[Path],
    work: Callable[..., Any],
    arguments: tuple[Any, ...] = (),
    *,
    kind: str | None = None,
    cache: ResultCache | None = None,
    jobs: int = 1,
) -> list[Outcome]:
    """``work(path, *arguments)`` for each catalog at ``paths``, in order.

    ``work`` reads the catalog and returns its result and the reader's notes.
    It must be a module-level function, its result JSON-shaped data when
    ``cache`` is used (``kind`` names the result in the cache). With ``jobs``
    above 1, the catalogs not in the cache are read by that many worker
    processes. The garbage collector is paused meanwhile, here and in the
    workers.
    """
    enabled = gc.isenabled()
    gc.disable()  # reading makes many small objects and no cycles: collecting garbage among them would only cost time
    try:
        return _each_catalog(paths, work, arguments, kind, cache, jobs)
    finally:
        if enabled:
            gc.enable()


def _each_catalog(
    paths: Sequence[Path], work: Callable[..., Any], arguments: tuple[Any, ...], kind: str | None, cache: ResultCache | None, jobs: int
) -> list[Outcome]:
    outcomes = [Outcome(path) for path in paths]
    pending: list[Outcome] = []
    for outcome in outcomes:
        cached = cache.get(outcome.path, kind) if cache is not None and kind is not None else None
        if cached is not None:
            outcome.value, outcome.notes = cached["value"], cached["notes"]
        else:
            pending.append(outcome)
    if jobs > 1 and len(pending) > 1 and sum(_size(outcome.path) for outcome in pending) >= WORTH_A_WORKER:
        from concurrent.futures import ProcessPoolExecutor

        # A worker is this command's own process, which reads and drops
        # catalogs of many small objects without cycles: collecting garbage
        # would only cost time there.
        with ProcessPoolExecutor(max_workers=min(jobs, len(pending)), initializer=gc.disable) as pool:
            results = list(pool.map(_run, [work] * len(pending), [o.path for o in pending], [arguments] * len(pending)))
    else:
        results = [_run(work, outcome.path, arguments) for outcome in pending]
    for outcome, (value, error, notes, before) in zip(pending, results, strict=True):
        if error is not None:
            outcome.error = TriggerContentError(**error)
            continue
        outcome.value, outcome.notes = value, notes
        if cache is not None and kind is not None:
            cache.put(outcome.path, kind, {"value": value, "notes": notes}, before)
    if cache is not None:
        cache.save()
    return outcomes


def batch_options(cache: bool, jobs: int | None) -> tuple[ResultCache | None, int]:
    """The cache (the user's, or none) and the number of workers (one per core when not said) of a command that reads many catalogs."""
    return (ResultCache() if cache else None), (default_jobs() if jobs is None else jobs)


def default_jobs() -> int:
    """As many workers as the machine has cores for this process."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # pragma: no cover - not on Linux
        return os.cpu_count() or 1
