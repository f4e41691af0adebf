import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractDocument } from '@core/screening/extract'
import { loadTaxonomyFile } from '@core/screening/taxonomy'
import { launchChromium } from '../../helpers/browser'
import { withPdfDocument } from '../../helpers/pdfjs-document'
import { readingFeatures } from '../../helpers/reading-features'

/**
 * A designed resume as a real producer writes it: Chromium's print to PDF, whose pages are full of
 * clipping paths (a round photo, boxes that hide what overflows them, table cells) and carry a
 * photo and white text on a dark sidebar. What the page shows must be read, and nothing else.
 */
const PHOTO = fs.readFileSync(path.resolve(__dirname, '../../fixtures/resumes/photo.jpg')).toString('base64')
const RESUME = `<!doctype html><html><head><style>
body { font-family: sans-serif; margin: 40px; font-size: 12px }
.head { display: flex; gap: 16px; align-items: center }
.photo { width: 80px; height: 80px; border-radius: 50%; overflow: hidden }
.photo img { width: 80px }
.cols { display: grid; grid-template-columns: 1fr 2fr; gap: 20px }
.side { background: #1d2b4a; color: white; padding: 10px }
.cell { overflow: hidden; white-space: nowrap; width: 420px }
.box { height: 14px; overflow: hidden }
td { overflow: hidden; max-width: 150px; border: 1px solid #ccc }
</style></head><body>
<div class="head"><div class="photo"><img src="data:image/jpeg;base64,${PHOTO}"></div>
<div><h1>Priya Sharma</h1><div>Senior Data Engineer</div></div></div>
<div class="cols"><div class="side"><h3>Skills</h3><p>Python, Spark, Kafka, Airflow</p><p>AWS Glue, Redshift</p></div>
<div><h3>Experience</h3><p>Data Engineer, Flipkart, Jan 2019 - Present</p>
<div class="cell">Built streaming pipelines in Kafka and Spark for real-time pricing</div>
<table><tr><td>Databricks</td><td>Snowflake</td></tr></table>
<div class="box">The first line of a box one line high<br>Kubernetes Terraform Rust Haskell expert</div>
</div></div></body></html>`

let browser: Browser
beforeAll(async () => {
  browser = await launchChromium()
})
afterAll(async () => {
  await browser?.close()
})

async function printed(html: string): Promise<Uint8Array> {
  const page = await browser.newPage()
  await page.setContent(html)
  const pdf = await page.pdf({ format: 'A4' })
  await page.close()
  return pdf
}

interface ShownGlyph {
  unicode?: string
  width?: number
  isSpace?: boolean
  isInFont?: boolean
}

/**
 * What the reader takes from a PDF's text (each glyph's text, width and space, each font's matrix),
 * read with or without pdf.js converting the embedded fonts for drawing; and how many glyphs the
 * converted font was found to hold, which only a conversion tells.
 */
async function textAsRead(bytes: Uint8Array, convertFonts: boolean) {
  return withPdfDocument(bytes, { convertFonts }, async (pdf, pdfjs) => {
    const glyphs: Omit<ShownGlyph, 'isInFont'>[] = []
    const matrices: unknown[] = []
    let inFont = 0
    for (let number = 1; number <= pdf.numPages; number++) {
      const page = await pdf.getPage(number)
      const list = await page.getOperatorList({ annotationMode: pdfjs.AnnotationMode.DISABLE })
      list.fnArray.forEach((fn, index) => {
        const args = list.argsArray[index] as unknown[]
        if (fn === pdfjs.OPS.setFont)
          matrices.push(Array.from((page.commonObjs.get(args[0] as string) as { fontMatrix: number[] }).fontMatrix))
        if (fn !== pdfjs.OPS.showText) return
        for (const glyph of args[0] as (ShownGlyph | number)[]) {
          if (typeof glyph === 'number') continue
          glyphs.push({ unicode: glyph.unicode, width: glyph.width, isSpace: glyph.isSpace })
          if (glyph.isInFont) inFont++
        }
      })
    }
    return { glyphs, matrices, inFont }
  })
}

