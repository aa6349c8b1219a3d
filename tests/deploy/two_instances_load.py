#!/usr/bin/env python3
"""Load and HTTP checks for tests/deploy/two_instances_test.sh (python3 standard library only).

  two_instances_load.py load   WORK   REST load on instances A and B at once, mail into the
                                      shared Maildir; writes WORK/state.json, WORK/summary.env
                                      and the expectation files the shell script compares
  two_instances_load.py verify WORK   after the pollers are done: every issue seen the same
                                      through A and B (WORK/db_issues.tsv is the database's view),
                                      notes and attachments through the other instance, files
                                      downloaded from both

WORK/load.conf (KEY=VALUE) names the instances (A_URL, B_URL), the Maildir, both pollers'
drop folders, the load (SECONDS, WORKERS, MAILS, HOT: the share of changes and staff replies
that go to the first five issues) and STAFF_MAIL; the REST key is read from WORK/api.key and
never printed. Every check prints "ok: ..." or "FAILED: ..."; the exit status is 1 when one
failed.
"""

import email
import email.base64mime
import email.policy
import email.utils
import hashlib
import http.client
import json
import os
import random
import re
import sys
import threading
import time
import urllib.parse
from collections import Counter

PROJECT = "psprosupport"
# The statuses each request must get; anything else (a 5xx, a 409/422 from a lost race, a 404
# for an issue the other instance cannot see yet) is counted as unexpected.
EXPECTED = {"create": 201, "upload": 201, "update": 204, "show": 200, "list": 200, "download": 200}

failures = []


def check(what, ok, detail=""):
    if ok:
        print(f"ok: {what}")
    else:
        print(f"FAILED: {what}{': ' + detail if detail else ''}")
        failures.append(what)


def read_conf(work):
    conf = {}
    with open(os.path.join(work, "load.conf"), encoding="utf-8") as f:
        for line in f:
            key, sep, value = line.rstrip("\n").partition("=")
            if sep:
                conf[key] = value
    with open(os.path.join(work, "api.key"), encoding="utf-8") as f:
        conf["KEY"] = f.read().strip()
    return conf


class Client:
    """One keep-alive connection per instance, for one thread."""

    def __init__(self, urls, key):
        self.urls = urls
        self.key = key
        self.conns = {}

    def request(self, inst, method, path, body=None, ctype=None):
        """(status, body bytes); status 0 when the connection failed (counted as an error)."""
        headers = {"X-Redmine-API-Key": self.key}
        if body is not None:
            headers["Content-Type"] = ctype or "application/json"
            if not isinstance(body, bytes):
                body = json.dumps(body).encode()
        for attempt in (1, 2):
            conn = self.conns.get(inst)
            if conn is None:
                u = urllib.parse.urlsplit(self.urls[inst])
                conn = self.conns[inst] = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
            try:
                conn.request(method, path, body=body, headers=headers)
                resp = conn.getresponse()
                data = resp.read()
                if resp.getheader("Connection", "").lower() == "close":
                    conn.close()
                    del self.conns[inst]
                return resp.status, data
            except (http.client.HTTPException, OSError) as e:
                conn.close()
                del self.conns[inst]
                # nginx may close a kept-alive connection between two requests (it says so in
                # the last answer, which closes it here, but a race stays): a read is tried once
                # more. A create or change is not: it may have been done, and twice is a duplicate.
                if attempt == 2 or method != "GET" or not isinstance(
                        e, (http.client.RemoteDisconnected, BrokenPipeError, ConnectionResetError)):
                    return 0, str(e).encode()
        return 0, b""


