{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<h1 class="issue-title">{{TRACKER}} #{{ID}}</h1>
{{#ERROR}}<p class="flash error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<article class="issue{{#IS_CLOSED}} closed{{/IS_CLOSED}}" id="issue-{{ID}}">
  <h2 class="subject" id="issue-subject">{{SUBJECT}}</h2>
  <p class="author">Reported on {{CREATED}}, updated {{UPDATED}}.</p>
  <table class="attributes">
    <tr><th>Status</th><td class="status" id="issue-status">{{STATUS}}</td></tr>
  </table>
  {{#HAS_DESCRIPTION}}<h3>Description</h3>
  <div class="description wiki">{{DESCRIPTION}}</div>{{/HAS_DESCRIPTION}}
  {{#ATTACHMENTS}}<div class="attachments" id="attachments">
    <h3>Files</h3>
    <table class="list attachments">
      {{#ATTACHMENT}}<tr id="attachment-{{ATTACHMENT_ID}}">
        <td class="filename"><a href="{{DOWNLOAD_URL}}">{{FILENAME}}</a></td>
        <td class="size">{{SIZE}}</td>
        <td class="created">{{CREATED}}</td>
      </tr>{{/ATTACHMENT}}
    </table>
  </div>{{/ATTACHMENTS}}
</article>
<section id="history">
  <h2>History</h2>
  {{#NO_HISTORY}}<p class="nodata">No replies yet.</p>{{/NO_HISTORY}}
  {{#JOURNAL}}
  <div class="journal" id="change-{{JOURNAL_ID}}">
    <h4>{{AUTHOR}} on {{CREATED}}</h4>
    <ul class="details">{{#DETAIL}}<li>{{TEXT}}</li>{{/DETAIL}}</ul>
    {{#HAS_NOTES}}<div class="notes wiki">{{NOTES}}</div>{{/HAS_NOTES}}
  </div>
  {{/JOURNAL}}
</section>
<section id="reply">
  <h2>Reply</h2>
  {{#REOPENS}}<p class="hint">This issue is closed; your reply opens it again.</p>{{/REOPENS}}
  <form method="post" action="/t/issues/{{ID}}" id="reply-form" enctype="multipart/form-data">
    <input type="hidden" name="form_token" value="{{FORM_TOKEN}}">
    <label for="reply_notes">Your message</label>
    <textarea id="reply_notes" name="notes" rows="8" cols="80">{{NOTES}}</textarea>
    <label for="reply_attachments">Files</label>
    <input type="file" id="reply_attachments" name="attachments" multiple>
    <p class="hint">{{ATTACHMENT_LIMITS}}</p>
    <p><button type="submit" id="reply-submit">Send</button></p>
  </form>
  <p class="hint">This page opened through your private link. Anyone with the link can read it: do not forward it.</p>
</section>
{{>PAGE_FOOTER}}
