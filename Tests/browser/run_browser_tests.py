#!/usr/bin/env python3
"""The built site in a real browser: builds content/ with docgen, opens the pages from file:// in
headless Chromium and checks what a reader does (pick a role, search, switch theme, use tabs and
the lightbox, read without JavaScript), scans every kind of page with axe-core, crawls the links
with linkchecker, validates the HTML with tidy, and saves screenshots.

    python3 Tests/browser/run_browser_tests.py --docgen .build/debug/docgen --output test-output

Prints PASS/FAIL per check and a closing line "N passed, M failed"; exits 1 when any failed.
"""
import argparse
import importlib.util
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parent.parent.parent
RESULTS = []


def check(name):
    """Registers a check; each runs in order and records PASS or FAIL with the reason."""
    def wrap(function):
        RESULTS.append((name, function))
        return function
    return wrap


def chrome(javascript=True, width=1366, height=900):
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     f"--window-size={width},{height}", "--allow-file-access-from-files"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = webdriver.ChromeService(executable_path=shutil.which("chromedriver") or "/usr/bin/chromedriver")
    return webdriver.Chrome(options=options, service=service)


class Site:
    def __init__(self, folder):
        self.folder = Path(folder)

    def url(self, page):
        return (self.folder / page).resolve().as_uri()


def wait(driver, condition, seconds=10):
    return WebDriverWait(driver, seconds).until(condition)


def console_errors(driver):
    # Chromium reports a missing favicon on file:// and similar noise as SEVERE network entries;
    # only script errors count.
    return [entry["message"] for entry in driver.get_log("browser")
            if entry["level"] == "SEVERE" and "favicon" not in entry["message"]]


def visible(driver, selector):
    return [e for e in driver.find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]


def choose_role(driver, site, role):
    driver.get(site.url("index.html"))
    Select(wait(driver, EC.presence_of_element_located((By.ID, "role-select")))).select_by_value(role)


# ---------------------------------------------------------------------------------------------

@check("pages load without console errors")
def no_console_errors(driver, site, context):
    for page in ["index.html", "overview.html", "roles/developer.html", "layers/1.html", "matrix.html", "search.html", "404.html",
                 "by-role/cluster-administrator.html"]:
        driver.get(site.url(page))
        wait(driver, EC.presence_of_element_located((By.TAG_NAME, "main")))
        errors = console_errors(driver)
        assert not errors, f"{page}: {errors[:3]}"


@check("choosing a role filters the navigation, and the choice persists")
def role_filters_navigation(driver, site, context):
    choose_role(driver, site, "developer")
    driver.get(site.url("by-role/network-engineer.html"))
    items = driver.find_elements(By.CSS_SELECTOR, "#site-nav li[data-roles]")
    assert items, "no navigation items with data-roles"
    # The page being read stays in the navigation whatever the role; every other entry follows it.
    hidden_foreign = [i for i in items if i.get_attribute("data-roles") and "developer" not in i.get_attribute("data-roles").split()
                      and "is-current" not in (i.get_attribute("class") or "")]
    assert hidden_foreign, "no navigation entry belongs to another role only"
    assert all(not i.is_displayed() for i in hidden_foreign), "entries of other roles stay visible"
    assert driver.execute_script("return localStorage.getItem('docgen-role')") == "developer"
    Select(driver.find_element(By.ID, "role-select")).select_by_value("")
    top_level = driver.find_elements(By.CSS_SELECTOR, "#site-nav > ul > li, #site-nav ul.nav-list > li")
    assert all(i.is_displayed() for i in top_level), "navigation stays filtered after choosing All roles"


@check("zone pivots show only the chosen role's content")
def zones_follow_role(driver, site, context):
    choose_role(driver, site, "developer")
    driver.get(site.url("overview.html"))
    zones = driver.find_elements(By.CSS_SELECTOR, "div.zone[data-pivot]")
    assert zones, "overview.html has no zone pivots"
    for zone in zones:
        pivots = zone.get_attribute("data-pivot").split()
        assert zone.is_displayed() == ("developer" in pivots), f"zone {pivots} displayed={zone.is_displayed()}"
    driver.execute_script("localStorage.removeItem('docgen-role')")


@check("a role page lists its articles and scenario questions that link to answers")
def role_page(driver, site, context):
    driver.get(site.url("roles/developer.html"))
    assert driver.find_element(By.TAG_NAME, "h1").text.strip() == "Developer"
    questions = [a for a in driver.find_elements(By.CSS_SELECTOR, "main a") if re.match(r"How (do|can) I", a.text.strip())]
    assert len(questions) >= 4, f"only {len(questions)} scenario questions"
    target = questions[0].get_attribute("href")
    page, fragment = target.split("#", 1)
    driver.get(target)
    assert driver.find_elements(By.ID, fragment), f"{target} has no element #{fragment}"


