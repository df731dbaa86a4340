#!/usr/bin/env python3
"""gazette against Hugo on generated newspaper archives, in one run on one machine.

    bench/run_bench.py [--sizes 1000,10000,100000] [--runs 3] [--gazette build/gazette]
                       [--results bench/RESULTS.md]

For each size N, /work/shared/bench/gen_corpus.py (../shared/bench from the repository) makes a
corpus under bench/corpus/N/ (raw issues, and the same articles as a Hugo site). Then, with
runs alternating between the two tools:
  - gazette: full clean build of the raw issues (ingestion included), a no-op rebuild, a
    rebuild after editing one issue, a rebuild after editing the template of every article
    page; wall time and peak RSS (GNU time), pages and bytes written;
  - Hugo (Debian's hugo): a clean build of the same articles;
  - the I/O floor: writing gazette's output files (same paths and sizes) and nothing else
    (build/bench/io_floor).
Results go to --results as Markdown tables, with the machine, versions and commands.
"""
import argparse
import datetime
import json
import os
import pathlib
import platform
import re
import shutil
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def settle():
    """Flushes what earlier commands wrote, so that no measurement pays for the writeback of the
    one before it (at 100,000 articles each build leaves gigabytes of dirty pages)."""
    os.sync()
    time.sleep(1)


def discard(path, trash):
    """Moves `path` out of the way into `trash`, which is deleted once every measurement is done:
    ext4 makes creating files slow for minutes after many were deleted (its "recently deleted"
    inode check), which would otherwise punish whatever is measured next."""
    if path.exists():
        trash.mkdir(exist_ok=True)
        path.rename(trash / f"{len(list(trash.iterdir()))}-{path.name}")


