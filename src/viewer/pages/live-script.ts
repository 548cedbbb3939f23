// The one script of the viewer, served as live.js from the viewer's own origin (the policy allows no
// other, nor inline script, nor eval). On a page whose <main> names a status endpoint (data-live), it
// polls that JSON every 2 s and copies it into the page's status part: elements marked
// data-live-field="status", the runs-by-outcome table, and a run's outcome. It builds nodes with
// textContent only (the values are the store's, so hostile), and stops once the JSON says finished.
// Exported pages carry no script: they are a snapshot.

export const LIVE_INTERVAL_MS = 2000;

export const LIVE_SCRIPT = `"use strict";
(function () {
  var main = document.querySelector("main[data-live]");
  if (!main) return;
  var url = new URL(main.getAttribute("data-live"), document.baseURI);
  function cell(tag, text, cls) {
    var el = document.createElement(tag);
    el.textContent = text;
    if (cls) el.className = cls;
    return el;
  }
  function showOutcome(el, outcome) {
    el.className = outcome.cls;
    el.setAttribute("data-status", outcome.status);
    el.textContent = outcome.status;
  }
  function apply(state) {
    document.querySelectorAll("[data-live-field=status]").forEach(function (el) {
      el.textContent = state.status;
    });
    var body = document.querySelector("table[data-table=status_counts] tbody");
    if (body && state.counts) {
      var rows = state.counts.map(function (c) {
        var tr = document.createElement("tr");
        tr.appendChild(cell("td", c.status, c.cls));
        tr.appendChild(cell("td", c.label));
        var n = cell("td", String(c.runs), "num");
        n.setAttribute("data-status", c.status);
        tr.appendChild(n);
        return tr;
      });
      var all = document.createElement("tr");
      all.appendChild(cell("th", "all"));
      all.appendChild(cell("td", ""));
      all.appendChild(cell("td", String(state.total), "num"));
      rows.push(all);
      body.replaceChildren.apply(body, rows);
    }
    if (state.outcome) {
      document.querySelectorAll("[data-live-field=outcome]").forEach(function (el) {
        showOutcome(el, state.outcome);
      });
      document.querySelectorAll("[data-live-field=outcome-label]").forEach(function (el) {
        el.textContent = state.outcome.label;
      });
    }
    if (state.finished) {
      main.removeAttribute("data-live");
      document.querySelectorAll("[data-live-note]").forEach(function (el) {
        el.textContent = "Finished. Reload the page for the rest (grades, logs, durations).";
      });
    }
  }
  function poll() {
    fetch(url, { cache: "no-store", headers: { Accept: "application/json" } })
      .then(function (res) {
        if (!res.ok) throw new Error(String(res.status));
        return res.json();
      })
      .then(function (state) {
        apply(state);
        if (!state.finished) setTimeout(poll, ${LIVE_INTERVAL_MS});
      })
      .catch(function () {
        // The server restarting, or a moment's trouble: try again at the next tick.
        setTimeout(poll, ${LIVE_INTERVAL_MS});
      });
  }
  setTimeout(poll, ${LIVE_INTERVAL_MS});
})();
`;
