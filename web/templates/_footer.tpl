{{%AUTOESCAPE context="HTML"}}</main>
<footer class="bottom">ticketflow</footer>
<script src="/static/confirm.js" defer></script>
</body>
</html>
