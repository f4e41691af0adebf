import { useEffect, useState } from 'react'

/**
 * Whether the computer shows more than one screen. Chromium answers this without asking (the
 * Window Management API's `screen.isExtended`) and fires `change` on `screen` when a display comes
 * or goes; a browser without it counts as one screen.
 */
/** Screen as Chromium has it: TypeScript's DOM types do not know the Window Management API yet. */
type ManagedScreen = Screen & EventTarget & { isExtended?: boolean }
const managed = () => window.screen as ManagedScreen

export function isExtendedScreen(): boolean {
  return managed().isExtended === true
}

/** Calls `onChange` with isExtendedScreen() whenever the screens change. */
export function watchScreens(onChange: (extended: boolean) => void): () => void {
  const listener = () => onChange(isExtendedScreen())
  const screen = managed()
  // Older engines' Screen is no EventTarget: there, screens are read once.
  if (typeof screen.addEventListener !== 'function') return () => undefined
  screen.addEventListener('change', listener)
  return () => screen.removeEventListener('change', listener)
}

export function useExtendedScreen(): boolean {
  const [extended, setExtended] = useState(isExtendedScreen)
  useEffect(() => watchScreens(setExtended), [])
  return extended
}
