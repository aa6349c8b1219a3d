# shellcheck shell=bash disable=SC2317  # the check functions are called through check()
# The production nginx site (nginx/ticketflow.conf as installed) on loopback with a self-signed
# certificate, and what it must do. Sourced by package_test.sh, which provides check, expect,
# expect_match, as_service and CONF; needs common.sh and nginx.sh.
#
# nginx runs with Debian's own /etc/nginx/nginx.conf (user www-data, its http {} defaults such
# as ssl_protocols TLSv1 TLSv1.1 …) whose pid, logs, temp folders and includes point into
# PREFIX, and includes the site changed by sed in these only: listen ports (IPv4 loopback),
# server_name, certificate and log paths. Every other path is the installed layout's.

TLS_HTTP_PORT=
TLS_HTTPS_PORT=

# tls_site_render PREFIX SITE HTTP_PORT HTTPS_PORT: writes PREFIX/nginx.conf and PREFIX/site.conf.
tls_site_render() {
  local prefix=$1 site=$2 http=$3 https=$4 left
  sed -e "s|^pid .*|pid $prefix/nginx.pid;|" \
      -e "s|^error_log .*|error_log $prefix/logs/error.log;|" \
      -e "s|access_log /var/log/nginx/access.log;|access_log $prefix/logs/access.log;|" \
      -e "s|include /etc/nginx/conf.d/\*.conf;|# conf.d: not in the test|" \
      -e "s|include /etc/nginx/sites-enabled/\*;|include $prefix/site.conf;|" \
      -e "s|^http {|http {\n\tclient_body_temp_path $prefix/tmp/client_body;\n\tproxy_temp_path $prefix/tmp/proxy;\n\tfastcgi_temp_path $prefix/tmp/fastcgi;\n\tuwsgi_temp_path $prefix/tmp/uwsgi;\n\tscgi_temp_path $prefix/tmp/scgi;|" \
      /etc/nginx/nginx.conf > "$prefix/nginx.conf"
  grep -q "include $prefix/site.conf;" "$prefix/nginx.conf" && grep -q "^pid $prefix/nginx.pid;" "$prefix/nginx.conf" ||
    { tf_warn "/etc/nginx/nginx.conf is not Debian's: no sites-enabled include or pid line"; return 1; }
  sed -e "s|listen 80;|listen 127.0.0.1:$http;|" -e '/listen \[::\]:80;/d' \
      -e "s|listen 443 ssl http2;|listen 127.0.0.1:$https ssl http2;|" -e '/listen \[::\]:443 ssl http2;/d' \
      -e "s|/etc/letsencrypt/live/tickets.example.org/fullchain.pem|$prefix/tls/cert.pem|" \
      -e "s|/etc/letsencrypt/live/tickets.example.org/privkey.pem|$prefix/tls/key.pem|" \
      -e "s|server_name tickets.example.org;|server_name localhost;|" \
      -e "s|/var/log/nginx/|$prefix/logs/|g" "$site" > "$prefix/site.conf"
  # A site whose lines changed would silently keep production values: name what was left.
  left=$(grep -nE 'listen (80|443|\[::\])|tickets\.example\.org|/var/log/nginx|letsencrypt' "$prefix/site.conf" |
    grep -vE '^[0-9]+:[[:space:]]*#')
  [[ -z $left ]] || { tf_warn "the site changed; the test's sed left these lines: $left"; return 1; }
  # Relative includes (fastcgi_params) resolve against the main file's folder, and Debian's
  # load_module lines (modules-enabled/) against the prefix, /usr/share/nginx in production.
  ln -sf /etc/nginx/fastcgi_params "$prefix/fastcgi_params"
  ln -sfn /usr/share/nginx/modules "$prefix/modules"
}

