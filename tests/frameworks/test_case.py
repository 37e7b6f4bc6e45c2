"""CASE 1.1 packages: export of the real OCSC framework, validation, import, round trip, pages."""

from __future__ import annotations

import copy
import json
import uuid
from typing import Any

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from digiskill.accounts.access import SYSTEM
from digiskill.accounts.models import AuditEntry
from digiskill.frameworks.interchange.case import (
    ITEM_TYPES,
    CaseImportError,
    association_identifier,
    framework_case_package,
    package_json,
    parse_case_json,
    read_case_package,
)
from digiskill.frameworks.interchange.services import framework_import_case
from digiskill.frameworks.loading import DATA_DIR, read_framework
from digiskill.frameworks.models import Area, Criterion, Element, Framework, SearchEntry, SkillSet, Unit
from digiskill.frameworks.search import catalog_search
from digiskill.frameworks.services import framework_load
from tests.factories import Cast

OCSC = DATA_DIR / "ocsc-2561" / "framework.yaml"


def flush(fw: Framework) -> None:
    """Delete a framework with everything in it.

    Unit.area, SkillItem.unit and SkillItem.component are PROTECT, which blocks even a cascade
    from the framework, so the skill sets and units go first.
    """
    SkillSet.objects.filter(framework=fw).delete()
    Unit.objects.filter(framework=fw).delete()
    fw.delete()


