# A private Dovecot (POP3 and POP3S on loopback) for the mail intake tests, under one folder.
# Layout of DIR: dovecot.conf, passwd, tls/{cert,key}.pem (self-signed for 127.0.0.1),
# mail/<user>/Maildir, run/, state/, log/dovecot.log, dovecot.pid, ports. Sourced; needs
# common.sh. Runs as root (it drops to uid mail for the mailboxes), as SERVICES.md describes.

# tf_dovecot_start DIR USER PASSWORD: starts Dovecot in the foreground under tf_spawn on two
# free ports (written to DIR/ports as "POP3 POP3S"); false when it does not answer.
tf_dovecot_start() {
  local dir=$1 user=$2 password=$3 pop3 pop3s i
  mkdir -p "$dir/run" "$dir/state" "$dir/log" "$dir/tls" "$dir/mail/$user/Maildir"/{new,cur,tmp}
  if [[ ! -s $dir/tls/cert.pem ]]; then
    openssl req -x509 -newkey rsa:2048 -nodes -days 30 -subj /CN=127.0.0.1 \
      -addext subjectAltName=IP:127.0.0.1,DNS:localhost \
      -keyout "$dir/tls/key.pem" -out "$dir/tls/cert.pem" > "$dir/log/openssl.log" 2>&1 ||
      { tf_warn "openssl could not make a certificate: $(tail -n 3 "$dir/log/openssl.log")"; return 1; }
  fi
  printf '%s:{PLAIN}%s\n' "$user" "$password" > "$dir/passwd"
  chgrp dovecot "$dir/passwd" 2>/dev/null || true
  chmod 0640 "$dir/passwd"
  chown -R mail:mail "$dir/mail"
  pop3=$(tf_free_port) && pop3s=$(tf_free_port) || return 1
  cat > "$dir/dovecot.conf" <<CONF
# Private Dovecot for ticketflow's tests (generated).
base_dir = $dir/run
state_dir = $dir/state
instance_name = tf-dovecot-$(printf '%s' "$dir" | cksum | cut -d' ' -f1)
protocols = pop3
listen = 127.0.0.1
log_path = $dir/log/dovecot.log
ssl = yes
ssl_cert = <$dir/tls/cert.pem
ssl_key = <$dir/tls/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain
first_valid_uid = 8
mail_location = maildir:$dir/mail/%u/Maildir
pop3_uidl_format = %08Xu%08Xv
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u $dir/passwd
}
userdb {
  driver = static
  args = uid=mail gid=mail home=$dir/mail/%u
}
service pop3-login {
  inet_listener pop3 {
    address = 127.0.0.1
    port = $pop3
  }
  inet_listener pop3s {
    address = 127.0.0.1
    port = $pop3s
    ssl = yes
  }
}
CONF
  echo "$pop3 $pop3s" > "$dir/ports"
  tf_spawn "$dir/dovecot.pid" "$dir/log/dovecot.log" dovecot -F -c "$dir/dovecot.conf" ||
    { tf_warn "dovecot did not start"; return 1; }
  for ((i = 0; i < 100; i++)); do
    if tf_port_in_use "$pop3" && tf_port_in_use "$pop3s"; then return 0; fi
    tf_pid_alive "$TF_PID" || break
    sleep 0.1
  done
  tf_warn "dovecot did not listen on $pop3/$pop3s; $dir/log/dovecot.log says:"
  tail -n 20 "$dir/log/dovecot.log" >&2
  return 1
}

# tf_dovecot_stop DIR: stops the Dovecot started for DIR (if any).
tf_dovecot_stop() {
  tf_stop_pidfile "$1/dovecot.pid" "$1/dovecot.conf" TERM 10
}
