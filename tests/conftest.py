"""Shared fixtures: the fixed cast, and clients logged in as each member of it."""

from __future__ import annotations

import os

import pytest
from django.test import Client

from tests.factories import Cast, load_ocsc, make_cast

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@pytest.fixture
def cast(db: None) -> Cast:
    """Staff, supervisor, next-level supervisor, HR, assessor, executive, outsider, sysadmin."""
    return make_cast()


@pytest.fixture
def ocsc(db: None):
    """The bundled OCSC 2561 framework (groups, stages, roles, units and skill sets), loaded."""
    return load_ocsc()


@pytest.fixture
def client_for(cast: Cast):
    """`client_for("hr")` is a test client logged in as that member of the cast."""

    def login(role: str) -> Client:
        client = Client()
        client.force_login(getattr(cast, role))
        return client

    return login
