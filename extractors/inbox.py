"""The inbox: which files a run looks at, and which of them need work.

:func:`scan_inbox` lists report files without following symbolic links: a link (to ``/etc/passwd``, or
to another report) is never read, copied or kept, and is reported with the reason; so are FIFOs,
devices and other non-regular files, which would block a read. Sub-folders are walked only with
``recursive``, and linked folders never.

:func:`plan` compares the files with the store in bulk (one query each, not one per file): a file whose
(inbox path, size, mtime) was seen before is not read again; it is skipped if its document was already
settled by this extractor version (an ``ok`` or ``rejected`` run), and extracted again otherwise (a new
extractor version, or a ``failed`` run to retry).
"""

from __future__ import annotations

import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

from extractors.ingest import Outcome
from extractors.version import extractor_version
from models.store import Store

REPORT_SUFFIXES = {".docx", ".pdf", ".doc", ".odt", ".rtf"}


@dataclass
class Scan:
    files: list[Path]  # regular report files, sorted (a stable order makes reruns comparable)
    ignored: list[Outcome] = field(default_factory=list)  # links and non-regular entries, with the reason


def scan_inbox(inbox: Path, recursive: bool = False) -> Scan:
    """Report files in the inbox (by extension), links and special files set aside with the reason."""
    if not inbox.is_dir():
        raise FileNotFoundError(f"inbox {inbox} does not exist; create it or pass --inbox FOLDER")
    files: list[Path] = []
    ignored: list[Outcome] = []
    for folder, subfolders, names in os.walk(inbox, followlinks=False):
        if not recursive:
            subfolders.clear()
        subfolders.sort()
        for name in names:
            path = Path(folder, name)
            if path.suffix.lower() not in REPORT_SUFFIXES:
                continue
            try:
                mode = path.lstat().st_mode
            except FileNotFoundError:  # removed while we looked
                continue
            if stat.S_ISREG(mode):
                files.append(path)
                continue
            what = "a symbolic link" if stat.S_ISLNK(mode) else "not a regular file"
            reason = (
                f"{path}: {what}; thidua does not follow links or read special files in the inbox — "
                "copy the report itself into the inbox"
            )
            ignored.append(Outcome(str(path), "", "skipped", reason=reason))
        for name in subfolders:  # os.walk lists linked folders among the folders, and skips them
            if Path(folder, name).is_symlink():
                reason = f"{Path(folder, name)}: a linked folder; thidua does not follow links in the inbox"
                ignored.append(Outcome(str(Path(folder, name)), "", "skipped", reason=reason))
    return Scan(sorted(files), sorted(ignored, key=lambda o: o.path))


@dataclass
class Plan:
    new: list[Path]  # never seen as they are now: to be kept (ingested), then extracted if need be
    known: dict[Path, str]  # seen unchanged, but their document still needs this extractor version
    skipped: list[Outcome]  # seen unchanged and already settled by this extractor version


def plan(store: Store, files: list[Path]) -> Plan:
    """Split ``files`` into new ones, known ones still to extract, and settled ones (bulk queries)."""
    unseen = set(store.unseen(files))
    known = store.known_documents([f for f in files if f not in unseen])  # path -> sha256
    version = extractor_version()
    done = store.runs_for(list(known.values()), version)
    skipped = [
        Outcome(str(f), known[f], "skipped", reason="unchanged since the last run")
        for f in files
        if f in known and known[f] in done
    ]
    return Plan(
        new=[f for f in files if f in unseen],
        known={f: sha for f, sha in known.items() if sha not in done},
        skipped=skipped,
    )
