"""The dashboard in headless Chromium, over the real server and the demo store.

The demo's copies: 13_new_sanctions_meridian_copy reverses the "rejected" of 12_new_sanctions_atlantic
into "accepted" (a polarity flip). A hostile article (script in its title, outlet and text) is posted
through the API with the operator's token and must show as text everywhere, with no alert firing.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.serve.conftest import SCREENSHOTS, Server, running_server

WAIT_SECONDS = 30
TOKEN = "test-write-token"
HOSTILE_TITLE = "<script>alert(1)</script>"
HOSTILE = {
    "id": "hostile",
    "title": HOSTILE_TITLE,
    "outlet": "<b>Evil Outlet</b>",
    "published": "2020-01-09",
    "text": (
        f"{HOSTILE_TITLE}\n\nThe United States imposed new sanctions on Iran on Thursday. "
        'Iran condemned the <img src=x onerror="alert(2)"> sanctions.'
    ),
}

pytestmark = pytest.mark.filterwarnings("ignore::ResourceWarning")  # selenium's keep-alive sockets


@pytest.fixture(scope="module")
def dashboard(demo_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    folder = tmp_path_factory.mktemp("dashboard")
    db = folder / "dashboard.duckdb"
    shutil.copy(demo_store, db)
    with running_server(db, folder, DETENTE_API_TOKEN=TOKEN) as server:
        posted = httpx.post(
            f"{server.base}/api/articles", json=HOSTILE, headers={"Authorization": f"Bearer {TOKEN}"}, timeout=180
        )
        assert posted.status_code == 201, posted.text
        assert posted.json()["articles_new"] == 1
        yield server


def _wait(driver: Any, css: str, count: int = 1) -> list[Any]:
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import WebDriverWait

    def found(d: Any) -> list[Any] | bool:
        elements = d.find_elements(By.CSS_SELECTOR, css)
        return elements if len(elements) >= count else False

    from selenium.common.exceptions import TimeoutException

    try:
        return WebDriverWait(driver, WAIT_SECONDS).until(found)  # type: ignore[no-any-return]
    except TimeoutException as timeout:
        shot = _shot(driver, "failed-wait")
        logs = driver.get_log("browser")
        raise AssertionError(
            f"no {css!r} on {driver.current_url} (screenshot {shot}); page: {_text(driver)!r}; {logs}"
        ) from timeout


def _text(driver: Any, css: str = "body") -> str:
    from selenium.webdriver.common.by import By

    return str(driver.find_element(By.CSS_SELECTOR, css).text)


def _no_alert(driver: Any) -> None:
    from selenium.common.exceptions import NoAlertPresentException

    try:
        alert = driver.switch_to.alert
    except NoAlertPresentException:
        return
    message = alert.text
    alert.dismiss()
    raise AssertionError(f"a script from the data ran: alert({message!r})")


def _shot(driver: Any, name: str) -> Path:
    SCREENSHOTS.mkdir(exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def _open(driver: Any, server: Server, fragment: str) -> None:
    driver.get("about:blank")  # a fresh page load each time, not only a hash change of the last one
    driver.get(f"{server.base}/{fragment}")


def test_dyad_view_click_a_point_shows_its_events_with_evidence(dashboard: Server, browser: Any) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get_log("browser")  # drop what earlier pages logged
    _open(browser, dashboard, "#/dyad?pair=IRN-USA&by=month")
    _wait(browser, "#chart.js-plotly-plot")
    traces = _wait(browser, "#chart .scatterlayer .trace", count=2)  # the temperature line, then the alerts
    temperature_points = traces[0].find_elements("css selector", ".points path")
    dyad = httpx.get(f"{dashboard.base}/api/dyad/IRN/USA").json()
    assert dyad["alerts"], "the demo's IRN–USA series has alerts"
    markers = traces[1].find_elements("css selector", ".points path")
    assert len(markers) == len(dyad["alerts"]), "every alert is marked on the chart"
    for alert in dyad["alerts"]:
        assert alert["direction"] in _text(browser, "#alerts")
    periods = dyad["series"]
    index = [p["period"] for p in periods].index("2020-01")
    ActionChains(browser).move_to_element(temperature_points[index]).click().perform()
    cards = _wait(browser, "#period-events .event-card")
    assert "2020-01" in _text(browser, "#period-events h2")
    assert len(cards) == periods[index]["events"]
    triggers = _wait(browser, "#period-events mark.trigger")
    assert all(t.text.strip() for t in triggers), "each evidence sentence has its trigger marked"
    assert any("Soleimani" in card.text for card in cards)
    _shot(browser, "dyad-view")
    severe = [entry for entry in browser.get_log("browser") if entry["level"] == "SEVERE"]
    assert not severe, f"the page logged errors (CSP or script): {severe}"


def test_copy_view_marks_the_polarity_flip(dashboard: Server, browser: Any) -> None:
    _open(browser, dashboard, "#/copies")
    _wait(browser, "tr.copy-row", count=3)
    assert "POLARITY FLIPPED" in _text(browser, "main")
    _open(browser, dashboard, "#/copy/13_new_sanctions_meridian_copy")
    (flipped,) = _wait(browser, "tr.aligned-row.change-polarity_flipped")
    assert "POLARITY FLIPPED" in flipped.text and "rejected → accepted" in flipped.text
    deleted = [d.text for d in flipped.find_elements("css selector", "del.diff")]
    inserted = [i.text for i in flipped.find_elements("css selector", "ins.diff")]
    assert "rejected" in " ".join(deleted) and "accepted" in " ".join(inserted)
    assert "POLARITY FLIPPED" in _text(browser, "#flip-warning")
    assert browser.find_element("css selector", "tr.change-polarity_flipped td").value_of_css_property(
        "background-color"
    ) not in ("rgba(0, 0, 0, 0)", "rgb(255, 255, 255)")
    copy = httpx.get(f"{dashboard.base}/api/copies", params={"article": "13_new_sanctions_meridian_copy"}).json()[0]
    assert f"Dropped from the original ({len(copy['dropped'])})" in _text(browser, "#dropped")
    assert f"Added by the copy ({len(copy['added'])})" in _text(browser, "#added")
    assert "Original" in _text(browser, ".side-by-side") and "Copy" in _text(browser, ".side-by-side")
    _shot(browser, "copy-view")


def test_events_table_filters_and_empty_state(dashboard: Server, browser: Any) -> None:
    from selenium.webdriver.support.ui import Select

    _open(browser, dashboard, "#/events")
    _wait(browser, "tr.event-row")
    Select(browser.find_element("name", "type")).select_by_value("ASSAULT")
    browser.find_element("name", "country").send_keys("IRQ")
    browser.find_element("css selector", "form.filters button").click()
    _wait(browser, "#events-results .muted")
    rows = _wait(browser, "tr.event-row")
    expected = httpx.get(f"{dashboard.base}/api/events", params={"type": "ASSAULT", "country": "IRQ"}).json()
    assert expected["total"] > 0 and len(rows) == min(expected["total"], 50)
    assert all("ASSAULT" in row.text for row in rows)
    assert "type=ASSAULT" in browser.current_url
    _shot(browser, "events-table")
    _open(browser, dashboard, "#/events?dyad=FRA-DEU")
    _wait(browser, "#events-results .empty")
    assert "No events match" in _text(browser, "#events-results")


def test_article_page_marks_its_events_in_the_text(dashboard: Server, browser: Any) -> None:
    _open(browser, dashboard, "#/article/12_new_sanctions_atlantic")
    marks = _wait(browser, ".article-text mark.trigger")
    assert "Atlantic Monitor" in _text(browser, "main")
    assert "copied" in _text(browser, "main").lower(), "the article says who copied it"
    article = httpx.get(f"{dashboard.base}/api/articles/12_new_sanctions_atlantic").json()
    assert len(marks) >= min(3, len(article["events"]))
    marks[0].find_element("css selector", "a").click()
    _wait(browser, ".event-card")
    assert "#/event/" in browser.current_url
    _shot(browser, "article-page")


def test_a_hostile_title_shows_as_text_everywhere_and_no_script_runs(dashboard: Server, browser: Any) -> None:
    pages = ["#/articles", "#/article/hostile", "#/events?article=hostile", "#/dyad?pair=IRN-USA"]
    for fragment in pages:
        _open(browser, dashboard, fragment)
        _wait(browser, "main section")
        _no_alert(browser)
    _open(browser, dashboard, "#/articles")
    _wait(browser, "tr.article-row")
    assert HOSTILE_TITLE in _text(browser, "main")
    _open(browser, dashboard, "#/article/hostile")
    _wait(browser, "#article-title")
    _no_alert(browser)
    assert _text(browser, "#article-title") == HOSTILE_TITLE
    assert "<b>Evil Outlet</b>" in _text(browser, "main")
    assert 'onerror="alert(2)"' in _text(browser, ".article-text")
    assert not browser.find_elements("css selector", "main img, main b, main script")
    events = httpx.get(f"{dashboard.base}/api/events", params={"article": "hostile"}).json()["events"]
    if events:  # the event's page names the article by its title, as text
        _open(browser, dashboard, f"#/event/{events[0]['event_id']}")
        _wait(browser, ".event-card")
        _no_alert(browser)
        assert HOSTILE_TITLE in _text(browser, "main")
    _shot(browser, "hostile-article")


def test_error_pages_and_unknown_routes(dashboard: Server, browser: Any) -> None:
    _open(browser, dashboard, "#/event/no-such-event")
    _wait(browser, "section.error")
    assert "Not found" in _text(browser, "section.error")
    _open(browser, dashboard, "#/nowhere")
    _wait(browser, "section.error")
    assert "Not found" in _text(browser, "section.error")
    browser.get(f"{dashboard.base}/nowhere/<script>alert(3)</script>")
    _wait(browser, ".error-page")
    _no_alert(browser)
    assert "Page not found" in _text(browser, ".error-page")
