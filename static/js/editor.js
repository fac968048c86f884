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
