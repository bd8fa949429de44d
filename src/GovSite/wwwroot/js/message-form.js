// 智能问答: while a person writes, show FAQ answers that match, before the message is sent.
(function () {
  var box = document.getElementById('faq-suggestions');
  if (!box || !window.fetch) { return; }
  var subject = document.getElementById('Input_Subject');
  var text = document.getElementById('Input_Text');
  var timer = null, last = '';
  function render(items) {
    box.textContent = '';
    if (!items.length) { box.hidden = true; return; }
    var h = document.createElement('h2');
    h.textContent = '以下常见问题的答复可能对您有帮助';
    box.appendChild(h);
    items.forEach(function (item) {
      var d = document.createElement('details');
      var s = document.createElement('summary');
      s.textContent = item.question;
      var p = document.createElement('p');
      p.textContent = item.answer;
      d.appendChild(s); d.appendChild(p);
      box.appendChild(d);
    });
    box.hidden = false;
  }
  function ask() {
    var q = ((subject && subject.value) || '') + ' ' + ((text && text.value) || '');
    q = q.trim();
    if (q === last) { return; }
    last = q;
    if (q.length < 2) { render([]); return; }
    fetch(box.getAttribute('data-url') + '?q=' + encodeURIComponent(q.slice(0, 2000)))
      .then(function (r) { return r.ok ? r.json() : []; })
      .then(render)
      .catch(function () { });
  }
  function later() { clearTimeout(timer); timer = setTimeout(ask, 400); }
  if (subject) { subject.addEventListener('input', later); }
  if (text) { text.addEventListener('input', later); }
})();
