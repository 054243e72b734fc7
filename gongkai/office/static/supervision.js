// Supervision pages (served from the site itself: the Content-Security-Policy allows no inline script).

// A report's page: "查看单元格" outlines the cells a finding is about and scrolls to them.
document.querySelectorAll("a.show-cells").forEach(function (a) {
  a.addEventListener("click", function (e) {
    e.preventDefault();
    document.querySelectorAll("td.focus").forEach(function (td) { td.classList.remove("focus"); });
    var first = null;
    a.dataset.cells.split(" ").forEach(function (key) {
      var td = document.querySelector('td[data-key="' + key + '"]');
      if (td) { td.classList.add("focus"); first = first || td; }
    });
    if (first) first.scrollIntoView({block: "center"});
  });
});

// The aggregate page: the charts from the figures in #chart-data (SVG, so they print sharply).
function drawCharts() {
  var data = document.getElementById("chart-data");
  if (!data || typeof echarts === "undefined") return;
  var d = JSON.parse(data.textContent);
  var opts = {renderer: "svg"};  // SVG prints sharply
  echarts.init(document.getElementById("chart-years"), null, opts).setOption({
    title: {text: "历年申请与办理结果"}, tooltip: {trigger: "axis"}, legend: {top: 24},
    xAxis: {type: "category", data: d.years}, yAxis: {type: "value", name: "件"},
    series: [{name: "新收申请", type: "line", data: d.received}, {name: "办结", type: "line", data: d.processed},
             {name: "予以公开及部分公开", type: "bar", data: d.granted}]});
  echarts.init(document.getElementById("chart-ontime"), null, opts).setOption({
    title: {text: "各机关按期发布（逾期天数）"}, tooltip: {formatter: function (p) { return d.agencies[p.dataIndex] + "：" + d.status[p.dataIndex]; }},
    xAxis: {type: "category", data: d.agencies, axisLabel: {interval: 0, rotate: 30}}, yAxis: {type: "value", name: "天"},
    series: [{type: "bar", data: d.late_days}]});
  echarts.init(document.getElementById("chart-appeals"), null, opts).setOption({
    title: {text: "复议诉讼及纠正比例"}, tooltip: {trigger: "axis"}, legend: {top: 24},
    xAxis: {type: "category", data: d.years},
    yAxis: [{type: "value", name: "件"}, {type: "value", name: "%", max: 100}],
    series: [{name: "复议诉讼", type: "bar", data: d.appeals}, {name: "纠正比例", type: "line", yAxisIndex: 1, data: d.corrected_share}]});
}
document.addEventListener("DOMContentLoaded", drawCharts);
