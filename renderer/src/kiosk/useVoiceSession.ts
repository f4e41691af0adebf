import { useEffect, useMemo, useRef, useState } from 'react'
import type { KioskTurn } from '../../../shared/contract/interviews'
import type { VoicePhase, VoiceStart } from '../../../shared/contract/kiosk'
import { useKiosk } from './kiosk-store'
import { reloadWhenHostIsBack } from './voice/reload-when-back'
import { openVoiceLink, type VoiceLink } from './voice/voice-link'

export interface VoiceView {
  phase: VoicePhase | 'connecting'
  turn: KioskTurn | null
  /** performance.now() when the turn arrived (its remaining time was true then). */
  turnAt: number | null
  /** The candidate's words for the answer in progress. */
  caption: string
  /** The question the caption answers (null for the practice question). */
  captionTurn: number | null
  /** What the interviewer is saying (or last said). */
  interviewer: string
  speaking: boolean
  online: boolean
  notice: string | null
  start: VoiceStart | null
  /** performance.now() when the current listening phase began (for the answer timer). */
  listeningSince: number | null
}

const INITIAL: VoiceView = {
  phase: 'connecting',
  turn: null,
  turnAt: null,
  caption: '',
  captionTurn: null,
  interviewer: '',
  speaking: false,
  online: true,
  notice: null,
  start: null,
  listeningSince: null,
}

/** The candidate's controls; they act on the link that is open when they are pressed. */
export type VoiceControls = Omit<VoiceLink, 'streamId' | 'close'>

/** Runs the voice loop for the practice question or the interview while the screen is shown. */
export function useVoiceSession(practice: boolean): { view: VoiceView; controls: VoiceControls } {
  const token = useKiosk((s) => s.session?.token)
  const mic = useKiosk((s) => s.mic)
  const setTurn = useKiosk((s) => s.setTurn)
  const reset = useKiosk((s) => s.reset)
  const [view, setView] = useState<VoiceView>(INITIAL)
  const link = useRef<VoiceLink | null>(null)
  const controls = useMemo<VoiceControls>(
    () => ({
      interrupt: async () => link.current?.interrupt(),
      endAnswer: async () => link.current?.endAnswer(),
      typing: async (on) => link.current?.typing(on),
      repeat: async () => link.current?.repeat(),
      retake: async () => link.current?.retake(),
      textAnswer: async (input) => link.current?.textAnswer(input),
      camera: (turnIndex, seq, data) => link.current?.camera(turnIndex, seq, data),
    }),
    [],
  )

  useEffect(() => {
    if (!token || !mic) return
    let stopWatching: (() => void) | null = null
    const patch = (next: Partial<VoiceView> | ((current: VoiceView) => Partial<VoiceView>)) =>
      setView((current) => ({ ...current, ...(typeof next === 'function' ? next(current) : next) }))
    const opened = openVoiceLink({
      token,
      practice,
      mic,
      handlers: {
        onStarted(start) {
          patch({ start, turn: start.turn, turnAt: performance.now() })
          if (!practice) setTurn(start.turn)
        },
        onState(state) {
          if (state.turn) setTurn(state.turn)
          patch((current) => {
            const newAnswer = state.phase === 'listening' && current.phase !== 'listening'
            // The last answer's words leave the screen as soon as the interview moves to another question.
            const movedOn = state.turn !== null && (state.turn.question?.turnIndex ?? null) !== current.captionTurn
            return {
              phase: state.phase,
              turn: state.turn ?? current.turn,
              turnAt: state.turn ? performance.now() : current.turnAt,
              notice: state.notice,
              caption: newAnswer || movedOn ? '' : current.caption,
              listeningSince:
                state.phase === 'listening' ? (newAnswer ? performance.now() : current.listeningSince) : null,
            }
          })
        },
        onCaption(text, _final, turnIndex) {
          patch({ caption: text, captionTurn: turnIndex })
        },
        onInterviewerWords(text, fresh) {
          patch((current) => ({ interviewer: fresh ? text : `${current.interviewer} ${text}` }))
        },
        onSpeaking(speaking) {
          patch({ speaking })
        },
        onConnection(online) {
          patch({ online })
          if (online) {
            stopWatching?.()
            stopWatching = null
          } else {
            stopWatching ??= reloadWhenHostIsBack()
          }
        },
        onTokenRejected() {
          reset()
        },
      },
    })
    link.current = opened
    return () => {
      stopWatching?.()
      link.current = null
      void opened.close()
    }
  }, [token, mic, practice, setTurn, reset])

  return { view, controls }
}