def _items(package: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [i for i in package["CFItems"] if i["CFItemType"] == ITEM_TYPES[kind]]


def _by_code(package: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {i["humanCodingScheme"]: i for i in package["CFItems"]}


def _parent_of(package: dict[str, Any], identifier: str) -> str:
    (assoc,) = [a for a in package["CFAssociations"] if a["originNodeURI"]["identifier"] == identifier]
    assert assoc["associationType"] == "isChildOf"
    return assoc["destinationNodeURI"]["identifier"]


def test_export_carries_the_whole_competency_tree(ocsc: Framework) -> None:
    package = framework_case_package(ocsc)
    doc = package["CFDocument"]
    assert doc["identifier"] == str(ocsc.case_uuid)
    assert doc["title"] == ocsc.name_th
    assert doc["creator"] == "สำนักงาน ก.พ."
    assert doc["extensions"]["digiskill"]["code"] == "OCSC-2561"
    assert len(_items(package, "area")) == Area.objects.filter(framework=ocsc).count() == 7
    assert len(_items(package, "unit")) == Unit.objects.filter(framework=ocsc).count()
    assert len(_items(package, "element")) == Element.objects.filter(unit__framework=ocsc).count()
    assert (
        len(_items(package, "criterion")) == Criterion.objects.filter(element__unit__framework=ocsc).count()
    )
    assert len(package["CFAssociations"]) == len(package["CFItems"])
    assert all(i["language"] == "th" for i in package["CFItems"])


def test_criterion_element_unit_area_document_chain(ocsc: Framework) -> None:
    package = framework_case_package(ocsc)
    items = _by_code(package)
    crit = items["DTR101.01"]
    criterion = Criterion.objects.get(code="DTR101.01", element__unit__framework=ocsc)
    assert crit["identifier"] == str(criterion.case_uuid)
    assert crit["fullStatement"] == "คาดการณ์ปัญหาที่อาจเกิดขึ้นจากการเปลี่ยนผ่านสู่รัฐบาลดิจิทัล"
    assert crit["extensions"]["digiskill"] == {"system_code": "176468", "number": "1.1"}
    assert "176468" in crit["notes"]
    assert _parent_of(package, crit["identifier"]) == items["DTR101"]["identifier"]
    assert _parent_of(package, items["DTR101"]["identifier"]) == items["DTR100"]["identifier"]
    assert _parent_of(package, items["DTR100"]["identifier"]) == items["DTR"]["identifier"]
    assert _parent_of(package, items["DTR"]["identifier"]) == package["CFDocument"]["identifier"]
    unit = items["DTR100"]
    assert unit["CFItemType"] == "Unit of Competency"
    assert unit["extensions"]["digiskill"]["aliases"] == ["CEC-BCTZ-001"]
    assert "CEC-BCTZ-001" in unit["notes"]
    assert items["DTR101"]["alternativeLabel"] == "Improving Digital Experiences in Government"


def test_association_identifiers_are_derived_from_both_ends(ocsc: Framework) -> None:
    package = framework_case_package(ocsc)
    for assoc in package["CFAssociations"]:
        origin, dest = assoc["originNodeURI"]["identifier"], assoc["destinationNodeURI"]["identifier"]
        assert assoc["identifier"] == association_identifier(origin, dest)
        assert uuid.UUID(assoc["identifier"]).version == 5


def test_area_without_thai_name_keeps_it_empty_on_import(ocsc: Framework) -> None:
    package = framework_case_package(ocsc)
    dg = _by_code(package)["DG"]
    assert dg["fullStatement"] == "DG"
    assert dg["extensions"]["digiskill"]["name_th"] == ""


def test_export_is_the_same_every_time(ocsc: Framework) -> None:
    first = package_json(framework_case_package(ocsc))
    second = package_json(framework_case_package(Framework.objects.get(pk=ocsc.pk)))
    assert first == second
    assert json.loads(first)["CFDocument"]["lastChangeDateTime"].endswith("+00:00")


def test_round_trip_through_an_empty_catalog(ocsc: Framework) -> None:
    before = package_json(framework_case_package(ocsc))
    uuids = set(Criterion.objects.values_list("case_uuid", flat=True))
    flush(ocsc)
    assert not Unit.objects.exists()

    fw = framework_import_case(actor=SYSTEM, package=json.loads(before))

    after = package_json(framework_case_package(fw))
    assert after == before
    assert set(Criterion.objects.values_list("case_uuid", flat=True)) == uuids
    assert fw.code == "OCSC-2561" and fw.publisher_en == "Office of the Civil Service Commission (OCSC)"
    assert "digest" not in fw.extra  # so that load-framework still fills in groups, roles, skill sets
    assert AuditEntry.objects.filter(action="framework_import_case", object_id=str(fw.pk)).count() == 1
    assert SearchEntry.objects.filter(framework=fw).exists()
    assert catalog_search("176468", framework_id=fw.pk)[0].code == "DTR101.01"


def test_loading_the_data_file_after_an_import_keeps_the_identifiers(ocsc: Framework) -> None:
    text = package_json(framework_case_package(ocsc))
    unit_uuid = Unit.objects.get(code="DTR100").case_uuid
    flush(ocsc)
    framework_import_case(actor=SYSTEM, package=json.loads(text))
    framework_load(actor=SYSTEM, source=read_framework(OCSC))
    fw = Framework.objects.get(code="OCSC-2561")
    assert Unit.objects.get(framework=fw, code="DTR100").case_uuid == unit_uuid
    assert fw.skillset_set.exists()


def test_import_refuses_a_framework_that_exists(ocsc: Framework) -> None:
    package = framework_case_package(ocsc)
    with pytest.raises(CaseImportError) as caught:
        framework_import_case(actor=SYSTEM, package=package)
    assert "OCSC-2561" in str(caught.value)
    assert "already exists" in str(caught.value) and "มีกรอบ OCSC-2561 อยู่แล้ว" in str(caught.value)


def test_validation_names_item_field_and_value_and_writes_nothing(ocsc: Framework) -> None:
    package = copy.deepcopy(framework_case_package(ocsc))
    flush(ocsc)
    items = _by_code(package)
    items["DTR101.01"]["fullStatement"] = ""
    items["DTR101.02"]["CFItemType"] = "Standard"
    dangling = next(
        a
        for a in package["CFAssociations"]
        if a["originNodeURI"]["identifier"] == items["DS500"]["identifier"]
    )
    dangling["destinationNodeURI"]["identifier"] = "00000000-0000-4000-8000-000000000000"

    with pytest.raises(CaseImportError) as caught:
        framework_import_case(actor=SYSTEM, package=package)

    problems = caught.value.problems
    assert any(
        items["DTR101.01"]["identifier"] in p and "fullStatement" in p and "ต้องมีค่า" in p for p in problems
    )
    assert any("CFItemType" in p and "'Standard'" in p and "unknown item type" in p for p in problems)
    assert any("00000000-0000-4000-8000-000000000000" in p and "destinationNodeURI" in p for p in problems)
    assert not Framework.objects.exists() and not Area.objects.exists()


def test_a_child_under_the_wrong_kind_of_parent_is_refused(ocsc: Framework) -> None:
    package = framework_case_package(ocsc)
    flush(ocsc)
    items = _by_code(package)
    assoc = next(
        a
        for a in package["CFAssociations"]
        if a["originNodeURI"]["identifier"] == items["DTR101.01"]["identifier"]
    )
    assoc["destinationNodeURI"]["identifier"] = items["DTR100"]["identifier"]  # criterion under a unit
    with pytest.raises(CaseImportError, match="must be a child of a element"):
        read_case_package(package)


def test_duplicate_codes_are_refused(ocsc: Framework) -> None:
    package = framework_case_package(ocsc)
    _by_code(package)["DS600"]["humanCodingScheme"] = "DS500"
    with pytest.raises(CaseImportError, match="duplicate unit code"):
        read_case_package(package)


def _minimal_package() -> dict[str, Any]:
    """A package another system might write: no DigiSkill extensions, no sequence numbers."""
    stamp = "2025-06-01T08:00:00Z"
    ids = [str(uuid.UUID(int=i + 1, version=4)) for i in range(5)]
    types = ["Competency Area", "unit of competency", "Element", "Performance Criterion"]
    codes = ["AI", "AI100", "AI101", "AI101.01"]
    texts = ["ปัญญาประดิษฐ์", "ใช้ปัญญาประดิษฐ์ในงาน", "เลือกเครื่องมือ", "ระบุงานที่เหมาะกับปัญญาประดิษฐ์"]
    items = [
        {
            "identifier": ids[i + 1],
            "uri": f"https://case.example/{ids[i + 1]}",
            "fullStatement": texts[i],
            "humanCodingScheme": codes[i],
            "CFItemType": types[i],
            "lastChangeDateTime": stamp,
            "notes": "คำอธิบายด้าน" if i == 0 else None,
        }
        for i in range(4)
    ]
    items = [{k: v for k, v in item.items() if v is not None} for item in items]
    parents = [ids[0], ids[1], ids[2], ids[3]]
    assocs = [
        {
            "identifier": str(uuid.uuid4()),
            "uri": "https://case.example/a",
            "associationType": "isChildOf",
            "lastChangeDateTime": stamp,
            "originNodeURI": {"title": "", "identifier": ids[i + 1], "uri": ""},
            "destinationNodeURI": {"title": "", "identifier": parents[i], "uri": ""},
        }
        for i in range(4)
    ]
    assocs.append({**assocs[0], "associationType": "isRelatedTo"})
    doc = {
        "identifier": ids[0],
        "uri": "https://case.example/doc",
        "creator": "หน่วยงานตัวอย่าง",
        "title": "กรอบตัวอย่าง",
        "lastChangeDateTime": stamp,
    }
    return {"CFDocument": doc, "CFItems": items, "CFAssociations": assocs}


def test_a_package_from_another_system_imports(db: None) -> None:
    fw = framework_import_case(actor=SYSTEM, package=_minimal_package())
    assert fw.code.startswith("CASE-") and fw.name_th == "กรอบตัวอย่าง" and fw.publisher_th == "หน่วยงานตัวอย่าง"
    area = Area.objects.get(framework=fw)
    assert (area.code, area.description_th) == ("AI", "คำอธิบายด้าน")
    assert Criterion.objects.get(element__unit__area=area).text_th == "ระบุงานที่เหมาะกับปัญญาประดิษฐ์"
    entry = AuditEntry.objects.get(action="framework_import_case")
    assert entry.changes["ignored_associations"] == [None, 1]


def test_json_errors_name_the_file_line_and_column() -> None:
    with pytest.raises(CaseImportError) as caught:
        parse_case_json(b'{\n  "CFDocument": ,\n}', source="upload.json")
    assert (
        "upload.json" in str(caught.value)
        and "บรรทัด 2" in str(caught.value)
        and "line 2" in str(caught.value)
    )


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
KEYS = [
    "CFDocument",
    "CFItems",
    "CFAssociations",
    "identifier",
    "fullStatement",
    "originNodeURI",
    "sequenceNumber",
]


@settings(max_examples=200, suppress_health_check=[HealthCheck.too_slow])
@given(JSON)
def test_any_json_is_either_a_package_or_a_case_import_error(value: Any) -> None:
    try:
        read_case_package(value)
    except CaseImportError as exc:
        assert exc.problems


def _holds(target: Any, key: Any) -> bool:
    """True when `target[key]` can be read or written (dict: any text key; list: an index in range)."""
    if isinstance(target, dict):
        return isinstance(key, str)
    return isinstance(target, list) and isinstance(key, int) and key < len(target)


@settings(max_examples=200)
@given(st.data())
def test_damaged_packages_fail_only_with_case_import_error(data: st.DataObject) -> None:
    package = _minimal_package()
    for _ in range(data.draw(st.integers(1, 4))):
        target: Any = package
        path = data.draw(st.lists(st.sampled_from([*KEYS, 0, 1, 2]), min_size=1, max_size=3))
        for key in path[:-1]:
            if _holds(target, key) and (not isinstance(target, dict) or key in target):
                target = target[key]
        if _holds(target, path[-1]):
            target[path[-1]] = data.draw(JSON)
    try:
        read_case_package(package)
    except CaseImportError as exc:
        assert all(" / " in p for p in exc.problems)


# --- pages ------------------------------------------------------------------------------------

MEMBERS = ["staff", "hr", "executive", "outsider", "sysadmin"]


@pytest.mark.parametrize("role", MEMBERS)
def test_every_member_downloads_the_case_package(ocsc: Framework, cast: Cast, client_for, role: str) -> None:
    response = client_for(role).get(reverse("exchange:export_case", kwargs={"code": "OCSC-2561"}))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/json")
    assert response["Content-Disposition"] == 'attachment; filename="OCSC-2561-case.json"'
    assert json.loads(response.content)["CFDocument"]["identifier"] == str(ocsc.case_uuid)


def test_anonymous_is_sent_to_login(ocsc: Framework) -> None:
    for name in ("exchange:export_case", "exchange:export_csv"):
        response = Client().get(reverse(name, kwargs={"code": "OCSC-2561"}))
        assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    response = Client().get(reverse("exchange:import_case"))
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))


