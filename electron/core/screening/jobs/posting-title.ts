import { TITLE_WORDS } from '../read/employment'
import { CHAT_HEADER, CHAT_TIME_STAMP, MAIL_HEADER } from '../taxonomy/suggest'
import { negatedAt } from '../taxonomy/unwanted'

/**
 * The title of a posting, and the index of the line it is (-1 when it is no line of its own: then the
 * whole text is the description). A posting pasted as it was passed around opens with no title: a
 * chat message with "We're hiring! 🚀" or "Hi team 👋", a forwarded e-mail with its headers; the role
 * is named further down ("Looking for an Account Executive (mid-market)", "Role: Sr. Backend Engg
 * (Java)", "Subject: …"). Taking the opener for the title would make "hiring" the role and leave the
 * role's own words out of the title match. A first line that names a role or a skill stays the
 * title, rid of a "Hiring:" label and its symbols; one that names neither gives way to a "Role:" or
 * "Job title:" field below it (`namesSkill` says whether a text names a skill).
 */
export function postingTitle(
  lines: readonly string[],
  namesSkill: (text: string) => boolean = () => false,
): { title: string; index: number } {
  const filled = lines.flatMap((line, index) => (line.trim() ? [{ text: plain(line), index }] : []))
  const first = filled[0]
  if (!first) return { title: '', index: -1 }
  const named = unlabelled(first.text)
  const below = filled.slice(1, 1 + LOOK_AHEAD)
  if (named && !OPENER.test(named) && !notATitle(named)) {
    if (named.split(/\s+/).some(isRoleNoun) || namesSkill(named)) return { title: named, index: first.index }
    // A heading that names no role and no skill over a field that does: "CAREER DEVELOPMENT CENTRE –
    // NOTICE BOARD" over "Role: Trainee – Quality Assurance (manual)", "Req ID: …" over "Job title: …".
    const labelled = below.reduce<string | null>((role, { text }) => role ?? labelledRole(text), null)
    if (labelled) return { title: labelled, index: -1 }
    // "Hiring – Hyderabad (WFO 4 days)": what follows the shout is a place or the terms; as a title it
    // would match the resumes of people who live there. The role may be named below.
    if (!ANNOUNCED.test(first.text.replace(PREFIX, ''))) return { title: named, index: first.index }
  }
  // A message on one line names its role after the greeting: "Hi Meera - need a DBA req opened".
  const found =
    askedFor(first.text) ??
    leadingRole(named) ??
    below.reduce<string | null>((role, { text }) => role ?? roleIn(text), null)
  // The opener stays in the text, which may be the whole message.
  if (found) return { title: found, index: -1 }
  // An opener with no role under it names nothing: better no title than "From: Stefan Kovac".
  return { title: '', index: named ? -1 : first.index }
}

// A chat message's header names who wrote it; a title is no list of keywords ("k8s (EKS) terraform
// helm argocd gitlab-ci, aws, …"), no Boolean search ("(java OR J2EE) AND NOT (android OR selenium)")
// and no message of several sentences. The longest title in the labelled sets' postings is 83 characters.
const BOOLEAN = /"[^"]+"\s+(?:OR|AND)\b|\b(?:OR|AND)\s+(?:NOT\s+)?[("]|\)\s+(?:OR|AND)\b/
const TITLE_MAX = 90
const notATitle = (text: string) => CHAT_HEADER.test(text) || BOOLEAN.test(text) || text.length > TITLE_MAX

/** How many lines under an opener may name the role; past them the message is about the work. */
const LOOK_AHEAD = 6
const SHORT_LINE = 70

