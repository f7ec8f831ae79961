#!/usr/bin/env python3
"""The built site in a real browser.

Builds content/ with docgen into a temporary folder, opens the pages from file:// in headless
Chromium and checks what a reader does (pick a role, read zone pivots, use a role page, search,
switch theme, use tabs and the lightbox, read without JavaScript), scans every kind of page with
axe-core in light and dark theme, crawls the links with linkchecker, validates the HTML with tidy,
makes sure nothing is loaded from another host and that hostile content cannot run script, and
saves screenshots to OUTPUT/screenshots. One check runs `docgen serve` on a copy of content/ and saves a page
while it is open.

    python3 Tests/browser/run_browser_tests.py --docgen .build/debug/docgen --output test-output

Prints "PASS name" or "FAIL name: reason" per check and a closing line "N passed, M failed";
exits 1 when any check failed, 0 otherwise. Needs chromium, chromedriver, linkchecker, tidy and
the Python packages selenium and selenium-axe-python or axe-selenium-python (for axe.min.js).
"""
import argparse
import importlib.util
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from html.parser import HTMLParser
from pathlib import Path

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, TimeoutException, UnexpectedAlertPresentException
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support import expected_conditions as EC
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = Path(__file__).resolve().parent.parent.parent
CHECKS = []          # (name, function) in the order they run
WAIT_SECONDS = 15    # generous: a slow CI machine must not turn a wait into a failure
ROLE = "developer"   # the role the role checks choose
THEMES = ("light", "dark")
AXE_PAGES = ["index.html", "roles/developer.html", "layers/1.html", "matrix.html", "overview.html",
             "by-role/cluster-administrator.html", "search.html", "404.html"]
SCREENSHOT_PAGES = ["index.html", "roles/developer.html", "overview.html"]
VIEWPORTS = {"desktop": (1366, 900, False), "phone": (390, 844, True)}


def check(name):
    """Registers a check. Each gets (driver, site, context), runs with empty storage, and fails by raising."""
    def register(function):
        CHECKS.append((name, function))
        return function
    return register


# ---------------------------------------------------------------------------------------------
# Browser helpers


def chrome(javascript=True):
    """Headless Chromium; console messages are kept so every check can assert there were no errors."""
    options = webdriver.ChromeOptions()
    for argument in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                     "--window-size=1366,900", "--force-prefers-reduced-motion", "--hide-scrollbars",
                     "--lang=en-US"):
        options.add_argument(argument)
    options.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    # Leave an unexpected alert open instead of dismissing it, so the escaping check sees it.
    options.unhandled_prompt_behavior = "ignore"
    if not javascript:
        options.add_experimental_option("prefs", {"profile.managed_default_content_settings.javascript": 2})
    service = webdriver.ChromeService(executable_path="/usr/bin/chromedriver" if Path("/usr/bin/chromedriver").exists()
                                      else shutil.which("chromedriver"))
    driver = webdriver.Chrome(options=options, service=service)
    driver.set_page_load_timeout(60)
    driver.set_script_timeout(60)
    viewport(driver, "desktop")
    return driver


def viewport(driver, name):
    """Sets the exact CSS viewport; the phone is emulated as mobile so the page's viewport meta applies."""
    width, height, mobile = VIEWPORTS[name]
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride",
                           {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})


class Site:
    def __init__(self, folder):
        self.folder = Path(folder)

    def url(self, page):
        """file:// URL of a page; a ?query stays a query (as_uri would escape its "?")."""
        path, mark, query = page.partition("?")
        return (self.folder / path).resolve().as_uri() + mark + query

    def pages(self):
        return sorted(p.relative_to(self.folder).as_posix() for p in self.folder.rglob("*.html"))


def wait(driver, condition, message="", seconds=WAIT_SECONDS):
    return WebDriverWait(driver, seconds).until(condition, message)


def open_page(driver, site, page, theme=None, role=None):
    """Opens a page with the given stored theme and role (set on the file:// origin before it loads,
    as a returning reader would have them) and waits until docgen.js has started."""
    if theme or role:
        if not driver.current_url.startswith(site.folder.as_uri()):
            driver.get(site.url("404.html"))
        driver.execute_script("""
            arguments[0] ? localStorage.setItem('docgen-theme', arguments[0]) : localStorage.removeItem('docgen-theme');
            arguments[1] ? localStorage.setItem('docgen-role', arguments[1]) : localStorage.removeItem('docgen-role');
        """, theme, role)
    driver.get(site.url(page))
    wait(driver, lambda d: d.execute_script("return document.readyState") == "complete", f"{page} did not finish loading")
    return driver


def clear_storage(driver, site):
    # From a page of the site: the last page may be an error page, where storage is not accessible.
    driver.get(site.url("404.html"))
    driver.execute_script("localStorage.clear(); sessionStorage.clear();")


def console_errors(driver):
    """SEVERE console entries since the last call (script errors, failed loads, CSP reports)."""
    return [entry["message"] for entry in driver.get_log("browser") if entry["level"] == "SEVERE"]


def visible(driver, selector, scope=None):
    return [e for e in (scope or driver).find_elements(By.CSS_SELECTOR, selector) if e.is_displayed()]


def js(driver, script, *args):
    return driver.execute_script(script, *args)


def open_nav_groups(driver):
    """Opens every collapsed <details> in the navigation: the role filter is what is tested, not the collapsing."""
    js(driver, "document.querySelectorAll('#site-nav details').forEach(function (d) { d.open = true; })")


def choose_role_in_picker(driver, value):
    """Picks a role in the header's role <select>, the way a reader does, and waits until it is stored."""
    select = wait(driver, EC.element_to_be_clickable((By.ID, "role-select")), "no role picker #role-select")
    Select(select).select_by_value(value)
    wait(driver, lambda d: (js(d, "return localStorage.getItem('docgen-role')") or "") == value,
         f"choosing {value or 'All roles'} was not stored in localStorage['docgen-role']")


def nav_filter_mismatches(driver, role):
    """Navigation entries whose visibility disagrees with the chosen role ("" = all roles). The reader's
    current page and its ancestors (.is-trail) stay visible whatever the role."""
    entries = driver.find_elements(By.CSS_SELECTOR, "#site-nav li[data-roles]")
    wrong, shown, hidden = [], 0, 0
    for entry in entries:
        roles = (entry.get_attribute("data-roles") or "").split()
        trail = "is-trail" in (entry.get_attribute("class") or "").split()
        expected = not role or not roles or role in roles or trail
        actual = entry.is_displayed()
        shown += expected
        hidden += not expected
        if actual != expected:
            link = entry.find_elements(By.CSS_SELECTOR, ":scope > a, :scope > details > summary, :scope > span")
            label = link[0].get_attribute("textContent").strip() if link else entry.get_attribute("outerHTML")[:60]
            wrong.append(f"'{label}' data-roles='{' '.join(roles)}' displayed={actual}")
    return entries, wrong, shown, hidden


