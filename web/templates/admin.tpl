{{%AUTOESCAPE context="HTML"}}{{>PAGE_HEADER}}
<h1>Administration</h1>
<ul class="admin-menu" id="admin-menu">
  <li><a href="/admin/projects">Projects</a> ({{PROJECTS}}): trackers, mail addresses, customer-facing or internal</li>
  <li><a href="/users">Users</a>: accounts, customer logins, project memberships and their roles</li>
  <li><a href="/roles">Roles and permissions</a> ({{ROLES}})</li>
  <li><a href="/trackers">Trackers</a> ({{TRACKERS}}): default status, who may be assigned</li>
  <li><a href="/issue_statuses">Issue statuses</a> ({{STATUSES}}): closed, new</li>
  <li><a href="/enumerations">Issue priorities</a> ({{PRIORITIES}})</li>
  <li><a href="/workflows/edit">Workflow</a>: the status changes each role may make, per tracker</li>
  <li><a href="/admin/mail">Inbound mail</a>: what arrived by mail, what became of it and why; release or retry</li>
  <li><a href="/admin/outbox">Outgoing mail</a>: what is sent, waits or failed, with the server's answer; try dead mail again</li>
</ul>
<p class="hint">Changes show at once on this server's pages; other servers sharing the database pick them up within {{CATALOG_SECONDS}} seconds.</p>
{{>PAGE_FOOTER}}
