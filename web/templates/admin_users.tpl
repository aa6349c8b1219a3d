{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<h1>Users</h1>
<p><a href="/users/new" id="new-user">New user</a></p>
<table class="list users">
  <thead><tr><th>Login</th><th>Name</th><th>Email</th><th>Kind</th><th>Status</th><th>Last sign-in</th></tr></thead>
  <tbody>
  {{#USER}}<tr id="user-{{ID}}" class="{{STATUS}}">
    <td><a href="/users/{{ID}}/edit">{{LOGIN}}</a>{{#ADMIN}} <span class="badge">admin</span>{{/ADMIN}}</td>
    <td>{{NAME}}</td><td>{{MAIL}}</td><td>{{KIND}}</td><td>{{STATUS}}</td><td>{{LAST_LOGIN}}</td>
  </tr>{{/USER}}
  </tbody>
</table>
{{#HAS_MORE}}<p><a href="/users?offset={{NEXT_OFFSET}}">More users</a></p>{{/HAS_MORE}}
{{>PAGE_FOOTER}}
