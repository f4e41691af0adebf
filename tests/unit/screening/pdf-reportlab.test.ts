import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import { fixtureDocument } from '../../helpers/fixture-document'

// Resumes of the labeled sets saved as PDF by ReportLab 3.6 (bench/reportlab_pdf.py), as a Python
// script commonly makes them: c091 with each line cut at 95 characters by textwrap and drawn a line at
// a time; b050 with a Paragraph per line, its "→" drawn from the standard Symbol font, not embedded;
// blank-lines.txt (invented) the same way, each empty line a Spacer of 8 points; dingbats.txt (invented)
// the same way, its icons and dots drawn from the standard ZapfDingbats font and what neither font has
// ("⌂", "Ł") drawn as its "■"; list-under-full-line.txt (invented) the same way, a job's title that fills
// the frame above its list of "•" items, and a portal's run-together line that a wrap breaks before a "•";
// blank-line-14pt.txt (invented) the same way in 14-point Helvetica set 17 points apart, each empty line
// a Spacer of 8 points.
const dir = path.resolve('tests/fixtures/resumes/reportlab')
const read = async (name: string) => (await fixtureDocument(dir, name)).text
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)

// What the reader prints while this file reads.
const said: unknown[] = []
beforeAll(() => {
  for (const method of ['log', 'warn', 'error'] as const)
    vi.spyOn(console, method).mockImplementation((...args: unknown[]) => void said.push(...args))
})
afterAll(() => vi.restoreAllMocks())

describe('PDFs ReportLab drew', () => {
  // First: pdf.js warned of the missing font data only for the first such file a process read.
  it('reads "→" from the standard Symbol font without a warning', async () => {
    const text = await read('b050-paragraphs.pdf')
    expect(text).toContain('Group Accountant → Senior Group Accountant, Mar 2018 – Present')
    expect(said.map(String).filter((message) => /standardFontDataUrl|Warning/.test(message))).toEqual([])
  })

  it('reads an empty line drawn as a Spacer as an empty line: 20 points from line to line, twice the font size but more than the usual 12', async () => {
    const blocks = (text: string) =>
      text
        .trim()
        .split(/\n\s*\n/)
        .map((block) => lines(block))
    const text = fs.readFileSync(path.join(dir, 'blank-lines.txt'), 'utf8')
    expect(blocks(await read('blank-lines-paragraphs.pdf'))).toEqual(blocks(text))
    expect(blocks(text)).toHaveLength(4)
  })

  it('keeps a line that nearly fills the frame apart from the next after a blank line, though its first word would not fit: 25 points down where the lines are set 17 apart', async () => {
    // 25 points is under 1.8 font sizes, within the spacing of a wrap, and the blank line is too small
    // for an empty line; the document's own pitch tells it from one.
    const text = fs.readFileSync(path.join(dir, 'blank-line-14pt.txt'), 'utf8')
    expect(lines(await read('blank-line-14pt-paragraphs.pdf'))).toEqual(lines(text))
  })

  it('reads the symbols drawn from ZapfDingbats as those symbols, as pdftotext does, not as the letters of their codes', async () => {
    expect(lines(await read('dingbats-paragraphs.pdf'))).toEqual([
      'Ana Souza',
      'Data Analyst',
      '✉ ana.souza@example.org ☎ +55 11 91234 5678 ■ São Paulo',
      'SKILLS',
      'Python ●●●●■',
      'SQL ●●●●●',
      'EXPERIENCE',
      '■ Built dashboards in Power BI for 40 stores.',
      '■ Cleaned sales data with pandas and SQL for ■ód■ and Kraków.',
    ])
  })

  it('starts a drawn list under a line that filled the frame, and keeps a portal line broken before its "•" whole', async () => {
    const text = fs.readFileSync(path.join(dir, 'list-under-full-line.txt'), 'utf8')
    expect(lines(await read('list-under-full-line-paragraphs.pdf'))).toEqual(lines(text))
    expect(lines(text)).toHaveLength(7)
  })

  it('reads a text wrapped at 95 characters before it was drawn as the text, each paragraph whole', async () => {
    const text = fs.readFileSync(path.join(dir, 'c091.txt'), 'utf8')
    expect(lines(await read('c091-95-columns.pdf'))).toEqual(lines(text))
  })
})
