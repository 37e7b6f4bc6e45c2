"""Factories for tests: plain functions that write through the services, like the app does."""

from __future__ import annotations

import itertools
import random
from dataclasses import dataclass

from digiskill.accounts.access import SYSTEM, actor_of
from digiskill.accounts.models import User
from digiskill.accounts.services import membership_grant, user_create
from digiskill.agencies.models import Agency, AgencyKind
from digiskill.agencies.services import agency_save
from digiskill.lib.national_id import generate_national_id
from digiskill.people.models import Person
from digiskill.people.services import person_save

PASSWORD = "correct-horse-battery-9"
_rng = random.Random(7)
_seq = itertools.count(1)


def make_department(code: str = "") -> Agency:
    """A ministry with one department and two divisions."""
    n = next(_seq)
    code = code or f"D{n}"
    ministry = agency_save(
        actor=SYSTEM, code=f"{code}-MIN", name_th=f"กระทรวงทดสอบ {n}", kind=AgencyKind.MINISTRY
    )
    dept = agency_save(
        actor=SYSTEM, code=code, name_th=f"กรมทดสอบ {n}", kind=AgencyKind.DEPARTMENT, parent=ministry
    )
    for i in (1, 2):
        agency_save(
            actor=SYSTEM, code=f"{code}-DIV{i}", name_th=f"กองที่ {i}", kind=AgencyKind.DIVISION, parent=dept
        )
    return dept


def make_person(
    dept: Agency, *, supervisor: Person | None = None, user: User | None = None, **fields: str
) -> Person:
    """A person of the department, in its first division."""
    division = dept.units.filter(kind=AgencyKind.DIVISION).order_by("code").first()
    values = {
        "title": "นาย",
        "first_name": "ทดสอบ",
        "last_name": f"คนที่ {next(_seq)}",
        "position": "นักทรัพยากรบุคคล",
    }
    values.update(fields)
    return person_save(
        actor=SYSTEM,
        agency=dept,
        national_id=generate_national_id(_rng),
        division=division,
        supervisor=supervisor,
        user=user,
        **values,
    )


def make_user(
    username: str, dept: Agency | None = None, *, system_admin: bool = False, **roles: bool
) -> User:
    """A login, a member of `dept` with `roles` when given."""
    user = user_create(
        actor=SYSTEM,
        username=username,
        password=PASSWORD,
        email=f"{username}@example.test",
        is_system_admin=system_admin,
    )
    if dept is not None:
        membership_grant(actor=SYSTEM, user=user, agency=dept, **roles)
    return user


@dataclass
class Cast:
    """The fixed cast of one department, and an outsider from another."""

    dept: Agency
    staff: User
    supervisor: User
    director: User
    hr: User
    assessor: User
    executive: User
    outsider: User
    sysadmin: User
    staff_person: Person
    supervisor_person: Person
    director_person: Person
    other_dept: Agency
    outsider_person: Person


def make_cast(prefix: str = "") -> Cast:
    """Staff member → supervisor → next-level supervisor, HR, assessor, executive, outsider, sysadmin."""
    dept = make_department(f"{prefix}DEPT")
    other = make_department(f"{prefix}OTHER")
    director = make_user(f"{prefix}director", dept)
    supervisor = make_user(f"{prefix}supervisor", dept)
    staff = make_user(f"{prefix}staff", dept)
    director_p = make_person(dept, user=director, position="ผู้อำนวยการกอง")
    supervisor_p = make_person(dept, supervisor=director_p, user=supervisor, position="หัวหน้ากลุ่มงาน")
    staff_p = make_person(dept, supervisor=supervisor_p, user=staff)
    hr = make_user(f"{prefix}hr", dept, is_hr_admin=True)
    make_person(dept, user=hr, position="นักทรัพยากรบุคคล")
    assessor = make_user(f"{prefix}assessor", dept, is_assessor=True)
    executive = make_user(f"{prefix}executive", dept, is_executive=True)
    outsider = make_user(f"{prefix}outsider", other, is_hr_admin=True, is_executive=True)
    outsider_p = make_person(other, user=outsider)
    sysadmin = make_user(f"{prefix}sysadmin", None, system_admin=True)
    return Cast(
        dept,
        staff,
        supervisor,
        director,
        hr,
        assessor,
        executive,
        outsider,
        sysadmin,
        staff_p,
        supervisor_p,
        director_p,
        other,
        outsider_p,
    )


def load_ocsc():
    """Load the bundled OCSC 2561 framework (groups E…O, stages, roles, units) and return it."""
    from digiskill.frameworks.loading import DATA_DIR, read_framework
    from digiskill.frameworks.models import Framework
    from digiskill.frameworks.services import framework_load

    framework_load(actor=SYSTEM, source=read_framework(DATA_DIR / "ocsc-2561" / "framework.yaml"))
    return Framework.objects.get(code="OCSC-2561")


def make_target(dept: Agency, stage_code: str = "early", actor: User | None = None):
    """A digital target of the department at a stage of the OCSC framework (loaded if needed)."""
    from digiskill.agencies.services import GoalInput, digital_target_save
    from digiskill.frameworks.models import Framework, Goal, Stage

    framework = Framework.objects.filter(code="OCSC-2561").first() or load_ocsc()
    return digital_target_save(
        actor=actor_of(actor),
        agency=dept,
        stage=Stage.objects.get(framework=framework, code=stage_code),
        vision="กรมดิจิทัลที่ให้บริการประชาชนได้ทุกที่ทุกเวลา",
        goals=[GoalInput(1, "output", Goal.objects.get(framework=framework, code="G1"), "ลดการใช้กระดาษ")],
    )


def publish_announcement(dept: Agency, *, effective_date=None, title: str = "ประกาศบทบาทและทักษะด้านดิจิทัล"):
    """Target (if none), the A group's skill set copied from DCIO, and a published announcement."""
    import datetime as dt

    from digiskill.agencies.models import DigitalTarget
    from digiskill.agencies.services import announcement_publish, skill_set_start
    from digiskill.frameworks.models import PersonnelGroup, SkillSet

    target = DigitalTarget.objects.filter(agency=dept).order_by("-version").first() or make_target(dept)
    skill_set_start(
        actor=SYSTEM,
        agency=dept,
        group=PersonnelGroup.objects.get(framework=target.framework, code="A"),
        stage=target.stage,
        source=SkillSet.objects.get(framework=target.framework, code="DCIO"),
    )
    return announcement_publish(
        actor=SYSTEM, agency=dept, title=title, effective_date=effective_date or dt.date.today()
    )
