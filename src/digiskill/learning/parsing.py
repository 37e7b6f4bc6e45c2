"""Parsing the cells of a learning resource: unit-code lists, topics, hours, cost, kind, language, link.

Pure functions without database access, shared by the CSV import, the form and the API. Each raises
`CellError` with the problem in Thai and in English; the caller names the file, row, field and value.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any, NamedTuple, TypeVar

from django.core.exceptions import ValidationError
from django.core.validators import URLValidator
from django.utils import translation

from digiskill.learning.models import ResourceKind, ResourceLanguage
from digiskill.lib.text import code_key, normalise_code, normalise_text, search_key

T = TypeVar("T")
URL_MAX = 1000
# Spaces, commas and semicolons, in their ASCII, full-width and Arabic forms, and line breaks.
_CODE_SEPARATORS = re.compile(r"[\s,;\u060c\u061b\u3001\uff0c\uff1b]+")
_TOPIC_SEPARATORS = re.compile(r"[|\n\r\uff5c]+")
_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?|[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_HOUR_WORDS = ("ชั่วโมง", "ชม.", "ชม", "hours", "hour", "hrs", "hr", "h")
_MONEY_WORDS = ("บาท", "฿", "baht", "thb")
_FREE = {"ฟรี", "free", "ไม่มีค่าใช้จ่าย", "ไม่เสียค่าใช้จ่าย", "no cost"}
_BLANK = {"", "-", "–", "—"}
_SQUASH = re.compile(r"[\s_\-/.,&+()]+")

# Further names people write for each kind and language, beyond the codes and the Thai and
# English labels (those are read from the choices, so the two never disagree).
KIND_SYNONYMS: dict[str, tuple[str, ...]] = {
    ResourceKind.E_LEARNING: ("elearning", "อีเลิร์นนิง", "อีเลิร์นนิ่ง", "เรียนออนไลน์", "online", "mooc"),
    ResourceKind.COURSE: ("course", "training", "หลักสูตร", "อบรม", "ฝึกอบรม", "หลักสูตรฝึกอบรม"),
    ResourceKind.CLASSROOM: ("ในห้องเรียน", "onsite"),
    ResourceKind.SEMINAR: ("การสัมมนา", "webinar", "เว็บบินาร์"),
    ResourceKind.BOOK: ("book", "article", "หนังสือ", "บทความ", "หนังสือหรือบทความ", "เอกสาร"),
    ResourceKind.VIDEO: ("วีดิโอ", "วีดีโอ", "วีดิทัศน์", "คลิป"),
    ResourceKind.COMMUNITY: ("community", "cop", "ชุมชน", "ชุมชนการเรียนรู้"),
    ResourceKind.OTHER: ("อื่น",),
}
LANGUAGE_SYNONYMS: dict[str, tuple[str, ...]] = {
    ResourceLanguage.THAI: ("ไทย", "ภาษาไทย", "thai", "tha"),
    ResourceLanguage.ENGLISH: ("อังกฤษ", "ภาษาอังกฤษ", "english", "eng"),
    ResourceLanguage.BOTH: (
        "ไทยและอังกฤษ",
        "ไทยอังกฤษ",
        "ภาษาไทยและภาษาอังกฤษ",
        "thai english",
        "en-th",
        "both",
        "ทั้งสองภาษา",
    ),
}
# Thai labels of the choices as the issue words them, whatever the translation catalog says.
KIND_THAI: dict[str, str] = {
    ResourceKind.E_LEARNING: "การเรียนรู้ออนไลน์",
    ResourceKind.COURSE: "หลักสูตรอบรม",
    ResourceKind.CLASSROOM: "ห้องเรียน",
    ResourceKind.SEMINAR: "สัมมนา",
    ResourceKind.BOOK: "หนังสือ/บทความ",
    ResourceKind.VIDEO: "วิดีโอ",
    ResourceKind.COMMUNITY: "ชุมชนนักปฏิบัติ",
    ResourceKind.OTHER: "อื่น ๆ",
}
LANGUAGE_THAI: dict[str, str] = {
    ResourceLanguage.THAI: "ไทย",
    ResourceLanguage.ENGLISH: "อังกฤษ",
    ResourceLanguage.BOTH: "ไทยและอังกฤษ",
}


class CellError(ValueError):
    """A cell that cannot be read: what is wrong, in Thai and in English."""

    def __init__(self, thai: str, english: str) -> None:
        """Keep both halves; str() is "Thai / English"."""
        super().__init__(f"{thai} / {english}")
        self.thai = thai
        self.english = english


def _squash(value: str) -> str:
    """A lookup key for a choice: caseless, without spaces, dashes, slashes and dots."""
    return _SQUASH.sub("", search_key(value))


@lru_cache(maxsize=1)
def _kinds() -> dict[str, str]:
    """Every accepted spelling of every kind, by its squashed key."""
    return _choice_table(ResourceKind.choices, KIND_THAI, KIND_SYNONYMS)


@lru_cache(maxsize=1)
def _languages() -> dict[str, str]:
    """Every accepted spelling of every language, by its squashed key."""
    table = _choice_table(ResourceLanguage.choices, LANGUAGE_THAI, LANGUAGE_SYNONYMS)
    table.setdefault(_squash("th/en"), ResourceLanguage.BOTH)
    return table


def _choice_table(
    choices: list[tuple[str, Any]], thai: dict[str, str], synonyms: dict[str, tuple[str, ...]]
) -> dict[str, str]:
    """Map codes, English and Thai labels, and synonyms to the code."""
    table: dict[str, str] = {}
    for code, label in choices:
        names = [code, str(label), thai[code], *synonyms.get(code, ())]
        for language in ("en", "th"):
            with translation.override(language):
                names.append(str(label))
        for name in names:
            table.setdefault(_squash(name), code)
    return table


def parse_kind(value: str) -> str:
    """The kind a cell names, by code, Thai or English label ("อีเลิร์นนิง", "e-learning")."""
    if not value.strip():
        raise CellError("ต้องกรอก", "required")
    found = _kinds().get(_squash(value))
    if found is None:
        accepted = ", ".join(f"{code} ({KIND_THAI[code]})" for code in ResourceKind.values)
        raise CellError(f"ไม่รู้จักประเภทนี้ ใช้ได้: {accepted}", f"unknown kind; use one of: {accepted}")
    return found


def parse_language(value: str) -> str:
    """The language a cell names ("ไทย", "English", "th-en"); blank is Thai."""
    if not value.strip():
        return ResourceLanguage.THAI
    found = _languages().get(_squash(value))
    if found is None:
        raise CellError(
            "ไม่รู้จักภาษานี้ ใช้ได้: th (ไทย), en (อังกฤษ), th-en (ไทยและอังกฤษ)",
            "unknown language; use th (Thai), en (English) or th-en (Thai and English)",
        )
    return found


def split_codes(value: str) -> list[str]:
    """The unit codes of a cell, separated by spaces, commas or semicolons; repeats dropped."""
    seen: set[str] = set()
    codes: list[str] = []
    for token in _CODE_SEPARATORS.split(normalise_text(value.replace("\n", " "))):
        code = normalise_code(token)
        if code and code_key(code) not in seen:
            seen.add(code_key(code))
            codes.append(code)
    return codes


def split_topics(value: str) -> list[str]:
    """The knowledge topics of a cell, separated by | (or one per line); repeats dropped."""
    seen: set[str] = set()
    topics: list[str] = []
    for part in _TOPIC_SEPARATORS.split(value):
        topic = normalise_text(part)
        if topic and search_key(topic) not in seen:
            seen.add(search_key(topic))
            topics.append(topic)
    return topics


def parse_hours(value: str) -> Decimal | None:
    """Hours of study ("3", "1.5", "๖ ชั่วโมง"); blank or "-" is unknown."""
    return _number(value, words=_HOUR_WORDS, places=1, whole_digits=5, free=False)


def parse_cost(value: str) -> Decimal | None:
    """Cost in baht ("1,500", "฿ 990.50", "ฟรี" = 0); blank or "-" is unknown."""
    return _number(value, words=_MONEY_WORDS, places=2, whole_digits=8, free=True)


def _number(
    value: str, *, words: tuple[str, ...], places: int, whole_digits: int, free: bool
) -> Decimal | None:
    """A non-negative decimal with at most `places` decimals and `whole_digits` whole digits."""
    text = search_key(value)
    if text in _BLANK:
        return None
    if free and text in _FREE:
        return Decimal(0)
    for word in words:
        if text.endswith(word):
            text = text[: -len(word)].strip()
        if text.startswith(word):
            text = text[len(word) :].strip()
    if text.startswith("-") and _NUMBER.fullmatch(text[1:].strip()):
        raise CellError("ต้องไม่ติดลบ", "must not be negative")
    if not _NUMBER.fullmatch(text):
        raise CellError("ไม่ใช่ตัวเลข", "not a number")
    whole, _dot, fraction = text.replace(",", "").partition(".")
    fraction = fraction.rstrip("0")
    if len(fraction) > places:
        raise CellError(f"มีทศนิยมได้ไม่เกิน {places} ตำแหน่ง", f"at most {places} decimal place(s)")
    if len(whole.lstrip("0")) > whole_digits:
        limit = "9" * whole_digits
        raise CellError(f"มากเกินไป (ไม่เกิน {limit})", f"too large (at most {limit})")
    return Decimal(f"{whole}.{fraction}" if fraction else whole)


_validate_url = URLValidator(schemes=["http", "https"])


def parse_url(value: str) -> str:
    """A web link (http or https); "www.example.go.th" gets https:// in front; blank is none."""
    text = normalise_text(value)
    if not text:
        return ""
    if "://" not in text and " " not in text and "." in text.split("/")[0]:
        text = "https://" + text
    if len(text) > URL_MAX:
        raise CellError(f"ยาวเกิน {URL_MAX} ตัวอักษร", f"longer than {URL_MAX} characters")
    try:
        _validate_url(text)
    except ValidationError:
        raise CellError(
            "ไม่ใช่ลิงก์เว็บที่ถูกต้อง (http:// หรือ https://)", "not a valid web link (http:// or https://)"
        ) from None
    return text


