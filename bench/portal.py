"""The portal's pages (a service, an agency, a search) cold, warm, and a bare view returning
the same bytes, side by side in one run, through gunicorn (2 workers) on 127.0.0.1.

Seeds a city in a temporary SQLite database (migrate, seed_bontang, seed_demo: Kartu
Keluarga of Disdukcapil is in force), then serves the project twice:

- cache on (the project's settings): each page is loaded warm (after one visit);
- cache off (``PORTAL_CACHE_SECONDS = 0``): each page is loaded cold, every request doing
  the whole work;

and, in each server, a bare view inside the project (same middleware, its pattern tried
first) returning the bytes of each page, stored once. The same bounded load generator drives
every run: wrk (Debian's package: installed with apt-get when missing and run as root, else
the script says how to install it), 2 threads holding the
connections open for a fixed time after a 2-second warm-up; a C client takes little of the
2 cores the server shares with it and measures latency without a client-side GIL queue.
The servers use persistent database connections, as .env.example sets for production.
Prints requests/s and p99 of each, ``<page>_warm_ratio=... <page>_cold_ratio=...
<page>_warm_p99_ms=...`` for each page and, as the last line, the service page's
``warm_ratio=<warm/bare> cold_ratio=<cold/bare> warm_p99_ms=<p99>``.

    .venv/bin/python bench/portal.py [--connections 32] [--seconds 10]

Nothing is written to the project's database, media or cache.
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

from common import seed_city

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
PAGES = {
    "service": "/pd/disdukcapil/layanan/kartu-keluarga/",
    "agency": "/pd/disdukcapil/",
    "search": "/cari/?q=kartu+keluarga",
}
BARE_PATH = "/bench/bare/{}/"
WRK_THREADS = 2

BENCH_SETTINGS = """
from bontang_sp.settings import *  # noqa: F403
ROOT_URLCONF = "bench_portal_urls"
DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
LOGGING = {{"version": 1, "disable_existing_loggers": True}}
PORTAL_CACHE_SECONDS = {cache_seconds}
STORAGES = {{
    **STORAGES,  # noqa: F405
    "staticfiles": {{"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}},
}}
"""

BENCH_URLS = """
from pathlib import Path

from django.contrib.auth.decorators import login_not_required
from django.http import HttpResponse
from django.urls import path

from bontang_sp.urls import urlpatterns as project_urlpatterns

BODIES = Path({bodies!r})
_bodies: dict[str, bytes] = {{}}


@login_not_required
def bare(request, page):
    if page not in _bodies:
        _bodies[page] = (BODIES / f"{{page}}.html").read_bytes()
    return HttpResponse(_bodies[page], content_type="text/html; charset=utf-8")


urlpatterns = [path("bench/bare/<slug:page>/", bare), *project_urlpatterns]
"""


def _env(workdir: Path, database: Path, settings_module: str = "bontang_sp.settings") -> dict:
    return {
        **os.environ,
        "PYTHONPATH": f"{workdir}{os.pathsep}{ROOT}",
        "DJANGO_SETTINGS_MODULE": settings_module,
        "DATABASE_URL": f"sqlite:///{database}",
        "SECRET_KEY": "bench-only-secret",
        "DEBUG": "0",
        "DEMO_PASSWORD": "bench-demo-123",
        "VAR_DIR": str(workdir / "var"),
        "MEDIA_ROOT": str(workdir / "media"),
        "REDIS_URL": os.environ.get("REDIS_URL", ""),
        "CELERY_BROKER_URL": "",
        "CONN_MAX_AGE": "60",  # persistent connections, as .env.example sets for production
    }


def serve(workdir: Path, database: Path, module: str, port: int) -> subprocess.Popen:
    process = subprocess.Popen(
        [
            str(Path(PYTHON).with_name("gunicorn")),
            "bontang_sp.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "warning",
        ],
        cwd=ROOT,
        env=_env(workdir, database, module),
        stdout=subprocess.DEVNULL,
    )
    for _ in range(100):
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/sehat/", timeout=1).read()
            return process
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise SystemExit("gunicorn did not start")


def _milliseconds(text: str) -> float:
    """wrk's "850.00us", "12.5ms" or "1.02s" in milliseconds."""
    for unit, factor in (("us", 0.001), ("ms", 1.0), ("s", 1000.0)):
        if text.endswith(unit):
            return float(text[: -len(unit)]) * factor
    raise ValueError(text)


def load(port: int, path: str, connections: int, seconds: int) -> tuple[float, float]:
    """(requests per second, p99 in ms) of wrk holding `connections` open for `seconds`."""
    url = f"http://127.0.0.1:{port}{path}"
    wrk = ["wrk", f"-t{WRK_THREADS}", f"-c{connections}", "--timeout", "10s", "--latency"]
    subprocess.run([*wrk, "-d2s", url], check=True, capture_output=True)  # warm up
    out = subprocess.run([*wrk, f"-d{seconds}s", url], check=True, capture_output=True).stdout
    text = out.decode()
    if "Non-2xx" in text or "Socket errors" in text:
        raise SystemExit(f"{path}: wrk saw errors\n{text}")
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    # The latency distribution's own line: a "+/- Stdev" column such as "69.99%" ends in
    # "99%" too.
    p99 = _milliseconds(re.search(r"^\s*99%\s+(\S+)", text, re.MULTILINE).group(1))
    return rps, p99


def ensure_wrk() -> str:
    """The path of wrk, installing Debian's package first when it is missing and we may."""
    found = shutil.which("wrk")
    if found:
        print(f"wrk: {found}")
        return found
    if os.geteuid() != 0 or shutil.which("apt-get") is None:
        raise SystemExit(
            "wrk tidak ditemukan: pasang dengan `sudo apt-get install wrk` (atau `make bench`)"
        )
    print("wrk: not found, installing Debian's package (apt-get install wrk)")
    quiet = {
        "check": True,
        "stdout": subprocess.DEVNULL,
        "env": {**os.environ, "DEBIAN_FRONTEND": "noninteractive"},
    }
    if subprocess.run(
        ["apt-get", "install", "-y", "-q", "wrk"], check=False, stdout=subprocess.DEVNULL
    ).returncode:
        subprocess.run(["apt-get", "update", "-q"], **quiet)
        subprocess.run(["apt-get", "install", "-y", "-q", "wrk"], **quiet)
    installed = shutil.which("wrk")
    if installed is None:
        raise SystemExit("wrk tidak terpasang: periksa apt-get install wrk")
    print(f"wrk: installed {installed}")
    return installed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--connections", type=int, default=32)
    parser.add_argument("--seconds", type=int, default=10, help="per measured run")
    args = parser.parse_args()
    ensure_wrk()
    workdir = Path(tempfile.mkdtemp(prefix="bench-portal-"))
    database = workdir / "city.sqlite3"
    try:
        print(
            f"machine: {platform.node()} {platform.machine()} {os.cpu_count()} CPU, "
            f"Python {platform.python_version()}, load average "
            + "/".join(f"{n:.1f}" for n in os.getloadavg())
        )
        seed_city(_env(workdir, database))
        bodies = workdir / "bodies"
        bodies.mkdir()
        (workdir / "bench_portal_urls.py").write_text(BENCH_URLS.format(bodies=str(bodies)))
        for name, seconds in (("bench_portal_warm", 3600), ("bench_portal_cold", 0)):
            (workdir / f"{name}.py").write_text(BENCH_SETTINGS.format(cache_seconds=seconds))
        results = {}
        for module, port, label in (
            ("bench_portal_warm", 18431, "warm"),
            ("bench_portal_cold", 18432, "cold"),
        ):
            server = serve(workdir, database, module, port)
            try:
                for page, path in PAGES.items():
                    body = bodies / f"{page}.html"
                    content = urllib.request.urlopen(f"http://127.0.0.1:{port}{path}").read()
                    if not body.exists():
                        body.write_bytes(content)  # the bare view answers these very bytes
                    bare = BARE_PATH.format(page)
                    results[page, label] = load(port, path, args.connections, args.seconds)
                    results[page, f"bare_{label}"] = load(
                        port, bare, args.connections, args.seconds
                    )
            finally:
                server.terminate()
                server.wait()
        print(f"connections: {args.connections}")
        figures = {}
        for page in PAGES:
            for label in ("warm", "bare_warm", "cold", "bare_cold"):
                rps, p99 = results[page, label]
                print(f"{page:8s} {label:10s} {rps:8.1f} req/s  p99 {p99:7.1f} ms")
            bare = (results[page, "bare_warm"][0] + results[page, "bare_cold"][0]) / 2
            figures[page] = (
                results[page, "warm"][0] / bare,
                results[page, "cold"][0] / bare,
                results[page, "warm"][1],
            )
            print(
                f"{page}_warm_ratio={figures[page][0]:.2f} {page}_cold_ratio={figures[page][1]:.2f}"
                f" {page}_warm_p99_ms={figures[page][2]:.1f}"
                f" {page}_bytes={len((bodies / f'{page}.html').read_bytes())}"
            )
        warm, cold, p99 = figures["service"]
        print(f"warm_ratio={warm:.2f} cold_ratio={cold:.2f} warm_p99_ms={p99:.1f}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main()
