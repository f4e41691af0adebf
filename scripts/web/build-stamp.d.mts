export const BUILD_INPUTS: string[]
export function newestMtime(root: string, inputs?: string[]): number
export function readStamp(root: string): number | null
export function writeStamp(root: string, startedAt: number): void
export function staleReason(root: string): string | null
