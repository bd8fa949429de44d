// 我为政府网站找错: the entry carries the text the reader has selected on the page, so the form
// opens with the wrong words quoted. Without JavaScript the link still opens the form with the
// page's address.
(function () {
    var link = document.querySelector('a.jiucuo-own');
    if (!link) { return; }
    var selected = '';
    document.addEventListener('selectionchange', function () {
        var text = String(window.getSelection ? window.getSelection() : '').trim();
        if (text) { selected = text.slice(0, 1000); }
    });
    link.addEventListener('click', function () {
        if (!selected) { return; }
        var url = new URL(link.href, window.location.href);
        url.searchParams.set('quote', selected);
        link.href = url.toString();
    });
})();
