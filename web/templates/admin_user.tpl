{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<p class="breadcrumb"><a href="/users">Users</a></p>
<h1>{{HEADING}}</h1>
{{#ERROR}}<p class="flash error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<form method="post" action="{{ACTION}}" id="user-form">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <label for="user_login">Login</label>
  <input type="text" id="user_login" name="login" value="{{LOGIN}}" maxlength="64" {{LOGIN_READONLY}} required>
  <label for="user_firstname">First name</label>
  <input type="text" id="user_firstname" name="firstname" value="{{FIRSTNAME}}" maxlength="64">
  <label for="user_lastname">Last name</label>
  <input type="text" id="user_lastname" name="lastname" value="{{LASTNAME}}" maxlength="64">
  <label for="user_mail">Email</label>
  <input type="text" id="user_mail" name="mail" value="{{MAIL}}" maxlength="254" inputmode="email">
  <label for="user_password">{{PASSWORD_LABEL}}</label>
  <input type="password" id="user_password" name="password" autocomplete="new-password">
  <label class="check"><input type="checkbox" id="user_admin" name="admin" value="1" {{ADMIN_CHECKED}}> Administrator</label>
  {{#NEW}}<label class="check"><input type="checkbox" id="user_customer" name="customer" value="1" {{CUSTOMER_CHECKED}}> Customer login (sees only own issues)</label>{{/NEW}}
  {{#EDIT}}<label class="check"><input type="checkbox" id="user_locked" name="locked" value="1" {{LOCKED_CHECKED}}> Locked (cannot sign in or use the API)</label>{{/EDIT}}
  <button type="submit" id="user-submit">Save</button>
</form>
{{#EDIT}}<section id="memberships">
  <h2>Projects</h2>
  <table class="list memberships">
    {{#MEMBERSHIP}}<tr><td>{{PROJECT}}</td><td>{{ROLE}}</td><td>
      <form method="post" action="/users/{{USER_ID}}/memberships/delete" class="inline">
        <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
        <input type="hidden" name="project_id" value="{{PROJECT_ID}}"><input type="hidden" name="role_id" value="{{ROLE_ID}}">
        <button type="submit" class="link">Remove</button></form></td></tr>{{/MEMBERSHIP}}
  </table>
  {{#NO_MEMBERSHIPS}}<p class="empty">Not a member of any project.</p>{{/NO_MEMBERSHIPS}}
  <form method="post" action="/users/{{USER_ID}}/memberships" id="membership-form" class="inline-fields">
    <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
    <label for="membership_project">Project</label>
    <select id="membership_project" name="project_id">{{#PROJECT_OPTION}}<option value="{{ID}}">{{NAME}}</option>{{/PROJECT_OPTION}}</select>
    <label for="membership_role">Role</label>
    <select id="membership_role" name="role_id">{{#ROLE_OPTION}}<option value="{{ID}}">{{NAME}}</option>{{/ROLE_OPTION}}</select>
    <button type="submit" id="membership-submit">Add</button>
  </form>
</section>{{/EDIT}}
{{>PAGE_FOOTER}}
