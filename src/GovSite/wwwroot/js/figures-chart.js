// Charts of the visitor figures and the annual reports' year-over-year comparison (ECharts from /lib).
// Each chart repeats a table beside it, which is what assistive technology reads.
(function () {
    if (!window.echarts) { return; }
    // Bars that grow into place are motion a reader may have asked the system to spare them (WCAG 2.3.3).
    var still = window.matchMedia && window.matchMedia('(prefers-reduced-motion: reduce)').matches;
    document.querySelectorAll('[data-figures-chart]').forEach(function (el) {
        var d = JSON.parse(el.getAttribute('data-figures-chart'));
        var chart = echarts.init(el);
        chart.setOption({
            animation: !still,
            tooltip: { trigger: 'axis' },
            legend: { top: 0 },
            grid: { left: 60, right: 20, top: 36, bottom: d.type === 'bar' ? 90 : 30 },
            xAxis: { type: 'category', data: d.categories, axisLabel: d.type === 'bar' ? { interval: 0, rotate: 30 } : {} },
            yAxis: { type: 'value', minInterval: 1 },
            series: d.series.map(function (s) { return { name: s.name, type: d.type, data: s.data, showSymbol: false }; })
        });
        window.addEventListener('resize', function () { chart.resize(); });
    });
})();