def effective_theme(driver):
    return js(driver, """
        var t = document.documentElement.getAttribute('data-theme');
        if (t === 'light' || t === 'dark') return t;
        return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';""")


def body_background(driver):
    return js(driver, "return getComputedStyle(document.body).backgroundColor")


def alerts_after(driver, action=None, seconds=0.5):
    """Runs `action` and returns the texts of the alerts it caused, waiting up to `seconds` for each
    (a bounded wait, not a sleep: an onerror handler fires after the load event). Dismisses them."""
    texts = []
    try:
        if action:
            action()
    except UnexpectedAlertPresentException as error:   # the alert interrupted the action itself
        texts.append(error.alert_text or "?")
    for _ in range(20):
        try:
            WebDriverWait(driver, seconds).until(EC.alert_is_present())
            alert = driver.switch_to.alert
            texts.append(alert.text)
            alert.dismiss()
        except (TimeoutException, NoAlertPresentException):
            break
    return texts


# ---------------------------------------------------------------------------------------------
# File helpers


class TagCollector(HTMLParser):
    """Start tags with their attributes, and every id, from one HTML file."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.ids = [], set()

    def handle_starttag(self, tag, attrs):
        attributes = {k: (v or "") for k, v in attrs}
        self.tags.append((tag, attributes))
        if attributes.get("id"):
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("name"):
            self.ids.add(attributes["name"])

    handle_startendtag = handle_starttag


def parse_html(path):
    collector = TagCollector()
    collector.feed(Path(path).read_text(encoding="utf-8"))
    return collector


def scenario_questions(markdown):
    """The "How do I/How can I ...?" headings of a Markdown page."""
    return [m.group(1).strip() for m in re.finditer(r"^#{2,6}\s+(How (?:do|can) I\b.*\?)\s*$", markdown, re.M)]


def distinctive_word(questions, corpus):
    """The word of the questions that the fewest content pages contain (longest first on a tie), so a
    search for it must rank the page with the question near the top."""
    texts = [t.lower() for t in corpus]
    candidates = {w for q in questions for w in re.findall(r"[a-z]{6,}", q.lower())}
    return min(candidates, key=lambda w: (sum(bool(re.search(r"\b" + w, t)) for t in texts), -len(w), w))


# ---------------------------------------------------------------------------------------------
# Checks


@check("pages load without console errors or requests to other hosts")
def every_page_loads(driver, site, context):
    # Every built page, because a console error on any page is a bug; resource timing also shows
    # what the browser really fetched, which the static check below cannot see (CSS, script).
    problems = []
    for page in site.pages():
        open_page(driver, site, page)
        wait(driver, EC.presence_of_element_located((By.TAG_NAME, "main")), f"{page} has no <main>")
        problems += [f"{page}: console: {m}" for m in console_errors(driver)]
        fetched = js(driver, "return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
        problems += [f"{page}: fetched {u}" for u in fetched if not u.startswith(("file:", "data:", "blob:"))]
    assert not problems, "\n".join(problems[:20])


@check("role picker filters navigation")
def role_filters_navigation(driver, site, context):
    open_page(driver, site, "index.html")
    choose_role_in_picker(driver, ROLE)
    # Another page: the choice must persist through localStorage and apply before the reader sees it.
    open_page(driver, site, "by-role/network-engineer.html")
    open_nav_groups(driver)
    entries, wrong, shown, hidden = nav_filter_mismatches(driver, ROLE)
    assert entries, "no navigation entries li[data-roles] in #site-nav"
    assert shown and hidden, f"nothing to test: {shown} entries for {ROLE}, {hidden} for other roles only"
    assert not wrong, f"with role {ROLE}: " + "; ".join(wrong[:8])
    picked = Select(driver.find_element(By.ID, "role-select")).first_selected_option.get_attribute("value")
    assert picked == ROLE, f"the role picker shows {picked!r} on the second page, not {ROLE!r}"
    choose_role_in_picker(driver, "")
    entries, wrong, _, _ = nav_filter_mismatches(driver, "")
    assert not wrong, "after choosing All roles: " + "; ".join(wrong[:8])


@check("zone pivots filter")
def zones_follow_role(driver, site, context):
    open_page(driver, site, "index.html")
    choose_role_in_picker(driver, ROLE)
    open_page(driver, site, "overview.html")
    zones = driver.find_elements(By.CSS_SELECTOR, "div.zone[data-pivot]")
    assert zones, "overview.html has no div.zone[data-pivot]"
    mine = [z for z in zones if ROLE in z.get_attribute("data-pivot").split()]
    others = [z for z in zones if ROLE not in z.get_attribute("data-pivot").split()]
    assert mine and others, f"overview.html needs zones for {ROLE} and for other roles ({len(mine)}/{len(others)})"
    wrong = [f"{z.get_attribute('data-pivot')!r} displayed={z.is_displayed()}" for z in mine if not z.is_displayed()]
    wrong += [f"{z.get_attribute('data-pivot')!r} displayed={z.is_displayed()}" for z in others if z.is_displayed()]
    assert not wrong, f"with role {ROLE}: " + "; ".join(wrong)
    # "On this page" lists a zone's headings only while the zone shows.
    entries = driver.find_elements(By.CSS_SELECTOR, ".page-toc-list li[data-pivot]")
    assert entries, "overview.html lists no headings of zone pivots under On this page"
    wrong = [f"{e.text!r} displayed={e.is_displayed()}" for e in entries
             if e.is_displayed() != (ROLE in e.get_attribute("data-pivot").split())]
    assert not wrong, f"On this page with role {ROLE}: " + "; ".join(wrong)
    choose_role_in_picker(driver, "")
    assert all(z.is_displayed() for z in zones), "zones stay hidden after choosing All roles"
    assert all(e.is_displayed() for e in entries), "On this page entries stay hidden after choosing All roles"


@check("role page")
def role_page(driver, site, context):
    open_page(driver, site, f"roles/{ROLE}.html")
    headings = driver.find_elements(By.TAG_NAME, "h1")
    assert len(headings) == 1 and headings[0].text.strip() == "Developer", \
        f"expected one <h1> 'Developer', got {[h.text for h in headings]}"
    main = driver.find_element(By.TAG_NAME, "main")
    # The role's articles: a list of links to article pages, including the role's own article.
    listed = [a.get_attribute("href") for a in main.find_elements(By.CSS_SELECTOR, "li a[href]") if a.is_displayed()]
    articles = [h for h in listed if h.endswith(".html") and "/roles/" not in h and "/layers/" not in h
                and not h.endswith(("/matrix.html", "/index.html", "/search.html"))]
    assert len(articles) >= 3, f"only {len(articles)} article links listed"
    assert any(h.endswith(f"by-role/{ROLE}.html") for h in articles), f"by-role/{ROLE}.html is not listed"
    # Scenario questions: every "How do I ...?" of the role's article is listed and leads to its answer.
    links = [a for a in main.find_elements(By.TAG_NAME, "a") if re.match(r"How (do|can) I\b", a.text.strip())]
    assert links, "no link whose text starts with 'How do I' or 'How can I'"
    expected = scenario_questions((ROOT / "content/by-role" / f"{ROLE}.md").read_text(encoding="utf-8"))
    texts = {a.text.strip() for a in links}
    missing = [q for q in expected if q not in texts]
    assert not missing, f"questions of by-role/{ROLE}.md not listed: {missing}"
    broken = []
    for a in links:
        href = a.get_attribute("href")
        path, fragment = urllib.parse.urldefrag(href)
        target = Path(urllib.parse.unquote(urllib.parse.urlparse(path).path))
        if not fragment or not target.exists() or urllib.parse.unquote(fragment) not in parse_html(target).ids:
            broken.append(f"'{a.text.strip()}' -> {href}")
    assert not broken, "questions that do not lead to an answer: " + "; ".join(broken[:5])
    # And in the browser: following one lands on the heading.
    first = links[0].get_attribute("href")
    driver.get(first)
    fragment = urllib.parse.unquote(urllib.parse.urldefrag(first)[1])
    heading = wait(driver, lambda d: d.find_elements(By.ID, fragment), f"{first}: no element #{fragment}")[0]
    assert heading.is_displayed(), f"{first}: the answer #{fragment} is not displayed"


@check("search finds a scenario question")
def search_finds_question(driver, site, context):
    questions = scenario_questions((ROOT / "content/by-role" / f"{ROLE}.md").read_text(encoding="utf-8"))
    assert questions, f"content/by-role/{ROLE}.md has no 'How do I ...?' heading"
    corpus = [p.read_text(encoding="utf-8") for p in (ROOT / "content").rglob("*.md")]
    word = distinctive_word(questions, corpus)
    target = f"by-role/{ROLE}.html"
    # Header search box: a combobox whose listbox options carry the result URL.
    open_page(driver, site, "overview.html")
    box = wait(driver, EC.element_to_be_clickable((By.ID, "site-search-input")), "no header search box")
    box.send_keys(word)
    option = wait(driver, lambda d: next((o for o in visible(d, "#site-search-listbox [role=option]")
                                          if (o.get_attribute("data-url") or "").endswith(target)), None),
                  f"typing {word!r}: no visible result for {target}")
    assert box.get_attribute("aria-expanded") == "true", "the search box does not say its results are expanded"
    option.click()
    wait(driver, lambda d: urllib.parse.urlparse(d.current_url).path.endswith(target),
         f"choosing the result did not open {target}")
    # The search page reads ?q= and lists full results.
    open_page(driver, site, "search.html?q=" + urllib.parse.quote(word))
    wait(driver, lambda d: any((a.get_attribute("href") or "").endswith(target)
                               for a in visible(d, "#search-page-results a")),
         f"search.html?q={word}: results do not list {target}")


def search_scripts(driver):
    """The search scripts the page has asked for: script elements for the search code, the index or
    its parts, and whether search.js ran. (Chromium keeps no resource timing for file:// loads, so
    the script elements are what tells.)"""
    return js(driver, """return Array.prototype.map.call(document.scripts, function (s) { return s.src; })
        .filter(function (u) { return /\\/assets\\/search\\.js$|\\/search-index\\.js$|\\/search\\/terms-\\d+\\.js$/.test(u); })
        .concat(window.docgen && window.docgen.searchLoaded ? ["search.js ran"] : [])""")


@check("search code loads only on the search page")
def search_code_only_on_search_page(driver, site, context):
    # A page that is only read (with a role chosen, which runs the role listeners) loads no search code.
    open_page(driver, site, "overview.html", role=ROLE)
    assert js(driver, "return !!window.docgen"), "docgen.js did not run on overview.html"
    assert search_scripts(driver) == [], f"overview.html loaded search code without a search: {search_scripts(driver)}"
    # Focusing the header box brings it in (and the index, which the box preloads).
    wait(driver, EC.element_to_be_clickable((By.ID, "site-search-input")), "no header search box").click()
    wait(driver, lambda d: {"search.js ran"} <= set(search_scripts(d)) and any(u.endswith("/assets/search.js") for u in search_scripts(d)),
         f"focusing the search box did not load and run assets/search.js: {search_scripts(driver)}")
    # The search page has it from the start, and typing a word lists the pages that have it.
    open_page(driver, site, "search.html")
    scripts = search_scripts(driver)
    assert "search.js ran" in scripts and any(u.endswith("/assets/search.js") for u in scripts), f"search.html: {scripts}"
    box = wait(driver, EC.element_to_be_clickable((By.ID, "search-page-input")), "no search page input")
    box.send_keys("glossary")
    links = wait(driver, lambda d: visible(d, "#search-page-results a.search-result-title"),
                 "typing 'glossary' on the search page lists no results")
    first = links[0]
    assert (first.text, (first.get_attribute("href") or "").endswith("/glossary.html")) == \
        ("Glossary of Kubernetes monitoring terms", True), f"first result: {first.text!r} {first.get_attribute('href')}"
    status = driver.find_element(By.ID, "search-page-status").text
    assert re.fullmatch(r"\d+ pages? match \u201cglossary\u201d\.", status), f"search page status: {status!r}"


@check("dark mode toggles")
def theme_toggle(driver, site, context):
    open_page(driver, site, "index.html")
    before_theme, before_background = effective_theme(driver), body_background(driver)
    toggle = wait(driver, EC.element_to_be_clickable((By.CSS_SELECTOR, "button.theme-toggle")), "no theme toggle")
    toggle.click()
    after = js(driver, "return document.documentElement.getAttribute('data-theme')")
    assert after in THEMES and after != before_theme, f"data-theme went from {before_theme!r} to {after!r}"
    # Colours may transition; wait for the computed colour rather than sleeping.
    wait(driver, lambda d: body_background(d) != before_background, "the body background did not change")
    changed_background = body_background(driver)
    driver.refresh()
    wait(driver, lambda d: js(d, "return document.documentElement.getAttribute('data-theme')") == after,
         "the theme is not remembered after reloading")
    wait(driver, lambda d: body_background(d) == changed_background, "the background differs after reloading")
    wait(driver, EC.element_to_be_clickable((By.CSS_SELECTOR, "button.theme-toggle"))).click()
    assert effective_theme(driver) == before_theme, "a second click does not switch back"


@check("tabs")
def tabs(driver, site, context):
    open_page(driver, site, "by-role/cluster-administrator.html")
    group = wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "div.tabGroup")), "no div.tabGroup")
    tab_list = group.find_elements(By.CSS_SELECTOR, "[role=tab]")
    assert len(tab_list) >= 2, f"the tab group has {len(tab_list)} tabs"
    panels = [driver.find_element(By.ID, t.get_attribute("aria-controls")) for t in tab_list]

    def shows(index):
        return lambda d: (panels[index].is_displayed() and tab_list[index].get_attribute("aria-selected") == "true"
                          and all(not p.is_displayed() for i, p in enumerate(panels) if i != index))

    js(driver, "arguments[0].scrollIntoView({block: 'center'})", group)
    tab_list[1].click()
    wait(driver, shows(1), "clicking the second tab did not show only its panel")
    tab_list[1].send_keys(Keys.ARROW_LEFT)
    wait(driver, shows(0), "ArrowLeft did not select the first tab")
    assert driver.switch_to.active_element == tab_list[0], "ArrowLeft did not move focus to the first tab"
    driver.switch_to.active_element.send_keys(Keys.ARROW_RIGHT)
    wait(driver, shows(1), "ArrowRight did not select the second tab")
    assert driver.switch_to.active_element == tab_list[1], "ArrowRight did not move focus to the second tab"


@check("lightbox")
def lightbox(driver, site, context):
    open_page(driver, site, f"by-role/{ROLE}.html")
    link = wait(driver, EC.presence_of_element_located((By.CSS_SELECTOR, "a.lightbox")), "no a.lightbox")
    js(driver, "arguments[0].scrollIntoView({block: 'center'})", link)
    link.click()
    # A native modal <dialog> (implicit role dialog) or an element with role=dialog.
    dialog = wait(driver, lambda d: next(iter(visible(d, "dialog[open], [role=dialog]")), None), "no dialog opened")
    assert dialog.aria_role == "dialog", f"the dialog's computed role is {dialog.aria_role!r}"
    assert dialog.accessible_name.strip(), "the dialog has no accessible name"
    image = dialog.find_elements(By.TAG_NAME, "img")
    assert image and image[0].get_attribute("alt"), "the dialog shows no image with alt text"
    wait(driver, lambda d: js(d, "return arguments[0].contains(document.activeElement)", dialog),
         "focus did not move into the dialog")
    driver.switch_to.active_element.send_keys(Keys.ESCAPE)
    wait(driver, lambda d: not visible(d, "dialog[open], [role=dialog]"), "Escape did not close the dialog")
    wait(driver, lambda d: d.switch_to.active_element == link, "focus did not return to the image link")


@check("no JavaScript")
def no_javascript(driver, site, context):
    plain = chrome(javascript=False)
    try:
        # A stored role and theme must not hide anything when the script that applies them cannot run.
        plain.get(site.url("by-role/cluster-administrator.html"))
        js(plain, "localStorage.setItem('docgen-role', arguments[0])", ROLE)
        plain.refresh()
        assert js(plain, "return document.documentElement.classList.contains('no-js')"), \
            "JavaScript still ran (no 'no-js' class on <html>)"
        # Collapsed <details> groups are native and open without script; open them, then every link shows.
        open_nav_groups(plain)
        links = plain.find_elements(By.CSS_SELECTOR, "#site-nav a[href]")
        hidden = [a.get_attribute("textContent").strip() for a in links if not a.is_displayed()]
        assert links and not hidden, f"navigation links hidden without JavaScript: {hidden[:5]}"
        panels = plain.find_elements(By.CSS_SELECTOR, "div.tabGroup [role=tabpanel], div.tabGroup section")
        assert panels, "no tab panels on by-role/cluster-administrator.html"
        hidden = [p.get_attribute("id") for p in panels if not p.is_displayed()]
        assert not hidden, f"tab panels hidden without JavaScript: {hidden}"
        plain.get(site.url("overview.html"))
        hidden = [z.get_attribute("data-pivot") for z in plain.find_elements(By.CSS_SELECTOR, "div.zone") if not z.is_displayed()]
        assert not hidden, f"zones hidden without JavaScript: {hidden}"
        errors = console_errors(plain)
        assert not errors, f"console errors without JavaScript: {errors[:3]}"
    finally:
        plain.quit()


@check("axe accessibility")
def accessibility(driver, site, context):
    problems = []
    for theme in THEMES:
        for page in AXE_PAGES:
            open_page(driver, site, page, theme=theme)
            wait(driver, lambda d: effective_theme(d) == theme, f"{page}: the {theme} theme did not apply")
            js(driver, context["axe"])
            # preload: false, or axe fetches the stylesheets with XHR, which file:// forbids (a console
            # error of the tool, not of the site); the rules read the computed styles either way.
            result = driver.execute_async_script("""
                var done = arguments[arguments.length - 1];
                axe.run(document, {resultTypes: ['violations'], preload: false}).then(done, function (e) { done({error: String(e)}); });""")
            assert "error" not in result, f"{page}: axe failed: {result['error']}"
            for violation in result["violations"]:
                if violation["impact"] in ("serious", "critical"):
                    targets = [" ".join(map(str, node["target"])) for node in violation["nodes"][:3]]
                    problems.append(f"{theme} {page}: {violation['id']} ({violation['impact']}, "
                                    f"{len(violation['nodes'])} nodes) {targets}: {violation['help']}")
    assert not problems, f"axe-core {context['axe_version']}:\n" + "\n".join(problems)


@check("linkchecker")
def links(driver, site, context):
    # AnchorCheck makes linkchecker report #fragments that point at no id; file:// only, never the network.
    config = site.folder.parent / "linkchecker.ini"
    config.write_text("[AnchorCheck]\n", encoding="utf-8")
    config.chmod(0o644)
    result = subprocess.run(["linkchecker", "--config", str(config), "--no-status", "--no-robots",
                             "--ignore-url=^https?://", "--ignore-url=^mailto:", "--output=text",
                             str(site.folder / "index.html")], capture_output=True, text=True, timeout=300)
    output = result.stdout
    summary = re.search(r"(\d+) links? in (\d+) URLs? checked\. (\d+) warnings? found\. (\d+) errors? found", output)
    assert summary, f"linkchecker exited {result.returncode} without a summary: {(output + result.stderr)[-800:]}"
    checked, warnings, errors = int(summary.group(2)), int(summary.group(3)), int(summary.group(4))
    blocks = [b for b in re.split(r"\n\s*\n", output) if b.startswith("URL ")]
    bad = [b for b in blocks if re.search(r"^Result\s+Error", b, re.M) or "Anchor `" in b]
    assert checked >= len(site.pages()), f"linkchecker checked only {checked} URLs for {len(site.pages())} pages"
    details = [" | ".join(re.sub(r"\s+", " ", line).strip() for line in b.splitlines()
                          if line.startswith(("URL", "Parent URL", "Result", "Warning")))[:400] for b in bad]
    assert errors == 0 and not bad, f"{errors} errors, {warnings} warnings:\n" + "\n".join(details[:10])
    if warnings:
        context["notes"].append(f"linkchecker: {warnings} warnings that are not broken links")


@check("HTML validity")
def html_valid(driver, site, context):
    errors, warnings = [], {}
    for page in site.pages():
        result = subprocess.run(["tidy", "-e", "-q", str(site.folder / page)], capture_output=True, text=True, timeout=60)
        for line in result.stderr.splitlines():
            if "Error:" in line:
                errors.append(f"{page}: {line.strip()}")
            elif "Warning:" in line:
                kind = line.split("Warning:", 1)[1].strip()
                warnings[kind] = warnings.get(kind, 0) + 1
    for kind, count in sorted(warnings.items(), key=lambda item: -item[1]):
        context["notes"].append(f"tidy warning ({count}x): {kind}")
    assert not errors, "\n".join(errors[:15])


@check("no requests to other hosts")
def no_other_hosts(driver, site, context):
    remote = re.compile(r"^\s*(https?:)?//", re.I)
    offenders = []
    for page in site.pages():
        for tag, attributes in parse_html(site.folder / page).tags:
            if tag not in ("script", "link", "img", "iframe", "source", "video", "audio", "embed", "object", "track"):
                continue
            if tag == "link" and "canonical" in attributes.get("rel", "").lower().split():
                continue
            for name in ("src", "href", "data", "poster"):
                if remote.match(attributes.get(name, "")):
                    offenders.append(f"{page}: <{tag} {name}=\"{attributes[name]}\">")
            for candidate in attributes.get("srcset", "").split(","):
                if remote.match(candidate):
                    offenders.append(f"{page}: <{tag} srcset=\"{candidate.strip()}\">")
    # Stylesheets can fetch too (@import, url()); data: URIs are fine.
    for sheet in site.folder.rglob("*.css"):
        text = sheet.read_text(encoding="utf-8")
        for match in re.finditer(r"@import[^;]*|url\(\s*['\"]?\s*(?:https?:)?//[^)]*\)", text):
            offenders.append(f"{sheet.relative_to(site.folder)}: {match.group(0)[:80]}")
    assert not offenders, "\n".join(offenders[:15])


HOSTILE_TITLE = "<script>alert(1)</script> \"><img src=x onerror=alert(2)>"


@check("escaping")
def escaping(driver, site, context):
    folder = Path(context["temp"], "hostile")
    content = folder / "docs"
    content.mkdir(parents=True)
    quoted = HOSTILE_TITLE.replace("\\", "\\\\").replace('"', '\\"')
    (content / "x.md").write_text(
        f"---\ntitle: \"{quoted}\"\ndescription: \"A description that tries to break out: {quoted}\"\n"
        "author: qa\nms.author: qa\nms.date: 01/01/2025\n---\n\n# Hostile page\n\n"
        "<script>alert(3)</script>\n\nText with a <a href=\"javascript:alert(3)\">script link</a>.\n\n"
        # Raw HTML across blocks, schemes hidden in character references, a script between inlines,
        # and a payload that only a parser reading <noscript> as markup would see.
        "<div onclick=\"alert(4)\">\n\nIn a div <a href=\"jav&Tab;ascript:alert(5)\">script link tab</a> "
        "<a href=\"&#106;avascript&colon;alert(6)\">script link reference</a>\n\n</div>\n\n"
        "Run <script>alert(7)</script> now, <svg onload=\"alert(8)\"> and <img src=\"x\" onerror=\"alert(9)\"/>.\n\n"
        "<details open><summary>More</summary>\n\n"
        "<noscript><p title=\"</noscript><img src=x onerror=alert(10)>\"></noscript>\n\n</details>\n",
        encoding="utf-8")
    # The images the payloads name exist, so that a load error cannot be mistaken for the payload.
    (content / "x").write_bytes(bytes.fromhex("47494638396101000100800000ffffff00000021f90401000000002c00000000010001000002024401003b"))
    build = subprocess.run([context["docgen"], "build", str(content), "--output", str(folder / "site"), "-q"]
                           + context["templates"],
                           capture_output=True, text=True, timeout=120, cwd=ROOT)
    # 1 means lint findings reached error severity; the page is still written, and that is what is tested.
    assert build.returncode in (0, 1) and (folder / "site/x.html").exists(), \
        f"docgen build exited {build.returncode}: {build.stderr.strip()[-600:]}"
    hostile = Site(folder / "site")
    fired = []

    def attempt(label, action):
        fired.extend(f"{label}: alert({text})" for text in alerts_after(driver, action))

    for page in ("x.html", "index.html", "search.html"):
        attempt(page, lambda: driver.get(hostile.url(page)))
    assert not fired, "script ran while loading: " + "; ".join(fired)
    # The same in the files: no payload may arrive as markup, even where a browser would not run it
    # (raw text in <title> is inert until a title contains "</title>").
    raw = [f"{page}: {payload}" for page in hostile.pages() for payload in ("<script>alert(", "<img src=x", "javascript:alert")
           if payload in (hostile.folder / page).read_text(encoding="utf-8")]
    assert not raw, "unescaped in the built HTML: " + "; ".join(raw)
    open_page(driver, hostile, "x.html")
    for link in driver.find_elements(By.PARTIAL_LINK_TEXT, "script link"):
        attempt("clicking the javascript: link", link.click)
    # Search renders titles from search-index.js; typing must show the title as text, not markup.
    open_page(driver, hostile, "x.html")
    attempt("search", lambda: driver.find_element(By.ID, "site-search-input").send_keys("alert"))
    wait(driver, lambda d: visible(d, "#site-search-listbox [role=option]"), "searching the hostile site shows nothing")
    attempt("search results", None)
    assert not fired, "script ran: " + "; ".join(fired)
    assert HOSTILE_TITLE in driver.title, f"the <title> does not show the title literally: {driver.title!r}"
    crumbs = driver.find_element(By.CSS_SELECTOR, "main [aria-current=page]").text
    assert crumbs == HOSTILE_TITLE, f"the breadcrumb shows {crumbs!r}"
    description = driver.find_element(By.CSS_SELECTOR, "meta[name=description]").get_attribute("content")
    assert HOSTILE_TITLE in description, f"the description meta is {description!r}"
    injected = js(driver, """return [].concat(
        [].slice.call(document.querySelectorAll('img[onerror], [onerror], [onclick], [onload], a[href^="javascript:" i]')).map(function (e) { return e.outerHTML; }),
        [].slice.call(document.querySelectorAll('main script, title *')).map(function (e) { return e.outerHTML; }))""")
    assert not injected, f"markup from the content reached the DOM: {injected[:3]}"


PIVOT_PAGE = """---
title: Chat history
author: qa
ms.author: qa
ms.date: 01/01/2025
zone_pivot_groups: programming-languages
---

