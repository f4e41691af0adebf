import { createRequire } from 'node:module'
import path from 'node:path'

/**
 * A CommonJS require for the reader's dependencies. Bundled (CommonJS) code has __filename; under an
 * ES-module test runner, packages resolve from the project.
 */
export const requireHere = () =>
  createRequire(typeof __filename === 'string' ? __filename : path.join(process.cwd(), 'index.js'))
