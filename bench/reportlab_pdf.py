"""Saves each .txt resume of a folder as a PDF the way a Python script commonly does, with ReportLab
(Debian: apt-get install python3-reportlab). Run by bench/ranking.ts --reportlab:
python3 bench/reportlab_pdf.py SOURCE DEST MODE, where MODE is
  paragraphs  a Paragraph per line of the text (ReportLab wraps it at the frame, Helvetica 10 pt),
              an empty line as a gap;
  lines       each line cut by Python's textwrap at 95 characters and drawn with drawString, a line
              a time (the text is wrapped by count, not by its drawn width).
"""

import os
import sys
import textwrap
from xml.sax.saxutils import escape

from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import getSampleStyleSheet
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer


def as_paragraphs(text, dest):
    style = getSampleStyleSheet()["Normal"]
    story = [Paragraph(escape(line), style) if line.strip() else Spacer(1, 8) for line in text.split("\n")]
    SimpleDocTemplate(dest, pagesize=A4).build(story)


def as_lines(text, dest):
    page = canvas.Canvas(dest, pagesize=A4)
    page.setFont("Helvetica", 10)
    y = 800
    for line in text.split("\n"):
        for part in textwrap.wrap(line, 95) or [""]:
            if y < 50:
                page.showPage()
                page.setFont("Helvetica", 10)
                y = 800
            page.drawString(40, y, part)
            y -= 13
    page.save()


def main():
    source, dest, mode = sys.argv[1], sys.argv[2], sys.argv[3]
    save = {"paragraphs": as_paragraphs, "lines": as_lines}[mode]
    for name in sorted(os.listdir(source)):
        if name.endswith(".txt"):
            with open(os.path.join(source, name), encoding="utf-8") as handle:
                save(handle.read(), os.path.join(dest, name[:-4] + ".pdf"))


if __name__ == "__main__":
    main()
