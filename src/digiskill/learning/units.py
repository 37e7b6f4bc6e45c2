"""Finding units of competency by the codes people type (DS500, CEC-BJEV-024, OCSC-2561:DS500)."""

from __future__ import annotations

from collections.abc import Iterable

from digiskill.agencies.models import Agency
from digiskill.agencies.selectors import agency_framework, default_framework
from digiskill.frameworks.models import Framework, Unit
from digiskill.learning.parsing import CellError
from digiskill.lib.text import code_key


class UnitLookup:
    """Every unit by its code and standard codes; the owner's framework wins when a code is in several."""

    def __init__(self, agency: Agency | None) -> None:
        """Load the codes of every unit once (a few hundred rows)."""
        preferred = agency_framework(agency) if agency is not None else default_framework()
        self.preferred_id = preferred.pk if preferred is not None else None
        self.frameworks = {code_key(code): pk for pk, code in Framework.objects.values_list("pk", "code")}
        self.by_key: dict[str, list[tuple[int, int]]] = {}
        self.code_of: dict[int, str] = {}
        rows = Unit.objects.values_list("pk", "code", "aliases", "framework_id")
        for pk, code, aliases, framework_id in rows:
            self.code_of[pk] = code
            for name in {code, *(aliases or [])}:
                self.by_key.setdefault(code_key(str(name)), []).append((framework_id, pk))

    def resolve(self, token: str) -> int:
        """The id of the unit a code names, or CellError when it is unknown or ambiguous."""
        framework_id = None
        prefix, colon, code = token.rpartition(":")
        if colon:
            framework_id = self.frameworks.get(code_key(prefix))
            if framework_id is None:
                raise CellError(f"ไม่รู้จักกรอบทักษะ {prefix!r}", f"unknown framework {prefix!r}")
        else:
            code = token
        found = self.by_key.get(code_key(code), [])
        if framework_id is not None:
            found = [f for f in found if f[0] == framework_id]
        if not found:
            raise CellError("ไม่พบหน่วยสมรรถนะรหัสนี้", "no unit of competency has this code")
        mine = [f for f in found if f[0] == self.preferred_id]
        if mine:
            return mine[0][1]
        if len({f[0] for f in found}) > 1:
            raise CellError(
                "รหัสนี้มีในหลายกรอบทักษะ ให้เขียนเป็น กรอบ:รหัส เช่น OCSC-2561:DS500",
                "the code is in several frameworks; write FRAMEWORK:CODE, e.g. OCSC-2561:DS500",
            )
        return found[0][1]

    def resolve_all(self, tokens: Iterable[str]) -> tuple[list[int], list[tuple[str, CellError]]]:
        """The unit ids of the codes that resolve, and (code, error) for those that do not."""
        ids: list[int] = []
        errors: list[tuple[str, CellError]] = []
        for token in tokens:
            try:
                pk = self.resolve(token)
            except CellError as exc:
                errors.append((token, exc))
            else:
                if pk not in ids:
                    ids.append(pk)
        return ids, errors
