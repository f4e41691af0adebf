import path from 'node:path'
import { beforeAll, describe, expect, it } from 'vitest'
import { extractDocument } from '@core/screening/extract'
import { joinHandWrapped } from '@core/screening/hand-wrap'
import { readResume } from '@core/screening/read'
import { loadTaxonomyFile, type Taxonomy } from '@core/screening/taxonomy'
import { FIXTURE_NOW, textToDocx, textToPdf } from '../../fixtures/resumes'

let taxonomy: Taxonomy
beforeAll(async () => {
  taxonomy = await loadTaxonomyFile(path.resolve('resources/skills.json'))
})

const WRAPPED = [
  'Data scientist with six years in statistics and natural language',
  'processing for retail banks, from fraud models to chat triage; the last three as lead of-',
  'ficers and analysts in Lagos.',
  'Guild lead for analytics, and the',
  'mentor of six juniors',
  'Skills',
  'email: ada@example.com',
  'Python, SQL, spaCy and scikit-learn for the models; Airflow on the cloud of',
  'aws.amazon.com',
  // Two columns flattened to text: the right column's lines are no wrap of the left's.
  'Whitefield, Bengaluru                     and statutory compliance in banking and e-commerce',
  '                                          companies, with fraud models in production.',
  'Lagos, Nigeria\tand the risk models of two lenders in Accra and Nairobi, with',
  '\tdrift checks',
  // A list item wrapped under its text, after its marker; a symbol font's bullet drawn as a letter.
  '- Built the monthly risk reports (attendance of models, drift and variable pay) with',
  '  the finance team; full audit trail',
  'Built the churn model for the bank and its monthly retraining pipeline in Airflow',
  'n Maintained CI/CD for the model repositories',
  // Dates, a few spaces, and the text they date, wrapped under that text.
  '2021 – present   Meera Joshi Art Studio (own) — weekend classes in sketching, watercolour, Madhubani',
  '                 and Pichwai-inspired work for 35–40 students (ages 8 to 60)',
]

describe('a text wrapped by hand', () => {
  it('is joined where a sentence goes on in lower case from the same left edge, and nowhere else', () => {
    // A word broken after its hyphen joins without a space, as the PDF reader joins it.
    const first = WRAPPED.slice(0, 3).join(' ').replace('of- ficers', 'of-ficers')
    expect(joinHandWrapped(WRAPPED.join('\n')).split('\n')).toEqual([
      first,
      ...WRAPPED.slice(3, 13),
      `${WRAPPED[13]} ${WRAPPED[14]!.trim()}`,
      ...WRAPPED.slice(15, 17),
      `${WRAPPED[17]} ${WRAPPED[18]!.trim()}`,
    ])
  })

  it('ends a sentence at its full stop, whatever spaces follow it', () => {
    const text = 'Led the migration of the ledger to the new platform in 2023.      \nand much more since'
    expect(joinHandWrapped(text).split('\n')).toEqual(text.split('\n').map((line) => line.trimEnd()))
  })

  it('stands as it is when a paragraph starts in lower case, as a text typed on a phone does', () => {
    const typed = ['hi, data analyst here, 3 yrs at a bank', '', ...WRAPPED.slice(0, 3)].join('\n')
    expect(joinHandWrapped(typed)).toBe(typed)
  })

  it('reads as a .txt and as a Word file with a paragraph per line as its PDF does: one sentence, its skills found', async () => {
    const text = WRAPPED.slice(0, 9).join('\n')
    const read = async (bytes: Uint8Array, name: string) => {
      const outcome = await extractDocument(bytes, name)
      if (!outcome.ok) throw new Error(outcome.refusal.message)
      const skills = readResume(outcome.document, taxonomy, { now: FIXTURE_NOW }).skills.map((skill) => skill.skillId)
      return { lines: outcome.document.text.split('\n').filter(Boolean), skills }
    }
    const plain = await read(Buffer.from(text), 'cv.txt')
    expect(plain.lines[0]).toBe(WRAPPED.slice(0, 3).join(' ').replace('of- ficers', 'of-ficers'))
    expect(plain.skills).toContain('natural-language-processing')
    expect(await read(await textToDocx(text), 'cv.docx')).toEqual(plain)
    expect((await read(await textToPdf(text), 'cv.pdf')).skills.sort()).toEqual([...plain.skills].sort())
  })
})
