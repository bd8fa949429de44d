// 热门服务 come from real use: a guide read, and a citizen leaving for the online service hall.
(function () {
    var guide = document.getElementById('guide');
    if (!guide || !navigator.sendBeacon) { return; }
    var url = guide.getAttribute('data-uses');
    function record(kind) {
        navigator.sendBeacon(url, new Blob([JSON.stringify({ kind: kind })], { type: 'application/json' }));
    }
    record('view');
    var hall = document.getElementById('hall-link');
    if (hall) { hall.addEventListener('click', function () { record('hall'); }); }
})();
