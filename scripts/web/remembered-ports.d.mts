export interface RememberedPorts {
  recruiter: number | undefined
  kiosk: number | undefined
}
export function dataDirFrom(env: Record<string, string | undefined>): string
export function readRememberedPorts(dataDir: string): RememberedPorts
export function rememberPorts(dataDir: string, ports: { recruiter: number; kiosk: number }): void
export function isPortFree(port: number): Promise<boolean>
export function choosePort(options: {
  explicit: string | undefined
  remembered: number | undefined
  label: string
}): Promise<{ port: number; notice: string | null }>
