{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<div class="title-bar">
  <h1 id="customer-name">{{NAME}}</h1>
  {{#MANAGE}}<a href="/customers/{{ID}}/edit" class="button" id="edit-customer">Edit</a>{{/MANAGE}}
</div>
<p class="breadcrumb"><a href="/customers">Customers</a> &middot; #{{ID}}</p>
<dl class="attributes customer" id="customer-details">
  <dt>Email</dt><dd id="customer-email">{{EMAIL}}</dd>
  <dt>Organisation</dt><dd id="customer-organisation">{{ORGANISATION}}</dd>
  <dt>Phone</dt><dd id="customer-phone">{{PHONE}}</dd>
  <dt>Known since</dt><dd>{{CREATED}}</dd>
</dl>
{{#HAS_NOTES}}<h2>Notes</h2>
<div class="wiki" id="customer-notes">{{NOTES}}</div>{{/HAS_NOTES}}
<h2>Issues</h2>
{{#HAS_ISSUES}}<table class="list issues" id="customer-issues">
  <thead>
    <tr><th>#</th><th>Project</th><th>Tracker</th><th>Status</th><th>Subject</th><th>Updated</th></tr>
  </thead>
  <tbody>
  {{#ISSUE}}
    <tr id="issue-{{ID}}" class="issue">
      <td class="id"><a href="/issues/{{ID}}">{{ID}}</a></td>
      <td class="project">{{PROJECT}}</td>
      <td class="tracker">{{TRACKER}}</td>
      <td class="status">{{STATUS}}</td>
      <td class="subject"><a href="/issues/{{ID}}">{{SUBJECT}}</a></td>
      <td class="updated_on">{{UPDATED}}</td>
    </tr>
  {{/ISSUE}}
  </tbody>
</table>{{/HAS_ISSUES}}
{{#MORE_ISSUES}}<p class="hint" id="more-issues">Only the {{LIMIT}} newest issues are shown.</p>{{/MORE_ISSUES}}
{{#NO_ISSUES}}<p class="empty" id="no-issues">No issues you may see.</p>{{/NO_ISSUES}}
{{#MANAGE}}<h2>Merge a duplicate</h2>
<form method="post" action="/customers/{{ID}}/merge" id="merge-form" class="merge">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <p class="hint">If this record is a duplicate, merge it into the record to keep: its issues, notes and logins move
    there, empty fields of the kept record are filled from this one, and this record is deleted. This cannot be undone.</p>
  <label for="merge-into-id">Number of the customer to keep</label>
  <input type="number" id="merge-into-id" name="into_id" min="1" required>
  <button type="submit" id="merge-customer">Merge into it</button>
</form>{{/MANAGE}}
{{>PAGE_FOOTER}}
