// renja serve: changes the open page in place after each good build (only
// the elements that changed) and shows a failed build's errors over the
// page. Served pages only; never written to output/.
(function () {
  "use strict";
  var shown = document.currentScript.getAttribute("data-version");
  var style = document.currentScript.getAttribute("data-style") || "";
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

  // The page's own elements of the body are those before this script; the
  // bar and the overlay come after it.
  var me = document.currentScript;
  function kids(e) {
    var out = [];
    for (var c = e.firstElementChild; c && c !== me; c = c.nextElementSibling) out.push(c);
    return out;
  }

  // resolve finds where an op of the server's patch applies (see patch.go)
  // and checks, on the way, that the page is the one the patch was made
  // from: every tag and every count of children. null: it is not.
  function resolve(op) {
    var e = document.body, k = kids(e), i;
    for (i = 0; i < op.path.length; i++) {
      var s = op.path[i];
      if (k.length !== s.kids || !k[s.i] || k[s.i].localName !== s.tag) return null;
      e = k[s.i];
      k = kids(e);
    }
    if (k.length !== op.kids) return null;
    for (i = 0; i < op.old.length; i++) {
      if (!k[op.at + i] || k[op.at + i].localName !== op.old[i]) return null;
    }
    var next = k[op.at + op.old.length] || (e === document.body ? me : null);
    return { e: e, prev: op.at > 0 ? k[op.at - 1] : null, next: next, html: op.html };
  }

  // patch puts the changed elements in place of the old ones; the elements
  // that did not change stay as they are (the browser lays out only what
  // changed), and so does the scroll position. false: the patch does not
  // fit this page, which then takes the whole new one.
  function patch(pt) {
    var rs = [];
    for (var i = 0; i < pt.ops.length; i++) {
      var r = resolve(pt.ops[i]);
      if (!r) return false;
      rs.push(r);
    }
    try {
      rs.forEach(function (r) {
        var t = document.createElement("template");
        t.innerHTML = r.html;
        var n = r.prev ? r.prev.nextSibling : r.e.firstChild;
        while (n && n !== r.next) {
          var after = n.nextSibling;
          r.e.removeChild(n);
          n = after;
        }
        r.e.insertBefore(t.content, r.next);
      });
    } catch (e) {
      return false; // the whole page mends what was changed
    }
    if (document.body.className !== pt["class"]) document.body.className = pt["class"];
    if (pt.title && document.title !== pt.title) document.title = pt.title;
    return true;
  }

  // whole replaces the page's part of the body by the new build's, keeping
  // the scroll position: when no patch applies. Anything unexpected falls
  // back to a reload.
  function whole(then) {
    fetch("/", { cache: "no-store" })
      .then(function (r) { return r.text(); })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, "text/html");
        var tag = doc.querySelector("script[src='/__renja/reload.js']");
        if (!doc.body || !tag) { location.reload(); return; }
        tag.remove();
        var x = window.scrollX, y = window.scrollY;
        while (document.body.firstChild && document.body.firstChild !== me) document.body.removeChild(document.body.firstChild);
        var frag = document.createDocumentFragment();
        while (doc.body.firstChild) frag.appendChild(document.adoptNode(doc.body.firstChild));
        document.body.insertBefore(frag, me);
        document.body.className = doc.body.className;
        document.title = doc.title;
        window.scrollTo(x, y);
        then(tag.getAttribute("data-version"));
      })
      .catch(function () { location.reload(); });
  }

  var seen = shown;
  function poll() {
    // The server answers when the status is no longer `seen` (long polling),
    // with the patch from the page shown to the newest.
    fetch("/__renja/status?since=" + encodeURIComponent(seen) + "&page=" + encodeURIComponent(shown), { cache: "no-store" })
      .then(function (r) { return r.json(); })
      .then(function (st) {
        seen = String(st.version);
        var page = String(st.page);
        if (st.page && page !== shown) {
          if (st.patch && !st.patch.full && patch(st.patch)) {
            shown = page;
          } else {
            whole(function (v) { shown = v; show(st); setTimeout(poll, 20); });
            return;
          }
        }
        show(st);
        setTimeout(poll, 20);
      })
      .catch(function () { setTimeout(poll, 1000); }); // the server restarts or stopped
  }

  // restyle fetches the stylesheet again when the build changed it (a
  // template edited): the new one is put beside the old, which goes once
  // the new one is loaded, so the page is never without styles.
  function restyle(st) {
    if (!st.style || st.style === style) return;
    style = st.style;
    var links = document.querySelectorAll("link[rel=stylesheet]");
    for (var i = 0; i < links.length; i++) {
      var old = links[i];
      if (!/^style\.css(\?|$)/.test(old.getAttribute("href") || "")) continue;
      var l = document.createElement("link");
      l.rel = "stylesheet";
      l.href = "style.css?v=" + style;
      l.onload = (function (o) { return function () { o.remove(); }; })(old);
      l.onerror = function () { this.remove(); };
      old.after(l);
    }
  }

  function show(st) {
    restyle(st);
    if (st.error) {
      overlay(st);
    } else if (box) {
      box.remove();
      box = null;
    }
  }

  var bar = el("a", "position:fixed;left:.6rem;bottom:.6rem;z-index:2147483646;background:#1a1a1a;color:#fff;padding:.35em .8em;border-radius:1.5em;font:13px 'Liberation Sans',Arial,sans-serif;text-decoration:none;opacity:.85;",
    "pratinjau renja · buat PDF");
  bar.href = "/__renja/pdf";
  bar.title = "Cetak PDF dari sumber saat ini (butuh beberapa detik)";
  document.body.appendChild(bar);
  poll();
})();
