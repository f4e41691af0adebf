import { NavLink, Route, Routes } from 'react-router-dom'
import './interviews.css'
import { InvitationsPage } from './InvitationsPage'
import { SessionDetailPage } from './SessionDetailPage'
import { SessionList } from './SessionList'
import { TemplateEditor } from './TemplateEditor'
import { TemplateList } from './TemplateList'

/** Interview design and results: templates and their questions, kiosk invitations, and sessions. */
export function InterviewsArea() {
  return (
    <>
      <nav className="interviews-nav" aria-label="Interviews">
        <NavLink to="/interviews" end>
          Templates
        </NavLink>
        <NavLink to="/interviews/invitations">Invitations</NavLink>
        <NavLink to="/interviews/sessions">Sessions</NavLink>
      </nav>
      <Routes>
        <Route index element={<TemplateList />} />
        <Route path="templates/:templateId" element={<TemplateEditor />} />
        <Route path="invitations" element={<InvitationsPage />} />
        <Route path="sessions" element={<SessionList />} />
        <Route path="sessions/:sessionId" element={<SessionDetailPage />} />
      </Routes>
    </>
  )
}
