import { afterEach, describe, expect, it } from 'vitest'
import { jobsFromScreening } from '@core/interviews/screening-sources'
import type { Studio } from '@core/studio'
import { createTempStudio } from '../../helpers/temp-studio'

let studio: Studio | undefined
afterEach(async () => {
  await studio?.close()
  studio = undefined
})

describe("an interview's brief of a screening job", () => {
  it('names a skill with its alternatives as the job does ("Figma or Adobe XD"), heaviest first', async () => {
    studio = (await createTempStudio({ startWorkers: false })).studio
    const created = await studio.dispatch(
      'jobs.create',
      {
        title: 'Product Designer',
        requiredSkills: [
          { skillId: 'usability-testing', name: 'Usability Testing', weight: 2 },
          {
            skillId: 'figma',
            name: 'Figma',
            weight: 5,
            alternatives: [{ skillId: 'adobe-xd', name: 'Adobe XD' }],
          },
        ],
      },
      { audience: 'recruiter' },
    )
    if (!created.ok) throw new Error(created.error.message)
    const brief = await jobsFromScreening(studio.db).brief((created.value as { id: string }).id)
    expect(brief?.skills).toEqual(['Figma or Adobe XD', 'Usability Testing'])
  })
})
