// Measures the site search on a built site: how large search-index.js is, how long it takes to
// load, and how long queries take, using the same lookup as site-templates/assets/docgen.js
// (binary search into the sorted term list, prefix scan, posting-list union, title/heading boost).
//
//     node Benchmarks/search-query.js _site "prometheus alert" "node pressure" "how do i"
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const site = process.argv[2] || "_site";
const queries = process.argv.slice(3).length ? process.argv.slice(3) : ["prometheus", "control plane logs", "how do i alert"];
const file = path.join(site, "search-index.js");
const bytes = fs.statSync(file).size;

let start = process.hrtime.bigint();
const sandbox = { window: {} };
vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
const index = sandbox.window.DOCGEN_SEARCH_INDEX;
const keys = Object.keys(index.terms).sort();
const loadMs = Number(process.hrtime.bigint() - start) / 1e6;

const tokens = (text) => (String(text || "").toLowerCase().match(/[\p{L}\p{N}]+/gu) || []);
function lowerBound(term) {
  let lo = 0, hi = keys.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (keys[mid] < term) lo = mid + 1; else hi = mid; }
  return lo;
}
function search(query) {
  const scores = new Map();
  for (const term of tokens(query).filter((t) => t.length >= 2)) {
    for (let i = lowerBound(term), seen = 0; i < keys.length && seen < 400 && keys[i].startsWith(term); i++, seen++) {
      for (const n of index.terms[keys[i]]) {
        const doc = index.docs[n];
        const boost = tokens(doc.t).some((w) => w.startsWith(term)) ? 12 : tokens(doc.h).some((w) => w.startsWith(term)) ? 5 : 1;
        scores.set(n, (scores.get(n) || 0) + boost);
      }
    }
  }
  return [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
}

console.log(`index: ${(bytes / 1024 / 1024).toFixed(2)} MiB, ${index.docs.length} pages, ${keys.length} terms; parsed in ${loadMs.toFixed(0)} ms`);
for (const query of queries) {
  const runs = 20;
  search(query);
  start = process.hrtime.bigint();
  let results = [];
  for (let r = 0; r < runs; r++) results = search(query);
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / runs;
  console.log(`"${query}": ${ms.toFixed(2)} ms per query, top: ${results.length ? index.docs[results[0][0]].t : "(none)"}`);
}
