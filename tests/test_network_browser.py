"""The network page in real headless Chromium: it draws, stays offline, shows evidence.

Needs the Debian packages `chromium` and `chromium-driver` (skipped without them).
The page is rendered from a real store built from the hand-made graph in
`network_fixture.py` (11 organisations, 7 cooperations, 2 co-participations).
"""

from __future__ import annotations

import importlib.util
import json
import os
import shutil
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"

pytestmark = pytest.mark.browser
if not (os.path.exists(CHROMIUM) and os.path.exists(CHROMEDRIVER)):
    pytest.skip("needs Debian chromium and chromium-driver", allow_module_level=True)
webdriver = pytest.importorskip("selenium.webdriver")
from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.action_chains import ActionChains  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402
from selenium.webdriver.support.ui import WebDriverWait  # noqa: E402

from socialkg.graph.network import build_network  # noqa: E402
from socialkg.graph.render import render_html  # noqa: E402

_spec = importlib.util.spec_from_file_location("network_fixture", Path(__file__).with_name("network_fixture.py"))
fixture = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(fixture)

TITLE = 'Sieć współpracy <script>alert("x")</script> & „ty”'
A = "Miejski Ośrodek Pomocy Społecznej w Kaliszu"
B = "Powiatowe Centrum Pomocy Rodzinie w Kaliszu"
WAIT = 60  # seconds to wait for a condition; the waits are not timing assertions


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("network-page")
    store = fixture.build_store(folder / "store")
    try:
        G = build_network(store, with_coparticipation=True)
    finally:
        store.close()
    path = folder / "network.html"
    path.write_text(render_html(G, title=TITLE, query_description=G.graph["query"]), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    profile = tmp_path_factory.mktemp("chromium-profile")
    for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--no-first-run", "--disable-dev-shm-usage",
                f"--user-data-dir={profile}", "--window-size=1400,900", "--lang=pl"):
        options.add_argument(arg)
    options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
    driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
    yield driver
    driver.quit()


REQUESTS: list[dict] = []  # every request Chromium reported while the page was open


def collect_requests(driver) -> list[dict]:
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            params = message["params"]
            REQUESTS.append({"url": params["request"]["url"], "document": params.get("documentURL", "")})
    return REQUESTS


@pytest.fixture(scope="module")
def opened(browser, page):
    browser.get("about:blank")
    browser.get_log("performance")  # drop what the browser did on its own before our page
    browser.get(page.as_uri())
    WebDriverWait(browser, WAIT).until(lambda d: d.execute_script("return !!(window.socialkg && socialkg.ready)"))
    collect_requests(browser)
    return browser


def js(driver, script: str, *args):
    return driver.execute_script(script, *args)


def panel_text(driver) -> str:
    return driver.find_element(By.ID, "panel").text


def edge_point(driver, edge_id: int) -> tuple[float, float]:
    """The middle of an edge, in pixels from the network container's centre (Selenium's origin)."""
    return tuple(js(driver, """
        var e = socialkg.data.edges[arguments[0]], net = socialkg.network;
        var p = net.getPositions([e.from, e.to]);
        var a = net.canvasToDOM(p[e.from]), b = net.canvasToDOM(p[e.to]);
        var box = document.getElementById('network');
        return [(a.x + b.x) / 2 - box.clientWidth / 2, (a.y + b.y) / 2 - box.clientHeight / 2];
    """, edge_id))


def edge_id(driver, a: str, b: str) -> int:
    return js(driver, """
        var d = socialkg.data, names = {}, want = [arguments[0], arguments[1]].sort().join('|');
        d.nodes.forEach(function (n) { names[n.id] = n.name; });
        return d.edges.filter(function (e) { return [names[e.from], names[e.to]].sort().join('|') === want; })[0].id;
    """, a, b)


def wait_until_still(driver) -> None:
    last = [None]

    def still(d):
        view = js(d, "var n = socialkg.network, p = n.getViewPosition(); return [p.x, p.y, n.getScale()]")
        same, last[0] = view == last[0], view
        return same

    WebDriverWait(driver, WAIT, poll_frequency=0.3).until(still)


