/** A download name made of the given words: letters, digits and dashes only, so no host mangles it. */
export function fileNameOf(words: string, extension: 'csv' | 'json'): string {
  const stem = words
    .normalize('NFKD')
    .replace(/[^\p{L}\p{N}]+/gu, '-')
    .replace(/^-+|-+$/gu, '')
    .slice(0, 80)
  return `${stem || 'export'}.${extension}`
}
