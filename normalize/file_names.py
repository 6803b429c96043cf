"""File names as Linux hands them over: bytes. `os.listdir` gives a `str` in which every byte
that is not UTF-8 became a lone surrogate (U+DC80–U+DCFF, Python's surrogateescape); neither a
database driver nor pydantic can encode such a string. Every name therefore has three forms:

- the name itself (a `str` with surrogates, or `bytes`): only for opening the file;
- `display_name`: NFC, control characters and undecodable bytes written as escapes — what
  records, logs and JSON show ('\\xff\\xfebad.docx');
- `name_key`: a valid-UTF-8 text from which the exact bytes come back (`key_bytes`) — what a
  database row keys on. A name that is UTF-8 is its own key (keys written before this rule stay
  valid); any other is 'bytes:' and its bytes percent-encoded (RFC 3986), which no absolute path
  or plain name can start with by accident."""
from __future__ import annotations

import os
import unicodedata
from urllib.parse import quote_from_bytes, unquote_to_bytes

RAW_KEY_PREFIX = "bytes:"


def name_bytes(name: str | bytes | os.PathLike) -> bytes:
    """The exact bytes of a name or path (what the file system holds)."""
    return os.fsencode(name)


def is_utf8(name: str | bytes | os.PathLike) -> bool:
    try:
        name_bytes(name).decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def display_name(name: str | bytes | os.PathLike) -> str:
    """A name as it may appear in a record, a log line or stderr: NFC, every control character
    and every byte that is not UTF-8 written as an escape (a name can never forge a line)."""
    if not isinstance(name, str):
        name = os.fsdecode(name)
    out = []
    for ch in unicodedata.normalize("NFC", name):
        code = ord(ch)
        if 0xDC80 <= code <= 0xDCFF:              # an undecodable byte (os.fsdecode's surrogateescape)
            out.append(f"\\x{code - 0xDC00:02x}")
        elif unicodedata.category(ch) in ("Cc", "Cs", "Zl", "Zp"):
            out.append(ascii(ch)[1:-1])
        else:
            out.append(ch)
    return "".join(out)


def raw_name(name: str | bytes | os.PathLike) -> str | None:
    """The percent-encoded bytes of a name that is not UTF-8 (None for one that is): what an
    output keeps beside its display name so the original can be found again."""
    return None if is_utf8(name) else quote_from_bytes(name_bytes(name), safe="/")


def name_key(name: str | bytes | os.PathLike) -> str:
    """A database key for a name or path: valid UTF-8 always, and the same bytes give the same key."""
    raw = raw_name(name)
    return RAW_KEY_PREFIX + raw if raw is not None else name_bytes(name).decode("utf-8")


def key_bytes(key: str) -> bytes:
    """The name's bytes back from its key."""
    if key.startswith(RAW_KEY_PREFIX):
        return unquote_to_bytes(key[len(RAW_KEY_PREFIX):])
    return key.encode("utf-8")


__all__ = ["display_name", "is_utf8", "key_bytes", "name_bytes", "name_key", "raw_name"]
