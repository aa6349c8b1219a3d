#!/usr/bin/env python3
"""Fills a Redmine through its own REST API: users, projects, memberships, versions,
categories, issues, updates with notes and field changes (some private), relations, files
and watchers. Deterministic for a seed. Prints what it made as JSON on the last line.

    fill_redmine.py URL ADMIN_KEY [--issues N] [--threads T] [--seed S]
"""
import argparse
import concurrent.futures
import json
import random
import sys
import time
import urllib.error
import urllib.request


class Api:
    def __init__(self, url, key):
        self.url, self.key = url.rstrip('/'), key
        self.requests = 0

    def call(self, method, path, body=None, user=None, raw=None, forbidden_ok=False):
        headers = {'X-Redmine-API-Key': self.key}
        data = None
        if raw is not None:
            data, headers['Content-Type'] = raw, 'application/octet-stream'
        elif body is not None:
            data, headers['Content-Type'] = json.dumps(body).encode(), 'application/json'
        if user:
            headers['X-Redmine-Switch-User'] = user  # an admin acting as another user
        for attempt in range(5):
            request = urllib.request.Request(self.url + path, data=data, method=method, headers=headers)
            try:
                with urllib.request.urlopen(request, timeout=120) as r:
                    self.requests += 1
                    text = r.read()
                    return json.loads(text) if text.strip() else None
            except urllib.error.HTTPError as e:
                if e.code == 403 and forbidden_ok:
                    return False
                if e.code in (500, 502, 503) and attempt < 4:
                    time.sleep(1 + attempt)
                    continue
                raise SystemExit(f'{method} {path}: {e.code} {e.read()[:500]!r}')
            except (urllib.error.URLError, OSError) as e:  # refused, reset, timed out
                # A retried POST may make a second issue: harmless, the test compares Redmine's
                # own counts with ticketflow's.
                if attempt < 4:
                    time.sleep(1 + attempt)
                    continue
                raise SystemExit(f'{method} {path}: {e}')


WORDS = ('printer offline license server crash export report workflow timeout citrix invoice '
         'backup upgrade login password screen slow database query mail attachment sync').split()


