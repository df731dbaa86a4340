#!/usr/bin/env python3
"""`gazette serve` end to end, over real HTTP: start it on a free port on a copy of the sample
edition, check status codes and headers, try path traversal tricks, then edit an issue and a
template and watch the Server-Sent Event arrive, the page change, and the error overlay's
status come and go. Finally Ctrl-C must stop it cleanly, leaving nothing behind.

    serve_e2e.py GAZETTE_BINARY SOURCE_DIR
"""
import gzip
import http.client
import json
import os
import pathlib
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time

GAZETTE, SOURCE = sys.argv[1], pathlib.Path(sys.argv[2])
failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what, flush=True)


def request(port, method, path, headers=None):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.putrequest(method, path, skip_accept_encoding=True)  # the path is sent as is
    for k, v in (headers or {}).items():
        conn.putheader(k, v)
    conn.endheaders()
    resp = conn.getresponse()
    body = resp.read()
    conn.close()
    return resp.status, {k.lower(): v for k, v in resp.getheaders()}, body


class Events(threading.Thread):
    """Reads /__gazette/events and keeps every `build` event's data."""

    def __init__(self, port):
        super().__init__(daemon=True)
        self.port, self.events, self.lock = port, [], threading.Condition()

    def run(self):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        conn.request("GET", "/__gazette/events")
        resp = conn.getresponse()
        buf = b""
        while True:
            chunk = resp.fp.readline()
            if not chunk:
                return
            buf += chunk
            if buf.endswith(b"\n\n"):
                m = re.search(rb"event: build\ndata: (.*)\n", buf)
                if m:
                    with self.lock:
                        self.events.append(json.loads(m.group(1)))
                        self.lock.notify_all()
                buf = b""

    def wait(self, count, timeout=30):
        deadline = time.time() + timeout
        with self.lock:
            while len(self.events) < count and time.time() < deadline:
                self.lock.wait(deadline - time.time())
            return self.events[count - 1] if len(self.events) >= count else None


def main():
    work = pathlib.Path(tempfile.mkdtemp(prefix="gazette-serve-e2e-"))
    site = work / "site"
    site.mkdir()
    shutil.copytree(SOURCE / "content", site / "content")
    shutil.copytree(SOURCE / "themes", site / "themes")
    shutil.copy(SOURCE / "site.yaml", site / "site.yaml")
    before = set(pathlib.Path(tempfile.gettempdir()).glob("gazette-serve-*"))
    proc = subprocess.Popen([GAZETTE, "serve", "--site", str(site), "--port", "0"],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        m = re.search(r"at http://127\.0\.0\.1:(\d+)/", line)
        check(m is not None, f"serve prints its URL (got {line!r})")
        if not m:
            return
        port = int(m.group(1))

        # Pages, headers, conditional and partial requests, compression.
        status, headers, body = request(port, "GET", "/")
        check(status == 200, "home page is 200")
        check(headers.get("content-type") == "text/html; charset=utf-8", "html content type")
        check(b"/__gazette/live.js" in body, "live reload script injected in serve mode")
        status, headers, body = request(port, "HEAD", "/2022/11/08/")
        check(status == 200 and body == b"", "HEAD gives headers only")
        etag = headers.get("etag")
        check(bool(etag), "ETag header")
        status, _, _ = request(port, "GET", "/2022/11/08/", {"If-None-Match": etag})
        check(status == 304, "If-None-Match gives 304")
        status, headers, body = request(port, "GET", "/css/gazette.css", {"Range": "bytes=0-9"})
        check(status == 206 and len(body) == 10, "Range gives 206 and the part asked for")
        check(headers.get("content-type") == "text/css; charset=utf-8", "css content type")
        status, headers, body = request(port, "GET", "/2022/11/08/", {"Accept-Encoding": "gzip"})
        check(headers.get("content-encoding") == "gzip" and b"<html" in gzip.decompress(body),
              "gzip when asked")
        status, headers, body = request(port, "GET", "/2022/11/08/issue.json")
        check(status == 200 and headers.get("content-type") == "application/json; charset=utf-8",
              "issue.json served as JSON")
        _, _, page404 = request(port, "GET", "/404.html")
        status, _, body = request(port, "GET", "/no/such/page/")
        check(status == 404 and body == page404, "the site's 404 page with status 404")
        status, headers, _ = request(port, "GET", "/2022/11")
        check(status == 301 and headers.get("location") == "/2022/11/", "folder without slash redirects")

        # Traversal tricks never leave the output.
        secret = work / "secret.txt"
        secret.write_text("top secret")
        for path in ["/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt",
                     "/css/..%2f..%2f..%2fsecret.txt", "/..%5csecret.txt", "/%00",
                     "/2022/../../secret.txt"]:
            status, _, body = request(port, "GET", path)
            check(status in (400, 403, 404) and b"top secret" not in body, f"traversal {path} refused")

        events = Events(port)
        events.start()
        time.sleep(0.3)

        # Edit an issue: the event arrives, the page changes.
        issue = site / "content" / "001_ec8a289be981ebcb.txt"
        text = issue.read_text()
        started = time.time()
        issue.write_text(text.replace("关于继续延长静默管理时间的通告", "关于继续延长静默管理时间的紧急通告"))
        ev = events.wait(1)
        reload_ms = (time.time() - started) * 1000
        check(ev is not None and ev["errors"] == [], "a build event after editing an issue")
        print(f"edit → build event: {reload_ms:.0f} ms", flush=True)
        status, _, body = request(port, "GET", "/2022/11/08/")
        check("紧急通告".encode() in body, "the issue page shows the edit")

        # Break a template: an event with the error; the last good site is still served.
        (site / "templates").mkdir(exist_ok=True)
        broken = site / "templates" / "article.html"
        broken.write_text('{% extends "base.html" %}\n{% block main %}{{ article.title }\n{% endblock %}\n')
        ev = events.wait(2)
        check(ev is not None and ev["errors"] and "templates/article.html:2:" in ev["errors"][0]["text"],
              "a build event carrying the template error with its position")
        status, _, body = request(port, "GET", "/__gazette/status")
        check(json.loads(body)["errors"], "status lists the errors")
        status, _, body = request(port, "GET", "/2022/11/08/")
        check(status == 200 and "紧急通告".encode() in body, "the last good site is still served")
        # Fix it: the errors go.
        broken.unlink()
        ev = events.wait(3)
        check(ev is not None and ev["errors"] == [], "fixing the template clears the errors")
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            code = proc.wait(timeout=15)
            check(code == 0, f"Ctrl-C stops serve cleanly (exit {code})")
        except subprocess.TimeoutExpired:
            proc.kill()
            check(False, "serve stops within 15 s of Ctrl-C")
        after = set(pathlib.Path(tempfile.gettempdir()).glob("gazette-serve-*"))
        check(not (after - before - {work}), "serve leaves no temporary folder behind")
        check(not (site / "public").exists(), "serve does not write into the site's public/")
        shutil.rmtree(work, ignore_errors=True)
    print(f"{len(failures)} failure(s)")
    sys.exit(1 if failures else 0)


if __name__ == "__main__":
    main()
