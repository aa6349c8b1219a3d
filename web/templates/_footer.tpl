{{%AUTOESCAPE context="HTML"}}</main>
<footer class="bottom">ticketflow</footer>
</body>
</html>
