#!/usr/bin/env python3
"""Times the wizard's start in a real pseudo-terminal (80x24): from spawn to the first screen drawn, and
to the live Kinesis list loaded. Uses the environment as given (run it after `source .work/emulator.env`).
    scripts/bench-startup.py BINARY [RUNS]"""
import fcntl, os, pty, select, statistics, struct, subprocess, sys, termios, time

binary, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 10

def one():
    master, slave = pty.openpty()
    fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    env = dict(os.environ, TERM="xterm-256color", FIREHOSE_WIZARD_LOG="off")
    start = time.monotonic()
    p = subprocess.Popen([binary, "--lab"], stdin=slave, stdout=slave, stderr=slave, env=env, close_fds=True)
    os.close(slave)
    out, first, ready = b"", None, None
    while ready is None and time.monotonic() - start < 20:
        r, _, _ = select.select([master], [], [], 0.05)
        if r:
            try:
                out += os.read(master, 65536)
            except OSError:
                break
        now = time.monotonic()
        if first is None and b"Step 1/5" in out:
            first = now - start
        if first is not None and b"ACTIVE" in out:
            ready = now - start
    os.write(master, b"\x03")  # Ctrl-C: nothing entered, so it quits at once
    try:
        p.wait(timeout=5)
        while True:  # drain
            r, _, _ = select.select([master], [], [], 0.05)
            if not r or not os.read(master, 65536):
                break
    except Exception:
        p.kill()
    os.close(master)
    if first is None or ready is None:
        sys.exit(f"the wizard did not show its first screen and list in 20 s; output: {out[-500:]!r}")
    return first * 1000, ready * 1000

results = [one() for _ in range(runs)]
for i, name in enumerate(["start to first screen", "start to live list loaded"]):
    xs = sorted(r[i] for r in results)
    print(f"{name + ':':<30} min {xs[0]:.1f}  median {statistics.median(xs):.1f}  max {xs[-1]:.1f} ms  ({runs} runs)")
