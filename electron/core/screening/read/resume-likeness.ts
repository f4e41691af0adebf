/**
 * Decides from the visible text whether a document reads as a resume, so that a recipe, an invoice or
 * a job posting dropped into an import is refused with a reason instead of being ranked as a person.
 *
 * Two readings are weighed: how much the text carries of what resumes carry (contact details, section
 * headings, dated spans, job titles, degrees, a name on the first line), and whether it reads as some
 * other kind of document (each kind is a handful of phrases that rarely appear in a resume). It refuses
 * only clear cases: a text with a resume's structure passes whatever else it mentions (a chef's resume
 * names recipes and ovens, a lawyer's names leases), and with no other kind found any one sign of a
 * person passes. The exceptions are the documents that look most like a resume but are not a person's:
 * a job posting (requirements, skills and education, speaking as an employer, with no dated work
 * history of its own), a letter alone (no resume section), a blank form or template, and a document
 * whose top says what else it is: a title naming its kind ("WEEKLY TIMESHEET"), an organisation's
 * letterhead, or the addresses of many people; and someone told of in the third person with no way
 * to reach them.
 * Checked on tests/fixtures/non-resumes/ and the ranking corpora (tests/unit/screening/resume-likeness.test.ts).
 */
import { RANGE_CONNECTORS } from './dates'
import { FORM_DATE_SPAN } from './form-job'
import { unspaced } from './sections'

export interface Likeness {
  resume: boolean
  /** Set when the document is refused: a sentence a recruiter can act on. */
  message: string | null
  /** What the document reads as when it is not a resume, e.g. "a recipe". */
  kind: string | null
}

/** Only the start of a long document is judged: a resume shows what it is on its first pages. */
const JUDGED_CHARS = 30_000

const MONTH = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\\.?'
const NOW =
  "(?:present|current|currently|now|date|till date|to date|today|ongoing|actualidad|actual|atual|presente|heute|aujourd[’']hui|en cours|oggi|heden)"
const DASH = `\\s*(?:${RANGE_CONNECTORS})\\s*`
/** A dated span as resumes write one: "2018 - 2021", "Jan 2019 – Present", "03/2019 - now". */
const DATE_RANGES = [
  new RegExp(`\\b(?:19|20)\\d\\d${DASH}(?:(?:19|20)\\d\\d\\b|${NOW}|'\\d\\d\\b)`, 'gi'),
  new RegExp(`\\b${MONTH}\\s*'?\\d{2,4}${DASH}(?:${MONTH}\\s*'?\\d{2,4}|${NOW})`, 'gi'),
  new RegExp(`\\b\\d{1,2}[/.](?:19|20)\\d\\d${DASH}(?:\\d{1,2}[/.](?:19|20)\\d\\d|${NOW})`, 'gi'),
  new RegExp(`\\b(?:since|from) (?:${MONTH}\\s*)?(?:19|20)\\d\\d\\b(?!${DASH}(?:19|20|${NOW}))`, 'gi'),
  // An application form's "Start date: 06/2019" over "End date: Current".
  FORM_DATE_SPAN,
]

/** Headings a resume uses, by section; a heading is a short line of its own, or "Skills:" opening a line. */
const HEADING_WORDS: Record<string, string> = {
  experience:
    "(?:(?:work|professional|employment|career|relevant|industry|teaching|research|academic|volunteer|internship)\\s+)?(?:experience|history|background)|employment|work|positions?(?: held)?|academic positions|company details|internships?|career|where i(?:['’]ve| have) worked",
  education:
    'education(?:al)?(?: details| and training| & training| background| qualifications)?|academic (?:background|qualifications)|qualifications|training|certifications?|licen[cs]es?(?: and certifications)?|bar admissions?|coursework|edu',
  skills:
    '(?:(?:technical|core|key|personal|professional|it|computer|soft|hard)\\s+)?(?:skills?|competencies|expertise|technologies|proficiencies)(?: details)?|tech(?:nical)?(?: stack)?|tools|languages',
  summary:
    '(?:professional\\s+|career\\s+|executive\\s+)?(?:summary|profile)|(?:career\\s+)?objective|about me|personal (?:information|details|statement|data)|research interests|contact',
  more: 'projects|publications|awards|honou?rs|achievements|accomplishments|grants(?: and awards)?|open source|references|hobbies|interests|declaration|volunteering|extra-?curricular(?: activities)?|teaching|strengths',
}
/** What may lead a heading: Markdown's marks, bullets, and a pictograph ("## 🎓 Education", "💼 Experience"). */
const HEADING_MARKS = String.raw`(?:[\s#*•·\-–|>\uFE0F]|\p{Extended_Pictographic})*`
const HEADINGS = Object.entries(HEADING_WORDS).map(([section, words]) => ({
  section,
  ownLine: new RegExp(`^${HEADING_MARKS}(?:${words})\\s*[:\\-–]?\\s*$`, 'iu'),
  leading: new RegExp(`^${HEADING_MARKS}(?:${words})\\s*(?::|\\s-\\s|\\s–\\s)\\s*\\S`, 'iu'),
  inline: new RegExp(`\\b(?:${words})\\b\\s*[:\\-–]?`, 'i'),
}))

/** Headings distinctive enough to count inside a line (resumes scraped into one line keep them). */
const INLINE_HEADINGS =
  /\b(?:education details|company details|skill details|work experience|professional experience|employment history|work history|technical skills|key skills|core competencies|career objective|professional summary|academic qualifications?|educational qualifications?|personal details)\b/gi

const TITLES =
  /\b(engineer|developer|programmer|manager|analyst|nurse|designer|accountant|intern|consultant|specialist|coordinator|director|assistant|teacher|administrator|technician|scientist|architect|representative|officer|associate|supervisor|electrician|driver|chef|cook|recruiter|reporter|attorney|lawyer|paralegal|researcher|lecturer|professor|clerk|cashier|executive|operator|mechanic|pharmacist|therapist|consultant|founder|ceo|cto|cfo|postdoc\w*)s?\b/i
const DEGREES =
  /\b(bachelor|master|b\.?\s?sc|m\.?\s?sc|b\.?\s?tech|m\.?\s?tech|b\.?\s?e\b|b\.?\s?com|b\.?\s?a\b|m\.?\s?a\b|b\.?\s?s\b|mba|ph\.?\s?d|j\.?d\b|pgce|meng|degree|university|college|diploma|high school|hsc|ssc|cgpa|gpa)/i
const RESUME_WORDS =
  /\b(curriculum vitae|résumé|resume|years? of experience|responsible for|worked (?:as|at|on|with)|references available|expe?rience - \d+ months)\b/i
