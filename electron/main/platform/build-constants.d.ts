/** PANELIST_UPDATE_URL as it was when the app was built (electron.vite.config.ts `define`); empty when unset. */
declare const __PANELIST_UPDATE_URL__: string
