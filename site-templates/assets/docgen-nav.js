/* docgen navigation loader. On a site whose navigation is too large to repeat in every page
   (docgen.yml navigation.inline-limit), each page carries only its own branch, and the nav element
   names the file that holds the whole tree (data-nav-tree, a script that sets
   window.DOCGEN_NAV_TREE; a script rather than JSON so it loads from file:// too) and the page's
   root-relative URL (data-nav-current). This loads the tree once per page view (the browser
   caches the file across pages) and replaces the branch with it, the current page's ancestors
   open and the page marked, with the same markup as nav-item.mustache, so the role filter, the
   drawer and the keyboard work as on a small site. Closed entries are filled in when first
   opened, so a tree of thousands of entries costs little. Without this script the branch still
   links to the page's parent and siblings. */
(function () {
  "use strict";

  var doc = document;
  var nav = doc.getElementById("site-nav");
  var src = nav && nav.getAttribute("data-nav-tree");
  var list = nav && nav.querySelector(".nav-tree");
  if (!src || !list) return;
  var current = nav.getAttribute("data-nav-current") || "";
  var root = doc.documentElement.getAttribute("data-root") || "";

  function el(tag, className, text) {
    var node = doc.createElement(tag);
    if (className) node.className = className;
    if (text != null) node.textContent = text;
    return node;
  }

  /* The entries from the top down to the current page's: the first entry that links to it, in
     the order nav-item.mustache's trail uses (depth first, top to bottom). */
  function findTrail(items) {
    for (var i = 0; i < items.length; i++) {
      var item = items[i];
      if (item.u === current && !item.x) return [item];
      if (item.c) {
        var below = findTrail(item.c);
        if (below) return [item].concat(below);
      }
    }
    return null;
  }

  function fill(ul, items, trail, page) {
    var fragment = doc.createDocumentFragment();
    for (var i = 0; i < items.length; i++) fragment.appendChild(entry(items[i], trail, page));
    ul.appendChild(fragment);
  }

  function entry(item, trail, page) {
    var isCurrent = item === page;
    var open = isCurrent || trail.indexOf(item) >= 0;
    var children = item.c || [];
    var li = el("li", "nav-item" + (isCurrent ? " is-current" : "") + (open ? " is-trail" : "") + (children.length ? " has-children" : ""));
    li.setAttribute("data-roles", item.r || "");
    var details = null;
    if (item.u) {
      var link = el("a", "nav-link" + (item.x ? " external" : ""), item.t);
      link.setAttribute("href", item.x ? item.u : root + item.u);
      if (isCurrent) link.setAttribute("aria-current", "page");
      if (item.x) link.setAttribute("rel", "noopener");
      li.appendChild(link);
      if (children.length) {
        details = el("details", "nav-sub");
        var toggle = el("summary", "nav-toggle-sub");
        toggle.appendChild(el("span", "visually-hidden", item.t + ": sub-pages"));
        details.appendChild(toggle);
      }
    } else if (children.length) {
      details = el("details", "nav-group");
      details.appendChild(el("summary", "nav-group-title", item.t));
    } else {
      li.appendChild(el("span", "nav-label", item.t));
    }
    if (details) {
      var ul = el("ul");
      details.appendChild(ul);
      li.appendChild(details);
      if (open || item.e) {
        details.open = true;
        fill(ul, children, trail, page);
      } else {
        var filled = false;
        details.addEventListener("toggle", function () {
          if (filled || !details.open) return;
          filled = true;
          fill(ul, children, trail, page);
        });
      }
    }
    return li;
  }

  function show(items) {
    var trail = findTrail(items) || [];
    var page = trail.length ? trail[trail.length - 1] : null;
    var fresh = el("ul", "nav-tree");
    fill(fresh, items, trail, page);
    // Keep focus where it was if the reader was already in the branch.
    var focused = list.contains(doc.activeElement) ? doc.activeElement.getAttribute("href") : null;
    list.parentNode.replaceChild(fresh, list);
    list = fresh;
    nav.setAttribute("data-nav-loaded", "true");
    if (focused) {
      var again = fresh.querySelector('a[href="' + focused.replace(/["\\]/g, "\\$&") + '"]');
      if (again) again.focus();
    }
    var link = fresh.querySelector('.nav-link[aria-current="page"]');
    var scroller = nav.querySelector(".nav-scroll");
    if (link && scroller && scroller.clientHeight > 0) {
      var top = link.offsetTop - scroller.clientHeight / 3;
      if (link.getBoundingClientRect().bottom > scroller.getBoundingClientRect().bottom - 20 && top > 0) scroller.scrollTop = top;
    }
  }

  var script = el("script");
  script.src = src;
  script.async = true;
  script.onload = function () {
    var items = window.DOCGEN_NAV_TREE;
    if (Object.prototype.toString.call(items) === "[object Array]") show(items);
  };
  doc.head.appendChild(script);
})();
