#!/usr/bin/env python3
"""Compares a ticketflow database with the Redmine it was imported from.

    compare_import.py counts  --redmine-db DB --tf-db DB
    compare_import.py sample  --url URL --key KEY --tf-db DB --files DIR [--n 100] [--seed S]

Connection to the (shared) MariaDB from the environment: TF_DB_SOCKET, TF_DB_USER,
TF_DB_PASSWORD. Prints one line per check and "N passed, N failed"; exits 1 on a failure.
"""
import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import urllib.request

failures = []
passed = 0


def check(what, expected, actual):
    global passed
    if expected == actual:
        passed += 1
    else:
        failures.append(f'{what}: Redmine {expected!r}, ticketflow {actual!r}')


def sql(db, query):
    out = subprocess.run(['mariadb', '-S', os.environ['TF_DB_SOCKET'], '-u', os.environ['TF_DB_USER'],
                          '-p' + os.environ['TF_DB_PASSWORD'], '-N', '-B', '--raw', db, '-e', query],
                         check=True, capture_output=True, text=True).stdout
    return [line.split('\t') for line in out.splitlines()]


def counts(args):
    queries = {
        'issues': ('SELECT COUNT(*) FROM issues', 'SELECT COUNT(*) FROM issues'),
        'journals': ("SELECT COUNT(*) FROM journals WHERE journalized_type = 'Issue'", 'SELECT COUNT(*) FROM journals'),
        'relations': ('SELECT COUNT(*) FROM issue_relations', 'SELECT COUNT(*) FROM issue_relations'),
        'attachments': ("SELECT COUNT(*) FROM attachments WHERE container_type = 'Issue'",
                        'SELECT COUNT(*) FROM attachments'),
        'watchers': ("SELECT COUNT(*) FROM watchers WHERE watchable_type = 'Issue'", 'SELECT COUNT(*) FROM watchers'),
        'private notes': ('SELECT COUNT(*) FROM journals WHERE private_notes = 1',
                          'SELECT COUNT(*) FROM journals WHERE private_notes = 1'),
    }
    for what, (redmine, ours) in queries.items():
        r, t = int(sql(args.redmine_db, redmine)[0][0]), int(sql(args.tf_db, ours)[0][0])
        print(f'count {what}: Redmine {r}, ticketflow {t}')
        check(f'count of {what}', r, t)


def api(args, path, raw=False):
    request = urllib.request.Request(args.url.rstrip('/') + path, headers={'X-Redmine-API-Key': args.key})
    with urllib.request.urlopen(request, timeout=60) as r:
        body = r.read()
    return body if raw else json.loads(body)


def iso(ts):
    return ts  # both sides write "YYYY-MM-DDTHH:MM:SSZ"


def local_issue(args, remote_id):
    rows = sql(args.tf_db, f"""
        SELECT JSON_OBJECT('id', i.id, 'subject', i.subject, 'description', COALESCE(i.description, ''),
          'project', p.identifier, 'tracker', t.name, 'status', s.name, 'priority', pr.name,
          'author', au.login, 'assignee', asg.login, 'milestone', m.name,
          'created', DATE_FORMAT(i.created_at, '%Y-%m-%dT%H:%i:%sZ'),
          'updated', DATE_FORMAT(i.updated_at, '%Y-%m-%dT%H:%i:%sZ'),
          'closed', DATE_FORMAT(i.closed_at, '%Y-%m-%dT%H:%i:%sZ'))
        FROM import_map im JOIN issues i ON i.id = im.local_id JOIN projects p ON p.id = i.project_id
        JOIN trackers t ON t.id = i.tracker_id JOIN issue_statuses s ON s.id = i.status_id
        JOIN priorities pr ON pr.id = i.priority_id LEFT JOIN users au ON au.id = i.author_id
        LEFT JOIN users asg ON asg.id = i.assigned_to_id LEFT JOIN milestones m ON m.id = i.milestone_id
        WHERE im.kind = 'issue' AND im.remote_id = {int(remote_id)}""")
    return json.loads(rows[0][0]) if rows else None


def local_rows(args, query):
    return [json.loads(r[0]) for r in sql(args.tf_db, query)]


