"""The portal's search over a national catalogue: 50,000 standards in force on PostgreSQL.

Creates its own database (`bontang_search_bench` or `--database`, dropped at the end),
migrates it and seeds the demo city (seed_bontang, seed_demo). From the demo's real services, their
requirements and products it generates agencies for every kabupaten/kota of
bench/data/regions.txt (Kota and Kabupaten) and services under varied names until there
are `--standards` of them in force, written with bulk inserts, with their search entries
through the portal's own writer (`portal.search_index.write_entries`). It then runs the
application's own search (`search_standards` and the hits the results page shows) for
typical citizen queries, typos included, and prints p50/p95 per query and overall, the
first results of each query (the service's name ranks first), and as the last line
``search_p50_ms=<p50> search_p95_ms=<p95> standards=<n>``.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/search.py \\
        [--standards 50000] [--rounds 20] [--seconds 60] [--database NAME] [--keep]

DATABASE_URL names the server (any database on it); nothing else on it is touched. With
`--keep` the bench database is left in place (to EXPLAIN the queries in psql) and a
second run with `--keep` measures it again without seeding.
"""

from __future__ import annotations

import argparse
import datetime
import os
import random
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from common import seed_city

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
DATABASE = "bontang_search_bench"
REGIONS = ROOT / "bench" / "data" / "regions.txt"
QUERIES = (
    "akta kelahiran",
    "izin praktik bidan",
    "akte kelahran",  # typos
    "kartu keluarga",
    "kartu kelurga",
    "surat keterangan tidak mampu",
    "ktp",
    "surat pengantar rt",  # words of the requirements
    "surat keterangan kelahiran",
    "pas foto",
    "informasi publik",
    "pencari kerja",
)
NAME_VARIANTS = (
    "{}",
    "{} Baru",
    "{} (Perubahan Data)",
    "{} karena Hilang atau Rusak",
    "{} bagi Warga Negara Asing",
    "{} Terlambat",
    "{} secara Daring",
    "{} di Mal Pelayanan Publik",
)
BATCH = 5000


def _database_url(database: str) -> tuple[str, str]:
    """(the bench database's URL, the server's maintenance database URL)."""
    given = os.environ.get("DATABASE_URL", "")
    if not given.startswith(("postgres://", "postgresql://")):
        raise SystemExit("DATABASE_URL harus menunjuk server PostgreSQL (postgres://...)")
    parts = urlsplit(given)
    return (
        urlunsplit(parts._replace(path=f"/{database}")),
        urlunsplit(parts._replace(path="/postgres")),
    )


def _env(workdir: Path, url: str) -> dict:
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "bontang_sp.settings",
        "DATABASE_URL": url,
        "SECRET_KEY": "bench-only-secret",
        "DEBUG": "0",
        "DEMO_PASSWORD": "bench-demo-123",
        "VAR_DIR": str(workdir / "var"),
        "MEDIA_ROOT": str(workdir / "media"),
        "REDIS_URL": "",
        "CELERY_BROKER_URL": "",
    }


def _admin(server_url: str, sql: str) -> None:
    try:
        import psycopg as driver
    except ImportError:
        import psycopg2 as driver

    connection = driver.connect(server_url)
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute(sql)
    connection.close()


def _regions() -> list[str]:
    names = [
        line.strip()
        for line in REGIONS.read_text().splitlines()
        if line.strip() and not line.startswith("#")
    ]
    return [f"{prefix} {name}" for prefix in ("Kota", "Kabupaten") for name in names]


