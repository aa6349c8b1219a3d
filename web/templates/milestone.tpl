{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<p class="breadcrumb"><a href="/projects/{{PROJECT_IDENTIFIER}}/issues">{{PROJECT_NAME}}</a> › <a href="/projects/{{PROJECT_IDENTIFIER}}/roadmap">Roadmap</a></p>
<div class="title-bar">
  <h1 id="milestone-name">{{NAME}}</h1>
  {{#CAN_MANAGE}}<a class="button" id="edit-milestone" href="/versions/{{ID}}/edit">Edit</a>{{/CAN_MANAGE}}
</div>
<table class="attributes" id="milestone-attributes">
  <tr><th>Status</th><td id="milestone-status">{{STATUS}}</td></tr>
  <tr><th>Due date</th><td id="milestone-due">{{DUE_DATE}}{{#OVERDUE}} <span class="badge overdue" id="milestone-overdue">overdue</span>{{/OVERDUE}}</td></tr>
  {{#HAS_DESCRIPTION}}<tr><th>Description</th><td class="wiki">{{DESCRIPTION}}</td></tr>{{/HAS_DESCRIPTION}}
  <tr><th>Progress</th><td><progress max="100" value="{{PERCENT}}" id="milestone-progress">{{PERCENT}}%</progress>
    <span id="milestone-counts">{{PERCENT}}% done: {{OPEN}} open, {{CLOSED}} closed, {{TOTAL}} in all</span></td></tr>
</table>

<h2>Load</h2>
{{#NO_LOAD}}<p class="empty">No issues you can see use this milestone.</p>{{/NO_LOAD}}
{{#HAS_LOAD}}<div class="load-tables">
<table class="list load" id="load-by-status">
  <caption>By status</caption>
  <thead><tr><th>Status</th><th>Issues</th><th></th></tr></thead>
  <tbody>{{#BY_STATUS}}<tr><td>{{NAME}}</td><td class="count">{{TOTAL}}</td><td><progress max="100" value="{{BAR}}">{{BAR}}%</progress></td></tr>
  {{/BY_STATUS}}</tbody>
</table>
<table class="list load" id="load-by-assignee">
  <caption>By assignee (bars: open issues)</caption>
  <thead><tr><th>Assignee</th><th>Open</th><th>Closed</th><th></th></tr></thead>
  <tbody>{{#BY_ASSIGNEE}}<tr><td>{{NAME}}</td><td class="count">{{OPEN}}</td><td class="count">{{CLOSED}}</td><td><progress max="100" value="{{BAR}}">{{BAR}}%</progress></td></tr>
  {{/BY_ASSIGNEE}}</tbody>
</table>
</div>{{/HAS_LOAD}}

<h2>Issues</h2>
{{#NO_ISSUES}}<p class="empty">No issues.</p>{{/NO_ISSUES}}
<table class="list issues" id="milestone-issues">
  <thead><tr><th>#</th><th>Tracker</th><th>Status</th><th>Subject</th><th>Assignee</th></tr></thead>
  <tbody>{{#ISSUE}}<tr class="issue{{#CLOSED_ISSUE}} closed{{/CLOSED_ISSUE}}" id="issue-{{ID}}"><td><a href="/issues/{{ID}}">{{ID}}</a></td><td>{{TRACKER}}</td><td>{{STATUS}}</td><td><a href="/issues/{{ID}}">{{SUBJECT}}</a></td><td>{{ASSIGNEE}}</td></tr>
  {{/ISSUE}}</tbody>
</table>
{{#MORE_ISSUES}}<p><a href="{{ALL_ISSUES_URL}}">All issues of this milestone</a></p>{{/MORE_ISSUES}}
<p><a href="{{ALL_ISSUES_URL}}" id="milestone-issue-list">Open in the issue list</a></p>
{{>PAGE_FOOTER}}
