"""Regenerate docs/example-network.png: the example corpus's network as a person sees it.

    python scripts/screenshot_network.py

Loads examples/ into a temporary store, runs `socialkg network`, opens the page in
headless Chromium (Debian's chromium + chromium-driver), selects the strongest tie so
the evidence panel shows, and saves a screenshot.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.webdriver.chrome.service import Service

ROOT = Path(__file__).resolve().parents[1]


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        store, page = Path(tmp) / "store", Path(tmp) / "network.html"
        run = [sys.executable, "-m", "socialkg.cli", "--store", str(store)]
        subprocess.run([*run, "load", str(ROOT / "examples")], check=True)
        subprocess.run([*run, "network", "--html", str(page), "--title", "Example corpus: partnership network",
                        "--with-coparticipation"],
                       check=True)
        options = webdriver.ChromeOptions()
        options.binary_location = "/usr/bin/chromium"
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--no-first-run", f"--user-data-dir={tmp}/profile",
                    "--window-size=1500,900"):
            options.add_argument(arg)
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        try:
            driver.get(page.as_uri())
            for _ in range(120):  # the page settles its layout, then stops moving
                if driver.execute_script("return window.socialkg && socialkg.ready"):
                    break
                time.sleep(0.25)
            driver.execute_script(
                "var e = socialkg.data.edges.filter(x => x.kind === 'cooperation')"
                ".sort((a, b) => b.n - a.n)[0];"
                " if (e) { socialkg.network.selectEdges([e.id]); socialkg.showEdge(e.id, true); }")
            time.sleep(1)
            driver.save_screenshot(str(ROOT / "docs" / "example-network.png"))
        finally:
            driver.quit()
    print("wrote docs/example-network.png", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
