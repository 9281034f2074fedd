"""The course as a book: build the static site, check its HTML, then read it in a real browser.

The site is built once for the module by tools/build_site.py (the same build as
``python3 tasks.py site``) into book/_build/html. The HTML checks need no browser: series order,
folded solutions, alt text, headings, Binder and download links, no remote scripts or styles.

The browser checks serve the site on 127.0.0.1 and open every page in headless Chromium with the
network off (every request that is not to that server is aborted, and recorded as a failure):
no console errors, every image loads, every formula typeset by the local MathJax, every internal
link resolves, search finds a word of the last notebook, a solution stays folded until clicked,
and the page fits a window at 200 % zoom. Screenshots go to screenshots/site/ (git-ignored).
Without Chromium (or Playwright) the browser checks are skipped, unless REQUIRE_BROWSER=1 (set by
.ci/run): then they fail.
"""

from __future__ import annotations

import collections
import doctest
import functools
import html
import http.server
import importlib.util
import itertools
import json
import os
import re
import threading
import urllib.parse
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent
REQUIRED = os.environ.get("REQUIRE_BROWSER") == "1"
SCREENSHOTS = ROOT / "screenshots" / "site"
try:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
except ImportError:  # the browser tests skip (or fail, in CI) without Playwright
    PlaywrightTimeout = TimeoutError


