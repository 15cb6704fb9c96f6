#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""Start-up of the TUI on a database of 1,000,000 notes, against a bare curses program in the
same run. Each program runs in an 80x24 pseudo-terminal; the time is from fork until the
expected text is on screen and output went quiet. Not a timed test: it prints medians and ratios.

Usage: bench/tui_startup_big.py build/kijkronde build/bench/bare_curses [NOTES] [RUNS]
"""
import fcntl, os, pty, select, statistics, struct, subprocess, sys, tempfile, termios, time

QUIET = 0.05


def run(argv, want):
    t0 = time.monotonic()
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
    got, last = b"", None
    while True:
        r, _, _ = select.select([fd], [], [], QUIET)
        if r:
            try:
                got += os.read(fd, 65536)
            except OSError:
                break
            last = time.monotonic()
        elif last is not None and (want is None or want in got):
            break
    os.write(fd, b"q")
    os.waitpid(pid, 0)
    os.close(fd)
    return last - t0


def main():
    kr, bare = sys.argv[1], sys.argv[2]
    notes = int(sys.argv[3]) if len(sys.argv) > 3 else 1000000
    runs = int(sys.argv[4]) if len(sys.argv) > 4 else 7
    with tempfile.TemporaryDirectory() as d:
        db = os.path.join(d, "big.db")
        subprocess.run([kr, "--db", db, "demo", "--no-tui"], check=True, stdout=subprocess.DEVNULL)
        subprocess.run(["sqlite3", db,
                        "with recursive n(i) as (select 1 union all select i+1 from n where i < %d) "
                        "insert into observation(id, visit_id, at, text, created_at, updated_at) "
                        "select 'bench-'||i, (select id from visit limit 1), '2026-03-12T09:00:00+01:00', "
                        "'Leerling '||i||' telt de kralen en zegt het antwoord hardop', "
                        "'2026-03-12T08:00:00.000Z', '2026-03-12T08:00:00.000Z' from n" % notes],
                       check=True)
        cases = [("bare curses program", [bare], None),
                 ("kijkronde: first screen", [kr, "--db", db], b"Bijeenkomsten"),
                 ("kijkronde: list with counts", [kr, "--db", db], b"notities")]
        base = None
        for name, argv, want in cases:
            t = statistics.median(run(argv, want) for _ in range(runs))
            base = base or t
            print("%-30s %8.1f ms  %5.2fx" % (name, t * 1000, t / base))


main()
