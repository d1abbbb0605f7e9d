"""Runs a command on a pseudo-terminal (stdin, stdout and stderr all the pty, as in a real
terminal), types one answer after each prompt ending in "]: ", and reports as JSON whether the
command exited on its own within the timeout. Used by test/init/interactive-exit.test.ts.

usage: pty-run.py TIMEOUT_S ANSWERS_JSON COMMAND...
"""
import json
import os
import pty
import select
import signal
import subprocess
import sys
import time

timeout = float(sys.argv[1])
answers = json.loads(sys.argv[2])
command = sys.argv[3:]

master, slave = pty.openpty()
child = subprocess.Popen(command, stdin=slave, stdout=slave, stderr=slave, close_fds=True, start_new_session=True)
os.close(slave)

output = b""
sent = 0
deadline = time.time() + timeout
answered_at = None
timed_out = False
while True:
    ready, _, _ = select.select([master], [], [], 0.05)
    if ready:
        try:
            data = os.read(master, 4096)
        except OSError:  # EIO: the child closed its side
            data = b""
        output += data
        if not data and child.poll() is not None:
            break
    if sent < len(answers) and output.count(b"]: ") > sent:
        os.write(master, (answers[sent] + "\n").encode())
        sent += 1
        if sent == len(answers):
            answered_at = time.time()
    if child.poll() is not None and not ready:
        break
    if time.time() > deadline:
        timed_out = True
        os.killpg(child.pid, signal.SIGKILL)
        child.wait()
        break

try:
    while True:
        ready, _, _ = select.select([master], [], [], 0.05)
        if not ready:
            break
        data = os.read(master, 4096)
        if not data:
            break
        output += data
except OSError:
    pass

print(json.dumps({
    "timedOut": timed_out,
    "exitCode": None if timed_out else child.returncode,
    "answered": sent,
    "output": output.decode("utf-8", "replace"),
}))
