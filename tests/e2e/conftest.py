"""Playwright driving Debian's Chromium against pytest-django's live server.

Without /usr/bin/chromium the browser tests are skipped with the reason printed,
unless REQUIRE_BROWSER=1 (as in .ci/run), where they fail instead.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

# Playwright's sync API runs an event loop; the ORM calls in these tests are safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
os.environ.setdefault("XDG_CONFIG_HOME", tempfile.mkdtemp(prefix="bontang-sp-chromium-"))

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
SCREENSHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    if not (Path(CHROMIUM).exists() or shutil.which("chromium")):
        reason = f"Chromium tidak ditemukan di {CHROMIUM}: pasang paket Debian 'chromium'"
        if os.environ.get("REQUIRE_BROWSER") == "1":
            pytest.fail(reason)
        pytest.skip(reason)
    return {**browser_type_launch_args, "executable_path": CHROMIUM, "args": CHROMIUM_ARGS}


@pytest.fixture
def screenshot(page):
    """screenshot("name") saves artifacts/screenshots/name.png for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str, full_page: bool = True) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        # caret="initial": hiding the caret injects a <style> that our CSP refuses.
        page.screenshot(path=str(path), full_page=full_page, caret="initial")
        return path

    return take


@pytest.fixture
def login(page, live_server):
    def as_user(username: str, password: str) -> None:
        page.goto(f"{live_server.url}/kelola/masuk/")
        page.get_by_label("Nama pengguna").fill(username)
        page.get_by_label("Sandi").fill(password)
        page.get_by_role("button", name="Masuk").click()

    return as_user
