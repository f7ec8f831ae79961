/* docgen site script: role filter, theme, navigation drawer, tabs, lightbox, code copy, search.
   Vanilla, no dependencies, works from file://. Every lookup is guarded: a page without a
   feature simply skips it. Without this script every page is complete and readable. */
(function () {
  "use strict";

  var doc = document;
  var html = doc.documentElement;
  var root = html.getAttribute("data-root") || "";

  html.classList.remove("no-js");
  html.classList.add("js");

  /* ---------- Helpers ---------- */

  function $(selector, scope) { return (scope || doc).querySelector(selector); }
  function $$(selector, scope) { return Array.prototype.slice.call((scope || doc).querySelectorAll(selector)); }
  function on(target, type, handler, options) { if (target) target.addEventListener(type, handler, options || false); }
  function el(tag, attrs, text) {
    var node = doc.createElement(tag);
    if (attrs) Object.keys(attrs).forEach(function (k) {
      if (k === "className") node.className = attrs[k];
      else node.setAttribute(k, attrs[k]);
    });
    if (text != null) node.textContent = text;
    return node;
  }
  function store(kind) {
    try { return kind === "session" ? window.sessionStorage : window.localStorage; } catch (e) { return null; }
  }
  function load(key, kind) { var s = store(kind); try { return s ? s.getItem(key) : null; } catch (e) { return null; } }
  function save(key, value, kind) {
    var s = store(kind);
    try { if (!s) return; if (value == null || value === "") s.removeItem(key); else s.setItem(key, value); } catch (e) { /* private mode */ }
  }
  function decode(value) { try { return decodeURIComponent(value); } catch (e) { return value; } }
  function words(value) { return (value || "").split(/\s+/).filter(Boolean); }

  var announcer = el("div", { className: "visually-hidden", role: "status", "aria-live": "polite" });
  function announce(text) {
    if (!announcer.parentNode && doc.body) doc.body.appendChild(announcer);
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 30);
  }

  /* ---------- Roles ---------- */

  var roleSelect = $("#role-select");
  var roleTitles = {};
  if (roleSelect) $$("option", roleSelect).forEach(function (o) { if (o.value) roleTitles[o.value] = o.textContent.trim(); });
  var showAllZones = false;

  function validRole(id) { return !!id && Object.prototype.hasOwnProperty.call(roleTitles, id); }
  function currentRole() { var r = load("docgen-role"); return validRole(r) ? r : ""; }
  function roleTitle(id) { return roleTitles[id] || id; }

  function cssString(value) { return String(value).replace(/["\\]/g, "\\$&").replace(/[\n\r\f]/g, ""); }

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
    $$(".search-only-role").forEach(function (p) { p.hidden = !role; });
    $$(".search-role-name").forEach(function (s) { s.textContent = role ? roleTitle(role) : ""; });
  }

  function setRole(role) {
    save("docgen-role", validRole(role) ? role : "");
    showAllZones = false;
    applyRole();
    if (search) search.refresh();
    if (searchPage) searchPage.refresh();
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

  /* ---------- Tabs ---------- */

  var tabGroups = [];
  function preferredTabs() { return words(load("docgen-tabs")); }
  function rememberTab(id) {
    var list = preferredTabs().filter(function (t) { return t !== id; });
    list.unshift(id);
    save("docgen-tabs", list.slice(0, 12).join(" "));
  }
  function selectTab(group, tab, focus) {
    group.tabs.forEach(function (t) {
      var selected = t === tab;
      t.setAttribute("aria-selected", selected ? "true" : "false");
      t.setAttribute("tabindex", selected ? "0" : "-1");
      if (t._panel) t._panel.hidden = !selected;
    });
    if (focus) tab.focus();
  }
  function selectEverywhere(id, origin) {
    var before = origin ? origin.getBoundingClientRect().top : 0;
    tabGroups.forEach(function (g) {
      var match = g.tabs.filter(function (t) { return t.getAttribute("data-tab") === id; })[0];
      if (match) selectTab(g, match, false);
    });
    if (origin) {
      var delta = origin.getBoundingClientRect().top - before;
      if (Math.abs(delta) > 1) window.scrollBy(0, delta);
    }
  }
  function initTabs() {
    $$(".tabGroup").forEach(function (node) {
      var tabs = $$('[role="tab"]', node).filter(function (t) { return t.closest(".tabGroup") === node; });
      if (!tabs.length) return;
      var group = { node: node, tabs: tabs };
      tabs.forEach(function (tab, i) {
        var panelId = tab.getAttribute("aria-controls");
        var panel = panelId ? doc.getElementById(panelId) : null;
        tab._panel = panel;
        if (!tab.id) tab.id = (panelId || node.id + "_" + i) + "_tab";
        if (panel) {
          panel.setAttribute("aria-labelledby", tab.id);
          panel.setAttribute("tabindex", "0");
          panel.setAttribute("data-tab-label", tab.textContent.trim());
        }
        on(tab, "click", function (e) {
          e.preventDefault();
          selectTab(group, tab, false);
          var id = tab.getAttribute("data-tab");
          if (id) { selectEverywhere(id, tab); rememberTab(id); }
        });
        on(tab, "keydown", function (e) {
          var index = tabs.indexOf(tab), next = null;
          if (e.key === "ArrowRight" || e.key === "ArrowDown") next = tabs[(index + 1) % tabs.length];
          else if (e.key === "ArrowLeft" || e.key === "ArrowUp") next = tabs[(index - 1 + tabs.length) % tabs.length];
          else if (e.key === "Home") next = tabs[0];
          else if (e.key === "End") next = tabs[tabs.length - 1];
          else if (e.key === " " || e.key === "Enter") { e.preventDefault(); tab.click(); return; }
          if (!next) return;
          e.preventDefault();
          selectTab(group, next, true);
          var id = next.getAttribute("data-tab");
          if (id) { selectEverywhere(id, next); rememberTab(id); }
        });
      });
      var initial = null;
      preferredTabs().some(function (id) {
        initial = tabs.filter(function (t) { return t.getAttribute("data-tab") === id; })[0] || null;
        return !!initial;
      });
      initial = initial || tabs.filter(function (t) { return t.getAttribute("aria-selected") === "true"; })[0] || tabs[0];
      selectTab(group, initial, false);
      node.classList.add("is-ready");
      tabGroups.push(group);
    });
  }
  /* A link to something inside a hidden tab panel or zone shows it first. */
  function revealHash() {
    var id = decode((location.hash || "").slice(1));
    var target = id ? doc.getElementById(id) : null;
    if (!target) return;
    var changed = false;
    var node = target;
    while (node && node !== doc.body) {
      if (node.getAttribute && node.getAttribute("role") === "tabpanel" && node.hidden) {
        var tab = doc.querySelector('[role="tab"][aria-controls="' + cssString(node.id) + '"]');
        if (tab) { tabGroups.forEach(function (g) { if (g.tabs.indexOf(tab) >= 0) selectTab(g, tab, false); }); changed = true; }
      }
      if (node.classList && node.classList.contains("zone") && node.hidden) { showAllZones = true; applyZones(currentRole()); changed = true; }
      node = node.parentNode;
    }
    if (changed) target.scrollIntoView();
  }

  /* ---------- Lightbox ---------- */

  function initLightbox() {
    if (typeof window.HTMLDialogElement !== "function") return;
    $$("a.lightbox").forEach(function (link) {
      var img = $("img", link);
      var alt = img ? img.getAttribute("alt") || "" : "";
      link.setAttribute("aria-haspopup", "dialog");
      if (alt) link.setAttribute("aria-label", alt + " (open the full-size image)");
      on(link, "click", function (e) {
        if (e.ctrlKey || e.metaKey || e.shiftKey || e.button > 0) return;
        e.preventDefault();
        var dialog = el("dialog", { className: "lightbox-dialog", "aria-modal": "true", "aria-label": alt ? "Image: " + alt : "Image" });
        var close = el("button", { className: "lightbox-close", type: "button" }, "Close");
        var figure = el("figure", { className: "lightbox-figure" });
        var big = el("img", { src: link.getAttribute("href") || (img && img.getAttribute("src")) || "", alt: alt });
        figure.appendChild(big);
        if (alt) figure.appendChild(el("figcaption", null, alt));
        dialog.appendChild(close);
        dialog.appendChild(figure);
        doc.body.appendChild(dialog);
        on(close, "click", function () { dialog.close(); });
        on(dialog, "click", function (ev) { if (ev.target === dialog) dialog.close(); });
        on(dialog, "close", function () {
          if (dialog.parentNode) dialog.parentNode.removeChild(dialog);
          link.focus();
        });
        try { dialog.showModal(); } catch (err) { dialog.setAttribute("open", ""); }
        close.focus();
      });
    });
  }

  /* ---------- Code blocks and headings ---------- */

  var languageNames = {
    azurecli: "Azure CLI", azurepowershell: "Azure PowerShell", bash: "Bash", sh: "Shell", shell: "Shell", console: "Console",
    cmd: "Command prompt", csharp: "C#", cs: "C#", fsharp: "F#", js: "JavaScript", javascript: "JavaScript", ts: "TypeScript",
    typescript: "TypeScript", json: "JSON", yaml: "YAML", yml: "YAML", kusto: "KQL", kql: "KQL", powershell: "PowerShell",
    python: "Python", py: "Python", sql: "SQL", xml: "XML", html: "HTML", css: "CSS", go: "Go", java: "Java", swift: "Swift",
    promql: "PromQL", dockerfile: "Dockerfile", terraform: "Terraform", bicep: "Bicep", markdown: "Markdown", md: "Markdown",
    text: "Text", output: "Output", http: "HTTP", rust: "Rust", ruby: "Ruby", cpp: "C++", c: "C"
  };

  function copyText(text, done) {
    function fallback() {
      var area = el("textarea", { readonly: "", "aria-hidden": "true" });
      area.value = text;
      area.style.position = "fixed"; area.style.opacity = "0"; area.style.top = "0";
      doc.body.appendChild(area);
      area.select();
      var ok = false;
      try { ok = doc.execCommand("copy"); } catch (e) { ok = false; }
      doc.body.removeChild(area);
      done(ok);
    }
    if (navigator.clipboard && window.isSecureContext) navigator.clipboard.writeText(text).then(function () { done(true); }, fallback);
    else fallback();
  }

  function markScrollable() {
    $$(".content pre").forEach(function (pre) {
      if (pre.scrollWidth > pre.clientWidth + 1) {
        pre.setAttribute("tabindex", "0");
      } else if (pre.getAttribute("tabindex") === "0") {
        pre.removeAttribute("tabindex");
      }
    });
  }

  function initCode() {
    $$(".content pre > code").forEach(function (code) {
      var pre = code.parentNode;
      if (!pre || !pre.parentNode || pre.parentNode.classList.contains("code-block")) return;
      var lang = "";
      (code.className || "").split(/\s+/).forEach(function (c) { var m = /^lang(?:uage)?-(.+)$/.exec(c); if (m) lang = m[1]; });
      var wrap = el("div", { className: "code-block" });
      var bar = el("div", { className: "code-toolbar" });
      var label = el("span", { className: "code-lang" }, lang ? (languageNames[lang.toLowerCase()] || lang) : "");
      var button = el("button", { className: "code-copy", type: "button" }, "Copy");
      button.setAttribute("aria-label", "Copy code" + (lang ? " (" + label.textContent + ")" : ""));
      on(button, "click", function () {
        copyText(code.textContent || "", function (ok) {
          button.textContent = ok ? "Copied" : "Press Ctrl+C to copy";
          announce(ok ? "Code copied to the clipboard" : "Copying failed");
          window.setTimeout(function () { button.textContent = "Copy"; }, 2000);
        });
      });
      bar.appendChild(label);
      bar.appendChild(button);
      pre.parentNode.insertBefore(wrap, pre);
      wrap.appendChild(bar);
      wrap.appendChild(pre);
    });
    markScrollable();
  }

  /* Tables arrive as regions all named "Table"; name each after its section so they are told apart. */
  function nameTables() {
    var used = {};
    $$('.content .table-scroll[role="region"]').forEach(function (region) {
      var caption = $("caption", region);
      var name = caption ? caption.textContent.trim() : "";
      if (!name) {
        var node = region;
        while (node && !name) {
          var prev = node.previousElementSibling;
          while (prev && !/^H[2-6]$/.test(prev.tagName)) prev = prev.previousElementSibling;
          if (prev) name = "Table: " + prev.textContent.replace(/#$/, "").trim();
          else node = node.parentElement && node.parentElement.closest(".content") ? node.parentElement : null;
        }
      }
      name = name || "Table";
      used[name] = (used[name] || 0) + 1;
      region.setAttribute("aria-label", used[name] > 1 ? name + " (" + used[name] + ")" : name);
    });
  }

  function initHeadingAnchors() {
    $$(".content h2[id], .content h3[id], .content h4[id], .content h5[id], .content h6[id]").forEach(function (h) {
      if ($(".heading-anchor", h)) return;
      var a = el("a", { className: "heading-anchor", href: "#" + h.id, "aria-hidden": "true", tabindex: "-1" }, "#");
      h.appendChild(a);
    });
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

  /* ---------- Search ---------- */

  /* Stop words and question filler come from the index (docgen writes them once, in Swift). */
  var STOP = [], FILLER = [];
  var WORD = (function () { try { return new RegExp("[\\p{L}\\p{N}]+", "gu"); } catch (e) { return /[A-Za-z0-9\u00C0-\uFFFF]+/g; } })();

  function tokens(text) { return (String(text || "").toLowerCase().match(WORD) || []); }
  function queryTerms(query) {
    var all = tokens(query).filter(function (t) { return t.length >= 2; });
    var kept = all.filter(function (t, i) {
      var last = i === all.length - 1;
      if (last) return true;
      return STOP.indexOf(t) < 0 && FILLER.indexOf(t) < 0;
    });
    var unique = [];
    kept.forEach(function (t) { if (unique.indexOf(t) < 0) unique.push(t); });
    return unique;
  }

  function loadScript(src, done) {
    var script = el("script", { src: src, async: "" });
    script.onload = function () { done(true); };
    script.onerror = function () { done(false); };
    doc.head.appendChild(script);
  }

  /* The index: search-index.js holds the documents; the terms are in parts (search/terms-N.js),
     each loaded the first time a query needs it. */
  var Index = {
    data: null, state: "idle", waiting: [], fields: [], parts: {}, keys: {}, partWaiting: {},
    ready: function (callback) {
      if (this.data) { callback(this); return; }
      if (window.DOCGEN_SEARCH_INDEX) { this.prepare(); callback(this); return; }
      this.waiting.push(callback);
      if (this.state === "loading") return;
      if (this.state === "failed") { this.flush(); return; }
      this.state = "loading";
      var self = this;
      loadScript(root + "search-index.js", function () {
        if (window.DOCGEN_SEARCH_INDEX) self.prepare(); else self.state = "failed";
        self.flush();
      });
    },
    flush: function () { var list = this.waiting; this.waiting = []; var self = this; list.forEach(function (cb) { cb(self); }); },
    prepare: function () {
      var data = window.DOCGEN_SEARCH_INDEX;
      if (!data || !data.docs || !data.parts) { this.state = "failed"; return; }
      this.data = data;
      STOP = data.stop || [];
      FILLER = data.filler || [];
      this.state = "ready";
    },
    /* The same hash of a term's first two code points as SearchIndexBuilder.part(of:count:). */
    partOf: function (term) {
      var h = 0, i = 0, n = 0;
      while (i < term.length && n < 2) {
        var cp = term.codePointAt(i);
        h = (h * 31 + cp) % 1000003;
        i += cp > 0xffff ? 2 : 1;
        n += 1;
      }
      return h % this.data.parts;
    },
    receive: function (number, terms) {
      this.parts[number] = terms;
      this.keys[number] = Object.keys(terms).sort();
    },
    /* Calls back once every part the terms are in has loaded (or failed to). */
    loadParts: function (terms, callback) {
      var self = this;
      var needed = [];
      terms.forEach(function (t) { var p = self.partOf(t); if (!self.parts[p] && needed.indexOf(p) < 0) needed.push(p); });
      var left = needed.length;
      if (!left) { callback(); return; }
      needed.forEach(function (p) {
        var waiting = self.partWaiting[p];
        if (waiting) { waiting.push(function () { if (--left === 0) callback(); }); return; }
        self.partWaiting[p] = [function () { if (--left === 0) callback(); }];
        loadScript(root + "search/terms-" + p + ".js", function () {
          var list = self.partWaiting[p] || [];
          delete self.partWaiting[p];
          if (!self.parts[p]) self.parts[p] = {}, self.keys[p] = [];
          list.forEach(function (cb) { cb(); });
        });
      });
    },
    postings: function (encoded) {
      var result = [], n = 0;
      String(encoded || "").split(",").forEach(function (gap) { if (gap) { n += parseInt(gap, 36); result.push(n); } });
      return result;
    },
    field: function (i) {
      var f = this.fields[i];
      if (!f) {
        var d = this.data.docs[i] || {};
        f = this.fields[i] = { t: tokens(d.t), h: tokens(d.h), d: tokens(d.d) };
      }
      return f;
    },
    lowerBound: function (keys, term) {
      var lo = 0, hi = keys.length;
      while (lo < hi) { var mid = (lo + hi) >> 1; if (keys[mid] < term) lo = mid + 1; else hi = mid; }
      return lo;
    },
    /* Ranks documents: an exact title first, then title hits > heading hits > description > body
       terms; exact beats prefix, and a title that starts with the word (an identifier's page)
       beats one that only contains it. Calls back with the results. */
    search: function (query, role, callback) {
      if (!this.data) { callback([]); return; }
      var terms = queryTerms(query);
      if (!terms.length) { callback([]); return; }
      var self = this;
      this.loadParts(terms, function () { callback(self.rank(query, terms, role)); });
    },
    rank: function (query, terms, role) {
      var docs = this.data.docs, self = this;
      var scores = {};
      var wanted = tokens(query).join(" ");
      terms.forEach(function (term, ti) {
        var body = {};
        var part = self.partOf(term), keys = self.keys[part] || [], postings = self.parts[part] || {};
        var i = self.lowerBound(keys, term), seen = 0;
        for (; i < keys.length && seen < 400; i++, seen++) {
          var key = keys[i];
          if (key.lastIndexOf(term, 0) !== 0) break;
          var quality = key === term ? 1 : 0.55;
          self.postings(postings[key]).forEach(function (n) { if (!body[n] || body[n] < quality) body[n] = quality; });
        }
        Object.keys(body).forEach(function (n) {
          var f = self.field(n);
          function hit(list) {
            var best = 0;
            for (var k = 0; k < list.length; k++) {
              if (list[k] === term) return 1;
              if (list[k].lastIndexOf(term, 0) === 0) best = 0.6;
            }
            return best;
          }
          var s = scores[n] || (scores[n] = { n: +n, score: 0, matched: 0 });
          s.score += hit(f.t) * 12 + hit(f.h) * 5 + hit(f.d) * 2 + body[n] * 1;
          s.matched += 1;
          if (f.t.length && f.t[0] === term) s.score += 6;
          else if (ti === 0 && f.t.length && f.t[0].lastIndexOf(term, 0) === 0) s.score += 2;
        });
      });
      var results = Object.keys(scores).map(function (k) { return scores[k]; });
      results.forEach(function (r) { if (self.field(r.n).t.join(" ") === wanted) r.score += 40; });
      if (role) results = results.filter(function (r) { var rr = words(docs[r.n].r); return !rr.length || rr.indexOf(role) >= 0; });
      results.sort(function (a, b) {
        return (b.matched - a.matched) || (b.score - a.score) || (docs[a.n].t.length - docs[b.n].t.length);
      });
      return results.map(function (r) {
        var d = docs[r.n];
        return { title: d.t || d.u, url: root + d.u, roles: words(d.r), description: d.d || "", heading: matchingHeading(d.h, terms), complete: r.matched === terms.length };
      });
    }
  };
  window.DOCGEN_SEARCH_TERMS = function (number, terms) { Index.receive(number, terms); };

  function matchingHeading(headings, terms) {
    var list = String(headings || "").split(" · ");
    for (var i = 0; i < list.length; i++) {
      var t = tokens(list[i]);
      if (terms.some(function (term) { return t.some(function (w) { return w.lastIndexOf(term, 0) === 0; }); })) return list[i];
    }
    return "";
  }

  /* Appends `text` to `node`, marking the start of every word that begins with a query term. */
  function highlight(node, text, terms) {
    text = String(text || "");
    var re = new RegExp(WORD.source, WORD.flags);
    var last = 0, m;
    while ((m = re.exec(text))) {
      var w = m[0].toLowerCase(), len = 0;
      terms.forEach(function (t) { if (w.lastIndexOf(t, 0) === 0 && t.length > len) len = t.length; });
      if (!len) continue;
      if (m.index > last) node.appendChild(doc.createTextNode(text.slice(last, m.index)));
      node.appendChild(el("mark", null, text.slice(m.index, m.index + len)));
      last = m.index + len;
    }
    if (last < text.length) node.appendChild(doc.createTextNode(text.slice(last)));
  }

  function onlyRolePreference() { return load("docgen-search-only-role", "session") === "1"; }
  function setOnlyRolePreference(value) { save("docgen-search-only-role", value ? "1" : "", "session"); }

  /* The header search box: an ARIA 1.2 combobox with a listbox of up to 10 results. */
  var search = (function () {
    var input = $("#site-search-input");
    var form = input ? input.closest("form") : null;
    if (!input || !form) return null;
    var popup = el("div", { className: "search-popup", id: "site-search-popup" });
    popup.hidden = true;
    var head = el("div", { className: "search-popup-head" });
    var count = el("span", { className: "search-count" });
    var onlyLabel = el("label");
    var only = el("input", { type: "checkbox", id: "site-search-only-role" });
    var onlyName = el("span");
    onlyLabel.appendChild(only);
    onlyLabel.appendChild(doc.createTextNode("Only "));
    onlyLabel.appendChild(onlyName);
    head.appendChild(count);
    head.appendChild(onlyLabel);
    var list = el("ul", { className: "search-listbox", id: "site-search-listbox", role: "listbox", "aria-label": "Search suggestions" });
    var foot = el("div", { className: "search-popup-foot" });
    var all = el("a", { href: root + "search.html" }, "See all results");
    foot.appendChild(all);
    popup.appendChild(head);
    popup.appendChild(list);
    popup.appendChild(foot);
    form.appendChild(popup);

    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-expanded", "false");
    input.setAttribute("aria-controls", list.id);

    var results = [], active = -1, timer = 0, lastQuery = null;

    function open() { popup.hidden = false; input.setAttribute("aria-expanded", "true"); }
    function close() {
      popup.hidden = true; input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant"); active = -1; lastQuery = null;
    }
    function setActive(i) {
      var options = $$('[role="option"]', list);
      if (!options.length) return;
      active = (i + options.length) % options.length;
      options.forEach(function (o, k) { o.setAttribute("aria-selected", k === active ? "true" : "false"); });
      input.setAttribute("aria-activedescendant", options[active].id);
      options[active].scrollIntoView({ block: "nearest" });
    }
    function go(url) { if (url) window.location.href = url; }

    function render(query, index) {
      var role = currentRole();
      var useRole = !!role && only.checked;
      onlyLabel.hidden = !role;
      onlyName.textContent = role ? roleTitle(role) : "";
      list.textContent = "";
      active = -1;
      input.removeAttribute("aria-activedescendant");
      all.setAttribute("href", root + "search.html?q=" + encodeURIComponent(query));
      all.textContent = "See all results for \u201c" + query + "\u201d";
      if (index.state === "failed") {
        count.textContent = "";
        list.appendChild(el("li", { className: "search-empty", role: "option", id: "site-search-none", "aria-disabled": "true", "aria-selected": "false" }, "Search isn't available: the index could not be loaded."));
        open();
        return;
      }
      index.search(query, useRole ? role : "", function (found) {
        if (input.value.trim() === query) show(query, found);
      });
    }

    function show(query, found) {
      var terms = queryTerms(query);
      list.textContent = "";
      results = found;
      var shown = results.slice(0, 10);
      count.textContent = results.length ? (results.length === 1 ? "1 result" : results.length + " results") : "";
      if (!shown.length) {
        list.appendChild(el("li", { className: "search-empty", role: "option", id: "site-search-none", "aria-disabled": "true", "aria-selected": "false" }, "No pages match \u201c" + query + "\u201d."));
      }
      shown.forEach(function (r, i) {
        var li = el("li", { className: "search-option", role: "option", id: "site-search-option-" + i, "aria-selected": "false" });
        li.setAttribute("data-url", r.url);
        var title = el("span", { className: "search-option-title" });
        highlight(title, r.title, terms);
        li.appendChild(title);
        var detail = r.heading || r.description;
        if (detail) {
          var text = el("span", { className: "search-option-text" });
          highlight(text, r.heading ? "\u00a7 " + r.heading : r.description, terms);
          li.appendChild(text);
        }
        on(li, "mousedown", function (e) { e.preventDefault(); });
        on(li, "click", function () { go(r.url); });
        list.appendChild(li);
      });
      open();
      announce(shown.length ? count.textContent + ". Use the up and down arrow keys to choose one." : "No results.");
    }

    function run() {
      var query = input.value.trim();
      if (queryTerms(query).length === 0) { close(); return; }
      if (query === lastQuery && !popup.hidden) return;
      lastQuery = query;
      Index.ready(function (index) { if (input.value.trim() === query) render(query, index); });
    }

    only.checked = onlyRolePreference();
    on(only, "change", function () {
      setOnlyRolePreference(only.checked);
      lastQuery = null;
      run();
      input.focus();
    });
    on(input, "focus", function () { Index.ready(function () {}); if (input.value.trim()) run(); });
    on(input, "input", function () { window.clearTimeout(timer); timer = window.setTimeout(run, 90); });
    on(input, "keydown", function (e) {
      if (e.key === "ArrowDown" || e.key === "ArrowUp") {
        e.preventDefault();
        if (popup.hidden) { lastQuery = null; run(); return; }
        setActive(active + (e.key === "ArrowDown" ? 1 : -1));
      } else if (e.key === "Enter") {
        var option = active >= 0 ? $$('[role="option"]', list)[active] : null;
        if (option && option.getAttribute("data-url")) { e.preventDefault(); go(option.getAttribute("data-url")); }
      } else if (e.key === "Escape") {
        if (!popup.hidden) { e.preventDefault(); close(); } else if (input.value) { e.preventDefault(); input.value = ""; }
      } else if (e.key === "Home" || e.key === "End") {
        input.removeAttribute("aria-activedescendant");
      }
    });
    on(form, "focusout", function () {
      window.setTimeout(function () { if (!form.contains(doc.activeElement)) close(); }, 120);
    });
    on(doc, "keydown", function (e) {
      var tag = (e.target && e.target.tagName) || "";
      if (e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !/^(INPUT|TEXTAREA|SELECT)$/.test(tag) && !(e.target && e.target.isContentEditable)) {
        e.preventDefault();
        input.focus();
      }
    });
    return { refresh: function () { lastQuery = null; if (!popup.hidden) run(); else onlyLabel.hidden = !currentRole(); } };
  })();

  /* The search page: full results for ?q=, and live as you type. */
  var searchPage = (function () {
    var input = $("#search-page-input");
    var list = $("#search-page-results");
    var status = $("#search-page-status");
    var allPages = $("#all-pages");
    if (!input || !list) return null;
    var only = $("#search-page-only-role");
    var timer = 0;
    var params = null;
    try { params = new URLSearchParams(window.location.search); } catch (e) { params = null; }
    var initial = params ? (params.get("q") || "") : "";
    input.value = initial;
    var header = $("#site-search-input");
    if (header && initial) header.value = initial;
    if (only) only.checked = onlyRolePreference();

    function setStatus(text) { if (status) status.textContent = text; }
    function run() {
      var query = input.value.trim();
      try {
        var url = window.location.pathname + (query ? "?q=" + encodeURIComponent(query) : "") + window.location.hash;
        window.history.replaceState(null, "", url);
      } catch (e) { /* file:// in some browsers */ }
      if (!queryTerms(query).length) {
        list.textContent = ""; list.hidden = true;
        if (allPages) allPages.hidden = false;
        setStatus(query ? "Type at least two letters." : "");
        return;
      }
      setStatus("Searching\u2026");
      Index.ready(function (index) {
        if (input.value.trim() !== query) return;
        list.textContent = "";
        if (index.state === "failed") {
          list.hidden = true;
          if (allPages) allPages.hidden = false;
          setStatus("Search isn't available because the index could not be loaded; browse the documentation with the navigation.");
          return;
        }
        var role = currentRole();
        var useRole = !!role && !!only && only.checked;
        index.search(query, useRole ? role : "", function (found) {
          if (input.value.trim() === query) showResults(query, found.slice(0, 100), role, useRole);
        });
      });
    }
    function showResults(query, results, role, useRole) {
        var terms = queryTerms(query);
        var where = useRole ? " for " + roleTitle(role) : "";
        setStatus(results.length
          ? (results.length === 1 ? "1 page" : results.length + " pages") + " match \u201c" + query + "\u201d" + where + "."
          : "No pages match \u201c" + query + "\u201d" + where + ". Try fewer or shorter words.");
        results.forEach(function (r) {
          var li = el("li");
          var a = el("a", { className: "search-result-title", href: r.url });
          highlight(a, r.title, terms);
          li.appendChild(a);
          li.appendChild(el("span", { className: "search-result-url" }, r.url.slice(root.length)));
          if (r.heading) {
            var h = el("p", { className: "search-result-text" });
            highlight(h, "\u00a7 " + r.heading, terms);
            li.appendChild(h);
          }
          if (r.description) {
            var p = el("p", { className: "search-result-text" });
            highlight(p, r.description, terms);
            li.appendChild(p);
          }
          if (r.roles.length) {
            var chips = el("ul", { className: "chips search-result-roles", "aria-label": "Roles" });
            r.roles.forEach(function (id) {
              var c = el("li");
              c.appendChild(el("span", { className: "chip chip-role" + (id === role ? " is-my-role" : "") }, roleTitle(id)));
              chips.appendChild(c);
            });
            li.appendChild(chips);
          }
          list.appendChild(li);
        });
        list.hidden = !results.length;
        if (allPages) allPages.hidden = results.length > 0;
    }
    on(input, "input", function () { window.clearTimeout(timer); timer = window.setTimeout(run, 150); });
    on(input.closest("form"), "submit", function (e) { e.preventDefault(); run(); });
    on(only, "change", function () { setOnlyRolePreference(only.checked); run(); });
    if (initial) run();
    return { refresh: function () { if (input.value.trim()) run(); } };
  })();

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

  /* ---------- Print: open collapsed sections ---------- */

  var reopened = [];
  on(window, "beforeprint", function () {
    reopened = $$("#main details:not([open])");
    reopened.forEach(function (d) { d.setAttribute("open", ""); });
  });
  on(window, "afterprint", function () { reopened.forEach(function (d) { d.removeAttribute("open"); }); reopened = []; });

  /* ---------- Other tabs and windows ---------- */

  on(window, "storage", function (e) {
    if (e.key === "docgen-role") { showAllZones = false; applyRole(); }
    if (e.key === "docgen-theme") {
      var t = load("docgen-theme");
      if (t === "light" || t === "dark") html.setAttribute("data-theme", t); else html.removeAttribute("data-theme");
      labelTheme();
    }
  });

  /* ---------- Zone pivot pickers ---------- */

  /* Each picker shows the zones of one choice of its group (remembered per group, or named by
     ?pivots= as on Learn) and hides the others and their "On this page" entries. */
  function initPivotPickers() {
    var pickers = $$(".pivot-picker[data-pivot-group]");
    if (!pickers.length) return;
    var requested = [];
    try { requested = (new URLSearchParams(window.location.search).get("pivots") || "").split(","); } catch (e) { requested = []; }
    pickers.forEach(function (picker) {
      var group = picker.getAttribute("data-pivot-group");
      var buttons = $$("[data-pivot-choice]", picker);
      var ids = buttons.map(function (b) { return b.getAttribute("data-pivot-choice"); });
      if (!ids.length) return;
      function ours(element) { return words(element.getAttribute("data-pivot")).some(function (p) { return ids.indexOf(p) >= 0; }); }
      function choose(id, remember) {
        buttons.forEach(function (b) { b.setAttribute("aria-pressed", b.getAttribute("data-pivot-choice") === id ? "true" : "false"); });
        $$(".zone.has-pivot[data-pivot]").filter(ours).forEach(function (zone) { zone.hidden = words(zone.getAttribute("data-pivot")).indexOf(id) < 0; });
        $$("li[data-pivot]").filter(ours).forEach(function (item) { item.hidden = words(item.getAttribute("data-pivot")).indexOf(id) < 0; });
        doc.documentElement.classList.add("has-pivot-choice");
        if (remember) {
          save("docgen-pivot-" + group, id);
          try {
            var params = new URLSearchParams(window.location.search);
            params.set("pivots", id);
            window.history.replaceState(null, "", window.location.pathname + "?" + params.toString() + window.location.hash);
          } catch (e) { /* file:// in some browsers */ }
        }
      }
      var fromURL = requested.filter(function (id) { return ids.indexOf(id) >= 0; })[0];
      var saved = load("docgen-pivot-" + group);
      choose(fromURL || (ids.indexOf(saved) >= 0 ? saved : ids[0]), false);
      buttons.forEach(function (b) {
        on(b, "click", function () {
          choose(b.getAttribute("data-pivot-choice"), true);
          announce("Showing " + b.textContent);
        });
      });
    });
  }

  /* ---------- Start ---------- */

  /* One feature failing (unexpected content) must not stop the others. */
  function safely(fn) { try { fn(); } catch (e) { /* leave this feature off */ } }

  function start() {
    if (announcer && !announcer.parentNode) doc.body.appendChild(announcer);
    [applyRole, initPivotPickers, labelTheme, initTabs, initLightbox, initCode, nameTables, initHeadingAnchors, initScrollSpy,
      initFindings, revealCurrentNavItem, revealHash].forEach(safely);
    on(window, "hashchange", function () { safely(revealHash); });
    var resizeTimer = 0;
    on(window, "resize", function () { window.clearTimeout(resizeTimer); resizeTimer = window.setTimeout(function () { safely(markScrollable); }, 150); });
  }

  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", start); else start();
})();