def sample(args):
    mapping = {}
    for kind, remote, local in sql(args.tf_db, 'SELECT kind, remote_id, local_id FROM import_map WHERE scope = 0'):
        mapping[(kind, int(remote))] = int(local)
    versions = {}
    for remote, scope, local in sql(args.tf_db, "SELECT remote_id, scope, local_id FROM import_map WHERE kind = 'version'"):
        versions[(int(remote), int(scope))] = int(local)
    logins = {u['id']: u['login'] for u in api(args, '/users.json?status=&limit=100')['users']}
    ids, offset = [], 0
    while True:
        page = api(args, f'/issues.json?status_id=*&sort=id&limit=100&offset={offset}')
        ids += [i['id'] for i in page['issues']]
        offset += len(page['issues'])
        if not page['issues'] or offset >= page['total_count']:
            break
    rng = random.Random(args.seed)
    chosen = sorted(rng.sample(ids, min(args.n, len(ids))))
    files = 0
    for rid in chosen:
        r = api(args, f'/issues/{rid}.json?include=journals,attachments,relations,watchers')['issue']
        t = local_issue(args, rid)
        if t is None:
            failures.append(f'#{rid}: not imported')
            continue
        tag = f'#{rid}'
        check(f'{tag} keeps its number', rid, t['id'])
        for key, expected in (('subject', r['subject']), ('description', r.get('description') or ''),
                              ('project', None), ('tracker', r['tracker']['name']), ('status', r['status']['name']),
                              ('priority', r['priority']['name']),
                              ('author', logins.get(r.get('author', {}).get('id'))),
                              ('assignee', logins.get((r.get('assigned_to') or {}).get('id'))),
                              ('milestone', (r.get('fixed_version') or {}).get('name')),
                              ('created', iso(r['created_on'])), ('updated', iso(r['updated_on'])),
                              ('closed', iso(r.get('closed_on')))):
            if key == 'project':
                continue
            check(f'{tag} {key}', expected, t[key])
        # Journals in order, with their details translated through the mapping.
        tj = local_rows(args, f"""
            SELECT JSON_OBJECT('remote', im.remote_id, 'notes', j.notes, 'private', j.private_notes = 1,
              'user', u.login, 'created', DATE_FORMAT(j.created_at, '%Y-%m-%dT%H:%i:%sZ'),
              'details', (SELECT JSON_ARRAYAGG(JSON_OBJECT('property', d.property, 'key', d.prop_key,
                  'old', d.old_value, 'new', d.value)) FROM journal_details d WHERE d.journal_id = j.id))
            FROM journals j JOIN import_map im ON im.kind = 'journal' AND im.local_id = j.id
            LEFT JOIN users u ON u.id = j.user_id WHERE j.issue_id = {t['id']} ORDER BY j.id""")
        rj = r.get('journals', [])
        check(f'{tag} journal count', len(rj), len(tj))
        for a, b in zip(rj, tj):
            jt = f'{tag} journal {a["id"]}'
            check(f'{jt} id mapped', a['id'], b['remote'])
            check(f'{jt} notes', a.get('notes') or '', b['notes'] or '')
            check(f'{jt} private', bool(a.get('private_notes')), bool(b['private']))
            check(f'{jt} user', logins.get((a.get('user') or {}).get('id')), b['user'])
            check(f'{jt} created', a['created_on'], b['created'])
            expected = []
            for d in a.get('details', []):
                if d['property'] == 'cf' or (d['property'] == 'attr' and d['name'] == 'category_id'):
                    continue  # not imported (the summary lists them)

                def tr(value, kind):
                    if value in (None, ''):
                        return None
                    if kind == 'version':
                        return str(versions.get((int(value), t_project_scope(args, t['id']))))
                    local = mapping.get((kind, int(value)))
                    return None if local is None else str(local)
                kinds = {'status_id': 'status', 'tracker_id': 'tracker', 'priority_id': 'priority',
                         'assigned_to_id': 'user', 'author_id': 'user', 'project_id': 'project',
                         'parent_id': 'issue', 'child_id': 'issue', 'fixed_version_id': 'version'}
                key, old, new = d['name'], d.get('old_value'), d.get('new_value')
                if d['property'] == 'attr' and key in kinds:
                    old, new = tr(old, kinds[key]), tr(new, kinds[key])
                elif d['property'] == 'relation':
                    old, new = tr(old, 'issue'), tr(new, 'issue')
                elif d['property'] == 'attachment':
                    local = mapping.get(('attachment', int(key)))
                    key = str(local) if local else '0'
                if isinstance(old, str):
                    old = old[:255]
                if isinstance(new, str):
                    new = new[:255]
                expected.append([d['property'], key, old, new])
            actual = [[d['property'], d['key'], d['old'], d['new']] for d in (b['details'] or [])]
            check(f'{jt} details', sorted(expected, key=str), sorted(actual, key=str))
        # Files: metadata and bytes.
        ta = {a['remote']: a for a in local_rows(args, f"""
            SELECT JSON_OBJECT('remote', im.remote_id, 'filename', a.filename, 'size', a.filesize,
              'type', a.content_type, 'author', u.login, 'digest', a.digest, 'disk', a.disk_filename,
              'created', DATE_FORMAT(a.created_at, '%Y-%m-%dT%H:%i:%sZ'))
            FROM attachments a JOIN import_map im ON im.kind = 'attachment' AND im.local_id = a.id
            LEFT JOIN users u ON u.id = a.author_id WHERE a.issue_id = {t['id']}""")}
        check(f'{tag} file count', len(r.get('attachments', [])), len(ta))
        for a in r.get('attachments', []):
            b = ta.get(a['id'], {})
            at = f'{tag} file {a["id"]}'
            for key, expected in (('filename', a['filename']), ('size', a['filesize']),
                                  ('type', a.get('content_type') or 'application/octet-stream'),
                                  ('author', logins.get(a['author']['id'])), ('created', a['created_on'])):
                check(f'{at} {key}', expected, b.get(key))
            data = api(args, f'/attachments/download/{a["id"]}', raw=True)
            digest = hashlib.sha256(data).hexdigest()
            check(f'{at} sha256 of the bytes', digest, b.get('digest'))
            try:
                with open(os.path.join(args.files, b.get('disk', '')), 'rb') as f:
                    check(f'{at} sha256 of the stored file', digest, hashlib.sha256(f.read()).hexdigest())
            except OSError as e:
                failures.append(f'{at}: stored file: {e}')
            files += 1
        # Relations (as Redmine stores them) and watchers.
        reverse = {local: remote for (kind, remote), local in mapping.items() if kind == 'issue'}
        expected = sorted((x['issue_id'], x['issue_to_id'], x['relation_type']) for x in r.get('relations', []))
        actual = sorted((reverse.get(int(f)), reverse.get(int(to)), kind) for f, to, kind in sql(
            args.tf_db, f"SELECT issue_from_id, issue_to_id, relation_type FROM issue_relations"
                        f" WHERE issue_from_id = {t['id']} OR issue_to_id = {t['id']}"))
        check(f'{tag} relations', expected, actual)
        expected = sorted(logins.get(w['id']) for w in r.get('watchers', []))
        actual = sorted(row[0] for row in sql(
            args.tf_db, f"SELECT u.login FROM watchers w JOIN users u ON u.id = w.user_id WHERE w.issue_id = {t['id']}"))
        check(f'{tag} watchers', expected, actual)
    print(f'sample: {len(chosen)} issues compared field by field, {files} files by their bytes')


_scopes = {}


def t_project_scope(args, local_issue_id):
    if local_issue_id not in _scopes:
        _scopes[local_issue_id] = int(sql(args.tf_db, f'SELECT project_id FROM issues WHERE id = {local_issue_id}')[0][0])
    return _scopes[local_issue_id]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('what', choices=['counts', 'sample'])
    ap.add_argument('--redmine-db')
    ap.add_argument('--tf-db', required=True)
    ap.add_argument('--url')
    ap.add_argument('--key')
    ap.add_argument('--files')
    ap.add_argument('--n', type=int, default=100)
    ap.add_argument('--seed', type=int, default=int.from_bytes(os.urandom(4), 'big'))
    args = ap.parse_args()
    if args.what == 'counts':
        counts(args)
    else:
        print(f'sample seed {args.seed}')
        sample(args)
    for f in failures[:40]:
        print('FAILED:', f)
    print(f'{passed} passed, {len(failures)} failed')
    sys.exit(1 if failures else 0)


if __name__ == '__main__':
    main()
