"""The same source in other clothes: CRLF endings, a BOM, a latin-1 declaration; a fix must keep every one."""

from __future__ import annotations

from collections.abc import Callable

LATIN_1 = "# -*- coding: latin-1 -*-\n# r\xe9seau\n"


def _latin_1(source: bytes) -> bytes | None:
    try:
        return (LATIN_1 + source.decode()).encode("latin-1")
    except UnicodeEncodeError:
        return None


DISGUISES: dict[str, Callable[[bytes], bytes | None]] = {
    "as is": lambda source: source,
    "crlf": lambda source: source.replace(b"\n", b"\r\n"),
    "bom": lambda source: b"\xef\xbb\xbf" + source,
    "latin-1": _latin_1,
}
