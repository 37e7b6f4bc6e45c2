"""Fixtures of the agency tests: the OCSC framework loaded."""

from __future__ import annotations

import pytest

from tests.factories import load_ocsc


@pytest.fixture
def ocsc(db: None):
    """The bundled OCSC 2561 framework, loaded."""
    return load_ocsc()
