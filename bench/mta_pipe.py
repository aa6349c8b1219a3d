#!/usr/bin/env python3
"""Delivers files as an MTA's pipe transport does: one process per message, the message on its
standard input, JOBS at a time. Python starts them with vfork and exec, as a small MTA process
does; a shell loop would add its own fork of a large process (about 5 ms each here) to every
message. Exits 1 when a delivery exited non-zero (each such exit is counted on stderr).

    mta_pipe.py JOBS LOG FILE_LIST -- COMMAND [ARGS...]
"""
import concurrent.futures
import sys


def main():
    jobs, log, listing = int(sys.argv[1]), sys.argv[2], sys.argv[3]
    command = sys.argv[sys.argv.index('--') + 1:]
    with open(listing) as f:
        files = [line.rstrip('\n') for line in f if line.strip()]
    import subprocess

    with open(log, 'ab') as err:
        def deliver(path):
            with open(path, 'rb') as message:
                return subprocess.run(command, stdin=message, stderr=err).returncode

        with concurrent.futures.ThreadPoolExecutor(jobs) as pool:
            codes = list(pool.map(deliver, files))
    failed = {}
    for code in codes:
        if code:
            failed[code] = failed.get(code, 0) + 1
    for code, n in sorted(failed.items()):
        print(f'mta_pipe: {n} deliveries exited {code}', file=sys.stderr)
    return 1 if failed else 0


if __name__ == '__main__':
    sys.exit(main())