def _load(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build_site = _load("build_site")
NOTEBOOKS = build_site.series()
STEMS = [path.stem for path in NOTEBOOKS]
PAGES = ["index", "intro", *(f"notebooks/{stem}" for stem in STEMS), "search", "genindex"]


def binder_link(notebook: str) -> str:
    repository, ref = build_site.repository_setting()
    return f"https://mybinder.org/v2/gh/{repository}/{ref}?urlpath=lab/tree/notebooks/{notebook}"


def notebook_cells(stem: str) -> list[dict]:
    return json.loads((ROOT / "notebooks" / f"{stem}.ipynb").read_text(encoding="utf-8"))["cells"]


@pytest.fixture(scope="module")
def site() -> Path:
    return build_site.build()


def page_html(site: Path, page: str) -> str:
    return (site / f"{page}.html").read_text(encoding="utf-8")


def article(text: str) -> str:
    """The page's own content (not the theme's header, sidebars and footer)."""
    match = re.search(r'<article class="bd-article"[^>]*>(.*?)</article>', text, re.S)
    assert match, "no <article class='bd-article'> in the page"
    return match[1]


# ---------------------------------------------------------------------------- the build itself


def test_build_helpers_doctests():
    assert doctest.testmod(build_site).failed == 0


def test_table_of_contents_is_the_series_in_order(site):
    toc = yaml.safe_load((build_site.SRC / "_toc.yml").read_text(encoding="utf-8"))
    assert toc["root"] == "intro"
    assert [c["file"] for c in toc["chapters"]] == [f"notebooks/{stem}" for stem in STEMS]
    sidebar = re.search(
        r'<nav class="bd-links bd-docs-nav".*?</nav>', page_html(site, "intro"), re.S
    )
    links = re.findall(r'href="notebooks/(\d\d_\w+)\.html"', sidebar[0])
    assert links == STEMS, "the sidebar does not list the notebooks in series order"


def test_download_link_serves_the_committed_notebook(site):
    for path in NOTEBOOKS:
        text = page_html(site, f"notebooks/{path.stem}")
        assert f'href="../_sources/notebooks/{path.name}"' in text, f"no .ipynb download on {path}"
        served = site / "_sources" / "notebooks" / path.name
        assert served.read_bytes() == path.read_bytes(), f"{served} is not the committed notebook"


def test_every_notebook_page_has_its_binder_button(site):
    for path in NOTEBOOKS:
        text = html.unescape(page_html(site, f"notebooks/{path.stem}"))
        links = set(re.findall(r'href="(https://mybinder\.org/[^"]+)"', text))
        assert links == {binder_link(path.name)}, f"{path.name}: {links}"


def test_no_page_loads_anything_from_the_network(site):
    remote = re.compile(
        r"<(?:script|link|img|iframe|source)\b[^>]*\b(?:src|href)=\"(?:https?:)?//[^\"]*\"", re.I
    )
    pages = sorted(site.rglob("*.html"))
    for page in pages:
        text = page.read_text(encoding="utf-8")
        found = [tag for tag in remote.findall(text) if not tag.lower().startswith("<a")]
        assert not found, f"{page.relative_to(site)} loads from the network: {found}"
        assert "unpkg.com" not in text and "cdn" not in text.lower(), page
        assert "MathJax.js" not in text or "_static/mathjax/MathJax.js" in text, page
    css = "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in site.rglob("*.css"))
    assert not re.search(r"@import\s+url\(\s*['\"]?https?:", css), "a stylesheet imports from a CDN"
    assert (site / "_static" / "mathjax" / "MathJax.js").exists()


@pytest.mark.parametrize("stem", STEMS)
def test_solutions_are_folded(site, stem):
    hidden = [
        c
        for c in notebook_cells(stem)
        if c["cell_type"] == "code" and c["metadata"].get("jupyter", {}).get("source_hidden")
    ]
    text = article(page_html(site, f"notebooks/{stem}"))
    folded = re.findall(r'<details class="admonition hide above-input">', text)
    assert len(folded) == len(hidden), "every collapsed solution must be folded on the page"
    assert " open" not in "".join(re.findall(r"<details[^>]*>", text))


@pytest.mark.parametrize("stem", STEMS)
def test_committed_solutions_carry_the_hide_input_tag(stem):
    for index, cell in enumerate(notebook_cells(stem)):
        if cell["metadata"].get("jupyter", {}).get("source_hidden"):
            assert "hide-input" in cell["metadata"].get("tags", []), f"cell {index}"


@pytest.mark.parametrize("stem", STEMS)
def test_every_figure_has_alt_text(site, stem):
    text = article(page_html(site, f"notebooks/{stem}"))
    alts = []
    for tag in re.findall(r"<img\b[^>]*>", text):
        alt = re.search(r'\balt="([^"]*)"', tag)
        assert alt and alt[1].strip(), f"no alt text: {tag}"
        assert not re.search(r"\.(png|svg|jpe?g)$", alt[1]), f"alt text is a file name: {tag}"
        alts.append(html.unescape(alt[1]))
    # and it comes from the cell metadata, one sentence per figure cell
    for index, cell in enumerate(notebook_cells(stem)):
        images = [o for o in cell.get("outputs", []) if "image/png" in o.get("data", {})]
        if images:
            alt = cell["metadata"].get("mystnb", {}).get("image", {}).get("alt", "")
            assert alt.strip(), f"cell {index} draws a figure but has no mystnb.image.alt"
            assert alt in alts, f"cell {index}'s alt text is not on the page"


@pytest.mark.parametrize("page", ["intro", *(f"notebooks/{stem}" for stem in STEMS)])
def test_headings_are_in_order(site, page):
    levels = [int(n) for n in re.findall(r"<h([1-6])\b", article(page_html(site, page)))]
    assert levels and levels[0] == 1 and levels.count(1) == 1, f"one h1 first: {levels}"
    for before, after in itertools.pairwise(levels):
        assert after <= before + 1, f"a heading skips a level (h{before} then h{after})"


@pytest.mark.parametrize("stem", STEMS)
def test_explorers_are_explained_by_a_note(site, stem):
    code = [c for c in notebook_cells(stem) if c["cell_type"] == "code" and not c.get("outputs")]
    explorers = [c for c in code if build_site.EXPLORER_CALL.search(build_site.cell_source(c))]
    text = article(page_html(site, f"notebooks/{stem}"))
    assert text.count("interactive explorer</strong>") == len(explorers)


# ---------------------------------------------------------------------------- in the browser


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format, *args):
        pass


def _unavailable(reason: str) -> None:
    if REQUIRED:
        pytest.fail(f"REQUIRE_BROWSER=1, but {reason}", pytrace=False)
    pytest.skip(f"{reason} (set REQUIRE_BROWSER=1 to make this a failure)")


