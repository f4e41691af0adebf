/**
 * Saves interview turns the way the kiosk does (the engine's submitAnswer: the answer, the whole
 * session state and the synced summary in one transaction), for bench/db-transactions.ts.
 */
import {
  interviewWorld,
  publishedInvitation,
  spokenAnswer,
  type InterviewWorld,
} from '../tests/unit/interviews/fixtures'

const ANSWER =
  'Because the cache sits in front of the database, for example with a write-through policy, reads stay fast; however invalidation depends on the access pattern, which means we compared TTLs and measured hit rates carefully.'

/** One interview answered to its end (or until `left` turns are saved); returns how many were saved. */
async function answerInterview(world: InterviewWorld, left: number, durations: number[]): Promise<number> {
  const { engine } = world.interviews
  const { code } = await publishedInvitation(world)
  const { sessionId } = await engine.startSession(code)
  let saved = 0
  for (let turn = await engine.currentTurn(sessionId); turn.question && saved < left; saved++) {
    world.clock.advance(25_000)
    const started = performance.now()
    await engine.submitAnswer(sessionId, spokenAnswer(ANSWER, world.clock.now(), turn.question.turnIndex))
    durations.push(performance.now() - started)
    turn = await engine.currentTurn(sessionId)
  }
  return saved
}

/** A studio with the interview engine, answering with the heuristic rater (no AI). */
export const openInterviews = (): Promise<InterviewWorld> => interviewWorld()

/** Saves `count` turns across as many interviews as that takes; returns each save's duration in ms. */
export async function saveInterviewTurns(world: InterviewWorld, count: number): Promise<number[]> {
  const durations: number[] = []
  while (durations.length < count) {
    if (!(await answerInterview(world, count - durations.length, durations))) break
  }
  return durations
}
