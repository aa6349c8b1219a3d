{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<section class="login">
  <h1>Sign in</h1>
  {{#HAS_ERROR}}<p class="flash error" id="flash_error" role="alert">{{ERROR}}</p>{{/HAS_ERROR}}
  <form method="post" action="/login" id="login-form">
    <input type="hidden" name="csrf_token" value="{{LOGIN_CSRF}}">
    <input type="hidden" name="back_url" value="{{BACK_URL}}">
    <label for="username">Login</label>
    <input type="text" id="username" name="username" value="{{USERNAME}}" autocomplete="username" autofocus required>
    <label for="password">Password</label>
    <input type="password" id="password" name="password" autocomplete="current-password" required>
    <button type="submit" id="login-submit">Sign in</button>
  </form>
</section>
{{>PAGE_FOOTER}}
