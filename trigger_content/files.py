"""Writing files safely: a temporary file beside the target, then a rename."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .errors import TriggerContentError


def write_atomic(path: str | Path, data: bytes, *, expected: bytes | None = None, durable: bool = True) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never a part.

    The data goes to a temporary file in the same folder (same file system),
    is flushed to disk, and is renamed over the target; the folder is created
    when missing. The new file keeps the old one's permissions. With
    ``expected`` (the bytes read earlier), a file that someone else changed in
    the meantime (a translator saving in Poedit) is not overwritten. With
    ``durable=False``, for files that can be made again (built pages, a
    cache), the rename does not wait for the disk: a crash of the machine
    may then lose the new file, never leave a part of it. A symbolic link is
    kept, and the file it names replaced; a device or a pipe
    (``/dev/stdout``) is written into, as it cannot be replaced.
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
        try:
            current = path.read_bytes()
        except FileNotFoundError:
            current = None
        if current != expected:
            raise TriggerContentError(
                "changed by another program since it was read; not overwritten (run the command again)", path=path
            )
    path.parent.mkdir(parents=True, exist_ok=True)
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise


def own_descriptor(path: str | Path) -> int | None:
    """The file descriptor of this process that ``path`` names, or ``None``.

    ``/dev/stdout``, ``/dev/fd/3``, ``/proc/self/fd/1`` and any other name
    that leads there through links: such a path is where this process's own
    output goes, not a file to replace or to read back.
    """
    import re

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
    import fcntl

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
