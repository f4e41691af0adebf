import * as Dialog from '@radix-ui/react-dialog'
import { useState, type ReactNode } from 'react'

/**
 * Every recruiter dialog: Radix's modal (focus kept inside, Escape and the overlay close it, the
 * page behind is inert to screen readers) with our look. Rendered while open; `onClose` runs
 * however it is closed, and focus goes back to what had it when the dialog opened.
 */
export function Modal(props: {
  title: ReactNode
  /** Read out with the title when the dialog opens. */
  description?: ReactNode
  onClose(): void
  className?: string
  children: ReactNode
}) {
  // Radix returns focus to a Dialog.Trigger; these dialogs open from buttons, selects and drops.
  const [returnTo] = useState(() => document.activeElement as HTMLElement | null)
  return (
    <Dialog.Root open onOpenChange={(open) => open || props.onClose()}>
      <Dialog.Portal>
        <Dialog.Overlay className="modal-overlay" />
        <Dialog.Content
          className={props.className ? `modal ${props.className}` : 'modal'}
          onCloseAutoFocus={(event) => {
            event.preventDefault()
            returnTo?.focus()
          }}
          // Radix asks for a description or an explicit "none", so screen readers are not left guessing.
          {...(props.description === undefined && { 'aria-describedby': undefined })}
        >
          <Dialog.Title>{props.title}</Dialog.Title>
          {props.description !== undefined && <Dialog.Description>{props.description}</Dialog.Description>}
          {props.children}
        </Dialog.Content>
      </Dialog.Portal>
    </Dialog.Root>
  )
}

/** A button that closes the dialog it is in (Cancel, Close). */
export function ModalClose({ children, className = 'secondary' }: { children: ReactNode; className?: string }) {
  return (
    <Dialog.Close asChild>
      <button type="button" className={className}>
        {children}
      </button>
    </Dialog.Close>
  )
}
