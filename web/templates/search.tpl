{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<div class="title-bar">
  <h1>{{LIST_TITLE}}</h1>
</div>
{{#IN_PROJECT}}<p class="breadcrumb"><a href="/projects/{{PROJECT_IDENTIFIER}}/issues">{{PROJECT_NAME}}</a> &middot; <a href="{{ALL_PROJECTS_URL}}" id="search-all-projects">search all projects</a></p>{{/IN_PROJECT}}
<form method="get" action="/search" class="search" id="search-form" role="search">
  {{#IN_PROJECT}}<input type="hidden" name="project_id" value="{{PROJECT_IDENTIFIER}}">{{/IN_PROJECT}}
  <label for="search-q">Search</label>
  <input type="search" name="q" id="search-q" value="{{Q}}" maxlength="255" placeholder="Words in subject, description or notes" autofocus>
  <button type="submit">Search</button>
  <p class="hint">Finds issues whose subject, description or notes contain every word (of 3 or more letters or digits).</p>
</form>
{{#SEARCH_ERROR}}<p class="flash warning" role="alert" id="search-error">{{MESSAGE}}</p>{{/SEARCH_ERROR}}
{{#PARTIAL}}<p class="flash warning" role="alert" id="search-partial">{{NOTICE}}</p>{{/PARTIAL}}
{{#HAS_IGNORED}}<p class="hint" id="search-ignored">Ignored (too short or too common): {{IGNORED}}</p>{{/HAS_IGNORED}}
{{#HAS_RESULTS}}<p class="total" id="search-count">{{COUNT}} issues found for {{WORDS}}, newest first.</p>
<table class="list issues" id="search-results">
  <thead>
    <tr><th>#</th>{{#PROJECT_COLUMN}}<th>Project</th>{{/PROJECT_COLUMN}}<th>Tracker</th><th>Status</th><th>Subject</th><th>Updated</th></tr>
  </thead>
  <tbody>
  {{#RESULT}}
    <tr id="issue-{{ID}}" class="issue">
      <td class="id"><a href="/issues/{{ID}}">{{ID}}</a></td>
      {{#SHOW_PROJECT}}<td class="project">{{PROJECT}}</td>{{/SHOW_PROJECT}}
      <td class="tracker">{{TRACKER}}</td>
      <td class="status">{{STATUS}}</td>
      <td class="subject"><a href="/issues/{{ID}}">{{SUBJECT}}</a></td>
      <td class="updated_on">{{UPDATED}}</td>
    </tr>
  {{/RESULT}}
  </tbody>
</table>{{/HAS_RESULTS}}
{{#MORE_RESULTS}}<p class="flash warning" id="search-more">More issues match: only the {{LIMIT}} newest are shown. Add a word to narrow the search.</p>{{/MORE_RESULTS}}
{{#NO_RESULTS}}<p class="empty" id="no-results">No issues found for {{WORDS}}.</p>{{/NO_RESULTS}}
{{#HAS_RESULTS}}<p class="other-formats">Also available in: <a href="{{CSV_URL}}" id="csv-export" download>CSV</a></p>{{/HAS_RESULTS}}
{{>PAGE_FOOTER}}
