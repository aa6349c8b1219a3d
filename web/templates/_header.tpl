{{%AUTOESCAPE context="HTML"}}<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{TITLE}} - ticketflow</title>
<link rel="stylesheet" href="/static/style.css">
</head>
<body>
<header class="top">
  <a class="brand" href="/">ticketflow</a>
  {{#SIGNED_IN}}
  <nav class="main-nav" aria-label="Main">
    <a href="/">My page</a>
    {{#STAFF}}<a href="/issues">Issues</a>
    <a href="/issues/new">New issue</a>{{/STAFF}}
    {{#CUSTOMERS_NAV}}<a href="/customers" id="nav-customers">Customers</a>{{/CUSTOMERS_NAV}}
    {{#ADMIN}}<a href="/users" id="nav-users">Users</a>
    <a href="/admin" id="nav-admin">Administration</a>{{/ADMIN}}
    {{#CUSTOMER_NAV}}<a href="/issues">My issues</a>
    <a href="/issues/new" id="report-issue">Report an issue</a>{{/CUSTOMER_NAV}}
  </nav>
  <div class="account">
    <span class="user" id="loggedas">Signed in as <a href="/my/account"><strong>{{USER_NAME}}</strong></a></span>
    <form method="post" action="/logout" class="inline">
      <input type="hidden" name="csrf_token" value="{{CSRF_TOKEN}}">
      <button type="submit" class="link">Sign out</button>
    </form>
  </div>
  {{/SIGNED_IN}}
  {{#SIGNED_OUT}}<div class="account"><a href="/login">Sign in</a></div>{{/SIGNED_OUT}}
</header>
<main id="content">
{{#HAS_FLASH}}<p class="flash notice" role="status">{{FLASH}}</p>{{/HAS_FLASH}}
