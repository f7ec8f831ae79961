/* docgen: the page's chrome. The role picker and what the chosen role filters (navigation,
   zones for other roles, the reading path, role cards), the theme toggle, the navigation drawer,
   the "On this page" highlight and the docgen serve findings panel. Needs docgen.js. */
(function (dg) {
  "use strict";

  var doc = dg.doc, html = dg.html;
  var $ = dg.$, $$ = dg.$$, on = dg.on, el = dg.el, load = dg.load, save = dg.save, words = dg.words, decode = dg.decode;
  var announce = dg.announce, validRole = dg.validRole, currentRole = dg.currentRole, roleTitle = dg.roleTitle;
  var roleSelect = dg.roleSelect, cssString = dg.cssString;

  /* ---------- Roles ---------- */

  var showAllZones = false;

  function applyRoleStyle(role) {
    var style = $("#docgen-role-style");
    if (!role) { if (style && style.parentNode) style.parentNode.removeChild(style); return; }
    if (!style) { style = el("style", { id: "docgen-role-style" }); doc.head.appendChild(style); }
    var r = cssString(role);
    style.textContent = '[data-roles]:not([data-roles=""]):not([data-roles~="' + r + '"]):not(.is-trail){display:none!important}';
  }

  function applyZones(role) {
    var zones = $$(".zone.has-pivot[data-pivot]");
    var relevant = zones.filter(function (z) { return words(z.getAttribute("data-pivot")).some(validRole); });
    relevant.forEach(function (z) {
      var match = words(z.getAttribute("data-pivot")).indexOf(role) >= 0;
      z.hidden = !!role && !showAllZones && !match;
      z.classList.toggle("is-pivot-match", !!role && match);
    });
    // "On this page" lists a zone's headings only while the zone is shown.
    $$("li[data-pivot]").forEach(function (item) {
      var pivots = words(item.getAttribute("data-pivot"));
      item.hidden = !!role && !showAllZones && pivots.some(validRole) && pivots.indexOf(role) < 0;
    });
    var content = $(".article .content");
    var notice = $(".role-notice");
    if (!role || !relevant.length || !content) { if (notice) notice.parentNode.removeChild(notice); return; }
    if (!notice) {
      notice = el("p", { className: "role-notice" });
      content.insertBefore(notice, content.firstChild);
    }
    notice.textContent = "";
    var text = el("span");
    var button = el("button", { type: "button" });
    if (showAllZones) {
      text.textContent = "Showing content for all roles";
      button.textContent = "Show only " + roleTitle(role);
    } else {
      text.appendChild(doc.createTextNode("Showing content for "));
      text.appendChild(el("strong", null, roleTitle(role)));
      button.textContent = "Show all";
    }
    on(button, "click", function () {
      showAllZones = !showAllZones;
      applyZones(currentRole());
      var again = $(".role-notice button");
      if (again) again.focus();
    });
    notice.appendChild(text);
    notice.appendChild(doc.createTextNode(" · "));
    notice.appendChild(button);
  }

  function applyPager(role) {
    var pager = $(".pager");
    if (!pager) return;
    var fallback = $('.pager-set[data-pager="default"]', pager);
    var chosen = null;
    $$(".pager-set[data-pager-role]", pager).forEach(function (set) {
      var mine = !!role && set.getAttribute("data-pager-role") === role && !!$("a", set);
      set.hidden = !mine;
      if (mine) chosen = set;
      $$(".pager-label", set).forEach(function (s) {
        var base = s.parentNode.classList.contains("pager-next") ? "Next" : "Previous";
        s.textContent = mine ? base + " in the " + roleTitle(role) + " path" : base;
      });
    });
    if (fallback) fallback.hidden = !!chosen;
    var visible = chosen || fallback;
    pager.hidden = !(visible && $("a", visible));
  }

  function applyNavNote(role) {
    var scroll = $(".site-nav .nav-scroll");
    if (!scroll) return;
    var note = $(".nav-role-note", scroll);
    if (!role) { if (note) scroll.removeChild(note); return; }
    if (!note) { note = el("p", { className: "nav-role-note" }); scroll.insertBefore(note, scroll.firstChild); }
    note.textContent = "";
    note.appendChild(doc.createTextNode("Showing pages for "));
    note.appendChild(el("strong", null, roleTitle(role)));
    note.appendChild(doc.createTextNode("."));
    var button = el("button", { type: "button" }, "Show all roles");
    on(button, "click", function () { setRole(""); if (roleSelect) roleSelect.focus(); });
    note.appendChild(button);
  }

  function applyRole() {
    var role = currentRole();
    if (role) html.setAttribute("data-role", role); else html.removeAttribute("data-role");
    applyRoleStyle(role);
    if (roleSelect && roleSelect.value !== role) roleSelect.value = role;
    applyZones(role);
    applyPager(role);
    applyNavNote(role);
    $$("[data-role-chip]").forEach(function (c) { c.classList.toggle("is-my-role", c.getAttribute("data-role-chip") === role); });
    $$("[data-role-card]").forEach(function (c) { c.classList.toggle("is-my-role", c.getAttribute("data-role-card") === role); });
    $$("[data-role-row]").forEach(function (r) { r.classList.toggle("is-my-role", r.getAttribute("data-role-row") === role); });
    $$("[data-role-choose]").forEach(function (b) {
      var mine = b.getAttribute("data-role-choose") === role;
      b.setAttribute("aria-pressed", mine ? "true" : "false");
    });
  }

  function setRole(role) {
    save("docgen-role", validRole(role) ? role : "");
    showAllZones = false;
    applyRole();
    dg.roleChanged();
  }

  on(roleSelect, "change", function () {
    setRole(roleSelect.value);
    announce(roleSelect.value ? "Showing pages for " + roleTitle(roleSelect.value) : "Showing pages for all roles");
  });
  $$("[data-role-choose]").forEach(function (b) {
    on(b, "click", function () {
      var id = b.getAttribute("data-role-choose");
      var next = currentRole() === id ? "" : id;
      setRole(next);
      announce(next ? roleTitle(next) + " is now your role" : "Showing pages for all roles");
    });
  });

  /* ---------- Theme ---------- */

  var themeButton = $(".theme-toggle");
  var darkQuery = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;
  function effectiveTheme() {
    var t = html.getAttribute("data-theme");
    if (t === "light" || t === "dark") return t;
    return darkQuery && darkQuery.matches ? "dark" : "light";
  }
  function labelTheme() {
    if (!themeButton) return;
    var label = effectiveTheme() === "dark" ? "Switch to light theme" : "Switch to dark theme";
    themeButton.setAttribute("aria-label", label);
    themeButton.setAttribute("title", label);
  }
  on(themeButton, "click", function () {
    var next = effectiveTheme() === "dark" ? "light" : "dark";
    html.setAttribute("data-theme", next);
    save("docgen-theme", next);
    labelTheme();
  });
  if (darkQuery) {
    if (darkQuery.addEventListener) darkQuery.addEventListener("change", labelTheme);
    else if (darkQuery.addListener) darkQuery.addListener(labelTheme);
  }

  /* ---------- Navigation drawer ---------- */

  var nav = $("#site-nav");
  var navToggle = $(".nav-toggle");
  var navClose = $(".nav-close");
  var backdrop = null;
  var inertTargets = [".site-header", "#main", ".page-toc", ".site-footer", ".findings"];

  function drawerMode() { return !!(window.matchMedia && window.matchMedia("(max-width: 899px)").matches); }
  function setInert(value) {
    inertTargets.forEach(function (s) {
      var node = $(s);
      if (!node) return;
      if (value) node.setAttribute("inert", ""); else node.removeAttribute("inert");
    });
  }
  function openNav() {
    if (!nav || !navToggle) return;
    html.classList.add("nav-open");
    navToggle.setAttribute("aria-expanded", "true");
    if (!backdrop) {
      backdrop = el("div", { className: "nav-backdrop" });
      on(backdrop, "click", function () { closeNav(true); });
      doc.body.appendChild(backdrop);
    }
    backdrop.hidden = false;
    setInert(true);
    var target = $('.nav-link[aria-current="page"]', nav) || navClose || $("a, summary", nav);
    window.setTimeout(function () { if (target) target.focus(); }, 30);
  }
  function closeNav(returnFocus) {
    if (!html.classList.contains("nav-open")) return;
    html.classList.remove("nav-open");
    if (navToggle) navToggle.setAttribute("aria-expanded", "false");
    if (backdrop) backdrop.hidden = true;
    setInert(false);
    if (returnFocus && navToggle) navToggle.focus();
  }
  on(navToggle, "click", function () {
    if (html.classList.contains("nav-open")) closeNav(true); else openNav();
  });
  on(navClose, "click", function () { closeNav(true); });
  on(nav, "keydown", function (e) { if (e.key === "Escape" && html.classList.contains("nav-open")) { e.preventDefault(); closeNav(true); } });
  on(window, "resize", function () { if (!drawerMode()) closeNav(false); });

  function revealCurrentNavItem() {
    var current = nav && $('.nav-link[aria-current="page"]', nav);
    var scroller = nav && $(".nav-scroll", nav);
    if (!current || !scroller || drawerMode()) return;
    var top = current.offsetTop - scroller.clientHeight / 3;
    if (current.getBoundingClientRect().bottom > scroller.getBoundingClientRect().bottom - 20 && top > 0) scroller.scrollTop = top;
  }

  /* ---------- On this page: highlight the section in view ---------- */

  function initScrollSpy() {
    var links = $$(".page-toc-list a[href^='#']");
    if (!links.length) return;
    var targets = links.map(function (a) { return doc.getElementById(decode(a.getAttribute("href").slice(1))); });
    var ticking = false;
    function update() {
      ticking = false;
      var offset = 120, active = -1;
      targets.forEach(function (t, i) { if (t && t.getClientRects().length && t.getBoundingClientRect().top - offset <= 0) active = i; });
      if (active < 0) active = 0;
      if (window.innerHeight + window.scrollY >= doc.documentElement.scrollHeight - 4) active = links.length - 1;
      links.forEach(function (a, i) { if (i === active) a.setAttribute("aria-current", "true"); else a.removeAttribute("aria-current"); });
    }
    on(window, "scroll", function () { if (!ticking) { ticking = true; window.requestAnimationFrame(update); } }, { passive: true });
    update();
  }

  /* ---------- Findings panel (docgen serve) ---------- */

  function initFindings() {
    var panel = $("#docgen-findings");
    if (!panel) return;
    var signature = location.pathname + "|" + ($(".findings-list", panel) || panel).textContent.replace(/\s+/g, " ").trim();
    if (load("docgen-findings-dismissed", "session") === signature) { panel.hidden = true; return; }
    var close = $(".findings-close", panel);
    on(close, "click", function () {
      panel.hidden = true;
      save("docgen-findings-dismissed", signature, "session");
      var main = $("#main");
      if (main) main.focus();
    });
    on(panel, "keydown", function (e) { if (e.key === "Escape" && close) close.click(); });
  }

  /* ---------- Other tabs and windows ---------- */

  on(window, "storage", function (e) {
    if (e.key === "docgen-role") { showAllZones = false; applyRole(); dg.roleChanged(); }
    if (e.key === "docgen-theme") {
      var t = load("docgen-theme");
      if (t === "light" || t === "dark") html.setAttribute("data-theme", t); else html.removeAttribute("data-theme");
      labelTheme();
    }
  });

  /* Shows every zone, for a link into a zone of another role (content.js). */
  dg.showAllZones = function () { showAllZones = true; applyZones(currentRole()); };

  [applyRole, labelTheme, initScrollSpy, initFindings, revealCurrentNavItem].forEach(dg.feature);
})(window.docgen);
