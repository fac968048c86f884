"""What the benchmarks share: seeding a city through the project's own commands."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
SEED_COMMANDS = (["migrate", "-v0"], ["seed_bontang"], ["seed_demo"])


def seed_city(env: dict) -> None:
    """Migrate the database `env` names and seed the demo city into it, quietly."""
    for command in SEED_COMMANDS:
        subprocess.run(
            [PYTHON, "manage.py", *command],
            cwd=ROOT,
            env=env,
            check=True,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
