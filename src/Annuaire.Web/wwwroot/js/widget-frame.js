// Inside the widget frame: tell the embedding page our height, only to the page that framed us.
(function () {
  "use strict";
  if (window.parent === window) { return; }
  // The embedding origin, checked by the server against the allow-list and carried through the
  // frame's own searches; else the referrer (plain iframe, first page). postMessage with a target
  // origin is dropped by the browser if the parent is not that origin.
  var parentOrigin = document.body.getAttribute("data-origine");
  if (!parentOrigin) {
    try { parentOrigin = new URL(document.referrer).origin; } catch (e) { return; }
  }
  var last = 0;
  function send() {
    // The body's own height, not the document's scrollHeight: that one never drops below the
    // frame's current height, so the frame could grow but never shrink back.
    var style = window.getComputedStyle(document.body);
    var height = Math.ceil(document.body.getBoundingClientRect().height + parseFloat(style.marginTop) + parseFloat(style.marginBottom));
    if (height !== last) {
      last = height;
      window.parent.postMessage({ type: "annuaire-hauteur", height: height }, parentOrigin);
    }
  }
  if (window.ResizeObserver) { new ResizeObserver(send).observe(document.body); }
  window.addEventListener("load", send);
  document.addEventListener("toggle", send, true);
  send();
})();
