/* docgen: the header search box on every page. The search code (search.js: the index, ranking and
   the list of results under the box) is loaded the first time the reader focuses or types in the
   box, so a page that is only read never downloads it; without it the box still submits to the
   search page. "/" focuses the box. Needs docgen.js. */
(function (dg) {
  "use strict";

  dg.feature(function () {
    var input = dg.$("#site-search-input");
    if (!input) return;
    var requested = false;
    function loadSearch() {
      if (requested || dg.searchLoaded) return;
      requested = true;
      dg.loadScript(dg.root + "assets/search.js", function () {});
    }
    dg.on(input, "focus", loadSearch);
    dg.on(input, "input", loadSearch);
    dg.on(dg.doc, "keydown", function (e) {
      var tag = (e.target && e.target.tagName) || "";
      if (e.key === "/" && !e.ctrlKey && !e.metaKey && !e.altKey && !/^(INPUT|TEXTAREA|SELECT)$/.test(tag) && !(e.target && e.target.isContentEditable)) {
        e.preventDefault();
        input.focus();
      }
    });
  });
})(window.docgen);
