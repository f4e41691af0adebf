#!/usr/bin/env node
'use strict'
// Runs the built command line (electron-vite builds electron/cli/cli.ts to out/main/cli.js).
const fs = require('node:fs')
const path = require('node:path')

const cli = path.join(__dirname, '..', 'out', 'main', 'cli.js')
if (!fs.existsSync(cli)) {
  process.stderr.write('panelist: the command line is not built yet; run `npm run build` first.\n')
  process.exit(1)
}
require(cli)