# tls_site_start PREFIX SITE: a certificate, free ports, nginx -t, nginx. Sets TLS_HTTP_PORT and
# TLS_HTTPS_PORT.
tls_site_start() {
  local prefix=$1 site=$2 out _
  mkdir -p "$prefix"/{logs,tls} "$prefix"/tmp/{client_body,proxy,fastcgi,uwsgi,scgi}
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj /CN=localhost -addext subjectAltName=DNS:localhost \
    -keyout "$prefix/tls/key.pem" -out "$prefix/tls/cert.pem" 2> "$prefix/logs/openssl.log" ||
    { cat "$prefix/logs/openssl.log" >&2; return 1; }
  for _ in 1 2 3 4 5; do # another run may take a port between the check and the bind
    TLS_HTTP_PORT=$(tf_free_port) && TLS_HTTPS_PORT=$(tf_free_port) || return 1
    [[ $TLS_HTTP_PORT != "$TLS_HTTPS_PORT" ]] || continue
    tls_site_render "$prefix" "$site" "$TLS_HTTP_PORT" "$TLS_HTTPS_PORT" || return 1
    check "nginx -t accepts the production site" nginx -t -q -p "$prefix" -c "$prefix/nginx.conf" -e "$prefix/logs/error.log"
    if out=$(tf_nginx_start "$prefix" "$prefix/logs/error.log" 2>&1); then
      return 0
    fi
    [[ $out == *"Address already in use"* ]] || { printf '%s\n' "$out" >&2; return 1; }
  done
  return 1
}

# tls_curl ARGS... URL-PATH: curl against https://localhost:HTTPS_PORT PATH (trusting the test's
# certificate); writes headers to $TLS_OUT.h and the body to $TLS_OUT.b, prints the status.
tls_curl() {
  local path=${*: -1}
  curl -s -o "$TLS_OUT.b" -D "$TLS_OUT.h" -w '%{http_code}' --max-time 30 \
    --cacert "$TLS_PREFIX/tls/cert.pem" --resolve "localhost:$TLS_HTTPS_PORT:127.0.0.1" \
    "${@:1:$#-1}" "https://localhost:$TLS_HTTPS_PORT$path"
}
# header NAME: the value of header NAME in the last response (case-insensitive), without CR.
header() {
  sed -n "s/^$1: *//Ip" "$TLS_OUT.h" | tr -d '\r' | head -n 1
}

# tls_handshake VERSION: true when a client offering only VERSION (tls1 … tls1_3) completes a
# handshake. The client's security level is 0 so that OpenSSL 3 on the client side does not
# refuse TLS 1.0/1.1 itself: the server must.
tls_handshake() {
  local out
  out=$(openssl s_client -connect "127.0.0.1:$TLS_HTTPS_PORT" -servername localhost "-$1" \
        -cipher 'DEFAULT:@SECLEVEL=0' < /dev/null 2>&1)
  [[ $out =~ Cipher\ is\ [A-Z0-9_-]+ && $out != *"Cipher is (NONE)"* ]]
}

