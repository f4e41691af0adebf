import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react'
import type { RequestInput, RequestName, RequestResult } from '../../../shared/contract'
import { call, describeError } from './client'

export interface RequestOptions {
  /** Values besides the input that make it ask again when they change (compared as JSON, as the input is). */
  deps?: readonly unknown[]
  /** Asks only once the input has stood still this long, so typing in a search box is one request. */
  delayMs?: number
}

export interface Requested<T> {
  /** The latest answer; kept while a changed input is asked for, so a list does not blink empty. */
  data: T | null
  /** Why the latest request failed, fit for the user; cleared when one succeeds. */
  error: string | null
  /** A request for the current input has not answered yet. */
  loading: boolean
  /** Asks again with the same input (after a change made elsewhere). */
  reload(): void
  /** Replaces the answer locally: the result of an action, or a change the host pushed. */
  setData: Dispatch<SetStateAction<T | null>>
}

interface Answer<T> {
  data: T | null
  error: string | null
  /** Which request (input and reload count) the answer belongs to. */
  settled: string | null
}

/**
 * Loads a request's result for a component: asks again when the input (by value) or a dep changes,
 * and drops an answer that arrives after the component is gone or its input has moved on, so a slow
 * answer for an old input never overwrites the current one. A null input asks nothing; a list of
 * inputs asks for each and answers with their results in order.
 */
export function useRequest<K extends RequestName>(
  name: K,
  input: RequestInput<K> | null,
  options?: RequestOptions,
): Requested<RequestResult<K>>
export function useRequest<K extends RequestName>(
  name: K,
  inputs: readonly RequestInput<K>[] | null,
  options?: RequestOptions,
): Requested<RequestResult<K>[]>
export function useRequest<K extends RequestName>(
  name: K,
  input: RequestInput<K> | readonly RequestInput<K>[] | null,
  { deps = [], delayMs = 0 }: RequestOptions = {},
): Requested<RequestResult<K> | RequestResult<K>[]> {
  type Data = RequestResult<K> | RequestResult<K>[]
  const [answer, setAnswer] = useState<Answer<Data>>({ data: null, error: null, settled: null })
  const [reloads, setReloads] = useState(0)
  const key = input === null ? null : JSON.stringify([input, deps])
  const request = key === null ? null : `${name} ${reloads} ${key}`

  useEffect(() => {
    if (key === null) return
    // The input is read back from its key so that a new object with the same value does not ask again.
    const [asked] = JSON.parse(key) as [RequestInput<K> | RequestInput<K>[]]
    let ignore = false
    const settle = (patch: Partial<Answer<Data>>) => {
      if (!ignore) setAnswer((current) => ({ ...current, ...patch, settled: request }))
    }
    const ask = () =>
      (Array.isArray(asked) ? Promise.all(asked.map((one) => call(name, one))) : call(name, asked)).then(
        (data) => settle({ data, error: null }),
        (e: unknown) => settle({ error: describeError(e) }),
      )
    const timer = delayMs > 0 ? setTimeout(() => void ask(), delayMs) : (void ask(), null)
    return () => {
      ignore = true
      if (timer) clearTimeout(timer)
    }
  }, [name, key, request, delayMs])

  const reload = useCallback(() => setReloads((n) => n + 1), [])
  const setData = useCallback<Dispatch<SetStateAction<Data | null>>>(
    (next) => setAnswer((current) => ({ ...current, data: typeof next === 'function' ? next(current.data) : next })),
    [],
  )
  return {
    data: answer.data,
    error: answer.error,
    loading: request !== null && answer.settled !== request,
    reload,
    setData,
  }
}
