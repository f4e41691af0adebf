import { z } from 'zod'
import { normalizedForm, tokenize } from './tokenize'

/** This module's file: what a remembered validation is keyed on (see remembered.ts). */
export const SCHEMA_FILE = __filename

const form = z.string().trim().min(1).max(80)
const skillId = z
  .string()
  .max(80)
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'ids are lower-case letters, digits and hyphens')

export const taxonomySkillSchema = z
  .object({
    id: skillId,
    name: form,
    category: z.string().min(1).max(60),
    aliases: z.array(form).max(60),
    /** Forms matched only with the exact capitals written here ("Go", "Spring", "Excel"). */
    caseSensitive: z.array(form).max(60).optional(),
    /**
     * Forms that are also ordinary words or names ("R", "Go", "Chef", "Julia"): they count only in a
     * list ("Languages: Go, R") or on a line that names another skill.
     */
    contextual: z.array(form).max(60).optional(),
    /**
     * Words that, right after a form, show it is not the skill ("Go to market", "Excel at"); an entry
     * may be a run of two tokens (", CA" after "Palo Alto").
     */
    notFollowedBy: z.record(form, z.array(z.string().min(1).max(40)).max(20)).optional(),
  })
  .strict()

export const taxonomyDataSchema = z
  .object({
    version: z.literal(1),
    categories: z.array(z.object({ id: z.string().min(1).max(60), name: z.string().min(1).max(80) }).strict()).min(1),
    skills: z.array(taxonomySkillSchema).min(1).max(20_000),
    /**
     * Skills that stand in for one another a little (AWS, Azure and Google Cloud; Selenium and Test
     * Automation): having one is evidence toward another that a job asks for (see related.ts).
     */
    relatedGroups: z
      .array(z.object({ id: skillId, name: form, skills: z.array(skillId).min(2).max(40) }).strict())
      .max(5_000)
      .optional(),
    /**
     * Skills that name different roles though their titles share words (manual testing and test
     * automation: "QA Engineer (Manual)", "QA Automation Engineer"): a candidate titled as one is no
     * title match for a job titled as another (see job-query.ts).
     */
    contrasts: z
      .array(z.object({ id: skillId, name: form, skills: z.array(skillId).min(2).max(10) }).strict())
      .max(1_000)
      .optional(),
  })
  .strict()
  .superRefine((data, ctx) => {
    groupProblems(data, ctx)
    const categories = new Set(data.categories.map((category) => category.id))
    const ids = new Map<string, number>()
    const owners = new Map<string, string>()
    data.skills.forEach((skill, index) => {
      if (ids.has(skill.id))
        ctx.addIssue({ code: 'custom', path: ['skills', index, 'id'], message: `duplicate id ${skill.id}` })
      ids.set(skill.id, index)
      if (!categories.has(skill.category)) {
        ctx.addIssue({
          code: 'custom',
          path: ['skills', index, 'category'],
          message: `unknown category ${skill.category}`,
        })
      }
      const forms = new Set([skill.name, ...skill.aliases])
      const ruled = [
        ...(skill.caseSensitive ?? []),
        ...(skill.contextual ?? []),
        ...Object.keys(skill.notFollowedBy ?? {}),
      ]
      for (const rule of ruled) {
        if (!forms.has(rule)) {
          ctx.addIssue({
            code: 'custom',
            path: ['skills', index],
            message: `${skill.id}: rule names "${rule}", which is not one of its forms`,
          })
        }
      }
      for (const run of Object.values(skill.notFollowedBy ?? {}).flat()) {
        if (tokenize(run).length > 2) {
          ctx.addIssue({
            code: 'custom',
            path: ['skills', index],
            message: `${skill.id}: "${run}" is more than two words, and only a word or two after a form are read`,
          })
        }
      }
      for (const surface of forms) {
        const key = normalizedForm(surface)
        if (!key) {
          ctx.addIssue({
            code: 'custom',
            path: ['skills', index],
            message: `${skill.id}: "${surface}" has no letters or digits`,
          })
          continue
        }
        const owner = owners.get(key)
        if (owner !== undefined && owner !== skill.id) {
          ctx.addIssue({
            code: 'custom',
            path: ['skills', index],
            message: `"${surface}" belongs to both ${owner} and ${skill.id}`,
          })
        }
        owners.set(key, skill.id)
      }
    })
  })

type SkillGroup = { id: string; skills: readonly string[] }

/** Each related group, and each contrast, has its own id and names only skills of the taxonomy, each once. */
function groupProblems(
  data: { skills: readonly { id: string }[]; relatedGroups?: readonly SkillGroup[]; contrasts?: readonly SkillGroup[] },
  ctx: z.RefinementCtx,
): void {
  const skills = new Set(data.skills.map((skill) => skill.id))
  for (const [key, kind] of [
    ['relatedGroups', 'related group'],
    ['contrasts', 'contrast'],
  ] as const) {
    const groups = new Set<string>()
    data[key]?.forEach((group, index) => {
      const problem = (message: string) => ctx.addIssue({ code: 'custom', path: [key, index], message })
      if (groups.has(group.id)) problem(`duplicate ${kind} ${group.id}`)
      groups.add(group.id)
      if (new Set(group.skills).size !== group.skills.length) problem(`${group.id} names a skill twice`)
      for (const id of group.skills) if (!skills.has(id)) problem(`${group.id} names unknown skill ${id}`)
    })
  }
}

export type TaxonomyData = z.infer<typeof taxonomyDataSchema>
export type TaxonomyEntry = z.infer<typeof taxonomySkillSchema>
