{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<h1>My account</h1>
<table class="attributes account-details">
  <tr><th>Login</th><td id="account-login">{{LOGIN}}</td></tr>
  <tr><th>Name</th><td>{{NAME}}</td></tr>
  <tr><th>Email</th><td>{{MAIL}}</td></tr>
</table>
<section class="api-key" aria-labelledby="api-key-title">
  <h2 id="api-key-title">API access key</h2>
  <p>Scripts and Redmine clients use this key in the <code>X-Redmine-API-Key</code> header
  (or HTTP Basic with the key as user name). Keep it secret: it acts as you.</p>
  {{#SHOW_KEY}}<pre id="api-key">{{API_KEY}}</pre>{{/SHOW_KEY}}
  {{#HIDE_KEY}}<p><a href="/my/api_key" id="show-api-key">Show the key</a></p>{{/HIDE_KEY}}
  <form method="post" action="/my/api_key">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <button type="submit" id="reset-api-key">Reset the key</button>
    <span class="hint">The old key stops working at once.</span>
  </form>
</section>
{{>PAGE_FOOTER}}