tls_site_checks() {
  TLS_PREFIX=$1
  TLS_OUT=$1/last
  local body_limit max_size status i

  redirect_to_https() {
    local out
    out=$(curl -s -o /dev/null -w '%{http_code} %{redirect_url}' --max-time 10 \
      "http://127.0.0.1:$TLS_HTTP_PORT/login?x=1" -H 'Host: localhost')
    expect_match "http://…/login" "$out" '^(301|308) https://localhost/login\?x=1$'
  }
  check "HTTP answers with a redirect to HTTPS" redirect_to_https

  tls_versions() {
    # Debian 12's OpenSSL 3 refuses TLS 1.0/1.1 at its default security level on its own; the
    # site must not depend on that (nor on Debian's http {} default, which allows them).
    grep -qE '^[[:space:]]*ssl_protocols TLSv1\.2 TLSv1\.3;' "$TLS_PREFIX/site.conf" ||
      { echo "the TLS server block does not set ssl_protocols TLSv1.2 TLSv1.3"; return 1; }
    tls_handshake tls1_2 || { echo "TLS 1.2 handshake failed"; return 1; }
    tls_handshake tls1_3 || { echo "TLS 1.3 handshake failed"; return 1; }
    ! tls_handshake tls1 || { echo "TLS 1.0 was accepted"; return 1; }
    ! tls_handshake tls1_1 || { echo "TLS 1.1 was accepted"; return 1; }
  }
  check "TLS 1.2 and 1.3 only (1.0 and 1.1 refused)" tls_versions

  healthz() {
    expect "GET /healthz" "$(tls_curl /healthz)" 200 && expect_match body "$(cat "$TLS_OUT.b")" '^ok'
  }
  check "GET /healthz is 200 over TLS (the app reaches the database)" healthz

  login_page() {
    expect "GET /login" "$(tls_curl /login)" 200 &&
      expect_match "the login page" "$(cat "$TLS_OUT.b")" 'id="login-form"' &&
      expect_match HSTS "$(header Strict-Transport-Security)" '^max-age=[0-9]{8}' &&
      expect_match "the login form's cookie" "$(header Set-Cookie)" '[Ss]ecure' || return 1
  }
  check "GET /login is the app's page, with HSTS" login_page

  static_cached() {
    expect "GET /static/style.css" "$(tls_curl /static/style.css)" 200 &&
      cmp -s "$TLS_OUT.b" /usr/share/ticketflow/web/static/style.css &&
      expect "Cache-Control" "$(header Cache-Control)" "max-age=604800" &&
      expect_match "Expires" "$(header Expires)" 'GMT$' &&
      expect_match HSTS "$(header Strict-Transport-Security)" '^max-age='
  }
  check "static files from /usr/share/ticketflow with a week's Cache-Control and Expires" static_cached

  reports_protected() {
    expect "GET /reports/ without a session" "$(tls_curl /reports/)" 401
  }
  check "reports are behind auth_request (401 anonymous)" reports_protected

  internal_location() {
    expect "GET /_attachments/x" "$(tls_curl /_attachments/2024/01/x)" 404
  }
  check "/_attachments/ is internal (404 from outside)" internal_location

  # An admin, an API upload and an issue with that file; nginx serves it from the internal
  # location after the app's check (X-Accel-Redirect), reading a file the app wrote into the
  # folder only ticketflow and www-data may enter.
  attachment_download() {
    local key token id url
    echo 'package-test-password' | as_service /usr/bin/ticketflow-admin --config "$CONF" create-user pkgadmin \
      --firstname Package --lastname Test --mail pkgadmin@example.org --admin --password-stdin > /dev/null || return 1
    key=$(as_service /usr/bin/ticketflow-admin --config "$CONF" api-key pkgadmin) || return 1
    printf 'attached through X-Accel-Redirect\n' > "$TLS_PREFIX/hello.txt"
    expect "POST /uploads.json" "$(tls_curl -H "X-Redmine-API-Key: $key" -H 'Content-Type: application/octet-stream' \
      --data-binary @"$TLS_PREFIX/hello.txt" '/uploads.json?filename=hello.txt')" 201 || { cat "$TLS_OUT.b"; return 1; }
    token=$(grep -o '"token": *"[^"]*"' "$TLS_OUT.b" | sed 's/.*"\([^"]*\)"$/\1/')
    expect "POST /issues.json" "$(tls_curl -H "X-Redmine-API-Key: $key" -H 'Content-Type: application/json' \
      --data "{\"issue\":{\"project_id\":\"psprosupport\",\"subject\":\"Package test\",\"uploads\":[{\"token\":\"$token\"}]}}" \
      /issues.json)" 201 || { cat "$TLS_OUT.b"; return 1; }
    id=$(grep -o '"id": *[0-9]*' "$TLS_OUT.b" | head -n 1 | grep -o '[0-9]*$')
    expect "GET /issues/$id.json" "$(tls_curl -H "X-Redmine-API-Key: $key" "/issues/$id.json?include=attachments")" 200 ||
      return 1
    url=$(grep -o '"content_url": *"[^"]*"' "$TLS_OUT.b" | sed 's/.*"\([^"]*\)"$/\1/')
    [[ $url == "https://localhost:$TLS_HTTPS_PORT/"* ]] || { echo "content_url: '$url'"; return 1; }
    expect "GET content_url" "$(tls_curl -H "X-Redmine-API-Key: $key" "${url#https://localhost:"$TLS_HTTPS_PORT"}")" 200 &&
      cmp "$TLS_OUT.b" "$TLS_PREFIX/hello.txt" &&
      expect_match Content-Disposition "$(header Content-Disposition)" '^attachment' &&
      expect X-Content-Type-Options "$(header X-Content-Type-Options)" nosniff || return 1
    # The app makes its files 0644 whatever the umask; the setgid folder gives them www-data.
    expect "the stored file" "$(find /var/lib/ticketflow/files -type f -printf '%m %u %g\n' | sort -u)" \
      "644 ticketflow www-data"
  }
  check "an attachment comes through X-Accel-Redirect from /var/lib/ticketflow/files" attachment_download

  # client_max_body_size against the app: at least [attachments] max_size plus 1 MB (so a
  # file at the limit gets through) and at most what the app reads (25 MB, or max_size + 1 MB).
  body_limit=$(sed -n 's/^ *client_max_body_size \([0-9]*\)m;.*/\1/p' "$TLS_PREFIX/site.conf" | head -n 1)
  max_size=$(tf_ini_get "$CONF" attachments max_size)
  body_limit_consistent() {
    [[ $body_limit =~ ^[0-9]+$ && $max_size =~ ^([0-9]+)M$ ]] ||
      { echo "client_max_body_size ${body_limit}m or max_size $max_size not in M"; return 1; }
    local app_limit=$(((${max_size%M} + 1) > 25 ? ${max_size%M} + 1 : 25))
    ((body_limit >= ${max_size%M} + 1 && body_limit <= app_limit)) ||
      { echo "client_max_body_size ${body_limit}m vs max_size $max_size (app reads up to ${app_limit}M)"; return 1; }
    head -c $(((body_limit - 1) * 1024 * 1024)) /dev/zero > "$TLS_PREFIX/under.bin"
    head -c $(((body_limit + 1) * 1024 * 1024)) /dev/zero > "$TLS_PREFIX/over.bin"
    # Anonymous: the app answers 401 once it has the request; nginx's 413 comes before it.
    expect "POST $((body_limit - 1)) MB" "$(tls_curl -H 'Content-Type: application/octet-stream' \
      --data-binary @"$TLS_PREFIX/under.bin" '/uploads.json?filename=a.bin')" 401 &&
      expect "POST $((body_limit + 1)) MB" "$(tls_curl -H 'Content-Type: application/octet-stream' \
        --data-binary @"$TLS_PREFIX/over.bin" '/uploads.json?filename=a.bin')" 413
  }
  check "client_max_body_size matches the upload limit (under: app, over: 413)" body_limit_consistent
  rm -f "$TLS_PREFIX/under.bin" "$TLS_PREFIX/over.bin"

  # Rate limits: nginx logs each refusal with its zone (the app has limits of its own, so the
  # 429 alone would not tell whose it is).
  rate_limited() {
    local path=$1 zone=$2 n=$3 codes=
    shift 3
    for ((i = 0; i < n; i++)); do
      codes+=" $(tls_curl "$@" "$path")"
    done
    [[ $codes == *429* ]] || { echo "no 429 in $n requests:$codes"; return 1; }
    grep -q "limiting requests.*zone \"$zone\"" "$TLS_PREFIX/logs/ticketflow.error.log" ||
      { echo "nginx logged no refusal in zone $zone:$codes"; return 1; }
  }
  check "POST /login is rate-limited per client" rate_limited /login ticketflow_login 15 --data 'login=x&password=y'
  check "secret links /t/ are rate-limited per client" rate_limited /t/not-a-token ticketflow_links 40
  status=$(tls_curl /login)
  check "GET /login stays open while POST is limited" expect "GET /login" "$status" 200
}
