export { createParsePool, type ParsePool, type ParsePoolOptions, type ParsePoolStats, type ParseSource } from './pool'
export type { ParseResult } from './protocol'
