import { useEffect, useRef, type RefObject } from 'react'
import type { RecordingView } from '../../../../shared/contract/interviews'
import { recordingUrl } from './media-url'

interface Props {
  recordings: RecordingView[]
  /** The element the transcript follows and seeks; the audio when there is one, else the video. */
  mediaRef: RefObject<HTMLMediaElement | null>
  onTime(seconds: number): void
  /** Shown when this window cannot play recordings: where the file is. */
  audioPath: string | null
  label: string
}

/**
 * An answer's recording. The kiosk records sound and picture in separate files; when both exist the
 * video plays muted and follows the audio's play, pause and seeks, so the two stay together.
 */
export function AnswerPlayer({ recordings, mediaRef, onTime, audioPath, label }: Props) {
  const audio = recordings.find((r) => r.kind === 'audio')
  const video = recordings.find((r) => r.kind === 'video')
  const follower = useRef<HTMLVideoElement | null>(null)
  const leads = audio ?? video

  useEffect(() => {
    const lead = mediaRef.current
    const follow = follower.current
    if (!lead || !follow || !audio || !video) return
    const sync = () => {
      if (Math.abs(follow.currentTime - lead.currentTime) > 0.3) follow.currentTime = lead.currentTime
    }
    const play = () => void follow.play().catch(() => {})
    const pause = () => follow.pause()
    lead.addEventListener('seeked', sync)
    lead.addEventListener('play', play)
    lead.addEventListener('pause', pause)
    return () => {
      lead.removeEventListener('seeked', sync)
      lead.removeEventListener('play', play)
      lead.removeEventListener('pause', pause)
    }
  }, [mediaRef, audio, video])

  if (!leads) return <p className="muted">No recording was kept for this answer.</p>
  const leadUrl = recordingUrl(leads.id)
  if (leadUrl === null) {
    return (
      <p className="muted">
        Recordings cannot be played in this window.
        {audioPath ? ` The audio is saved at ${audioPath}.` : ''}
      </p>
    )
  }
  const interrupted = recordings.some((r) => r.status === 'interrupted')
  const timeUpdate = (e: React.SyntheticEvent<HTMLMediaElement>) => onTime(e.currentTarget.currentTime)
  return (
    <div className="review-player">
      {video && (
        <video
          ref={audio ? follower : (mediaRef as RefObject<HTMLVideoElement>)}
          src={recordingUrl(video.id) ?? undefined}
          controls={!audio}
          muted={!!audio}
          preload="metadata"
          aria-label={`${label}: video`}
          onTimeUpdate={audio ? undefined : timeUpdate}
          onSeeked={audio ? undefined : timeUpdate}
          data-testid="answer-video"
        />
      )}
      {audio && (
        <audio
          ref={mediaRef as RefObject<HTMLAudioElement>}
          src={leadUrl}
          controls
          preload="metadata"
          aria-label={`${label}: recording`}
          onTimeUpdate={timeUpdate}
          onSeeked={timeUpdate}
          data-testid="answer-audio"
        />
      )}
      {interrupted && <p className="muted">The recording was cut short; it plays up to where it stopped.</p>}
    </div>
  )
}