# Chat history

:::zone pivot="programming-language-csharp"

## Create it in C#

Use `new ChatHistory()`.

:::zone-end

:::zone pivot="programming-language-python"

## Create it in Python

Use `ChatHistory()`.

:::zone-end
"""

PIVOT_GROUPS = """### YamlMime:ZonePivotGroups
groups:
- id: programming-languages
  title: Programming languages
  prompt: Choose a programming language
  pivots:
  - id: programming-language-csharp
    title: C#
  - id: programming-language-python
    title: Python
"""


@check("zone pivot picker")
def pivot_picker(driver, site, context):
    folder = Path(context["temp"], "pivots")
    content = folder / "docs"
    content.mkdir(parents=True)
    (content / "chat.md").write_text(PIVOT_PAGE, encoding="utf-8")
    (content / "zone-pivot-groups.yml").write_text(PIVOT_GROUPS, encoding="utf-8")
    build = subprocess.run([context["docgen"], "build", str(content), "--output", str(folder / "site"), "-q"]
                           + context["templates"], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert build.returncode in (0, 1) and (folder / "site/chat.html").exists(), \
        f"docgen build exited {build.returncode}: {build.stderr.strip()[-600:]}"
    pivots = Site(folder / "site")
    clear_storage(driver, pivots)
    open_page(driver, pivots, "chat.html")
    pressed = [b.text for b in visible(driver, ".pivot-picker [aria-pressed=true]")]
    assert pressed == ["C#"], f"the first pivot is not chosen on a first visit: {pressed}"
    shown = [h.text for h in visible(driver, ".zone h2")]
    assert shown == ["Create it in C#"], f"zones shown for C#: {shown}"
    driver.find_element(By.CSS_SELECTOR, "[data-pivot-choice=programming-language-python]").click()
    shown = [h.text for h in visible(driver, ".zone h2")]
    assert shown == ["Create it in Python"], f"zones shown after choosing Python: {shown}"
    listed = [a.text for a in visible(driver, "li[data-pivot] a")]
    assert "Create it in C#" not in listed, f"On this page still lists the hidden zone's heading: {listed}"
    assert "pivots=programming-language-python" in driver.current_url, f"the choice is not in the URL: {driver.current_url}"
    open_page(driver, pivots, "chat.html")
    assert [b.text for b in visible(driver, ".pivot-picker [aria-pressed=true]")] == ["Python"], "the choice is not remembered"
    # Without JavaScript every zone shows, each labelled with its pivot, and the picker is hidden.
    plain = chrome(javascript=False)
    try:
        plain.get(pivots.url("chat.html"))
        labels = [p.text for p in plain.find_elements(By.CSS_SELECTOR, ".zone-label") if p.is_displayed()]
        assert labels == ["C#", "PYTHON"] or labels == ["C#", "Python"], f"zone labels without JavaScript: {labels}"
        assert not [e for e in plain.find_elements(By.CSS_SELECTOR, ".pivot-picker") if e.is_displayed()], "the picker shows without JavaScript"
    finally:
        plain.quit()


LARGE_NAV_TOC = """\
- name: Overview
  href: overview.md
