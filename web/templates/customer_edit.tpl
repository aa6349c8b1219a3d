{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<h1>Edit customer</h1>
<p class="breadcrumb"><a href="/customers">Customers</a> &middot; <a href="/customers/{{ID}}">#{{ID}}</a></p>
{{#ERROR}}<p class="flash error" role="alert">{{MESSAGE}}</p>{{/ERROR}}
<form method="post" action="/customers/{{ID}}" id="customer-form" class="customer">
  <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
  <label for="customer_name">Name</label>
  <input type="text" id="customer_name" name="name" value="{{NAME}}" maxlength="255" required>
  <label for="customer_email">Email</label>
  <input type="email" id="customer_email" name="email" value="{{EMAIL}}" maxlength="254">
  <label for="customer_organisation">Organisation</label>
  <input type="text" id="customer_organisation" name="organisation" value="{{ORGANISATION}}" maxlength="255">
  <label for="customer_phone">Phone</label>
  <input type="text" id="customer_phone" name="phone" value="{{PHONE}}" maxlength="64">
  <label for="customer_notes">Notes</label>
  <textarea id="customer_notes" name="notes" rows="6">{{NOTES}}</textarea>
  <button type="submit" id="customer-save">Save</button>
  <a href="/customers/{{ID}}">Cancel</a>
</form>
{{>PAGE_FOOTER}}
