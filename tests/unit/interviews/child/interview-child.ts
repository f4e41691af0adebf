/**
 * An interview in its own process, for crash tests. argv: dataDir, mode, [sessionId].
 * - `mid-answer`: answers two questions, says ANSWERING while "recording" the third, hangs until killed.
 * - `mid-evaluation`: the AI evaluation hangs; says SAVED once the answer is committed, hangs until killed.
 * - `loop`: answers question after question as fast as it can, saying ACKED after each, until killed.
 * - `resume`: opens the same data folder without AI, reads where the interview stands, prints it as JSON.
 */
import { systemClock } from '@core/clock'
import {
  backendQuestions,
  interviewWorld,
  publishedInvitation,
  question,
  scriptedChat,
  spokenAnswer,
} from '../fixtures'

const [dataDir, mode, sessionArg] = process.argv.slice(2) as [
  string,
  'mid-answer' | 'mid-evaluation' | 'loop' | 'resume',
  string | undefined,
]
const say = (event: string, data: object) => process.stdout.write(`${event} ${JSON.stringify(data)}\n`)
const forever = () => new Promise(() => {})
const clock = { now: () => systemClock.now(), advance() {}, set() {} }

async function main() {
  const hanging = scriptedChat({ structured: () => forever() })
  const world = await interviewWorld({ dataDir, clock, chat: mode === 'mid-evaluation' ? hanging : null })
  const { engine } = world.interviews

  if (mode === 'resume') {
    const turn = await engine.currentTurn(sessionArg!)
    const answers = await world.studio.db
      .selectFrom('interview_answers')
      .select(['id', 'turn_index', 'text', 'quality_source'])
      .where('session_id', '=', sessionArg!)
      .orderBy('turn_index')
      .execute()
    say('RESUMED', { turn, answers })
    await world.close()
    return
  }

  const many = Array.from({ length: 30 }, (_, i) => question({ text: `Scripted question number ${i + 1}?` }))
  const { code } = await publishedInvitation(world, mode === 'loop' ? many : backendQuestions(), { maxQuestions: 30 })
  const { sessionId } = await engine.startSession(code)

  if (mode === 'mid-evaluation') {
    const receipt = await engine.submitAnswer(sessionId, spokenAnswer('My background is in payments.', clock.now(), 0))
    say('SAVED', { sessionId, answerId: receipt.answerId })
    await forever()
  }

  if (mode === 'mid-answer') {
    for (let i = 0; i < 2; i++) {
      await engine.submitAnswer(sessionId, spokenAnswer(`Finished answer ${i}`, clock.now(), i))
      await engine.currentTurn(sessionId)
    }
    const turn = await engine.currentTurn(sessionId)
    say('ANSWERING', { sessionId, turnIndex: turn.question!.turnIndex, text: turn.question!.text })
    await forever()
  }

  for (let i = 0; ; i++) {
    await engine.submitAnswer(sessionId, spokenAnswer(`Loop answer ${i}`, clock.now(), i))
    say('ACKED', { sessionId, turnIndex: i })
    const turn = await engine.currentTurn(sessionId)
    if (turn.status !== 'in_progress') break
  }
  say('DONE', { sessionId })
  await forever()
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`)
  process.exit(1)
})
