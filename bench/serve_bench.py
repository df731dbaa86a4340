#!/usr/bin/env python3
"""Edit-to-reload time of `gazette serve`: the time from saving an issue to the moment the
reloaded page is served with the change (the build event has arrived and the page is fetched
again, as the live-reload script does).

    bench/serve_bench.py SITE_DIR [--gazette build/gazette] [--edits 5]

SITE_DIR is a gazette site (bench/run_bench.py makes one per corpus: bench/corpus/N/gazette-site).
"""
import argparse
import http.client
import json
import pathlib
import re
import signal
import statistics
import subprocess
import sys
import threading
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("site")
    ap.add_argument("--gazette", default=str(ROOT / "build" / "gazette"))
    ap.add_argument("--edits", type=int, default=5)
    args = ap.parse_args()
    site = pathlib.Path(args.site)
    issues = sorted((site / "content").glob("*.txt"))
    issue = issues[len(issues) // 2]
    original = issue.read_bytes()
    started = time.time()
    proc = subprocess.Popen([args.gazette, "serve", "--site", str(site), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=sys.stderr, text=True)
    try:
        m = re.search(r"at http://127\.0\.0\.1:(\d+)/", proc.stdout.readline())
        port = int(m.group(1))
        print(f"first build and start: {time.time() - started:.2f} s")
        events, cond = [], threading.Condition()

        def listen():
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
            conn.request("GET", "/__gazette/events")
            resp = conn.getresponse()
            while True:
                line = resp.fp.readline()
                if not line:
                    return
                if line.startswith(b"data: "):
                    with cond:
                        events.append((time.time(), json.loads(line[6:])))
                        cond.notify_all()

        threading.Thread(target=listen, daemon=True).start()
        time.sleep(0.5)
        # The issue's page, fetched after each build (what a reload asks for).
        date = re.search(r"(\d{4})-(\d\d)-(\d\d)", issue.name)
        page = f"/{date.group(1)}/{date.group(2)}/{date.group(3)}/" if date else "/"
        times = []
        for k in range(args.edits):
            marker = f"（第{k + 1}次修改）"
            saved = time.time()
            issue.write_bytes(original + f"\n\n株洲日报讯 补充说明{marker}。\n".encode())
            with cond:
                cond.wait_for(lambda: len(events) > k, timeout=60)
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
            conn.request("GET", page)
            body = conn.getresponse().read().decode()
            elapsed = (time.time() - saved) * 1000
            times.append(elapsed)
            print(f"edit {k + 1}: {elapsed:.0f} ms (build event after {(events[k][0] - saved) * 1000:.0f} ms)")
            time.sleep(0.3)
        print(f"median edit → reloaded page: {statistics.median(times):.0f} ms")
    finally:
        issue.write_bytes(original)
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=300)


if __name__ == "__main__":
    sys.exit(main())
