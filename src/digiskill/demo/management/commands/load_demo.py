"""Load the demo department: divisions, about 200 people, a supervisor tree, a login per role,
and the department's digital programme: workload shares and career paths across the six groups,
agreed classifications (a few still waiting for a supervisor), a digital target, a required
skill set for every group and a published announcement.

Idempotent: the data is generated from a fixed seed and written through the services, which
write nothing for a record that is already as it should be; the programme's one-off records
(target, skill sets, announcement, classifications) are only created when missing.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any, TypedDict

from django.core.management.base import BaseCommand
from django.db import transaction
from django.test.utils import override_settings

from digiskill.accounts.access import SYSTEM
from digiskill.accounts.models import User
from digiskill.accounts.services import membership_grant, user_create
from digiskill.agencies.models import Agency, AgencyKind
from digiskill.agencies.services import agency_save
from digiskill.demo.agencies import demo_programme
from digiskill.demo.assessments import demo_assessments
from digiskill.demo.learning import demo_resources
from digiskill.demo.plans import demo_plans
from digiskill.lib.national_id import generate_national_id
from digiskill.people.models import Person
from digiskill.people.services import person_save

DEMO_PASSWORD = "digiskill-demo"  # noqa: S105 - published demo credential, printed by make run

MINISTRY = ("DEMO-MIN", "กระทรวงตัวอย่างดิจิทัล", "Ministry of Digital Example")
DEPARTMENT = ("DEMO-DEPT", "กรมส่งเสริมทักษะดิจิทัล", "Department of Digital Skills Promotion")
DIVISIONS = [
    ("DEMO-SEC", "สำนักงานเลขานุการกรม", "Office of the Secretary"),
    ("DEMO-HR", "กองการเจ้าหน้าที่", "Human Resources Division"),
    ("DEMO-ICT", "ศูนย์เทคโนโลยีสารสนเทศและการสื่อสาร", "ICT Centre"),
    ("DEMO-PLAN", "กองยุทธศาสตร์และแผนงาน", "Strategy and Planning Division"),
    ("DEMO-SVC", "กองบริการประชาชน", "Public Service Division"),
    ("DEMO-ACAD", "สำนักวิชาการและมาตรฐาน", "Bureau of Academic Affairs and Standards"),
]
FIRST_M = [
    "สมชาย",
    "ประเสริฐ",
    "วิชัย",
    "สมศักดิ์",
    "ธนากร",
    "กิตติพงษ์",
    "ณัฐวุฒิ",
    "อนุชา",
    "พงศกร",
    "ศุภชัย",
    "ชยพล",
    "ธีรวัฒน์",
    "วรวุฒิ",
    "อภิสิทธิ์",
    "ภูมิพัฒน์",
    "ปิยะพงษ์",
    "จักรพันธ์",
    "สุริยา",
    "เกียรติศักดิ์",
    "ทรงพล",
]
FIRST_F = [
    "สมหญิง",
    "วิไลวรรณ",
    "กนกวรรณ",
    "ศิริพร",
    "ปวีณา",
    "ณัฐธิดา",
    "พิมพ์ชนก",
    "สุภาพร",
    "อรอุมา",
    "จันทร์เพ็ญ",
    "ชุติมา",
    "ธิดารัตน์",
    "นภัสสร",
    "เบญจวรรณ",
    "รัชนี",
    "วราภรณ์",
    "สุวนันท์",
    "อัญชลี",
    "มณีรัตน์",
    "ปาริชาติ",
]
LAST = [
    "ใจดี",
    "ศรีสุข",
    "วงศ์ไทย",
    "รุ่งเรืองศรี",
    "ทองคำ",
    "แก้วมณี",
    "บุญมา",
    "สุขสวัสดิ์",
    "พึ่งบุญ",
    "เจริญผล",
    "มั่นคง",
    "ศักดิ์สิทธิ์",
    "ชัยมงคล",
    "พรหมมา",
    "อินทร์แก้ว",
    "นาคสุข",
    "เพชรรัตน์",
    "สายทอง",
    "บุญประเสริฐ",
    "จันทร์หอม",
    "ประเสริฐวงศ์",
    "สิทธิโชค",
    "ธนพัฒน์",
    "กาญจนวงศ์",
    "รัตนพันธ์",
]
STAFF_POSITIONS = [
    ("นักวิเคราะห์นโยบายและแผน", "วิชาการ", ["ปฏิบัติการ", "ชำนาญการ", "ชำนาญการพิเศษ"]),
    ("นักทรัพยากรบุคคล", "วิชาการ", ["ปฏิบัติการ", "ชำนาญการ"]),
    ("นักวิชาการคอมพิวเตอร์", "วิชาการ", ["ปฏิบัติการ", "ชำนาญการ", "ชำนาญการพิเศษ"]),
    ("เจ้าพนักงานธุรการ", "ทั่วไป", ["ปฏิบัติงาน", "ชำนาญงาน", "อาวุโส"]),
    ("นักจัดการงานทั่วไป", "วิชาการ", ["ปฏิบัติการ", "ชำนาญการ"]),
    ("นักวิชาการเผยแพร่", "วิชาการ", ["ปฏิบัติการ", "ชำนาญการ"]),
    ("เจ้าพนักงานการเงินและบัญชี", "ทั่วไป", ["ปฏิบัติงาน", "ชำนาญงาน"]),
    ("นายช่างไฟฟ้า", "ทั่วไป", ["ปฏิบัติงาน", "ชำนาญงาน"]),
]


@dataclass(frozen=True)
class DemoLogin:
    """A demo login and the role it shows."""

    username: str
    role_th: str
    role_en: str
    membership: dict[str, bool]


DEMO_LOGINS = [
    DemoLogin("demo-staff", "บุคลากร", "Staff member", {}),
    DemoLogin("demo-supervisor", "ผู้บังคับบัญชาชั้นต้น", "Supervisor", {}),
    DemoLogin("demo-director", "ผู้บังคับบัญชาเหนือขึ้นไป", "Next-level supervisor", {}),
    DemoLogin("demo-hr", "ผู้ดูแลงานทรัพยากรบุคคล", "HR administrator", {"is_hr_admin": True}),
    DemoLogin("demo-assessor", "ผู้ประเมิน", "Assessor", {"is_assessor": True}),
    DemoLogin("demo-executive", "ผู้บริหาร", "Executive", {"is_executive": True}),
    DemoLogin("demo-admin", "ผู้ดูแลระบบ", "System administrator", {}),
]


class NameFields(TypedDict):
    """A person's title and Thai names."""

    title: str
    first_name: str
    last_name: str


