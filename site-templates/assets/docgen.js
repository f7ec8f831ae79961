/* docgen site script, the shared part: helpers, the reader's chosen role, and the start of every
   feature. The features are one file per concern, loaded after this one: navigation.js (role
   picker and role filter, theme, navigation drawer, "On this page"), pivots.js (zone pivot
   pickers), content.js (tabs, lightbox, code blocks, tables, headings), search-box.js (the header
   search box, which loads search.js when first used) and search.js (the index and its ranking,
   loaded by the search page). Each registers with docgen.feature(); live reload is in the layout,
   only under docgen serve.
   Vanilla, no dependencies, works from file://. Every lookup is guarded: a page without a
   feature simply skips it. Without these scripts every page is complete and readable. */
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
  function cssString(value) { return String(value).replace(/["\\]/g, "\\$&").replace(/[\n\r\f]/g, ""); }
  function loadScript(src, done) {
    var script = el("script", { src: src, async: "" });
    script.onload = function () { done(true); };
    script.onerror = function () { done(false); };
    doc.head.appendChild(script);
  }

  var announcer = el("div", { className: "visually-hidden", role: "status", "aria-live": "polite" });
  function announce(text) {
    if (!announcer.parentNode && doc.body) doc.body.appendChild(announcer);
    announcer.textContent = "";
    window.setTimeout(function () { announcer.textContent = text; }, 30);
  }

  /* ---------- The chosen role ---------- */

  /* The roles are the options of the header's role picker; the choice lives in
     localStorage["docgen-role"]. navigation.js applies it; search follows it. */
  var roleSelect = $("#role-select");
  var roleTitles = {};
  if (roleSelect) $$("option", roleSelect).forEach(function (o) { if (o.value) roleTitles[o.value] = o.textContent.trim(); });

  function validRole(id) { return !!id && Object.prototype.hasOwnProperty.call(roleTitles, id); }
  function currentRole() { var r = load("docgen-role"); return validRole(r) ? r : ""; }
  function roleTitle(id) { return roleTitles[id] || id; }

  var roleListeners = [];
  /* Calls `listener` after every change of the chosen role (here or in another window). */
  function onRoleChange(listener) { roleListeners.push(listener); }
  function roleChanged() { roleListeners.forEach(safely); }

  /* ---------- Start ---------- */

  /* One feature failing (unexpected content) must not stop the others. */
  function safely(fn) { try { fn(); } catch (e) { /* leave this feature off */ } }

  var started = false, queued = [];
  /* Runs `start` once the page is parsed, in the order the feature files were loaded; a file
     loaded later (search.js, on first use of the search box) starts at once. */
  function feature(start) { if (started) safely(start); else queued.push(start); }

  function startAll() {
    if (started) return;
    started = true;
    if (!announcer.parentNode) doc.body.appendChild(announcer);
    queued.splice(0).forEach(safely);
  }

  window.docgen = {
    doc: doc, html: html, root: root,
    $: $, $$: $$, on: on, el: el, load: load, save: save, decode: decode, words: words, cssString: cssString,
    loadScript: loadScript, announce: announce,
    roleSelect: roleSelect, validRole: validRole, currentRole: currentRole, roleTitle: roleTitle,
    onRoleChange: onRoleChange, roleChanged: roleChanged,
    feature: feature, safely: safely
  };

  if (doc.readyState === "complete") startAll(); else doc.addEventListener("DOMContentLoaded", startAll);
})();
