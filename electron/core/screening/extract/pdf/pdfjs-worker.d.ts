// pdf.js ships no type declarations for its worker module; this is the part the reader uses.
declare module 'pdfjs-dist/legacy/build/pdf.worker.mjs' {
  export const WorkerMessageHandler: { initializeFromPort(port: unknown): void }
}
