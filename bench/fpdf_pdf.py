"""Saves each .txt resume of a folder as a PDF the way a Python script commonly does with fpdf2
(not in Debian: pip install fpdf2). Used to make tests/fixtures/resumes/fpdf and to compare this
maker's PDFs with their text files:
python3 bench/fpdf_pdf.py SOURCE DEST MODE, where MODE is
  ttf   DejaVu Sans 10 pt, the whole text in one multi_cell, which fpdf2 wraps at the margin and
        justifies; tabs are expanded first, as DejaVu Sans has no glyph for a tab and fpdf2 would
        draw nothing there ("Testing\tManual" shows as "TestingManual");
  core  Helvetica 10 pt, one multi_cell, every character outside Latin-1 drawn as "?".
"""

import os
import sys

from fpdf import FPDF

DEJAVU = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"


def save(text, dest, mode):
    pdf = FPDF(format="A4")
    pdf.add_page()
    if mode == "ttf":
        pdf.add_font("DejaVu", "", DEJAVU)
        pdf.set_font("DejaVu", size=10)
        text = text.expandtabs(4)
    else:
        pdf.set_font("Helvetica", size=10)
        text = text.encode("latin-1", "replace").decode("latin-1")
    pdf.multi_cell(0, 5, text)
    pdf.output(dest)


def main():
    source, dest, mode = sys.argv[1:4]
    os.makedirs(dest, exist_ok=True)
    for name in sorted(os.listdir(source)):
        if name.endswith(".txt"):
            with open(os.path.join(source, name), encoding="utf-8", errors="replace") as file:
                save(file.read(), os.path.join(dest, name[:-4] + ".pdf"), mode)


if __name__ == "__main__":
    main()
