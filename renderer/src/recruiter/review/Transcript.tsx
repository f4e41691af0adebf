import type { TranscriptWordView } from '../../../../shared/contract/interviews'
import { markQuotedWords, wordAt } from './quote-marks'

interface Props {
  text: string
  words: TranscriptWordView[]
  /** Quotes the assessment verified in this answer, highlighted where they were said. */
  quotes: string[]
  /** Playback position in seconds; null before playing. */
  time: number | null
  /** Null when there is nothing to seek (a typed answer, or no playable recording). */
  onSeek: ((seconds: number) => void) | null
}

/**
 * The answer's words. With timings each word is a button that plays from where it was said, and
 * the word being spoken is marked as the recording plays; a typed answer is plain words.
 */
export function Transcript({ text, words, quotes, time, onSeek }: Props) {
  const timed = words.length > 0
  const shown = timed ? words.map((w) => w.word) : text.split(/\s+/).filter(Boolean)
  const quoted = markQuotedWords(shown, quotes)
  const current = timed
    ? wordAt(
        words.map((w) => w.start),
        time,
      )
    : -1
  if (shown.length === 0) return <p className="muted">No words were recorded for this answer.</p>
  return (
    <p className="review-transcript" data-testid="transcript">
      {shown.map((word, i) => {
        const className = `word${quoted[i] ? ' word-quoted' : ''}${i === current ? ' word-current' : ''}`
        const start = timed ? words[i]!.start : null
        return (
          <span key={i}>
            {onSeek && start !== null ? (
              <button
                type="button"
                className={className}
                onClick={() => onSeek(start)}
                aria-current={i === current ? 'true' : undefined}
                title={`Play from ${start.toFixed(1)} s`}
                data-start={start}
              >
                {word}
              </button>
            ) : (
              <span className={className}>{word}</span>
            )}{' '}
          </span>
        )
      })}
    </p>
  )
}
