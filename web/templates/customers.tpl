{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<div class="title-bar">
  <h1>Customers</h1>
</div>
<form method="get" action="/customers" class="search" id="customer-search" role="search">
  <label for="customer-q">Find customers</label>
  <input type="search" name="q" id="customer-q" value="{{Q}}" maxlength="100" placeholder="Part of a name, email address or organisation">
  <button type="submit">Search</button>
</form>
{{#SEARCH_ERROR}}<p class="flash error" role="alert" id="search-error">{{MESSAGE}}</p>{{/SEARCH_ERROR}}
{{#HAS_CUSTOMERS}}<table class="list customers" id="customers">
  <thead>
    <tr><th>Name</th><th>Email</th><th>Organisation</th><th>Phone</th></tr>
  </thead>
  <tbody>
  {{#CUSTOMER}}
    <tr id="customer-{{ID}}" class="customer">
      <td class="name"><a href="/customers/{{ID}}">{{NAME}}</a></td>
      <td class="email">{{EMAIL}}</td>
      <td class="organisation">{{ORGANISATION}}</td>
      <td class="phone">{{PHONE}}</td>
    </tr>
  {{/CUSTOMER}}
  </tbody>
</table>
<nav class="pagination" aria-label="Pages">
  {{#PREVIOUS_PAGE}}<a href="{{URL}}" rel="prev" id="previous-page">&laquo; Previous</a>{{/PREVIOUS_PAGE}}
  <span class="current">Page {{PAGE}}</span>
  {{#NEXT_PAGE}}<a href="{{URL}}" rel="next" id="next-page">Next &raquo;</a>{{/NEXT_PAGE}}
</nav>{{/HAS_CUSTOMERS}}
{{#NO_CUSTOMERS}}<p class="empty" id="no-customers">No customers found.</p>{{/NO_CUSTOMERS}}
{{>PAGE_FOOTER}}
