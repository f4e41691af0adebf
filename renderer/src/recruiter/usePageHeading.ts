import { useEffect, type RefObject } from 'react'
import { useLocation } from 'react-router-dom'

/**
 * After each navigation, focus goes to the new page's heading, so screen readers and keyboard users
 * land in the content. Areas load lazily and pages show a loading heading before their data, so the
 * heading is followed as it is replaced, until the person moves focus or presses a key themselves.
 */
export function useFocusOnNavigate(main: RefObject<HTMLElement | null>) {
  const { pathname } = useLocation()
  useEffect(() => {
    const root = main.current
    if (!root) return
    let focused: HTMLElement | null = null
    const follow = () => {
      const heading = root.querySelector<HTMLElement>('h1')
      if (!heading || heading === focused) return
      const active = document.activeElement
      // A heading we focused that is gone leaves focus on the body: the new one takes its place.
      if (focused && active !== document.body && active !== focused) return stop()
      if (!heading.hasAttribute('tabindex')) heading.tabIndex = -1
      heading.focus()
      focused = heading
    }
    const observer = new MutationObserver(follow)
    const stop = () => {
      observer.disconnect()
      window.removeEventListener('keydown', stop)
      window.removeEventListener('pointerdown', stop)
    }
    observer.observe(root, { childList: true, subtree: true })
    window.addEventListener('keydown', stop)
    window.addEventListener('pointerdown', stop)
    follow()
    return stop
  }, [pathname, main])
}

/** The window's title follows the page heading ("Backend engineer · Panelist"), as each route shows it. */
export function usePageTitle(main: RefObject<HTMLElement | null>) {
  useEffect(() => {
    const root = main.current
    if (!root) return
    const update = () => {
      const heading = root.querySelector('h1')?.textContent?.trim()
      const title = heading ? `${heading} · Panelist` : 'Panelist'
      if (document.title !== title) document.title = title
    }
    const observer = new MutationObserver(update)
    observer.observe(root, { childList: true, subtree: true, characterData: true })
    update()
    return () => observer.disconnect()
  }, [main])
}
