"""A bounded crawler for the link-follower test: same-site GET links only."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

from django.conf import settings

STAFF_PREFIX = "/kelola/"
# Never followed: signing out, and what is not a page of ours.
SKIPPED_PREFIXES = ("/kelola/keluar/", "/static/", "/admin/")
SKIPPED_SCHEMES = ("mailto", "tel", "javascript", "data")


class _Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "a":
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def same_site_links(html: str, base: str) -> list[str]:
    """The page's <a href> that stay on this site, as path?query, without fragments."""
    parser = _Links()
    parser.feed(html)
    hosts = {"", "testserver", urlsplit(settings.SITE_URL).netloc}
    found = []
    for href in parser.hrefs:
        parts = urlsplit(urljoin("http://testserver" + base, href))
        if parts.scheme in SKIPPED_SCHEMES or parts.netloc not in hosts:
            continue
        path = parts.path + (f"?{parts.query}" if parts.query else "")
        if not path.startswith(SKIPPED_PREFIXES):
            found.append(path)
    return found


@dataclass
class Crawl:
    """Pages visited from `start` and the links that did not open, each with its page."""

    visited: dict[str, int] = field(default_factory=dict)
    broken: list[tuple[str, str, int]] = field(default_factory=list)


def crawl(client, start: str = STAFF_PREFIX, depth: int = 2) -> Crawl:
    """GET `start`, then every same-site link found on staff pages up to `depth` clicks
    away: staff pages (under /kelola/) are read for more links, every other link is only
    opened. A 404, a 500 (any 4xx/5xx) or a redirect to the login page is broken."""
    result = Crawl()
    queue = deque([(start, 0, "")])
    login = settings.LOGIN_URL if settings.LOGIN_URL.startswith("/") else "/kelola/masuk/"
    while queue:
        url, clicks, source = queue.popleft()
        if url in result.visited:
            continue
        response = client.get(url)
        result.visited[url] = response.status_code
        if response.status_code >= 400:
            result.broken.append((source, url, response.status_code))
            continue
        if response.status_code in (301, 302, 303, 307, 308):
            target = urlsplit(response["Location"])
            if target.path.startswith(login):
                result.broken.append((source, url, response.status_code))
            elif clicks <= depth:
                queue.append(
                    (target.path + (f"?{target.query}" if target.query else ""), clicks, url)
                )
            continue
        is_page = response.get("Content-Type", "").startswith("text/html")
        if clicks < depth and url.startswith(STAFF_PREFIX) and is_page:
            for link in same_site_links(response.content.decode(), url):
                if link not in result.visited:
                    queue.append((link, clicks + 1, url))
    return result
