"""The six-group rule of the OCSC guide, as pure functions (no Django, no database).

Org 1.3 / Ind 1: a person whose work spans several groups is classified by workload, the
largest share deciding; when shares tie, the group of the person's career path decides
(the guide's example: Academic 50, Service 50, career path Academic → Academic).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from digiskill.lib.text import normalise_text, thai_to_arabic_digits

__all__ = [
    "WorkloadError",
    "format_workload",
    "groups_with_work",
    "parse_workload",
    "propose_group",
    "spans_several_groups",
]

_SHARE = re.compile(r"^\s*([^\s:=]+)\s*[:=]\s*(\S+?)\s*%?\s*$")
_SEPARATORS = re.compile(r"[,;\n]+")


class WorkloadError(ValueError):
    """A workload text that cannot be read; the message is "Thai / English"."""

    def __init__(self, thai: str, english: str) -> None:
        """Keep both languages; str() gives "thai / english"."""
        self.thai = thai
        self.english = english
        super().__init__(f"{thai} / {english}")


def parse_workload(text: str, known: Iterable[str] | None = None) -> dict[str, int]:
    """Read "A:30, S:70" into {"A": 30, "S": 70}; blank text gives {}.

    Shares are whole percentages that add up to 100; codes are matched without regard to
    case against `known` (and returned as spelled there); a group may appear once.
    """
    text = thai_to_arabic_digits(normalise_text(text))
    if not text:
        return {}
    canonical = {code.casefold(): code for code in known} if known is not None else None
    shares: dict[str, int] = {}
    for part in filter(None, (p.strip() for p in _SEPARATORS.split(text))):
        code, share = _read_share(part, canonical)
        if code in shares:
            raise WorkloadError(f"กลุ่ม {code} ซ้ำ", f"group {code} appears twice")
        shares[code] = share
    total = sum(shares.values())
    if total != 100:
        raise WorkloadError(f"สัดส่วนงานรวมกันได้ {total} ต้องรวมกันได้ 100", f"shares add up to {total}, not 100")
    return shares


def _read_share(part: str, canonical: Mapping[str, str] | None) -> tuple[str, int]:
    """Read one "CODE:NUMBER" part."""
    match = _SHARE.match(part)
    if match is None:
        raise WorkloadError(
            f"อ่าน {part!r} ไม่ได้ ต้องเขียนเป็น กลุ่ม:ร้อยละ เช่น A:30, S:70",
            f"cannot read {part!r}; write group:percent, e.g. A:30, S:70",
        )
    code, number = match.group(1), match.group(2)
    if not number.isascii() or not number.isdigit():
        raise WorkloadError(
            f"สัดส่วนของกลุ่ม {code} ต้องเป็นจำนวนเต็ม 0–100 ไม่ใช่ {number!r}",
            f"the share of group {code} must be a whole number 0–100, not {number!r}",
        )
    share = int(number)
    if share > 100:
        raise WorkloadError(f"สัดส่วนของกลุ่ม {code} เกิน 100", f"the share of group {code} is more than 100")
    if canonical is not None:
        if code.casefold() not in canonical:
            raise WorkloadError(f"ไม่รู้จักกลุ่ม {code!r}", f"unknown group code {code!r}")
        code = canonical[code.casefold()]
    return code, share


def format_workload(shares: Mapping[str, int], order: Iterable[str] | None = None) -> str:
    """Write shares back as "A:30, S:70" (in `order` when given, else as they come)."""
    codes = [c for c in order if c in shares] if order is not None else list(shares)
    codes += [c for c in shares if c not in codes]
    return ", ".join(f"{code}:{shares[code]}" for code in codes)


def groups_with_work(shares: Mapping[str, int]) -> list[str]:
    """The groups with a share above zero."""
    return [code for code, share in shares.items() if share > 0]


def spans_several_groups(shares: Mapping[str, int]) -> bool:
    """True when the person's work falls in more than one group (cabinet resolution 4.6.3)."""
    return len(groups_with_work(shares)) > 1


def propose_group(shares: Mapping[str, int], career_path: str | None = None) -> str | None:
    """The group the rule proposes: the largest share; a tie goes to the career-path group.

    With no workload, the career-path group (if any). None when shares tie and the career
    path is none of the tied groups: the person and the supervisor must decide together.
    """
    working = {code: share for code, share in shares.items() if share > 0}
    if not working:
        return career_path or None
    top = max(working.values())
    leaders = [code for code, share in working.items() if share == top]
    if len(leaders) == 1:
        return leaders[0]
    if career_path in leaders:
        return career_path
    return None
