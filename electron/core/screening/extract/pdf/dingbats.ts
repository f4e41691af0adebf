/**
 * What ZapfDingbats's character codes 33 to 254 draw, in its built-in encoding (Adobe's glyph list for
 * it, as pdf.js carries it: a1 … a191). pdf.js draws these but reads them as their codes ("l" for ●,
 * "n" for ■); page-walker.ts reads them from here. A code without a glyph is \u0000.
 */
const DRAWN =
  '✁✂✃✄☎✆✇✈✉☛☞✌✍✎✏✐✑✒✓✔✕✖✗✘✙✚✛✜✝✞✟✠' +
  '✡✢✣✤✥✦✧★✩✪✫✬✭✮✯✰✱✲✳✴✵✶✷✸✹✺✻✼✽✾✿❀' +
  '❁❂❃❄❅❆❇❈❉❊❋●❍■❏❐❑❒▲▼◆❖◗❘❙❚❛❜❝❞\u0000❨' +
  '❩❪❫❬❭❮❯❰❱❲❳❴❵\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000\u0000' +
  '❡❢❣❤❥❦❧♣♦♥♠①②③④⑤⑥⑦⑧⑨⑩❶❷❸❹❺❻❼❽❾❿➀' +
  '➁➂➃➄➅➆➇➈➉➊➋➌➍➎➏➐➑➒➓➔→↔↕➘➙➚➛➜➝➞➟➠' +
  '➡➢➣➤➥➦➧➨➩➪➫➬➭➮➯\u0000➱➲➳➴➵➶➷➸➹➺➻➼➽➾'

const FIRST_CODE = 33

/** The symbol a ZapfDingbats character code draws, or null. */
export function dingbat(code: number): string | null {
  const symbol = DRAWN[code - FIRST_CODE]
  return symbol && symbol !== '\u0000' ? symbol : null
}
