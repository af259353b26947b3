/* SPDX-License-Identifier: MIT */
/* Blankett's progressive enhancement for the server-rendered form pages. Without it
   every page works as a plain HTML form posted in full; with it a change autosaves in
   the background and the server's re-rendered form (validation messages, fields whose
   hidden/required expressions changed, repeating-group rows, attachments) is swapped
   in without moving the focus or the caret. Navigation and submit buttons still post
   in full. Any failure falls back to the plain post. No framework, no inline script. */
(function () {
  "use strict";
  var form = document.querySelector("form.bl-page[data-page]");
  if (!form || !window.fetch || !window.FormData || !window.Promise) return;
  var status = document.getElementById("bl-status");
  var swapped = /^(save|addRow|editRow|saveRow|deleteRow|upload|deleteFile)(:|$)/;
  var queue = Promise.resolve();
  var bypass = false;
  var timer = 0;
  var pending = 0; // background saves sent or queued and not yet answered
  var waiting = false; // a full post waits for them

  function say(key) {
    if (status) status.textContent = status.getAttribute("data-" + key) || "";
  }

  // fields are the form's named controls that hold data (not buttons or files).
  function fields(root) {
    return Array.prototype.filter.call(root.querySelectorAll("input[name],select[name],textarea[name]"), function (e) {
      return e.type !== "file" && e.type !== "submit" && e.type !== "button" && e.type !== "hidden";
    });
  }
  function key(e) {
    return e.name + (e.type === "checkbox" || e.type === "radio" ? "\u0000" + e.value : "");
  }
  function live(e) {
    return e.type === "checkbox" || e.type === "radio" ? String(e.checked) : e.value;
  }
  function snapshot() {
    var out = {};
    fields(form).forEach(function (e) { out[key(e)] = live(e); });
    return out;
  }

  function send(action, files) {
    var fd = new FormData(form);
    fd.set("_action", action);
    if (!files) {
      Array.prototype.forEach.call(form.querySelectorAll("input[type=file][name]"), function (e) { fd.delete(e.name); });
    }
    var sent = snapshot();
    say("saving");
    return fetch(form.action, { method: "POST", body: fd, credentials: "same-origin",
      headers: { "X-Blankett-Fragment": "1" } }).then(function (res) {
      if (!res.headers.get("X-Blankett-Fragment")) throw new Error("no fragment");
      return res.text().then(function (html) {
        // A full post already under way wins: touching the page or its history now
        // would cancel that navigation.
        if (bypass) return;
        swap(html, sent);
        say(res.ok ? "saved" : "invalid");
      });
    });
  }

  // swap replaces the children of the form that changed, keeps what the user typed
  // while the request was out, and puts the focus and caret back.
  function swap(html, sent) {
    var tpl = document.createElement("template");
    tpl.innerHTML = html;
    var next = tpl.content.querySelector("form.bl-page");
    if (!next) throw new Error("no form in fragment");
    var active = document.activeElement;
    var focus = active && active !== document.body && form.contains(active) ? {
      id: active.id, name: active.name, value: active.value,
      start: sel(active, "selectionStart"), end: sel(active, "selectionEnd") } : null;
    var typed = {};
    fields(form).forEach(function (e) {
      var k = key(e);
      if (sent[k] !== undefined && sent[k] !== live(e)) typed[k] = live(e);
    });
    ["action", "enctype"].forEach(function (a) {
      if (next.hasAttribute(a)) form.setAttribute(a, next.getAttribute(a)); else form.removeAttribute(a);
    });
    var olds = Array.prototype.slice.call(form.children), news = Array.prototype.slice.call(next.children);
    if (olds.length === news.length) {
      for (var i = 0; i < olds.length; i++) {
        if (!olds[i].isEqualNode(news[i])) form.replaceChild(news[i], olds[i]);
      }
    } else {
      while (form.firstChild) form.removeChild(form.firstChild);
      news.forEach(function (n) { form.appendChild(n); });
    }
    fields(form).forEach(function (e) {
      var v = typed[key(e)];
      if (v === undefined) return;
      if (e.type === "checkbox" || e.type === "radio") e.checked = v === "true"; else e.value = v;
    });
    if (focus && !form.contains(active)) {
      var again = (focus.id && document.getElementById(focus.id)) || null;
      if (again) {
        again.focus();
        if (focus.start !== null && again.value === focus.value) {
          try { again.setSelectionRange(focus.start, focus.end); } catch (e) { /* not a text field */ }
        }
      }
    }
    var url = form.getAttribute("action");
    if (url && window.history && history.replaceState) history.replaceState(null, "", url);
  }
  function sel(e, p) {
    try { return typeof e[p] === "number" ? e[p] : null; } catch (x) { return null; }
  }

  // focusAfter moves the focus after a button's swap to where the change is.
  function focusAfter(action) {
    var parts = action.split(":"), kind = parts[0], comp = parts[1] || "";
    var box = comp && form.querySelector('[data-component="' + comp.replace(/["\\]/g, "") + '"]');
    var summary = form.querySelector(".ds-error-summary");
    var target = null;
    if (kind === "addRow" || kind === "editRow") {
      var rows = box ? box.querySelectorAll(".bl-row-form") : [];
      var row = rows.length ? rows[kind === "addRow" ? rows.length - 1 : 0] : null;
      target = row && row.querySelector("input:not([type=hidden]),select,textarea");
    } else if (kind === "upload" || kind === "deleteFile") {
      target = box && (box.querySelector("[aria-invalid=true]") || box.querySelector("input[type=file]"));
    } else if (kind === "saveRow" || kind === "deleteRow") {
      target = box && box.querySelector('button[value^="addRow:"]');
    }
    if (!target && summary) target = summary;
    if (!target && box) {
      if (!box.hasAttribute("tabindex")) box.setAttribute("tabindex", "-1");
      target = box;
    }
    if (target) target.focus();
  }

  function enqueue(action, files, submitter) {
    pending++;
    queue = queue.then(function () { return send(action, files); }).then(function () {
      pending--;
      if (submitter) focusAfter(action);
    }, function () {
      pending--;
      if (bypass || waiting) return; // the page is (about to be) posted in full already
      say("failed");
      // The plain post does what the script could not.
      bypass = true;
      if (form.requestSubmit) form.requestSubmit(submitter && submitter.isConnected ? submitter : undefined);
      else form.submit();
    });
    return queue;
  }

  form.addEventListener("change", function (ev) {
    var t = ev.target;
    if (!t || !t.name) return;
    if (t.type === "file") {
      // A chosen file goes up at once, unless its component asks for a tag first.
      var box = t.closest("[data-component]");
      var btn = box && box.querySelector('button[value^="upload:"]');
      if (btn && t.files && t.files.length && !box.querySelector('select[name^="_tag:"]')) enqueue(btn.value, true, btn);
      return;
    }
    // Controls of the page are not data, except choices stored as group rows and
    // a List component's row choice.
    if (t.name.charAt(0) === "_" && t.name.indexOf("_rows:") !== 0 && t.name.indexOf("_list:") !== 0) return;
    clearTimeout(timer);
    timer = setTimeout(function () { enqueue("save", false, null); }, 50);
  });

  form.addEventListener("submit", function (ev) {
    if (bypass) return;
    var b = ev.submitter;
    var action = b && b.name === "_action" ? b.value : "";
    if (!swapped.test(action)) {
      // A full post carries every field; a background save still out must not
      // post the form a second time when it fails.
      clearTimeout(timer);
      if (pending > 0) {
        // Nor may it land after the full post: its older values would overwrite
        // the newer ones. Post in full once it is answered.
        ev.preventDefault();
        waiting = true;
        var again = function () {
          bypass = true;
          var btn = b && b.isConnected ? b : form.querySelector('button[name="_action"][value="' + action.replace(/["\\]/g, "") + '"]');
          if (form.requestSubmit) form.requestSubmit(btn || undefined);
          else form.submit();
        };
        queue.then(again, again);
        return;
      }
      bypass = true;
      return;
    }
    ev.preventDefault();
    clearTimeout(timer);
    enqueue(action, /^upload:/.test(action), b);
  });
})();
