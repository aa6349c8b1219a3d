{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<p class="breadcrumb"><a href="/admin">Administration</a></p>
<h1>Workflow</h1>
{{#ERROR}}<p class="flash error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<form method="get" action="/workflows/edit" id="workflow-choose" class="inline-fields">
  <label for="workflow_tracker">Tracker</label>
  <select id="workflow_tracker" name="tracker_id">{{#TRACKER_OPTION}}<option value="{{ID}}" {{SELECTED}}>{{NAME}}</option>{{/TRACKER_OPTION}}</select>
  <label for="workflow_role">Role</label>
  <select id="workflow_role" name="role_id">{{#ROLE_OPTION}}<option value="{{ID}}" {{SELECTED}}>{{NAME}}</option>{{/ROLE_OPTION}}</select>
  <button type="submit" id="workflow-show">Edit</button>
</form>
{{#CHOOSE}}<p>Choose a tracker and a role to edit the status changes that role may make on that tracker's issues.</p>{{/CHOOSE}}
{{#MATRIX}}
<h2>{{TRACKER}} issues, role {{ROLE}}</h2>
<p>Rows: the current status; columns: the new status. Tick a cell to allow the change; its small
boxes demand a <strong>n</strong>ote, an <strong>a</strong>ssignee, a <strong>m</strong>ilestone, or
that only the issue's current assignee (<strong>o</strong>wn) may make it.</p>
<form method="post" action="/workflows/edit" id="workflow-form">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <input type="hidden" name="tracker_id" value="{{TRACKER_ID}}">
  <input type="hidden" name="role_id" value="{{ROLE_ID}}">
  <table class="list workflow">
    <thead><tr><th>Current status</th>{{#TO_HEAD}}<th>{{NAME}}</th>{{/TO_HEAD}}</tr></thead>
    <tbody>
    {{#FROM}}<tr id="from-{{ID}}"><th scope="row">{{NAME}}</th>{{#CELL}}<td>{{#SAME}}–{{/SAME}}{{#OPEN}}
      <label title="{{FROM}} → {{TO}}"><input type="checkbox" name="{{ALLOW_NAME}}" value="1" {{ALLOW_CHECKED}} aria-label="{{FROM}} to {{TO}}"></label>
      <span class="conditions">
      {{#NOTE}}<label title="A note is required"><input type="checkbox" name="{{FIELD}}" value="1" {{CHECKED}}>n</label>{{/NOTE}}
      {{#ASSIGNEE}}<label title="An assignee is required"><input type="checkbox" name="{{FIELD}}" value="1" {{CHECKED}}>a</label>{{/ASSIGNEE}}
      {{#MILESTONE}}<label title="A milestone is required"><input type="checkbox" name="{{FIELD}}" value="1" {{CHECKED}}>m</label>{{/MILESTONE}}
      {{#OWN}}<label title="Only the current assignee"><input type="checkbox" name="{{FIELD}}" value="1" {{CHECKED}}>o</label>{{/OWN}}
      </span>{{/OPEN}}</td>{{/CELL}}</tr>
    {{/FROM}}
    </tbody>
  </table>
  <button type="submit" id="workflow-submit">Save</button>
</form>
{{/MATRIX}}
{{>PAGE_FOOTER}}
