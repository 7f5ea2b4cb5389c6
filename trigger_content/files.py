"""Writing files safely: a temporary file beside the target, then a rename.

:func:`write_atomic` writes a file the user names (a catalog, a report);
:func:`write_within` writes a file of a folder the command owns (a built
site), never outside it, whatever links the folder holds.
"""

from __future__ import annotations

import fcntl
import os
import re
import secrets
import stat
import sys
import tempfile
from pathlib import Path

from .errors import TriggerContentError

#: What the temporary files of this program are called, beside their target:
#: ``.page.html.trigger-content-<random>.tmp``. A write stopped by ``kill -9``
#: leaves one behind; :func:`remove_leftovers` knows it by this name.
TEMPORARY = re.compile(r"\..+\.trigger-content-[0-9A-Za-z_-]+\.tmp")


def write_atomic(path: str | Path, data: bytes, *, expected: bytes | None = None, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never a part.

    The data goes to a temporary file in the same folder (same file system),
    is flushed to disk, and is renamed over the target; the folder is created
    when missing. The new file keeps the old one's permissions. With
    ``expected`` (the bytes read earlier), a file that someone else changed in
    the meantime (a translator saving in Poedit) is not overwritten. With
    ``durable=False``, for files that can be made again (a cache), the
    rename does not wait for the disk: a crash of the machine may then lose
    the new file, never leave a part of it. A symbolic link is kept, and the
    file it names replaced; a device or a pipe (``/dev/stdout``) is written
    into, as it cannot be replaced. The file is compared with ``expected``
    again just before the rename, so a save in the meantime is kept.
    """
    path = Path(path)
    descriptor = own_descriptor(path)
    if descriptor is not None:
        _write_descriptor(descriptor, data, path)
        return
    if path.exists() and not path.is_file():
        # A device, a pipe or a folder (-o /dev/stdout): written into, never
        # replaced; a folder says so, under its own name.
        with open(path, "wb") as handle:
            handle.write(data)
        return
    if path.is_symlink():
        path = Path(os.path.realpath(path))  # the file the link names; the link stays
    if expected is not None:
        _unchanged(path, expected)
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.trigger-content-", suffix=".tmp", dir=path.parent)
    except OSError as error:  # named as the file asked for, not as the temporary one
        raise TriggerContentError(error.strerror or str(error), path=path) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            if durable:
                os.fsync(handle.fileno())
        try:
            os.chmod(temporary, path.stat().st_mode & 0o7777)
        except FileNotFoundError:
            os.chmod(temporary, 0o666 & ~_umask())
        if expected is not None:
            _unchanged(path, expected)  # again: a save while the new file was written wins
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def _unchanged(path: Path, expected: bytes) -> None:
    try:
        current = path.read_bytes()
    except FileNotFoundError:
        current = None
    if current != expected:
        raise TriggerContentError("changed by another program since it was read; not overwritten (run the command again)", path=path)


def write_within(root: Path, relative: str, data: bytes) -> None:
    """Replace the file ``root/relative`` with ``data``, never writing outside ``root``.

    Every folder on the way is opened without following a symbolic link (one
    is refused, naming it); a link where the file goes is replaced by the
    file, its target untouched. The temporary file and the rename happen in
    the folder so opened, so no link made meanwhile can lead the write
    elsewhere. For files that can be made again: the rename does not wait
    for the disk.
    """
    parts, name = _split(root, relative)
    folder = _open_folder(root, parts, create=True)
    temporary = f".{name}.trigger-content-{secrets.token_hex(6)}.tmp"
    try:
        fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW, 0o666, dir_fd=folder)
        try:
            with os.fdopen(fd, "wb") as handle:
                handle.write(data)
            os.replace(temporary, name, src_dir_fd=folder, dst_dir_fd=folder)
        except BaseException:
            os.unlink(temporary, dir_fd=folder)
            raise
    except OSError as error:
        raise TriggerContentError(error.strerror or str(error), path=root / relative) from None
    finally:
        os.close(folder)


def read_within(root: Path, relative: str) -> bytes | None:
    """The bytes of the regular file ``root/relative``, or ``None`` (no file there, or a link, or outside ``root``)."""
    found = _locate(root, relative)
    if found is None:
        return None
    folder, _, name = found
    try:
        # Without waiting: a pipe put where a page goes is not read.
        fd = os.open(name, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK, dir_fd=folder)
    except OSError:
        return None
    finally:
        os.close(folder)
    if not stat.S_ISREG(os.fstat(fd).st_mode):
        os.close(fd)
        return None  # a folder, a pipe or a device: not a file the build wrote
    with os.fdopen(fd, "rb") as handle:
        return handle.read()


def remove_within(root: Path, relative: str) -> bool:
    """Delete the file ``root/relative`` (a link itself, not its target); whether there was one. Its folder goes too when emptied."""
    found = _locate(root, relative)
    if found is None:
        return False
    folder, parts, name = found
    try:
        os.unlink(name, dir_fd=folder)
    except OSError:
        return False
    finally:
        os.close(folder)
    parent = _existing_folder(root, parts[:-1]) if parts else None
    if parent is not None:
        try:
            os.rmdir(parts[-1], dir_fd=parent)
        except OSError:
            pass  # not empty: other files live there
        finally:
            os.close(parent)
    return True


def remove_leftovers(root: Path, relative_folder: str = ".") -> list[Path]:
    """Delete the temporary files a stopped write left in ``root/relative_folder`` (see :data:`TEMPORARY`); the paths deleted."""
    folder = _existing_folder(root, Path(relative_folder).parts)
    if folder is None:
        return []
    removed = []
    try:
        for name in os.listdir(folder):
            if TEMPORARY.fullmatch(name):
                try:
                    os.unlink(name, dir_fd=folder)
                except OSError:
                    continue
                removed.append(root / relative_folder / name)
    finally:
        os.close(folder)
    return removed


def _plain_name(name: str) -> bool:
    """A name of one file or folder, that a descriptor-relative call cannot take elsewhere (not absolute, no ``..``)."""
    return name not in ("", ".", "..") and "/" not in name and "\0" not in name


def _split(root: Path, relative: str) -> tuple[tuple[str, ...], str]:
    """The folders and the file name of ``relative``, refused unless they stay inside ``root``."""
    path = Path(relative)
    if path.is_absolute() or not _plain_name(path.name):
        raise TriggerContentError("not a path inside the output folder", path=root / relative)
    return path.parent.parts if str(path.parent) != "." else (), path.name


def _existing_folder(root: Path, parts: tuple[str, ...]) -> int | None:
    """A descriptor of the folder ``root/parts…`` (see :func:`_open_folder`); ``None`` when there is none inside ``root``."""
    try:
        return _open_folder(root, parts, create=False)
    except (TriggerContentError, OSError):
        return None


def _locate(root: Path, relative: str) -> tuple[int, tuple[str, ...], str] | None:
    """A descriptor of the folder of the file ``root/relative``, its folders and the file's name; ``None`` when there is no such folder inside ``root``."""
    try:
        parts, name = _split(root, relative)
    except TriggerContentError:
        return None
    folder = _existing_folder(root, parts)
    return None if folder is None else (folder, parts, name)


def _open_folder(root: Path, parts: tuple[str, ...], *, create: bool) -> int:
    """A descriptor of the folder ``root/parts…``, each part opened without following a link (and made, with ``create``)."""
    if create:
        root.mkdir(parents=True, exist_ok=True)
    flags = os.O_RDONLY | os.O_DIRECTORY
    folder = os.open(root, flags)
    try:
        for index, part in enumerate(parts):
            if not _plain_name(part):
                raise TriggerContentError("not a path inside the output folder", path=root.joinpath(*parts))
            try:
                inner = os.open(part, flags | os.O_NOFOLLOW, dir_fd=folder)
            except FileNotFoundError:
                if not create:
                    raise
                os.mkdir(part, dir_fd=folder)
                inner = os.open(part, flags | os.O_NOFOLLOW, dir_fd=folder)
            except (NotADirectoryError, OSError) as error:
                where = root.joinpath(*parts[: index + 1])
                if where.is_symlink():
                    raise TriggerContentError(
                        f"a symbolic link (to {os.readlink(where)}): the build writes only inside {root}; remove the link", path=where
                    ) from None
                raise TriggerContentError(error.strerror or str(error), path=where) from None
            os.close(folder)
            folder = inner
    except BaseException:
        os.close(folder)
        raise
    return folder


def own_descriptor(path: str | Path) -> int | None:
    """The file descriptor of this process that ``path`` names, or ``None``.

    ``/dev/stdout``, ``/dev/fd/3``, ``/proc/self/fd/1`` and any other name
    that leads there through links: such a path is where this process's own
    output goes, not a file to replace or to read back.
    """
    own = re.compile(rf"/(?:dev/fd|proc/(?:self|thread-self|{os.getpid()})(?:/task/[0-9]+)?/fd)/(0|[1-9][0-9]*)")
    name = "/" + os.path.normpath(os.path.abspath(path)).lstrip("/")
    for _ in range(8):  # /dev/stdout -> /proc/self/fd/1, and a few more links at most
        found = own.fullmatch(name)
        if found is not None:
            return int(found.group(1))
        try:
            target = os.readlink(name)
        except OSError:
            return None
        name = "/" + os.path.normpath(os.path.join(os.path.dirname(name), target)).lstrip("/")
    return None


def _write_descriptor(descriptor: int, data: bytes, path: Path) -> None:
    """``data`` at the offset of this process's descriptor (``>>`` appends), after what Python holds for it."""
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    try:
        if fcntl.fcntl(descriptor, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY:
            raise TriggerContentError("open for reading only: not written", path=path)
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
    except BrokenPipeError:
        raise  # the reader went away: the command's own exit status says so
    except OSError as error:
        raise TriggerContentError(error.strerror or str(error), path=path) from None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
