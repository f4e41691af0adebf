/**
 * What a new skill taxonomy or a new reader costs at start-up: N stored candidates (the labeled
 * sets' resumes, round and round) are read again by refreshStaleReads (candidates/refresh-reads.ts),
 * their skills once when every one gains some and once when none changes, then every resume whole,
 * as a newer reader (SCREEN_READER_VERSION) reads it. Figures only.
 * Run: npx tsx bench/taxonomy-reread.ts [N=10000]
 */
import fs from 'node:fs'
import path from 'node:path'
import { createTempStudio } from '../tests/helpers/temp-studio'
import { seedCandidates } from '../tests/unit/screening/seed'
;(async () => {
  const texts: string[] = []
  for (const set of fs.readdirSync('tests/fixtures/ranking')) {
    const dir = path.join('tests/fixtures/ranking', set, 'resumes')
    for (const f of fs.readdirSync(dir)) texts.push(fs.readFileSync(path.join(dir, f), 'utf8'))
  }
  const N = Number(process.argv[2] ?? 10000)
  const created = await createTempStudio({ startWorkers: false })
  let studio = created.studio
  for (let i = 0; i < N; i += 1000)
    await seedCandidates(
      studio,
      null,
      Array.from({ length: Math.min(1000, N - i) }, (_, k) => ({
        name: `c${i + k}`,
        text: texts[(i + k) % texts.length]!,
        skills: [],
        years: 3,
        education: 'bachelor' as const,
      })),
    )
  await studio.db.updateTable('meta').set({ value: 'old' }).where('key', '=', 'screening.taxonomy_version').execute()
  await studio.close()
  let t0 = performance.now()
  studio = (await createTempStudio({ startWorkers: false, dataDir: created.dataDir })).studio
  console.log(`${N} candidates: start with the skills read again ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  await studio.close()
  studio = (await createTempStudio({ startWorkers: false, dataDir: created.dataDir })).studio
  await studio.db.updateTable('meta').set({ value: 'old' }).where('key', '=', 'screening.taxonomy_version').execute()
  await studio.close()
  t0 = performance.now()
  studio = (await createTempStudio({ startWorkers: false, dataDir: created.dataDir })).studio
  console.log(`start with every skill read again and none changed ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  await studio.db.updateTable('meta').set({ value: '0' }).where('key', '=', 'screening.reader_version').execute()
  await studio.close()
  t0 = performance.now()
  studio = (await createTempStudio({ startWorkers: false, dataDir: created.dataDir })).studio
  console.log(`start with every resume read again by a newer reader ${((performance.now() - t0) / 1000).toFixed(1)} s`)
  await studio.close()
  fs.rmSync(created.dataDir, { recursive: true, force: true })
})()
