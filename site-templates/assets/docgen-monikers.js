/* docgen version picker: on a page with `::: moniker` blocks, shows the blocks of one version
   (named by ?view= as on Learn, else the one last chosen, else the newest) and hides the others
   and their "On this page" entries. Without this script every block shows with its range. */
(function () {
  "use strict";

  var doc = document;

  function $$(selector, scope) { return Array.prototype.slice.call((scope || doc).querySelectorAll(selector)); }
  function words(value) { return (value || "").split(/\s+/).filter(Boolean); }
  function load(key) { try { return window.localStorage.getItem(key); } catch (e) { return null; } }
  function save(key, value) { try { window.localStorage.setItem(key, value); } catch (e) { /* private mode, file:// */ } }

  function init() {
    var picker = doc.querySelector("[data-version-picker]");
    if (!picker) return;
    var buttons = $$("[data-version-choice]", picker);
    var ids = buttons.map(function (b) { return b.getAttribute("data-version-choice"); });
    if (!ids.length) return;
    var status = doc.createElement("div");
    status.className = "visually-hidden";
    status.setAttribute("role", "status");
    status.setAttribute("aria-live", "polite");
    doc.body.appendChild(status);

    /* Headings inside blocks, each with its id in the page and, in data-version-ids, the id it
       has on Learn in each version that shows it ("vs-2022:installation"). */
    var headings = $$("div.moniker [data-version-ids]");
    headings.forEach(function (h) { h.setAttribute("data-page-id", h.id); });
    var entries = $$("li[data-moniker] a[href^='#']").map(function (a) {
      var pageID = decodeURIComponent(a.getAttribute("href").slice(1));
      return { link: a, heading: headings.filter(function (h) { return h.getAttribute("data-page-id") === pageID; })[0] };
    });
    function versionID(h, version) {
      var pair = words(h.getAttribute("data-version-ids")).filter(function (p) { return p.indexOf(version + ":") === 0; })[0];
      return pair ? pair.slice(version.length + 1) : h.getAttribute("data-page-id");
    }

    /* A shown heading takes its id of the chosen version ("installation", not "installation-1")
       when no shown element holds it; hidden ones give theirs up meanwhile. */
    function renameHeadings(version) {
      headings.forEach(function (h) { if (h.closest("div.moniker[hidden]")) h.removeAttribute("id"); });
      headings.forEach(function (h) {
        if (h.closest("div.moniker[hidden]")) return;
        var wanted = versionID(h, version);
        var holder = doc.getElementById(wanted);
        h.id = !holder || holder === h ? wanted : h.getAttribute("data-page-id");
      });
      entries.forEach(function (e) { if (e.heading && e.heading.id) e.link.setAttribute("href", "#" + e.heading.id); });
    }

    function choose(id, remember) {
      buttons.forEach(function (b) { b.setAttribute("aria-pressed", b.getAttribute("data-version-choice") === id ? "true" : "false"); });
      $$("div.moniker[data-moniker]").forEach(function (block) { block.hidden = words(block.getAttribute("data-moniker")).indexOf(id) < 0; });
      // A class, not `hidden`: a heading in a zone pivot is also hidden by the pivot picker.
      $$("li[data-moniker]").forEach(function (item) {
        item.classList.toggle("is-other-version", words(item.getAttribute("data-moniker")).indexOf(id) < 0);
      });
      renameHeadings(id);
      doc.documentElement.classList.add("has-version-choice");
      if (remember) {
        save("docgen-version", id);
        try {
          var params = new URLSearchParams(window.location.search);
          params.set("view", id);
          window.history.replaceState(null, "", window.location.pathname + "?" + params.toString() + window.location.hash);
        } catch (e) { /* file:// in some browsers */ }
      }
    }

    var requested = null;
    try { requested = new URLSearchParams(window.location.search).get("view"); } catch (e) { requested = null; }
    var saved = load("docgen-version");
    choose(ids.indexOf(requested) >= 0 ? requested : (ids.indexOf(saved) >= 0 ? saved : ids[ids.length - 1]), false);
    buttons.forEach(function (b) {
      b.addEventListener("click", function () {
        choose(b.getAttribute("data-version-choice"), true);
        status.textContent = "Showing version " + b.textContent;
      });
    });
  }

  function safely() { try { init(); } catch (e) { /* leave every version shown */ } }
  if (doc.readyState === "loading") doc.addEventListener("DOMContentLoaded", safely); else safely();
})();
