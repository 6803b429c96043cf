"""Who is asking: users (argon2 password hashes) with a session cookie, or systems with a bearer
token; roles viewer < reviewer < admin checked on the server for every page and call; CSRF
tokens on every browser write; failed sign-ins rate-limited per name and per address."""
from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets
from dataclasses import dataclass

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import delete, func, select

from stores.base import utcnow
from stores.db import Store
from stores.review_schema import ApiToken, AuditRow, LoginFailure, User, WebSession

ROLES = ("viewer", "reviewer", "admin")
SESSION_COOKIE = "vanthu_session"
# An address may fail this many times the per-name limit: an office signs in from one address.
ADDRESS_FACTOR = 4
_hasher = PasswordHasher()
# An unknown name is checked against this hash so it takes as long as a known one.
_DUMMY_HASH = _hasher.hash("not a password")


class AuthError(Exception):
    """reason: bad_login | rate_limited | bad_role | weak_password | name_taken"""

    def __init__(self, reason: str, message: str = ""):
        super().__init__(message or reason)
        self.reason = reason


@dataclass(frozen=True)
class Principal:
    name: str
    role: str
    kind: str                  # "user" | "token"
    csrf: str | None = None    # the session's CSRF token (browsers only)

    def can(self, role: str) -> bool:
        return ROLES.index(self.role) >= ROLES.index(role)




def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _aware(t: dt.datetime) -> dt.datetime:
    return t if t.tzinfo else t.replace(tzinfo=dt.timezone.utc)  # SQLite returns naive UTC


def add_user(store: Store, name: str, password: str, role: str, by: str = "cli") -> None:
    if role not in ROLES:
        raise AuthError("bad_role", f"role must be one of {', '.join(ROLES)}")
    if len(password) < 8:
        raise AuthError("weak_password", "password must have at least 8 characters")
    with store.sessions.begin() as s:
        user = s.execute(select(User).where(User.name == name)).scalar_one_or_none()
        old = user.role if user else None
        if user is None:
            user = User(name=name, role=role, active=True, password_hash="")
            s.add(user)
        user.password_hash, user.role, user.active = _hasher.hash(password), role, True
        s.add(AuditRow(user_name=by, action="user", field="role", target=name, old_value=old, new_value=role))


def create_token(store: Store, name: str, role: str, by: str = "cli") -> str:
    """A new bearer token; only its SHA-256 is kept, the token itself is shown once."""
    if role not in ROLES:
        raise AuthError("bad_role", f"role must be one of {', '.join(ROLES)}")
    token = "vt_" + secrets.token_urlsafe(32)
    with store.sessions.begin() as s:
        s.add(ApiToken(name=name, token_hash=_digest(token), role=role, revoked=False))
        s.add(AuditRow(user_name=by, action="token", field="role", target=name, new_value=role))
    return token


def sign_in(store: Store, name: str, password: str, remote: str, hours: float, max_failures: int,
            window_minutes: float) -> tuple[str, str]:
    """(session token for the cookie, CSRF token) or AuthError."""
    since = utcnow() - dt.timedelta(minutes=window_minutes)
    with store.sessions.begin() as s:
        # Counted per name *and* address: wrong passwords typed for a name from elsewhere cannot lock
        # its owner out (they were counted per name alone: anyone could lock any account).
        by_pair = s.scalar(select(func.count()).select_from(LoginFailure).where(
            LoginFailure.at >= since, LoginFailure.name == name[:120], LoginFailure.remote == remote[:64]))
        by_address = s.scalar(select(func.count()).select_from(LoginFailure).where(
            LoginFailure.at >= since, LoginFailure.remote == remote[:64]))
        if by_pair >= max_failures or by_address >= ADDRESS_FACTOR * max_failures:
            raise AuthError("rate_limited", f"too many failed sign-ins; wait {window_minutes:g} minutes")
        user = s.execute(select(User).where(User.name == name, User.active.is_(True))).scalar_one_or_none()
        try:
            _hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
            ok = user is not None
        except (VerificationError, InvalidHashError):
            ok = False
        if not ok:
            s.add(LoginFailure(name=name[:120], remote=remote[:64]))
    if not ok:
        raise AuthError("bad_login", "wrong name or password")
    token, csrf = secrets.token_urlsafe(32), secrets.token_urlsafe(32)
    with store.sessions.begin() as s:
        s.execute(delete(WebSession).where(WebSession.expires_at < utcnow()))
        s.add(WebSession(token_hash=_digest(token), user_id=user.id, csrf_token=csrf,
                         expires_at=utcnow() + dt.timedelta(hours=hours)))
        s.execute(delete(LoginFailure).where(LoginFailure.name == name[:120], LoginFailure.remote == remote[:64]))
    return token, csrf


def sign_out(store: Store, token: str) -> None:
    with store.sessions.begin() as s:
        s.execute(delete(WebSession).where(WebSession.token_hash == _digest(token)))


def from_session(store: Store, token: str | None) -> Principal | None:
    if not token:
        return None
    with store.sessions() as s:
        row = s.execute(select(WebSession, User).join(User, User.id == WebSession.user_id)
                        .where(WebSession.token_hash == _digest(token))).first()
        if row is None:
            return None
        sess, user = row
        if _aware(sess.expires_at) < utcnow() or not user.active:
            return None
        return Principal(user.name, user.role, "user", sess.csrf_token)


def from_bearer(store: Store, header: str | None) -> Principal | None:
    if not header or not header.lower().startswith("bearer "):
        return None
    token = header[7:].strip()
    with store.sessions.begin() as s:
        row = s.execute(select(ApiToken).where(ApiToken.token_hash == _digest(token),
                                               ApiToken.revoked.is_(False))).scalar_one_or_none()
        if row is None:
            return None
        row.last_used_at = utcnow()
        return Principal(f"token:{row.name}", row.role, "token")


def csrf_ok(principal: Principal, sent: str | None) -> bool:
    """Browser writes carry the session's CSRF token; bearer tokens are not ambient, need none."""
    if principal.kind == "token":
        return True
    return bool(sent) and principal.csrf is not None and hmac.compare_digest(sent, principal.csrf)
