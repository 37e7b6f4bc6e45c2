"""Evidence files: which types and sizes are accepted, checked by name and by content."""

from __future__ import annotations

import codecs
import mimetypes
import uuid
from collections.abc import Callable
from pathlib import PurePath
from typing import IO, TYPE_CHECKING

from django.core.exceptions import ValidationError
from django.db import transaction

if TYPE_CHECKING:
    from django.db.models.fields.files import FieldFile

MAX_BYTES = 10 * 1024 * 1024
ZIP = b"PK\x03\x04"
# Extension → the first bytes a genuine file of that type starts with (None: plain text, checked apart).
SIGNATURES: dict[str, tuple[bytes, ...] | None] = {
    ".pdf": (b"%PDF-",),
    ".png": (b"\x89PNG\r\n\x1a\n",),
    ".jpg": (b"\xff\xd8\xff",),
    ".jpeg": (b"\xff\xd8\xff",),
    ".docx": (ZIP,),
    ".xlsx": (ZIP,),
    ".pptx": (ZIP,),
    ".txt": None,
}
ALLOWED = ", ".join(e.lstrip(".") for e in SIGNATURES)


def _mb(size: int) -> str:
    """A size in megabytes, one decimal."""
    return f"{size / (1024 * 1024):.1f}"


def _is_text(head: bytes) -> bool:
    """True when the start of a file reads as UTF-8 (or TIS-620) text without control bytes."""
    if b"\x00" in head:
        return False
    for encoding in ("utf-8", "cp874"):
        try:  # incremental: the 4 KB cut may fall inside a character
            text = codecs.getincrementaldecoder(encoding)().decode(head, final=False)
        except UnicodeDecodeError:
            continue
        return all(ch.isprintable() or ch in "\r\n\t\f" for ch in text)
    return False


def check_evidence(name: str, size: int, stream: IO[bytes]) -> str:
    """Refuse a file of a type or size not accepted; return its lower-case extension."""
    ext = PurePath(name).suffix.lower()
    if ext not in SIGNATURES:
        raise ValidationError(
            f"ไฟล์หลักฐาน “{name}” เป็นชนิดที่ไม่รับ (รับเฉพาะ {ALLOWED}) / "
            f"The evidence file “{name}” is of a type not accepted (only {ALLOWED})."
        )
    if size > MAX_BYTES:
        raise ValidationError(
            f"ไฟล์หลักฐาน “{name}” มีขนาด {_mb(size)} MB เกินกำหนด 10 MB / "
            f"The evidence file “{name}” is {_mb(size)} MB, more than the 10 MB allowed."
        )
    if size == 0:
        raise ValidationError(f"ไฟล์หลักฐาน “{name}” ว่างเปล่า / The evidence file “{name}” is empty.")
    stream.seek(0)
    head = stream.read(4096)
    stream.seek(0)
    signatures = SIGNATURES[ext]
    genuine = _is_text(head) if signatures is None else head.startswith(signatures)
    if not genuine:
        raise ValidationError(
            f"เนื้อไฟล์ “{name}” ไม่ใช่ไฟล์ {ext.lstrip('.')} จริง / "
            f"The content of “{name}” is not a real {ext.lstrip('.')} file."
        )
    return ext


def stored_name(ext: str) -> str:
    """A fresh name to store an evidence file under (the person's file name is kept apart)."""
    return f"{uuid.uuid4().hex}{ext}"


def content_type(name: str) -> str:
    """The MIME type to send a stored evidence file with."""
    return mimetypes.guess_type(name)[0] or "application/octet-stream"


def discard_after_commit(old: FieldFile, *, still_used: Callable[[str], bool]) -> None:
    """Delete a replaced or removed evidence file from storage once the transaction commits.

    Never before the commit and never on a rollback (the row still points at the file then); and
    not when another row still refers to the same stored file (a later round or plan version copies
    its predecessor's evidence), which `still_used(name)` answers after the commit.
    """
    name = old.name
    if not name:
        return
    storage = old.storage

    def discard() -> None:
        if not still_used(name):
            storage.delete(name)

    transaction.on_commit(discard)
