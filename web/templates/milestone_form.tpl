{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<p class="breadcrumb"><a href="/projects/{{PROJECT_IDENTIFIER}}/issues">{{PROJECT_NAME}}</a> › <a href="/projects/{{PROJECT_IDENTIFIER}}/roadmap">Roadmap</a></p>
<h1>{{HEADING}}</h1>
{{#ERROR}}<p class="flash error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<form method="post" action="{{ACTION}}" id="milestone-form">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <label for="version_name">Name</label>
  <input type="text" id="version_name" name="version[name]" value="{{NAME}}" maxlength="60" required>
  <label for="version_description">Description</label>
  <input type="text" id="version_description" name="version[description]" value="{{DESCRIPTION}}" maxlength="255">
  <label for="version_effective_date">Due date</label>
  <input type="text" id="version_effective_date" name="version[effective_date]" value="{{DUE_DATE}}" placeholder="YYYY-MM-DD" maxlength="10">
  <label for="version_status">Status</label>
  <select id="version_status" name="version[status]">
    {{#STATUS_OPTION}}<option value="{{VALUE}}" {{SELECTED}}>{{VALUE}}</option>{{/STATUS_OPTION}}
  </select>
  <p><button type="submit" id="milestone-save">Save</button> <a href="{{BACK_URL}}">Cancel</a></p>
</form>
{{#CAN_DELETE}}<form method="post" action="/versions/{{MILESTONE_ID}}/delete" id="milestone-delete-form">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <p class="hint">A milestone can be deleted only while no issue uses it.</p>
  <button type="submit" id="milestone-delete" class="danger">Delete milestone</button>
</form>{{/CAN_DELETE}}
{{>PAGE_FOOTER}}
