import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { TaxonomyError } from '@core/screening/taxonomy'
import { loadTaxonomyFileRemembered, validatedMarker } from '@core/screening/taxonomy/remembered'
import { tempDir } from '../../helpers/temp-studio'

const SHIPPED = fs.readFileSync(path.resolve('resources/skills.json'), 'utf8')

/** The shipped taxonomy with one skill in a category it does not declare: the schema refuses it. */
const INVALID = SHIPPED.replace('"category":"programming-languages"', '"category":"no-such-category"')

function taxonomyFile(text: string): string {
  const file = path.join(tempDir('panelist-taxonomy-file-'), 'skills.json')
  fs.writeFileSync(file, text)
  return file
}

const markers = (dir: string) => fs.readdirSync(dir).filter((name) => name.endsWith('.valid'))

// Windows folders report no owner-only permissions to Node, so no folder is private there and
// nothing is remembered (privateCacheDir): every run validates, as the case below this block checks.
describe.skipIf(process.platform === 'win32')(
  'a taxonomy validated once per file and schema (the command line)',
  () => {
    it('validates the first time and leaves a marker; the same bytes are then taken as validated', async () => {
      const dir = tempDir('panelist-taxonomy-cache-')
      const file = taxonomyFile(SHIPPED)
      const first = await loadTaxonomyFileRemembered(file, dir)
      expect(markers(dir)).toEqual([validatedMarker(SHIPPED)])
      const again = await loadTaxonomyFileRemembered(file, dir)
      expect(again.data).toEqual(first.data)
      expect(again.findSkills('Python and k8s').map((match) => match.name)).toEqual(['Python', 'Kubernetes'])
    })

    it('validates a file whose bytes have no marker, and refuses it if invalid; an invalid file leaves none', async () => {
      const dir = tempDir('panelist-taxonomy-cache-')
      await loadTaxonomyFileRemembered(taxonomyFile(SHIPPED), dir)
      const invalid = taxonomyFile(INVALID)
      await expect(loadTaxonomyFileRemembered(invalid, dir)).rejects.toThrow(TaxonomyError)
      expect(markers(dir)).toEqual([validatedMarker(SHIPPED)])
      // The marker is what skips the check: the same invalid bytes pass only if one is planted for them.
      fs.writeFileSync(path.join(dir, validatedMarker(INVALID)), '')
      await expect(loadTaxonomyFileRemembered(invalid, dir)).resolves.toBeDefined()
    })

    it('keeps the marker of the last file only', async () => {
      const dir = tempDir('panelist-taxonomy-cache-')
      const changed = SHIPPED.replace('"name":"JavaScript"', '"name":"JavaScript (ECMAScript)"')
      await loadTaxonomyFileRemembered(taxonomyFile(SHIPPED), dir)
      await loadTaxonomyFileRemembered(taxonomyFile(changed), dir)
      expect(markers(dir)).toEqual([validatedMarker(changed)])
    })

    it('remembers nothing where validating changes the data, or in a folder others may write to', async () => {
      const dir = tempDir('panelist-taxonomy-cache-')
      const untrimmed = SHIPPED.replace('"name":"JavaScript"', '"name":"  JavaScript  "')
      const taxonomy = await loadTaxonomyFileRemembered(taxonomyFile(untrimmed), dir)
      expect(taxonomy.byId('javascript')?.name).toBe('JavaScript')
      expect(markers(dir)).toEqual([])

      const shared = tempDir('panelist-taxonomy-shared-')
      fs.chmodSync(shared, 0o777)
      await loadTaxonomyFileRemembered(taxonomyFile(SHIPPED), shared)
      expect(markers(shared)).toEqual([])
      fs.writeFileSync(path.join(shared, validatedMarker(INVALID)), '')
      await expect(loadTaxonomyFileRemembered(taxonomyFile(INVALID), shared)).rejects.toThrow(TaxonomyError)
    })
  },
)

describe('a taxonomy with nowhere to remember it', () => {
  it('validates every time without a folder, and says which file it could not read', async () => {
    await expect(loadTaxonomyFileRemembered(taxonomyFile(INVALID), undefined)).rejects.toThrow(TaxonomyError)
    await expect(loadTaxonomyFileRemembered('/nonexistent/skills.json', undefined)).rejects.toThrow(
      /Could not read the skill taxonomy at \/nonexistent\/skills.json/,
    )
  })
})
