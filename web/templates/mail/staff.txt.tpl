{{%AUTOESCAPE context="HTML"}}{{! Plain text for a text/plain part: escaping would garble it, so every value is :none (only mail/*.txt.tpl may do that; tests/unit/test_templates.cpp checks). }}
{{#CREATED}}
{{TRACKER:none}} #{{ISSUE_ID}} was reported by {{ACTOR:none}} ({{STATUS:none}}):

    {{SUBJECT:none}}

{{DESCRIPTION:none}}
{{/CREATED}}
{{#CHANGED}}
{{TRACKER:none}} #{{ISSUE_ID}} "{{SUBJECT:none}}" was updated by {{ACTOR:none}} (now {{STATUS:none}}).

{{#DETAIL}}
* {{TEXT:none}}
{{/DETAIL}}
{{#FILE}}
* File {{NAME:none}} added
{{/FILE}}

{{#NOTE}}
{{#PRIVATE}}
Private note (never shown to the customer):
{{/PRIVATE}}
{{TEXT:none}}
{{/NOTE}}
{{/CHANGED}}
{{#FIXED}}
{{INTERNAL_TRACKER:none}} #{{INTERNAL_ID}} "{{INTERNAL_SUBJECT:none}}", copied from {{TRACKER:none}} #{{ISSUE_ID}} "{{SUBJECT:none}}", is closed{{#HAS_MILESTONE}}: fixed in {{MILESTONE:none}}{{/HAS_MILESTONE}}.

Tell the customer: open #{{ISSUE_ID}} and use "Close with release note".
Internal issue: {{INTERNAL_URL:none}}
{{/FIXED}}

{{URL:none}}