@check("search finds a scenario question from the header and on the search page")
def search_finds_question(driver, site, context):
    driver.get(site.url("overview.html"))
    box = driver.find_element(By.ID, "site-search-input")
    box.send_keys("poorly performing")
    wait(driver, lambda d: any("by-role/developer.html" in (o.get_attribute("data-url") or "") for o in d.find_elements(By.CSS_SELECTOR, "#site-search-listbox [role=option]")))
    driver.get(site.url("search.html") + "?q=poorly%20performing")
    wait(driver, lambda d: any("developer" in (a.get_attribute("href") or "") for a in d.find_elements(By.CSS_SELECTOR, "#search-page-results a")))


@check("the theme toggle switches to dark and back, and is remembered")
def theme_toggle(driver, site, context):
    driver.get(site.url("index.html"))
    driver.execute_script("localStorage.removeItem('docgen-theme')")
    driver.get(site.url("index.html"))
    background = lambda: driver.execute_script("return getComputedStyle(document.body).backgroundColor")
    before = background()
    driver.find_element(By.CSS_SELECTOR, "button.theme-toggle").click()
    theme = driver.execute_script("return document.documentElement.getAttribute('data-theme')")
    assert theme in ("dark", "light"), f"data-theme is {theme!r}"
    assert background() != before, "the background did not change"
    driver.refresh()
    assert driver.execute_script("return document.documentElement.getAttribute('data-theme')") == theme
    driver.execute_script("localStorage.removeItem('docgen-theme')")


@check("tabs switch with the mouse and the arrow keys")
def tabs(driver, site, context):
    driver.get(site.url("by-role/cluster-administrator.html"))
    group = driver.find_element(By.CSS_SELECTOR, "div.tabGroup")
    tabs = group.find_elements(By.CSS_SELECTOR, "[role=tab]")
    panels = group.find_elements(By.CSS_SELECTOR, "[role=tabpanel]")
    assert len(tabs) >= 2 and len(panels) == len(tabs)
    tabs[1].click()
    assert panels[1].is_displayed() and not panels[0].is_displayed(), "the second tab's panel is not the one shown"
    tabs[1].send_keys(Keys.ARROW_LEFT)
    wait(driver, lambda d: panels[0].is_displayed() and not panels[1].is_displayed())


