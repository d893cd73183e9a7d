// The signing pad: pointer events (finger, pen, mouse), clear, and a JSON POST to this page's URL.
(function () {
  "use strict";
  var form = document.getElementById("sign-form");
  if (!form) return;
  var canvas = document.getElementById("pad");
  var nameInput = document.getElementById("signer-name");
  var agree = document.getElementById("agree");
  var submit = document.getElementById("submit");
  var result = document.getElementById("result");
  var ctx = canvas.getContext("2d");
  var drawing = false, inked = false, last = null;

  function fit() {
    // Draw at the screen's resolution (at most 2x, to keep the PNG small); a resize clears the pad.
    var ratio = Math.min(window.devicePixelRatio || 1, 2);
    var box = canvas.getBoundingClientRect();
    canvas.width = Math.round(box.width * ratio);
    canvas.height = Math.round(box.height * ratio);
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.lineWidth = 2.5; ctx.lineCap = "round"; ctx.lineJoin = "round"; ctx.strokeStyle = "#0b1f44";
    inked = false;
  }

  function point(event) {
    var box = canvas.getBoundingClientRect();
    return { x: event.clientX - box.left, y: event.clientY - box.top };
  }

  canvas.addEventListener("pointerdown", function (event) {
    event.preventDefault();
    canvas.setPointerCapture(event.pointerId);
    drawing = true; last = point(event);
    ctx.beginPath(); ctx.arc(last.x, last.y, 1.2, 0, 2 * Math.PI); ctx.fillStyle = ctx.strokeStyle; ctx.fill();
  });
  canvas.addEventListener("pointermove", function (event) {
    if (!drawing) return;
    event.preventDefault();
    var events = event.getCoalescedEvents ? event.getCoalescedEvents() : [event];
    for (var i = 0; i < events.length; i++) {
      var p = point(events[i]);
      ctx.beginPath(); ctx.moveTo(last.x, last.y); ctx.lineTo(p.x, p.y); ctx.stroke();
      last = p; inked = true;
    }
  });
  ["pointerup", "pointercancel", "pointerleave"].forEach(function (type) {
    canvas.addEventListener(type, function () { drawing = false; });
  });

  document.getElementById("clear").addEventListener("click", function () {
    ctx.clearRect(0, 0, canvas.width, canvas.height); inked = false; show("", "");
  });

  function show(kind, text) {
    result.hidden = !text;
    result.className = "result " + kind;
    result.textContent = text;
  }

  var MESSAGES = {
    409: "לא ניתן לחתום: החוזה כבר נחתם או שאינו זמין עוד לחתימה.",
    404: "הקישור אינו תקף עוד.",
    429: "יותר מדי ניסיונות. נא לנסות שוב בעוד דקה.",
    blank_signature: "החתימה ריקה. נא לחתום בתוך המסגרת.",
    422: "הפרטים אינם תקינים. נא לבדוק את השם ואת החתימה."
  };

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var name = nameInput.value.trim();
    if (name.length < 2) { show("error", "נא למלא שם מלא (לפחות שתי אותיות)."); nameInput.focus(); return; }
    if (!inked) { show("error", MESSAGES.blank_signature); return; }
    if (!agree.checked) { show("error", "נא לאשר שקראת את החוזה ושהנך מסכים/ה לתנאיו."); agree.focus(); return; }
    submit.disabled = true;
    show("", "שולח…");
    fetch(window.location.pathname, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Accept": "application/json" },
      body: JSON.stringify({ name: name, signature_png: canvas.toDataURL("image/png") })
    }).then(function (response) {
      return response.json().catch(function () { return {}; }).then(function (body) {
        if (response.ok) {
          form.hidden = true;
          show("ok", "תודה, " + name + "! החוזה נחתם בהצלחה. ניתן לסגור את הדף.");
          return;
        }
        var code = body && body.error && body.error.code;
        show("error", MESSAGES[code] || MESSAGES[response.status] || "אירעה שגיאה. נא לנסות שוב.");
        submit.disabled = response.status === 409 || response.status === 404;
        if (response.status === 409) form.hidden = true;
      });
    }).catch(function () {
      submit.disabled = false;
      show("error", "אין חיבור לשרת. נא לבדוק את החיבור ולנסות שוב.");
    });
  });

  fit();
  window.addEventListener("resize", function () { if (!inked) fit(); });
})();