class Reader:
    """One headless Chromium on a local server of the site, with every other request aborted."""

    def __init__(self, base: str, context):
        self.base = base
        self.context = context
        self.blocked: list[str] = []
        self.fetched: dict[str, tuple[int, str]] = {}
        context.route("**/*", self._route)

    def _route(self, route):
        url = route.request.url
        if url.startswith(self.base):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("internetdisconnected")

    def fetch(self, url: str) -> tuple[int, str]:
        if url not in self.fetched:
            response = self.context.request.get(url)
            body = response.text() if url.endswith(".html") else ""
            self.fetched[url] = (response.status, body)
        return self.fetched[url]

    def open(self, page_path: str, viewport=None):
        """Open a page; return (page, problems seen while loading it)."""
        page = self.context.new_page()
        if viewport:
            page.set_viewport_size(viewport)
        problems: list[str] = []
        page.on("console", lambda m: m.type == "error" and problems.append(f"console: {m.text}"))
        page.on("pageerror", lambda e: problems.append(f"page error: {e}"))
        page.on(
            "requestfailed",
            lambda r: problems.append(f"request failed: {r.url} {r.failure}"),
        )
        page.on(
            "response",
            lambda r: r.status >= 400 and problems.append(f"HTTP {r.status}: {r.url}"),
        )
        page.goto(self.base + page_path, wait_until="load")
        try:
            page.wait_for_function(MATHJAX_DONE, timeout=30_000)
        except PlaywrightTimeout:
            problems.append("MathJax did not finish typesetting within 30 s")
        return page, problems


# True once MathJax 2 has typeset the page (or when the page loads no MathJax at all).
MATHJAX_DONE = """() => {
  if (!document.querySelector('script[src*="MathJax.js"]')) return true;
  if (!window.MathJax || !MathJax.Hub || !MathJax.Hub.Startup || !MathJax.isReady) return false;
  const queue = MathJax.Hub.queue;
  return MathJax.Hub.Startup.signal.posted.map(String).includes("End")
    && queue.pending === 0 && queue.running === 0;
}"""
# The article's text outside code, and formulas MathJax left alone or could not typeset.
ARTICLE_TEXT = """() => {
  const article = (document.querySelector("article.bd-article") || document.body).cloneNode(true);
  article.querySelectorAll("pre, code, script, style, .MathJax_Preview")
    .forEach(n => n.remove());
  return article.textContent;
}"""
UNTYPESET = """() => [...document.querySelectorAll("article .math.nohighlight")]
  .filter(m => !m.querySelector(".MathJax, .MathJax_Display, .MathJax_SVG"))
  .map(m => m.textContent.slice(0, 80))"""
IMAGES = """async () => {
  window.scrollTo(0, document.body.scrollHeight);
  const images = [...document.images];
  await Promise.all(images.map(i => i.complete ? null :
    new Promise(r => { i.addEventListener("load", r); i.addEventListener("error", r); })));
  return images.map(i => ({src: i.currentSrc || i.src, width: i.naturalWidth}));
}"""
LINKS = """() => [...document.querySelectorAll("a[href]")].map(a => a.href)"""
RAW_TEX = re.compile(r"\\\(|\\\)|\\\[|\\\]|\$\$|\$[^$\s][^$\n]*\$|\\(frac|sum|log|text)\b")


@pytest.fixture(scope="module")
def reader(site):
    if importlib.util.find_spec("playwright") is None:
        _unavailable("Playwright is not installed (it is in requirements-dev.txt)")
    browser_check = _load("browser_check")
    chromium = browser_check.find_chromium()
    if chromium is None:
        _unavailable("no Chromium found (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    args = [
        *browser_check.CHROMIUM_ARGS,
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1",
    ]
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path=chromium, headless=True, args=args, timeout=60_000
            )
            context = browser.new_context(viewport={"width": 1366, "height": 900})
            context.set_default_timeout(30_000)
            base = f"http://127.0.0.1:{server.server_address[1]}/"
            yield Reader(base, context)
            context.close()
            browser.close()
    finally:
        server.shutdown()
        server.server_close()


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("page_name", PAGES)
def test_page_in_the_browser(reader, page_name):
    page, problems = reader.open(f"{page_name}.html")
    try:
        if page_name != "index":  # index.html only redirects to intro.html
            images = page.evaluate(IMAGES)
            problems += [f"image did not load: {i['src']}" for i in images if i["width"] == 0]
            problems += [f"formula not typeset: {m}" for m in page.evaluate(UNTYPESET)]
            text = page.evaluate(ARTICLE_TEXT)
            problems += [f"raw TeX in the text: {m[0]!r}" for m in RAW_TEX.finditer(text)]
            if page.locator(".MathJax_Error, .merror").count():
                problems.append("MathJax reported an error")
            problems += _broken_links(reader, page.evaluate(LINKS))
        name = page_name.replace("/", "_")
        page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=False)
    finally:
        page.close()
    problems += [f"blocked request to the network: {url}" for url in reader.blocked]
    reader.blocked.clear()
    assert not problems, f"{page_name}.html:\n" + "\n".join(problems)


