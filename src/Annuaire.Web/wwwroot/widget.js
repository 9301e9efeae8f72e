// Annuaire embed: <script src="https://annuaire.example.org/widget.js" data-territoire="45" data-thematique="mobilite" async></script>
// Inserts an iframe with the pre-filtered search and keeps its height matched to its content.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script) { return; }
  var origin = new URL(script.src).origin;
  var params = new URLSearchParams();
  ["territoire", "thematique", "public", "porteur", "type", "taille", "filtres", "q"].forEach(function (key) {
    var value = script.getAttribute("data-" + key);
    if (value) { value.split(",").forEach(function (v) { params.append(key, v.trim()); }); }
  });
  // The frame answers its height to this origin only; the referrer cannot be relied on (lost after
  // the first search inside the frame, or removed by the host's referrer policy).
  params.append("origine", window.location.origin);
  var frame = document.createElement("iframe");
  frame.src = origin + "/widget?" + params.toString();
  frame.title = script.getAttribute("data-titre") || "Recherche dans l'annuaire des offres de service";
  frame.loading = "lazy";
  frame.style.width = "100%";
  frame.style.minWidth = "300px";
  frame.style.border = "0";
  frame.style.height = "420px";
  script.parentNode.insertBefore(frame, script.nextSibling);
  window.addEventListener("message", function (event) {
    // Only our frame, from our origin, may resize it.
    if (event.origin !== origin || event.source !== frame.contentWindow) { return; }
    var data = event.data;
    if (data && data.type === "annuaire-hauteur" && typeof data.height === "number" && data.height > 0 && data.height < 20000) {
      frame.style.height = data.height + "px";
    }
  });
})();
