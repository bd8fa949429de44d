// 在线访谈: new questions and answers appear while the interview runs (server-sent events).
(function () {
    var list = document.getElementById('qa');
    if (!list || list.getAttribute('data-live') !== 'true' || !window.EventSource) { return; }
    var empty = document.getElementById('qa-empty');
    function para(cls, text) { var p = document.createElement('p'); p.className = cls; p.textContent = text; return p; }
    function render(q) {
        var li = document.getElementById('q-' + q.id);
        if (q.removed) { if (li) { li.remove(); } return; }
        if (li && Number(li.getAttribute('data-changed')) >= q.changedTicks) { return; }
        var fresh = document.createElement('li');
        fresh.id = 'q-' + q.id;
        fresh.setAttribute('data-changed', String(q.changedTicks));
        fresh.appendChild(para('pt-meta', q.asker + ' 问：'));
        fresh.appendChild(para('pt-text question', q.text));
        if (q.answer) {
            var box = document.createElement('div');
            box.className = 'pt-answer';
            box.appendChild(para('pt-meta', q.answeredBy + ' 答（' + q.answeredAt + '）：'));
            box.appendChild(para('pt-text answer', q.answer));
            fresh.appendChild(box);
        }
        if (li) { li.replaceWith(fresh); } else { list.appendChild(fresh); }
        if (empty) { empty.hidden = list.children.length > 0; }
    }
    var source = new EventSource(list.getAttribute('data-feed') + '?since=' + list.getAttribute('data-since'));
    source.addEventListener('question', function (e) { render(JSON.parse(e.data)); });
})();