def test_unknown_framework_is_404(cast: Cast, client_for) -> None:
    response = client_for("staff").get(reverse("exchange:export_case", kwargs={"code": "NOPE"}))
    assert response.status_code == 404


@pytest.mark.parametrize(
    ("role", "status"), [("sysadmin", 200), ("staff", 403), ("hr", 403), ("outsider", 403)]
)
def test_only_system_administrators_may_import(cast: Cast, client_for, role: str, status: int) -> None:
    assert client_for(role).get(reverse("exchange:import_case")).status_code == status
    upload = SimpleUploadedFile("p.json", json.dumps(_minimal_package()).encode(), "application/json")
    response = client_for(role).post(reverse("exchange:import_case"), {"file": upload})
    assert response.status_code == (302 if role == "sysadmin" else 403)
    assert Framework.objects.exists() == (role == "sysadmin")


def test_upload_creates_the_framework(ocsc: Framework, cast: Cast, client_for) -> None:
    text = package_json(framework_case_package(ocsc)).encode()
    flush(ocsc)
    upload = SimpleUploadedFile("OCSC-2561-case.json", text, "application/json")
    response = client_for("sysadmin").post(reverse("exchange:import_case"), {"file": upload}, follow=True)
    assert response.status_code == 200
    assert "OCSC-2561" in response.content.decode()
    fw = Framework.objects.get(code="OCSC-2561")
    entry = AuditEntry.objects.get(action="framework_import_case")
    assert entry.actor == cast.sysadmin and entry.object_id == str(fw.pk)