@check("a lightbox opens as a dialog and Escape closes it")
def lightbox(driver, site, context):
    driver.get(site.url("by-role/developer.html"))
    link = driver.find_element(By.CSS_SELECTOR, "a.lightbox")
    driver.execute_script("arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    # A native modal <dialog> (implicit role=dialog) or an element with role=dialog.
    dialog = wait(driver, lambda d: next(iter(visible(d, "dialog[open], [role=dialog]")), None))
    assert dialog.find_elements(By.TAG_NAME, "img"), "the dialog shows no image"
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait(driver, lambda d: not visible(d, "dialog[open], [role=dialog]"))
    wait(driver, lambda d: d.switch_to.active_element == link)


@check("without JavaScript every navigation link and tab panel is visible")
def no_javascript(driver, site, context):
    plain = chrome(javascript=False)
    try:
        plain.get(site.url("by-role/cluster-administrator.html"))
        # Collapsed groups are <details> a reader can open; every other link must show.
        links = plain.find_elements(By.CSS_SELECTOR, "#site-nav a")
        hidden = [a.get_attribute("href") for a in links if not a.is_displayed()
                  and not plain.execute_script("return !!arguments[0].closest('details:not([open])')", a)]
        assert links and not hidden, f"navigation links hidden without JavaScript: {hidden[:3]}"
        panels = plain.find_elements(By.CSS_SELECTOR, "[role=tabpanel]")
        assert panels and all(p.is_displayed() for p in panels), "tab panels are hidden without JavaScript"
    finally:
        plain.quit()


@check("axe-core finds no serious or critical violations, light and dark")
def accessibility(driver, site, context):
    axe = context["axe"]
    problems = []
    for theme in ("light", "dark"):
        for page in ["index.html", "roles/developer.html", "layers/1.html", "matrix.html", "overview.html", "search.html", "404.html"]:
            driver.get(site.url(page))
            driver.execute_script(f"localStorage.setItem('docgen-theme', '{theme}')")
            driver.refresh()
            driver.execute_script(axe)
            result = driver.execute_async_script("var done = arguments[0]; axe.run(document).then(done, function (e) { done({error: String(e)}); });")
            assert "error" not in result, result.get("error")
            for violation in result["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    targets = [", ".join(node["target"]) for node in violation["nodes"][:3]]
                    problems.append(f"{theme} {page}: {violation['id']} ({violation['impact']}) {targets}")
    driver.execute_script("localStorage.removeItem('docgen-theme')")
    assert not problems, "; ".join(problems[:8])


@check("linkchecker finds no broken internal link")
def links(driver, site, context):
    result = subprocess.run(["linkchecker", "--no-status", "--no-warnings", "--ignore-url=^https?://", "--ignore-url=^mailto:",
                             str(site.folder / "index.html")], capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, (result.stdout + result.stderr)[-1500:]


@check("tidy reports no HTML errors")
def html_valid(driver, site, context):
    errors = []
    for page in sorted(site.folder.rglob("*.html")):
        result = subprocess.run(["tidy", "-e", "-q", str(page)], capture_output=True, text=True)
        errors += [f"{page.relative_to(site.folder)}: {line}" for line in result.stderr.splitlines() if "Error:" in line]
    assert not errors, "; ".join(errors[:5])


@check("pages load nothing from other hosts")
def no_other_hosts(driver, site, context):
    pattern = re.compile(r'<(script|link|img|iframe|source|video)\b[^>]*\b(src|href)="(https?:)?//', re.I)
    offenders = []
    for page in site.folder.rglob("*.html"):
        for match in pattern.finditer(page.read_text(encoding="utf-8")):
            if 'rel="canonical"' not in match.group(0):
                offenders.append(f"{page.relative_to(site.folder)}: {match.group(0)[:80]}")
    assert not offenders, "; ".join(offenders[:5])


@check("content from front matter and raw HTML cannot run script")
def escaping(driver, site, context):
    with tempfile.TemporaryDirectory() as folder:
        content = Path(folder, "docs")
        content.mkdir()
        (content / "x.md").write_text(
            "---\ntitle: \"<script>alert(1)</script> \\\"><img src=x onerror=alert(2)>\"\n"
            "description: \"<b onmouseover=alert(3)>x</b>\"\n---\n# Heading\n\n<script>alert(4)</script>\n\n"
            "<a href=\"javascript:alert(5)\">click</a> <img src=x onerror=\"alert(6)\">\n", encoding="utf-8")
        subprocess.run([context["docgen"], "build", str(content), "--output", str(Path(folder, "site")), "--templates",
                        str(ROOT / "site-templates"), "-q"], capture_output=True, text=True, timeout=120)
        driver.get(Path(folder, "site", "x.html").as_uri())
        wait(driver, EC.presence_of_element_located((By.TAG_NAME, "main")))
        for link in driver.find_elements(By.LINK_TEXT, "click"):
            link.click()
        time.sleep(0.3)
        try:
            alert = driver.switch_to.alert
            text = alert.text
            alert.dismiss()
            raise AssertionError(f"a script ran: alert({text})")
        except NoAlertPresentException:
            pass
        assert "<script>alert(1)</script>" in driver.title, f"title shown as {driver.title!r}"


@check("screenshots at desktop and phone widths")
def screenshots(driver, site, context):
    folder = Path(context["output"], "screenshots")
    folder.mkdir(parents=True, exist_ok=True)
    for width, height, label in ((1366, 900, "desktop"), (390, 844, "phone")):
        driver.set_window_size(width, height)
        for page in ("index.html", "roles/developer.html", "overview.html"):
            driver.get(site.url(page))
            driver.save_screenshot(str(folder / f"{label}-{page.replace('/', '-').replace('.html', '')}.png"))
    driver.set_window_size(1366, 900)
    driver.get(site.url("index.html"))
    driver.execute_script("localStorage.setItem('docgen-theme', 'dark')")
    driver.refresh()
    driver.save_screenshot(str(folder / "desktop-index-dark.png"))
    driver.execute_script("localStorage.removeItem('docgen-theme')")
    assert len(list(folder.glob("*.png"))) == 7


def axe_script():
    """axe-core from the selenium-axe-python package (a current axe; axe-selenium-python bundles 1.x)."""
    spec = importlib.util.find_spec("selenium_axe_python")
    if spec and spec.origin:
        candidate = Path(spec.origin).parent / "axe-core" / "axe.min.js"
        if candidate.exists():
            return candidate.read_text(encoding="utf-8")
    raise SystemExit("run_browser_tests: install selenium-axe-python (scripts/install-deps.sh does)")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docgen", default=str(ROOT / ".build/debug/docgen"))
    parser.add_argument("--output", default=str(ROOT / "test-output"))
    args = parser.parse_args()
    os.chdir(ROOT)
    Path(args.output).mkdir(parents=True, exist_ok=True)
    # The site goes into the output folder: linkchecker drops root privileges and could not read a
    # private temporary folder, and a reader can open the site that was tested.
    site = Site(Path(args.output, "site"))
    shutil.rmtree(site.folder, ignore_errors=True)
    if True:
        build = subprocess.run([args.docgen, "build", "content", "--output", str(site.folder), "-q"], capture_output=True, text=True, timeout=300)
        if build.returncode != 0:
            print(f"FAIL build: docgen build exited {build.returncode}\n{build.stderr[-2000:]}")
            print("0 passed, 1 failed")
            return 1
        context = {"docgen": args.docgen, "output": args.output, "axe": axe_script()}
        driver = chrome()
        passed = failed = 0
        try:
            for name, function in RESULTS:
                try:
                    function(driver, site, context)
                    print(f"PASS {name}")
                    passed += 1
                except Exception as error:  # a failed check must not stop the others
                    message = str(error).strip().splitlines()[0][:1500] if str(error).strip() else type(error).__name__
                    print(f"FAIL {name}: {message}")
                    failed += 1
        finally:
            driver.quit()
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
