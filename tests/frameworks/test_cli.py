"""Command line: import-units, export-case, import-case, export-csv."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
import uuid
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from digiskill.accounts.access import SYSTEM
from digiskill.frameworks.interchange.case import framework_case_package, package_json
from digiskill.frameworks.interchange.services import framework_import_case
from digiskill.frameworks.loading import DATA_DIR
from digiskill.frameworks.models import Criterion, Framework, SkillSet, Unit, UnitRevision

UNITS = DATA_DIR / "ocsc-2561" / "units"


def _framework_with_areas(code: str, *areas: str) -> Framework:
    """An empty framework with these areas, made through the CASE import service."""
    stamp = "2025-01-01T00:00:00+00:00"
    doc_id = str(uuid.uuid4())
    items, assocs = [], []
    for area in areas:
        ident = str(uuid.uuid4())
        items.append(
            {
                "identifier": ident,
                "uri": "urn:x",
                "fullStatement": f"ด้าน {area}",
                "humanCodingScheme": area,
                "CFItemType": "Competency Area",
                "lastChangeDateTime": stamp,
            }
        )
        assocs.append(
            {
                "identifier": str(uuid.uuid4()),
                "uri": "urn:a",
                "associationType": "isChildOf",
                "lastChangeDateTime": stamp,
                "originNodeURI": {"title": area, "identifier": ident, "uri": "x"},
                "destinationNodeURI": {"title": code, "identifier": doc_id, "uri": "x"},
            }
        )
    doc = {
        "identifier": doc_id,
        "uri": "urn:d",
        "creator": "ทดสอบ",
        "title": f"กรอบ {code}",
        "lastChangeDateTime": stamp,
        "extensions": {"digiskill": {"code": code}},
    }
    return framework_import_case(
        actor=SYSTEM, package={"CFDocument": doc, "CFItems": items, "CFAssociations": assocs}
    )


def _run(*args: str) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command(*args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


# --- import-units -----------------------------------------------------------------------------


def test_import_units_creates_a_unit(db: None) -> None:
    fw = _framework_with_areas("TRIAL", "DTR", "DS")
    out, _ = _run("import_units", str(UNITS / "DTR100.txt"), str(UNITS / "DS600.txt"), "--framework", "TRIAL")
    assert "DTR100 (CEC-BCTZ-001)" in out and ": new," in out
    unit = Unit.objects.get(framework=fw, code="DTR100")
    assert unit.aliases == ["CEC-BCTZ-001"] and unit.elements.count() == 5
    assert Criterion.objects.get(element__unit=unit, code="DTR101.01").system_code == "176468"
    assert Unit.objects.filter(framework=fw, code="DS600").exists()


def test_dry_run_writes_nothing(db: None) -> None:
    fw = _framework_with_areas("TRIAL", "DTR")
    out, _ = _run("import_units", str(UNITS / "DTR100.txt"), "--framework", "TRIAL", "--dry-run")
    assert "dry run, nothing written" in out and "would create {'unit': 1" in out
    assert not Unit.objects.filter(framework=fw).exists()


def test_default_framework_is_ocsc_and_same_document_changes_nothing(ocsc: Framework) -> None:
    out, _ = _run("import_units", str(UNITS / "DTR100.txt"))
    assert "OCSC-2561" in out and ": update," in out
    assert UnitRevision.objects.count() == 0


def _revised_copy(tmp_path: Path) -> Path:
    """DTR100.txt as its first review (1/2568) would read, with one criterion reworded."""
    text = (UNITS / "DTR100.txt").read_text(encoding="utf-8")
    assert "3. ทบทวนครั้งที่ /" in text and "คาดการณ์ปัญหาที่อาจเกิดขึ้น" in text
    text = text.replace("3. ทบทวนครั้งที่ /", "3. ทบทวนครั้งที่ 1 / 2568", 1)
    text = text.replace("คาดการณ์ปัญหาที่อาจเกิดขึ้น", "คาดการณ์ความเสี่ยงที่อาจเกิดขึ้น", 1)
    path = tmp_path / "DTR100-rev1.txt"
    path.write_text(text, encoding="utf-8")
    return path


def test_reimport_updates_in_place_and_keeps_the_earlier_revision(ocsc: Framework, tmp_path: Path) -> None:
    unit = Unit.objects.get(framework=ocsc, code="DTR100")
    criterion = Criterion.objects.get(element__unit=unit, code="DTR101.01")

    out, _ = _run("import_units", str(_revised_copy(tmp_path)))

    assert "kept 1 earlier revision(s)" in out
    unit.refresh_from_db()
    criterion.refresh_from_db()
    assert unit.revision == "1/2568"
    assert criterion.text_th.startswith("คาดการณ์ความเสี่ยง")  # same row, updated in place
    (earlier,) = UnitRevision.objects.filter(unit=unit)
    assert earlier.revision == ""
    texts = [c["text_th"] for e in earlier.data["elements"] for c in e["criteria"]]
    assert any(t.startswith("คาดการณ์ปัญหาที่อาจเกิดขึ้น") for t in texts)


def test_dry_run_of_a_revision_keeps_everything(ocsc: Framework, tmp_path: Path) -> None:
    out, _ = _run("import_units", str(_revised_copy(tmp_path)), "--dry-run")
    assert "keep 1 earlier revision(s)" in out and "nothing written" in out
    assert UnitRevision.objects.count() == 0
    assert Unit.objects.get(framework=ocsc, code="DTR100").revision == ""


def test_unknown_framework_is_an_error(db: None) -> None:
    with pytest.raises(CommandError, match="no framework NOPE"):
        _run("import_units", str(UNITS / "DTR100.txt"), "--framework", "NOPE")


def test_unreadable_file_is_named(ocsc: Framework, tmp_path: Path) -> None:
    missing = tmp_path / "missing.txt"
    with pytest.raises(CommandError, match=r"missing\.txt"):
        _run("import_units", str(missing))


def test_strict_fails_on_warnings_naming_file_and_line(ocsc: Framework) -> None:
    with pytest.raises(CommandError, match=r"DTR100\.txt:19: strict mode"):
        _run("import_units", str(UNITS / "DTR100.txt"), "--strict")


def test_unit_outside_every_area_is_named(db: None) -> None:
    _framework_with_areas("TRIAL", "DS")
    with pytest.raises(
        CommandError, match=r"DTR100\.txt: .*no area of framework TRIAL matches unit code DTR100"
    ):
        _run("import_units", str(UNITS / "DS600.txt"), str(UNITS / "DTR100.txt"), "--framework", "TRIAL")
    assert not Unit.objects.exists()  # nothing written, not even DS600


# --- export-case / import-case ----------------------------------------------------------------


def test_export_case_to_stdout_and_file(ocsc: Framework, tmp_path: Path) -> None:
    out, _ = _run("export_case", "OCSC-2561")
    assert json.loads(out)["CFDocument"]["identifier"] == str(ocsc.case_uuid)
    target = tmp_path / "ocsc.json"
    _, err = _run("export_case", "OCSC-2561", "-o", str(target))
    assert target.read_text(encoding="utf-8") == out == package_json(framework_case_package(ocsc))
    assert str(target) in err


def test_export_of_unknown_framework_is_an_error(db: None) -> None:
    with pytest.raises(CommandError, match="no framework with code NOPE"):
        _run("export_case", "NOPE")
    with pytest.raises(CommandError, match="no framework with code NOPE"):
        _run("export_csv", "NOPE")


def test_import_case_recreates_the_framework(ocsc: Framework, tmp_path: Path) -> None:
    target = tmp_path / "ocsc.json"
    _run("export_case", "OCSC-2561", "-o", str(target))
    SkillSet.objects.filter(framework=ocsc).delete()
    Unit.objects.filter(framework=ocsc).delete()
    ocsc.delete()

    out, _ = _run("import_case", str(target))

    assert "imported framework OCSC-2561" in out and "'criteria': 42" in out
    again, _ = _run("export_case", "OCSC-2561")
    assert again == target.read_text(encoding="utf-8")


def test_import_case_errors_name_the_file(ocsc: Framework, tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{"CFDocument": {}}', encoding="utf-8")
    with pytest.raises(CommandError) as caught:
        _run("import_case", str(broken))
    message = str(caught.value)
    assert str(broken) in message and "CFDocument.identifier" in message and "required" in message
    with pytest.raises(CommandError, match="cannot read"):
        _run("import_case", str(tmp_path / "absent.json"))
    existing = tmp_path / "existing.json"
    _run("export_case", "OCSC-2561", "-o", str(existing))
    with pytest.raises(CommandError, match="already exists"):
        _run("import_case", str(existing))
    assert Framework.objects.count() == 1


# --- export-csv -------------------------------------------------------------------------------


def test_export_csv_to_stdout_and_file(ocsc: Framework, tmp_path: Path) -> None:
    out, _ = _run("export_csv", "OCSC-2561")
    rows = list(csv.reader(io.StringIO(out, newline="")))
    assert rows[0][:3] == ["Parent ID number", "ID number", "Short name"]
    assert rows[1][1] == "OCSC-2561"
    target = tmp_path / "ocsc.csv"
    _run("export_csv", "OCSC-2561", "-o", str(target))
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and data.decode("utf-8-sig") == out


def test_console_script_spells_commands_with_hyphens() -> None:
    env = {**os.environ, "DEBUG": "true"}
    script = Path(sys.executable).with_name("digiskill")
    for command in ("import-units", "export-case", "import-case", "export-csv"):
        result = subprocess.run(
            [str(script), command, "--help"], capture_output=True, text=True, env=env, check=False, timeout=60
        )
        assert result.returncode == 0, result.stderr
        assert "usage:" in result.stdout


def test_reimporting_the_bundled_document_keeps_the_curated_name_as_a_revision(ocsc: Framework) -> None:
    from django.core.management import call_command

    from digiskill.frameworks.loading import DATA_DIR
    from digiskill.frameworks.models import Unit

    before = Unit.objects.get(framework=ocsc, code="DS600")
    call_command("import_units", str(DATA_DIR / "ocsc-2561" / "units" / "DS600.txt"))
    after = Unit.objects.get(pk=before.pk)
    assert after.name_th != before.name_th  # the document's own title
    assert after.revisions.get().data["name_th"] == before.name_th
