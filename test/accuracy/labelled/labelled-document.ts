import type { DocumentKind } from '../../../src/domain/document-kinds.ts';
import type { GradingSystem } from '../../../src/profile/profile-types.ts';
import type { BuildOptions, DocumentSpec, FixtureFormat } from '../../support/documents/document-spec.ts';

/** One generated document with the kind (and, for some, the overall grade) a person would give it. */
export interface LabelledDocument {
  id: string;
  filename: string;
  format: FixtureFormat;
  spec: DocumentSpec;
  kind: DocumentKind;
  /** The overall result the profile should read, normalised to the 0–100 UK-equivalent scale. */
  grade?: { system: GradingSystem; normalised: number };
  /** How the file is built (a scanned PDF has no text layer). */
  build?: BuildOptions;
}