def generate(total: int) -> int:
    """Agencies per region and `total` standards in force from the demo's services."""
    from django.db import connection, transaction
    from django.utils.text import slugify

    from agencies.models import Agency
    from portal.search_index import entry_for, published_fields, write_entries
    from standards.models import (
        ComponentKind,
        Requirement,
        Service,
        ServiceStandard,
        StandardComponent,
        StandardStatus,
    )

    with connection.cursor() as cursor:  # a bulk load builds its GIN indexes afterwards
        cursor.execute(
            "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'portal_searchentry'"
            " AND indexdef LIKE '%%USING gin%%'"
        )
        search_indexes = cursor.fetchall()
        for name, _definition in search_indexes:
            cursor.execute(f"DROP INDEX {name}")
    rng = random.Random(15)
    services = list(Service.objects.select_related("agency").order_by("pk"))
    pool = list(Requirement.objects.values_list("description", "kind", "timing"))
    own: dict[int, list] = {}
    for service_id, *row in Requirement.objects.values_list(
        "standard__service_id", "description", "kind", "timing"
    ):
        own.setdefault(service_id, []).append(tuple(row))
    products = dict(
        StandardComponent.objects.filter(kind=ComponentKind.PRODUCT).values_list(
            "standard__service_id", "text"
        )
    )
    templates = {s.agency_id: s.agency for s in services}
    in_force_since = datetime.date(2026, 1, 2)
    with transaction.atomic():
        agencies = {}
        new_agencies = []
        for region in _regions():
            for pk, agency in templates.items():
                new = Agency(
                    name=f"{agency.name} {region}",
                    short_name=agency.short_name,
                    slug=slugify(f"{agency.short_name} {region}")[:80],
                    kind=agency.kind,
                )
                agencies[region, pk] = new
                new_agencies.append(new)
        Agency.objects.bulk_create(new_agencies, batch_size=BATCH)
        plan = [
            (variant, region, service)
            for variant in NAME_VARIANTS
            for region in _regions()
            for service in services
        ][:total]
        new_services = [
            Service(
                agency=agencies[region, service.agency_id],
                name=variant.format(service.name),
                slug=slugify(variant.format(service.name))[:120],
                kind=service.kind,
                description=f"{service.description or service.name} di {region}."[:1000],
            )
            for variant, region, service in plan
        ]
        Service.objects.bulk_create(new_services, batch_size=BATCH)
        standards = [
            ServiceStandard(
                service=new, status=StandardStatus.IN_FORCE, in_force_since=in_force_since
            )
            for new in new_services
        ]
        ServiceStandard.objects.bulk_create(standards, batch_size=BATCH)
        requirements, components, entries = [], [], []
        for standard, (_variant, _region, service) in zip(standards, plan, strict=True):
            rows = list(own.get(service.pk, ()))
            if rows:
                rows.remove(rng.choice(rows))  # the same service differs from city to city
            rows += rng.sample(pool, 2 if rows else 4)
            requirements += [
                Requirement(standard=standard, position=i, description=d, kind=kind, timing=timing)
                for i, (d, kind, timing) in enumerate(rows)
            ]
            product = products.get(service.pk) or f"{service.name} yang ditandatangani pejabat."
            components.append(
                StandardComponent(standard=standard, kind=ComponentKind.PRODUCT, text=product)
            )
            # What its publication would give the search (portal.search_index), bulk.
            published = published_fields(
                name=standard.service.name,
                kind=standard.service.kind,
                requirements=[d for d, _kind, _timing in rows],
                product=product,
            )
            entries.append(entry_for(standard, published))
        Requirement.objects.bulk_create(requirements, batch_size=BATCH)
        StandardComponent.objects.bulk_create(components, batch_size=BATCH)
        write_entries(entries)
    with connection.cursor() as cursor:
        for _name, definition in search_indexes:
            cursor.execute(definition)
        cursor.execute("VACUUM ANALYZE")
    return ServiceStandard.objects.in_force().count()


def _search(query: str):
    from portal.search import hits, search_standards

    page = search_standards(query)
    return page, hits(page, query)


def measure(rounds: int, deadline: float) -> dict[str, list[float]]:
    from django.db import reset_queries

    timings: dict[str, list[float]] = {q: [] for q in QUERIES}
    for query in QUERIES:
        _search(query)  # warm up: compiled plans, imports
    for _ in range(rounds):
        for query in random.Random(len(timings[QUERIES[0]])).sample(QUERIES, len(QUERIES)):
            start = time.perf_counter()
            _search(query)
            timings[query].append((time.perf_counter() - start) * 1000)
            reset_queries()
        if time.perf_counter() > deadline:
            break
    return timings


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(fraction * (len(ordered) - 1)))]


def _exists(server_url: str, database: str) -> bool:
    try:
        import psycopg as driver
    except ImportError:
        import psycopg2 as driver

    connection = driver.connect(server_url)
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [database])
        found = cursor.fetchone() is not None
    connection.close()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--standards", type=int, default=50_000)
    parser.add_argument("--rounds", type=int, default=20)
    parser.add_argument("--seconds", type=int, default=60, help="at most, measuring")
    parser.add_argument("--database", default=DATABASE, help="the bench database's name")
    parser.add_argument(
        "--keep", action="store_true", help="keep the database; reuse it when it exists"
    )
    args = parser.parse_args()
    url, server = _database_url(args.database)
    workdir = Path(tempfile.mkdtemp(prefix="bench-search-"))
    env = _env(workdir, url)
    reuse = args.keep and _exists(server, args.database)
    if not reuse:
        _admin(server, f"DROP DATABASE IF EXISTS {args.database}")
        _admin(server, f"CREATE DATABASE {args.database}")
    try:
        started = time.perf_counter()
        if not reuse:
            seed_city(env)
        seeded = time.perf_counter()
        os.environ.update(env)
        sys.path.insert(0, str(ROOT))
        import django

        django.setup()
        if reuse:
            from standards.models import ServiceStandard

            count = ServiceStandard.objects.in_force().count()
        else:
            count = generate(args.standards)
        loaded = time.perf_counter()
        print(f"seed_seconds={seeded - started:.0f} load_seconds={loaded - seeded:.0f}")
        print("load_average=" + "/".join(f"{n:.1f}" for n in os.getloadavg()))
        timings = measure(args.rounds, time.perf_counter() + args.seconds)
        for query in QUERIES:
            page, found = _search(query)
            top = " | ".join(f"{h.standard.service.name}" for h in found[:3])
            values = timings[query]
            print(
                f"{query!r:32} n={page.paginator.count:6d} "
                f"p50={_percentile(values, 0.5):6.1f} p95={_percentile(values, 0.95):6.1f} ms"
                f"  top: {top}"
            )
        every = [v for values in timings.values() for v in values]
        print("load_average=" + "/".join(f"{n:.1f}" for n in os.getloadavg()))
        print(
            f"search_p50_ms={_percentile(every, 0.5):.1f} "
            f"search_p95_ms={_percentile(every, 0.95):.1f} standards={count}"
        )
    finally:
        if "django.db" in sys.modules:
            sys.modules["django.db"].connections.close_all()
        if not args.keep:
            _admin(server, f"DROP DATABASE IF EXISTS {args.database}")


if __name__ == "__main__":
    main()
