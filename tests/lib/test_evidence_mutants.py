"""Evidence-file checks at their edges, found untested by the mutation check (`make mutate`)."""

from __future__ import annotations

import io
import re
from types import SimpleNamespace

import pytest
from django.core.exceptions import ValidationError

from digiskill.lib.evidence import (
    ALLOWED,
    MAX_BYTES,
    check_evidence,
    content_type,
    discard_after_commit,
    stored_name,
)

PDF = b"%PDF-1.7\n"


def _refusal(name: str, size: int, content: bytes) -> str:
    with pytest.raises(ValidationError) as info:
        check_evidence(name, size, io.BytesIO(content))
    (message,) = info.value.messages
    return message


def test_the_accepted_types_are_listed_without_dots() -> None:
    assert ALLOWED == "pdf, png, jpg, jpeg, docx, xlsx, pptx, txt"
    assert _refusal("แผน.exe", 10, b"MZ") == (
        f"ไฟล์หลักฐาน “แผน.exe” เป็นชนิดที่ไม่รับ (รับเฉพาะ {ALLOWED}) / "
        f"The evidence file “แผน.exe” is of a type not accepted (only {ALLOWED})."
    )


def test_exactly_10_mb_is_accepted_and_one_byte_more_is_refused_naming_the_size() -> None:
    assert check_evidence("a.pdf", MAX_BYTES, io.BytesIO(PDF)) == ".pdf"
    assert MAX_BYTES == 10 * 1024 * 1024
    assert _refusal("a.pdf", 11 * 1024 * 1024, PDF) == (
        "ไฟล์หลักฐาน “a.pdf” มีขนาด 11.0 MB เกินกำหนด 10 MB / "
        "The evidence file “a.pdf” is 11.0 MB, more than the 10 MB allowed."
    )


def test_the_size_is_named_in_megabytes_of_1024_x_1024_bytes() -> None:
    # 10,540,486 bytes = 10.052 MiB, shown as 10.1 (a divisor of 1025 × 1024 would show 10.0).
    assert "“a.pdf” is 10.1 MB" in _refusal("a.pdf", 10_540_486, PDF)


def test_an_empty_file_is_refused() -> None:
    assert _refusal("a.pdf", 0, b"") == "ไฟล์หลักฐาน “a.pdf” ว่างเปล่า / The evidence file “a.pdf” is empty."


def test_a_renamed_file_is_refused_by_its_content() -> None:
    assert _refusal("รูป.PNG", 4, PDF) == (
        "เนื้อไฟล์ “รูป.PNG” ไม่ใช่ไฟล์ png จริง / The content of “รูป.PNG” is not a real png file."
    )


def test_the_check_reads_from_the_start_and_leaves_the_stream_at_the_start() -> None:
    stream = io.BytesIO(b"\x89PNG\r\n\x1a\n" + b"\0" * 10)
    stream.seek(5)
    assert check_evidence("a.png", 18, stream) == ".png"
    assert stream.tell() == 0


def test_only_the_first_4_kb_are_read() -> None:
    # A control byte after the first 4096 bytes is not looked at.
    assert check_evidence("a.txt", 5000, io.BytesIO(b"a" * 4096 + b"\x01")) == ".txt"
    assert "not a real txt" in _refusal("a.txt", 4096, b"a" * 4095 + b"\x01")


@pytest.mark.parametrize(
    "content",
    [
        "บันทึกการเรียนรู้\r\n\tหน้า\f2".encode(),
        "บันทึก".encode("cp874"),  # TIS-620 from older Thai Windows
        "ก".encode() * 1365 + "ข".encode()[:1],  # the 4 KB cut falls inside a character
    ],
)
def test_text_in_utf8_or_tis620_is_accepted(content: bytes) -> None:
    assert check_evidence("notes.txt", len(content), io.BytesIO(content)) == ".txt"


@pytest.mark.parametrize(
    "content",
    [
        b"abc\x00def",
        b"abc\x1bdef",
        b"\xff\xfe\x00a",
        b"\xdb\xfc\xff\x81",
    ],  # the last: neither UTF-8 nor TIS-620
)
def test_binary_is_not_text(content: bytes) -> None:
    assert "not a real txt" in _refusal("notes.txt", len(content), content)


def test_stored_names_are_fresh_and_keep_the_extension() -> None:
    first, second = stored_name(".pdf"), stored_name(".pdf")
    assert re.fullmatch(r"[0-9a-f]{32}\.pdf", first)
    assert first != second


def test_content_type_by_name_with_a_safe_default() -> None:
    assert content_type("x/ab.pdf") == "application/pdf"
    assert content_type("ab.unknownext") == "application/octet-stream"


class _Storage:
    def __init__(self) -> None:
        self.deleted: list[str] = []

    def delete(self, name: str) -> None:
        self.deleted.append(name)


@pytest.mark.django_db
def test_a_replaced_file_is_deleted_after_the_commit_unless_still_used(
    django_capture_on_commit_callbacks,
) -> None:
    storage = _Storage()
    asked: list[str] = []

    def still_used(name: str) -> bool:
        asked.append(name)
        return name == "kept.pdf"

    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        discard_after_commit(SimpleNamespace(name="old.pdf", storage=storage), still_used=still_used)
        discard_after_commit(SimpleNamespace(name="kept.pdf", storage=storage), still_used=still_used)
        discard_after_commit(SimpleNamespace(name="", storage=storage), still_used=still_used)
    assert storage.deleted == [] and asked == []  # nothing before the commit
    assert len(callbacks) == 2  # nothing at all for a field without a file
    for callback in callbacks:
        callback()
    assert asked == ["old.pdf", "kept.pdf"]
    assert storage.deleted == ["old.pdf"]
