/* docgen: zone pivot pickers. Needs docgen.js. */
(function (dg) {
  "use strict";

  var doc = dg.doc;
  var $$ = dg.$$, on = dg.on, load = dg.load, save = dg.save, words = dg.words, announce = dg.announce;

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

  dg.feature(initPivotPickers);
})(window.docgen);
