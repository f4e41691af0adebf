import { Route, Routes } from 'react-router-dom'
import { MembersPage } from './MembersPage'
import { WorkspacePage } from './WorkspacePage'

export function WorkspaceArea() {
  return (
    <Routes>
      <Route index element={<WorkspacePage />} />
      <Route path="members" element={<MembersPage />} />
    </Routes>
  )
}
