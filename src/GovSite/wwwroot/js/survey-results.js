// Survey results as bar charts (ECharts); the table beside each chart holds the same figures.
document.querySelectorAll('[data-chart]').forEach(function (el) {
    if (!window.echarts) { return; }
    var d = JSON.parse(el.getAttribute('data-chart'));
    var chart = echarts.init(el);
    chart.setOption({
        animation: false,
        grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
        xAxis: { type: 'value', minInterval: 1 },
        yAxis: { type: 'category', data: d.labels, inverse: true, axisLabel: { width: 140, overflow: 'truncate' } },
        series: [{ type: 'bar', data: d.values, itemStyle: { color: '#a8101a' }, label: { show: true, position: 'right' } }]
    });
    window.addEventListener('resize', function () { chart.resize(); });
});
