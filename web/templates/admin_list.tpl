{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<p class="breadcrumb"><a href="/admin">Administration</a></p>
<h1>{{HEADING}}</h1>
{{#INTRO}}<p>{{INTRO_TEXT}}</p>{{/INTRO}}
<p><a href="{{NEW_HREF}}" id="admin-new">{{NEW_LABEL}}</a></p>
<table class="list admin">
  <thead><tr>{{#COLUMN}}<th>{{TEXT}}</th>{{/COLUMN}}</tr></thead>
  <tbody>
  {{#ROW}}<tr id="{{ELEMENT_ID}}">{{#FIRST_CELL}}<td><a href="{{HREF}}">{{TEXT}}</a></td>{{/FIRST_CELL}}{{#CELL}}<td>{{TEXT}}</td>{{/CELL}}</tr>
  {{/ROW}}
  </tbody>
</table>
{{#EMPTY}}<p class="empty">None yet.</p>{{/EMPTY}}
{{>PAGE_FOOTER}}
