"""The studio in a real browser: headless Chromium, driven by Selenium, opens the page,
types into the editor, sees the preview change and an error beside its line, and downloads
both PDFs. Skipped only when Chromium or its driver is not installed (CI installs them)."""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from tests.studio import ZINE

pytest.importorskip("starlette", reason="the studio extra is not installed")
webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed")
Select = pytest.importorskip("selenium.webdriver.support.ui").Select

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
DRIVER = shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None or DRIVER is None,
    reason="headless Chromium is not installed (apt-get install chromium chromium-driver)",
)

SCREENSHOT = os.environ.get("ZINEKIT_STUDIO_SCREENSHOT")  # a path to keep the picture at


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    folder = tmp_path / "zine"
    folder.mkdir()
    (folder / "lingkar.yaml").write_text(ZINE, encoding="utf-8")
    with subprocess.Popen(
        # `--lang id`: the page starts in the server's language, and so do its build errors.
        [
            sys.executable,
            "-m",
            "zinekit",
            "--lang",
            "id",
            "studio",
            str(folder / "lingkar.yaml"),
            "--no-browser",
        ],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    ) as server:
        try:
            assert server.stdout is not None
            url = server.stdout.readline().strip()
            assert url.startswith("http://127.0.0.1:") and "/?token=" in url
            yield url, folder
        finally:
            server.terminate()
            server.wait(timeout=30)


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Any]:
    from selenium.webdriver.chrome.service import Service

    downloads = tmp_path / "unduhan"
    downloads.mkdir()
    options = webdriver.ChromeOptions()
    for flag in (
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1400,1000",
        "--lang=id",
        f"--user-data-dir={tmp_path / 'profil'}",
    ):
        options.add_argument(flag)
    options.binary_location = CHROMIUM
    options.add_experimental_option(
        "prefs",
        {
            "download.default_directory": str(downloads),
            "download.prompt_for_download": False,
            "intl.accept_languages": "id",
        },
    )
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    driver = webdriver.Chrome(options=options, service=Service(DRIVER))
    driver.downloads = downloads
    try:
        yield driver
    finally:
        driver.quit()


def wait(what: Any, timeout: float = 60) -> Any:
    """What `what()` returns once it is true; the page may redraw meanwhile (a build that
    finished), which leaves found elements stale: then it looks again."""
    from selenium.common.exceptions import StaleElementReferenceException

    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            value = what()
        except StaleElementReferenceException:
            continue
        if value:
            return value
        time.sleep(0.05)
    raise AssertionError("waited in vain")


def first_picture(driver: Any) -> Any:
    """The first reading page in the preview, once it has loaded."""
    for img in driver.find_elements("css selector", "#preview img"):
        if driver.execute_script("return arguments[0].complete && arguments[0].naturalWidth", img):
            return img
    return None


def replace_text(driver: Any, old: str, new: str) -> None:
    """Select `old` in the editor and type `new` over it, key by key."""
    editor = driver.find_element("id", "text")
    at = editor.get_property("value").index(old)
    editor.click()
    driver.execute_script(
        "arguments[0].setSelectionRange(arguments[1], arguments[2])", editor, at, at + len(old)
    )
    editor.send_keys(new)


