#!/usr/bin/env node
// Publishes a release to a generic update feed folder (what PANELIST_UPDATE_URL serves), and raises
// its staged rollout later. electron-updater reads <channel>[-mac|-linux].yml from the feed: the
// installer's file name, size and sha512 (checked after download), and stagingPercentage, which it
// compares with a random id it keeps per install, so a release reaches that share of installs.
//
//   node build/publish-release.mjs publish --feed DIR --version 1.4.0 --platform win|mac|linux
//        [--staging PERCENT] [--notes FILE] INSTALLER...
//   node build/publish-release.mjs stage --feed DIR --platform win|mac|linux [--channel latest|beta] --staging PERCENT
//
// A stable version is written to latest and beta (beta users also receive stable releases); a
// pre-release such as 1.5.0-beta.2 to beta only. Publishing a version older than the one in the
// feed is refused: electron-updater would not install it, and it would hide the newer one.
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import yaml from 'js-yaml'

const PLATFORM_SUFFIX = { win: '', mac: '-mac', linux: '-linux' }

export class PublishError extends Error {}

/** The channel file electron-updater asks for: latest.yml, beta-mac.yml, latest-linux.yml. */
export const channelFile = (channel, platform) => `${channel}${PLATFORM_SUFFIX[platform]}.yml`

function parseVersion(version) {
  const match = /^(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?$/.exec(version)
  if (!match) throw new PublishError(`"${version}" is not a version such as 1.4.0 or 1.5.0-beta.2.`)
  return { parts: match.slice(1, 4).map(Number), pre: match[4] ?? null }
}

/** Semantic-version order, enough for our versions: numbers, then a pre-release before its release. */
export function compareVersions(a, b) {
  const x = parseVersion(a)
  const y = parseVersion(b)
  for (let i = 0; i < 3; i++) if (x.parts[i] !== y.parts[i]) return x.parts[i] - y.parts[i]
  if (x.pre === y.pre) return 0
  if (x.pre === null) return 1
  if (y.pre === null) return -1
  return x.pre < y.pre ? -1 : 1
}

const channelsOf = (version) => (parseVersion(version).pre ? ['beta'] : ['latest', 'beta'])

function checkStaging(value) {
  const percent = Number(value)
  if (!Number.isInteger(percent) || percent < 1 || percent > 100)
    throw new PublishError('--staging takes a whole percentage from 1 to 100.')
  return percent
}

const sha512 = (file) => crypto.createHash('sha512').update(fs.readFileSync(file)).digest('base64')

function readChannel(feed, file) {
  const full = path.join(feed, file)
  return fs.existsSync(full) ? yaml.load(fs.readFileSync(full, 'utf8')) : null
}

function writeChannel(feed, file, info) {
  // Written beside, then renamed: an updater reading the feed meanwhile sees the old file or the new one.
  const full = path.join(feed, file)
  fs.writeFileSync(`${full}.tmp`, yaml.dump(info, { lineWidth: -1 }))
  fs.renameSync(`${full}.tmp`, full)
}

/** Copies the installers into the feed and points the version's channel files at them. */
export function publish({ feed, version, platform, staging, notes, installers, now = new Date() }) {
  if (!(platform in PLATFORM_SUFFIX)) throw new PublishError('--platform takes win, mac or linux.')
  if (!installers.length) throw new PublishError('Name the installer files to publish.')
  parseVersion(version)
  for (const channel of channelsOf(version)) {
    const current = readChannel(feed, channelFile(channel, platform))
    if (current && compareVersions(version, String(current.version)) < 0)
      throw new PublishError(
        `${channelFile(channel, platform)} already offers ${current.version}, newer than ${version}.`,
      )
  }
  fs.mkdirSync(feed, { recursive: true })
  const files = installers.map((installer) => {
    const url = path.basename(installer)
    fs.copyFileSync(installer, path.join(feed, url))
    return { url, sha512: sha512(installer), size: fs.statSync(installer).size }
  })
  const info = {
    version,
    files,
    path: files[0].url,
    sha512: files[0].sha512,
    releaseDate: now.toISOString(),
    ...(notes ? { releaseNotes: notes } : {}),
    ...(staging === undefined ? {} : { stagingPercentage: checkStaging(staging) }),
  }
  const written = channelsOf(version).map((channel) => channelFile(channel, platform))
  for (const file of written) writeChannel(feed, file, info)
  return written
}

/** Changes the share of installs a published release reaches (100 reaches everyone). */
export function stage({ feed, platform, channel = 'latest', staging }) {
  const file = channelFile(channel, platform)
  const info = readChannel(feed, file)
  if (!info) throw new PublishError(`${file} is not in ${feed}: publish first.`)
  writeChannel(feed, file, { ...info, stagingPercentage: checkStaging(staging) })
  return file
}

function parseArgs(argv) {
  const [command, ...rest] = argv
  const options = { installers: [] }
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i]
    const value = () => {
      const next = rest[++i]
      if (next === undefined) throw new PublishError(`${arg} takes a value.`)
      return next
    }
    if (arg === '--feed') options.feed = value()
    else if (arg === '--version') options.version = value()
    else if (arg === '--platform') options.platform = value()
    else if (arg === '--channel') options.channel = value()
    else if (arg === '--staging') options.staging = value()
    else if (arg === '--notes') options.notes = fs.readFileSync(value(), 'utf8')
    else if (arg.startsWith('--')) throw new PublishError(`Unknown option ${arg}.`)
    else options.installers.push(arg)
  }
  if (!options.feed) throw new PublishError('--feed names the feed folder.')
  return { command, options }
}

function main(argv) {
  const { command, options } = parseArgs(argv)
  if (command === 'publish') {
    if (!options.version) throw new PublishError('--version is required.')
    const written = publish(options)
    process.stdout.write(`Published ${options.version}: ${written.join(', ')}\n`)
  } else if (command === 'stage') {
    if (options.staging === undefined) throw new PublishError('--staging is required.')
    process.stdout.write(`${stage(options)} now reaches ${options.staging}% of installs.\n`)
  } else {
    throw new PublishError('Use "publish" or "stage"; see the top of build/publish-release.mjs.')
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    main(process.argv.slice(2))
  } catch (error) {
    if (!(error instanceof PublishError)) throw error
    process.stderr.write(`${error.message}\n`)
    process.exitCode = 2
  }
}
