{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<p class="breadcrumb"><a href="/admin">Administration</a> » <a href="{{BACK_HREF}}">{{BACK_TEXT}}</a></p>
<h1>{{HEADING}}</h1>
{{#ERROR}}<p class="flash error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<form method="post" action="{{ACTION}}" id="admin-form" class="admin-form">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  {{#FIELD}}
  {{#INPUT}}<label for="f_{{NAME}}">{{LABEL}}</label>
  <input type="{{TYPE}}" id="f_{{NAME}}" name="{{NAME}}" value="{{VALUE}}" {{READONLY}} {{REQUIRED}}>
  {{#HINT}}<small class="hint">{{HINT_TEXT}}</small>{{/HINT}}{{/INPUT}}
  {{#TEXTAREA}}<label for="f_{{NAME}}">{{LABEL}}</label>
  <textarea id="f_{{NAME}}" name="{{NAME}}" rows="4">{{VALUE}}</textarea>{{/TEXTAREA}}
  {{#CHECK}}<label class="check"><input type="checkbox" id="f_{{NAME}}" name="{{NAME}}" value="1" {{CHECKED}}> {{LABEL}}</label>
  {{#HINT}}<small class="hint">{{HINT_TEXT}}</small>{{/HINT}}{{/CHECK}}
  {{#SELECT}}<label for="f_{{NAME}}">{{LABEL}}</label>
  <select id="f_{{NAME}}" name="{{NAME}}">{{#CHOICE}}<option value="{{VALUE}}" {{SELECTED}}>{{TEXT}}</option>{{/CHOICE}}</select>
  {{#HINT}}<small class="hint">{{HINT_TEXT}}</small>{{/HINT}}{{/SELECT}}
  {{#CHECKS}}<fieldset id="f_{{NAME}}"><legend>{{LABEL}}</legend>
  {{#CHOICE}}<label class="check"><input type="checkbox" name="{{NAME}}" value="{{VALUE}}" {{CHECKED}}> {{TEXT}}</label>
  {{/CHOICE}}</fieldset>{{/CHECKS}}
  {{/FIELD}}
  <button type="submit" id="admin-submit">Save</button>
</form>
{{#CAN_DELETE}}<form method="post" action="{{DELETE_ACTION}}" id="admin-delete" class="inline"
  data-confirm="Delete it? This cannot be undone.">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <button type="submit" class="danger">Delete</button>
</form>{{/CAN_DELETE}}
{{>PAGE_FOOTER}}
