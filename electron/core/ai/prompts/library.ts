import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import type { ChatMessage } from '../types'
import { DATA_RULE, fenceData, inlineValue } from './fence'

/**
 * Prompts are versioned files, `resources/prompts/<id>.v<N>.md`:
 *
 *   ---
 *   id: assessment
 *   version: 1
 *   text: job_title, question        (short trusted values, inlined on one line)
 *   data: answer, resume             (untrusted text, each in its own fenced data block)
 *   ---
 *   ## system
 *   …{{job_title}}…
 *   ## user
 *   …{{answer}}…
 *
 * Every placeholder must be declared and every declared one used, so a prompt and the code that
 * fills it cannot drift apart silently. A stored assessment keeps `ref` ("assessment.v1").
 */
export interface PromptTemplate {
  id: string
  version: number
  ref: string
  text: ReadonlySet<string>
  data: ReadonlySet<string>
  sections: { role: ChatMessage['role']; body: string }[]
}

export interface RenderedPrompt {
  ref: string
  id: string
  version: number
  messages: ChatMessage[]
}

export interface PromptLibrary {
  get(id: string, version?: number): PromptTemplate
  /** Fills a template; values for data placeholders are fenced, text ones inlined. */
  render(id: string, values: Record<string, string>, version?: number): RenderedPrompt
}

const FILE_NAME = /^([a-z0-9-]+)\.v(\d+)\.md$/
const PLACEHOLDER = /\{\{([a-z_][a-z0-9_]*)\}\}/g
const NAME = /^[a-z_][a-z0-9_]*$/

function list(value: string | undefined, file: string): Set<string> {
  const names = (value ?? '')
    .split(',')
    .map((n) => n.trim())
    .filter(Boolean)
  for (const name of names) if (!NAME.test(name)) throw new Error(`${file}: bad placeholder name "${name}"`)
  return new Set(names)
}

export function parsePrompt(source: string, file: string): PromptTemplate {
  const match = /^---\n([\s\S]*?)\n---\n([\s\S]*)$/.exec(source.replace(/\r\n/g, '\n'))
  if (!match) throw new Error(`${file}: missing front matter`)
  const meta = Object.fromEntries(
    match[1]!
      .split('\n')
      .filter((l) => l.trim())
      .map((line) => {
        const at = line.indexOf(':')
        if (at < 1) throw new Error(`${file}: bad front matter line "${line}"`)
        return [line.slice(0, at).trim(), line.slice(at + 1).trim()]
      }),
  ) as Record<string, string>
  const id = meta.id ?? ''
  const version = Number(meta.version)
  if (!/^[a-z0-9-]+$/.test(id) || !Number.isInteger(version) || version < 1)
    throw new Error(`${file}: id and version are required`)
  const text = list(meta.text, file)
  const data = list(meta.data, file)
  for (const name of text) if (data.has(name)) throw new Error(`${file}: "${name}" is declared as both text and data`)

  const sections: PromptTemplate['sections'] = []
  for (const part of match[2]!.split(/^## (?=system$|user$|assistant$)/m).slice(1)) {
    const newline = part.indexOf('\n')
    const role = part.slice(0, newline).trim() as ChatMessage['role']
    sections.push({ role, body: part.slice(newline + 1).trim() })
  }
  if (!sections.length) throw new Error(`${file}: no "## system" or "## user" section`)

  const used = new Set([...match[2]!.matchAll(PLACEHOLDER)].map((m) => m[1]!))
  for (const name of used)
    if (!text.has(name) && !data.has(name)) throw new Error(`${file}: {{${name}}} is not declared`)
  for (const name of [...text, ...data])
    if (!used.has(name)) throw new Error(`${file}: "${name}" is declared but not used`)
  return { id, version, ref: `${id}.v${version}`, text, data, sections }
}

export function renderPrompt(
  template: PromptTemplate,
  values: Record<string, string>,
  fenceId: () => string,
): RenderedPrompt {
  const expected = [...template.text, ...template.data]
  const missing = expected.filter((name) => typeof values[name] !== 'string')
  const extra = Object.keys(values).filter((name) => !template.text.has(name) && !template.data.has(name))
  if (missing.length || extra.length) {
    throw new Error(
      `${template.ref}: ${missing.length ? `missing ${missing.join(', ')}` : ''}${missing.length && extra.length ? '; ' : ''}${extra.length ? `unknown ${extra.join(', ')}` : ''}`,
    )
  }
  // One id per rendering: each block's markers are unguessable to the text inside it.
  const id = fenceId()
  const fill = (body: string) =>
    body.replace(PLACEHOLDER, (_, name: string) =>
      template.data.has(name) ? fenceData(name, values[name]!, id) : inlineValue(values[name]!),
    )
  const messages: ChatMessage[] = template.sections.map((s) => ({ role: s.role, content: fill(s.body) }))
  if (template.data.size) {
    // In the system message when there is one; otherwise ahead of the prompt's own first message, so a
    // prompt appended to a conversation (a repair request) does not add a system message mid-way.
    const system = messages.find((m) => m.role === 'system')
    if (system) system.content = `${system.content}\n\n${DATA_RULE}`
    else messages[0]!.content = `${DATA_RULE}\n\n${messages[0]!.content}`
  }
  return { ref: template.ref, id: template.id, version: template.version, messages }
}

export function createPromptLibrary(
  dir: string,
  fenceId: () => string = () => randomBytes(6).toString('hex'),
): PromptLibrary {
  const cache = new Map<string, PromptTemplate>()
  // Prompt files ship with the app and do not change while it runs: list the folder once.
  let newest: Map<string, number> | undefined
  const newestVersion = (id: string) => {
    newest ??= fs
      .readdirSync(dir)
      .map((file) => FILE_NAME.exec(file))
      .filter((m): m is RegExpExecArray => m !== null)
      .reduce((found, m) => found.set(m[1]!, Math.max(found.get(m[1]!) ?? 0, Number(m[2]))), new Map<string, number>())
    return newest.get(id) ?? 0
  }

  const get = (id: string, version?: number): PromptTemplate => {
    const chosen = version ?? newestVersion(id)
    if (!chosen) throw new Error(`No prompt "${id}" in ${dir}`)
    const ref = `${id}.v${chosen}`
    const cached = cache.get(ref)
    if (cached) return cached
    const file = path.join(dir, `${ref}.md`)
    const template = parsePrompt(fs.readFileSync(file, 'utf8'), file)
    if (template.ref !== ref) throw new Error(`${file}: front matter says ${template.ref}`)
    cache.set(ref, template)
    return template
  }
  return { get, render: (id, values, version) => renderPrompt(get(id, version), values, fenceId) }
}
