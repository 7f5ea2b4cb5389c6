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
    descriptor = _descriptor(path)
    if descriptor is not None:
        # This process's own output (-o /dev/stdout): written where it goes
        # and at its offset, as the shell's redirection says (>> appends),
        # whatever file is behind it.
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
        view = memoryview(data)
        while view:
            view = view[os.write(descriptor, view) :]
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
    fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
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


_DESCRIPTORS = {"/dev/stdout": 1, "/dev/stderr": 2}


def _descriptor(path: Path) -> int | None:
    """The file descriptor of this process that ``path`` names (``/dev/stdout``, ``/dev/fd/3``), or ``None``."""
    name = str(path)
    if name in _DESCRIPTORS:
        return _DESCRIPTORS[name]
    for folder in ("/dev/fd/", "/proc/self/fd/"):
        if name.startswith(folder) and name[len(folder) :].isdigit():
            return int(name[len(folder) :])
    return None


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
