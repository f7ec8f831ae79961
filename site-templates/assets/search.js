/* docgen search: the index (search-index.js and its parts), ranking, the header search box's list
   of results and the search page. The search page loads this file; on other pages search-box.js
   loads it the first time the reader uses the search box. Needs docgen.js. */
(function (dg) {
  "use strict";

  if (dg.searchLoaded) return;
  dg.searchLoaded = true;
  var doc = dg.doc, root = dg.root;
  var $ = dg.$, $$ = dg.$$, on = dg.on, el = dg.el, load = dg.load, save = dg.save, words = dg.words;
  var announce = dg.announce, currentRole = dg.currentRole, roleTitle = dg.roleTitle, loadScript = dg.loadScript;

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
  function initSearchBox() {
    var input = $("#site-search-input");
    var form = input ? input.closest("form") : null;
    if (!input || !form) return;
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
    // Loaded on the first focus or keystroke (search-box.js): catch up with what the reader did.
    if (doc.activeElement === input) { Index.ready(function () {}); if (input.value.trim()) run(); }
    dg.onRoleChange(function () { lastQuery = null; if (!popup.hidden) run(); else onlyLabel.hidden = !currentRole(); });
  }

  /* The search page: full results for ?q=, and live as you type. */
  function initSearchPage() {
    var input = $("#search-page-input");
    var list = $("#search-page-results");
    var status = $("#search-page-status");
    var allPages = $("#all-pages");
    if (!input || !list) return;
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
    dg.onRoleChange(function () { if (input.value.trim()) run(); });
  }

  /* The search page's "Only my role" choice shows only while a role is chosen. */
  function showRoleChoice() {
    var role = currentRole();
    $$(".search-only-role").forEach(function (p) { p.hidden = !role; });
    $$(".search-role-name").forEach(function (s) { s.textContent = role ? roleTitle(role) : ""; });
  }

  dg.onRoleChange(showRoleChoice);
  [showRoleChoice, initSearchBox, initSearchPage].forEach(dg.feature);
})(window.docgen);
