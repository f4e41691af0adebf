/**
 * The most alternatives one job skill holds ("Figma, Sketch, Adobe XD or Penpot"); a posting that
 * offers more is read as its first ones. In a module of its own, without the contract's schemas, so
 * that the taxonomy's suggestions (which a parse worker loads) need no zod.
 */
export const MAX_ALTERNATIVES = 8
