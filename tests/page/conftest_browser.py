"""Shared by tests/test_validity.py and tests/test_browser.py: the built site and the real tools.

The tools are the Nu HTML Checker (npm ``vnu-jar``, run with ``java``),
axe-core (npm ``axe-core``), both installed by ``npm ci`` in ``tests/browser/``,
and Debian's Chromium driven by Selenium through ``/usr/bin/chromedriver``.

Where a tool is missing the tests that need it are skipped, saying which and
how to install it; with ``TRIGGER_CONTENT_REQUIRE_BROWSER=1`` (set by
``.ci/run``) they fail instead, so CI never passes by skipping.

The fixtures are defined here and imported by each test file (tests/conftest.py
is left alone). The site is built once per session whichever file asks first.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.util
import os
import shutil
import threading
from collections.abc import Iterator
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

import trigger_content as tc

ROOT = Path(__file__).resolve().parents[2]
#: Where ``npm ci`` puts vnu-jar and axe-core (see tests/browser/package.json).
NODE_MODULES = ROOT / "tests" / "browser" / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
#: Screenshots for people to look at (git-ignored).
ARTIFACTS = ROOT / "artifacts"

REQUIRE_ENV = "TRIGGER_CONTENT_REQUIRE_BROWSER"
NPM_HINT = "run `npm ci --ignore-scripts` in tests/browser/"
APT_HINT = "apt-get install chromium chromium-driver"

#: The page every language has.
PAGE_ID = "trigger-point-injections"

#: Narrow phone viewport for the overflow test and the screenshots.
MOBILE = {"width": 375, "height": 812, "deviceScaleFactor": 1, "mobile": True}


def _site_settings() -> tc.Page:
    project = tc.find_project(ROOT)
    (page, *_) = tc.load_pages(project.content)
    return page


_PAGE = _site_settings()
assert _PAGE.site is not None, "the page has no site.toml chrome"
#: Every language the site publishes, source first: en fr de it pt ru.
LOCALES: list[str] = [_PAGE.site.source_locale, *_PAGE.site.locales]
BASE_URL: str | None = _PAGE.site.base_url

#: What the switcher must call each language (its own name for itself).
ENDONYMS = {
    "en": "English",
    "fr": "Français",
    "de": "Deutsch",
    "it": "Italiano",
    "pt": "Português",
    "ru": "Русский",
}


def language_tag(locale: str) -> str:
    """The BCP 47 tag of a locale (``pt_BR`` → ``pt-BR``), as ``<html lang>`` must carry it."""
    return locale.replace("_", "-")


def page_path(locale: str) -> str:
    return f"{locale}/{PAGE_ID}.html"


def required() -> bool:
    return os.environ.get(REQUIRE_ENV) == "1"


def missing(what: str) -> None:
    """Skip for a missing tool, or fail when CI requires the tools."""
    if required():
        pytest.fail(f"{what} ({REQUIRE_ENV}=1: the browser tools are required here)", pytrace=False)
    pytest.skip(f"{what} (set {REQUIRE_ENV}=1 to make this a failure)")


# -- tools -------------------------------------------------------------------


def need_java() -> str:
    java = shutil.which("java")
    if java is None:
        missing("java is not installed: the Nu HTML Checker needs it (apt-get install default-jre-headless)")
    return java  # type: ignore[return-value]


def need_vnu() -> Path:
    if not VNU_JAR.is_file():
        missing(f"the Nu HTML Checker is not installed: no {VNU_JAR.relative_to(ROOT)}; {NPM_HINT}")
    return VNU_JAR


def need_axe() -> str:
    if not AXE_JS.is_file():
        missing(f"axe-core is not installed: no {AXE_JS.relative_to(ROOT)}; {NPM_HINT}")
    return AXE_JS.read_text(encoding="utf-8")


def need_browser() -> None:
    if importlib.util.find_spec("selenium") is None:
        missing("selenium is not installed: pip install -e '.[test]'")
    for path, package in ((CHROMIUM, "chromium"), (CHROMEDRIVER, "chromium-driver")):
        if not (path.is_file() and os.access(path, os.X_OK)):
            missing(f"{path} is missing: {APT_HINT} (package {package})")


# -- the site ----------------------------------------------------------------


@functools.cache
def _build(folder: Path) -> Path:
    """``trigger-content build folder`` run from the repository root, as a user would."""
    from trigger_content.cli import main

    with contextlib.chdir(ROOT):
        status = main(["build", str(folder)])
    assert status == 0, f"trigger-content build exited {status}"
    for locale in LOCALES:
        assert (folder / page_path(locale)).is_file(), f"the build has no {page_path(locale)}: was {locale} withheld?"
    assert (folder / "index.html").is_file()
    return folder


_SITE: list[Path] = []


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The folder that ``trigger-content build`` wrote, built once per session."""
    if not _SITE:
        _SITE.append(_build(tmp_path_factory.mktemp("site")))
    return _SITE[0]


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(folder: Path) -> Iterator[str]:
    """Serve ``folder`` on 127.0.0.1 at a free port; yield the base URL ending in ``/``."""
    handler = functools.partial(_QuietHandler, directory=str(folder))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, name="site-server", daemon=True)
    thread.start()
    try:
        host, port = server.server_address[:2]
        yield f"http://{host}:{port}/"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture(scope="session")
def site_url(built_site: Path) -> Iterator[str]:
    """The built site over HTTP: ``http://127.0.0.1:PORT/``."""
    with serve(built_site) as url:
        yield url


@pytest.fixture(scope="session")
def driver(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """One headless Chromium for the whole session, with a 375-pixel mobile viewport."""
    need_browser()
    from selenium import webdriver
    from selenium.common.exceptions import WebDriverException
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    # Both paths given: Selenium Manager has nothing to look up or download.
    options.binary_location = str(CHROMIUM)
    for argument in (
        "--headless=new",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--window-size=375,812",
        f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}",
    ):
        options.add_argument(argument)
    service = Service(executable_path=str(CHROMEDRIVER))
    try:
        browser = webdriver.Chrome(service=service, options=options)
    except WebDriverException as error:
        missing(f"Chromium did not start through {CHROMEDRIVER}: {error.msg or error}")
    try:
        browser.set_page_load_timeout(30)
        browser.set_script_timeout(30)
        # The emulated metrics stay for every page this tab opens.
        browser.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", MOBILE)
        yield browser
    finally:
        browser.quit()
