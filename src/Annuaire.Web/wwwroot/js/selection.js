// « Ma sélection »: offers ticked on any page, kept in this browser only (localStorage), in the
// order chosen. The server only ever sees the offer ids in /selection?o=…; the adviser's note
// stays in sessionStorage (gone when the tab closes) and is written into the printed handout.
(function () {
  "use strict";
  var KEY = "annuaire.selection", NOTE = "annuaire.fiche.note", FIELDS = "annuaire.fiche.";
  var MAX = 20;

  function read() {
    try {
      var list = JSON.parse(localStorage.getItem(KEY) || "[]");
      return Array.isArray(list) ? list.filter(function (x) { return x && typeof x.id === "string"; }).slice(0, MAX) : [];
    } catch (e) { return []; }
  }
  function write(list) {
    try { localStorage.setItem(KEY, JSON.stringify(list.slice(0, MAX))); } catch (e) { /* private mode: the page still works by its links */ }
    render(list);
  }
  function has(list, id) { return list.some(function (x) { return x.id === id; }); }
  function url(list) {
    return "/selection" + (list.length ? "?" + list.map(function (x) { return "o=" + encodeURIComponent(x.id); }).join("&") : "");
  }
  function toggle(id, titre, on) {
    var list = read().filter(function (x) { return x.id !== id; });
    if (on) { list.push({ id: id, titre: titre }); }
    write(list);
  }

  function render(list) {
    var n = list.length, text = n === 0 ? "" : n === 1 ? "1 offre dans ma sélection" : n + " offres dans ma sélection";
    document.querySelectorAll("[data-selection-link]").forEach(function (a) { a.href = url(list); });
    document.querySelectorAll("[data-selection-count]").forEach(function (s) {
      s.textContent = n ? " (" + n + ")" : ""; s.hidden = n === 0;
    });
    var onSelection = window.location.pathname === "/selection";
    document.querySelectorAll("[data-selection-bar]").forEach(function (bar) { bar.hidden = n === 0 || onSelection; });
    document.querySelectorAll("[data-selection-summary]").forEach(function (s) { s.textContent = text; });
    document.querySelectorAll("[data-selection-go]").forEach(function (a) { a.href = url(list); });
    document.querySelectorAll("input[data-selection]").forEach(function (box) { box.checked = has(list, box.dataset.selection); });
    document.querySelectorAll("[data-selection-toggle]").forEach(function (b) {
      var on = has(list, b.dataset.selectionId);
      b.hidden = false;
      b.setAttribute("aria-pressed", on ? "true" : "false");
      b.textContent = on ? "Retirer de ma sélection" : "Ajouter à ma sélection";
    });
    document.body.classList.toggle("has-selection", n > 0);
  }

  // Result cards: the checkbox adds or removes the offer, whatever page of results it is on.
  document.querySelectorAll("input[data-selection]").forEach(function (box) {
    box.addEventListener("change", function () { toggle(box.dataset.selection, box.dataset.titre, box.checked); });
  });
  // The form around the cards (the no-JavaScript way) now opens the whole selection.
  document.querySelectorAll(".selection-form").forEach(function (form) {
    form.addEventListener("submit", function (e) { e.preventDefault(); window.location.href = url(read()); });
  });
  document.querySelectorAll("[data-no-js-selection], .selection-submit").forEach(function (el) { el.hidden = true; });
  // « Retirer » on the selection page: forget the offer before the page reloads without it.
  document.querySelectorAll("[data-selection-remove]").forEach(function (a) {
    a.addEventListener("click", function () { toggle(a.dataset.selectionRemove, "", false); });
  });
  // Offer page: one toggle button.
  document.querySelectorAll("[data-selection-toggle]").forEach(function (b) {
    b.addEventListener("click", function () { toggle(b.dataset.selectionId, b.dataset.titre, b.getAttribute("aria-pressed") !== "true"); });
  });

  // The selection page: the address is the truth (a shared link, a reorder); an empty address
  // opens what this browser holds.
  var items = document.querySelectorAll("[data-selection-item]");
  if (window.location.pathname === "/selection") {
    if (items.length) {
      write(Array.prototype.map.call(items, function (li) { return { id: li.dataset.selectionItem, titre: li.dataset.titre }; }));
    } else if (document.querySelector("[data-selection-empty]") && !window.location.search && read().length) {
      window.location.replace(url(read()));
      return;
    } else if (document.querySelector("[data-selection-empty]") && window.location.search) {
      write([]);
    }
  }

  // Handout fields: name and structure are remembered on this computer, the date defaults to
  // today, the note lives in this tab only. All are copied into the printed part.
  function show(name, value) {
    document.querySelectorAll("[data-fiche-affiche='" + name + "']").forEach(function (s) {
      if (value) { s.textContent = value; s.classList.add("filled"); } else { s.textContent = "………………………"; s.classList.remove("filled"); }
    });
  }
  document.querySelectorAll("[data-fiche-champ]").forEach(function (input) {
    var name = input.dataset.ficheChamp, store = name === "date" ? null : localStorage;
    if (name === "date") {
      var d = new Date();
      input.value = d.getFullYear() + "-" + String(d.getMonth() + 1).padStart(2, "0") + "-" + String(d.getDate()).padStart(2, "0");
    } else {
      try { input.value = store.getItem(FIELDS + name) || ""; } catch (e) { /* ignore */ }
    }
    function update() {
      var value = input.value.trim();
      if (name === "date" && value) { value = new Date(value + "T12:00:00").toLocaleDateString("fr-FR", { day: "numeric", month: "long", year: "numeric" }); }
      show(name, value);
      if (store) { try { store.setItem(FIELDS + name, input.value); } catch (e) { /* ignore */ } }
    }
    input.addEventListener("input", update);
    update();
  });
  document.querySelectorAll("[data-fiche-note]").forEach(function (area) {
    try { area.value = sessionStorage.getItem(NOTE) || ""; } catch (e) { /* ignore */ }
    function update() {
      try { sessionStorage.setItem(NOTE, area.value); } catch (e) { /* ignore */ }
      document.querySelectorAll("[data-fiche-note-affiche]").forEach(function (p) {
        if (area.value.trim()) { p.textContent = area.value; p.classList.add("filled"); }
        else { p.innerHTML = '<span class="line"></span><span class="line"></span>'; p.classList.remove("filled"); }
      });
    }
    area.addEventListener("input", update);
    update();
  });
  document.querySelectorAll("[data-print]").forEach(function (b) { b.hidden = false; });

  render(read());
})();
