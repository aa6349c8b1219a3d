{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<p class="breadcrumb"><a href="/projects/{{PROJECT_IDENTIFIER}}/issues">{{PROJECT_NAME}}</a></p>
<h1 class="issue-title">{{TRACKER}} #{{ID}}</h1>
{{#ERROR}}<p class="flash error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
{{#CHANGED_MEANWHILE}}<div class="meanwhile" id="changed-meanwhile">
  <p><strong>Changed by {{AUTHOR}} on {{CREATED}}</strong> while you were editing:</p>
  <ul>{{#DETAIL}}<li>{{TEXT}}</li>{{/DETAIL}}</ul>
  {{#HAS_NOTES}}<div class="notes wiki">{{NOTES}}</div>{{/HAS_NOTES}}
</div>{{/CHANGED_MEANWHILE}}
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
    {{#HAS_CHECKLIST}}<tr><th>Triage checklist</th><td colspan="3" id="issue-checklist">{{CHECKLIST}}</td></tr>{{/HAS_CHECKLIST}}
  </table>
  {{#HINTS}}<p class="hints" id="customer-hints">The customer asked for{{#HAS_HINT_PRIORITY}} priority <strong>{{HINT_PRIORITY}}</strong>{{/HAS_HINT_PRIORITY}}{{#HAS_HINT_ASSIGNEE}}{{#HAS_HINT_PRIORITY}} and{{/HAS_HINT_PRIORITY}} assignee <strong>{{HINT_ASSIGNEE}}</strong>{{/HAS_HINT_ASSIGNEE}} (a wish, not applied).</p>{{/HINTS}}
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
  {{#RELATIONS}}<div class="relations" id="relations">
    <h3>Related issues</h3>
    <table class="list relations">
      {{#RELATION}}<tr id="relation-{{RELATION_ID}}">
        <td class="relation-type">{{LABEL}}</td>
        <td class="subject"><a href="/issues/{{OTHER_ID}}">{{OTHER_TRACKER}} #{{OTHER_ID}}</a>: {{OTHER_SUBJECT}}</td>
        <td class="status">{{OTHER_STATUS}}</td>
        <td class="fixed-version">{{#HAS_MILESTONE}}{{OTHER_MILESTONE}}{{/HAS_MILESTONE}}</td>
        <td>{{#HAS_OUTCOME}}<strong class="outcome">{{OUTCOME}}</strong>{{/HAS_OUTCOME}}</td>
        <td>{{#CAN_REMOVE}}<form method="post" action="/relations/{{RELATION_ID}}/delete" class="inline">
          <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
          <input type="hidden" name="issue_id" value="{{ID}}">
          <button type="submit" class="link">Remove</button></form>{{/CAN_REMOVE}}</td>
      </tr>{{/RELATION}}
    </table>
  </div>{{/RELATIONS}}
  {{#SECRET_LINK}}<form method="post" action="/issues/{{ID}}/secret_link" id="secret-link-form" class="inline">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    Customer's private link to this issue:
    <button type="submit" name="link_action" value="send" id="secret-link-send">Send to {{CUSTOMER_EMAIL}} again</button>
    <button type="submit" name="link_action" value="renew" id="secret-link-renew"
            title="The old link stops working">Send a new link</button>
  </form>{{/SECRET_LINK}}
  {{#RELEASE_NOTE}}<form method="post" action="/issues/{{ID}}" id="release-note-form" class="release-note">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <input type="hidden" name="lock_version" value="{{LOCK_VERSION}}">
    <input type="hidden" name="status_id" value="{{STATUS_ID}}">
    <label for="release_note">Public note to the customer</label>
    <textarea id="release_note" name="notes" rows="3">{{NOTE}}</textarea>
    <button type="submit" id="release-note-submit">Close with release note</button>
  </form>{{/RELEASE_NOTE}}
</article>
{{#WATCHERS}}<aside class="watchers" id="watchers">
  <h3>Watchers ({{WATCHER_COUNT}})</h3>
  <ul>{{#WATCHER}}<li id="watcher-{{USER_ID}}">{{NAME}}{{#CAN_REMOVE_WATCHER}}
    <form method="post" action="/issues/{{ID}}/watchers/{{USER_ID}}/delete" class="inline">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" class="link" title="Remove {{NAME}}">remove</button></form>{{/CAN_REMOVE_WATCHER}}</li>{{/WATCHER}}</ul>
  {{#WATCH}}<form method="post" action="/issues/{{ID}}/watchers" class="inline"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" id="watch">Watch</button></form>{{/WATCH}}
  {{#UNWATCH}}<form method="post" action="/issues/{{ID}}/watchers/{{SELF_ID}}/delete" class="inline"><input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit" id="unwatch">Unwatch</button></form>{{/UNWATCH}}
  {{#ADD_WATCHER}}<form method="post" action="/issues/{{ID}}/watchers" class="inline" id="add-watcher">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <select name="user_id" aria-label="Add a watcher">{{#CANDIDATE}}<option value="{{USER_ID}}">{{NAME}}</option>{{/CANDIDATE}}</select>
    <button type="submit">Add watcher</button></form>{{/ADD_WATCHER}}
</aside>{{/WATCHERS}}
{{#ADD_RELATION}}<details class="add-relation">
  <summary>Add a relation</summary>
  <form method="post" action="/issues/{{ID}}/relations" id="relation-form">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="relation_type">This issue is</label>
    <select id="relation_type" name="relation_type">{{#TYPE_OPTION}}<option value="{{VALUE}}">{{NAME}}</option>{{/TYPE_OPTION}}</select>
    <label for="relation_issue_to_id">issue #</label>
    <input type="text" id="relation_issue_to_id" name="issue_to_id" size="8" inputmode="numeric" required>
    <button type="submit" id="relation-submit">Add</button>
  </form>
</details>{{/ADD_RELATION}}
{{#COPY_FORM}}<details class="copy-to">
  <summary>Copy to</summary>
  <form method="post" action="/issues/{{ID}}/copy" id="copy-form">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="copy_target">Project / tracker</label>
    <select id="copy_target" name="target">{{#TARGET_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{NAME}}</option>{{/TARGET_OPTION}}</select>
    <p class="hint">Subject, description and files are copied; the customer and their wishes are not. You become the author.</p>
    <button type="submit" id="copy-submit">Copy</button>
  </form>
</details>{{/COPY_FORM}}
<section id="history">
  <h2>History</h2>
  {{#NO_HISTORY}}<p class="empty">No changes yet.</p>{{/NO_HISTORY}}
  {{#JOURNAL}}
  <div class="journal{{#PRIVATE}} private-notes{{/PRIVATE}}{{#MEANWHILE}} changed-meanwhile{{/MEANWHILE}}" id="change-{{JOURNAL_ID}}">
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
    <input type="hidden" name="seen_journal_id" value="{{SEEN_JOURNAL_ID}}">
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
    {{#TRIAGE}}<fieldset class="triage-checklist" id="triage-checklist">
      <legend>Triage checklist: the report has</legend>
      <input type="hidden" name="triage_checklist_shown" value="1">
      {{#CHECK_ITEM}}<label class="check"><input type="checkbox" name="triage_checklist[]" value="{{KEY}}" id="triage-{{KEY}}" {{CHECKED}}> {{LABEL}}</label>{{/CHECK_ITEM}}
    </fieldset>{{/TRIAGE}}
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
