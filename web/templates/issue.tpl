{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<p class="breadcrumb"><a href="/projects/{{PROJECT_IDENTIFIER}}/issues">{{PROJECT_NAME}}</a></p>
<h1 class="issue-title">{{TRACKER}} #{{ID}}</h1>
{{#ERROR}}<p class="flash error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<article class="issue{{#IS_CLOSED}} closed{{/IS_CLOSED}}" id="issue-{{ID}}">
  <h2 class="subject">{{SUBJECT}}</h2>
  <p class="author">Added by {{AUTHOR}} on {{CREATED}}, updated {{UPDATED}}.</p>
  <table class="attributes">
    <tr><th>Status</th><td class="status" id="issue-status">{{STATUS}}</td>
        <th>Priority</th><td class="priority">{{PRIORITY}}</td></tr>
    <tr><th>Assignee</th><td class="assigned-to">{{ASSIGNEE}}</td>
        <th>Milestone</th><td class="fixed-version">{{MILESTONE}}</td></tr>
    <tr><th>Source</th><td>{{SOURCE}}</td>
        <th>Closed</th><td>{{CLOSED}}</td></tr>
    {{#CUSTOMER}}<tr><th>Customer</th><td colspan="3">{{CUSTOMER_NAME}} &lt;{{CUSTOMER_EMAIL}}&gt;</td></tr>{{/CUSTOMER}}
  </table>
  {{#HAS_DESCRIPTION}}<h3>Description</h3>
  <div class="description wiki">{{DESCRIPTION}}</div>{{/HAS_DESCRIPTION}}
  {{#ATTACHMENTS}}<div class="attachments" id="attachments">
    <h3>Files</h3>
    <table class="list attachments">
      {{#ATTACHMENT}}<tr id="attachment-{{ATTACHMENT_ID}}">
        <td class="filename"><a href="{{DOWNLOAD_URL}}">{{FILENAME}}</a>{{#PRIVATE}} <span class="badge">private</span>{{/PRIVATE}}</td>
        <td class="size">{{SIZE}}</td>
        <td class="author">{{AUTHOR}}</td>
        <td class="created">{{CREATED}}</td>
      </tr>{{/ATTACHMENT}}
    </table>
  </div>{{/ATTACHMENTS}}
</article>
<section id="history">
  <h2>History</h2>
  {{#NO_HISTORY}}<p class="empty">No changes yet.</p>{{/NO_HISTORY}}
  {{#JOURNAL}}
  <div class="journal{{#PRIVATE}} private-notes{{/PRIVATE}}" id="change-{{JOURNAL_ID}}">
    <h4><a href="#note-{{INDEX}}" id="note-{{INDEX}}">#{{INDEX}}</a> Updated by {{AUTHOR}} on {{CREATED}}{{#PRIVATE}} <span class="badge">private</span>{{/PRIVATE}}</h4>
    <ul class="details">{{#DETAIL}}<li>{{TEXT}}</li>{{/DETAIL}}</ul>
    {{#HAS_NOTES}}<div class="notes wiki">{{NOTES}}</div>{{/HAS_NOTES}}
  </div>
  {{/JOURNAL}}
</section>
{{#EDIT_FORM}}
<section id="update">
  <h2>Edit</h2>
  <form method="post" action="/issues/{{ID}}" id="issue-form" enctype="multipart/form-data">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="lock_version" value="{{LOCK_VERSION}}">
    {{#FIELDS}}
    <div class="fields">
      <label for="issue_status_id">Status</label>
      <select id="issue_status_id" name="status_id">
        {{#STATUS_OPTION}}<option value="{{ID}}" {{SELECTED}}>{{NAME}}</option>{{/STATUS_OPTION}}
      </select>
      <label for="issue_priority_id">Priority</label>
      <select id="issue_priority_id" name="priority_id">
        {{#PRIORITY_OPTION}}<option value="{{ID}}" {{SELECTED}}>{{NAME}}</option>{{/PRIORITY_OPTION}}
      </select>
      <label for="issue_assigned_to_id">Assignee</label>
      <select id="issue_assigned_to_id" name="assigned_to_id">
        <option value="">(nobody)</option>
        {{#ASSIGNEE_OPTION}}<option value="{{ID}}" {{SELECTED}}>{{NAME}}</option>{{/ASSIGNEE_OPTION}}
      </select>
      <label for="issue_fixed_version_id">Milestone</label>
      <select id="issue_fixed_version_id" name="fixed_version_id">
        <option value="">(none)</option>
        {{#MILESTONE_OPTION}}<option value="{{ID}}" {{SELECTED}}>{{NAME}}</option>{{/MILESTONE_OPTION}}
      </select>
    </div>
    {{/FIELDS}}
    <label for="issue_notes">Notes</label>
    <textarea id="issue_notes" name="notes" rows="6">{{NOTES}}</textarea>
    <label for="issue_attachments">Files</label>
    <input type="file" id="issue_attachments" name="attachments" multiple>
    <p class="hint">{{ATTACHMENT_LIMITS}}</p>
    {{#CAN_PRIVATE}}<label class="check"><input type="checkbox" id="issue_private_notes" name="private_notes" value="1" {{PRIVATE_CHECKED}}> Private notes (staff only)</label>{{/CAN_PRIVATE}}
    <button type="submit" id="issue-submit">Submit</button>
  </form>
</section>
{{/EDIT_FORM}}
{{>PAGE_FOOTER}}
