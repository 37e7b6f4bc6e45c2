"""Recognise personnel target groups (section 5) from keywords, data-driven per framework."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from ._text import clean, key

__all__ = ["OCSC_ALL_GROUPS_KEYWORDS", "OCSC_GROUP_KEYWORDS", "GroupMatcher"]

OCSC_GROUP_KEYWORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("E", ("ผู้บริหารระดับสูง", "นักบริหารระดับสูง", "executive")),
    (
        "M",
        (
            "ผู้อำนวยการกอง",
            "ผู้อำนวยการสำนัก",
            "ผู้บริหารระดับกลาง",
            "ประเภทอำนวยการ",
            "กลุ่มอำนวยการ",
            "management",
            "manager",
        ),
    ),
    (
        "A",
        (
            "นโยบายและงานวิชาการ",
            "นโยบายและวิชาการ",
            "ด้านนโยบาย",
            "งานวิชาการ",
            "ด้านวิชาการ",
            "กลุ่มนักวิชาการ",
            "academic",
        ),
    ),
    ("S", ("ด้านบริการ", "ด้านการบริการ", "ด้านการให้บริการ", "กลุ่มให้บริการ", "ผู้ให้บริการ", "service")),
    (
        "T",
        (
            "เทคโนโลยีสารสนเทศ",
            "เทคโนโลยีดิจิทัล",
            "ด้านเทคโนโลยี",
            "นักวิชาการคอมพิวเตอร์",
            "technology",
            "technologist",
            "technologists",
        ),
    ),
    ("O", ("ผู้ปฏิบัติงานอื่น", "ผู้ปฏิบัติงานด้านอื่น", "กลุ่มอื่น", "others", "other")),
)
"""The six OCSC personnel groups (E, M, A, S, T, O) with Thai and English keywords."""

OCSC_ALL_GROUPS_KEYWORDS: tuple[str, ...] = ("ทุกกลุ่ม", "ทั้ง6กลุ่ม", "all groups", "all six groups")
"""Phrases meaning "every group"."""


class GroupMatcher:
    """Map free text to group codes by keywords, compared after normalisation.

    Thai keywords match anywhere with spaces ignored (so OCR slips such as "ผู้บริหาร ระดับสูง" still
    match); keywords made only of ASCII match as whole words, case-insensitively ("Other" matches,
    "another" does not).  Results follow the order of ``groups``.
    """

    def __init__(
        self, groups: Iterable[tuple[str, Iterable[str]]], *, all_keywords: Iterable[str] = ()
    ) -> None:
        """Build a matcher from (code, keywords) pairs and optional "all groups" phrases."""
        self._groups: list[tuple[str, list[str], list[re.Pattern[str]]]] = []
        for code, keywords in groups:
            thai, latin = self._split(keywords)
            self._groups.append((code, thai, latin))
        self._all_thai, self._all_latin = self._split(all_keywords)

    @classmethod
    def ocsc(cls) -> GroupMatcher:
        """Return the matcher for the OCSC six-group classification."""
        return cls(OCSC_GROUP_KEYWORDS, all_keywords=OCSC_ALL_GROUPS_KEYWORDS)

    @property
    def codes(self) -> tuple[str, ...]:
        """Return every group code this matcher knows, in order."""
        return tuple(code for code, _, _ in self._groups)

    @staticmethod
    def _split(keywords: Iterable[str]) -> tuple[list[str], list[re.Pattern[str]]]:
        """Split keywords into Thai/mixed keys and whole-word patterns for ASCII-only keywords."""
        thai: list[str] = []
        latin: list[re.Pattern[str]] = []
        for keyword in keywords:
            if keyword.isascii():
                words = r"\s*".join(re.escape(word) for word in keyword.split())
                latin.append(re.compile(rf"(?<![a-z0-9]){words}(?![a-z0-9])", re.IGNORECASE))
            elif key(keyword):
                thai.append(key(keyword))
        return thai, latin

    @staticmethod
    def _hit(text_key: str, text: str, thai: Sequence[str], latin: Sequence[re.Pattern[str]]) -> bool:
        """Tell whether any keyword occurs in the text."""
        return any(k in text_key for k in thai) or any(p.search(text) for p in latin)

    def match(self, text: str) -> list[str]:
        """Return the codes of the groups mentioned in ``text`` (all codes for "ทุกกลุ่ม")."""
        cleaned = clean(text)
        text_key = key(cleaned)
        if self._hit(text_key, cleaned, self._all_thai, self._all_latin):
            return list(self.codes)
        return [code for code, thai, latin in self._groups if self._hit(text_key, cleaned, thai, latin)]
