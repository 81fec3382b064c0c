// Sortable tables: click a header to sort by that column, again to reverse. Cells may carry
// data-value (numbers sort numerically; empty values always go last).
(function () {
  "use strict";
  function key(cell) {
    var v = cell.hasAttribute("data-value") ? cell.getAttribute("data-value") : cell.textContent.trim();
    var n = parseFloat(v);
    return { empty: v === "", num: !isNaN(n) && isFinite(v), n: n, s: v.toLowerCase() };
  }
  function sortBy(table, col, th) {
    var body = table.tBodies[0];
    var asc = th.getAttribute("aria-sort") !== "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", asc ? "ascending" : "descending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[col]), y = key(b.cells[col]);
      if (x.empty !== y.empty) { return x.empty ? 1 : -1; }
      var d = x.num && y.num ? x.n - y.n : (x.s < y.s ? -1 : x.s > y.s ? 1 : 0);
      return asc ? d : -d;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, col) {
      th.addEventListener("click", function () { sortBy(table, col, th); });
    });
  });
  // Lets tests (and people) see that the script ran to the end without errors.
  document.body.setAttribute("data-ready", "true");
})();
