/** The daemon's extraction histogram so far, all formats together. */
export interface ExtractionTotals {
  seconds: number;
  documents: number;
}

// `triage_extraction_seconds_sum{format="pdf"} 1.25`: the histogram's sum and count lines, one per format.
const LINE = /^triage_extraction_seconds_(sum|count)(?:\{[^}]*\})? (\S+)$/;

/** Reads triage_extraction_seconds from the daemon's /metrics; null when it cannot be read. */
export async function readExtractionTotals(port: number): Promise<ExtractionTotals | null> {
  let text: string;
  try {
    const response = await fetch(`http://127.0.0.1:${port}/metrics`, { signal: AbortSignal.timeout(2000) });
    if (!response.ok) return null;
    text = await response.text();
  } catch {
    return null;
  }
  // No line before the first document is read: a histogram with labels appears with its first observation.
  const totals: ExtractionTotals = { seconds: 0, documents: 0 };
  for (const line of text.split('\n')) {
    const match = LINE.exec(line);
    const value = Number(match?.[2]);
    if (match === null || !Number.isFinite(value)) continue;
    if (match[1] === 'sum') totals.seconds += value;
    else totals.documents += value;
  }
  return totals;
}
