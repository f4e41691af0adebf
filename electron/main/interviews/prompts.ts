/** A prompt's text with its version; sessions and generated questions record the version used. */
export interface PromptText {
  version: string
  text: string
}

/** The prompts interviews use, read once at start-up from resources/prompts/. */
export interface InterviewPrompts {
  questionGeneration: PromptText
  answerEvaluation: PromptText
  acknowledgement: PromptText
}
