// Suggestions while typing: fills the search box's <datalist> from /api/v1/search/suggest.
(() => {
    const input = document.querySelector('input[data-suggest]');
    const list = input && document.getElementById(input.getAttribute('list'));
    if (!input || !list) return;
    let timer = 0;
    let last = '';
    input.addEventListener('input', () => {
        clearTimeout(timer);
        timer = setTimeout(async () => {
            const q = input.value.trim();
            if (q === last || q.length === 0) return;
            last = q;
            const url = new URL(input.dataset.suggest, location.origin);
            url.searchParams.set('q', q);
            if (input.dataset.site) url.searchParams.set('site', input.dataset.site);
            try {
                const response = await fetch(url);
                if (!response.ok) return;
                const body = await response.json();
                list.replaceChildren(...body.suggestions.map(s => Object.assign(document.createElement('option'), { value: s })));
            } catch { /* suggestions are a convenience; searching still works */ }
        }, 250);
    });
})();
