{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<div class="title-bar">
  <h1>{{LIST_TITLE}}</h1>
  {{#IN_PROJECT}}<a href="/projects/{{PROJECT_IDENTIFIER}}/roadmap" id="roadmap-link">Roadmap</a>{{/IN_PROJECT}}
  {{#CAN_ADD}}<a class="button" href="/projects/{{PROJECT_IDENTIFIER}}/issues/new">New issue</a>{{/CAN_ADD}}
</div>
{{#QUERY_ERROR}}<p class="flash warning" role="alert">{{MESSAGE}}</p>{{/QUERY_ERROR}}
<form method="get" action="/search" class="search" id="search-form" role="search">
  {{#IN_PROJECT}}<input type="hidden" name="project_id" value="{{PROJECT_IDENTIFIER}}">{{/IN_PROJECT}}
  <label for="search-q">Search</label>
  <input type="search" name="q" id="search-q" maxlength="255" placeholder="Words in subject, description or notes">
  <button type="submit">Search</button>
</form>
{{#HAS_SAVED_QUERIES}}<nav class="saved-queries" id="saved-queries" aria-label="Saved queries">
  <h2>Saved queries</h2>
  <ul>
  {{#SAVED_QUERY}}<li id="query-{{QUERY_ID}}"{{#QUERY_CURRENT}} class="current"{{/QUERY_CURRENT}}>
    <a href="{{QUERY_URL}}">{{QUERY_NAME}}</a>{{#QUERY_PUBLIC}} <span class="badge">public</span>{{/QUERY_PUBLIC}}
    {{#QUERY_CAN_DELETE}}<form method="post" action="/queries/{{QUERY_ID}}/delete" class="inline delete-query">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <button type="submit" class="small" aria-label="Delete query {{QUERY_NAME}}">Delete</button>
    </form>{{/QUERY_CAN_DELETE}}
  </li>{{/SAVED_QUERY}}
  </ul>
</nav>{{/HAS_SAVED_QUERIES}}
<form method="get" action="{{BASE}}" class="filters" id="query_form">
  <fieldset>
    <legend>Filters</legend>
    <label>Status
      <select name="status_id">
        {{#STATUS_SCOPE}}<option value="{{VALUE}}" {{SELECTED}}>{{NAME}}</option>{{/STATUS_SCOPE}}
        {{#STATUS_OPTION}}<option value="{{ID}}" {{SELECTED}}>{{NAME}}</option>{{/STATUS_OPTION}}
      </select>
    </label>
    <label>Tracker
      <select name="tracker_id"><option value="">any</option>
        {{#TRACKER_OPTION}}<option value="{{ID}}" {{SELECTED}}>{{NAME}}</option>{{/TRACKER_OPTION}}
      </select>
    </label>
    <label>Assignee
      <select name="assigned_to_id"><option value="">anyone</option>
        <option value="me" {{ASSIGNEE_ME_SELECTED}}>me</option>
        <option value="!*" {{ASSIGNEE_NONE_SELECTED}}>nobody</option>
        {{#ASSIGNEE_OPTION}}<option value="{{ID}}" {{SELECTED}}>{{NAME}}</option>{{/ASSIGNEE_OPTION}}
      </select>
    </label>
    <label>Priority
      <select name="priority_id"><option value="">any</option>
        {{#PRIORITY_OPTION}}<option value="{{ID}}" {{SELECTED}}>{{NAME}}</option>{{/PRIORITY_OPTION}}
      </select>
    </label>
    <label>Milestone
      <select name="fixed_version_id"><option value="">any</option>
        {{#MILESTONE_OPTION}}<option value="{{ID}}" {{SELECTED}}>{{NAME}}</option>{{/MILESTONE_OPTION}}
      </select>
    </label>
    <input type="hidden" name="limit" value="{{LIMIT}}">
    <button type="submit">Apply</button>
    {{#CAN_SAVE_QUERY}}<a class="button" id="save-query" href="{{NEW_QUERY_URL}}">Save query</a>{{/CAN_SAVE_QUERY}}
  </fieldset>
</form>
{{#HAS_TOTAL}}<p class="total">{{TOTAL}} issues</p>{{/HAS_TOTAL}}
<table class="list issues" id="issue-list">
  <thead>
    <tr>
      <th><a href="{{SORT_ID}}">#</a> {{SORT_ID_MARK}}</th>
      {{#PROJECT_COLUMN}}<th>Project</th>{{/PROJECT_COLUMN}}
      <th><a href="{{SORT_TRACKER}}">Tracker</a> {{SORT_TRACKER_MARK}}</th>
      <th><a href="{{SORT_STATUS}}">Status</a> {{SORT_STATUS_MARK}}</th>
      <th><a href="{{SORT_PRIORITY}}">Priority</a> {{SORT_PRIORITY_MARK}}</th>
      <th><a href="{{SORT_SUBJECT}}">Subject</a> {{SORT_SUBJECT_MARK}}</th>
      <th><a href="{{SORT_ASSIGNEE}}">Assignee</a> {{SORT_ASSIGNEE_MARK}}</th>
      <th><a href="{{SORT_UPDATED}}">Updated</a> {{SORT_UPDATED_MARK}}</th>
    </tr>
  </thead>
  <tbody>
  {{#ISSUE}}
    <tr id="issue-{{ID}}" class="issue">
      <td class="id"><a href="/issues/{{ID}}">{{ID}}</a></td>
      {{#SHOW_PROJECT}}<td class="project">{{PROJECT}}</td>{{/SHOW_PROJECT}}
      <td class="tracker">{{TRACKER}}</td>
      <td class="status">{{STATUS}}</td>
      <td class="priority">{{PRIORITY}}</td>
      <td class="subject"><a href="/issues/{{ID}}">{{SUBJECT}}</a></td>
      <td class="assigned_to">{{ASSIGNEE}}</td>
      <td class="updated_on">{{UPDATED}}</td>
    </tr>
  {{/ISSUE}}
  </tbody>
</table>
{{#NO_ISSUES}}<p class="empty" id="no-issues">No issues match these filters.</p>{{/NO_ISSUES}}
<nav class="pagination" aria-label="Pages">
  {{#HAS_PREV}}<a rel="prev" class="prev" href="{{PREV_URL}}">&laquo; Previous</a>{{/HAS_PREV}}
  {{#HAS_NEXT}}<a rel="next" class="next" href="{{NEXT_URL}}">Next &raquo;</a>{{/HAS_NEXT}}
</nav>
<p class="other-formats">Also available in: <a href="{{CSV_URL}}" id="csv-export" download>CSV</a></p>
{{>PAGE_FOOTER}}
