{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} - ticketflow reports</title>
<link rel="stylesheet" href="assets/reports.css">
<script src="assets/chart.umd.js" defer></script>
<script src="assets/reports.js" defer></script>
</head>
<body>
<header class="top">
  <a class="brand" href="index.html">ticketflow reports</a>
  <nav aria-label="Reports">{{#NAV}}<a href="{{FILE}}"{{#CURRENT}} aria-current="page"{{/CURRENT}}>{{TITLE}}</a> {{/NAV}}</nav>
</header>
<main>
<h1>{{TITLE}}</h1>
<p class="intro">{{INTRO}}</p>
<p class="as-of">As of {{AS_OF}} ({{ZONE}}), generated {{GENERATED}}.</p>
{{#CHART}}
<section class="chart" id="section-{{ID}}">
  <h2 id="title-{{ID}}">{{TITLE}}</h2>
  <div class="canvas-box"><canvas id="{{ID}}" role="img" aria-labelledby="title-{{ID}}" data-chart="{{JSON}}"></canvas></div>
  <table class="data" id="table-{{ID}}" data-unit="{{UNIT}}">
    <caption>{{TITLE}} ({{UNIT}}) — <a href="data/{{ID}}.json">JSON</a>, <a href="data/{{ID}}.csv">CSV</a></caption>
    <thead><tr><th scope="col">{{LABEL_HEAD}}</th>{{#HEAD}}<th scope="col">{{NAME}}</th>{{/HEAD}}</tr></thead>
    <tbody>
    {{#ROW}}<tr><th scope="row">{{LABEL}}</th>{{#VALUE}}<td>{{TEXT}}</td>{{/VALUE}}</tr>
    {{/ROW}}
    </tbody>
  </table>
</section>
{{/CHART}}
{{#LIST}}
<section class="list" id="section-{{ID}}">
  <table class="data list" id="{{ID}}">
    <caption>{{CAPTION}}</caption>
    <thead><tr>{{#HEAD}}<th scope="col">{{NAME}}</th>{{/HEAD}}</tr></thead>
    <tbody>
    {{#ROW}}<tr{{#HIGHLIGHT}} class="highlight"{{/HIGHLIGHT}}>{{#CELL}}<td>{{#LINK}}<a href="{{HREF}}">{{TEXT}}</a>{{/LINK}}{{#PLAIN}}{{TEXT}}{{/PLAIN}}</td>{{/CELL}}</tr>
    {{/ROW}}
    {{#EMPTY}}<tr><td colspan="{{COLUMNS}}">None.</td></tr>{{/EMPTY}}
    </tbody>
  </table>
</section>
{{/LIST}}
</main>
<footer>Chart.js {{CHARTJS_VERSION}} shipped with these pages; no network needed.</footer>
</body>
</html>
