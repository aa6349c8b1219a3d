{{%AUTOESCAPE context="HTML"}}
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{{TRACKER}} #{{ISSUE_ID}}</title></head>
<body style="font-family: sans-serif; line-height: 1.4">
<p>Hello {{CUSTOMER_NAME}},</p>
{{#CREATED}}
<p>thank you for your message. We have filed it as {{TRACKER}} #{{ISSUE_ID}}: <strong>{{SUBJECT}}</strong></p>
<p><a href="{{URL}}">Follow it, add a comment or send files</a> (keep the link to yourself: it opens the issue
without a password). You can also simply reply to this mail.</p>
{{/CREATED}}
{{#LINK_AGAIN}}
<p>here is the private link to your {{TRACKER}} #{{ISSUE_ID}} <strong>{{SUBJECT}}</strong> (now {{STATUS}}), as our
support team sends it to you again. An older link may no longer work; keep this one to yourself: it opens the issue
without a password.</p>
<p><a href="{{URL}}">Open your issue</a>. You can also simply reply to this mail.</p>
{{/LINK_AGAIN}}
{{#CHANGED}}
<p>there is news about your {{TRACKER}} #{{ISSUE_ID}} <strong>{{SUBJECT}}</strong> (now {{STATUS}}).</p>
<ul>{{#DETAIL}}<li>{{TEXT}}</li>{{/DETAIL}}{{#FILE}}<li>File {{NAME}} added</li>{{/FILE}}</ul>
{{#NOTE}}<p>{{ACTOR}} wrote:</p>
<div style="white-space: pre-wrap; border-left: 3px solid #ccc; padding-left: 1em">{{TEXT}}</div>{{/NOTE}}
<p><a href="{{URL}}">See the whole issue, reply or send files</a>, or simply reply to this mail.</p>
{{/CHANGED}}
<p style="color: #666">{{PROJECT}}</p>
</body></html>
