import { z } from 'zod'
import {
  difficultySchema,
  type ClaimView,
  type ConsistencyView,
  type EvidenceQuote,
  type SkillBoundaryView,
  type SkillScoreView,
} from '../../../shared/contract/interviews'
import type { StoredPassUsage } from './draft'

/*
 * The shapes of the assessment tables' JSON columns, checked on read: a synced row may come from
 * another version of the app, and a damaged one must not break the review.
 */

export const quotesSchema = z.array(
  z.object({ turnIndex: z.number().int().nullable(), text: z.string() }),
) satisfies z.ZodType<EvidenceQuote[]>

const claim = z.object({ text: z.string(), quotes: quotesSchema, supported: z.boolean() })

export const claimsSchema = z.array(claim) satisfies z.ZodType<ClaimView[]>

export const consistencySchema = z.array(
  claim.extend({ kind: z.enum(['consistent', 'contradiction', 'resume_mismatch']) }),
) satisfies z.ZodType<ConsistencyView[]>

export const skillScoresSchema = z.array(
  z.object({ skill: z.string(), score: z.number(), reason: z.string(), quotes: quotesSchema, supported: z.boolean() }),
) satisfies z.ZodType<SkillScoreView[]>

export const boundariesSchema = z.array(
  z.object({
    skill: z.string(),
    highestPassed: difficultySchema.nullable(),
    lowestFailed: difficultySchema.nullable(),
    resolved: z.boolean(),
  }),
) satisfies z.ZodType<SkillBoundaryView[]>

export const passesSchema = z.array(
  z.object({
    pass: z.enum(['per_answer', 'across', 'overall']),
    promptVersion: z.string(),
    calls: z.number(),
    inputTokens: z.number(),
    outputTokens: z.number(),
    costNano: z.number(),
  }),
) satisfies z.ZodType<StoredPassUsage[]>

export const stringsSchema = z.array(z.string())