/** A first line that is a person's name, alone or before a comma or bar: "Jordan Smith, Registered Nurse". */
const NAME_WORD = "\\p{Lu}[\\p{L}'’.-]*"
const NAME_LINE = new RegExp(`^${NAME_WORD}(?:[ \\t]+${NAME_WORD}){1,3}[ \\t]*(?:,|\\||·|—|–| - |$)`, 'u')
const EMAIL = /(?<![\w.+-])[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,4}/
const EMAILS = new RegExp(EMAIL.source, 'g')
const PHONE = /(?<!\d)\+?\d[\d ().-]{7,20}\d/
const PROFILE = /\b(linkedin\.com|github\.com|behance\.net|dribbble\.com|gitlab\.com)\b|\.(dev|design|studio)\b/i

/** A phrase of a kind, or a phrase that counts only when it comes `atLeast` times. */
type Probe = RegExp | { each: RegExp; atLeast: number }

interface KindRule {
  /** Phrases of the kind; the distinct ones found count. */
  words: readonly Probe[]
  /** How many distinct ones make the kind. */
  needs: number
  /** When set, one of the first `core` phrases must be among them (the rest are words a resume may use too). */
  core?: number
  /** A whole-text test (share of code-like or table-like lines), counted as `needs` hits when true. */
  shape?: (lines: readonly string[]) => boolean
}

const share = (lines: readonly string[], test: (line: string) => boolean) =>
  lines.length === 0 ? 0 : lines.filter(test).length / lines.length

