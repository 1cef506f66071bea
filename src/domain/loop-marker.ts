/** The header the daemon puts on everything it sends; mail carrying it is its own. */
export const LOOP_MARKER_HEADER = 'x-applicant-triage';
