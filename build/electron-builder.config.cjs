// Installers for Panelist. Run with `npm run dist` (builds first). Needs the Electron binary and
// PANELIST_UPDATE_URL (the https base of the update feed); see build/README.md.
// A function of the environment rather than YAML: what is signed decides what may update, and a
// release manager's certificates arrive as environment variables.
'use strict'

/** @typedef {Record<string, string | undefined>} Env */

/** macOS signs when a certificate is given (a file or a keychain identity). */
const macSigned = (env) => Boolean(env.CSC_LINK || env.CSC_NAME)
/** Notarisation by Apple ID or by App Store Connect API key, as @electron/notarize reads them. */
const macNotarised = (env) =>
  macSigned(env) &&
  Boolean(
    (env.APPLE_ID && env.APPLE_APP_SPECIFIC_PASSWORD && env.APPLE_TEAM_ID) ||
    (env.APPLE_API_KEY && env.APPLE_API_KEY_ID && env.APPLE_API_ISSUER),
  )
/** Windows signs with its own certificate variables, or falls back to CSC_LINK. */
const windowsSigned = (env) => Boolean(env.WIN_CSC_LINK || env.CSC_LINK)

/** The Configuration electron-builder builds with, for this environment. */
function builderConfig(env) {
  const publisherName = env.PANELIST_WIN_PUBLISHER || null
  const feed = { provider: 'generic', url: '${env.PANELIST_UPDATE_URL}' }
  return {
    appId: 'app.panelist.studio',
    productName: 'Panelist',
    copyright: 'Copyright © Panelist',
    // The .deb's homepage and maintainer are required fields (electron-builder refuses to build it
    // without them). A release sets its own; the defaults use the reserved .invalid domain, so a local
    // build's package says plainly that nobody published it.
    extraMetadata: { homepage: env.PANELIST_HOMEPAGE || 'https://panelist.invalid/' },
    directories: { output: 'release/${version}', buildResources: 'build' },

    // Only what the app runs: the electron-vite output and the shipped data. Production dependencies
    // are added by electron-builder and rebuilt for Electron's ABI (npmRebuild).
    files: ['out/**', 'resources/**', 'package.json', '!**/*.map'],
    asar: true,
    // Native code cannot be loaded from inside an asar archive.
    asarUnpack: ['**/node_modules/better-sqlite3/**', '**/*.node'],
    npmRebuild: true,

    // Flipped in the binary before signing. With these, ELECTRON_RUN_AS_NODE, NODE_OPTIONS and
    // --inspect cannot turn the signed app into a Node runtime, and only the integrity-checked asar loads.
    electronFuses: {
      runAsNode: false,
      enableCookieEncryption: true,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      grantFileProtocolExtraPrivileges: false,
      // Flipping fuses breaks the binary's signature, and Apple silicon refuses to launch an unsigned
      // binary. Without a certificate electron-builder does not sign at all, so the ad-hoc signature
      // is reset here; with one, it signs after flipping.
      resetAdHocDarwinSignature: !macSigned(env),
    },

    // Update channels: a version such as 1.4.0-beta.2 publishes to beta.yml; a stable version writes
    // latest.yml and beta.yml, so beta users also receive stable releases.
    detectUpdateChannel: true,
    generateUpdatesFilesForAllChannels: true,
    publish: feed,

    linux: {
      // The .deb, not an AppImage: Ubuntu 23.10+ forbids the unprivileged user namespaces Chromium's
      // sandbox needs unless an AppArmor profile allows them, which the .deb installs and an AppImage
      // cannot (electron/electron#42510), so the AppImage aborts at start there.
      target: ['deb'],
      maintainer: env.PANELIST_MAINTAINER || 'Panelist <release@panelist.invalid>',
      category: 'Office',
      synopsis: 'Desktop interview studio',
      description: 'Screen resumes, run AI-led interviews in a locked kiosk, and review the evidence.',
    },
    deb: { artifactName: '${productName}-${version}-${arch}.${ext}' },

    win: {
      target: ['nsis'],
      // electron-updater checks an update's signature against this name, and skips the check when it
      // is missing. An unsigned build therefore gets no feed: it must never install what it cannot verify.
      ...(publisherName ? { signtoolOptions: { publisherName }, verifyUpdateCodeSignature: true } : {}),
      ...(windowsSigned(env) && publisherName ? {} : { publish: null }),
    },
    nsis: {
      oneClick: false,
      perMachine: false,
      allowToChangeInstallationDirectory: true,
      deleteAppDataOnUninstall: false,
      artifactName: '${productName}-Setup-${version}.${ext}',
    },

    mac: {
      // The zip is what MacUpdater downloads; the dmg is what a person installs from.
      target: ['dmg', 'zip'],
      category: 'public.app-category.business',
      hardenedRuntime: true,
      gatekeeperAssess: false,
      entitlements: 'build/entitlements.mac.plist',
      entitlementsInherit: 'build/entitlements.mac.plist',
      extendInfo: {
        NSCameraUsageDescription: 'Panelist records video answers during interviews you start.',
        NSMicrophoneUsageDescription: 'Panelist records spoken answers during interviews you start.',
      },
      notarize: macNotarised(env),
      // Squirrel.Mac installs only updates signed like the running app: an unsigned build gets no feed.
      ...(macSigned(env) ? {} : { identity: null, publish: null }),
    },
    dmg: { artifactName: '${productName}-${version}-${arch}.${ext}' },
  }
}

module.exports = () => builderConfig(process.env)
module.exports.builderConfig = builderConfig
