#!/bin/bash
# A stand-in for ticketflow behind nginx, to test bench/web.sh's mechanics without the app:
# plain nginx serving static pages, a login form with a csrf_token, POST /login -> 303 with
# Set-Cookie tf_session=stubsession, app pages only with that cookie (302 to /login without).
# /issues/900000 .. /issues/999999 answer 404 and /bad/login never sets the cookie, to see
# failures (MAXID=1000000 makes ~10 % of the issue requests fail).
#
#   bench/stub-nginx.sh start DIR PORT     # then: BASE_URL=http://127.0.0.1:PORT BENCH_PASSWORD=x
#                                          #       STATIC_DIR=DIR/static MAXID=1000 bench/web.sh
#   bench/stub-nginx.sh stop DIR
set -euo pipefail
cmd=${1:?usage: stub-nginx.sh start DIR PORT | stop DIR}
dir=${2:?DIR missing}
case "$cmd" in
start)
    port=${3:?PORT missing}
    mkdir -p "$dir"/{conf,logs,tmp,html,static}
    dir=$(cd "$dir" && pwd)
    chmod 0755 "$dir" "$dir/html" "$dir/static"
    filler() { awk -v n="$1" -v line="$2" 'BEGIN { while (n > 0) { s = substr(line, 1, n); print s; n -= length(s) + 1 } }'; }
    page() { # file, title, KB of filler
        { printf '<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title>%s</title></head><body>\n' "$2"
          if [ -n "${4:-}" ]; then printf '%s\n' "$4"; fi
          filler "$(($3 * 1024))" '<p>stub page body: ticketflow is not running here, nginx serves this file.</p>'
          printf '\n</body></html>\n'; } > "$dir/html/$1"
    }
    page login.html Login 2 '<form method="post" action="/login"><input type="hidden" name="csrf_token" value="stub-csrf-0123456789abcdefghijklmnopqrstuvwxyzAB"><input name="username"><input name="password" type="password"></form>'
    page dashboard.html Dashboard 8
    page list.html "New issues" 20
    page issue.html Issue 12
    cat > "$dir/conf/nginx.conf" <<CONF
worker_processes 2;
pid $dir/logs/nginx.pid;
events { worker_connections 1024; }
http {
    access_log off;
    client_body_temp_path $dir/tmp/body;
    proxy_temp_path $dir/tmp/proxy;
    fastcgi_temp_path $dir/tmp/fastcgi;
    uwsgi_temp_path $dir/tmp/uwsgi;
    scgi_temp_path $dir/tmp/scgi;
    default_type text/html;
    server {
        listen 127.0.0.1:$port;
        root $dir/html;
        location = /login {
            if (\$request_method = POST) {
                add_header Set-Cookie "tf_session=stubsession; Path=/; HttpOnly; SameSite=Lax" always;
                return 303 /;
            }
            add_header Set-Cookie "tf_pre=1; Path=/; HttpOnly";
            try_files /login.html =404;
        }
        location = /bad/login {
            if (\$request_method = POST) { return 200 "wrong password\n"; }
            try_files /login.html =404;
        }
        location /static/ { alias $dir/static/; }
        location ~ "^/issues/9[0-9]{5}\$" { return 404; }
        location /issues/ {
            if (\$cookie_tf_session != "stubsession") { return 302 /login; }
            try_files /issue.html =404;
        }
        location /projects/ {
            if (\$cookie_tf_session != "stubsession") { return 302 /login; }
            try_files /list.html =404;
        }
        location = / {
            if (\$cookie_tf_session != "stubsession") { return 302 /login; }
            try_files /dashboard.html =404;
        }
    }
}
CONF
    nginx -p "$dir" -c conf/nginx.conf -e "$dir/logs/error.log" -t -q
    nginx -p "$dir" -c conf/nginx.conf -e "$dir/logs/error.log"
    echo "stub nginx on http://127.0.0.1:$port (pid $(cat "$dir/logs/nginx.pid"))"
    ;;
stop)
    [ -f "$dir/logs/nginx.pid" ] && kill -QUIT "$(cat "$dir/logs/nginx.pid")" && echo stopped || echo "not running"
    ;;
*) echo "usage: stub-nginx.sh start DIR PORT | stop DIR" >&2; exit 2 ;;
esac
