import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { DEFAULT_EXTRACT_LIMITS, extractDocument } from '@core/screening/extract'
import { buildResume, fixturePeople, renderDocx } from '../../fixtures/resumes'
import { fixtureDocument } from '../../helpers/fixture-document'
import { assembleLines } from '@core/screening/extract/pdf/lines'
import { readResume } from '@core/screening/read'
import { loadTaxonomyFile } from '@core/screening/taxonomy'
import type { TextPiece } from '@core/screening/extract/pdf/page-walker'

// A text file of lines from the labeled sets, saved as PDF by LibreOffice 7.4 (`soffice --headless
// --convert-to pdf wrap.txt`): a fixed-width font filled to the last column, a subset font that gives
// character code 32 to a letter, "•" and "-" inside long lines, a word broken after its hyphen, a
// title and its dates spaced apart, "Role: .Net" kept together, and "✓", "★", "₹" drawn after their
// line from a fallback font.
const dir = path.resolve('tests/fixtures/resumes/libreoffice')
const SYMBOLS = /\s*([₹✓★])\s*/g
// Where a symbol from another font stood, the PDF shows no space either side: it reads with one each side.
const lines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => line.replace(SYMBOLS, ' $1 ').replace(/ +/g, ' ').trim())

const documentOf = (file: string) => fixtureDocument(dir, file)

describe('a PDF LibreOffice made from a text file', () => {
  it('reads every line as the text file has it, each paragraph unwrapped', async () => {
    const pdf = await documentOf('wrap.pdf')
    expect(lines(pdf.text)).toEqual(lines(fs.readFileSync(path.join(dir, 'wrap.txt'), 'utf8')))
  })

  it('reads a portal\'s page run into one line as that line, a space kept where it broke after "Hadoop- "', async () => {
    // portal-hyphens.txt (E's e005's portal line) saved the same way: LibreOffice breaks it after
    // "Hadoop-" and draws the space after it.
    const pdf = await documentOf('portal-hyphens.pdf')
    expect(pdf.text).toContain('Hadoop- Exprience - 12 months')
    expect(lines(pdf.text)).toEqual(lines(fs.readFileSync(path.join(dir, 'portal-hyphens.txt'), 'utf8')))
  })

  it('reads a bullet whose mangled halves it wrapped apart ("… Framework â" / "¢ Celery") as the text file does', async () => {
    // portal-bullets.txt (E's e013's portal line, its bullets "â¢": UTF-8 "•" that lost a byte) saved
    // the same way: LibreOffice may break a line before "¢".
    const pdf = await documentOf('portal-bullets.pdf')
    expect(pdf.text).toContain('Django Rest Framework • Celery')
    expect(lines(pdf.text)).toEqual(lines((await documentOf('portal-bullets.txt')).text))
  })

  it('reads a portal line whose first label, run on from its heading, filled a line as one line, as the text file does', async () => {
    // portal-labels.txt (E's e056's skills, one line) saved the same way: "Technical Skills Languages :
    // C#, …, TypeScript" fills the 80 columns and "Technologies : …" starts the next.
    const pdf = await documentOf('portal-labels.pdf')
    expect(lines(pdf.text)).toEqual(lines(fs.readFileSync(path.join(dir, 'portal-labels.txt'), 'utf8')))
    expect(lines(pdf.text)).toHaveLength(1)
  })

  it("joins lines whose spaces line up a label's colon when they wrap, and keeps a title spaced apart from its dates whole", async () => {
    // aligned-labels.txt saved the same way: "Languages            : Java …" and "Current Location :
    // Bangalore      Preferred Location : …" past the 80th column; "Senior Software Engineer, …" spaced
    // out to its dates at the 79th, over a line whose first word would not have fitted after it.
    const pdf = await documentOf('aligned-labels.pdf')
    expect(lines(pdf.text)).toEqual(lines(fs.readFileSync(path.join(dir, 'aligned-labels.txt'), 'utf8')))
    expect(lines(pdf.text)).toHaveLength(8)
  })

  it('joins a list item that a wrap left ending in a semicolon to its next line, as a wrapped item', async () => {
    // semicolon-item.txt saved the same way: "• Design … in CATIA V5 and NX;" at the 79th column, then
    // "GD&T drawings …", which a lone line of code or data ending so would not run into.
    const pdf = await documentOf('semicolon-item.pdf')
    expect(lines(pdf.text)).toEqual(lines(fs.readFileSync(path.join(dir, 'semicolon-item.txt'), 'utf8')))
    expect(lines(pdf.text)).toHaveLength(4)
  })

  it('reads a title whose dates it broke at their dash, and the bullets under a line that fills the width, as the text file does', async () => {
    // ranges-bullets.txt saved the same way: "Head of Enterprise PMO      2019 –" / "present" past the
    // 80th column, and "… | 2021 – today" filling it exactly, with "›" items under it.
    const jobsOf = async (file: string) => {
      const parsed = readResume(await documentOf(file), await loadTaxonomyFile(path.resolve('resources/skills.json')), {
        now: new Date('2026-12-01'),
      })
      return parsed.employment.map((job) => [job.title, job.start, job.end])
    }
    const plain = await jobsOf('ranges-bullets.txt')
    expect(plain.map(([title]) => title)).toEqual([
      'Head of Enterprise PMO',
      'Senior Program Manager',
      'Enterprise Account Executive',
      'Mid-Market Account Executive',
    ])
    expect(await jobsOf('ranges-bullets.pdf')).toEqual(plain)
  })

  it('reads dates it wrapped at any word, symbols it drew after their line, indented paragraphs and a header filled to its dates as the text file does', async () => {
    // wrapped-dates.txt saved the same way: "…      2009" / "– 2012", "Since Aug" / "2021" and
    // "… to 30th" / "Dec 2018" past the 80th column; "✉", "☎", "⌂" drawn after their lines from a
    // fallback font; paragraphs whose first line is indented by a space; and "… Sep 2012 - Dec 2016"
    // filling 79 columns above a paragraph whose first word would not have fitted after it, and again
    // in brackets above a "Project:" line; a list item that ends a sentence above "Project 2:".
    const text = fs.readFileSync(path.join(dir, 'wrapped-dates.txt'), 'utf8')
    const pdf = await documentOf('wrapped-dates.pdf')
    expect(lines(pdf.text)).toEqual(lines(text))
    const taxonomy = await loadTaxonomyFile(path.resolve('resources/skills.json'))
    const jobsOf = (document: { text: string }) =>
      readResume({ ...pdf, text: document.text }, taxonomy, { now: new Date('2026-12-01') }).employment.map((job) => [
        job.start,
        job.end,
      ])
    expect(jobsOf(pdf)).toEqual(jobsOf({ text }))
    expect(jobsOf(pdf)).toEqual([
      ['2009-01', '2012-01'],
      ['2021-08', null],
      ['2017-01', '2018-12'],
      ['2012-09', '2016-12'],
      ['2010-06', '2012-08'],
    ])
  })

  it('reads a Word file it exported as the Word file reads, each bullet wrapped to its text joined back', async () => {
    // Made with `soffice --headless --convert-to pdf` from renderDocx of these two fixture people: their
    // bullets hang, so a bullet's wrapped line starts where its text does, not where the bullet is.
    for (const id of ['p07-sofia-rossi', 'p23-yuki-tanaka']) {
      const person = fixturePeople(60).find((candidate) => candidate.id === id)!
      const read = async (bytes: Uint8Array, name: string) => {
        const outcome = await extractDocument(bytes, name, DEFAULT_EXTRACT_LIMITS)
        if (!outcome.ok) throw new Error(outcome.refusal.message)
        // The Word file's bullets are numbering, not text; the PDF draws them.
        return lines(outcome.document.text).map((line) => line.replace(/^●\s*/, ''))
      }
      const pdf = await read(new Uint8Array(fs.readFileSync(path.join(dir, `${id}.pdf`))), `${id}.pdf`)
      expect(pdf, id).toEqual(await read(await renderDocx(buildResume(person)), `${id}.docx`))
    }
  })
})

