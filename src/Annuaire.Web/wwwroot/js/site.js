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
