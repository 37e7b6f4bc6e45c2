/* Main navigation comfort (progressive enhancement; the menu works without it).
 * - Wide screens: the menu is open (browsers without ::details-content need the attribute).
 * - Phones (<= 600px): the menu starts folded behind its "Menu" button.
 * - One dropdown open at a time; an outside click or Escape closes them.
 */
(function () {
  "use strict";
  var phone = window.matchMedia("(max-width: 600px)");

  function menu() {
    return document.querySelector("[data-nav-menu]");
  }

  function groups() {
    return Array.prototype.slice.call(document.querySelectorAll("[data-nav-group]"));
  }

  function fitMenu() {
    var m = menu();
    if (m) {
      m.open = !phone.matches;
    }
  }

  function closeGroups(except) {
    groups().forEach(function (g) {
      if (g !== except) {
        g.open = false;
      }
    });
  }

  function start() {
    fitMenu();
    if (phone.addEventListener) {
      phone.addEventListener("change", fitMenu);
    }
    groups().forEach(function (g) {
      g.addEventListener("toggle", function () {
        if (g.open) {
          closeGroups(g);
        }
      });
    });
    document.addEventListener("click", function (event) {
      var inside = event.target.closest ? event.target.closest("[data-nav-group]") : null;
      closeGroups(inside);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") {
        return;
      }
      var open = groups().filter(function (g) { return g.open; });
      closeGroups(null);
      if (open.length) {
        open[0].querySelector("summary").focus();
      }
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
