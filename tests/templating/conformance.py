#!/usr/bin/python3
"""The differential conformance suite: gazette's template engine against Jinja2 itself.

Every case (a few templates and a JSON context, written in tests/templating/conformance/*.cases)
is rendered by Debian's Jinja2 (python3-jinja2, run with /usr/bin/python3) and by
`gazette render`; the outputs must be the same bytes. A case where Jinja2 fails must fail in
gazette too, and when Jinja2 names the template file and line of the error, gazette must name
the same file and line. Prints how many cases pass; exits 1 on any difference.

Case file format:

    === name of the case
    context: {"json": "object on one line"}      (optional, default {})
    options: trim_blocks lstrip_blocks keep_trailing_newline strict   (optional)
    render: page.html                             (optional, default: the first file)
    expect: error                                 (Jinja2 must fail, and gazette too; without
                                                  it, Jinja2 must render the case)
    location: any                                 (optional: do not compare error lines)
    --- page.html
    template text (the newline before the next --- or === line is not part of it; blank lines
    before it are)
    --- other.txt
    …

Usage: conformance.py --gazette build/gazette [--cases DIR] [-k SUBSTRING] [-v]
"""

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import traceback

import jinja2

OPTION_NAMES = {"trim_blocks", "lstrip_blocks", "keep_trailing_newline", "strict"}


class Case:
    def __init__(self, name, source, line):
        self.name = name
        self.source = source
        self.line = line
        self.context = {}
        self.context_text = "{}"
        self.options = set()
        self.render = None
        self.expect_error = False
        self.any_location = False
        self.files = []  # [(name, text)]


def parse_cases(path):
    cases = []
    case = None
    current_file = None
    lines = open(path, encoding="utf-8").read().split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the file's final newline ends the last line, it is not a blank line
    buffer = []

    def flush_file():
        nonlocal current_file, buffer
        if current_file is not None:
            case.files.append((current_file, "\n".join(buffer)))
        current_file = None
        buffer = []

    for number, line in enumerate(lines, 1):
        if line.startswith("=== "):
            if case is not None:
                flush_file()
                cases.append(case)
            case = Case(line[4:].strip(), os.path.basename(path), number)
            continue
        if case is None:
            continue
        if line.startswith("--- "):
            flush_file()
            current_file = line[4:].strip()
            continue
        if current_file is not None:
            buffer.append(line)
            continue
        if not line.strip() or line.startswith("#"):
            continue
        key, _, value = line.partition(":")
        value = value.strip()
        if key == "context":
            case.context_text = value
            case.context = json.loads(value, object_pairs_hook=dict)
        elif key == "options":
            case.options = set(value.split())
            unknown = case.options - OPTION_NAMES
            if unknown:
                raise SystemExit(f"{path}:{number}: unknown options {sorted(unknown)}")
        elif key == "render":
            case.render = value
        elif key == "expect":
            case.expect_error = value == "error"
        elif key == "location":
            case.any_location = value == "any"
        else:
            raise SystemExit(f"{path}:{number}: unknown directive {key!r}")
    if case is not None:
        flush_file()
        cases.append(case)
    for c in cases:
        if not c.files:
            raise SystemExit(f"{path}:{c.line}: case {c.name!r} has no template")
        if c.render is None:
            c.render = c.files[0][0]
    return cases