def run_timed(cmd, cwd=None):
    """Runs cmd under GNU time, after settle(); returns (seconds, peak RSS in MB)."""
    settle()
    proc = subprocess.run(["/usr/bin/time", "-f", "TIME %e %M"] + cmd, cwd=cwd,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    if proc.returncode != 0:
        sys.exit(f"failed ({proc.returncode}): {' '.join(map(str, cmd))}\n{proc.stderr[-2000:]}")
    m = re.search(r"TIME ([\d.]+) (\d+)", proc.stderr)
    return float(m.group(1)), int(m.group(2)) / 1024


def tree_size(path):
    files, size = 0, 0
    for dirpath, _, names in os.walk(path):
        for n in names:
            files += 1
            size += os.path.getsize(os.path.join(dirpath, n))
    return files, size


def hugo_tags(hugo_content):
    """Every tag of the Hugo site's front matter: gazette's vocabulary, so both build the
    same tag pages from the same articles."""
    tags = set()
    for md in pathlib.Path(hugo_content).rglob("*.md"):
        with open(md, encoding="utf-8") as f:
            head = f.read(2000)
        m = re.search(r'^tags: \[(.*)\]$', head, re.M)
        if m:
            tags.update(t.strip().strip('"') for t in m.group(1).split(",") if t.strip())
    return sorted(tags)


def prepare(n, corpora):
    corpus = corpora / str(n)
    if not (corpus / "corpus.json").exists():
        subprocess.run([sys.executable, str(SHARED / "bench" / "gen_corpus.py"), "--articles", str(n),
                        "--out", str(corpus), "--forms", "hugo,raw", "--force"], check=True,
                       stdout=subprocess.DEVNULL)
    site = corpus / "gazette-site"
    if not site.exists():
        site.mkdir()
        (site / "content").symlink_to("../raw")
        vocab = "\n".join(f"  - {json.dumps(t, ensure_ascii=False)}" for t in hugo_tags(corpus / "hugo" / "content"))
        (site / "site.yaml").write_text(
            "title: 株洲日报 数字报\npaper: 株洲日报\nlanguage: zh-CN\nbase_url: https://example.org/\n"
            f"theme: default\npaginate: 50\nvocabulary:\n{vocab}\n", encoding="utf-8")
    return corpus, site


def gazette_build(gazette, site, jobs, out=None):
    cmd = [str(gazette), "build", "--site", str(site), "--quiet", "-j", str(jobs)]
    if out:
        cmd += ["--out", str(out)]
    return run_timed(cmd)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", default="1000,10000,100000")
    ap.add_argument("--runs", type=int, default=3, help="clean builds per tool (alternating)")
    ap.add_argument("--gazette", default=str(ROOT / "build" / "gazette"))
    ap.add_argument("--results", default=str(ROOT / "bench" / "RESULTS.md"))
    ap.add_argument("--jobs", type=int, default=os.cpu_count())
    args = ap.parse_args()
    gazette = pathlib.Path(args.gazette).resolve()
    io_floor = gazette.parent / "bench" / "io_floor"
    for tool, hint in ((gazette, "build it: scripts/test --no-sanitize, or cmake + ninja"),
                       (io_floor, "build it: cmake with -DGAZETTE_BENCH=ON"),
                       (shutil.which("hugo"), "install Debian's hugo: sudo apt-get install -y hugo"),
                       (shutil.which("time") and "/usr/bin/time", "install GNU time: sudo apt-get install -y time")):
        if not tool or not pathlib.Path(tool).exists():
            sys.exit(f"run_bench: {tool or hint.split(': ')[0].split()[-1]} is missing: {hint}")
    corpora = ROOT / "bench" / "corpus"
    corpora.mkdir(parents=True, exist_ok=True)
    trash = corpora / ".trash"  # deleted at the end (see discard)
    rows = []
    for n in [int(s) for s in args.sizes.split(",")]:
        corpus, site = prepare(n, corpora)
        info = json.loads((corpus / "corpus.json").read_text())
        # Every clean build writes into a folder of its own; nothing is deleted before the end.
        runs = corpus / "runs"
        discard(runs, trash)
        runs.mkdir()
        g_times, h_times, g_rss, h_rss, floors = [], [], [], [], []
        for run in range(args.runs):
            t, rss = gazette_build(gazette, site, args.jobs, runs / f"gazette-{run}" / "public")
            g_times.append(t)
            g_rss.append(rss)
            hugo_out = runs / f"hugo-{run}"
            t, rss = run_timed(["hugo", "--quiet", "-s", str(corpus / "hugo"), "-d", str(hugo_out)])
            h_times.append(t)
            h_rss.append(rss)
            # The I/O floor, in the same conditions: the files of this run's gazette output.
            settle()
            floor_out = subprocess.run([str(io_floor), str(runs / f"gazette-{run}" / "public"),
                                        str(runs / f"io-floor-{run}"), str(args.jobs), "keep"],
                                       capture_output=True, text=True, check=True).stdout
            floors.append(float(re.search(r"([\d.]+) s", floor_out).group(1)))
            print(f"N={n} run {run + 1}: gazette {g_times[-1]:.2f} s, hugo {h_times[-1]:.2f} s, "
                  f"I/O floor {floors[-1]:.2f} s", flush=True)
        built = runs / "gazette-0" / "public"
        files, size = tree_size(built)
        hugo_files, hugo_size = tree_size(runs / "hugo-0")
        floor = statistics.median(floors)
        # The rebuilds work on the site's own output folder.
        discard(site / "public", trash)
        discard(site / ".gazette-cache", trash)
        gazette_build(gazette, site, args.jobs)
        # Rebuilds (no-op and one issue: the median of `runs` each, as they are short).
        noops = [gazette_build(gazette, site, args.jobs) for _ in range(args.runs)]
        noop, noop_rss = statistics.median(t for t, _ in noops), max(r for _, r in noops)
        issue = sorted((corpus / "raw").glob("*.txt"))[len(list((corpus / "raw").glob("*.txt"))) // 2]
        original = issue.read_bytes()
        one_issue_all = []
        for _ in range(args.runs):
            issue.write_bytes(original + "\n株洲日报讯 一则补充的消息。\n".encode())
            one_issue_all.append(gazette_build(gazette, site, args.jobs)[0])
            issue.write_bytes(original)
            gazette_build(gazette, site, args.jobs)  # back to the original
        one_issue = statistics.median(one_issue_all)
        templates = site / "templates"
        templates.mkdir(exist_ok=True)
        article = (ROOT / "themes" / "default" / "templates" / "article.html").read_text(encoding="utf-8")
        (templates / "article.html").write_text(article, encoding="utf-8")
        gazette_build(gazette, site, args.jobs)  # the override itself (same output)
        marker = "{% endblock %}"
        cut = article.rfind(marker)
        (templates / "article.html").write_text(article[:cut] + "<!-- edited -->" + article[cut:], encoding="utf-8")
        template, template_rss = gazette_build(gazette, site, args.jobs)
        shutil.rmtree(templates)
        gazette_build(gazette, site, args.jobs)
        discard(runs, trash)
        rows.append(dict(n=n, articles=info["articles"], issues=info["issues"], raw_mb=info["bytes"]["raw"] / 1e6,
                         g=statistics.median(g_times), g_all=g_times, h=statistics.median(h_times), h_all=h_times,
                         g_rss=max(g_rss), h_rss=max(h_rss), files=files, size=size,
                         hugo_files=hugo_files, hugo_size=hugo_size, floor=floor,
                         noop=noop, noop_rss=noop_rss, one_issue=one_issue, template=template,
                         floor_all=floors, noop_all=[t for t, _ in noops],
                         one_issue_all=one_issue_all))
        print(json.dumps(rows[-1]), flush=True)
    write_results(args, rows)
    shutil.rmtree(trash, ignore_errors=True)


def version(cmd):
    try:
        return subprocess.run(cmd, capture_output=True, text=True).stdout.strip().splitlines()[0]
    except (OSError, IndexError):
        return "?"


def write_results(args, rows):
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((l.split()[1] for l in open("/proc/meminfo") if l.startswith("MemTotal")), "0")
    out = [
        "# gazette vs Hugo: build benchmarks",
        "",
        f"Measured {datetime.date.today()} by `bench/run_bench.py --sizes {args.sizes} --runs {args.runs}`.",
        "",
        f"- machine: {os.cpu_count()} cores ({cpu}), {int(mem) // 1024} MB RAM, {platform.platform()}",
        f"- gazette: {version([args.gazette, '--version'])}, `gazette build --quiet -j {args.jobs}`",
        f"- Hugo: {version(['hugo', 'version'])}, `hugo --quiet` (the corpus's own Hugo site and templates)",
        f"- corpus: `../shared/bench/gen_corpus.py --articles N --forms hugo,raw`; gazette builds the raw "
        "issues (ingestion included) with the default theme and a tag vocabulary made of the Hugo "
        "site's tags; Hugo builds the same articles from Markdown",
        "- times are wall-clock seconds (median of the runs, alternating gazette, Hugo and the I/O "
        "floor, each writing into a folder of its own, each started after a `sync` so that none pays "
        "for the writeback of the one before); RSS is the peak resident set (GNU time)",
        "- rebuilds: with the cache of a previous build; `one issue edited` appends a paragraph to "
        "one raw issue, `article template edited` changes the template of every article page; "
        "no-op and one issue edited are the median of as many runs as the clean builds",
        "",
        "## Full clean builds",
        "",
        "| articles | issues | raw text | gazette | Hugo | gazette / Hugo | I/O floor | gazette / floor | gazette RSS | Hugo RSS |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in rows:
        out.append(f"| {r['articles']:,} | {r['issues']:,} | {r['raw_mb']:.0f} MB | {r['g']:.2f} s | {r['h']:.2f} s | "
                   f"{r['g'] / r['h']:.2f} | {r['floor']:.2f} s | {r['g'] / r['floor']:.2f} | {r['g_rss']:.0f} MB | {r['h_rss']:.0f} MB |")
    out += ["", "## Rebuilds (gazette)", "",
            "| articles | no-op | one issue edited | article template edited | no-op RSS |",
            "| ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        out.append(f"| {r['articles']:,} | {r['noop']:.2f} s | {r['one_issue']:.2f} s | {r['template']:.2f} s | {r['noop_rss']:.0f} MB |")
    out += ["", "## Output", "", "| articles | gazette files | gazette bytes | Hugo files | Hugo bytes |",
            "| ---: | ---: | ---: | ---: | ---: |"]
    for r in rows:
        out.append(f"| {r['articles']:,} | {r['files']:,} | {r['size'] / 1e6:.0f} MB | {r['hugo_files']:,} | {r['hugo_size'] / 1e6:.0f} MB |")
    out += ["", "## Every run", ""]
    for r in rows:
        out.append(f"- {r['articles']:,} articles: gazette {', '.join(f'{t:.2f}' for t in r['g_all'])} s; "
                   f"Hugo {', '.join(f'{t:.2f}' for t in r['h_all'])} s; "
                   f"I/O floor {', '.join(f'{t:.2f}' for t in r['floor_all'])} s; "
                   f"no-op {', '.join(f'{t:.2f}' for t in r['noop_all'])} s; "
                   f"one issue edited {', '.join(f'{t:.2f}' for t in r['one_issue_all'])} s")
    pathlib.Path(args.results).write_text("\n".join(out) + "\n", encoding="utf-8")
    print(f"wrote {args.results}")


if __name__ == "__main__":
    main()
