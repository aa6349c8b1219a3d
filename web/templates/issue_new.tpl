{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<h1>New issue</h1>
{{#ERROR}}<p class="flash error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<form method="post" action="/projects/{{PROJECT_IDENTIFIER}}/issues" id="issue-form" class="new-issue" enctype="multipart/form-data">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <p class="project-switch">Project: <strong id="issue-project">{{PROJECT_NAME}}</strong>
    {{#OTHER_PROJECTS}}(switch to {{#PROJECT_OPTION}}<a href="/projects/{{IDENTIFIER}}/issues/new">{{NAME}}</a> {{/PROJECT_OPTION}}){{/OTHER_PROJECTS}}</p>
  <label for="issue_tracker_id">Tracker</label>
  <select id="issue_tracker_id" name="tracker_id">
    {{#TRACKER_OPTION}}<option value="{{ID}}" {{SELECTED}}>{{NAME}}</option>{{/TRACKER_OPTION}}
  </select>
  <label for="issue_subject">Subject</label>
  <input type="text" id="issue_subject" name="subject" value="{{SUBJECT}}" maxlength="255" required>
  <label for="issue_description">Description</label>
  <textarea id="issue_description" name="description" rows="10">{{DESCRIPTION}}</textarea>
  {{#CUSTOMER_WISHES}}<p class="hint" id="wishes-hint">Priority and contact are your wishes: the support team sees them and decides.</p>{{/CUSTOMER_WISHES}}
  <label for="issue_priority_id">{{PRIORITY_LABEL}}</label>
  <select id="issue_priority_id" name="priority_id">
    {{#PRIORITY_OPTION}}<option value="{{ID}}" {{SELECTED}}>{{NAME}}</option>{{/PRIORITY_OPTION}}
  </select>
  <label for="issue_assigned_to_id">{{ASSIGNEE_LABEL}}</label>
  <select id="issue_assigned_to_id" name="assigned_to_id">
    <option value="">(nobody)</option>
    {{#ASSIGNEE_OPTION}}<option value="{{ID}}" {{SELECTED}}>{{NAME}}</option>{{/ASSIGNEE_OPTION}}
  </select>
  {{#STAFF_FIELDS}}<label for="issue_fixed_version_id">Milestone</label>
  <select id="issue_fixed_version_id" name="fixed_version_id">
    <option value="">(none)</option>
    {{#MILESTONE_OPTION}}<option value="{{ID}}" {{SELECTED}}>{{NAME}}</option>{{/MILESTONE_OPTION}}
  </select>
  <fieldset class="on-behalf" id="on-behalf">
    <legend>On behalf of a customer (optional)</legend>
    <label for="issue_customer_email">Customer email</label>
    <input type="email" id="issue_customer_email" name="customer_email" value="{{CUSTOMER_EMAIL}}" maxlength="254" aria-describedby="customer-hint">
    <label for="issue_customer_name">Customer name</label>
    <input type="text" id="issue_customer_name" name="customer_name" value="{{CUSTOMER_NAME}}" maxlength="255" aria-describedby="customer-hint">
    <p class="hint" id="customer-hint">A known address files the issue under that customer; a new one creates the customer with this name.</p>
    <label for="issue_source">Received by</label>
    <select id="issue_source" name="source">
      {{#SOURCE_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{VALUE}}</option>{{/SOURCE_OPTION}}
    </select>
  </fieldset>{{/STAFF_FIELDS}}
  <label for="issue_attachments">Files</label>
  <input type="file" id="issue_attachments" name="attachments" multiple>
  <p class="hint">{{ATTACHMENT_LIMITS}}</p>
  <button type="submit" id="issue-create">Create</button>
</form>
{{>PAGE_FOOTER}}
