import { useEffect } from 'react'
import type { Preferences } from '../../../shared/contract/foundation'

/** Applies the chosen theme to the document, following the system when asked to. */
export function useTheme(theme: Preferences['theme'] | undefined) {
  useEffect(() => {
    const media = window.matchMedia('(prefers-color-scheme: dark)')
    const apply = () => {
      const resolved = theme === 'light' || theme === 'dark' ? theme : media.matches ? 'dark' : 'light'
      document.documentElement.dataset.theme = resolved
    }
    apply()
    media.addEventListener('change', apply)
    return () => media.removeEventListener('change', apply)
  }, [theme])
}
