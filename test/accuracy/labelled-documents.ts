import { CERTIFICATES } from './labelled/certificates.ts';
import { COVER_LETTERS } from './labelled/cover-letters.ts';
import { CVS_A } from './labelled/cvs-a.ts';
import { CVS_B } from './labelled/cvs-b.ts';
import type { LabelledDocument } from './labelled/labelled-document.ts';
import { OTHER } from './labelled/other.ts';
import { REFERENCES } from './labelled/references.ts';
import { RESEARCH_A } from './labelled/research-a.ts';
import { RESEARCH_B } from './labelled/research-b.ts';
import { TRANSCRIPTS_A } from './labelled/transcripts-a.ts';
import { TRANSCRIPTS_B } from './labelled/transcripts-b.ts';

export type { LabelledDocument } from './labelled/labelled-document.ts';

/** The labelled set: generated documents of every kind, with the kind (and some grades) a person would give them. */
export const LABELLED_DOCUMENTS: readonly LabelledDocument[] = [
  ...CVS_A,
  ...CVS_B,
  ...TRANSCRIPTS_A,
  ...TRANSCRIPTS_B,
  ...RESEARCH_A,
  ...RESEARCH_B,
  ...COVER_LETTERS,
  ...REFERENCES,
  ...CERTIFICATES,
  ...OTHER,
];
