#!/usr/bin/env python3
# Rewrites a freshly generated Syncthing config.xml (before its first start) for the e2e
# test: GUI and sync on the given 127.0.0.1 ports, every feature that reaches out switched
# off (local and global discovery, relays, NAT traversal, STUN, usage and crash reporting,
# upgrades), and the one shared folder with the peer at its explicit loopback address.
# Usage: syncthing_conf.py CONFIG GUI_PORT LISTEN_PORT FOLDER PEER_ID PEER_PORT
import sys
import xml.etree.ElementTree as ET

conf, gui_port, listen_port, folder, peer_id, peer_port = sys.argv[1:7]
tree = ET.parse(conf)
root = tree.getroot()
me = root.find("device")
me.find("address").text = "tcp://127.0.0.1:%s" % listen_port
root.find("gui").find("address").text = "127.0.0.1:%s" % gui_port
opts = root.find("options")
set_opts = {
    "listenAddress": "tcp://127.0.0.1:%s" % listen_port,
    "globalAnnounceServer": "",
    "globalAnnounceEnabled": "false",
    "localAnnounceEnabled": "false",
    "relaysEnabled": "false",
    "natEnabled": "false",
    "startBrowser": "false",
    "urAccepted": "-1",
    "urURL": "http://127.0.0.1:1/",
    "autoUpgradeIntervalH": "0",
    "releasesURL": "http://127.0.0.1:1/",
    "crashReportingEnabled": "false",
    "crashReportingURL": "http://127.0.0.1:1/",
    "stunServer": "",
    "stunKeepaliveStartS": "0",
    "stunKeepaliveMinS": "0",
    "announceLANAddresses": "false",
    "reconnectionIntervalS": "1",
    "restartOnWakeup": "false",
}
for k, v in set_opts.items():
    e = opts.find(k)
    if e is None:
        e = ET.SubElement(opts, k)
    e.text = v
# The peer, reachable only at its loopback address.
peer = ET.SubElement(root, "device", {"id": peer_id, "name": "peer", "compression": "metadata",
                                      "introducer": "false"})
ET.SubElement(peer, "address").text = "tcp://127.0.0.1:%s" % peer_port
ET.SubElement(peer, "autoAcceptFolders").text = "false"
# The shared folder: watched with a short delay, rescanned every few seconds as well.
f = ET.Element("folder", {"id": "kijkronde", "label": "kijkronde", "path": folder,
                          "type": "sendreceive", "rescanIntervalS": "2",
                          "fsWatcherEnabled": "true", "fsWatcherDelayS": "1"})
ET.SubElement(f, "device", {"id": me.get("id")})
ET.SubElement(f, "device", {"id": peer_id})
ET.SubElement(f, "filesystemType").text = "basic"
ET.SubElement(f, "markerName").text = ".stfolder"
root.insert(0, f)
tree.write(conf)
