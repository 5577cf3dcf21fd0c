"""Studio benchmark: from a save in the page to the updated preview in the page, for the
16-page sample (samples/kabar-sebaya.yaml), with a warm server.

Starts `zinekit studio` on a copy of the sample (its images beside it) and drives headless
Chromium (Debian's chromium and chromium-driver, through selenium): each run changes one
word in the editor, presses Save, and stops the clock when the first reading page of the new
build has loaded in the page. The first runs warm the server (imports, fonts, dictionaries)
and are not counted. Without Chromium it says so and measures the same over HTTP alone
(save, the build's event, the picture).

    python benchmarks/studio.py [--runs N]

Target: under 0.6 s (the median; the slowest run is shown too).
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
SAMPLES = HERE.parent / "samples"
SAMPLE = "kabar-sebaya.yaml"
TARGET = 0.6
WARM_UP = 3
PAUSE = 1.0  # seconds between saves, for the previous build's pictures to finish
WORD = "Menanam di sela tembok"  # the cover's subtitle: page 1 changes with it

FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-dev-shm-usage",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

# Runs in the page: type the change, save, resolve when the new first page has loaded.
SAVE_AND_WAIT = """
const [word, done] = [arguments[0], arguments[arguments.length - 1]];
const editor = document.getElementById("text");
const before = document.querySelector("#preview img").dataset.generation;
const at = editor.value.indexOf(word);
editor.setRangeText(word.replace(/\\d*$/, String(Date.now() % 1000)), at, at + word.length);
editor.dispatchEvent(new Event("input"));
const began = performance.now();
document.getElementById("save").click();
(function look() {
  const img = document.querySelector("#preview img");
  if (img && img.dataset.generation !== before && img.complete && img.naturalWidth) {
    done((performance.now() - began) / 1000);
  } else {
    setTimeout(look, 2);
  }
})();
"""


def start_studio(folder: Path) -> tuple[subprocess.Popen[str], str]:
    server = subprocess.Popen(
        [sys.executable, "-m", "zinekit", "studio", str(folder / SAMPLE), "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
    )
    assert server.stdout is not None
    return server, server.stdout.readline().strip()


def in_browser(url: str, runs: int) -> list[float]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    options = webdriver.ChromeOptions()
    for flag in [*FLAGS, f"--user-data-dir={tempfile.mkdtemp(prefix='zinekit-bench-')}"]:
        options.add_argument(flag)
    options.binary_location = shutil.which("chromium") or ""
    driver = webdriver.Chrome(options=options, service=Service(shutil.which("chromedriver")))
    driver.set_script_timeout(60)
    try:
        driver.get(url)
        end = time.monotonic() + 120
        while not driver.execute_script(
            "const i = document.querySelector('#preview img'); return i && i.naturalWidth"
        ):
            if time.monotonic() > end:
                raise SystemExit("the page never showed a preview")
            time.sleep(0.05)
        driver.find_element("id", "autosave").click()  # saves come from the button only
        driver.execute_script(
            "const e = document.getElementById('text');"
            "e.value = e.value.replace(arguments[0], arguments[0] + ' 0');"
            "e.dispatchEvent(new Event('input'));",
            WORD,
        )
        word = WORD + " 0"
        times = []
        for n in range(WARM_UP + runs):
            seconds = driver.execute_async_script(SAVE_AND_WAIT, word)
            word = driver.execute_script(
                "return document.getElementById('text').value.match(arguments[0])[0]",
                WORD + r" \d+",
            )
            if n >= WARM_UP:
                times.append(seconds)
            time.sleep(PAUSE)
        return times
    finally:
        driver.quit()


def over_http(url: str, folder: Path, runs: int) -> list[float]:
    base, token = url.split("/?token=")
    headers = {"X-Zinekit-Token": token, "Origin": base}
    events = urllib.request.urlopen(
        urllib.request.Request(f"{base}/api/events", headers=headers), timeout=60
    )
    text = (folder / SAMPLE).read_text(encoding="utf-8")
    times = []
    for n in range(WARM_UP + runs):
        changed = text.replace(WORD, f"{WORD} {n}")
        began = time.perf_counter()
        put = urllib.request.Request(
            f"{base}/api/file?path={SAMPLE}", data=changed.encode(), method="PUT", headers=headers
        )
        urllib.request.urlopen(put, timeout=60).read()
        while True:
            line = events.readline().decode()
            if line.startswith("data: "):
                event = json.loads(line[6:])
                if event["type"] == "built":
                    break
        picture = f"{base}/api/picture/{event['generation']}/reading/0.png"
        urllib.request.urlopen(urllib.request.Request(picture, headers=headers)).read()
        if n >= WARM_UP:
            times.append(time.perf_counter() - began)
        time.sleep(PAUSE)
    return times


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="zinekit-studio-") as folder:
        work = Path(folder)
        shutil.copy(SAMPLES / SAMPLE, work / SAMPLE)
        shutil.copytree(SAMPLES / "images", work / "images")
        server, url = start_studio(work)
        try:
            browser = shutil.which("chromium") and shutil.which("chromedriver")
            if browser:
                how, times = "in headless Chromium", in_browser(url, args.runs)
            else:
                print("chromium or chromedriver is not installed: measuring over HTTP only")
                how, times = "over HTTP", over_http(url, work, args.runs)
            http = over_http(url, work, args.runs) if browser else times
        finally:
            server.terminate()
            server.wait(timeout=30)
    median, slowest = statistics.median(times), max(times)
    verdict = "ok" if median < TARGET else "FAIL"
    print(
        f"save to preview, {SAMPLE} (16 pages), warm, {how}: median {median:.3f} s,"
        f" slowest {slowest:.3f} s of {len(times)} (target < {TARGET} s): {verdict}"
    )
    if browser:
        print(
            f"the same over HTTP (save, build event, first picture): median"
            f" {statistics.median(http):.3f} s, slowest {max(http):.3f} s"
        )
    return 0 if verdict == "ok" else 1


if __name__ == "__main__":
    sys.exit(main())