def test_network_draws_every_node_and_edge(opened):
    counts = js(opened, """var body = socialkg.network.body;
        function shown(items) { return Object.values(items).filter(function (x) { return !x.options.hidden; }).length; }
        return [socialkg.nodes.length, socialkg.edges.length, shown(body.nodes), shown(body.edges),
                socialkg.stabilizedAt !== null]""")
    assert counts == [11, 9, 11, 9, True]
    # Something was really painted on the canvas, not just loaded.
    painted = js(opened, """
        var c = document.querySelector('#network canvas'), d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
        var n = 0; for (var i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 200 || d[i + 1] < 200)) n++;
        return n;""")
    assert painted > 2000
    header = opened.find_element(By.ID, "counts").text
    for part in ("11\norganisations", "7\ncooperations", "2\nco-participations", "5\nsources"):
        assert part in header


def test_title_and_names_stay_text(opened):
    assert opened.title == TITLE
    assert opened.find_element(By.ID, "title").text == TITLE
    assert js(opened, "return document.scripts.length") == 3  # data, vis-network, page: nothing injected
    assert js(opened, "return document.characterSet") == "UTF-8"


def test_clicking_an_edge_shows_its_evidence(opened):
    ab = edge_id(opened, A, B)
    x, y = edge_point(opened, ab)
    ActionChains(opened).move_to_element_with_offset(opened.find_element(By.ID, "network"), int(x), int(y)).click().perform()
    WebDriverWait(opened, WAIT).until(lambda d: "podpisały porozumienie" in panel_text(d))
    assert js(opened, "return socialkg.network.getSelectedEdges()") == [ab]
    text = panel_text(opened)
    for part in (A, B, "Independent sources\n3", "Joint project", "Agreement", "Stated cooperation",
                 "„MOPS i PCPR podpisały porozumienie o współpracy.”", "Project: Rodzina w Centrum",
                 "Porozumienie MOPS i PCPR w Kaliszu; Forum Ekonomii Społecznej · 2023-06-01",
                 "file:///corpus/pl-001.txt"):
        assert part in text
    collect_requests(opened)