class Load:
    def __init__(self, conf, work):
        self.conf = conf
        self.work = work
        self.urls = {"A": conf["A_URL"], "B": conf["B_URL"]}
        self.lock = threading.Lock()
        self.statuses = Counter()        # (op, instance, status) -> n
        self.unexpected = []             # a few examples for the log
        self.issues = {}                 # id -> {subject, via, notes: [], files: []}
        self.ids_seen = Counter()
        self.requests = 0
        self.mails = []                  # manifest: {message_id, kind, issue?, subject, sender, file?}
        self.stop = threading.Event()
        self.hot = float(conf["HOT"])

    def record(self, op, inst, status, path, body):
        with self.lock:
            self.requests += 1
            self.statuses[(op, inst, status)] += 1
            if status != EXPECTED[op] and len(self.unexpected) < 20:
                self.unexpected.append(f"{op} {path} via {inst} -> {status}: {body[:300]!r}")
        return status == EXPECTED[op]

    def call(self, client, op, inst, method, path, body=None, ctype=None):
        status, data = client.request(inst, method, path, body, ctype)
        return self.record(op, inst, status, path, data), data

    # --- the REST side ----------------------------------------------------------------------
    def upload(self, client, inst, name):
        data = os.urandom(random.randint(1, 48 * 1024))
        ok, body = self.call(client, "upload", inst, "POST",
                             "/uploads.json?filename=" + urllib.parse.quote(name), data,
                             "application/octet-stream")
        if not ok:
            return None
        token = json.loads(body)["upload"]["token"]
        return token, {"filename": name, "size": len(data), "sha256": hashlib.sha256(data).hexdigest()}

    def create(self, client, wid, n, inst, with_file):
        other = "B" if inst == "A" else "A"
        subject = f"Load {wid}-{n} via {inst}"
        issue = {"project_id": PROJECT, "subject": subject, "description": f"Created by worker {wid} on {inst}."}
        files = []
        if with_file:
            # Uploaded through one instance, attached through the other: the upload is a row
            # and a file in the shared folder, not state of the process that took it.
            up = self.upload(client, other, f"up-{wid}-{n}.bin")
            if up is None:
                return
            issue["uploads"] = [{"token": up[0]}]
            files.append(up[1])
        ok, body = self.call(client, "create", inst, "POST", "/issues.json", {"issue": issue})
        if not ok:
            return
        got = json.loads(body)["issue"]
        with self.lock:
            self.ids_seen[got["id"]] += 1
            self.issues[got["id"]] = {"subject": subject, "got_subject": got.get("subject"), "via": inst,
                                      "notes": [], "files": files}

    def update(self, client, wid, n, with_file):
        with self.lock:
            if not self.issues:
                return
            ids = list(self.issues)
            # A share of the changes (HOT) goes to the first five issues, so that changes
            # through A and B meet on the same rows: lock_version, the journal, the counts.
            issue_id = random.choice(ids[:5] if random.random() < self.hot else ids)
            via = self.issues[issue_id]["via"]
        inst = "B" if via == "A" else "A"   # created on A, changed through B, and the other way
        note = f"Note {wid}-{n} via {inst}"
        change = {"notes": note}
        files = []
        if with_file:
            up = self.upload(client, via, f"note-{wid}-{n}.bin")
            if up is None:
                return
            change["uploads"] = [{"token": up[0]}]
            files.append(up[1])
        ok, _ = self.call(client, "update", inst, "PUT", f"/issues/{issue_id}.json", {"issue": change})
        if ok:
            with self.lock:
                self.issues[issue_id]["notes"].append(note)
                self.issues[issue_id]["files"].extend(files)

    def read(self, client, n, inst):
        with self.lock:
            issue_id = random.choice(list(self.issues)) if self.issues and n % 2 else None
        if issue_id is not None:
            self.call(client, "show", inst, "GET", f"/issues/{issue_id}.json?include=journals,attachments")
        else:
            offset = random.randint(0, 200)
            self.call(client, "list", inst, "GET",
                      f"/issues.json?project_id={PROJECT}&status_id=*&sort=updated_on:desc&offset={offset}&limit=25")

    def worker(self, wid):
        client = Client(self.urls, self.conf["KEY"])
        rng = random.Random(wid)
        n = 0
        while not self.stop.is_set():
            n += 1
            inst = "A" if (n + wid) % 2 == 0 else "B"
            r = rng.random()
            if r < 0.30 or len(self.issues) < 8:
                self.create(client, wid, n, inst, with_file=False)
            elif r < 0.40:
                self.create(client, wid, n, inst, with_file=True)
            elif r < 0.65:
                self.update(client, wid, n, with_file=False)
            elif r < 0.70:
                self.update(client, wid, n, with_file=True)
            else:
                self.read(client, n, inst)

    # --- the mail side ----------------------------------------------------------------------
    def drop(self, i, raw):
        """Maildir delivery: written in tmp/, renamed into new/, so no poller reads half a file."""
        maildir = self.conf["MAILDIR"]
        name = f"{int(time.time())}.P{os.getpid()}Q{i}.twoinst"
        tmp = os.path.join(maildir, "tmp", name)
        with open(tmp, "wb") as f:
            f.write(raw)
        os.rename(tmp, os.path.join(maildir, "new", name))

    def new_mail(self, i, tag):
        k = i % 80  # about three mails per customer: the first one makes the customer record
        sender = f"customer{k}@kunde.example"
        mid = f"twoinst.{i}.{tag}@kunde.example"
        subject = f"Mail {i} from customer {k}"
        entry = {"message_id": mid, "kind": "new", "subject": subject, "sender": sender}
        head = (f"From: Customer {k} <{sender}>\nTo: support@example.org\nSubject: {subject}\n"
                f"Message-ID: <{mid}>\nDate: {email.utils.formatdate()}\nMIME-Version: 1.0\n")
        if i % 10 == 3:
            content = f"log of mail {i}\n" + "x" * (i * 37 % 4000) + "\n"
            entry["file"] = {"filename": f"mail-{i}.log", "sha256": hashlib.sha256(content.encode()).hexdigest(),
                             "size": len(content)}
            raw = (head + f'Content-Type: multipart/mixed; boundary="b{i}"\n\n--b{i}\n'
                   f"Content-Type: text/plain; charset=utf-8\n\nSee the attached log ({i}).\n--b{i}\n"
                   f'Content-Type: text/plain; name="mail-{i}.log"\n'
                   f'Content-Disposition: attachment; filename="mail-{i}.log"\n'
                   f"Content-Transfer-Encoding: base64\n\n"
                   + email.base64mime.body_encode(content.encode()) + f"\n--b{i}--\n")
        else:
            raw = head + f"Content-Type: text/plain; charset=utf-8\n\nMy request number {i}.\n"
        return entry, raw.encode()

    def staff_reply(self, i, tag, issue_id, subject):
        mid = f"twoinst.reply.{i}.{tag}@example.org"
        text = f"Reply {i} by staff to #{issue_id}"
        raw = (f"From: Load Staff <{self.conf['STAFF_MAIL']}>\nTo: support@example.org\n"
               f"Subject: Re: [#{issue_id}] {subject}\nMessage-ID: <{mid}>\nDate: {email.utils.formatdate()}\n"
               f"Content-Type: text/plain; charset=utf-8\n\n{text}\n")
        return {"message_id": mid, "kind": "staff_reply", "issue": issue_id, "note": text}, raw.encode()

    def customer_reply(self, i, tag, sent):
        """A reply to a notification one of the pollers sent: threaded by its signed Message-ID
        alone (no subject tag), whichever host signed it."""
        mid = f"twoinst.creply.{i}.{tag}@kunde.example"
        text = f"Reply {i} by the customer to #{sent['issue']}"
        raw = (f"From: <{sent['to']}>\nTo: support@example.org\nSubject: Re: your answer\n"
               f"Message-ID: <{mid}>\nIn-Reply-To: {sent['message_id']}\nReferences: {sent['message_id']}\n"
               f"Date: {email.utils.formatdate()}\nContent-Type: text/plain; charset=utf-8\n\n{text}\n")
        return {"message_id": mid, "kind": "customer_reply", "issue": sent["issue"], "note": text}, raw.encode()

    def sent_to_customers(self):
        """Notifications the pollers wrote into their drop folders, one per issue: the customer's
        address, the issue and the Message-ID."""
        found = {}
        for folder in (self.conf["A_DROP"], self.conf["B_DROP"]):
            for name in sorted(os.listdir(folder)) if os.path.isdir(folder) else []:
                if not name.endswith(".eml"):
                    continue
                with open(os.path.join(folder, name), "rb") as f:
                    msg = email.message_from_binary_file(f, policy=email.policy.default)
                to, subject, mid = str(msg["To"] or ""), str(msg["Subject"] or ""), str(msg["Message-ID"] or "")
                tag = re.search(r"#(\d+)\]", subject)
                addr = re.search(r"(customer\d+@kunde\.example)", to)
                if tag and addr and mid:
                    found.setdefault(int(tag.group(1)), {"to": addr.group(1), "issue": int(tag.group(1)),
                                                         "message_id": mid.strip()})
        return list(found.values())

    def mailer(self, seconds, count):
        """count new mails over the first 60 % of the run, then replies, staff and customers."""
        tag = os.getpid()
        start = time.monotonic()
        for i in range(count):
            if self.stop.is_set():
                break
            entry, raw = self.new_mail(i, tag)
            self.drop(i, raw)
            with self.lock:
                self.mails.append(entry)
            delay = start + 0.6 * seconds * (i + 1) / count - time.monotonic()
            if delay > 0:
                time.sleep(delay)
        replies = max(10, count // 10)
        with self.lock:
            ids = list(self.issues)
            targets = [random.choice(ids[:5] if random.random() < self.hot else ids) for _ in range(replies)]
            subjects = {i: self.issues[i]["subject"] for i in targets}
        for j, issue_id in enumerate(targets):
            entry, raw = self.staff_reply(j, tag, issue_id, subjects[issue_id])
            self.drop(count + j, raw)
            with self.lock:
                self.mails.append(entry)
            time.sleep(0.1 * seconds / replies)
        sent = self.sent_to_customers()
        random.shuffle(sent)
        for j, s in enumerate(sent[:replies]):
            entry, raw = self.customer_reply(j, tag, s)
            self.drop(count + replies + j, raw)
            with self.lock:
                self.mails.append(entry)
            time.sleep(0.1 * seconds / replies)

    # --- the run ----------------------------------------------------------------------------
    def run(self):
        seconds, workers, mails = int(self.conf["SECONDS"]), int(self.conf["WORKERS"]), int(self.conf["MAILS"])
        threads = [threading.Thread(target=self.worker, args=(w,), daemon=True) for w in range(workers)]
        mailer = threading.Thread(target=self.mailer, args=(seconds, mails), daemon=True)
        started = time.monotonic()
        for t in threads:
            t.start()
        mailer.start()
        time.sleep(seconds)
        # The mail thread ends its replies by itself; the REST load stops with the time.
        mailer.join(timeout=0.3 * seconds + 30)
        self.stop.set()
        for t in threads:
            t.join(timeout=60)
        took = time.monotonic() - started
        self.report(took, mailer.is_alive() or any(t.is_alive() for t in threads))

    def report(self, took, hung):
        by_status = Counter()
        for (op, inst, status), n in sorted(self.statuses.items()):
            by_status[status] += n
            print(f"  {op:8} {inst} {status}: {n}")
        print(f"requests: {self.requests} in {took:.1f} s ({self.requests / took:.0f} req/s); per status: "
              + ", ".join(f"{s}: {n}" for s, n in sorted(by_status.items())))
        per_inst = Counter()
        for (_, inst, _), n in self.statuses.items():
            per_inst[inst] += n
        print(f"through A: {per_inst['A']}, through B: {per_inst['B']}")
        for line in self.unexpected:
            print(f"  unexpected: {line}")
        check("the load threads finished", not hung)
        check("no 5xx answers", sum(n for s, n in by_status.items() if s >= 500) == 0)
        unexpected = sum(n for (op, _, s), n in self.statuses.items() if s != EXPECTED[op])
        check("every request got its expected status (201/204/200; no 4xx, no dropped connection)",
              unexpected == 0, f"{unexpected} did not")
        check("both instances took about half the requests",
              min(per_inst["A"], per_inst["B"]) >= 0.4 * max(self.requests, 1))
        dups = [i for i, n in self.ids_seen.items() if n > 1]
        check(f"every created issue has its own id ({len(self.ids_seen)} created)", not dups, f"repeated: {dups[:10]}")
        wrong = [i for i, v in self.issues.items() if v["got_subject"] != v["subject"]]
        check("every create answered with its own subject", not wrong, f"issues {wrong[:10]}")
        crossed = Counter(v["via"] for v in self.issues.values())
        check("issues were created through both instances", crossed["A"] > 0 and crossed["B"] > 0, str(crossed))
        kinds = Counter(m["kind"] for m in self.mails)
        check("mail of every kind was dropped (new, staff replies, customer replies by Message-ID)",
              all(kinds[k] > 0 for k in ("new", "staff_reply", "customer_reply")), str(dict(kinds)))

        notes = sum(len(v["notes"]) for v in self.issues.values())
        files = sum(len(v["files"]) for v in self.issues.values())
        counts = {op: sum(n for (o, _, s), n in self.statuses.items() if o == op and s == EXPECTED[op])
                  for op in EXPECTED}
        summary = {
            "REQUESTS": self.requests, "SECONDS": f"{took:.1f}", "RPS": f"{self.requests / took:.0f}",
            "CREATES_OK": counts["create"], "UPDATES_OK": counts["update"], "UPLOADS_OK": counts["upload"],
            "READS_OK": counts["show"] + counts["list"], "REST_NOTES": notes, "REST_FILES": files,
            "MAIL_NEW": kinds["new"], "MAIL_REPLIES": kinds["staff_reply"] + kinds["customer_reply"],
            "MAIL_STAFF_REPLIES": kinds["staff_reply"], "MAIL_CUSTOMER_REPLIES": kinds["customer_reply"],
            "MAIL_FILES": sum(1 for m in self.mails if "file" in m),
        }
        with open(os.path.join(self.work, "summary.env"), "w", encoding="utf-8") as f:
            for k, v in summary.items():
                f.write(f"{k}={v}\n")
        with open(os.path.join(self.work, "state.json"), "w", encoding="utf-8") as f:
            json.dump({"issues": self.issues, "mails": self.mails}, f)
        # What the database must hold, one sorted line each, for the shell script's comparisons.
        write_lines(self.work, "expect_mail_ids.txt", [m["message_id"] for m in self.mails])
        write_lines(self.work, "expect_replies.tsv", [f"{m['message_id']}\t{m['issue']}" for m in self.mails
                                                       if m["kind"] != "new"])
        write_lines(self.work, "expect_mail_issues.tsv", [f"{m['message_id']}\t{m['subject']}" for m in self.mails
                                                           if m["kind"] == "new"])
        write_lines(self.work, "expect_api_issues.tsv", [f"{i}\t{v['subject']}" for i, v in self.issues.items()])
        write_lines(self.work, "expect_rest_notes.tsv", [f"{i}\t{n}" for i, v in self.issues.items()
                                                          for n in v["notes"]])


def write_lines(work, name, lines):
    with open(os.path.join(work, name), "w", encoding="utf-8") as f:
        for line in sorted(lines):
            f.write(line + "\n")


# --- verify -------------------------------------------------------------------------------------
def verify(conf, work):
    with open(os.path.join(work, "state.json"), encoding="utf-8") as f:
        state = json.load(f)
    urls = {"A": conf["A_URL"], "B": conf["B_URL"]}
    client = Client(urls, conf["KEY"])
    statuses = Counter()

    def get(inst, path):
        status, data = client.request(inst, "GET", path)
        statuses[(inst, status)] += 1
        return status, data

    # The database's view of every issue (written by the shell script after the pollers were done).
    db = {}
    with open(os.path.join(work, "db_issues.tsv"), encoding="utf-8") as f:
        for line in f:
            issue_id, _, subject = line.rstrip("\n").partition("\t")
            db[int(issue_id)] = subject
    for inst in ("A", "B"):
        seen, offset, total = {}, 0, None
        while True:
            status, data = get(inst, f"/issues.json?project_id={PROJECT}&status_id=*&sort=id&offset={offset}&limit=100")
            if status != 200:
                break
            page = json.loads(data)
            total = page["total_count"]
            for issue in page["issues"]:
                seen[issue["id"]] = issue["subject"]
            offset += 100
            if not page["issues"] or offset >= total:
                break
        check(f"GET /issues.json through {inst} lists every issue of the database with its subject "
              f"({len(seen)} of {len(db)}, total_count {total})", seen == db and total == len(db),
              f"missing {sorted(set(db) - set(seen))[:10]}, extra {sorted(set(seen) - set(db))[:10]}, "
              f"other subject {[i for i in seen if i in db and seen[i] != db[i]][:10]}")

    # Every issue created through the REST API, read through the other instance; its notes and
    # files (with the mail replies the database says it got) and every file from both.
    replies = {}
    for m in state["mails"]:
        if m["kind"] != "new":
            replies.setdefault(m["issue"], []).append(m["note"])
    bad_show, bad_notes, bad_files, bad_bytes, downloads = [], [], [], [], 0
    issues = state["issues"]
    for key, v in issues.items():
        issue_id = int(key)
        other = "B" if v["via"] == "A" else "A"
        status, data = get(other, f"/issues/{issue_id}.json?include=journals,attachments")
        if status != 200:
            bad_show.append((issue_id, status))
            continue
        issue = json.loads(data)["issue"]
        if issue["subject"] != v["subject"]:
            bad_show.append((issue_id, issue["subject"]))
        notes = sorted(j["notes"].strip() for j in issue.get("journals", []) if j.get("notes"))
        if notes != sorted(v["notes"] + replies.get(issue_id, [])):
            bad_notes.append(issue_id)
        got = sorted((a["filename"], a["filesize"]) for a in issue.get("attachments", []))
        if got != sorted((f["filename"], f["size"]) for f in v["files"]):
            bad_files.append(issue_id)
        sha = {f["filename"]: f["sha256"] for f in v["files"]}
        for a in issue.get("attachments", []):
            path = urllib.parse.urlsplit(a["content_url"]).path
            for inst in ("A", "B"):
                status, body = get(inst, path)
                downloads += 1
                if status != 200 or hashlib.sha256(body).hexdigest() != sha.get(a["filename"]):
                    bad_bytes.append((issue_id, a["filename"], inst, status))
    check(f"every REST-created issue ({len(issues)}) reads through the other instance with its subject",
          not bad_show, str(bad_show[:10]))
    check("each shows exactly the notes made through the API and by mail", not bad_notes, f"issues {bad_notes[:10]}")
    check("each shows exactly its uploaded files", not bad_files, f"issues {bad_files[:10]}")

    # Files that came by mail (a poller wrote them into the shared folder).
    mail_issue = {}
    with open(os.path.join(work, "db_mail_issues.tsv"), encoding="utf-8") as f:
        for line in f:
            mid, _, issue_id = line.rstrip("\n").partition("\t")
            mail_issue[mid] = int(issue_id) if issue_id.isdigit() else None
    mail_files = 0
    for m in state["mails"]:
        if "file" not in m:
            continue
        issue_id = mail_issue.get(m["message_id"])
        for inst in ("A", "B"):
            status, data = get(inst, f"/issues/{issue_id}.json?include=attachments") if issue_id else (0, b"")
            atts = json.loads(data)["issue"].get("attachments", []) if status == 200 else []
            match = [a for a in atts if a["filename"] == m["file"]["filename"]]
            if len(match) != 1 or len(atts) != 1:
                bad_bytes.append((issue_id, m["file"]["filename"], inst, "listed", len(atts)))
                continue
            status, body = get(inst, urllib.parse.urlsplit(match[0]["content_url"]).path)
            downloads += 1
            if status != 200 or hashlib.sha256(body).hexdigest() != m["file"]["sha256"]:
                bad_bytes.append((issue_id, m["file"]["filename"], inst, status))
        mail_files += 1
    check(f"every attachment ({sum(len(v['files']) for v in issues.values())} uploaded, {mail_files} by mail) "
          f"downloads through A and B with its bytes ({downloads} downloads)", not bad_bytes, str(bad_bytes[:10]))
    odd = {k: n for k, n in statuses.items() if k[1] != 200}
    check(f"every verification request answered 200 ({sum(statuses.values())} requests)", not odd, str(odd))


def main():
    if len(sys.argv) != 3 or sys.argv[1] not in ("load", "verify"):
        sys.exit(__doc__)
    work = sys.argv[2]
    conf = read_conf(work)
    if sys.argv[1] == "load":
        Load(conf, work).run()
    else:
        verify(conf, work)
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