- name: Guide
  href: guide/index.md
  items:
  - name: Install
    href: guide/install.md
    items:
    - name: On Linux
      href: guide/linux.md
  - name: Configure
    href: guide/configure.md
  - name: Concepts
    items:
    - name: Pods
      href: guide/pods.md
- name: Reference
  href: reference/index.md
  items:
  - name: CLI
    href: reference/cli.md
"""


@check("large navigation loads once")
def large_navigation(driver, site, context):
    # Past navigation.inline-limit, a page carries its branch and docgen-nav.js loads the whole tree.
    folder = Path(context["temp"], "large-nav")
    content = folder / "docs"
    for page, title in (("overview", "Overview"), ("guide/index", "Guide"), ("guide/install", "Install"),
                        ("guide/linux", "On Linux"), ("guide/configure", "Configure"), ("guide/pods", "Pods"),
                        ("reference/index", "Reference"), ("reference/cli", "CLI")):
        (content / page).parent.mkdir(parents=True, exist_ok=True)
        (content / f"{page}.md").write_text(f"---\ntitle: {title}\ndescription: The {title} page.\n---\n# {title}\n\nText.\n", encoding="utf-8")
    (content / "toc.yml").write_text(LARGE_NAV_TOC, encoding="utf-8")
    (content / "docgen.yml").write_text("site:\n  title: Large navigation\nnavigation:\n  inline-limit: 5\n", encoding="utf-8")
    build = subprocess.run([context["docgen"], "build", str(content), "--output", str(folder / "site"), "-q"]
                           + context["templates"], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert build.returncode in (0, 1) and (folder / "site/toc/toc.js").exists(), \
        f"docgen build exited {build.returncode} or wrote no toc/toc.js: {build.stderr.strip()[-600:]}"
    nav_site = Site(folder / "site")
    clear_storage(driver, nav_site)
    open_page(driver, nav_site, "guide/install.html")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#site-nav[data-nav-loaded=true]"), "docgen-nav.js did not load the tree")
    labels = [a.get_attribute("textContent") for a in driver.find_elements(By.CSS_SELECTOR, "#site-nav a.nav-link")]
    for label in ("Overview", "Guide", "Install", "On Linux", "Configure", "Reference"):
        assert label in labels, f"'{label}' is not in the loaded tree: {labels}"
    current = driver.find_elements(By.CSS_SELECTOR, '#site-nav a[aria-current="page"]')
    assert [a.text for a in current] == ["Install"], f"the current page is not marked once: {[a.text for a in current]}"
    assert current[0].is_displayed(), "the current page's entry is not shown"
    closed = js(driver, "return Array.from(document.querySelectorAll('#site-nav li.is-trail > details')).filter(function (d) { return !d.open; }).length")
    assert closed == 0, f"{closed} entries on the current page's trail are not expanded"
    assert visible(driver, "#site-nav a[href$='linux.html']"), "the current page's children are not shown"
    js(driver, context["axe"])
    result = driver.execute_async_script("""
        var done = arguments[arguments.length - 1];
        axe.run(document.getElementById('site-nav'), {resultTypes: ['violations'], preload: false}).then(done, function (e) { done({error: String(e)}); });""")
    assert "error" not in result, f"axe failed on the loaded tree: {result['error']}"
    serious = [f"{v['id']}: {v['help']}" for v in result["violations"] if v["impact"] in ("serious", "critical")]
    assert not serious, f"axe-core on the loaded tree: {serious}"
    # A closed entry opens from the keyboard and its entries appear (filled in when first opened).
    assert not visible(driver, "#site-nav a[href$='cli.html']"), "a closed entry's children show"
    toggle = driver.find_element(By.XPATH, "//nav[@id='site-nav']//li[a[text()='Reference']]/details/summary")
    toggle.send_keys(Keys.ENTER)
    wait(driver, lambda d: visible(d, "#site-nav a[href$='cli.html']"), "Enter on Reference's toggle did not show CLI")
    driver.find_element(By.CSS_SELECTOR, "#site-nav a[href$='cli.html']").click()
    wait(driver, lambda d: d.current_url.endswith("reference/cli.html"), "following CLI in the loaded tree did not open it")
    wait(driver, lambda d: d.find_elements(By.CSS_SELECTOR, "#site-nav[data-nav-loaded=true]"), "the tree did not load on the next page")
    assert [a.text for a in driver.find_elements(By.CSS_SELECTOR, '#site-nav a[aria-current="page"]')] == ["CLI"], "CLI is not marked current"
    # Without JavaScript the page's branch links to its parent and its siblings.
    plain = chrome(javascript=False)
    try:
        plain.get(nav_site.url("guide/install.html"))
        open_nav_groups(plain)
        shown = [a.text for a in plain.find_elements(By.CSS_SELECTOR, "#site-nav a[href]") if a.is_displayed()]
        for label in ("Guide", "Install", "Configure", "Pods", "On Linux"):
            assert label in shown, f"'{label}' is not a link without JavaScript: {shown}"
        assert "CLI" not in shown and "Overview" not in shown, f"the branch carries more than its parent, siblings and children: {shown}"
        errors = console_errors(plain)
        assert not errors, f"console errors without JavaScript: {errors[:3]}"
    finally:
        plain.quit()


VERSION_PAGE = """---
title: Install the tool
author: qa
ms.author: qa
ms.date: 01/01/2025
---

