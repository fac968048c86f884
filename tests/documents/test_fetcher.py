"""The URL fetcher given to WeasyPrint serves the project's static files and nothing else."""

from __future__ import annotations

from pathlib import Path

import pytest
from django.conf import settings

from documents.render import FetchRefused, StaticOnlyURLFetcher, static_file_url, static_roots

STATIC = Path(settings.BASE_DIR) / "static"


@pytest.fixture
def fetcher():
    return StaticOnlyURLFetcher()


def test_serves_a_real_static_file(fetcher):
    response = fetcher.fetch(static_file_url("documents/print.css"))
    assert response.content_type == "text/css"
    assert b"@page" in response.read()


def test_serves_a_project_static_file_by_its_file_url(fetcher):
    url = (STATIC / "css" / "site.css").resolve().as_uri()
    assert b"Bontang SP" in fetcher.fetch(url).read()


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1:9/x.css",
        "https://example.org/logo.png",
        "HTTP://127.0.0.1/x",
        "ftp://127.0.0.1/x",
        "data:text/css,body{}",
        "data:image/svg+xml;base64,PHN2Zz48L3N2Zz4=",
        "file:///etc/passwd",
        "file://localhost/etc/passwd",
        "file://attacker.example/share/x.css",
        "gopher://127.0.0.1:70/",
        "javascript:alert(1)",
    ],
)
def test_refuses_everything_that_is_not_a_static_file(fetcher, url):
    with pytest.raises(FetchRefused):
        fetcher.fetch(url)


@pytest.mark.parametrize(
    "relative",
    [
        "css/../../bontang_sp/settings.py",
        "css/%2e%2e/%2e%2e/bontang_sp/settings.py",
        "css/../../../../etc/passwd",
        "css/site.css%00.png",
    ],
)
def test_refuses_path_traversal_out_of_the_static_folder(fetcher, relative):
    url = STATIC.resolve().as_uri() + "/" + relative
    with pytest.raises(FetchRefused):
        fetcher.fetch(url)


def test_refuses_a_symlink_that_leaves_the_static_folder(fetcher, tmp_path, settings):
    static_dir = tmp_path / "static"
    static_dir.mkdir()
    (static_dir / "leak.css").symlink_to("/etc/passwd")
    static_roots.cache_clear()
    settings.STATICFILES_DIRS = [static_dir]
    settings.BASE_DIR = tmp_path
    try:
        assert static_dir.resolve() in static_roots()
        with pytest.raises(FetchRefused):
            fetcher.fetch((static_dir / "leak.css").as_uri())
    finally:
        static_roots.cache_clear()


def test_refuses_files_of_other_types_inside_static(fetcher, tmp_path, settings):
    static_dir = tmp_path / "static"
    static_dir.mkdir()
    (static_dir / "notes.txt").write_text("secret")
    static_roots.cache_clear()
    settings.STATICFILES_DIRS = [static_dir]
    settings.BASE_DIR = tmp_path
    try:
        with pytest.raises(FetchRefused):
            fetcher.fetch((static_dir / "notes.txt").as_uri())
    finally:
        static_roots.cache_clear()


def test_never_opens_a_connection(fetcher):
    with pytest.raises(FetchRefused):
        fetcher.open("http://127.0.0.1:9/")


def test_static_roots_are_the_projects_own(settings):
    roots = static_roots()
    assert STATIC.resolve() in roots
    venv = Path(settings.BASE_DIR) / ".venv"
    assert not any(root.is_relative_to(venv.resolve()) for root in roots)
