import { z } from 'zod'

/** Field shapes every screening request uses. */
export const id = z.string().min(1).max(64)
export const shortText = (max: number) => z.string().trim().max(max)
