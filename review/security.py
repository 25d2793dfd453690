"""Passwords, CSRF tokens and login rate limiting for the review app (standard library only).

Passwords: scrypt (memory-hard, salted per user), stored as ``scrypt$n$r$p$salt$hash``; verification is
constant-time. CSRF: one random token per login session, required in every form post (a post without it
gets 403). Login attempts: a sliding window per client address and per user name, so guessing is slow
whichever of the two an attacker varies.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import threading
import time
from collections import defaultdict, deque

MIN_PASSWORD = 8  # characters; the web app and `thidua user` ask the same
_N, _R, _P = 2**14, 8, 1  # ~16 MiB and ~50 ms per hash on this machine: slow for guessing, fine for a login


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.scrypt(password.encode("utf-8"), salt=salt, n=_N, r=_R, p=_P, dklen=32)
    encode = base64.b64encode
    return f"scrypt${_N}${_R}${_P}${encode(salt).decode()}${encode(digest).decode()}"


def check_password(password: str, again: str | None = None) -> str:
    """The password if it may be used: ``again`` (when given) must match, at least MIN_PASSWORD characters;
    else ValueError in Vietnamese."""
    if again is not None and again != password:
        raise ValueError("Hai lần nhập mật khẩu không khớp.")
    if len(password) < MIN_PASSWORD:
        raise ValueError(f"Mật khẩu cần ít nhất {MIN_PASSWORD} ký tự.")
    return password


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        expected = base64.b64decode(digest)
        actual = hashlib.scrypt(
            password.encode("utf-8"),
            salt=base64.b64decode(salt),
            n=int(n),
            r=int(r),
            p=int(p),
            dklen=len(expected),
        )
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(actual, expected)


def new_csrf_token() -> str:
    return secrets.token_urlsafe(32)


def csrf_ok(session_token: str | None, form_token: str | None) -> bool:
    return bool(session_token) and bool(form_token) and hmac.compare_digest(session_token, form_token)


class LoginLimiter:
    """At most ``attempts`` failed logins per ``window`` seconds per address and per user name."""

    def __init__(self, attempts: int = 5, window: float = 300.0) -> None:
        self.attempts = attempts
        self.window = window
        self._failures: dict[str, deque[float]] = defaultdict(deque)
        self._lock = threading.Lock()

    def _recent(self, key: str, now: float) -> deque[float]:
        times = self._failures[key]
        while times and now - times[0] > self.window:
            times.popleft()
        return times

    def blocked(self, address: str, username: str) -> float:
        """Seconds to wait before another attempt is allowed (0 when allowed)."""
        now = time.monotonic()
        with self._lock:
            waits = []
            for key in (f"ip:{address}", f"user:{username.lower()}"):
                times = self._recent(key, now)
                if len(times) >= self.attempts:
                    waits.append(self.window - (now - times[0]))
            return max(waits, default=0.0)

    def failed(self, address: str, username: str) -> None:
        now = time.monotonic()
        with self._lock:
            for key in (f"ip:{address}", f"user:{username.lower()}"):
                self._recent(key, now).append(now)

    def succeeded(self, address: str, username: str) -> None:
        with self._lock:
            self._failures.pop(f"user:{username.lower()}", None)
