/* docgen: what an article's content needs. Tabs, a link into a hidden tab or zone, the image
   lightbox, code blocks (language label, copy button, keyboard scrolling), table names, heading
   anchors, and collapsed sections opened for printing. Needs docgen.js. */
(function (dg) {
  "use strict";

  var doc = dg.doc;
  var $ = dg.$, $$ = dg.$$, on = dg.on, el = dg.el, load = dg.load, save = dg.save, words = dg.words, decode = dg.decode;
  var announce = dg.announce, cssString = dg.cssString, safely = dg.safely;

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
      if (node.classList && node.classList.contains("zone") && node.hidden) { if (dg.showAllZones) dg.showAllZones(); changed = true; }
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

  /* ---------- Print: open collapsed sections ---------- */

  var reopened = [];
  on(window, "beforeprint", function () {
    reopened = $$("#main details:not([open])");
    reopened.forEach(function (d) { d.setAttribute("open", ""); });
  });
  on(window, "afterprint", function () { reopened.forEach(function (d) { d.removeAttribute("open"); }); reopened = []; });

  [initTabs, initLightbox, initCode, nameTables, initHeadingAnchors, revealHash].forEach(dg.feature);
  dg.feature(function () {
    on(window, "hashchange", function () { safely(revealHash); });
    var resizeTimer = 0;
    on(window, "resize", function () { window.clearTimeout(resizeTimer); resizeTimer = window.setTimeout(function () { safely(markScrollable); }, 150); });
  });
})(window.docgen);
