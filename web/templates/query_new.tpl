{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
{{#IN_PROJECT}}<p class="breadcrumb"><a href="/projects/{{PROJECT_IDENTIFIER}}/issues">{{PROJECT_NAME}}</a></p>{{/IN_PROJECT}}
<h1>New query</h1>
{{#ERROR}}<p class="flash error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<form method="post" action="/queries" id="query-form">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  {{#IN_PROJECT}}<input type="hidden" name="project_id" value="{{PROJECT_IDENTIFIER}}">{{/IN_PROJECT}}
  {{#HIDDEN}}<input type="hidden" name="{{KEY}}" value="{{VALUE}}">
  {{/HIDDEN}}
  <label for="query_name">Name</label>
  <input type="text" id="query_name" name="query[name]" value="{{NAME}}" maxlength="255" required>
  {{#CAN_PUBLISH}}<fieldset class="visibility">
    <legend>Visible to</legend>
    <label class="check"><input type="radio" name="query[visibility]" value="0" id="query_visibility_0" {{PRIVATE_CHECKED}}> me only</label>
    <label class="check"><input type="radio" name="query[visibility]" value="2" id="query_visibility_2" {{PUBLIC_CHECKED}}> everyone who can see the project</label>
  </fieldset>{{/CAN_PUBLISH}}
  {{#IN_PROJECT}}<label class="check"><input type="checkbox" name="query_is_for_all" value="1" id="query_is_for_all" {{FOR_ALL_CHECKED}}> For all projects</label>{{/IN_PROJECT}}
  <h2>Filters</h2>
  <table class="attributes" id="query-filters">
    {{#FILTER}}<tr><th>{{LABEL}}</th><td>{{VALUE}}</td></tr>{{/FILTER}}
  </table>
  <p><button type="submit" id="query-save">Save</button> <a href="{{BACK_URL}}">Cancel</a></p>
</form>
{{>PAGE_FOOTER}}