def _name(rng: random.Random) -> NameFields:
    """A plausible Thai title and name."""
    female = rng.random() < 0.55
    title = rng.choice(["นางสาว", "นาง"]) if female else "นาย"
    return {
        "title": title,
        "first_name": rng.choice(FIRST_F if female else FIRST_M),
        "last_name": rng.choice(LAST),
    }


class Command(BaseCommand):
    help = "Load the demo department, its people and one login per role (idempotent)."

    def add_arguments(self, parser: Any) -> None:
        parser.add_argument("--quiet-logins", action="store_true", help="Do not print the demo logins.")

    def handle(self, *args: Any, **options: Any) -> None:
        # The demo's inbox rows are real; its e-mails (sent on commit) would only flood the console.
        with override_settings(EMAIL_BACKEND="django.core.mail.backends.locmem.EmailBackend"):
            self._load(options)

    @transaction.atomic
    def _load(self, options: dict[str, Any]) -> None:
        rng = random.Random(2569)
        ministry = agency_save(
            actor=SYSTEM, code=MINISTRY[0], name_th=MINISTRY[1], name_en=MINISTRY[2], kind=AgencyKind.MINISTRY
        )
        dept = agency_save(
            actor=SYSTEM,
            code=DEPARTMENT[0],
            name_th=DEPARTMENT[1],
            name_en=DEPARTMENT[2],
            kind=AgencyKind.DEPARTMENT,
            parent=ministry,
        )
        divisions = [
            agency_save(actor=SYSTEM, code=c, name_th=th, name_en=en, kind=AgencyKind.DIVISION, parent=dept)
            for c, th, en in DIVISIONS
        ]
        people = self._people(rng, dept, divisions)
        self._logins(dept, people)
        demo_programme(dept, people)
        demo_resources(dept)
        demo_assessments(dept)
        demo_plans(dept)
        if not options["quiet_logins"]:
            self._print_logins()

    def _save(
        self,
        rng: random.Random,
        dept: Agency,
        division: Agency | None,
        supervisor: Person | None,
        position: str,
        ptype: str,
        level: str,
    ) -> Person:
        return person_save(
            actor=SYSTEM,
            agency=dept,
            national_id=generate_national_id(rng),
            division=division,
            supervisor=supervisor,
            position=position,
            position_type=ptype,
            position_level=level,
            **_name(rng),
        )

    def _people(self, rng: random.Random, dept: Agency, divisions: list[Agency]) -> dict[str, Person]:
        """A director-general, two deputies, a director per division, section heads and staff."""
        dg = self._save(rng, dept, None, None, "อธิบดี", "บริหาร", "สูง")
        deputies = [self._save(rng, dept, None, dg, "รองอธิบดี", "บริหาร", "ต้น") for _ in range(2)]
        picked: dict[str, Person] = {"executive": deputies[0]}
        for i, division in enumerate(divisions):
            director = self._save(rng, dept, division, deputies[i % 2], "ผู้อำนวยการกอง", "อำนวยการ", "ต้น")
            for _ in range(3):
                head = self._save(rng, dept, division, director, "หัวหน้ากลุ่มงาน", "วิชาการ", "ชำนาญการพิเศษ")
                for _ in range(rng.randint(8, 11)):
                    position, ptype, levels = rng.choice(STAFF_POSITIONS)
                    staff = self._save(rng, dept, division, head, position, ptype, rng.choice(levels))
                    picked.setdefault("staff", staff)
                picked.setdefault("supervisor", head)
            picked.setdefault("director", director)
            if division.code == "DEMO-HR":
                picked["hr"] = director
            if division.code == "DEMO-ICT":
                picked["assessor"] = director
        return picked

    def _logins(self, dept: Agency, people: dict[str, Person]) -> None:
        """One login per role, linked to a person of the demo department."""
        for demo in DEMO_LOGINS:
            user = User.objects.filter(username=demo.username).first()
            if user is None:
                user = user_create(
                    actor=SYSTEM,
                    username=demo.username,
                    password=DEMO_PASSWORD,
                    email=f"{demo.username}@digiskill.local",
                    is_system_admin=demo.username == "demo-admin",
                )
            if demo.username == "demo-admin":
                continue
            key = demo.username.removeprefix("demo-")
            person = people[key]
            membership_grant(actor=SYSTEM, user=user, agency=dept, **demo.membership)
            if person.user_id != user.pk:
                person_save(
                    actor=SYSTEM,
                    agency=dept,
                    national_id=person.national_id,
                    division=person.division,
                    supervisor=person.supervisor,
                    user=user,
                    **{
                        f: getattr(person, f)
                        for f in (
                            "title",
                            "first_name",
                            "last_name",
                            "position",
                            "position_type",
                            "position_level",
                        )
                    },
                )
            names = {"first_name": person.first_name, "last_name": person.last_name}
            if (user.first_name, user.last_name) != (names["first_name"], names["last_name"]):
                User.objects.filter(pk=user.pk).update(**names)

    def _print_logins(self) -> None:
        self.stdout.write("")
        self.stdout.write(f"Demo logins / บัญชีทดลองใช้ (password / รหัสผ่าน: {DEMO_PASSWORD})")
        for demo in DEMO_LOGINS:
            self.stdout.write(f"  {demo.username:<16} {demo.role_th} / {demo.role_en}")
        self.stdout.write("")
