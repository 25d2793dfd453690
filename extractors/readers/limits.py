"""Limits on submitted files and the refusal wording the hostile-file checks share.

A leaf module: :mod:`.safety`, :mod:`.zip_checks`, :mod:`.opc_checks` and :mod:`.pdf_checks` all
need these, and :mod:`.safety` re-exports the checks, so keeping them here (importing nothing from
the other check modules) avoids an import cycle.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Mapping
from dataclasses import dataclass

# Named after the module these limits were first defined in, so logging configuration that targets
# ``extractors.readers.safety`` still sees the "ignoring THIDUA_MAX_…" warnings.
log = logging.getLogger("extractors.readers.safety")

MB = 1024 * 1024
RESAVE = "Open it in Word or LibreOffice, save it again as .docx or PDF and submit it again"
CRAFTED = "a crafted or damaged file"
RESAVE_WORD = "Open it in Word, save it again as .docx (or export a PDF) and submit it again"


@dataclass(frozen=True)
class Limits:
    """Limits on submitted files; :meth:`from_env` reads the ``THIDUA_MAX_*`` variables."""

    max_file_bytes: int = 50 * MB
    max_zip_entries: int = 5000
    max_unzipped_bytes: int = 200 * MB
    max_ratio: float = 200.0
    max_pdf_pages: int = 500

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> Limits:
        env = os.environ if environ is None else environ
        default = cls()
        return cls(
            max_file_bytes=int(_env_number(env, "THIDUA_MAX_FILE_MB", default.max_file_bytes / MB) * MB),
            max_zip_entries=int(_env_number(env, "THIDUA_MAX_ZIP_ENTRIES", default.max_zip_entries)),
            max_unzipped_bytes=int(
                _env_number(env, "THIDUA_MAX_UNZIPPED_MB", default.max_unzipped_bytes / MB) * MB
            ),
            max_ratio=default.max_ratio,
            max_pdf_pages=int(_env_number(env, "THIDUA_MAX_PDF_PAGES", default.max_pdf_pages)),
        )


def _env_number(env: Mapping[str, str], key: str, default: float) -> float:
    raw = env.get(key, "").strip()
    if not raw:
        return default
    try:
        value = float(raw)
    except ValueError:
        value = -1.0
    if value <= 0:
        log.warning("ignoring %s=%r: not a positive number; using %g", key, raw, default)
        return default
    return value


def mb(n: float) -> str:
    """A byte count in MB as messages show it: three significant digits under 10 MB, whole MB above."""
    return f"{n / MB:.3g}" if n < 10 * MB else f"{n / MB:.0f}"