def _broken_links(reader: Reader, links: list[str]) -> list[str]:
    problems = []
    for link in sorted(set(links)):
        if not link.startswith(reader.base):
            continue  # Binder, GitHub: not followed offline
        url, _, fragment = link.partition("#")
        status, body = reader.fetch(url)
        if status != 200:
            problems.append(f"link {link}: HTTP {status}")
        elif fragment and url.endswith(".html"):
            target = urllib.parse.unquote(fragment)
            if f'id="{target}"' not in body:
                problems.append(f"link {link}: no element with id {target!r}")
    return problems


def last_notebook_word() -> str:
    """A word of the last notebook's prose that no other page uses (for the search test)."""

    def words(stem: str) -> collections.Counter:
        prose = " ".join(
            "".join(c["source"]) for c in notebook_cells(stem) if c["cell_type"] == "markdown"
        )
        prose = re.sub(r"\$[^$]*\$|`[^`]*`|\([^)]*\.ipynb\)", " ", prose)
        return collections.Counter(re.findall(r"\b[a-z]{7,}\b", prose.lower()))

    others = set().union(*(words(stem) for stem in STEMS[:-1]))
    others |= set(re.findall(r"[a-z]+", (ROOT / "book" / "intro.md").read_text().lower()))
    unique = [(-n, w) for w, n in words(STEMS[-1]).items() if w not in others]
    assert unique, f"{STEMS[-1]} has no word of its own to search for"
    return min(unique)[1]


@pytest.mark.browser
@pytest.mark.slow
def test_search_finds_the_last_notebook(reader):
    word = last_notebook_word()
    page, problems = reader.open(f"search.html?q={word}")
    try:
        results = page.locator("#search-results ul.search li a")
        results.first.wait_for()
        hrefs = [results.nth(i).get_attribute("href") for i in range(results.count())]
        page.screenshot(path=str(SCREENSHOTS / "search.png"))
    finally:
        page.close()
    assert any(f"notebooks/{STEMS[-1]}.html" in href for href in hrefs), (word, hrefs)
    assert not problems, problems


@pytest.mark.browser
@pytest.mark.slow
@pytest.mark.parametrize("stem", STEMS)
def test_a_solution_is_folded_until_clicked(reader, stem):
    page, problems = reader.open(f"notebooks/{stem}.html")
    try:
        folds = page.locator("details.hide.above-input")
        if folds.count() == 0:
            pytest.skip(f"{stem} has no worked solution")
        fold = folds.first
        code = fold.locator(".cell_input")
        assert fold.get_attribute("open") is None
        assert not code.is_visible(), "the solution is shown before it is clicked"
        fold.locator("summary").click()
        code.wait_for(state="visible")
        assert fold.get_attribute("open") is not None
        fold.screenshot(path=str(SCREENSHOTS / f"{stem}_solution.png"))
    finally:
        page.close()
    assert not problems, problems


@pytest.mark.browser
@pytest.mark.slow
def test_a_page_fits_the_window_at_200_percent_zoom(reader):
    # 200 % zoom of a 1366 × 900 window is a 683 × 450 CSS-pixel viewport.
    page, problems = reader.open(
        f"notebooks/{STEMS[-1]}.html", viewport={"width": 683, "height": 450}
    )
    try:
        overflow = page.evaluate(
            "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        assert page.locator("article.bd-article h1").is_visible()
        page.screenshot(path=str(SCREENSHOTS / "zoom_200.png"))
    finally:
        page.close()
    assert overflow <= 0, f"the page scrolls sideways by {overflow} px at 200 % zoom"
    assert not problems, problems
