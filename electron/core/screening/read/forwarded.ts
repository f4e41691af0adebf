/**
 * A resume that reached the recruiter as a forwarded e-mail: someone passes on a message the candidate
 * sent them ("---------- Forwarded message ---------", "From: Ryan D'Souza <…>", "Subject: my CV"). The
 * outer message's sender, recipients and signature are the people passing it on, not the candidate;
 * read as the top of the text, their name, address and phone became the candidate's, and two resumes
 * one colleague forwarded were taken for the same person. The candidate is the last sender in the
 * chain, and what follows that message's headers is theirs.
 */
export interface ForwardedMessage {
  /** The index of the first line after the last message's headers. */
  bodyStart: number
  /** The last message's sender: the display name of its "From:" line, and the whole of it (which holds the address). */
  name: string | null
  sender: string
}

const FROM = /^\s*from\s*:\s*(.*)$/i
const HEADER = /^\s*(?:from|to|cc|bcc|date|sent|subject|reply-to)\s*:/i
// "Ryan D'Souza <ryan@…>", "\"Liu, Jenna\" <…>": the display name before the address.
const DISPLAY_NAME = /^\s*"?([^"<>@]+?)"?\s*<[^>]*>\s*$/

/** The last message of a chain of two or more, or null when the text is no forward. */
export function forwardedMessage(lines: readonly string[]): ForwardedMessage | null {
  const froms = lines.flatMap((line, index) => (FROM.test(line) ? [index] : []))
  if (froms.length < 2) return null
  const last = froms[froms.length - 1]!
  let bodyStart = last
  while (bodyStart < lines.length && (HEADER.test(lines[bodyStart]!) || !lines[bodyStart]!.trim())) bodyStart++
  const sender = FROM.exec(lines[last]!)![1]!
  return { bodyStart, name: DISPLAY_NAME.exec(sender)?.[1]?.trim() ?? null, sender }
}
