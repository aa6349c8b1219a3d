{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>ticketflow reports</title>
<link rel="stylesheet" href="assets/reports.css">
</head>
<body>
<header class="top"><a class="brand" href="index.html">ticketflow reports</a></header>
<main>
<h1>Reports</h1>
<p class="as-of">As of {{AS_OF}} ({{ZONE}}), generated {{GENERATED}} in {{SECONDS}} s from {{ISSUES}} issues and {{CHANGES}} status changes.</p>
<table class="data headline" id="headline">
  <caption>Headline figures</caption>
  <tbody>
  {{#FIGURE}}<tr><th scope="row">{{NAME}}</th><td id="figure-{{ID}}">{{VALUE}}</td></tr>
  {{/FIGURE}}
  </tbody>
</table>
<ul class="reports">
{{#PAGE}}<li><a href="{{FILE}}">{{TITLE}}</a> — {{INTRO}}</li>
{{/PAGE}}
</ul>
</main>
</body>
</html>
