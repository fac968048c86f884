/* Bontang SP, drafting screens. Loaded as a file: the CSP forbids inline scripts.
 * - tells the person when an htmx save did not reach or was refused by the server
 *   (htmx swaps nothing then, so the text stays on screen);
 * - the print button of the printable view. */
(function () {
  "use strict";

  function alertBox() {
    return document.getElementById("editor-alert");
  }

  function show(kind) {
    var box = alertBox();
    if (!box) return;
    box.textContent = box.dataset[kind] || "";
    box.hidden = false;
  }

  document.addEventListener("htmx:responseError", function () { show("error"); });
  document.addEventListener("htmx:sendError", function () { show("offline"); });
  document.addEventListener("htmx:afterRequest", function (event) {
    var box = alertBox();
    if (box && event.detail && event.detail.successful) box.hidden = true;
  });

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-print]").forEach(function (button) {
      button.hidden = false;
      button.addEventListener("click", function () { window.print(); });
    });
  });
})();

/* The live count beside a field with a text limit (data-limit): the browser never cuts
 * the text; the count says how far over the limit it is, and the server refuses it. */
(function () {
  "use strict";

  function update(field) {
    var counter = document.getElementById(field.id + "_count");
    if (!counter) return;
    var limit = parseInt(field.dataset.limit, 10);
    var n = field.value.replace(/\r?\n/g, "\n").length;
    var over = n > limit;
    var template = over ? counter.dataset.over : counter.dataset.template;
    counter.textContent = template
      .replace("{n}", String(n))
      .replace("{limit}", String(limit))
      .replace("{excess}", String(n - limit));
    counter.classList.toggle("char-count-over", over);
  }

  document.addEventListener("input", function (event) {
    if (event.target.dataset && event.target.dataset.limit) update(event.target);
  });
  function all() {
    document.querySelectorAll("[data-limit]").forEach(update);
  }
  document.addEventListener("DOMContentLoaded", all);
  document.addEventListener("htmx:afterSettle", all);
})();