# --- a whole resource ------------------------------------------------------------------------

FIELD_THAI: dict[str, str] = {
    "code": "รหัส",
    "title": "ชื่อ",
    "provider": "ผู้จัด",
    "kind": "ประเภท",
    "url": "ลิงก์",
    "hours": "จำนวนชั่วโมง",
    "cost": "ค่าใช้จ่าย",
    "language": "ภาษา",
    "units": "หน่วยสมรรถนะ",
    "topics": "หัวข้อความรู้",
    "description": "รายละเอียด",
}
MAX_LENGTH = {"code": 64, "title": 500, "provider": 255}


@dataclass(frozen=True)
class ResourceInput:
    """Everything a resource is made of, as typed values; `unit_ids` are ids of frameworks.Unit."""

    code: str
    title: str
    provider: str
    kind: str
    url: str = ""
    hours: Decimal | None = None
    cost: Decimal | None = None
    language: str = ResourceLanguage.THAI
    description: str = ""
    topics: tuple[str, ...] = ()
    unit_ids: tuple[int, ...] = ()


class Problem(NamedTuple):
    """What is wrong with one field: its name, the value, and the problem in Thai and English."""

    field: str
    value: str
    thai: str
    english: str

    def __str__(self) -> str:
        """ "ประเภท 'x': ไม่รู้จักประเภทนี้ … / kind 'x': unknown kind …"."""
        value = self.value if len(self.value) <= 60 else self.value[:60] + "…"
        return (
            f"{FIELD_THAI.get(self.field, self.field)} {value!r}: {self.thai} / "
            f"{self.field} {value!r}: {self.english}"
        )


