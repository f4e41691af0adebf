/**
 * The version of what reading one resume produces (extraction, the resume reader and the features
 * built from it: skills and their evidence, years, education, the term vector). `panelist screen
 * --data` keeps each file's read under its content hash and this version; bump it whenever a change
 * to the reader or the features would give the same bytes a different read, and every kept read is
 * read again on the next run. (The skill taxonomy is part of the key on its own: editing it needs no bump.)
 */
export const SCREEN_READER_VERSION = 89