def test_hovering_an_edge_shows_its_evidence_and_markup_stays_text(opened):
    # Click empty canvas first: a click pins the panel, hovering only fills an unpinned one.
    box = opened.find_element(By.ID, "network")
    ActionChains(opened).move_to_element_with_offset(box, -box.size["width"] // 2 + 5, -box.size["height"] // 2 + 5).click().perform()
    WebDriverWait(opened, WAIT).until(lambda d: "Hover over or click a line" in panel_text(d))
    ac = edge_id(opened, A, fixture.TRICKY)
    x, y = edge_point(opened, ac)
    ActionChains(opened).move_to_element_with_offset(box, int(x), int(y)).perform()
    WebDriverWait(opened, WAIT).until(lambda d: "Przyjaciele" in panel_text(d))
    text = panel_text(opened)
    assert fixture.TRICKY in text
    assert 'MOPS współpracuje z fundacją „Dom" <b>Nadziei</b> & Przyjaciele.' in text
    assert 'Projekt „Rodzina w Centrum” <b>rusza</b> & "nowe" wsparcie' in text
    # No element was made from the names' markup.
    assert js(opened, "return Array.from(document.querySelectorAll('#panel b')).map(b => b.textContent)") == []


def test_diacritics_in_search_tooltip_and_panel(opened):
    search = opened.find_element(By.ID, "search")
    search.clear()
    search.send_keys("laka")  # folded: finds Łąka
    results = opened.find_element(By.ID, "search-results")
    WebDriverWait(opened, WAIT).until(lambda d: "Łąka" in results.text)
    assert results.text == "Stowarzyszenie Wędrująca Łąka (Toruń)"
    search.clear()
    search.send_keys("Žďár")
    WebDriverWait(opened, WAIT).until(lambda d: "charita" in results.text)
    results.find_element(By.TAG_NAME, "li").click()
    WebDriverWait(opened, WAIT).until(lambda d: "Oblastní charita Žďár nad Sázavou" in panel_text(d))
    text = panel_text(opened)
    assert "Úřad práce České republiky – krajská pobočka v Brně" in text
    # The hover card of a node, with the full name: show the whole network first (the
    # search zoomed in on the charity, which may leave its partner off-screen).
    wait_until_still(opened)
    js(opened, "socialkg.network.fit({animation: false})")
    wait_until_still(opened)
    j = js(opened, "return socialkg.data.nodes.find(n => n.name.startsWith('Dům')).id")
    x, y = js(opened, """
        var net = socialkg.network, p = net.canvasToDOM(net.getPositions([arguments[0]])[arguments[0]]);
        var box = document.getElementById('network');
        return [p.x - box.clientWidth / 2, p.y - box.clientHeight / 2];""", j)
    ActionChains(opened).move_to_element_with_offset(opened.find_element(By.ID, "network"), int(x), int(y)).perform()
    tip = opened.find_element(By.ID, "tooltip")
    WebDriverWait(opened, WAIT).until(lambda d: tip.is_displayed() and "Dům" in tip.text)
    assert "Dům na půl cesty Brno" in tip.text and "Social services centre · Brno" in tip.text
    assert "Úřad práce České republiky – krajská pobočka v Brně" in tip.text  # strongest partner
    collect_requests(opened)


def test_filters_in_the_page(opened):
    def shown():
        # What vis draws must agree with what the page counts.
        return js(opened, """var body = socialkg.network.body;
            function shown(items) { return Object.values(items).filter(function (x) { return !x.options.hidden; }).length; }
            var drawn = [shown(body.nodes), shown(body.edges)], counted = socialkg.shownCounts();
            return drawn[0] === counted[0] && drawn[1] === counted[1] ? drawn : [drawn, counted];""")

    rows = opened.find_elements(By.CSS_SELECTOR, "#evidence-filter label")
    coparticipation = next(r for r in rows if "Co-participation" in r.text)
    coparticipation.click()
    assert shown() == [11, 7]
    js(opened, "var r = document.getElementById('min-sources'); r.value = '2'; r.dispatchEvent(new Event('input'));")
    assert shown() == [11, 1]
    opened.find_element(By.ID, "hide-isolated").click()
    assert shown() == [2, 1]
    opened.find_element(By.ID, "reset").click()
    assert shown() == [11, 9]
    ngo = next(r for r in opened.find_elements(By.CSS_SELECTOR, "#type-filter label") if r.text.startswith("NGO"))
    ngo.click()
    assert shown() == [8, 6]  # NGOs: the Kalisz foundation, the Toruń association, the Czech charity
    opened.find_element(By.ID, "reset").click()
    assert "Showing 11 of 11 organisations, 7 cooperations and 2 co-participations." in opened.find_element(By.ID, "shown").text


def test_screenshot_reads(opened, tmp_path_factory):
    path = tmp_path_factory.mktemp("screenshots") / "network.png"
    ab = edge_id(opened, A, B)
    js(opened, "socialkg.selectEdge(arguments[0])", ab)
    assert opened.save_screenshot(str(path))
    assert path.stat().st_size > 20_000
    target = os.environ.get("SOCIALKG_SCREENSHOT")
    if target:  # keep a copy for a person to look at
        shutil.copy(path, target)


def test_no_request_leaves_the_machine(opened):
    """Run last: covers loading and every interaction above."""
    requests = collect_requests(opened)
    ours = [r for r in requests if r["document"].startswith("file:") or r["url"].startswith("file:")]
    assert any(r["url"] == opened.current_url for r in ours)
    bad = [r["url"] for r in requests if not r["url"].startswith(("file:", "data:"))
           and (r["document"].startswith("file:") or r["url"].startswith(("http:", "https:", "ws:", "wss:")))]
    assert bad == []
    errors = [e for e in opened.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
