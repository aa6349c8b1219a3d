{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<p class="breadcrumb"><a href="/projects/{{PROJECT_IDENTIFIER}}/issues">{{PROJECT_NAME}}</a></p>
<div class="title-bar">
  <h1>Roadmap</h1>
  {{#CAN_MANAGE_ANY}}<a class="button" id="new-milestone" href="/projects/{{PROJECT_IDENTIFIER}}/versions/new">New milestone</a>{{/CAN_MANAGE_ANY}}
</div>
{{#NO_MILESTONES}}<p class="empty">This project has no milestones yet.</p>{{/NO_MILESTONES}}
<table class="list milestones" id="roadmap">
  <thead><tr><th>Milestone</th><th>Status</th><th>Due date</th><th>Progress</th><th>Open</th><th>Closed</th><th></th></tr></thead>
  <tbody>
  {{#MILESTONE}}<tr class="milestone{{#OVERDUE}} overdue{{/OVERDUE}}" id="milestone-{{ID}}">
    <td><a href="/versions/{{ID}}">{{NAME}}</a><p class="hint">{{DESCRIPTION}}</p></td>
    <td>{{STATUS}}</td>
    <td>{{DUE_DATE}}{{#OVERDUE}} <span class="badge overdue">overdue</span>{{/OVERDUE}}</td>
    <td><progress max="100" value="{{PERCENT}}" title="{{PERCENT}}% done">{{PERCENT}}%</progress> {{PERCENT}}%</td>
    <td class="count">{{OPEN}}</td>
    <td class="count">{{CLOSED}}</td>
    <td>{{#CAN_MANAGE}}<a href="/versions/{{ID}}/edit">Edit</a>{{/CAN_MANAGE}}</td>
  </tr>
  {{/MILESTONE}}
  </tbody>
</table>
{{>PAGE_FOOTER}}
