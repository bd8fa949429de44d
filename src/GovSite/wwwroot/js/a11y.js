// 无障碍/适老化 toolbar: text size, high contrast, reading guide line, traditional script.
// Runs in <head> so a saved choice applies before the first paint; stored in localStorage.
(function () {
    var KEY = 'govsite-a11y';
    var root = document.documentElement;
    var script = document.currentScript;
    var s;
    try { s = JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { s = {}; }
    function apply() {
        root.style.fontSize = (s.scale || 100) + '%';
        root.classList.toggle('a11y-contrast', !!s.contrast);
        root.classList.toggle('a11y-guide', !!s.guide);
    }
    function save() { try { localStorage.setItem(KEY, JSON.stringify(s)); } catch (e) { /* private mode: choices last for this page only */ } }
    apply();
    // Scripts run: the phone navigation may start collapsed behind its button (site.css).
    root.classList.add('js');
    // 打印本页 on an article: a button, since a javascript: link would need 'unsafe-inline'.
    document.addEventListener('click', function (e) {
        if (e.target.closest && e.target.closest('[data-print]')) { window.print(); }
    });

    function toTraditional(done) {
        function convert() {
            var cv = window.OpenCC.Converter({ from: 'cn', to: 'tw' });
            var walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
            for (var n = walker.nextNode(); n; n = walker.nextNode()) {
                if (n.nodeValue.trim()) { n.nodeValue = cv(n.nodeValue); }
            }
            document.querySelectorAll('[aria-label],[alt],[title]').forEach(function (el) {
                ['aria-label', 'alt', 'title'].forEach(function (a) { if (el.hasAttribute(a)) { el.setAttribute(a, cv(el.getAttribute(a))); } });
            });
            document.title = cv(document.title);
            root.lang = 'zh-Hant';
            if (done) { done(); }
        }
        if (window.OpenCC) { convert(); return; }
        var tag = document.createElement('script');
        tag.src = script.getAttribute('data-cn2t');
        tag.onload = convert;
        document.head.appendChild(tag);
    }

    // 栏目导航 on a phone: the button opens and closes the navigation; Escape closes it and returns to the button.
    document.addEventListener('DOMContentLoaded', function () {
        var toggle = document.querySelector('.nav-toggle');
        var nav = document.getElementById('main-nav');
        if (!toggle || !nav) { return; }
        function open(on) { nav.classList.toggle('nav-open', on); toggle.setAttribute('aria-expanded', String(on)); }
        toggle.addEventListener('click', function () { open(toggle.getAttribute('aria-expanded') !== 'true'); });
        nav.addEventListener('keydown', function (e) {
            if (e.key === 'Escape' && nav.classList.contains('nav-open')) { open(false); toggle.focus(); }
        });
    });

    document.addEventListener('DOMContentLoaded', function () {
        var bar = document.getElementById('a11y-bar');
        if (!bar) { return; }
        bar.hidden = false;
        var guide = document.querySelector('.reading-guide');
        function pressed() {
            bar.querySelector('[data-a11y=contrast]').setAttribute('aria-pressed', String(!!s.contrast));
            bar.querySelector('[data-a11y=guide]').setAttribute('aria-pressed', String(!!s.guide));
            bar.querySelector('[data-a11y=script]').setAttribute('aria-pressed', String(s.script === 'tw'));
        }
        pressed();
        if (s.script === 'tw') { toTraditional(); }
        bar.addEventListener('click', function (e) {
            var b = e.target.closest('button');
            if (!b) { return; }
            switch (b.getAttribute('data-a11y')) {
                case 'bigger': s.scale = Math.min((s.scale || 100) + 12.5, 200); break;
                case 'smaller': s.scale = Math.max((s.scale || 100) - 12.5, 100); break;
                case 'contrast': s.contrast = !s.contrast; break;
                case 'guide': s.guide = !s.guide; break;
                case 'script':
                    if (s.script === 'tw') { s.script = null; save(); location.reload(); return; }
                    s.script = 'tw'; toTraditional(); break;
                case 'print': window.print(); return;
                case 'reset': var wasTw = s.script === 'tw'; s = {}; save(); if (wasTw) { location.reload(); return; } break;
            }
            save(); apply(); pressed();
        });
        function moveGuide(y) { if (guide) { guide.style.top = (y - 16) + 'px'; } }
        document.addEventListener('mousemove', function (e) { if (s.guide) { moveGuide(e.clientY); } });
        // Keyboard users get the line at whatever has focus.
        document.addEventListener('focusin', function (e) {
            if (s.guide && e.target.getBoundingClientRect) { var r = e.target.getBoundingClientRect(); moveGuide(r.top + r.height / 2); }
        });
    });
})();