# Install the tool

::: moniker range="vs-2019"

## Installation

Use the 2019 installer.

::: moniker-end

::: moniker range=">= vs-2022"

## Installation

Use the 2022 installer.

### Repair

Run the repair.

::: moniker-end
"""

VERSION_DOCFX = """{ "build": { "content": [ { "files": [ "**/*.md" ] } ],
  "groups": { "old": { "moniker_range": "vs-2019" }, "new": { "moniker_range": "vs-2022 || vs-2026" } } } }
"""


@check("version picker")
def version_picker(driver, site, context):
    folder = Path(context["temp"], "versions")
    content = folder / "docs"
    content.mkdir(parents=True)
    (content / "install.md").write_text(VERSION_PAGE, encoding="utf-8")
    (content / "docfx.json").write_text(VERSION_DOCFX, encoding="utf-8")
    build = subprocess.run([context["docgen"], "build", str(content), "--output", str(folder / "site"), "-q"]
                           + context["templates"], capture_output=True, text=True, timeout=120, cwd=ROOT)
    assert build.returncode in (0, 1) and (folder / "site/install.html").exists(), \
        f"docgen build exited {build.returncode}: {build.stderr.strip()[-600:]}"
    versions = Site(folder / "site")
    clear_storage(driver, versions)
    open_page(driver, versions, "install.html")
    choices = [b.text for b in visible(driver, ".version-picker [data-version-choice]")]
    assert choices == ["vs-2019", "vs-2022", "vs-2026"], f"the picker offers {choices}"
    pressed = [b.text for b in visible(driver, ".version-picker [aria-pressed=true]")]
    assert pressed == ["vs-2026"], f"the newest version is not chosen on a first visit: {pressed}"
    driver.find_element(By.CSS_SELECTOR, "[data-version-choice=vs-2019]").click()
    shown = [p.text for p in visible(driver, ".moniker p:not(.moniker-label)")]
    assert shown == ["Use the 2019 installer."], f"blocks shown for vs-2019: {shown}"
    listed = [a.text for a in visible(driver, ".page-toc-list li a")]
    assert listed == ["Installation"], f"On this page for vs-2019: {listed}"
    assert not visible(driver, ".moniker-label"), "the range labels show once a version is chosen"
    assert "view=vs-2019" in driver.current_url, f"the choice is not in the URL: {driver.current_url}"
    driver.find_element(By.CSS_SELECTOR, "[data-version-choice=vs-2022]").click()
    shown = [p.text for p in visible(driver, ".moniker p:not(.moniker-label)")]
    assert shown == ["Use the 2022 installer.", "Run the repair."], f"blocks shown for vs-2022: {shown}"
    listed = [(a.text, a.get_attribute("href").rpartition("#")[2]) for a in visible(driver, ".page-toc-list li a")]
    # As on Learn, where each version is built apart: the version's heading is #installation.
    assert listed == [("Installation", "installation"), ("Repair", "repair")], f"On this page for vs-2022: {listed}"
    ids = js(driver, "return [].slice.call(document.querySelectorAll('[id=installation]')).map(function (e) { return e.tagName + ' ' + e.closest('.moniker').getAttribute('data-moniker'); });")
    assert ids == ["H2 vs-2022 vs-2026"], f"elements with id installation: {ids}"
    open_page(driver, versions, "install.html")
    assert [b.text for b in visible(driver, ".version-picker [aria-pressed=true]")] == ["vs-2022"], "the choice is not remembered"
    open_page(driver, versions, "install.html?view=vs-2019")
    assert [b.text for b in visible(driver, ".version-picker [aria-pressed=true]")] == ["vs-2019"], "?view= does not choose the version"
    errors = console_errors(driver)
    assert not errors, f"console errors: {errors}"
    # Without JavaScript every block shows, each labelled with its range, and the picker is hidden.
    plain = chrome(javascript=False)
    try:
        plain.get(versions.url("install.html"))
        labels = [p.text for p in plain.find_elements(By.CSS_SELECTOR, ".moniker-label") if p.is_displayed()]
        assert labels == ["Applies to: vs-2019", "Applies to: >= vs-2022"], f"block labels without JavaScript: {labels}"
        assert not [e for e in plain.find_elements(By.CSS_SELECTOR, ".version-picker") if e.is_displayed()], "the picker shows without JavaScript"
    finally:
        plain.quit()


@check("serve: a save reloads the open page with its new text and findings")
def serve_live_reload(driver, site, context):
    # serve renders a page when it is asked for and re-lints what a save can change; the browser
    # must get the reload, the new text and the new finding, with no full rebuild in between.
    content = Path(context["temp"], "serve-content")
    shutil.copytree(ROOT / "content", content)
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    server = subprocess.Popen([context["docgen"], "serve", str(content), "--port", str(port), "-v"] + context["templates"],
                              stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        base = f"http://127.0.0.1:{port}/"
        deadline = time.monotonic() + 120
        while True:
            try:
                urllib.request.urlopen(base, timeout=5).read()
                break
            except OSError:
                assert server.poll() is None, f"docgen serve exited {server.returncode}: {server.stderr.read()[-600:]}"
                assert time.monotonic() < deadline, "docgen serve did not answer within 120 s"
                time.sleep(0.2)
        driver.get(base + "overview.html")
        wait(driver, lambda d: d.execute_script("return document.readyState") == "complete", "overview.html did not load")
        assert not driver.find_elements(By.CSS_SELECTOR, "#docgen-findings .finding"), "content/overview.md has findings before the edit"
        time.sleep(1)  # the live-reload stream connects after the page loads
        driver.execute_script("window.docgenBeforeSave = true;")
        with open(content / "overview.md", "a", encoding="utf-8") as page:
            page.write("\nA paragraph saved while the page was open, with [a link to nowhere](no-such-page.md).\n")
        wait(driver, lambda d: d.execute_script("return window.docgenBeforeSave === undefined && document.readyState === 'complete'"),
             "the open page did not reload after the save")
        body = driver.find_element(By.TAG_NAME, "body").text
        assert "A paragraph saved while the page was open" in body, "the reloaded page does not show the saved text"
        findings = [f.text for f in driver.find_elements(By.CSS_SELECTOR, "#docgen-findings .finding")]
        assert any("no-such-page.md" in f for f in findings), f"the reloaded page does not show the broken link's finding: {findings}"
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()


@check("screenshots")
def screenshots(driver, site, context):
    folder = Path(context["output"], "screenshots")
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    shots = [(name, page, "light") for name in VIEWPORTS for page in SCREENSHOT_PAGES] + [("desktop", "index.html", "dark")]
    try:
        for name, page, theme in shots:
            viewport(driver, name)
            open_page(driver, site, page, theme=theme)
            # Images in view must have loaded, or the screenshot shows holes that are not there.
            wait(driver, lambda d: js(d, """return [].every.call(document.images, function (i) {
                    var r = i.getBoundingClientRect();
                    return r.top > innerHeight || r.bottom < 0 || (i.complete && i.naturalWidth > 0); })"""),
                 f"{page}: images in view did not load")
            file = folder / f"{name}-{page.replace('/', '-').removesuffix('.html')}{'-dark' if theme == 'dark' else ''}.png"
            assert driver.save_screenshot(str(file)), f"could not save {file}"
            overflow = js(driver, "return document.documentElement.scrollWidth - document.documentElement.clientWidth")
            if overflow > 0:
                context["notes"].append(f"{file.name}: the page scrolls sideways by {overflow}px")
    finally:
        viewport(driver, "desktop")
    assert len(list(folder.glob("*.png"))) == len(shots)


# ---------------------------------------------------------------------------------------------
# Runner


def axe_script():
    """axe-core's axe.min.js: the newest bundled by selenium-axe-python (4.x) or axe-selenium-python (3.x)."""
    found = []
    for module, relative in (("selenium_axe_python", "axe-core/axe.min.js"),
                             ("axe_selenium_python", "node_modules/axe-core/axe.min.js")):
        spec = importlib.util.find_spec(module)
        if spec and spec.origin and (Path(spec.origin).parent / relative).exists():
            text = (Path(spec.origin).parent / relative).read_text(encoding="utf-8")
            match = re.search(r"axe v([\d.]+)|\.version\s*=\s*\"([\d.]+)\"", text[:200000])
            version = (match.group(1) or match.group(2)) if match else "0"
            found.append((tuple(int(p) for p in version.split(".")), version, text))
    if not found:
        raise SystemExit("run_browser_tests: install selenium-axe-python or axe-selenium-python (for axe.min.js)")
    _, version, text = max(found, key=lambda f: f[0])
    return version, text


