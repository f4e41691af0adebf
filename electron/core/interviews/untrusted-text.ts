/** Zero-width, bidirectional-override, control and private-use characters: invisible, but not to a model or a speech engine. */
const INVISIBLE =
  // eslint-disable-next-line no-control-regex -- removing control characters is the point
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff\ue000-\uf8ff]/gu

/** Cleans model output before it is shown or spoken to a candidate or stored as a question. */
export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '')
}