def test_write_see_fix_and_download_in_the_browser(served: tuple[str, Path], browser: Any) -> None:
    url, folder = served
    browser.get(url)
    picture = wait(lambda: first_picture(browser))
    generation = picture.get_attribute("data-generation")
    before = picture.screenshot_as_png
    assert browser.find_element("id", "status").text == "Tersimpan"  # Indonesian first
    assert "Halaman baca" in browser.find_element("css selector", "[data-view=reading]").text

    # Type a new heading: the preview changes (a new build, a different picture).
    browser.find_element("id", "autosave").click()  # off: this test saves with the button
    replace_text(browser, "Selamat datang", "Kabar dari lingkar")
    assert browser.find_element("id", "status").text == "Belum disimpan"
    browser.find_element("id", "save").click()
    picture = wait(
        lambda: (
            (p := first_picture(browser)) and p.get_attribute("data-generation") != generation and p
        )
    )
    assert wait(lambda: first_picture(browser).screenshot_as_png) != before
    assert "Kabar dari lingkar" in (folder / "lingkar.yaml").read_text(encoding="utf-8")

    # A mistake on line 6: its message appears beside line 6, and the line number is marked.
    replace_text(browser, "  - text:", "  - teks:")
    browser.find_element("id", "save").click()
    mark = wait(lambda: browser.find_elements("css selector", "#marks .mark"))[0]
    assert mark.get_attribute("data-line") == "6"
    assert "baris 6:5" in mark.text and "teks" in mark.text
    editor = browser.find_element("id", "text")
    line_top = editor.rect["y"] + 8 + 5 * 20  # the editor's padding, 20 px a line
    assert abs(mark.rect["y"] - line_top) < 3
    # ...after the line's own text, never over it: where the text of line 6 ends, measured
    # in the editor's font.
    text_end = browser.execute_script(
        "const t = document.getElementById('text');"
        "const c = document.createElement('canvas').getContext('2d');"
        "const s = getComputedStyle(t); c.font = s.fontSize + ' ' + s.fontFamily;"
        "return t.getBoundingClientRect().left + 8 + c.measureText(t.value.split('\\n')[5]).width;"
    )
    assert mark.rect["x"] >= text_end
    bad = browser.find_elements("css selector", "#gutter .bad")
    assert [b.text for b in bad] == ["6"]
    problems = browser.find_element("id", "problems").text
    assert "lingkar.yaml:6:5" in problems and "(saran: " in problems  # in the page's language
    assert browser.find_element("id", "status").text == "Ada yang perlu dibetulkan"

    # The language picker: the page's words and the build's errors switch to English.
    Select(browser.find_element("id", "lang")).select_by_value("en")
    wait(lambda: "(hint: " in browser.find_element("id", "problems").text)
    assert "lingkar.yaml:6:5" in browser.find_element("id", "problems").text
    assert "line 6:5" in browser.find_element("css selector", "#marks .mark").text
    assert browser.find_element("id", "status").text == "Something needs fixing"
    Select(browser.find_element("id", "lang")).select_by_value("id")
    wait(lambda: "(saran: " in browser.find_element("id", "problems").text)
    assert browser.find_element("id", "status").text == "Ada yang perlu dibetulkan"
    # Meanwhile the last good preview stays, dimmed.
    assert wait(lambda: first_picture(browser))
    assert browser.find_elements("css selector", "#preview.old img")

    # Fixed again: the marks go, the checklist and the download buttons come back.
    replace_text(browser, "  - teks:", "  - text:")
    browser.find_element("id", "save").click()
    wait(lambda: not browser.find_elements("css selector", "#marks .mark"))
    checklist = wait(lambda: browser.find_element("id", "checklist").text)
    assert "100%" in checklist and "satu sisi" in checklist  # the mini-zine: one side
    assert "100%" in browser.find_element("id", "printing").text
    # The mini-zine prints on one side: no double-sided picker to mislead.
    assert not browser.find_element("id", "duplex-pick").is_displayed()
    assert browser.find_element("id", "opt-layout").is_displayed()
    if SCREENSHOT:
        browser.save_screenshot(SCREENSHOT)

    wait(lambda: browser.find_elements("id", "download-print"))[0].click()
    browser.find_element("id", "download-reading").click()
    pdfs = browser.downloads
    wait(lambda: {p.name for p in pdfs.glob("*.pdf")} == {"lingkar.pdf", "lingkar.reading.pdf"})
    reading = PdfReader(io.BytesIO((pdfs / "lingkar.reading.pdf").read_bytes()))
    assert "Kabar dari lingkar" in reading.pages[0].extract_text()
    imposed = PdfReader(io.BytesIO((pdfs / "lingkar.pdf").read_bytes()))
    assert len(imposed.pages) == 1  # the mini-zine: one sheet side with all eight pages
    page = imposed.pages[0]
    assert page.mediabox.width > page.mediabox.height
    assert "Kabar dari lingkar" in page.extract_text()

    errors = [e for e in browser.get_log("browser") if e["level"] == "SEVERE"]
    assert not errors
