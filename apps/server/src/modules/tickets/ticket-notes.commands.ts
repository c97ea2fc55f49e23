// What other modules may use of work-order notes: add one as an agent (it is
// on the timeline and counts as a response), e.g. a chat transcript kept as
// evidence (AUD-06).
export { addNote, type NoteFile } from './ticket-notes.ts';
