// Measures the site search on a built site: how large the index is (search-index.js and its parts
// under search/), how much a query loads, and how long queries take, using the same lookup as
// site-templates/assets/search.js (part of each word, binary search into its sorted terms, prefix
// scan, base-36 gap postings, title/heading boost).
//
//     node Benchmarks/search-query.js _site "prometheus alert" "node pressure" "how do i"
const fs = require("fs");
const path = require("path");
const vm = require("vm");

const site = process.argv[2] || "_site";
const queries = process.argv.slice(3).length ? process.argv.slice(3) : ["prometheus", "control plane logs", "how do i alert"];
const headFile = path.join(site, "search-index.js");
const headBytes = fs.statSync(headFile).size;

let start = process.hrtime.bigint();
const parts = {};
const partBytes = {};
const sandbox = { window: { DOCGEN_SEARCH_TERMS: (n, terms) => { parts[n] = { terms, keys: Object.keys(terms).sort() }; } } };
vm.runInNewContext(fs.readFileSync(headFile, "utf8"), sandbox);
const index = sandbox.window.DOCGEN_SEARCH_INDEX;
for (let n = 0; n < index.parts; n++) {
  const file = path.join(site, "search", `terms-${n}.js`);
  partBytes[n] = fs.statSync(file).size;
  vm.runInNewContext(fs.readFileSync(file, "utf8"), sandbox);
}
const loadMs = Number(process.hrtime.bigint() - start) / 1e6;

const tokens = (text) => (String(text || "").toLowerCase().match(/[\p{L}\p{N}]+/gu) || []);
function partOf(term) {
  let h = 0, n = 0;
  for (const ch of term) { if (n++ === 2) break; h = (h * 31 + ch.codePointAt(0)) % 1000003; }
  return h % index.parts;
}
function postings(encoded) {
  let n = 0;
  return String(encoded).split(",").filter(Boolean).map((gap) => (n += parseInt(gap, 36)));
}
function lowerBound(keys, term) {
  let lo = 0, hi = keys.length;
  while (lo < hi) { const mid = (lo + hi) >> 1; if (keys[mid] < term) lo = mid + 1; else hi = mid; }
  return lo;
}
function search(query) {
  const scores = new Map();
  for (const term of tokens(query).filter((t) => t.length >= 2)) {
    const { terms, keys } = parts[partOf(term)];
    for (let i = lowerBound(keys, term), seen = 0; i < keys.length && seen < 400 && keys[i].startsWith(term); i++, seen++) {
      for (const n of postings(terms[keys[i]])) {
        const doc = index.docs[n];
        const boost = tokens(doc.t).some((w) => w.startsWith(term)) ? 12 : tokens(doc.h).some((w) => w.startsWith(term)) ? 5 : 1;
        scores.set(n, (scores.get(n) || 0) + boost);
      }
    }
  }
  return [...scores.entries()].sort((a, b) => b[1] - a[1]).slice(0, 10);
}

const termCount = Object.values(parts).reduce((sum, part) => sum + part.keys.length, 0);
const allBytes = headBytes + Object.values(partBytes).reduce((a, b) => a + b, 0);
const mib = (bytes) => (bytes / 1024 / 1024).toFixed(2) + " MiB";
console.log(`index: ${mib(allBytes)} in all (documents ${mib(headBytes)}, ${index.parts} parts of terms), ${index.docs.length} pages, ${termCount} terms; parsed in ${loadMs.toFixed(0)} ms`);
for (const query of queries) {
  const runs = 20;
  search(query);
  start = process.hrtime.bigint();
  let results = [];
  for (let r = 0; r < runs; r++) results = search(query);
  const ms = Number(process.hrtime.bigint() - start) / 1e6 / runs;
  const loaded = headBytes + [...new Set(tokens(query).filter((t) => t.length >= 2).map(partOf))].reduce((sum, n) => sum + partBytes[n], 0);
  console.log(`"${query}": loads ${mib(loaded)}, ${ms.toFixed(2)} ms per query, top: ${results.length ? index.docs[results[0][0]].t : "(none)"}`);
}
