// Inside the widget frame: tell the embedding page our height, only to the page that framed us.
(function () {
  "use strict";
  if (window.parent === window || !document.referrer) { return; }
  var parentOrigin;
  try { parentOrigin = new URL(document.referrer).origin; } catch (e) { return; }
  var last = 0;
  function send() {
    var height = Math.ceil(document.documentElement.scrollHeight);
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
