// renja serve: reloads the page after each good build and shows a failed
// build's errors over the page. Served pages only; never written to output/.
(function () {
  "use strict";
  var shown = document.currentScript.getAttribute("data-version");
  var box = null;

  function el(tag, css, text) {
    var e = document.createElement(tag);
    if (css) e.style.cssText = css;
    if (text) e.textContent = text;
    return e;
  }

  function overlay(st) {
    if (!box) {
      box = el("div", "position:fixed;inset:0;z-index:2147483647;background:rgba(20,20,20,.82);overflow:auto;padding:2rem 1rem;font:14px/1.45 'Liberation Mono',monospace;");
      box.id = "renja-overlay";
      box.setAttribute("role", "alert");
      document.body.appendChild(box);
    }
    box.textContent = "";
    var card = el("div", "max-width:60rem;margin:0 auto;background:#fff;color:#1a1a1a;border-top:6px solid #8a1010;padding:1rem 1.25rem;");
    card.appendChild(el("h2", "margin:0 0 .5rem;font:bold 18px 'Liberation Sans',Arial,sans-serif;color:#8a1010;",
      st.title || "Build gagal — halaman di belakang ini adalah build terakhir yang berhasil"));
    var list = el("ol", "padding-left:1.2rem;margin:0;");
    (st.errors || []).forEach(function (e) {
      var li = el("li", "margin:.5rem 0;");
      var pos = e.file || "";
      if (e.line) pos += ":" + e.line;
      if (e.column) pos += ":" + e.column;
      li.appendChild(el("strong", "", pos ? pos + ": " : ""));
      li.appendChild(document.createTextNode(e.message));
      if (e.hint) li.appendChild(el("div", "color:#555;", (st.hint || "saran:") + " " + e.hint));
      list.appendChild(li);
    });
    card.appendChild(list);
    card.appendChild(el("pre", "white-space:pre-wrap;background:#f4f6f8;padding:.75rem;margin:.75rem 0 0;", st.error));
    card.appendChild(el("p", "margin:.75rem 0 0;color:#555;font-family:'Liberation Sans',Arial,sans-serif;",
      st.fix || "Perbaiki berkasnya dan simpan: halaman dimuat ulang dengan sendirinya."));
    box.appendChild(card);
  }

  // swap puts the new build's page in place without a reload: the navigation,
  // the main text and the body's class (draft or not) are replaced, the
  // scroll position stays. Anything unexpected falls back to a reload.
  function swap(version) {
    fetch("/", { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var main = doc.querySelector("main"), old = document.querySelector("main");
        if (!main || !old) { location.reload(); return; }
        var nav = doc.querySelector("nav.site-nav"), oldNav = document.querySelector("nav.site-nav");
        if (nav && oldNav) oldNav.replaceWith(nav);
        var banner = doc.querySelector(".draft-banner"), oldBanner = document.querySelector(".draft-banner");
        if (oldBanner) oldBanner.remove();
        if (banner) document.body.insertBefore(banner, document.body.firstChild);
        old.replaceWith(main);
        document.body.className = doc.body.className;
        if (box) { box.remove(); box = null; }
        shown = version;
        setTimeout(poll, 20);
      })
      .catch(function () { location.reload(); });
  }

  var seen = shown;
  function poll() {
    // The server answers when the status is no longer `seen` (long polling).
    fetch("/__renja/status?since=" + encodeURIComponent(seen), { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (st) {
        seen = String(st.version);
        if (st.error) {
          overlay(st);
        } else if (String(st.version) !== shown) {
          swap(String(st.version));
          return;
        } else if (box) {
          box.remove();
          box = null;
        }
        setTimeout(poll, 20);
      })
      .catch(function () { setTimeout(poll, 1000); }); // the server restarts or stopped
  }

  var bar = el("a", "position:fixed;left:.6rem;bottom:.6rem;z-index:2147483646;background:#1a1a1a;color:#fff;padding:.35em .8em;border-radius:1.5em;font:13px 'Liberation Sans',Arial,sans-serif;text-decoration:none;opacity:.85;",
    "pratinjau renja · buat PDF");
  bar.href = "/__renja/pdf";
  bar.title = "Cetak PDF dari sumber saat ini (butuh beberapa detik)";
  document.body.appendChild(bar);
  poll();
})();