def run_checks(driver, site, context):
    passed = failed = 0
    for name, function in CHECKS:
        started = time.monotonic()
        try:
            alerts_after(driver, seconds=0)  # one left open by a failed check would break this one
            clear_storage(driver, site)      # each check starts as a first-time reader
            console_errors(driver)           # and owns only the console messages it causes
            function(driver, site, context)
            errors = console_errors(driver)
            assert not errors, "console errors: " + "; ".join(errors[:3])
            print(f"PASS {name} ({time.monotonic() - started:.1f} s)")
            passed += 1
        except Exception as error:           # a failed check must not stop the others
            text = str(error).strip() or type(error).__name__
            if hasattr(error, "msg") and getattr(error, "msg"):
                text = str(error.msg).strip()
            lines = text.splitlines()
            print(f"FAIL {name}: {lines[0]}")
            for line in lines[1:40]:
                print(f"    {line}")
            failed += 1
        sys.stdout.flush()
    return passed, failed


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--docgen", default=str(ROOT / ".build/debug/docgen"), help="the docgen binary to test")
    parser.add_argument("--output", default=str(ROOT / "test-output"), help="where screenshots/ goes")
    parser.add_argument("--templates", help="build with this templates folder (default: docgen's, site-templates/)")
    parser.add_argument("--only", action="append", default=[], metavar="TEXT",
                        help="run only the checks whose name contains TEXT (repeatable)")
    parser.add_argument("--keep", action="store_true", help="keep the built site and print where it is")
    args = parser.parse_args()
    if args.only:
        CHECKS[:] = [c for c in CHECKS if any(text in c[0] for text in args.only)]
    templates = ["--templates", str(Path(args.templates).resolve())] if args.templates else []
    docgen = str(Path(args.docgen).resolve()) if Path(args.docgen).exists() else args.docgen
    Path(args.output).mkdir(parents=True, exist_ok=True)

    temp = Path(tempfile.mkdtemp(prefix="docgen-browser-"))
    # linkchecker drops root privileges to "nobody", which must be able to read the site.
    temp.chmod(0o755)
    site = Site(temp / "site")
    try:
        passed, failed, notes = run_suite(docgen, templates, args.output, temp, site)
    finally:
        if args.keep:
            print(f"note: the site is kept in {site.folder}")
        else:
            shutil.rmtree(temp, ignore_errors=True)
    for note in notes:
        print(f"note: {note}")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


def run_suite(docgen, templates, output, temp, site):
    """Builds the site (a check of its own), then runs every check in one browser."""
    build = subprocess.run([docgen, "build", "content", "--output", str(site.folder), "-q"] + templates,
                           capture_output=True, text=True, timeout=300, cwd=ROOT)
    if build.returncode != 0 or not (site.folder / "index.html").exists():
        print(f"FAIL build: docgen build content exited {build.returncode}")
        for line in (build.stdout + build.stderr).strip().splitlines()[-30:]:
            print(f"    {line}")
        return 0, 1, []
    subprocess.run(["chmod", "-R", "a+rX", str(temp)], check=True)
    print(f"PASS build ({len(site.pages())} pages)")
    version, axe = axe_script()
    context = {"docgen": docgen, "templates": templates, "output": output, "temp": temp, "axe": axe, "axe_version": version, "notes": []}
    driver = chrome()
    try:
        passed, failed = run_checks(driver, site, context)
    finally:
        driver.quit()
    return passed + 1, failed, context["notes"]

if __name__ == "__main__":
    sys.exit(main())
