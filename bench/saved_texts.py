"""The same text resumes saved the ways people and scripts save a text, each ranked by the built CLI
against its set's jobs beside the UTF-8 .txt. Prints, per way, how many resumes scored more than a
point from their .txt and the largest moves. Needs `npx electron-vite build`; python-docx (Debian:
apt-get install python3-docx) for the Word rows, which are skipped without it.

Run: python3 bench/saved_texts.py [SETS_FOLDER=tests/fixtures/ranking] [set-a set-c ...]
"""

import glob
import json
import os
import subprocess
import sys
import tempfile

CLI = os.path.join(os.path.dirname(__file__), "..", "out", "main", "cli.js")


def windows_1252(text):
    return text.replace("\n", "\r\n").encode("cp1252", errors="replace")


# Each way: the bytes to write for a resume's UTF-8 text.
TEXT_WAYS = {
    "CRLF": lambda t: t.replace("\n", "\r\n").encode(),
    "CR (old Mac)": lambda t: t.replace("\n", "\r").encode(),
    "CR CR LF": lambda t: t.replace("\n", "\r\r\n").encode(),
    "U+2028 line separators": lambda t: t.replace("\n", "\u2028").encode(),
    "a blank line after every line": lambda t: t.replace("\n", "\n\n").encode(),
    "UTF-8 with BOM": lambda t: b"\xef\xbb\xbf" + t.encode(),
    "UTF-16 LE with BOM, CRLF": lambda t: b"\xff\xfe" + t.replace("\n", "\r\n").encode("utf-16-le"),
    "UTF-16 BE with BOM": lambda t: b"\xfe\xff" + t.encode("utf-16-be"),
    "Windows-1252, CRLF": windows_1252,
    "tabs for four spaces": lambda t: t.replace("    ", "\t").encode(),
    "every line indented ten spaces": lambda t: "\n".join(" " * 10 + l if l.strip() else l for l in t.split("\n")).encode(),
}


def word_ways():
    try:
        from docx import Document
    except ImportError:
        print("python-docx not found: the Word rows are skipped (apt-get install python3-docx)")
        return {}

    def saved(paragraphs):
        def write(text, path):
            document = Document()
            for paragraph in paragraphs(text.rstrip("\n")):
                document.add_paragraph(paragraph)
            document.save(path)

        return write

    return {
        "Word: a paragraph per line": saved(lambda t: t.split("\n")),
        "Word: the whole text in one paragraph": saved(lambda t: [t]),
        "Word: an empty paragraph after each line": saved(lambda t: [p for l in t.split("\n") for p in (l, "")]),
    }


def scores(folder, jobs):
    command = ["node", CLI, "screen", "--top", "100000", "--json", "--accept-non-resumes"]
    for job in jobs:
        command += ["--job", job]
    out = subprocess.run(command + [folder], capture_output=True, text=True, check=True).stdout
    result = {}
    for ranked in json.loads(out)["results"]:
        for row in ranked["ranked"]:
            stem = os.path.splitext(os.path.basename(row["file"]))[0]
            result[(stem, ranked["job"]["title"])] = row["score"]
    return result


def moved(base, other):
    most = {}
    for key, score in base.items():
        change = abs(score - other.get(key, float("-inf")))
        if change > 1:
            most[key[0]] = max(most.get(key[0], 0), change)
    return sorted(most.items(), key=lambda item: -item[1])


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "tests/fixtures/ranking"
    sets = sys.argv[2:] or sorted(name for name in os.listdir(root) if glob.glob(os.path.join(root, name, "jobs", "*.md")))
    words = word_ways()
    for name in sets:
        jobs = sorted(glob.glob(os.path.join(root, name, "jobs", "*.md")))
        resumes = sorted(glob.glob(os.path.join(root, name, "resumes", "*.txt")))
        base = scores(os.path.join(root, name, "resumes"), jobs)
        print(f"{name}: {len(resumes)} resumes, {len(jobs)} jobs")
        with tempfile.TemporaryDirectory(prefix="panelist-saved-") as temp:
            for way, save in list(TEXT_WAYS.items()) + list(words.items()):
                folder = os.path.join(temp, str(len(os.listdir(temp))))
                os.mkdir(folder)
                for path in resumes:
                    with open(path, encoding="utf-8") as handle:
                        text = handle.read()
                    stem = os.path.splitext(os.path.basename(path))[0]
                    if way in words:
                        save(text, os.path.join(folder, stem + ".docx"))
                    else:
                        with open(os.path.join(folder, stem + ".txt"), "wb") as handle:
                            handle.write(save(text))
                found = moved(base, scores(folder, jobs))
                shown = ", ".join(f"{stem} {change:.1f}" for stem, change in found[:5])
                print(f"  {way:45} {len(found):4} moved more than a point{': ' + shown if shown else ''}")


if __name__ == "__main__":
    main()
