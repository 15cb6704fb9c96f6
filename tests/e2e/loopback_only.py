#!/usr/bin/env python3
# Fails (exit 1, naming the socket) when a process of the given pids (or a descendant) has an IPv4/IPv6 TCP or
# UDP socket whose local or remote address is anything but loopback (or a listening socket
# bound to a wildcard address). Reads /proc: each pid's socket inodes, then /proc/net/*.
import os
import sys

pids = set(sys.argv[1:])
# ... and their descendants (Syncthing's monitor process starts the real one).
grew = True
while grew:
    grew = False
    for d in os.listdir("/proc"):
        if not d.isdigit() or d in pids:
            continue
        try:
            ppid = open("/proc/%s/stat" % d).read().rsplit(")", 1)[1].split()[1]
        except (OSError, IndexError):
            continue
        if ppid in pids:
            pids.add(d)
            grew = True
inodes = set()
for pid in pids:
    try:
        for fd in os.listdir("/proc/%s/fd" % pid):
            try:
                link = os.readlink("/proc/%s/fd/%s" % (pid, fd))
            except OSError:
                continue
            if link.startswith("socket:["):
                inodes.add(link[8:-1])
    except OSError:
        print("process %s is gone" % pid)
        sys.exit(1)


def loop4(h):
    return h == "00000000" or bytes.fromhex(h)[::-1][0] == 127


def loop6(h):
    if h == "0" * 32:
        return True
    if h == "00000000000000000000000001000000":  # ::1
        return True
    if h[:24] == "0000000000000000FFFF0000":  # ::ffff:a.b.c.d
        return bytes.fromhex(h[24:])[::-1][0] == 127
    return False


bad = []
seen = 0
for name, loop in (("tcp", loop4), ("udp", loop4), ("tcp6", loop6), ("udp6", loop6)):
    try:
        lines = open("/proc/net/" + name).read().splitlines()[1:]
    except OSError:
        continue
    for line in lines:
        f = line.split()
        local, remote, inode = f[1], f[2], f[9]
        if inode not in inodes:
            continue
        seen += 1
        lh, lp = local.split(":")
        rh, rp = remote.split(":")
        wildcard_local = set(lh) == {"0"}
        if (wildcard_local and name.startswith("tcp")) or name.startswith("udp"):
            bad.append("%s %s -> %s" % (name, local, remote))  # no wildcard listener, no UDP
        elif not loop(lh) or not loop(rh):
            bad.append("%s %s -> %s" % (name, local, remote))
if bad:
    print("sockets that are not loopback TCP: " + "; ".join(bad))
    sys.exit(1)
print("%d sockets of %d processes, all on loopback" % (seen, len(pids)))
