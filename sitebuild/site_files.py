"""Files for the whole site, written after both language runs: stylesheet, offline workers,
sitemap, robots.txt, _headers and pre-compressed copies."""

from __future__ import annotations

import gzip
import hashlib
import json
import posixpath
import shutil
from pathlib import Path

from lxml import etree

from .page_facts import PageFacts

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
COMPRESSED_SUFFIXES = {".html", ".css", ".js", ".json", ".xml", ".ics", ".txt", ".svg"}
OFFLINE_SCRIPT = "theme/js/offline.js"  # the pages that load it are the ones its worker keeps
# In each language's folder, so that its scope is that language's pages and no other.
OFFLINE_WORKER = "offline-worker.js"
WORKER_SOURCE = Path(__file__).with_name("offline-worker.js")

# Netlify and Cloudflare Pages read this file; other hosts ignore it. Nothing on the site comes
# from another host, and no inline script or style exists, so the policy can allow 'self' only.
# The search runs Pagefind's WebAssembly, which browsers compile only under 'wasm-unsafe-eval';
# it allows no eval() of JavaScript. One policy serves all pages: hosts join the policies of
# overlapping path rules, and the browser would then enforce the stricter one on the search page.
# The offline worker is a script of the site's own: worker-src falls back to script-src.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'none'",
        "style-src 'self'",
        "img-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "connect-src 'self'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)


def stylesheet_path(theme_dir: Path) -> str:
    """The stylesheet's address below the site root, named by its content.

    A changed stylesheet gets a new name, so browsers may cache every name for a year.
    """
    css = (theme_dir / "static" / "css" / "site.css").read_bytes()
    return f"theme/css/site.{hashlib.sha256(css).hexdigest()[:10]}.css"


def copy_theme_static(theme_dir: Path, site_dir: Path) -> None:
    static = theme_dir / "static"
    shutil.copytree(static, site_dir / "theme", ignore=shutil.ignore_patterns("site.css"))
    shutil.copy2(static / "css" / "site.css", site_dir / stylesheet_path(theme_dir))


def offline_addresses(site_dir: Path, lang: str, pages: dict[str, PageFacts], root_url: str) -> list[str]:
    """What the language's worker keeps, relative to its folder: the pages that register it, the
    theme's files they load (stylesheet, scripts, icon) and the language's calendars."""
    registering = {
        name: facts
        for name, facts in pages.items()
        if name.startswith(f"{lang}/") and any(url.endswith(f"/{OFFLINE_SCRIPT}") for _, url in facts.links)
    }
    if not registering:
        return []
    theme = {
        "../" + url.removeprefix(f"{root_url}/")
        for facts in registering.values()
        for _, url in facts.links
        if url.startswith(f"{root_url}/theme/")
    }
    calendars = [path.relative_to(site_dir / lang).as_posix() for path in (site_dir / lang).rglob("*.ics")]
    pages_kept = [posixpath.relpath(name, lang).removesuffix("index.html") or "./" for name in registering]
    return sorted(pages_kept) + sorted(theme) + sorted(calendars)


def offline_worker(site_dir: Path, lang: str, addresses: list[str]) -> str:
    """The worker's script: its cache is named by what it keeps, so a new version of any of those
    files (or of the worker) gets a new cache, and two builds of one commit the same one."""
    source = WORKER_SOURCE.read_text(encoding="utf-8")
    digest = hashlib.sha256(source.encode())
    for address in addresses:
        file = posixpath.normpath(f"{lang}/{address}") + ("/index.html" if address.endswith("/") else "")
        digest.update(address.encode() + b"\0" + (site_dir / file).read_bytes())
    name = f"offline-{lang}"
    return (
        f"const NAME = {json.dumps(name)};\n"
        f"const CACHE = {json.dumps(f'{name}-{digest.hexdigest()[:12]}')};\n"
        f"const PRECACHE = {json.dumps(addresses, indent=0)};\n\n{source}"
    )


def sitemap(pages: dict[str, PageFacts]) -> bytes:
    """Every page that names its canonical address, with the alternates it declares."""
    urlset = etree.Element(f"{{{SITEMAP_NS}}}urlset", nsmap={None: SITEMAP_NS, "xhtml": XHTML_NS})
    for name in sorted(pages):
        facts = pages[name]
        if facts.canonical is None:  # pages that ask not to be indexed have none
            continue
        url = etree.SubElement(urlset, f"{{{SITEMAP_NS}}}url")
        etree.SubElement(url, f"{{{SITEMAP_NS}}}loc").text = facts.canonical
        for hreflang, href in facts.alternates:
            etree.SubElement(url, f"{{{XHTML_NS}}}link", rel="alternate", hreflang=hreflang, href=href)
    return etree.tostring(urlset, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def robots_txt(root_url: str) -> str:
    lines = ["User-agent: *", "Allow: /"]
    if root_url.startswith("http"):  # the Sitemap line must be an absolute address
        lines += ["", f"Sitemap: {root_url}/sitemap.xml"]
    return "\n".join(lines) + "\n"


def headers_file(theme_dir: Path) -> str:
    return (
        "/*\n"
        f"  Content-Security-Policy: {CONTENT_SECURITY_POLICY}\n"
        "  Strict-Transport-Security: max-age=63072000; includeSubDomains\n"
        "  Referrer-Policy: strict-origin-when-cross-origin\n"
        "  X-Content-Type-Options: nosniff\n"
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()\n"
        f"/{stylesheet_path(theme_dir)}\n"
        "  Cache-Control: public, max-age=31536000, immutable\n"
    )


def write(settings: dict, site_dir: Path, pages: dict[str, PageFacts]) -> None:
    theme_dir = Path(settings["THEME"])
    copy_theme_static(theme_dir, site_dir)
    for lang in settings["LANGUAGES"]:
        if addresses := offline_addresses(site_dir, lang, pages, settings["ROOT_URL"]):
            (site_dir / lang / OFFLINE_WORKER).write_text(offline_worker(site_dir, lang, addresses), encoding="utf-8")
    (site_dir / "sitemap.xml").write_bytes(sitemap(pages))
    (site_dir / "robots.txt").write_text(robots_txt(settings["ROOT_URL"]), encoding="utf-8")
    (site_dir / "_headers").write_text(headers_file(theme_dir), encoding="utf-8")


def precompress(site_dir: Path) -> None:
    """A .gz copy beside every text file, for hosts that serve it to browsers that accept it.

    gzip from the standard library: pelican-precompress would only see the files of one
    language run, not the ones written here. mtime=0 keeps the copies byte-identical.
    """
    for path in sorted(site_dir.rglob("*")):
        if path.suffix in COMPRESSED_SUFFIXES and path.is_file():
            data = path.read_bytes()
            compressed = gzip.compress(data, compresslevel=9, mtime=0)
            if len(compressed) < len(data):
                path.with_name(path.name + ".gz").write_bytes(compressed)
