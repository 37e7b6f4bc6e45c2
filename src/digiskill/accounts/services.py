"""Writes on logins and memberships; each one is atomic and leaves one audit row."""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.db import transaction

from digiskill.accounts.access import Actor
from digiskill.accounts.audit import assign, audit_record
from digiskill.accounts.models import Membership, User

if TYPE_CHECKING:
    from digiskill.agencies.models import Agency


@transaction.atomic
def user_create(
    *,
    actor: Actor,
    username: str,
    password: str | None,
    email: str = "",
    first_name: str = "",
    last_name: str = "",
    is_system_admin: bool = False,
) -> User:
    """Create a login; without a password the account cannot log in until one is set."""
    user = User(
        username=username,
        email=email,
        first_name=first_name,
        last_name=last_name,
        is_system_admin=is_system_admin,
    )
    if password:
        user.set_password(password)
    else:
        user.set_unusable_password()
    user.save()
    audit_record(
        actor=actor,
        action="user_create",
        obj=user,
        changes={"username": [None, username], "is_system_admin": [None, is_system_admin]},
    )
    return user


@transaction.atomic
def user_set_password(*, actor: Actor, user: User, password: str, reason: str) -> None:
    """Set a user's password (change, reset or by an administrator); the log keeps no secret."""
    user.set_password(password)
    user.save(update_fields=["password"])
    audit_record(actor=actor, action=f"password_{reason}", obj=user, changes={"password": ["***", "***"]})


@transaction.atomic
def membership_grant(
    *,
    actor: Actor,
    user: User,
    agency: Agency,
    is_hr_admin: bool = False,
    is_assessor: bool = False,
    is_executive: bool = False,
) -> Membership:
    """Give a user membership of a department with these roles; unchanged roles write nothing."""
    membership = Membership.objects.filter(user=user, agency=agency).first()
    created = membership is None
    if membership is None:
        membership = Membership(user=user, agency=agency)
    values = {
        "is_hr_admin": is_hr_admin,
        "is_assessor": is_assessor,
        "is_executive": is_executive,
        "is_active": True,
    }
    changes = assign(membership, values)
    if not created and not changes:
        return membership
    membership.save()
    audit_record(
        actor=actor,
        action="membership_create" if created else "membership_update",
        obj=membership,
        agency_id=agency.pk,
        changes=changes,
    )
    return membership