def test_upload_shows_every_problem(cast: Cast, client_for) -> None:
    package = _minimal_package()
    package["CFItems"][3]["fullStatement"] = ""
    upload = SimpleUploadedFile("bad.json", json.dumps(package).encode(), "application/json")
    response = client_for("sysadmin").post(reverse("exchange:import_case"), {"file": upload})
    assert response.status_code == 400
    body = response.content.decode()
    assert "fullStatement" in body and "AI101.01" in body and 'role="alert"' in body
    assert not Framework.objects.exists()


def test_upload_of_broken_json_names_the_line(cast: Cast, client_for) -> None:
    upload = SimpleUploadedFile("broken.json", b'{"CFDocument": }', "application/json")
    response = client_for("sysadmin").post(reverse("exchange:import_case"), {"file": upload})
    assert response.status_code == 400
    assert "broken.json" in response.content.decode() and "line 1" in response.content.decode()


def test_a_very_wrong_file_lists_the_first_problems_and_counts_the_rest() -> None:
    package = _minimal_package()
    package["CFItems"] = [
        {**package["CFItems"][3], "identifier": str(uuid.uuid4()), "fullStatement": ""} for _ in range(80)
    ]
    with pytest.raises(CaseImportError) as caught:
        read_case_package(package)
    problems = caught.value.problems
    assert len(problems) == 51
    assert problems[-1].endswith("more") and "และอีก" in problems[-1]


def test_items_of_another_framework_are_not_taken_over(ocsc: Framework) -> None:
    package = framework_case_package(ocsc)
    package["CFDocument"]["identifier"] = str(uuid.uuid4())
    package["CFDocument"]["extensions"]["digiskill"]["code"] = "COPY"
    for assoc in package["CFAssociations"]:
        if assoc["destinationNodeURI"]["identifier"] == str(ocsc.case_uuid):
            assoc["destinationNodeURI"]["identifier"] = package["CFDocument"]["identifier"]
    with pytest.raises(CaseImportError) as caught:
        framework_import_case(actor=SYSTEM, package=package)
    assert "already exists in another framework" in caught.value.problems[0]
    assert caught.value.problems[-1].endswith("more")
    assert not Framework.objects.filter(code="COPY").exists()
