#!/usr/bin/python3
"""Jinja2's side of bench/template_bench: renders the same article page as gazette, in one
process, from the same templates and JSON context, with the template compiled once.

Usage: template_bench.py TEMPLATE_DIR RENDERS [OUTPUT_FILE]
Prints "jinja2 VERSION: N renders in S s" and writes the page to OUTPUT_FILE (to compare).
"""
import json
import sys
import time

import jinja2


def main():
    template_dir, renders = sys.argv[1], int(sys.argv[2])
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml"], default_for_string=False, default=False),
    )
    with open(f"{template_dir}/context.json", encoding="utf-8") as f:
        context = json.load(f)
    template = env.get_template("article.html")
    page = template.render(context)  # compile and warm up
    start = time.perf_counter()
    for _ in range(renders):
        page = template.render(context)
    seconds = time.perf_counter() - start
    if len(sys.argv) > 3:
        with open(sys.argv[3], "w", encoding="utf-8") as f:
            f.write(page)
    print(f"jinja2 {jinja2.__version__}: {renders} renders in {seconds:.3f} s")


if __name__ == "__main__":
    main()