def sentence(rng, n):
    return ' '.join(rng.choice(WORDS) for _ in range(n))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('url')
    ap.add_argument('key')
    ap.add_argument('--issues', type=int, default=2000)
    ap.add_argument('--threads', type=int, default=6)
    ap.add_argument('--seed', type=int, default=7)
    ap.add_argument('--prefix', default='rm', help='of logins and project identifiers')
    args = ap.parse_args()
    api, rng = Api(args.url, args.key), random.Random(args.seed)
    pool = concurrent.futures.ThreadPoolExecutor(args.threads)
    started = time.time()

    roles = {r['name']: r['id'] for r in api.call('GET', '/roles.json')['roles']}
    trackers = [t['id'] for t in api.call('GET', '/trackers.json')['trackers']]
    statuses = {s['name']: s['id'] for s in api.call('GET', '/issue_statuses.json')['issue_statuses']}
    priorities = [p['id'] for p in api.call('GET', '/enumerations/issue_priorities.json')['issue_priorities']]
    fields = api.call('GET', '/custom_fields.json')['custom_fields']
    cf = next(f['id'] for f in fields if f['name'] == 'Customer reference')

    users = []
    for i in range(1, 16):
        login = f'{args.prefix}user{i:02d}'
        u = api.call('POST', '/users.json', {'user': {
            'login': login, 'firstname': f'Fïrst{i}', 'lastname': f'Lâst {i}', 'mail': f'{login}@example.org',
            'password': 'redmine-pass-1', 'admin': i == 1}})['user']
        users.append((u['id'], login))

    def author_among(r, member_ids):
        return r.choice(member_ids)[1]

    projects = []
    alpha, beta, gamma = (f'{args.prefix}-{n}' for n in ('alpha', 'beta', 'gamma'))
    for ident, name, parent in ((alpha, 'Alpha Support', None), (beta, 'Beta Internal', None),
                                (gamma, 'Gamma (sub)', alpha)):
        body = {'identifier': ident, 'name': name, 'description': f'Imported from Redmine: {name}',
                'is_public': ident != beta, 'tracker_ids': trackers}
        if parent:
            body['parent_id'] = next(p['id'] for p in projects if p['identifier'] == parent)
        projects.append(api.call('POST', '/projects.json', {'project': body})['project'])
    members, assignable = {}, {}
    for p in projects:
        members[p['id']] = rng.sample(users, 8)
        assignable[p['id']] = []
        for k, (uid, login) in enumerate(members[p['id']]):
            role = ['Manager', 'Developer', 'Reporter'][k % 3]
            if role != 'Reporter':  # Redmine's default Reporter role takes no issues
                assignable[p['id']].append(uid)
            api.call('POST', f"/projects/{p['id']}/memberships.json",
                     {'membership': {'user_id': uid, 'role_ids': [roles[role]]}})
    versions = {}
    for p in projects:
        versions[p['id']] = []
        for v in ('1.0', '1.1', '2.0-beta'):
            body = {'name': v, 'description': f'Release {v}', 'status': 'open', 'due_date': f'2025-0{rng.randint(1, 9)}-15'}
            if p['identifier'] == alpha and v == '2.0-beta':
                body['sharing'] = 'system'
            versions[p['id']].append(api.call('POST', f"/projects/{p['id']}/versions.json", {'version': body})['version']['id'])
    shared = versions[projects[0]['id']][2]
    for p in projects[1:]:
        versions[p['id']].append(shared)
    for p in projects:
        api.call('POST', f"/projects/{p['id']}/issue_categories.json", {'issue_category': {'name': 'General'}})

    # Issues, created in parallel (ids come in any order; the import sorts by id).
    def create(n):
        r = random.Random(args.seed * 100003 + n)
        p = r.choice(projects)
        member_ids = members[p['id']]
        body = {'project_id': p['id'], 'tracker_id': r.choice(trackers), 'priority_id': r.choice(priorities),
                'subject': f'#{n} ' + sentence(r, r.randint(3, 9)),
                'description': sentence(r, r.randint(10, 80)) + ('\n\nŁódź — ünïcödé ✓' if n % 7 == 0 else ''),
                'custom_fields': [{'id': cf, 'value': f'REF-{n}'}] if n % 5 == 0 else []}
        if r.random() < 0.7:
            body['assigned_to_id'] = r.choice(assignable[p['id']])
        if r.random() < 0.6:
            body['fixed_version_id'] = r.choice(versions[p['id']])
        if r.random() < 0.2:
            body['start_date'], body['due_date'], body['done_ratio'] = '2025-01-10', '2025-02-20', 30
        if r.random() < 0.1:
            body['watcher_user_ids'] = [u for u, _ in r.sample(member_ids, 2)]
        if r.random() < 0.05:
            body['is_private'] = True
        author = author_among(r, member_ids)
        issue = api.call('POST', '/issues.json', {'issue': body}, user=author)['issue']
        return issue['id'], p['id'], member_ids, assignable[p['id']]

    created = list(pool.map(create, range(args.issues)))
    ids = sorted(c[0] for c in created)
    by_project = {}
    for c in created:
        by_project.setdefault(c[1], []).append(c[0])
    print(f'fill: {len(ids)} issues in {time.time() - started:.0f} s', file=sys.stderr)

    # Subtasks while every issue is still open (an open issue cannot join a closed parent),
    # within their project.
    def parent(k):
        issue_id, project = created[k][0], created[k][1]
        older = [i for i in by_project[project] if i < issue_id]
        if older:
            api.call('PUT', f'/issues/{issue_id}.json', {'issue': {'parent_issue_id': random.Random(k).choice(older)}})
    list(pool.map(parent, range(0, len(created), 37)))

    # Uploads first (a token each), then updates: notes (some private), status and assignee
    # changes, files, a parent now and then.
    closed = [statuses[s] for s in ('Resolved', 'Closed', 'Rejected') if s in statuses]
    open_ = [statuses[s] for s in ('In Progress', 'Feedback', 'New') if s in statuses]

    def update(k):
        r = random.Random(args.seed * 7919 + k)
        issue_id, _, member_ids, assignees = created[k]
        made = []
        for step in range(r.choice([0, 1, 1, 2]) if k % 10 else 1):
            body = {'notes': f'Update {step}: ' + sentence(r, r.randint(4, 30))}
            if r.random() < 0.2:
                body['private_notes'] = True
            if r.random() < 0.5:
                body['status_id'] = r.choice(closed + open_)
            if r.random() < 0.3:
                body['assigned_to_id'] = r.choice(assignees)
            if r.random() < 0.1:
                body['priority_id'] = r.choice(priorities)
            if k % 13 == 0 and step == 0:
                size = r.randint(1, 40000)
                data = bytes(r.getrandbits(8) for _ in range(size))
                token = api.call('POST', f'/uploads.json?filename=log-{k}.bin', raw=data)['upload']['token']
                body['uploads'] = [{'token': token, 'filename': f'log-{k}.bin', 'content_type': 'application/octet-stream',
                                    'description': 'a log' if k % 2 else ''}]
            author = author_among(r, member_ids) if 'status_id' not in body else None
            # The member may not see a private issue or edit it: then the admin writes.
            if api.call('PUT', f'/issues/{issue_id}.json', {'issue': body}, user=author, forbidden_ok=True) is False:
                api.call('PUT', f'/issues/{issue_id}.json', {'issue': body})
            made.append(step)
        return len(made)

    updates = sum(pool.map(update, range(len(created))))
    print(f'fill: {updates} updates in {time.time() - started:.0f} s', file=sys.stderr)

    # Relations between issues of any project: blocks and precedes from the older to the
    # newer issue (no cycles), the rest any way round.
    def relate(k):
        r = random.Random(args.seed * 104729 + k)
        a, b = sorted(r.sample(ids, 2))
        kind = r.choice(['relates', 'blocks', 'precedes', 'duplicates', 'copied_to', 'blocked', 'follows'])
        if kind in ('blocked', 'follows'):
            a, b = b, a
        body = {'relation': {'issue_to_id': b, 'relation_type': kind}}
        if kind in ('precedes', 'follows'):
            body['relation']['delay'] = r.choice([0, 2])
        try:
            api.call('POST', f'/issues/{a}/relations.json', body)
            return 1
        except SystemExit:  # 422: a relation between the two exists already
            return 0

    relations = sum(pool.map(relate, range(max(50, args.issues // 8))))
    # A locked user, who stays author, assignee and watcher of what came before.
    api.call('PUT', f'/users/{users[-1][0]}.json', {'user': {'status': 3}})
    print(f'fill: {relations} relations, {api.requests} requests in {time.time() - started:.0f} s', file=sys.stderr)
    print(json.dumps({'issues': len(ids), 'updates': updates, 'relations': relations, 'requests': api.requests,
                      'seconds': round(time.time() - started, 1)}))


if __name__ == '__main__':
    main()
