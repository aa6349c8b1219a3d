{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<p class="breadcrumb"><a href="/admin">Administration</a> » <a href="/admin/mail">Inbound mail</a></p>
<h1>Message {{ID}}</h1>
<table class="attributes" id="mail-message">
  <tr><th>Mailbox</th><td>{{MAILBOX}}</td></tr>
  <tr><th>Received</th><td>{{RECEIVED}}</td></tr>
  <tr><th>From</th><td>{{SENDER}}</td></tr>
  <tr><th>Subject</th><td>{{SUBJECT}}</td></tr>
  <tr><th>Message-ID</th><td>{{MESSAGE_ID}}</td></tr>
  <tr><th>Size</th><td>{{SIZE}} bytes{{#TRUNCATED}} (over the size limit: only the beginning was kept){{/TRUNCATED}}</td></tr>
  <tr><th>State</th><td id="mail-state">{{STATE}}{{#RELEASED}} (released by an administrator){{/RELEASED}}</td></tr>
  <tr><th>Reason</th><td id="mail-reason">{{REASON}}</td></tr>
  <tr><th>Processed</th><td>{{PROCESSED}}</td></tr>
  <tr><th>Issue</th><td>{{#HAS_ISSUE}}<a href="/issues/{{ISSUE_ID}}" id="mail-issue">#{{ISSUE_ID}}</a>{{/HAS_ISSUE}}</td></tr>
</table>
<p><a href="/admin/mail/{{ID}}/raw" id="mail-raw">Download the message as received (.eml)</a></p>
{{#CAN_RELEASE}}<form method="post" action="/admin/mail/{{ID}}/release" class="inline" id="mail-release">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <button type="submit">Release: process it anyway</button>
  <span class="hint">The next round of the mail poller turns it into an issue or a note, past the spam and automatic-mail checks.</span>
</form>{{/CAN_RELEASE}}
{{#CAN_RETRY}}<form method="post" action="/admin/mail/{{ID}}/retry" class="inline" id="mail-retry">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <button type="submit">Try again</button>
  <span class="hint">After fixing what the reason names (the mailbox's project, a limit), the next round processes it again.</span>
</form>{{/CAN_RETRY}}
{{>PAGE_FOOTER}}