const piece = (text: string, x: number, endX: number): TextPiece => ({
  text,
  x,
  y: 700,
  endX,
  endY: 700,
  size: 10,
  wordEnds: [endX],
  font: null,
  box: [x, 698, endX, 708],
  order: 0,
  colour: null,
  alpha: 1,
  renderMode: 0,
  inHiddenLayer: false,
  clip: null,
})

describe('glyphs drawn after their line', () => {
  it('lead the line when drawn just before its start, and stand alone when drawn further off', () => {
    const line = piece('name@example.org', 20, 180)
    expect(assembleLines([line, piece('✉', 5, 15)]).map((l) => l.text)).toEqual(['✉ name@example.org'])
    expect(assembleLines([line, piece('✉', -100, -90)]).map((l) => l.text)).toEqual(['name@example.org', '✉'])
  })

  it('are read where they stand, up to a bound per line; past it each starts a line, as any backward jump does', () => {
    const line = piece('a'.repeat(100), 0, 1000)
    const late = Array.from({ length: 40 }, (_, index) => piece('✓', 900 - index * 20, 905 - index * 20))
    const assembled = assembleLines([line, ...late])
    // The first 32 go inside the line's text; the other 8 each stand alone.
    expect(assembled[0]!.text.match(/✓/g)).toHaveLength(32)
    expect(assembled.slice(1).map((l) => l.text)).toEqual(Array(8).fill('✓'))
    expect(assembled[0]!.pieces).toEqual([line])
    expect(assembled[0]!.late).toHaveLength(32)
  })
})
