import { z } from 'zod'
import type { ContentFlagView } from '../../../../shared/contract/screening'

const stringList = z.array(z.string()).catch([])
const flagList = z
  .array(
    z.object({
      kind: z.enum(['hidden_text', 'prompt_injection']),
      detail: z.string(),
      text: z.string(),
      page: z.number().optional(),
    }),
  )
  .catch([])

function parse(text: string | null | undefined): unknown {
  if (!text) return undefined
  try {
    return JSON.parse(text)
  } catch {
    return undefined
  }
}

export const readStringList = (text: string | null | undefined): string[] => stringList.parse(parse(text))
export const readFlags = (text: string | null | undefined): ContentFlagView[] => flagList.parse(parse(text))

/**
 * Every file's flags, each naming its file. A person's newer resume does not clear what an older
 * one tried: both were sent by them.
 */
export const readFileFlags = (files: { file_name: string; flags: string | null }[]): ContentFlagView[] =>
  files.flatMap((file) => readFlags(file.flags).map((flag) => ({ ...flag, fileName: file.file_name })))
export const readRecord = (text: string | null | undefined): Record<string, unknown> => {
  const value = parse(text)
  return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {}
}
