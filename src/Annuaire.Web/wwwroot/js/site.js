// Progressive enhancement only: the site works without JavaScript.
(function () {
  "use strict";

  // Accessible autocomplete (combobox pattern) on inputs with data-suggest.
  document.querySelectorAll("input[data-suggest]").forEach(function (input) {
    var list = document.createElement("ul");
    list.id = input.id + "-suggestions";
    list.className = "suggestions";
    list.setAttribute("role", "listbox");
    list.hidden = true;
    input.parentNode.appendChild(list);
    input.setAttribute("role", "combobox");
    input.setAttribute("aria-autocomplete", "list");
    input.setAttribute("aria-controls", list.id);
    input.setAttribute("aria-expanded", "false");
    var items = [], active = -1, timer = null, controller = null;

    function close() {
      list.hidden = true; list.innerHTML = ""; items = []; active = -1;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
    }
    // Escape or leaving the field also drops a request still in flight, so the list cannot reopen.
    function cancel() {
      clearTimeout(timer);
      if (controller) { controller.abort(); controller = null; }
      close();
    }
    function choose(item) {
      if (item.offerId) { window.location.href = item.url; return; }
      input.value = item.text; close(); input.form.submit();
    }
    function highlight(index) {
      items.forEach(function (li, i) { li.setAttribute("aria-selected", i === index ? "true" : "false"); });
      active = index;
      if (index >= 0) { input.setAttribute("aria-activedescendant", items[index].id); } else { input.removeAttribute("aria-activedescendant"); }
    }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) { close(); return; }
      timer = setTimeout(function () {
        if (controller) { controller.abort(); }
        controller = new AbortController();
        fetch(input.dataset.suggest + "?q=" + encodeURIComponent(q), { signal: controller.signal })
          .then(function (r) { return r.ok ? r.json() : []; })
          .then(function (data) {
            close();
            if (!data.length) { return; }
            data.forEach(function (item, i) {
              var li = document.createElement("li");
              li.id = list.id + "-" + i;
              li.setAttribute("role", "option");
              li.textContent = item.offerId ? item.text : "Rechercher « " + item.text + " »";
              li.addEventListener("mousedown", function (e) { e.preventDefault(); choose(item); });
              li._item = item;
              list.appendChild(li);
              items.push(li);
            });
            list.hidden = false;
            input.setAttribute("aria-expanded", "true");
          })
          .catch(function () { /* network hiccup: keep typing */ });
      }, 150);
    });
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") {
        // With the list open, Escape only closes it (a search input would otherwise clear its text);
        // either way a pending request is dropped so the list cannot reopen by itself.
        if (!list.hidden) { e.preventDefault(); }
        cancel();
        return;
      }
      if (list.hidden) { return; }
      if (e.key === "ArrowDown") { e.preventDefault(); highlight((active + 1) % items.length); }
      else if (e.key === "ArrowUp") { e.preventDefault(); highlight((active - 1 + items.length) % items.length); }
      else if (e.key === "Enter" && active >= 0) { e.preventDefault(); choose(items[active]._item); }
    });
    input.addEventListener("blur", function () { setTimeout(cancel, 150); });
  });

  // « Ouvert maintenant »: the page carries the opening intervals of the coming days (Unix
  // seconds, « ? » on a public holiday the hours say nothing about); the status is told here, at
  // the moment the page is read, so a page from the cache is never out of date.
  var PARIS = "Europe/Paris";
  var hourParts = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS, hour: "numeric", minute: "numeric", hourCycle: "h23" });
  var dayKey = new Intl.DateTimeFormat("en-CA", { timeZone: PARIS, year: "numeric", month: "2-digit", day: "2-digit" });
  var weekday = new Intl.DateTimeFormat("fr-FR", { timeZone: PARIS, weekday: "long" });
  function clock(seconds) {
    var parts = {};
    hourParts.formatToParts(new Date(seconds * 1000)).forEach(function (p) { parts[p.type] = p.value; });
    var minutes = parseInt(parts.minute, 10);
    return parseInt(parts.hour, 10) + " h" + (minutes ? " " + String(minutes).padStart(2, "0") : "");
  }
  function when(seconds, now) {
    var day = dayKey.format(new Date(seconds * 1000)), today = dayKey.format(new Date(now * 1000));
    var tomorrow = dayKey.format(new Date((now + 86400) * 1000));
    return (day === today ? "aujourd'hui" : day === tomorrow ? "demain" : weekday.format(new Date(seconds * 1000))) + " à " + clock(seconds);
  }
  function openingStatus(el, now) {
    var window_ = (el.dataset.fenetre || "").split("-").map(Number);
    if (!(now >= window_[0] && now < window_[1])) { el.hidden = true; return; }
    var intervals = (el.dataset.ouverture || "").split(" ").filter(Boolean).map(function (t) {
      var range = t.replace("?", "").split("-").map(Number);
      return { start: range[0], end: range[1], unconfirmed: t.slice(-1) === "?" };
    });
    var current = intervals.filter(function (i) { return now >= i.start && now < i.end; })[0];
    var next = intervals.filter(function (i) { return i.start > now; })[0];
    var state, text;
    if (current && !current.unconfirmed) {
      state = "ouvert"; text = "Ouvert maintenant" + (current.end < window_[1] ? ", jusqu'à " + clock(current.end) : "");
    } else if (current) {
      state = "a-confirmer"; text = "Jour férié : ouverture à confirmer";
    } else {
      state = "ferme"; text = "Fermé actuellement" + (next ? ", ouvre " + when(next.start, now) : "");
    }
    el.textContent = text;
    el.dataset.etat = state;
    el.hidden = false;
  }
  function refreshOpening() {
    var now = Date.now() / 1000;
    document.querySelectorAll("[data-ouverture]").forEach(function (el) { openingStatus(el, now); });
  }
  refreshOpening();
  setInterval(refreshOpening, 60000);

  // Print button on the handout.
  document.querySelectorAll("[data-print]").forEach(function (b) { b.addEventListener("click", function () { window.print(); }); });

  // « Retour aux résultats » goes back in history when we came from a search (keeps the state).
  document.querySelectorAll("[data-back]").forEach(function (a) {
    a.addEventListener("click", function (e) {
      if (document.referrer.indexOf(window.location.origin + "/recherche") === 0 || document.referrer === window.location.origin + "/") {
        e.preventDefault(); history.back();
      }
    });
  });
})();
