import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { extractDocument } from '@core/screening/extract'
import { launchChromium } from '../../helpers/browser'

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

describe('a resume printed to PDF by Chromium', () => {
  it('reads every line the page shows, takes none of it for hidden, and not what its box cuts off', async () => {
    const page = await browser.newPage()
    await page.setContent(RESUME)
    const pdf = await page.pdf({ format: 'A4' })
    await page.close()
    const outcome = await extractDocument(pdf, 'priya.pdf')
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
})
