"""The built site in a real browser: headless Chromium, driven by Selenium.

The site that ``trigger-content build`` writes is served over HTTP on
127.0.0.1; one Chromium (Debian's, through /usr/bin/chromedriver) opens every
page at a 375-pixel mobile viewport and checks that it opens, that the language
switcher leads to each language, that nothing overflows sideways, and that
axe-core finds no accessibility violation. It saves a screenshot of each
language in artifacts/screenshots/.

Without Chromium, chromedriver, Selenium or axe-core (tests/browser/, ``npm
ci --ignore-scripts``) these tests are skipped, saying why; under
``TRIGGER_CONTENT_REQUIRE_BROWSER=1`` (CI) they fail instead.
"""

from __future__ import annotations

import base64
import struct
from pathlib import Path

import pytest

from conftest_browser import (  # noqa: F401 - built_site, site_url and driver are fixtures
    ARTIFACTS,
    ENDONYMS,
    LOCALES,
    MOBILE,
    built_site,
    driver,
    language_tag,
    need_axe,
    page_path,
    site_url,
)

SWITCHER = "nav.languages"


def _open(driver, url: str) -> None:  # type: ignore[no-untyped-def]
    driver.get(url)
    assert driver.execute_script("return document.readyState") == "complete"


def _status(driver) -> int | None:  # type: ignore[no-untyped-def]
    """The HTTP status of the page's own navigation, as the browser saw it."""
    return driver.execute_script("const [entry] = performance.getEntriesByType('navigation');return entry ? entry.responseStatus : null;")


