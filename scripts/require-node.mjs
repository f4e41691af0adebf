#!/usr/bin/env node
/**
 * `node scripts/require-node.mjs <major.minor> <what>` stops a script early, in words, when Node is
 * older than <major.minor>. Development, tests and the web host need Node 20.19; building
 * installers needs 22.12, because electron-builder 26 rebuilds native modules with
 * @electron/rebuild 4 (and node-abi 4), which require it.
 */
import path from 'node:path'
import process from 'node:process'
import { pathToFileURL } from 'node:url'

const parse = (version) => version.replace(/^v/, '').split('.').map(Number)

export function isAtLeast(current, minimum) {
  const [major, minor = 0] = parse(current)
  const [wantMajor, wantMinor = 0] = parse(minimum)
  return major > wantMajor || (major === wantMajor && minor >= wantMinor)
}

function main(wanted = '', what = 'this command') {
  if (!/^\d+\.\d+$/.test(wanted)) {
    process.stderr.write('usage: node scripts/require-node.mjs <major.minor> <what>\n')
    process.exit(2)
  }
  if (!isAtLeast(process.version, wanted)) {
    process.stderr.write(
      `Panelist: ${what} needs Node.js ${wanted} or later; this is Node.js ${process.version}.\n` +
        `Install a newer Node.js (https://nodejs.org) and run the command again.\n`,
    )
    process.exit(1)
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href)
  main(process.argv[2], process.argv[3])