def jinja_render(case, template_dir):
    """(output, None) or (None, (message, file, line))."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(template_dir),
        autoescape=jinja2.select_autoescape(["html", "htm", "xml"], default_for_string=False, default=False),
        trim_blocks="trim_blocks" in case.options,
        lstrip_blocks="lstrip_blocks" in case.options,
        keep_trailing_newline="keep_trailing_newline" in case.options,
        undefined=jinja2.StrictUndefined if "strict" in case.options else jinja2.Undefined,
    )
    try:
        return env.get_template(case.render).render(case.context), None
    except jinja2.TemplateSyntaxError as e:
        name = e.name
        if name and os.path.isabs(name):  # lexer failures name the file by its path
            name = os.path.relpath(name, template_dir)
        return None, (str(e.message), name, e.lineno)
    except RecursionError as e:
        return None, ("recursion: " + str(e), None, None)
    except Exception as e:  # noqa: BLE001 — any failure of the template is a failure
        where = (None, None)
        for frame in traceback.extract_tb(e.__traceback__):
            if frame.filename.startswith(template_dir + os.sep):
                where = (os.path.relpath(frame.filename, template_dir), frame.lineno)
        return None, (f"{type(e).__name__}: {e}", where[0], where[1])


ERROR_LINE = re.compile(r"^(?P<path>.*?):(?P<line>\d+):(?P<col>\d+): error: (?P<msg>.*)$")


def gazette_render(gazette, case, template_dir, context_file):
    command = [gazette, "render", case.render, "--templates", template_dir, "--context", context_file]
    for option in sorted(case.options):
        command.append("--" + option.replace("_", "-"))
    proc = subprocess.run(command, capture_output=True, timeout=60)
    if proc.returncode == 0:
        return proc.stdout, None
    text = proc.stderr.decode("utf-8", "replace")
    first = text.split("\n", 1)[0]
    m = ERROR_LINE.match(first)
    if proc.returncode != 1:
        return None, (f"exit status {proc.returncode}: {text}", "CRASH", None)
    if not m:
        return None, (text, None, None)
    path = m.group("path")
    name = os.path.relpath(path, template_dir) if path.startswith(template_dir) else path
    return None, (m.group("msg"), name, int(m.group("line")))


def run_case(gazette, case, workdir):
    template_dir = os.path.join(workdir, "templates")
    os.makedirs(template_dir)
    for name, text in case.files:
        path = os.path.join(template_dir, name)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
    context_file = os.path.join(workdir, "context.json")
    with open(context_file, "w", encoding="utf-8") as f:
        f.write(case.context_text)
    expected, jinja_error = jinja_render(case, template_dir)
    actual, gazette_error = gazette_render(gazette, case, template_dir, context_file)
    if gazette_error and gazette_error[1] == "CRASH":
        return f"gazette crashed: {gazette_error[0]}"
    if case.expect_error and not jinja_error:
        return f"the case expects an error but Jinja2 rendered {expected!r}"
    if jinja_error and not case.expect_error:
        return f"Jinja2 failed on a case not marked `expect: error`: {jinja_error[0]}"
    if jinja_error:
        if not gazette_error:
            return f"Jinja2 failed ({jinja_error[0]}) but gazette rendered {actual.decode('utf-8', 'replace')!r}"
        if case.any_location or jinja_error[2] is None:
            return None
        if (jinja_error[1], jinja_error[2]) != (gazette_error[1], gazette_error[2]):
            return (f"both failed, at different places: Jinja2 {jinja_error[1]}:{jinja_error[2]} "
                    f"({jinja_error[0]}), gazette {gazette_error[1]}:{gazette_error[2]} ({gazette_error[0]})")
        return None
    if gazette_error:
        return f"gazette failed ({gazette_error[1]}:{gazette_error[2]}: {gazette_error[0]}) but Jinja2 rendered {expected!r}"
    if actual != expected.encode("utf-8"):
        return f"different output:\n  Jinja2:  {expected!r}\n  gazette: {actual.decode('utf-8', 'replace')!r}"
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--gazette", required=True)
    parser.add_argument("--cases", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "conformance"))
    parser.add_argument("-k", dest="pattern", default="")
    parser.add_argument("-v", dest="verbose", action="store_true")
    args = parser.parse_args()
    cases = []
    for name in sorted(os.listdir(args.cases)):
        if name.endswith(".cases"):
            cases.extend(parse_cases(os.path.join(args.cases, name)))
    names = set()
    for case in cases:
        key = (case.source, case.name)
        if key in names:
            raise SystemExit(f"{case.source}:{case.line}: duplicate case name {case.name!r}")
        names.add(key)
    selected = [c for c in cases if args.pattern in f"{c.source}:{c.name}"]
    failures = []
    with tempfile.TemporaryDirectory(prefix="gazette-conformance-") as root:
        for i, case in enumerate(selected):
            workdir = os.path.join(root, str(i))
            problem = run_case(args.gazette, case, workdir)
            if problem:
                failures.append((case, problem))
                print(f"FAIL {case.source}:{case.line}: {case.name}\n  {problem}", flush=True)
            elif args.verbose:
                print(f"ok   {case.source}:{case.line}: {case.name}")
    passed = len(selected) - len(failures)
    print(f"conformance: {passed}/{len(selected)} cases render the same in gazette and Jinja2 "
          f"{jinja2.__version__}")
    return 1 if failures or not selected else 0


if __name__ == "__main__":
    sys.exit(main())