@pytest.mark.parametrize("locale", LOCALES)
def test_every_language_opens(driver, site_url: str, locale: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    _open(driver, site_url + page_path(locale))
    assert _status(driver) == 200
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language_tag(locale)
    assert driver.title.strip(), "the <title> is empty"
    headings = driver.find_elements(By.TAG_NAME, "h1")
    assert len(headings) == 1, f"{len(headings)} <h1> elements"
    assert headings[0].text.strip(), "the <h1> is empty"
    assert headings[0].is_displayed()


def test_the_index_leads_to_every_language(driver, site_url: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By

    _open(driver, site_url + "index.html")
    assert _status(driver) == 200
    links = {link.get_attribute("hreflang"): link.get_attribute("href") for link in driver.find_elements(By.CSS_SELECTOR, "a[hreflang]")}
    assert links == {language_tag(locale): site_url + page_path(locale) for locale in LOCALES}


@pytest.mark.parametrize("locale", LOCALES[1:])
def test_the_language_switcher_leads_from_english_to(driver, site_url: str, locale: str) -> None:  # type: ignore[no-untyped-def]
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    source = LOCALES[0]
    _open(driver, site_url + page_path(source))
    entries = driver.find_elements(By.CSS_SELECTOR, f"{SWITCHER} a")
    assert [entry.get_attribute("hreflang") for entry in entries] == [language_tag(each) for each in LOCALES]
    for entry in entries:
        assert entry.get_attribute("lang") == entry.get_attribute("hreflang")
    link = driver.find_element(By.CSS_SELECTOR, f'{SWITCHER} a[hreflang="{language_tag(locale)}"]')
    assert link.text == ENDONYMS[locale]
    link.click()
    target = site_url + page_path(locale)
    WebDriverWait(driver, 10).until(lambda browser: browser.current_url == target, f"the click did not lead to {target}")
    assert driver.execute_script("return document.readyState") == "complete"
    assert _status(driver) == 200
    assert driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language_tag(locale)
    current = driver.find_elements(By.CSS_SELECTOR, f'{SWITCHER} [aria-current="page"]')
    assert len(current) == 1, f"{len(current)} switcher entries are marked current"
    assert current[0].text == ENDONYMS[locale]
    assert current[0].get_attribute("hreflang") == language_tag(locale)


#: Every rendered element whose box leaves the viewport sideways.
OVERFLOW = """
const width = arguments[0];
const describe = (element) => {
  const parts = [];
  for (let node = element; node && node.nodeType === 1 && parts.length < 4; node = node.parentElement) {
    let part = node.tagName.toLowerCase();
    if (node.id) part += '#' + node.id;
    if (node.classList.length) part += '.' + [...node.classList].join('.');
    parts.unshift(part);
  }
  return parts.join(' > ');
};
const offenders = [];
for (const element of document.querySelectorAll('body, body *')) {
  const box = element.getBoundingClientRect();
  if (box.width === 0 && box.height === 0) continue;
  if (box.right > width || box.left < 0) {
    offenders.push({
      element: describe(element),
      left: box.left,
      right: box.right,
      text: (element.textContent || '').trim().slice(0, 60),
    });
  }
}
return {
  innerWidth: window.innerWidth,
  clientWidth: document.documentElement.clientWidth,
  scrollWidth: document.documentElement.scrollWidth,
  offenders: offenders,
};
"""


@pytest.mark.parametrize("locale", LOCALES)
def test_nothing_overflows_a_375_pixel_viewport(driver, site_url: str, locale: str) -> None:  # type: ignore[no-untyped-def]
    _open(driver, site_url + page_path(locale))
    width = MOBILE["width"]
    layout = driver.execute_script(OVERFLOW, width)
    offenders = "\n".join(
        f"  {item['element']}: left {item['left']:.1f}, right {item['right']:.1f} ({item['text']!r})" for item in layout["offenders"]
    )
    # A mobile browser zooms out to show content wider than the device: then
    # window.innerWidth grows past 375, and the offenders say what is too wide.
    assert layout["clientWidth"] == width, f"the layout viewport is {layout['clientWidth']} px wide, not {width}:\n{offenders}"
    assert layout["innerWidth"] == width, f"the browser zoomed out to a {layout['innerWidth']} px wide viewport:\n{offenders}"
    assert layout["scrollWidth"] <= layout["innerWidth"], (
        f"the page is {layout['scrollWidth']} px wide in a {layout['innerWidth']} px viewport:\n{offenders}"
    )
    assert layout["offenders"] == [], f"elements beyond the {width} px viewport:\n{offenders}"


AXE_RUN = """
const done = arguments[arguments.length - 1];
(async () => {
  try {
    const results = await axe.run(document);
    done({
      version: axe.version,
      violations: results.violations.map((rule) => ({
        id: rule.id,
        impact: rule.impact,
        help: rule.help,
        helpUrl: rule.helpUrl,
        nodes: rule.nodes.map((node) => ({target: node.target, html: node.html, summary: node.failureSummary})),
      })),
    });
  } catch (error) {
    done({error: String(error)});
  }
})();
"""


@pytest.fixture(scope="session")
def axe_source() -> str:
    return need_axe()


def _violations(violations: list[dict]) -> str:
    lines = []
    for rule in violations:
        lines.append(f"{rule['id']} ({rule['impact']}): {rule['help']} <{rule['helpUrl']}>")
        for node in rule["nodes"]:
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html']}")
            lines.extend(f"      {line}" for line in (node["summary"] or "").splitlines())
    return "\n".join(lines)


@pytest.mark.parametrize("path", [*map(page_path, LOCALES), "index.html"])
def test_axe_finds_no_accessibility_violation(driver, site_url: str, axe_source: str, path: str) -> None:  # type: ignore[no-untyped-def]
    _open(driver, site_url + path)
    driver.execute_script(axe_source)
    result = driver.execute_async_script(AXE_RUN)
    assert "error" not in result, f"axe.run failed: {result.get('error')}"
    violations = result["violations"]
    assert violations == [], f"axe-core {result['version']} on {path}:\n{_violations(violations)}"


@pytest.mark.parametrize("locale", LOCALES)
def test_a_screenshot_of_each_language(driver, site_url: str, locale: str) -> None:  # type: ignore[no-untyped-def]
    _open(driver, site_url + page_path(locale))
    height = driver.execute_script("return Math.ceil(document.documentElement.scrollHeight)")
    shot = driver.execute_cdp_cmd(
        "Page.captureScreenshot",
        {
            "format": "png",
            "captureBeyondViewport": True,
            "clip": {"x": 0, "y": 0, "width": MOBILE["width"], "height": height, "scale": 1},
        },
    )
    data = base64.b64decode(shot["data"])
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, tall = struct.unpack(">II", data[16:24])
    assert (width, tall) == (MOBILE["width"], height)
    folder = ARTIFACTS / "screenshots"
    folder.mkdir(parents=True, exist_ok=True)
    path: Path = folder / f"{locale}.png"
    path.write_bytes(data)