def clean_input(data: ResourceInput) -> tuple[ResourceInput, list[Problem]]:
    """Normalise every field and list what is wrong (required, lengths, choices, link, numbers)."""
    problems: list[Problem] = []

    def check(field: str, value: object, parse: Callable[[str], T], fallback: T) -> T:
        try:
            return parse(value if isinstance(value, str) else "" if value is None else format(value, "f"))
        except CellError as exc:
            problems.append(Problem(field, str(value), exc.thai, exc.english))
            return fallback

    code = normalise_code(data.code)
    title = normalise_text(data.title)
    provider = normalise_text(data.provider)
    for field, value in (("code", code), ("title", title), ("provider", provider)):
        if not value:
            problems.append(Problem(field, value, "ต้องกรอก", "required"))
        elif len(value) > MAX_LENGTH[field]:
            limit = MAX_LENGTH[field]
            problems.append(
                Problem(field, value, f"ยาวเกิน {limit} ตัวอักษร", f"longer than {limit} characters")
            )
    kind = data.kind if data.kind in ResourceKind.values else check("kind", data.kind, parse_kind, "")
    language = (
        data.language
        if data.language in ResourceLanguage.values
        else check("language", data.language, parse_language, "")
    )
    clean = ResourceInput(
        code=code,
        title=title,
        provider=provider,
        kind=kind,
        url=check("url", data.url, parse_url, ""),
        hours=check("hours", data.hours, parse_hours, None),
        cost=check("cost", data.cost, parse_cost, None),
        language=language,
        description=clean_description(data.description),
        topics=tuple(split_topics("\n".join(data.topics))),
        unit_ids=tuple(dict.fromkeys(data.unit_ids)),
    )
    return clean, problems


def clean_description(value: str) -> str:
    """Normalised text that keeps its line breaks (blank lines collapsed to one)."""
    lines = [normalise_text(line) for line in value.splitlines()]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip()