// Emoji, pictographs, markdown and bullets around a line: "🚨🚨 URGENT OPENING 🚨🚨", "## Title", "*** X ***".
const plain = (line: string) =>
  line
    .replace(/\p{Extended_Pictographic}|\p{Emoji_Modifier}|\u{FE0F}|\u{200D}/gu, ' ')
    .replace(/^[\s#*_>•·|~-]+|[\s#*_~|!]+$/gu, '')
    .replace(/\s+/g, ' ')
    .trim()

// A forward or a reply's prefix, a chat line's time and sender ("[3:12 PM] Kevin Lau: "), and a
// label that says an opening follows: "Fwd: Re:", "HIRING –".
const PREFIX = new RegExp(
  String.raw`^(?:(?:fwd?|fw|re)\s*:\s*|${CHAT_TIME_STAMP}\s*(?:\p{Lu}[\p{L}'’.-]*\s*){1,3}:\s*)+`,
  'iu',
)
const OPENING_LABEL =
  /^(?:(?:urgent(?:ly)?|immediate)\s+)?(?:we(?:['’]re| are)\s+)?(?:hiring|requirement|opening|vacancy|position|role|job(?:\s+title)?|designation|subject)\s*(?:for\s*)?(?:[:–—-]|\s+for\s)\s*/i

// A label that only says an opening follows, not what it is ("Role:" and "Subject:" name it).
const ANNOUNCED =
  /^(?:(?:urgent(?:ly)?|immediate)\s+)?(?:we(?:['’]re| are)\s+)?(?:hiring|requirement|opening|vacancy)\b/i

const unlabelled = (text: string) => text.replace(PREFIX, '').replace(OPENING_LABEL, '').replace(PREFIX, '').trim()

/**
 * A line that opens a message and names no role: a greeting, a shout that there is an opening ("We're
 * growing!", "JOIN THE TEAM!"), a mail header, the head of a recruiter's notes ("Intake w/ Farah (HM)
 * 3 Dec", "call notes, Gareth (programme director)").
 */
const OPENER =
  /^(?:(?:hi|hello|hey|dear|greetings|gm|good\s+(?:morning|afternoon|evening))\b|(?:(?:urgent(?:ly)?|immediate|new|job)\s+)?(?:(?:we(?:['’]re| are)\s+)?(?:hiring|growing)|openings?|vacanc(?:y|ies)|requirements?|alert|join (?:the|our) (?:team|crew|family))\b[\s!.]*$|(?:intake|(?:call|meeting|intake) notes?|notes? (?:after|from|on))\b|(?:from|to|cc|bcc|date|sent)\s*:)/i

const LABELLED =
  /^(?:role|position|job\s+title|title|designation|opening|subject|hiring|requirement|vacancy)\s*[:–—-]\s*(.+)$/i
const ROLE_NOUN = new RegExp(`${TITLE_WORDS.source}|\\b(?:engg?|devs?|sdet)\\b`, 'i')
// "Looking for our first full-time Data Scientist / ML Engineer", "needs 2 Personal Trainers", "hiring a smart contract engineer".
const ASKED_FOR =
  /\b(?:looking\s+for|hiring|needs?|seeking|requirement\s+for|opening\s+for|vacancy\s+for)\s+(?:(?:an?|our|one|two|three|\d+)\s+)?(?:(?:first|new)\s+)?(?:full[- ]time\s+|part[- ]time\s+)?((?:[\p{L}\p{N}/&.+#(),-]+\s+){0,5}[\p{L}\p{N}/&.+#(),-]+)/giu

/** The role a field names: "Role: Sr. Backend Engg (Java)"; null for another field or one naming no role. */
function labelledRole(text: string): string | null {
  const labelled = LABELLED.exec(text.replace(PREFIX, ''))
  // "**Job Title:** Engineer – …": the label's bold closes after its colon.
  const value = labelled ? unlabelled(labelled[1]!.replace(/^[\s*_]+/, '').trim()) : ''
  return ROLE_NOUN.test(value) ? value : null
}

const REPORTS_TO = /\breport(?:s|ing)? (?:in)?to\b/i

/** The role a line under an opener names, if it names one. */
function roleIn(text: string): string | null {
  // A mail header other than the subject names people, not the role.
  if (MAIL_HEADER.test(text)) return null
  const labelled = labelledRole(text)
  if (labelled) return labelled
  // "– not an SAP consultant!", "reporting into PMO lead": a role the job is not, or its manager's.
  const own = text.split(REPORTS_TO)[0]!
  const noun = own.search(ROLE_NOUN)
  if (text.length <= SHORT_LINE && !/[.?]$/.test(text) && noun >= 0 && !negatedAt(own, noun) && !OPENER.test(text))
    return text
  return askedFor(text)
}

/** The role a long first line opens with: "WANTED: Informatica ETL Developer, Chennai. 3–6 yrs in …". */
function leadingRole(text: string): string | null {
  const head = unlabelled(text.split(/[,.;!?](?:\s|$)|\s[-–—|]\s/)[0]!.replace(/^wanted\s*[:–—-]\s*/i, ''))
  return head.length <= SHORT_LINE && head.split(/\s+/).some(isRoleNoun) && !OPENER.test(head) ? head : null
}

/** The role a sentence asks for: "we're looking for a backend eng to join", "needs 2 Personal Trainers". */
function askedFor(text: string): string | null {
  for (const match of text.matchAll(ASKED_FOR)) {
    // "NOT looking for automation engineers" names who is not wanted.
    if (negatedAt(text, match.index + match[0].length - match[1]!.length)) continue
    // The phrase ends with its clause: "need to backfill. Mech design engineer" names no role after "need".
    const clauseEnd = match[1]!.search(/[,.;:!?](?:\s|$)/)
    const words = (clauseEnd === -1 ? match[1]! : match[1]!.slice(0, clauseEnd)).split(/\s+/)
    const last = words.findLastIndex(isRoleNoun)
    if (last >= 0) return words.slice(0, last + 1).join(' ')
  }
  return null
}

// "2 Personal Trainers", "engineers": a plural is the role's noun as well.
const isRoleNoun = (word: string) => ROLE_NOUN.test(word) || ROLE_NOUN.test(word.replace(/e?s$/i, ''))
