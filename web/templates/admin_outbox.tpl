{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<p class="breadcrumb"><a href="/admin">Administration</a></p>
<h1>Outgoing mail</h1>
<p class="filters" id="outbox-filters"><a href="/admin/outbox" {{#ALL_CURRENT}}aria-current="page"{{/ALL_CURRENT}}>all</a>
{{#FILTER}} · <a href="/admin/outbox?state={{STATE}}" {{#CURRENT}}aria-current="page"{{/CURRENT}}>{{STATE}}</a>{{/FILTER}}</p>
<table class="list mail" id="outbox">
  <thead><tr><th>#</th><th>Written</th><th>To</th><th>Subject</th><th>State</th><th>Tries</th><th>Sent / next</th><th>Last error</th><th>Issue</th><th></th></tr></thead>
  <tbody>
  {{#MAIL}}<tr id="outbox-{{ID}}" class="{{STATE}}">
    <td><a href="/admin/outbox/{{ID}}/raw">{{ID}}</a></td><td>{{CREATED}}</td><td>{{TO}}</td><td>{{SUBJECT}}</td>
    <td class="state">{{STATE}}</td><td>{{TRIES}}</td><td>{{WHEN}}</td><td>{{ERROR}}</td>
    <td>{{#HAS_ISSUE}}<a href="/issues/{{ISSUE_ID}}">#{{ISSUE_ID}}</a>{{/HAS_ISSUE}}</td>
    <td>{{#CAN_RETRY}}<form method="post" action="/admin/outbox/{{ID}}/retry" class="inline">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}"><button type="submit">Try again</button>
    </form>{{/CAN_RETRY}}</td>
  </tr>{{/MAIL}}
  </tbody>
</table>
{{#EMPTY}}<p class="empty">No mails.</p>{{/EMPTY}}
{{#HAS_MORE}}<p><a href="{{NEXT}}" id="outbox-more">Older mails</a></p>{{/HAS_MORE}}
<p class="hint">The mail poller sends what is due every second. A mail is dead when the server refused it for good or it failed too often ([smtp] max_tries); "Try again" sends it with the next round.</p>
{{>PAGE_FOOTER}}
