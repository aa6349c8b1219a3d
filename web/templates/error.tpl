{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<section class="error-page">
  <h1>{{STATUS}} {{REASON}}</h1>
  <p id="error-message" class="flash error">{{MESSAGE}}</p>
  {{#SIGN_IN_HINT}}<p><a href="/login">Sign in</a> to continue.</p>{{/SIGN_IN_HINT}}
  <p><a href="/">Back to my page</a></p>
</section>
{{>PAGE_FOOTER}}
