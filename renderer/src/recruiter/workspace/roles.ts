import type { WorkspaceRole } from '../../../../shared/contract/sync'

export const ROLE_LABELS: Record<WorkspaceRole, string> = {
  admin: 'Admin',
  recruiter: 'Recruiter',
  viewer: 'Viewer',
}

export const ROLES = Object.keys(ROLE_LABELS) as WorkspaceRole[]
