import { z } from 'zod'

/** Field shapes the interview requests share. */
export const id = z.string().min(1).max(64)
export const line = (min: number, max: number) => z.string().trim().min(min).max(max)
