{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<p class="breadcrumb"><a href="/admin">Administration</a></p>
<h1>Inbound mail</h1>
<p class="filters" id="mail-filters"><a href="/admin/mail" {{#ALL_CURRENT}}aria-current="page"{{/ALL_CURRENT}}>all ({{TOTAL}})</a>
{{#FILTER}} · <a href="/admin/mail?state={{STATE}}" {{#CURRENT}}aria-current="page"{{/CURRENT}}>{{STATE}} ({{COUNT}})</a>{{/FILTER}}</p>
<table class="list mail" id="mail-queue">
  <thead><tr><th>#</th><th>Received</th><th>From</th><th>Subject</th><th>State</th><th>Reason</th><th>Issue</th></tr></thead>
  <tbody>
  {{#MAIL}}<tr id="mail-{{ID}}" class="{{STATE}}">
    <td><a href="/admin/mail/{{ID}}">{{ID}}</a></td><td>{{RECEIVED}}</td><td>{{SENDER}}</td><td>{{SUBJECT}}</td>
    <td>{{STATE}}{{#RELEASED}} (released){{/RELEASED}}</td><td>{{REASON}}</td>
    <td>{{#HAS_ISSUE}}<a href="/issues/{{ISSUE_ID}}">#{{ISSUE_ID}}</a>{{/HAS_ISSUE}}</td>
  </tr>{{/MAIL}}
  </tbody>
</table>
{{#EMPTY}}<p class="empty">No messages.</p>{{/EMPTY}}
{{#HAS_MORE}}<p><a href="{{NEXT}}" id="mail-more">Older messages</a></p>{{/HAS_MORE}}
{{>PAGE_FOOTER}}
