import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { fixtureDocument } from '../../helpers/fixture-document'

// Lines of the labeled sets (K's k107, F's f138, G's g077, its mojibake "â¢" kept) saved as PDF by fpdf2 2.8
// (bench/fpdf_pdf.py ttf): DejaVu Sans 10 pt, the whole text in one multi_cell, which fpdf2 justifies,
// so every wrapped line reaches the margin with its word spaces widened.
const dir = path.resolve('tests/fixtures/resumes/fpdf')
const lines = (text: string) =>
  text
    .split('\n')
    .map((line) => line.replace(/\s+/g, ' ').trim())
    .filter(Boolean)

describe('a PDF fpdf2 made from a text file', () => {
  it('reads every paragraph whole, as the text file has it', async () => {
    // Through the text reader, which repairs the mojibake as the PDF reader does.
    const text = (await fixtureDocument(dir, 'justified.txt')).text
    // Rows of a date column typed with spaces ("2011–         Talleres …") that wrap, one after a
    // semicolon; "… March 2021 to" / "Present. Client: …", which is no label; a portal page run into
    // one line after "Technical Skills Testing: …", whose sentences end at a line's end before labels.
    expect(lines((await fixtureDocument(dir, 'justified.pdf')).text)).toEqual(lines(text))
    expect(lines(text)).toHaveLength(8)
  })
})
