// Keyboard shortcuts and confirmations. Written for this app, no libraries: it must work offline.
(function () {
  "use strict";
  function typing(e) {
    var t = e.target;
    return t && (t.tagName === "INPUT" || t.tagName === "TEXTAREA" || t.tagName === "SELECT" || t.isContentEditable);
  }
  document.addEventListener("DOMContentLoaded", function () {
    // Queue: j / k move, Enter opens.
    var table = document.querySelector("[data-keynav]");
    var rows = table ? Array.prototype.slice.call(table.querySelectorAll("tbody tr")) : [];
    var current = rows.length ? 0 : -1;
    function select(i) {
      if (!rows.length) return;
      current = Math.max(0, Math.min(rows.length - 1, i));
      rows.forEach(function (r, n) { r.classList.toggle("selected", n === current); });
      rows[current].scrollIntoView({ block: "nearest" });
    }
    if (rows.length) select(0);
    rows.forEach(function (r, n) { r.addEventListener("click", function (e) { if (e.target.tagName !== "A") { select(n); } }); });

    // Confirm before bulk actions.
    Array.prototype.forEach.call(document.querySelectorAll("form[data-confirm]"), function (f) {
      f.addEventListener("submit", function (e) { if (!window.confirm(f.getAttribute("data-confirm"))) e.preventDefault(); });
    });

    // Item: preview the effect of a typed correction.
    var preview = document.getElementById("preview");
    var valueInput = document.getElementById("correct-value");
    if (preview && valueInput) {
      preview.addEventListener("click", function () {
        var base = preview.getAttribute("data-preview");
        var sep = base.indexOf("?") >= 0 ? "&" : "?";
        window.location = base + sep + "preview=1&value=" + encodeURIComponent(valueInput.value);
      });
    }

    document.addEventListener("keydown", function (e) {
      if (e.ctrlKey || e.metaKey || e.altKey) return;
      if (typing(e)) {
        if (e.key === "Escape") e.target.blur();
        return;
      }
      if (rows.length && (e.key === "j" || e.key === "ArrowDown")) { select(current + 1); e.preventDefault(); }
      else if (rows.length && (e.key === "k" || e.key === "ArrowUp")) { select(current - 1); e.preventDefault(); }
      else if (rows.length && e.key === "Enter") { window.location = rows[current].getAttribute("data-href"); }
      else if (e.key === "a" && document.getElementById("accept-form")) { document.getElementById("accept-form").submit(); }
      else if (e.key === "s" && valueInput) { valueInput.focus(); valueInput.select(); e.preventDefault(); }
      else if (e.key === "r" && document.getElementById("reject-note")) { document.getElementById("reject-note").focus(); e.preventDefault(); }
      else if (e.key === "n" && document.getElementById("next-link")) { window.location = document.getElementById("next-link").href; }
    });
  });
})();
