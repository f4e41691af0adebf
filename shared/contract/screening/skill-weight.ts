/**
 * The weight (of 1 to 5) a taxonomy skill starts at on a job, by its category's id, whether
 * suggested from the job's text, found by search or listed in a job.md. A spoken language starts
 * at 1, not 3: most of a pool shares it ("Hindi must, basic English"), so at 3 it lifts every
 * resume alike and outweighs the trade's own skills in a short posting. The recruiter can raise it.
 */
export const startingWeight = (categoryId: string | undefined) => (categoryId === 'spoken-languages' ? 1 : 3)
