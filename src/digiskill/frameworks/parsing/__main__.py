"""``python -m digiskill.frameworks.parsing FILE... [--json] [--strict]`` (no Django needed)."""

from __future__ import annotations

import sys

from .cli import main

sys.exit(main())
