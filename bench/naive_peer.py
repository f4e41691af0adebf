"""The naive peer `panelist screen` is measured against (bench/screening.ts): poppler's pdftotext
for each PDF (a process per file), python-docx for each DOCX, two worker processes, then a plain
Okapi BM25 of every text against the whole job description. No hidden-text checks, no caps.

Run: python3 bench/naive_peer.py FOLDER JOB_FILE. Prints the top 20 as JSON [[file, score], ...].
"""

import json
import math
import os
import re
import subprocess
import sys
from collections import Counter
from multiprocessing import Pool

WORD = re.compile(r"[a-z0-9+#]+")


def read(path):
    if path.endswith(".pdf"):
        result = subprocess.run(["pdftotext", path, "-"], capture_output=True, check=True)
        return result.stdout.decode("utf-8", "replace")
    if path.endswith(".docx"):
        import docx

        document = docx.Document(path)
        parts = [paragraph.text for paragraph in document.paragraphs]
        for table in document.tables:
            for row in table.rows:
                parts.extend(cell.text for cell in row.cells)
        return "\n".join(parts)
    with open(path, encoding="utf-8", errors="replace") as handle:
        return handle.read()


def bm25(texts, query, k1=1.2, b=0.75):
    documents = [Counter(WORD.findall(text.lower())) for text in texts]
    lengths = [sum(counts.values()) for counts in documents]
    average = sum(lengths) / max(1, len(lengths))
    frequency = Counter(term for counts in documents for term in counts)
    terms = set(WORD.findall(query.lower()))
    scores = []
    for counts, length in zip(documents, lengths):
        score = 0.0
        for term in terms:
            tf = counts.get(term, 0)
            if tf == 0:
                continue
            idf = math.log(1 + (len(documents) - frequency[term] + 0.5) / (frequency[term] + 0.5))
            score += idf * tf * (k1 + 1) / (tf + k1 * (1 - b + b * length / average))
        scores.append(score)
    return scores


def main():
    folder, job_file = sys.argv[1], sys.argv[2]
    files = [os.path.join(folder, name) for name in sorted(os.listdir(folder))]
    with Pool(2) as pool:
        texts = pool.map(read, files, chunksize=8)
    with open(job_file, encoding="utf-8") as handle:
        scores = bm25(texts, handle.read())
    top = sorted(range(len(files)), key=lambda i: -scores[i])[:20]
    print(json.dumps([[os.path.basename(files[i]), scores[i]] for i in top]))


if __name__ == "__main__":
    main()
