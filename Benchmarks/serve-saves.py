#!/usr/bin/env python3
"""Save-to-browser latency of `docgen serve` on a corpus.

Starts `docgen serve CORPUS`, times its first answer, opens the live-reload stream as a browser
does, then appends a line to PAGE SAVES times (none with --saves 0) and prints the time from each write to the
`reload` event (min, median, p90, max), the server's memory (RSS) before and after the saves,
the time to render PAGE's HTML after a save, and how long the search index's first request takes
--search-wait seconds after the saves (a reader focusing the search box). Only 127.0.0.1 is
contacted; the server is stopped on exit. PAGE is edited in place: pass a copy of the corpus, not the original.

The server starts from the cache in CORPUS/.docgen-cache/ when an earlier run left one (run twice
to time a start from a warm cache); --no-cache loads every page. The cache takes the search
summaries once the search index of a start is prepared before any save: run with --saves 0
--search-wait 60 first to time the search index of a start that takes them.

usage: serve-saves.py DOCGEN CORPUS PAGE [--saves N] [--heading] [--link] [--title] [--no-cache] [--templates DIR] [--first-answer-timeout S]
                     [--search-wait S]
"""
import argparse
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def rss_mib(pid):
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("docgen")
    parser.add_argument("corpus")
    parser.add_argument("page", help="a page of CORPUS to append to (root-relative)")
    parser.add_argument("--saves", type=int, default=10)
    parser.add_argument("--heading", action="store_true",
                        help="each save adds a heading (new anchors: the pages naming PAGE are linted again and the "
                             "site's structure is made again) instead of a paragraph")
    parser.add_argument("--link", action="store_true",
                        help="each save adds a link into another Learn doc set (/windows/...): every page's "
                             "root-relative links are gathered again to tell which links leave the doc set")
    parser.add_argument("--title", action="store_true",
                        help="each save also gives PAGE a new front matter title (the navigation, the pages before "
                             "and after it and the generated pages show it: the site's structure is made again)")
    parser.add_argument("--no-cache", action="store_true", help="start without the cache (docgen serve --no-cache)")
    parser.add_argument("--templates", default="site-templates")
    parser.add_argument("--first-answer-timeout", type=float, default=600)
    parser.add_argument("--search-wait", type=float, default=0,
                        help="seconds to wait after the saves before asking for the search index")
    args = parser.parse_args()

    port = free_port()
    log = tempfile.NamedTemporaryFile(prefix="docgen-serve-", suffix=".log", delete=False)
    started = time.monotonic()
    server = subprocess.Popen(
        [args.docgen, "serve", args.corpus, "--port", str(port), "--templates", args.templates, "-v"] + (["--no-cache"] if args.no_cache else []),
        stdout=log, stderr=subprocess.STDOUT)
    try:
        run(args, port, server, started, log.name)
    finally:
        if server.poll() is None:
            server.send_signal(signal.SIGTERM)
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
        os.unlink(log.name)


def run(args, port, server, started, log_path):
    host = f"127.0.0.1:{port}"
    while True:
        try:
            urllib.request.urlopen(f"http://{host}/", timeout=5).read()
            break
        except OSError:
            if server.poll() is not None:
                sys.exit("the server exited:\n" + open(log_path).read())
            if time.monotonic() - started > args.first_answer_timeout:
                sys.exit(f"no answer within {args.first_answer_timeout:.0f} s")
            time.sleep(0.1)
    first_answer = time.monotonic() - started
    print(f"corpus: {args.corpus}; first answer after {first_answer:.2f} s, RSS {rss_mib(server.pid):.0f} MiB")
    with open(log_path, encoding="utf-8", errors="replace") as log:
        for line in log:
            if line.startswith("Loaded"):
                print("  " + line.rstrip())

    page_url = f"http://{host}/" + (args.page[:-3] + ".html" if args.page.endswith(".md") else args.page)
    fetch_started = time.monotonic()
    urllib.request.urlopen(page_url, timeout=60).read()
    print(f"first request of {args.page}: {(time.monotonic() - fetch_started) * 1000:.0f} ms")

    stream = socket.create_connection(("127.0.0.1", port), timeout=60)
    stream.sendall(f"GET /__docgen/events HTTP/1.1\r\nHost: {host}\r\nAccept: text/event-stream\r\n\r\n".encode())
    received = b""

    def wait_for(marker, deadline):
        nonlocal received
        while marker not in received:
            if time.monotonic() > deadline:
                sys.exit(f"no {marker!r} from the event stream in time")
            stream.settimeout(max(0.01, deadline - time.monotonic()))
            chunk = stream.recv(65536)
            if not chunk:
                sys.exit("the event stream closed")
            received += chunk
        received = received[received.index(marker) + len(marker):]

    wait_for(b": connected", time.monotonic() + 60)
    path = os.path.join(args.corpus, args.page)
    rss_before = rss_mib(server.pid)
    latencies, renders = [], []
    for index in range(args.saves):
        time.sleep(0.5)  # let the previous save settle; lands each write at a different poll phase
        if args.title:
            with open(path, encoding="utf-8") as handle:
                text = handle.read()
            text = re.sub(r"^title: (.*?)( \(save \d+\))?$", lambda match: f"title: {match.group(1)} (save {index})", text, count=1, flags=re.M)
        written = time.monotonic()
        # One write per save: the new title and the edit arrive together.
        with open(path, "w" if args.title else "a", encoding="utf-8") as handle:
            if args.title:
                handle.write(text)
            if args.heading:
                handle.write(f"\n## Saved section {index}\n\nEdit {index} for the save benchmark.\n")
            elif args.link:
                handle.write(f"\nEdit {index} for the save benchmark. See [Windows](/windows/save-benchmark-{index}).\n")
            else:
                handle.write(f"\nEdit {index} for the save benchmark.\n")
        wait_for(b"event: reload", written + 300)
        latencies.append((time.monotonic() - written) * 1000)
        fetch_started = time.monotonic()
        body = urllib.request.urlopen(page_url, timeout=60).read().decode("utf-8", "replace")
        renders.append((time.monotonic() - fetch_started) * 1000)
        if f"Edit {index} for the save benchmark." not in body:
            sys.exit(f"save {index}: the page served after the reload does not show the edit")
    rss_after = rss_mib(server.pid)
    if latencies:
        report_saves(args, latencies, renders, rss_before, rss_after)
    time.sleep(args.search_wait)
    fetch_started = time.monotonic()
    urllib.request.urlopen(f"http://{host}/search-index.js", timeout=600).read()
    print(f"search index, first request {args.search_wait:.0f} s after the saves: {(time.monotonic() - fetch_started) * 1000:.0f} ms, "
          f"RSS {rss_mib(server.pid):.0f} MiB after it")
    print("server's own account of the saves:")
    with open(log_path, encoding="utf-8", errors="replace") as log:
        for line in [line for line in log if line.startswith("rebuilt")][-3:]:
            print("  " + line.rstrip())


def report_saves(args, latencies, renders, rss_before, rss_after):
    latencies.sort()
    print(f"save to reload event, {args.saves} saves of {args.page}: min {latencies[0]:.0f} ms, "
          f"median {statistics.median(latencies):.0f} ms, p90 {latencies[int(0.9 * (len(latencies) - 1))]:.0f} ms, "
          f"max {latencies[-1]:.0f} ms")
    print(f"page request after each save: median {statistics.median(renders):.0f} ms")
    print(f"memory (RSS): {rss_before:.0f} MiB before the saves, {rss_after:.0f} MiB after")


if __name__ == "__main__":
    main()
