"""The floor the reader is measured against: PyMuPDF's text of each PDF and python-docx's text of
each DOCX, read in this one process (no start-up in the figures), CPU time per file.

Run by bench/extract.ts: python3 bench/floor.py FOLDER ROUNDS. Prints one JSON line:
{"pymupdf": ms per PDF or null, "python_docx": ms per DOCX or null, "versions": {...}}; a library
that is not installed gives null (Debian: apt-get install python3-fitz python3-docx).
"""

import io
import json
import os
import sys
import time


def pdf_text(fitz, data):
    document = fitz.open(stream=data, filetype="pdf")
    try:
        return "\n".join(page.get_text() for page in document)
    finally:
        document.close()


def docx_text(docx, data):
    document = docx.Document(io.BytesIO(data))
    parts = [paragraph.text for paragraph in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def cpu_ms_per_file(read, files, rounds):
    for data in files:
        read(data)
    started = time.process_time()
    for _ in range(rounds):
        for data in files:
            read(data)
    return (time.process_time() - started) * 1000 / (rounds * len(files))


def main():
    folder, rounds = sys.argv[1], int(sys.argv[2])
    files = {".pdf": [], ".docx": []}
    for name in sorted(os.listdir(folder)):
        extension = os.path.splitext(name)[1]
        if extension in files:
            with open(os.path.join(folder, name), "rb") as handle:
                files[extension].append(handle.read())
    result = {"pymupdf": None, "python_docx": None, "versions": {}}
    try:
        import fitz

        result["versions"]["pymupdf"] = fitz.VersionBind
        if files[".pdf"]:
            result["pymupdf"] = cpu_ms_per_file(lambda data: pdf_text(fitz, data), files[".pdf"], rounds)
    except ImportError:
        pass
    try:
        import docx

        result["versions"]["python_docx"] = getattr(docx, "__version__", "?")
        if files[".docx"]:
            result["python_docx"] = cpu_ms_per_file(lambda data: docx_text(docx, data), files[".docx"], rounds)
    except ImportError:
        pass
    print(json.dumps(result))


main()
