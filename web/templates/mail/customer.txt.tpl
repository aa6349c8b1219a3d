{{%AUTOESCAPE context="HTML"}}{{! Plain text for a text/plain part: escaping would garble it, so every value is :none (only mail/*.txt.tpl may do that; tests/unit/test_templates.cpp checks). }}
Hello {{CUSTOMER_NAME:none}},

{{#CREATED}}
thank you for your message. We have filed it as {{TRACKER:none}} #{{ISSUE_ID}}:

    {{SUBJECT:none}}

Follow it, add a comment or send files on its page (keep the link to yourself: it opens
the issue without a password):

{{URL:none}}

You can also simply reply to this mail.
{{/CREATED}}
{{#LINK_AGAIN}}
here is the private link to your {{TRACKER:none}} #{{ISSUE_ID}} "{{SUBJECT:none}}" (now {{STATUS:none}}),
as our support team sends it to you again. An older link may no longer work; keep this one to
yourself: it opens the issue without a password.

{{URL:none}}

You can also simply reply to this mail.
{{/LINK_AGAIN}}
{{#CHANGED}}
there is news about your {{TRACKER:none}} #{{ISSUE_ID}} "{{SUBJECT:none}}" (now {{STATUS:none}}).

{{#DETAIL}}
* {{TEXT:none}}
{{/DETAIL}}

{{#NOTE}}
{{ACTOR:none}} wrote:

{{TEXT:none}}
{{/NOTE}}

{{#FILE}}
* File {{NAME:none}} added
{{/FILE}}

See the whole issue, reply or send files: {{URL:none}}
Or simply reply to this mail.
{{/CHANGED}}

-- 
{{PROJECT:none}}
