{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{TRACKER}} #{{ISSUE_ID}}</title></head>
<body style="font-family: sans-serif; line-height: 1.4">
{{#CREATED}}
<p><a href="{{URL}}">{{TRACKER}} #{{ISSUE_ID}}</a> was reported by {{ACTOR}} ({{STATUS}}): <strong>{{SUBJECT}}</strong></p>
<div style="white-space: pre-wrap">{{DESCRIPTION}}</div>
{{/CREATED}}
{{#CHANGED}}
<p><a href="{{URL}}">{{TRACKER}} #{{ISSUE_ID}}</a> <strong>{{SUBJECT}}</strong> was updated by {{ACTOR}} (now {{STATUS}}).</p>
<ul>{{#DETAIL}}<li>{{TEXT}}</li>{{/DETAIL}}{{#FILE}}<li>File {{NAME}} added</li>{{/FILE}}</ul>
{{#NOTE}}{{#PRIVATE}}<p><em>Private note (never shown to the customer):</em></p>{{/PRIVATE}}
<div style="white-space: pre-wrap; border-left: 3px solid #ccc; padding-left: 1em">{{TEXT}}</div>{{/NOTE}}
{{/CHANGED}}
{{#FIXED}}
<p><a href="{{INTERNAL_URL}}">{{INTERNAL_TRACKER}} #{{INTERNAL_ID}}</a> <strong>{{INTERNAL_SUBJECT}}</strong>, copied from
<a href="{{URL}}">{{TRACKER}} #{{ISSUE_ID}}</a> <strong>{{SUBJECT}}</strong>, is closed{{#HAS_MILESTONE}}: fixed in {{MILESTONE}}{{/HAS_MILESTONE}}.</p>
<p>Tell the customer: open <a href="{{URL}}">#{{ISSUE_ID}}</a> and use “Close with release note”.</p>
{{/FIXED}}
</body></html>