const CODE_LINE =
  /^\s*(?:import|from|export|def|class|return|const|let|var|function|public|private|protected|static|#include|package|using|fn|func|if\s*\(|for\s*\(|while\s*\()\b|[;{]\s*$|^\s*[})\]]+[;,)]*\s*$|\)\s*:\s*$|=>\s*[{(]?\s*$/

/** Each kind's phrases rarely appear in a resume. Order matters only for ties. */
const OTHER_KINDS: Record<string, KindRule> = {
  'a job posting': {
    needs: 3,
    words: [
      /\bwe(?:'re| are) (?:looking|seeking|hiring|searching)\b|\b(?:is|are) (?:looking|seeking) (?:for )?(?:an?|our|experienced|talented|skilled)\b|\b(?:is|are) hiring\b|\bwe (?:need|want) (?:an?|someone)\b|^[^\w\n]*(?:now )?hiring (?:an?|for)\b/im,
      /^[^\w\n]*(?:required|preferred)(?: skills| qualifications)?\s*:/im,
      // "… is a plus", or as a list's item ends: "Lean/Six Sigma a plus".
      /\b(?:is|are|would be) (?:a plus|a bonus|an advantage|advantageous|desirable|preferred|a must|must)\b|\bgiven preference\b|\bpreferred(?:\.|[ \t]*$)|[\w)] (?:an? (?:plus|bonus)|advantageous)(?:[.;,]|[ \t]*$)/im,
      // A terse list's own labels: "- Nice: Rust, Go", "- Plus: migration to EMR", "- Advantageous: OCI", "**Must:**".
      /^[^\w\n]*(?:nice|plus|bonus|advantageous|desirable|must)[ \t]*:/im,
      // What a degree counts for here: "No degree required", "OCP certification advantageous".
      /\b(?:degree|diploma|certification)s? (?:is |are )?(?:not )?(?:required|mandatory|needed|advantageous)\b/i,
      // Pay offered as a range with its currency or per period: "USD 120–160k", "$65–72/hr", "14 000 – 19 000 PLN net/month".
      /(?:\b(?:usd|eur|gbp|cad|aud|pln|inr|zar)|[$£€])\s?\d+(?:[.,]\d+)?\s*k?\s*[-–]\s*[$£€]?\d+(?:[.,]\d+)?\s*(?:k\b|\/\s*(?:hr|hour|h)\b)|\bnet\s*\/\s*month\b/i,
      // Who may apply, as employers and staffing agencies say it: "EE candidates encouraged", "no C2C", "USC / GC only".
      /\b(?:candidates|applicants) (?:are )?(?:strongly )?encouraged\b|\bno c2c\b|\bw2 only\b|\busc\s*\/\s*gc\b/i,
      /\b(?:in this role|the role (?:combines|involves|includes|is based)|this (?:role|position) (?:is|will|involves))\b/i,
      { each: /\byou(?:r|'ll|'re)?\b/gi, atLeast: 3 },
      /\(?\bor (?:similar|equivalent)(?: experience)?\b|\bor (?:an?y? )?related (?:field|discipline|area|subject|stream)\b/i,
      /\b(?:the )?(?:ideal|successful|right) candidate\b/i,
      /\byou(?: will|'ll)\b/i,
      /^[^\w\n]*about (?:the role|the job|the position|us|the company|the team)\b/im,
      /\b(?:(?:what )?we offer|what you(?:'ll| will) (?:do|bring)|why join us|join our team|who you are|what we(?:'re| are) looking for)\b|^[^\w\n]*you(?:'ll| will)? bring\b/im,
      /\b(?:how to apply|apply (?:now|today|online|via|by|at|on|through)|to apply,? (?:send|email|please|visit|submit)|closing date|applications? (?:close|closing|deadline))\b/i,
      /\bequal (?:opportunity|employment opportunity) employer\b/i,
      /\b(?:send|share|email|mail|forward|drop|submit) (?:(?:your|their|a|us your|us|me your|your updated|updated) )?(?:cv|resume|résumé|application|portfolio)s?\b|#(?:hiring|nowhiring|jobs?|jobopening)\b/i,
      // A social post's tags: "#hiring #datascientist #bangalorejobs" (a heading's "# " is no tag).
      { each: /(?:^|\s)#\p{L}[\p{L}\d_]+/giu, atLeast: 3 },
      /\b(?:interested candidates|eligible candidates|we have (?:an|a) (?:opening|vacancy)|job opening|vacanc(?:y|ies) for|invites applications|applications are invited|immediate joiners? (?:are )?(?:welcome|preferred|only)|(?:freshers?|graduates?|candidates?)\b[^.\n]{0,60}?\b(?:are welcome|can (?:also )?apply|may (?:also )?apply))\b/i,
      // How a poster asks people to come: "Walk-in Mon-Fri", "Opening for", "Urgent req. for", "bring updated resume".
      /\bwalk[- ]in\b|\bopening for\b|\burgent(?:ly)? (?:req|requirement|opening|hiring)\b|\b(?:candidates?|joiners?) preferred\b|\bshould be (?:ready|able|willing) to\b|\bbring (?:your )?(?:updated )?(?:cv|resume)\b/i,
      // Pay offered as a range or a ceiling: "CTC 3.5-5 LPA", "CTC upto 35 LPA", "Budget 14-18 LPA".
      /\b\d+(?:\.\d+)?\s*[-–]\s*\d+(?:\.\d+)?\s*(?:lpa|lakhs?)\b|\bctc (?:up ?to|range)\b|\bbudget\b[^.\n]{0,12}\d/i,
      /\b(?:urgent(?:ly)? requirement|urgently required|(?:is |are )?required for (?:a|an|our) (?:\w+ )?(?:company|firm|client|team))\b/i,
      /^[^\w\n]*(?:job (?:description|summary|title|purpose|type)|position (?:summary|overview|title)|key (?:duties|responsibilities)|person specification|role (?:overview|summary))\b/im,
      /\b(?:nice to have|good to have|any graduate|preferred qualifications|minimum qualifications?|required qualifications|requirements:?[^\w\n]*$)/im,
      // A posting's two lists, each its own sign: "**Must have**" … "**Nice to have**".
      /\bmust[- ]haves?\b/i,
      // What the employer gives and asks, as headings of their own ("## We offer", "Your tasks").
      /^[^\w\n]*(?:(?:what )?we offer|benefits|perks(?: (?:and|&) benefits)?|your (?:tasks|role|profile|responsibilities))[ \t]*:?[ \t]*$/im,
      /\b(?:salary(?: range)?|compensation|benefits|pay)\s*:|\bsalary (?:as per|will be|is) (?:industry|company|the|our)?\s*(?:norms|standards|negotiable|best in)|\bsalary (?:no bar|negotiable)\b/i,
      /\b(?:reports to|reporting to)\b/i,
      /\bthe post ?holder\b/i,
      /\b(?:candidates?|applicants?) (?:should|must|will)\b/i,
      // "**Experience:** 3–5 years", "1-3 yrs exp", "exp 0-2 yrs": what is asked, as a range; a resume states its own total.
      /^[^\w\n]*(?:experience|exp)\.?[^\w\n]*:[^\w\n]*\d+\s*(?:[-–]|to)\s*\d+\s*(?:years?|yrs)\b|\b\d+\s*(?:[-–]|to)\s*\d+\s*(?:years?|yrs)\.?(?:(?: of(?: [\w-]+){0,2})? (?:exp|experience|pqe)\b| in (?:an? )?[a-z])|\bexp\.?\s*\d+\s*[-–]\s*\d+\s*(?:years?|yrs)\b/im,
      /\b(?:experience|years?) (?:is |are )?(?:required|desirable|preferred)\b|\bminimum (?:of )?\d+\+? (?:years?|yrs)\b/i,
    ],
  },
  'a letter': {
    needs: 2,
    words: [
      /^[ \t]*(?:dear|to whom it may concern|to the [\w ]{3,40}committee)\b/im,
      /^[ \t]*(?:sincerely|yours (?:sincerely|faithfully|truly)|(?:kind|best|warm) regards|respectfully|with thanks)\b/im,
      /\bi am (?:writing|excited|pleased|delighted) to (?:apply|submit|express|recommend)\b/i,
      /\b(?:hiring manager|admissions committee)\b/i,
      /\bi (?:look forward|would welcome|would be glad|would love the opportunity)\b/i,
      /\bthank you (?:so much |very much )?for (?:your |taking the )?(?:time|consideration)\b/i,
      /^[ \t]*(?:best|thanks|many thanks|cheers|regards|best wishes),?[ \t]*$/im,
      /^[ \t]*(?:hi|hello|dear) [\p{Lu}][\p{L}.'’-]*(?: [\p{Lu}][\p{L}.'’-]*)?,[ \t]*$/imu,
      /\b(?:please find|i have enclosed|enclosed (?:is|are)|my (?:resume|cv) is attached)\b/i,
      /\b(?:it is my pleasure to recommend|i recommend (?:him|her|them)|without reservation)\b/i,
      /\bwe are (?:pleased|delighted) to offer you\b/i,
      /\bplease do not hesitate to contact\b/i,
    ],
  },
  'a recipe': {
    needs: 2,
    core: 5,
    words: [
      /\bingredients\b/i,
      /\bpreheat/i,
      /\b(?:tbsp|tsp|tablespoons?|teaspoons?)\b/i,
      /\b\d+\s*(?:cups?|grams?|g|ml|oz|kg|lb)\b(?! checked)/i,
      /\b(?:serves \d|servings|prep time|cook time|ready in \d+)/i,
      /\b(?:bake|simmer|whisk|stir|saut[eé]|fry|season to taste|garnish)\b/i,
      /\b(?:chopped|minced|crushed|diced|grated)\b/i,
      /\boven\b/i,
    ],
  },
  'an invoice or receipt': {
    needs: 3,
    words: [
      /\binvoice\s*(?:#|no\.?|number|date)/i,
      /^[ \t]*invoice[ \t]*$/im,
      /\bbill to\b/i,
      /\b(?:amount|total|balance) due\b/i,
      /\bsub-?total\b/i,
      /\b(?:qty|unit price)\b/i,
      /\bpayment terms\b/i,
      /^[ \t]*(?:total|tax|vat|sales tax)\b.*\d/im,
      /\bthank you for (?:your business|shopping)\b/i,
      /\b(?:cashier|items sold|receipt)\b/i,
      /\b(?:visa|mastercard|amex)\s*\*{3,}/i,
    ],
  },
  'a bank statement': {
    needs: 3,
    words: [
      /\bstatement period\b/i,
      /\b(?:opening|closing) balance\b/i,
      /\baccount (?:number|holder)\b/i,
      /\bdebit\b/i,
      /\bcredit\b/i,
      /\b(?:direct debit|atm withdrawal|card purchase|interest paid)\b/i,
    ],
  },
  'a payslip': {
    needs: 3,
    words: [
      /\bpay ?slip\b/i,
      /\bpay (?:period|date)\b/i,
      /\b(?:gross|net) pay\b/i,
      /\bdeductions\b/i,
      /\b(?:tax code|ni number|national insurance|year to date)\b/i,
      /\bemployee (?:no|number|id)\b/i,
    ],
  },
  'source code': {
    needs: 3,
    words: [],
    shape: (lines) => lines.length >= 5 && share(lines, (line) => CODE_LINE.test(line)) >= 0.35,
  },
  'a data table': {
    needs: 3,
    words: [],
    // Cells split by commas, tabs or semicolons; or rows of figures, as a PDF of a table gives them with no gaps.
    shape: (lines) =>
      lines.length >= 4 &&
      (share(lines, (line) => (line.match(/,|\t|;/g)?.length ?? 0) >= 3) >= 0.6 ||
        share(lines, (line) => (line.match(/(?<![\w.])[-+]?\d[\d,.]*%?(?![\w.])/g)?.length ?? 0) >= 5) >= 0.6),
  },
  'placeholder text': {
    needs: 2,
    words: [/\blorem ipsum\b/i, /\bdolor sit amet\b/i, /\bconsectetur\b/i, /\badipiscing\b/i],
  },
  'meeting notes': {
    needs: 2,
    words: [
      /\bagenda\b/i,
      /\battendees\b/i,
      /\baction items?\b/i,
      /\bminutes of\b/i,
      /\bnext meeting\b/i,
      /\bapologies\s*:/i,
    ],
  },
  'a news article or press release': {
    needs: 3,
    words: [
      /\b(?:said|told reporters|according to)\b/i,
      /\(\s*(?:reuters|ap|afp)\s*\)|\/prnewswire\/|\bfor immediate release\b/i,
      /\bspokes(?:person|man|woman)\b/i,
      /\b(?:on|last) (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b/i,
      /^[ \t]*(?:by [A-Z][\w.]+ [A-Z][\w.]+|published\b|media contact)/im,
      /\b(?:today announced|announced (?:today|that|it)|is expected to)\b/i,
      /^[A-Z][A-Z .]{2,40}(?:,[\w .]{1,40})?\s?(?:—|--)/m,
    ],
  },
  'a contract or legal terms': {
    needs: 3,
    words: [
      /\b(?:this|the) (?:lease |license |service |purchase )?agreement\b/i,
      /\bshall\b/i,
      /\b(?:whereas|hereby|hereinafter|in witness whereof|the parties)\b/i,
      /\b(?:landlord|tenant|licensee|licensor|lessee|lessor)\b/i,
      /\b(?:governing law|limitation of liability|indemnif\w+|terms of (?:service|use))\b/i,
      /\byou agree\b|\bby (?:accessing|using) the service\b/i,
      /\b(?:represent and warrant|to the maximum extent permitted by law)\b/i,
      /^[^\w\n]*(?:claimant|respondent|defendant|plaintiff|appellant|petitioner)s?\s*:/im,
      /^[^\w\n]*in the (?:[\w&]+ ){0,3}(?:court|tribunals?)\b/im,
    ],
  },
  'a research paper': {
    needs: 3,
    words: [
      /^[^\w\n]*abstract[^\w\n]*$/im,
      /^[^\w\n]*keywords?\s*:/im,
      /\bwe (?:propose|present|show|introduce|find|report|evaluate)\b/i,
      /\bet al\.?/i,
      /\[\d+(?:,\s*\d+)*\]/,
      /\bin partial fulfil+ment of the requirements\b|\b(?:dissertation|thesis) submitted (?:to|in|for)\b/i,
      /^[^\w\n]*(?:\d\.?\s*)?(?:introduction|related work|methods?|conclusions?)[^\w\n]*$/im,
      /\bour (?:model|method|approach|results|findings)\b/i,
    ],
  },
  'a story': {
    needs: 2,
    core: 2,
    words: [
      /^[^\w\n]*chapter\b/im,
      /[”"][\s\S]{0,3}\b(?:she|he|they|i) (?:said|asked|replied|whispered|shouted)\b|\b(?:had said|she said|he said)\b/i,
      /\b(?:she|he) (?:had|was|realised|realized|felt|knew|thought)\b/i,
    ],
  },
  'a biography': {
    needs: 2,
    words: [
      /\(\s*(?:née|born)\b|\bwas born (?:in|on)\b/i,
      /^[^\w\n]*(?:early life|later life|personal life|legacy|death)[^\w\n]*$/im,
      /\b(?:1[5-9]|20)\d\d\s*[–-]\s?\d{0,2}\s?\w{0,12}\s?(?:1[5-9]|20)\d\d\)/,
      /\b(?:she|he) (?:was|is) (?:an?|the) (?:\w+ ){0,3}(?:mathematician|writer|scientist|artist|politician|poet|musician|engineer)\b/i,
      // A life told to its end: "– died 11 September 2019", "He died in 2019".
      /\bdied (?:on |in )?(?:\d{1,2} )?(?:\p{L}+ )?(?:1[5-9]|20)\d\d\b/iu,
    ],
  },
  'a product manual': {
    needs: 3,
    words: [
      /\b(?:user manual|user guide|instruction manual|quick start)\b/i,
      /\b(?:package contents|what's in the box|before first use)\b/i,
      /^[^\w\n]*troubleshooting[^\w\n]*$/im,
      /\bwarranty\b/i,
      /\bpress and hold\b/i,
      /\bmodel (?:no\.?|number)?\s*[A-Z]{1,4}-?\d/i,
    ],
  },
  'a timetable': {
    needs: 2,
    words: [
      /\btime-?table\b/i,
      /\bmonday\b[\s\S]{0,80}\btuesday\b[\s\S]{0,80}\bwednesday\b/i,
      { each: /\b\d{1,2}[:.]\d\d\s*[-–]\s*\d{1,2}[:.]\d\d\b/g, atLeast: 3 },
      /^[ \t]*(?:\d{1,2}[:.]\d\d\s*[-–]\s*\d{1,2}[:.]\d\d\s+)?(?:period|lunch|break|registration)\b/im,
      /\b(?:keynote|programme|timetable|(?:panel|workshop|talk):)/i,
    ],
  },
  'an email thread': {
    needs: 3,
    words: [
      /^[ \t]*from:/im,
      /^[ \t]*to:/im,
      /^[ \t]*subject:/im,
      /^[ \t]*(?:sent|date):/im,
      /^[ \t]*cc:/im,
      /original message|wrote:[ \t]*$/im,
    ],
  },
  'song lyrics': {
    needs: 2,
    words: [
      /^[^\w\n]*verse(?: \d)?[^\w\n]*$/im,
      /^[^\w\n]*chorus[^\w\n]*$/im,
      /^[^\w\n]*bridge[^\w\n]*$/im,
      /^[^\w\n]*(?:pre-chorus|outro|intro|hook)[^\w\n]*$/im,
    ],
  },
  'a travel booking': {
    needs: 3,
    words: [
      /\bbooking reference\b|\bconfirmation (?:number|code)\b/i,
      /\bpassenger\b/i,
      /\b(?:outbound|return|departure|arrival)\b/i,
      /\bseat \d+[A-K]\b/i,
      /\b(?:check in online|checked bag|boarding)\b/i,
      /\bterminal \d\b/i,
    ],
  },
  'a prescription or medical note': {
    needs: 3,
    words: [
      /^[ \t]*rx\b/im,
      /\bpatient\s*:/i,
      /\b(?:dob|date of birth)\s*:/i,
      /\b\d+\s*mg\b/i,
      /\b(?:capsules?|tablets?)\b/i,
      /\b(?:take (?:one|two|\d)|times a day|as needed)\b/i,
      /\bprescriber\b/i,
    ],
  },
  'an invitation': {
    needs: 2,
    core: 2,
    words: [
      /\brequest the (?:pleasure|honou?r)\b/i,
      /\brsvp\b|\bkindly reply\b/i,
      /\b(?:marriage|wedding|birthday party|celebration of)\b/i,
      /\bto follow\b/i,
    ],
  },
  'a course syllabus': {
    needs: 3,
    words: [
      /\bsyllabus\b/i,
      /\boffice hours\b/i,
      /\bprerequisites?\b/i,
      /^[^\w\n]*grading\b/im,
      /\b(?:learning outcomes|course description|course objectives)\b/i,
      /\b(?:midterm|final exam|homework)\b/i,
    ],
  },
  'a chat export': {
    needs: 2,
    words: [],
    // "15/01/2024, 09:02 - Bea: …", "[3/4/24, 9:15:02 AM] Jerome: …": a chat tool's export, line by line.
    shape: (lines) =>
      lines.length >= 4 &&
      share(lines, (line) => /^\[?\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4},? \d{1,2}:\d\d/.test(line)) >= 0.5,
  },
  'an FAQ page': {
    needs: 2,
    words: [/\bfrequently asked questions\b|\bfaqs?\b/i],
    // Questions end in a word and one mark; "Excel ?????" is a skill bar a font could not draw.
    shape: (lines) => lines.filter((line) => /\p{L}["')]?\s*\?\s*$/u.test(line)).length >= 3,
  },
  'a social media post': {
    needs: 2,
    core: 2,
    words: [/(?:#\w+\s+){1,}#\w+/, /^[ \t]*1\/\s/m, /🧵|\bthread\b/i],
  },
  'a certificate': {
    needs: 2,
    words: [
      /\bcertificate of (?:completion|achievement|participation|attendance|appreciation)\b/i,
      /\bthis is to certify\b/i,
      /\bhas successfully completed\b/i,
      /\bhas been (?:awarded|conferred)\b|\bconferred (?:up)?on\b/i,
      /\badmitted to the degree of\b|\bunder the (?:common )?seal of\b/i,
      /\bawarded (?:on|to)\b/i,
    ],
  },
  'a company web page': {
    needs: 3,
    words: [
      /^[^\w\n]*about us[^\w\n]*$/im,
      /\bour (?:mission|values|story|vision)\b/i,
      /\b(?:get in touch|contact us|free quote|request a (?:quote|demo))\b/i,
      /\b(?:founded in|established in|since) (?:1[89]|20)\d\d\b[^.\n]{0,60}\b(?:has grown|company|firm|business)/i,
      /\bour (?:team|clients|customers|services|products)\b/i,
    ],
  },
  'a calendar invitation': {
    needs: 3,
    words: [
      /^[ \t]*invitation:/im,
      /^[ \t]*(?:when|where):/im,
      /^[ \t]*(?:organi[sz]er|guests|attendees):/im,
      /\b(?:google calendar|outlook|join (?:zoom|teams) meeting|meet\.google\.com|zoom\.us\/j)\b/i,
      /\bgoing\?|\baccept\s*[-|·]\s*tentative\s*[-|·]\s*decline\b/i,
    ],
  },
  'a policy document': {
    needs: 3,
    words: [
      /^[^\w\n]*(?:\d+\.?\s*)?(?:purpose|scope|policy statement|definitions)[^\w\n]*$/im,
      /\bthis policy\b/i,
      /\b(?:applies to all|are entitled to|is entitled to)\b/i,
      /\b(?:policy owner|last reviewed|effective date|review date)\b/i,
      /\bemployees (?:must|should|may|are)\b/i,
    ],
  },
  'a performance review': {
    needs: 3,
    words: [
      /\b(?:performance (?:review|appraisal|evaluation)|annual review)\b/i,
      /\breview period\b/i,
      /\boverall rating\b|\b(?:exceeds|meets|below) expectations\b/i,
      /^[^\w\n]*areas? (?:for|of) (?:development|improvement)[^\w\n]*$/im,
      /\b(?:employee comments|manager comments|reviewer)\b/i,
      /^[^\w\n]*goals for (?:19|20)\d\d[^\w\n]*$/im,
    ],
  },
  'a personal statement or essay': {
    needs: 3,
    words: [
      /\bever since i\b/i,
      /\bi (?:hope|want|wish|would like) to study\b/i,
      /\b(?:this|the|a demanding|a challenging) (?:\w+ )?(?:degree )?course\b/i,
      /\b(?:a-?levels?|ucas|gcses?|sixth form)\b/i,
      /\bi believe (?:that )?my\b/i,
      /\bat university\b/i,
    ],
  },
  'a menu': {
    needs: 2,
    words: [
      /^[^\w\n]*(?:starters|appetizers|mains|main courses|desserts|sides|drinks)[^\w\n]*$/im,
      { each: /(?<!\.)\.{4,}[ \t]*[£$€]?[ \t]?\d+(?:\.\d\d?)?[ \t]*$/gm, atLeast: 3 },
      /\b(?:service charge|allergies|\(v\)|vegan options)\b/i,
    ],
  },
  'a software README': {
    needs: 3,
    words: [
      /^#*[ \t]*(?:installation|install|getting started)[ \t]*$/im,
      /^#*[ \t]*usage[ \t]*$/im,
      /^#*[ \t]*(?:license|contributing)[ \t]*$/im,
      /\b(?:npm install|pip install|cargo add|go get|brew install|git clone)\b/i,
      /\bpull requests? (?:are )?welcome\b/i,
      /^[ \t]*(?:GET|POST|PUT|PATCH|DELETE)[ \t]+\/\S*/m,
      /\b(?:base url|rate limit|bearer token|api key)\b|\bcurl -/i,
      /^[^\w\n]*(?:query parameters|request body|response body|example (?:request|response))[^\w\n]*$/im,
    ],
  },
  'an obituary': {
    needs: 2,
    words: [
      /\bpassed away\b/i,
      /\b(?:is|was) survived by\b/i,
      /\b(?:funeral|memorial service|in (?:his|her|their) memory)\b/i,
      /\bwill be (?:dearly|sadly) missed\b/i,
    ],
  },
  'an announcement': {
    needs: 2,
    words: [
      /\b(?:pleased|delighted|happy|excited|proud) to announce\b/i,
      /\bplease join (?:me|us) in (?:congratulating|welcoming)\b/i,
      /^[ \t]*subject:/im,
      /^[ \t]*(?:team|all|hi (?:all|everyone|team)|hello (?:all|everyone|team)),?[ \t]*$/im,
    ],
  },
  'a proposal or report': {
    needs: 2,
    words: [
      /\b(?:this proposal|project summary|budget justification|indirect costs|specific aims|deliverables|executive summary)\b/i,
      /^[^\w\n]*(?:aims?|objectives|method(?:ology)?|results|discussion|conclusions?|findings|recommendations)[^\w\n]*$/im,
      /^[^\w\n]*(?:budget|timeline|background|introduction)[^\w\n]*$/im,
    ],
  },
  'a user story or ticket': {
    needs: 2,
    words: [
      /\bas an? [\w ]{2,30}, i want\b/i,
      /^[^\w\n]*acceptance criteria[^\w\n]*$/im,
      /\bgiven [^\n]{3,80}\bwhen [^\n]{3,80}\bthen\b/i,
      /\b(?:story points?|estimate: \d+ points?|steps to reproduce|expected (?:result|behaviou?r))\b/i,
      /^[^\w\n]*(?:assignee|reporter)\s*:/im,
      /^[^\w\n]*(?:priority|issue type|type)\s*:\s*(?:low|medium|high|critical|blocker|major|minor|bug|task|story|service request)\b/im,
    ],
  },
  'an encyclopedia article': {
    needs: 2,
    words: [
      /^[^\w\n]*(?:history|see also|external links|products and services|early years|etymology|geography)[^\w\n]*$/im,
      /\b(?:is|was) an? (?:\w+ ){0,4}(?:company|corporation|conglomerate|organi[sz]ation|city|country|town|university|band|film|species)\b/i,
      /\b(?:headquartered in|was founded (?:by|in)|founded by)\b/i,
    ],
  },
  'a blog post': {
    needs: 2,
    core: 3,
    words: [/\bposted (?:by|on)\b/i, /\b\d+ min(?:ute)? read\b/i, /\bleave a comment\b/i, /\bsubscribe\b/i],
  },
}

interface KindFound {
  kind: string
  /** Distinct phrases found, with the text they matched. */
  evidence: string[]
  /** How far past its threshold the kind is: hits / needs. */
  strength: number
}

/** What the text carries of a resume. */
interface ResumeSigns {
  email: boolean
  phone: boolean
  profile: boolean
  /** Distinct resume sections with a heading (a short line of its own, or "Skills:" opening a line). */
  headings: number
  /** Distinct resume section words anywhere (a resume run together on one line has no heading lines). */
  inlineHeadings: number
  /** Dated spans ("2018 - 2021", "Jan 2019 – Present"). */
  ranges: number
  /** The first line reads as a person's name. */
  name: boolean
  titles: boolean
  degrees: boolean
  resumeWords: boolean
}

function readSigns(text: string, lines: readonly string[]): ResumeSigns {
  // A heading set letter-spaced ("E X P E R I E N C E") is read by its word, as the reader reads it.
  const short = lines.filter((line) => line.length <= 48).map(unspaced)
  const headings = HEADINGS.filter(
    (heading) => short.some((line) => heading.ownLine.test(line)) || lines.some((line) => heading.leading.test(line)),
  ).length
  const inlineHeadings = HEADINGS.filter((heading) => heading.inline.test(text)).length
  const distinctive = new Set([...text.matchAll(INLINE_HEADINGS)].map((match) => match[0].toLowerCase())).size
  const spans = new Set<string>()
  for (const pattern of DATE_RANGES) for (const match of text.matchAll(pattern)) spans.add(match[0].toLowerCase())
  return {
    email: EMAIL.test(text),
    phone: lines.some((line) => PHONE.test(line) && (line.match(/\d/g)?.length ?? 0) >= 8),
    profile: PROFILE.test(text),
    headings: Math.max(headings, distinctive),
    inlineHeadings,
    ranges: spans.size,
    name: NAME_LINE.test(lines[0] ?? ''),
    titles: TITLES.test(text),
    degrees: DEGREES.test(text),
    resumeWords: RESUME_WORDS.test(text),
  }
}

/** One number for how much the text reads as a resume; 0 is nothing at all, 5 and more is plainly one. */
function resumeScore(signs: ResumeSigns): number {
  return (
    (signs.email ? 2 : 0) +
    (signs.phone ? 1 : 0) +
    (signs.profile ? 1 : 0) +
    1.5 * Math.min(4, signs.headings) +
    (signs.headings === 0 ? 0.5 * Math.min(3, signs.inlineHeadings) : 0) +
    (signs.ranges >= 2 ? 3 : signs.ranges === 1 ? 1.5 : 0) +
    (signs.titles ? 1 : 0) +
    (signs.degrees ? 1 : 0) +
    (signs.resumeWords ? 1 : 0)
  )
}

/**
 * With no other kind found, a text passes on any one sign of a person (an email, a phone with a title, a
 * section heading, a dated span); below it is only a job title or a degree word in passing.
 */
const SOME_SIGN_OF_A_RESUME = 2

/** A text this resume-like passes whatever other kind its words suggest, unless it has no section heading and ... */
const PLAINLY_A_RESUME = 5
/** ... the kind is this strong (half as many of its phrases again as it needs). */
const STRONGLY = 1.5

function otherKinds(text: string, lines: readonly string[], only?: (kind: string) => boolean): KindFound[] {
  const found: KindFound[] = []
  for (const [kind, rule] of Object.entries(OTHER_KINDS)) {
    if (only && !only(kind)) continue
    const evidence: string[] = []
    for (const probe of rule.words) {
      const found = matchOf(text, probe)
      if (found) evidence.push(found.trim().replace(/\s+/g, ' ').slice(0, 40))
    }
    if (rule.core !== undefined && !rule.words.slice(0, rule.core).some((probe) => matchOf(text, probe)))
      evidence.length = 0
    let hits = evidence.length
    if (rule.shape?.(lines)) hits = Math.max(hits + 1, rule.needs)
    if (hits >= rule.needs) found.push({ kind, evidence, strength: hits / rule.needs })
  }
  return found.sort((a, b) => b.strength - a.strength)
}

const matchOf = (text: string, probe: Probe): string | null =>
  probe instanceof RegExp ? (probe.exec(text)?.[0] ?? null) : repeated(text, probe)

/** The first match, when the phrase comes often enough (the pattern is global). */
function repeated(text: string, probe: { each: RegExp; atLeast: number }): string | null {
  const matches = text.match(probe.each) ?? []
  return matches.length >= probe.atLeast ? `${matches[0]} (${matches.length} times)` : null
}

export function judgeResumeLikeness(fullText: string): Likeness {
  const text = fullText.slice(0, JUDGED_CHARS)
  const lines = text
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
  const signs = readSigns(text, lines)
  const score = resumeScore(signs)
  // A posting and a letter are judged first; the other kinds only when the text is not plainly a resume.
  // Each kind's phrases are looked for only when its rule could refuse this text: the search is most of
  // the judge's cost, and most resumes rule every kind out by their signs alone.
  const firstKinds = new Set(['a job posting', 'a letter', 'a biography', 'a research paper'])
  const kindFound = (name: string) => otherKinds(text, lines, (kind) => kind === name)[0]

  // A job posting has a resume's headings (skills, education, experience) but no dated work history.
  const posting = signs.ranges < 2 ? kindFound('a job posting') : undefined
  if (posting && speaksAsEmployer(text, posting, signs)) return refusal(posting, signs)
  // A letter alone: no resume section, at most one dated span (a cover letter followed by its resume passes).
  const letter = signs.headings === 0 ? kindFound('a letter') : undefined
  if (letter && (signs.ranges <= 1 || letter.strength >= 2)) return refusal(letter, signs)
  // A life told in the third person with no way to reach the person is an article about them.
  const biography = !signs.email && !signs.phone ? kindFound('a biography') : undefined
  if (biography) return refusal(biography, signs)
  const told = !signs.email && !signs.phone && signs.headings === 0 ? toldAboutSomeone(text) : null
  if (told) return refusal(told, signs)
  // A paper's authors give e-mails and degrees, but no dated history of their own.
  const paper = signs.ranges < 2 ? kindFound('a research paper') : undefined
  if (paper) return refusal(paper, signs)
  // A blank form (an application form, a template) has a resume's headings and no one's details.
  const blanks =
    (text.match(/_{4,}/g)?.length ?? 0) +
    (text.match(
      /\[(?:your |job |company|degree|school|skill|phone|email|start date|end date|year|city)[^\]\n]{0,30}\]/gi,
    )?.length ?? 0)
  // So many that the contact details are placeholders too ("[email@example.com] | [Phone]").
  if (blanks >= 5 && ((!signs.email && !signs.phone) || blanks >= TEMPLATE_BLANKS))
    return refusal({ kind: 'a blank form or template', evidence: [], strength: 1 }, signs)
  const rest = () => otherKinds(text, lines, (kind) => !firstKinds.has(kind))
  // What the top says it is, unless a resume's sections and dated jobs follow (a cover letter's title).
  const about = signs.headings >= 3 && signs.ranges >= 2 ? null : whatTheTopSays(text, lines, signs)
  if (about) return refusal(rest()[0] ?? { kind: about, evidence: [], strength: 1 }, signs)
  if (score >= PLAINLY_A_RESUME && signs.headings > 0) return PASSES
  const [other] = rest()
  if (score >= PLAINLY_A_RESUME && signs.ranges > 0) {
    // A resume's words in a press release or an article, without a heading of a resume's own.
    return other && other.strength >= STRONGLY ? refusal(other, signs) : PASSES
  }
  if (other) return refusal(other, signs)
  // A name on the first line counts here only: a short text that is a name and a title is someone's.
  if (score + (signs.name ? 1 : 0) >= SOME_SIGN_OF_A_RESUME) return PASSES
  return refusal(null, signs)
}

/**
 * A job posting speaks to the reader ("you will", "we offer") or carries many of a posting's phrases, or
 * has no contact of a person; a resume that names a recruiter's words ("what you will do") speaks as "I".
 */
function speaksAsEmployer(text: string, posting: KindFound, signs: ResumeSigns): boolean {
  const count = (pattern: RegExp) => text.match(pattern)?.length ?? 0
  const employerVoice = count(/\b(?:you|your|we|we're|we'd|our|us)\b/gi)
  const personVoice = count(/\b(?:I|I'm|I've|my|My|me)\b/g)
  const contact = signs.email || signs.phone
  const many = posting.evidence.length >= 4
  // A hiring manager's post speaks as "I" too ("my team is growing", "DM me"), with many of a posting's phrases.
  if (contact && personVoice >= 1 && (signs.ranges >= 1 || (personVoice > employerVoice && !many))) return false
  return employerVoice >= 2 || many || !contact
}

/**
 * The head nouns of documents that name their kind in a title ("EMPLOYMENT BACKGROUND VERIFICATION
 * REPORT", "Weekly Timesheet", "SALARY CERTIFICATE", "Team Directory — updated 12 Feb"). Words a
 * resume's top may end on are left out: "Contract" (a kind of job), "Manual" (testing), "Survey"
 * (land), "Guide" (tour), "Policy" (public), "Reference", "Notice" (period), "Summary", "Bio".
 */
const DOCUMENT_NOUNS =
  'report|form|certificate|claim|time ?sheet|minutes|notes|directory|transcript|register|sheet|newsletter|' +
  'chart|agreement|invoice|receipt|itinerary|agenda|memo|memorandum|affidavit|brochure|handbook|proposal|' +
  'documentation|citation|announcement|invitation|bios|retro|retrospective|syllabus|timetable|checklist|' +
  'questionnaire|evaluation|feedback|letter|plan|slip|quotation|changelog|press release|judge?ment|scorecard|' +
  'speakers|(?:privacy|data protection|legal) notice|(?:privacy|cookie) policy|' +
  '(?:company|corporate|business) profile|statement of (?:work|purpose|account)|(?:bank|account) statement|' +
  'shortlist|data ?sheet|(?:interview|exit interview|employee|training|attendance|service|medical) record|' +
  '(?:leave|travel|expense|attendance|hr|remote work(?:ing)?|work from home|hybrid work(?:ing)?|grievance|' +
  'anti-harassment|whistleblow(?:er|ing)|(?:information |it )?security|recruitment|hiring) policy'
/** Its noun ends the title or a part of it ("… FORM — CONFIDENTIAL", "Certificate of Completion", "Report #11"). */
const DOCUMENT_TITLE = new RegExp(
  `\\b(?:${DOCUMENT_NOUNS})\\b(?=[ \\t]*(?:$|[—–|(\\[#]|- |of\\b|no\\.|v?\\d|version\\b|rev(?:ision)?\\b))`,
  'i',
)
/** A title capitalises its words ("Weekly Timesheet", "TEAM DIRECTORY"); a sentence or a list does not. */
const LOWER_WORD = /(?<![\p{L}'’-])(?!(?:with|from|under|into|upon|cum|for|and|the)\b)\p{Ll}[\p{L}'’-]{3,}/u
/**
 * A title that says it is a resume, a candidate's profile an agency sends, or an application an
 * applicant tracking system exports ("APPLICATION FORM - EXPORTED FROM RECRUITMENT SYSTEM").
 */
const RESUME_TITLE =
  /\b(?:resume|résumé|cv|curriculum vitae|bio-?data|lebenslauf|portfolio|candidate (?:profile|summary|brief|details|application|submission|submittal|presentation)|kandidaten(?:vorstellung|profil)|applicant (?:profile|details)|application form)\b/i
/** A document's title is among its first lines, above anything a resume would head a section with. */
const TITLE_LINES = 8
/** A first line that is an organisation's name ("FALCON BAY CONSTRUCTION L.L.C.", "Harbourline Logistics Ltd"). */
const LETTERHEAD =
  /\b(?:ltd|limited|llc|l\.l\.c|inc|plc|pvt|gmbh|ag|s\.a|s\.a\. de c\.v|pty|b\.?v|sdn bhd|corp|corporation|co)\.?[ \t]*$/i
/** More addresses than a resume gives (its own and a few referees'): a list of people. */
const MANY_PEOPLE = 5
const TITLE_MAX = 120
const TITLE_QUOTED = 60
const clip = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text)

/**
 * What the top of a document says it is when that is not a person's resume: a title naming another
 * kind, an organisation's letterhead, or a list of many people's addresses.
 */
function whatTheTopSays(text: string, lines: readonly string[], signs: ResumeSigns): string | null {
  const title = documentTitle(lines)
  if (title) return `a document titled “${clip(title, TITLE_QUOTED)}”`
  const first = lines[0] ?? ''
  const resumeTitled = lines.slice(0, TITLE_LINES).some((line) => RESUME_TITLE.test(line))
  if (first.length <= TITLE_MAX && LETTERHEAD.test(first) && !resumeTitled)
    return `a document from an organisation (“${clip(first, TITLE_QUOTED)}”)`
  const addresses = new Set([...text.matchAll(EMAILS)].map((match) => match[0].toLowerCase())).size
  if (addresses >= MANY_PEOPLE && signs.ranges < 2) return `a list of people (${addresses} e-mail addresses)`
  // An e-mail, unless the resume follows it ("Please find below my CV", then "CURRICULUM VITAE"), or is
  // pasted into it without headings: dated jobs under a job title or above a degree, in a message that
  // does not say the resume is attached (a recruiter's summary of the candidate names both).
  const top = lines.slice(0, TITLE_LINES)
  const resumeBelow =
    signs.headings >= 2 ||
    (signs.ranges >= 2 && (signs.titles || signs.degrees) && !RESUME_ATTACHED.test(text)) ||
    lines.some((line) => RESUME_TITLE_LINE.test(line))
  if (!resumeBelow && top.some((line) => /^from\s*:/i.test(line)) && top.some((line) => /^subject\s*:/i.test(line)))
    return 'an e-mail message (“From:”, “Subject:”)'
  const howTo = top.find((line) => HOW_TO.test(line))
  if (howTo) return `a guide (“${clip(howTo, TITLE_QUOTED)}”)`
  return null
}

/** "Please find attached Gareth Pryce's CV", "CV attached", "I am attaching my resume". */
const RESUME_ATTACHED =
  /\b(?:(?:find|see) (?:\w+ ){0,2}attached|attached (?:is|are|please|herewith|you will)|(?:cv|resume|résumé) (?:is )?attached|attaching)\b/i

/** A line that is only a resume's title: "CURRICULUM VITAE", "Resume". */
const RESUME_TITLE_LINE = /^[\s#=*_~-]*(?:resume|résumé|cv|curriculum vitae|bio-?data)[\s#=*_~:-]*$/i

/** A guide's title: "How to Write a Graduate CV". */
const HOW_TO =
  /^(?:a |the )?(?:(?:quick|short) )?(?:guide to|how to) (?:write|make|build|create|prepare|format|improve|update|tailor)\b/i

/** The first line at the document's top that names it as some other kind of document, if any. */
function documentTitle(lines: readonly string[]): string | null {
  for (const raw of lines.slice(0, TITLE_LINES)) {
    const line = raw.replace(/^[\s#=*_~>•·|-]+|[\s=*_~|-]+$/g, '')
    if (!line) continue
    if (RESUME_TITLE.test(line) || HEADINGS.some((heading) => heading.ownLine.test(line))) return null
    if (HEADINGS.some((heading) => heading.leading.test(line))) return null
    // A title comes before the running text: below a paragraph, a line in capitals heads a section
    // ("REQUIREMENTS ELICITATION & DOCUMENTATION", a business analyst's skills grouped by what she does).
    if (line.length > TITLE_MAX) return null
    if (EMAIL.test(line)) continue
    const noun = DOCUMENT_TITLE.exec(line)
    if (!noun || DATE_RANGES.some((range) => line.match(range))) continue
    // Its words are capitalised up to the noun and on to the next part ("— notes (typed up from call)" may follow).
    const after = line.slice(noun.index + noun[0].length).split(/[—–|([]/)[0]!
    if (!LOWER_WORD.test(line.slice(0, noun.index)) && !LOWER_WORD.test(after)) return line
  }
  return null
}

/** Placeholders enough to be a template whatever else it holds: a filled resume has none. */
const TEMPLATE_BLANKS = 10

/** A third person told of this often, more than an "I", is someone written about (a tribute, a company's bio). */
const TOLD_ABOUT = 5

/** A text about someone else: "she" and "his" throughout, no "I" to match them. */
function toldAboutSomeone(text: string): KindFound | null {
  const third = text.match(/\b(?:he|she|his|her|him)\b/gi) ?? []
  const first = text.match(/\b(?:I|my|me)\b/g)?.length ?? 0
  if (third.length < TOLD_ABOUT || third.length <= first) return null
  const word = third[0]!.toLowerCase()
  return { kind: 'an article about someone', evidence: [`${word}, ${third.length} times`], strength: 1 }
}

const PASSES: Likeness = { resume: true, message: null, kind: null }

function refusal(found: KindFound | null, signs: ResumeSigns): Likeness {
  const missing = [
    signs.email || signs.phone ? null : 'no contact details',
    signs.headings > 0 ? null : 'no resume sections (experience, education, skills)',
    signs.ranges > 0 ? null : 'no dated work history',
  ].filter((part): part is string => part !== null)
  const quoted = found?.evidence.length
    ? ` (${found.evidence
        .slice(0, 3)
        .map((word) => `“${word}”`)
        .join(', ')})`
    : ''
  const what = found ? `This reads as ${found.kind}${quoted}, not a resume` : 'This does not read as a resume'
  const tail = missing.length ? `: it has ${joinList(missing)}.` : '.'
  return { resume: false, message: `${what}${tail}`, kind: found?.kind ?? null }
}

function joinList(parts: readonly string[]): string {
  if (parts.length <= 1) return parts.join('')
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`
}
