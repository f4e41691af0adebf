/** How long the platform's voice takes per character, for the wait when it never reports that it finished. */
const MS_PER_CHAR = 75

/**
 * Says a piece of text with the platform's own speech synthesis (scripted mode, or when the
 * provider's voice fails). Resolves when it has been said, or when it plainly will not be: some
 * systems have no voices and never fire `end`.
 */
export function sayWithPlatformVoice(text: string, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const synth = typeof speechSynthesis === 'undefined' ? null : speechSynthesis
    const fallback = setTimeout(done, 1500 + text.length * MS_PER_CHAR)
    function done() {
      clearTimeout(fallback)
      signal.removeEventListener('abort', stop)
      resolve()
    }
    function stop() {
      synth?.cancel()
      done()
    }
    if (signal.aborted) return stop()
    signal.addEventListener('abort', stop, { once: true })
    if (!synth) return
    const utterance = new SpeechSynthesisUtterance(text)
    utterance.lang = document.documentElement.lang || 'en'
    utterance.rate = 0.95
    utterance.onend = done
    utterance.onerror = done
    synth.speak(utterance)
  })
}