describe('a resume printed to PDF by Chromium', () => {
  it('reads the same text from its embedded fonts without converting them for drawing (the pdf.js patch is applied)', async () => {
    for (const family of ['serif', 'sans-serif', 'DejaVu Sans Condensed', 'monospace']) {
      const bytes = await printed(RESUME.replace('font-family: sans-serif', `font-family: ${family}`))
      const converted = await textAsRead(bytes, true)
      const asRead = await textAsRead(bytes, false)
      expect(converted.glyphs.length, family).toBeGreaterThan(200)
      expect(converted.inFont, family).toBeGreaterThan(200)
      expect(asRead.inFont, family).toBe(0)
      expect(asRead.glyphs, family).toEqual(converted.glyphs)
      expect(asRead.matrices, family).toEqual(converted.matrices)
    }
  })

  it('reads every line the page shows, takes none of it for hidden, and not what its box cuts off', async () => {
    const outcome = await extractDocument(await printed(RESUME), 'priya.pdf')
    if (!outcome.ok) throw new Error(outcome.refusal.message)
    const { text, flags } = outcome.document
    for (const line of [
      'Priya Sharma',
      'Senior Data Engineer',
      'Python, Spark, Kafka, Airflow',
      'AWS Glue, Redshift',
      'Data Engineer, Flipkart, Jan 2019 - Present',
      'Built streaming pipelines in Kafka and Spark for real-time pricing',
      'Databricks',
      'The first line of a box one line high',
    ])
      expect(text).toContain(line)
    expect(flags.filter((flag) => flag.kind === 'hidden_text')).toEqual([])
    expect(text).not.toContain('Kubernetes')
  })

  it('keeps each space that kerning draws narrower than a space (Chromium draws every space on its own)', async () => {
    const lines = ['QA Analyst', 'BFA Applied Arts', 'Senior QA Automation Engineer', 'AWS Architect, LATAM Operations']
    for (const family of ['serif', 'sans-serif', 'DejaVu Sans Condensed', 'Liberation Sans Narrow']) {
      const body = lines.map((line) => `<p>${line}</p>`).join('')
      const html = `<!doctype html><body style="font-family: ${family}; font-size: 11px">${body}</body>`
      const outcome = await extractDocument(await printed(html), 'kerned.pdf')
      if (!outcome.ok) throw new Error(outcome.refusal.message)
      expect(outcome.document.text.split('\n').filter(Boolean), family).toEqual(lines)
    }
  })
  it('reads a text printed with a paragraph per line, space after each, as the text: its blank lines say nothing', async () => {
    // Set C's resumes that moved most when every line's gap read as a blank line (up to 9 points).
    const taxonomy = await loadTaxonomyFile(path.resolve('resources/skills.json'))
    const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;')
    for (const file of ['c111', 'c018', 'c116', 'c017', 'c010']) {
      const text = fs.readFileSync(path.resolve('tests/fixtures/ranking/set-c/resumes', `${file}.txt`), 'utf8')
      const body = text
        .split('\n')
        .filter((line) => line.trim())
        .map((line) => `<p>${escape(line)}</p>`)
        .join('')
      const pdf = await extractDocument(
        await printed(`<!doctype html><meta charset="utf-8"><body style="font: 16px serif">${body}</body>`),
        `${file}.pdf`,
      )
      const txt = await extractDocument(Buffer.from(text), `${file}.txt`)
      if (!pdf.ok || !txt.ok) throw new Error(`${file} not read`)
      expect(pdf.document.text, file).not.toMatch(/\n\n/)
      expect(readingFeatures(pdf.document, taxonomy), file).toEqual(readingFeatures(txt.document, taxonomy))
    }
  })
})
