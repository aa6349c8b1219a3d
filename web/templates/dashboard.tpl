{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<h1>My page</h1>
{{#CUSTOMER}}<p><a href="/issues">My issues</a></p>{{/CUSTOMER}}
{{#NO_PROJECTS}}<p class="empty">You are not a member of any project yet.</p>{{/NO_PROJECTS}}
{{#HAS_PROJECTS}}<table class="list projects">
  <thead><tr><th>Project</th><th>New</th><th>Open</th><th></th></tr></thead>
  <tbody>
  {{#PROJECT}}
  <tr class="project" id="project-{{IDENTIFIER}}">
    <td><a href="/projects/{{IDENTIFIER}}/issues">{{NAME}}</a></td>
    <td class="count"><a class="new-count{{#HAS_NEW}} has-new{{/HAS_NEW}}" href="{{NEW_URL}}">{{NEW_COUNT}}</a></td>
    <td class="count">{{OPEN_COUNT}}</td>
    <td>{{#CAN_ADD}}<a href="/projects/{{IDENTIFIER}}/issues/new">New issue</a>{{/CAN_ADD}}</td>
  </tr>
  {{/PROJECT}}
  </tbody>
</table>{{/HAS_PROJECTS}}
{{>PAGE_FOOTER}}
