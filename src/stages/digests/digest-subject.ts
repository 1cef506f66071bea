/** `Applications digest: 3 new, 1 updated — robust-ai, med-imaging`, or `…: no new applications`. */
export function digestSubject(
  counts: { new: number; updated: number },
  vacancyIds: readonly string[],
): string {
  const tally = [
    counts.new > 0 ? `${counts.new} new` : '',
    counts.updated > 0 ? `${counts.updated} updated` : '',
  ]
    .filter((part) => part !== '')
    .join(', ');
  if (tally === '') return 'Applications digest: no new applications';
  // A subject line is cut off by mail clients after ~80 characters; name a few vacancies, count the rest.
  const named = vacancyIds.slice(0, 3).join(', ');
  const more = vacancyIds.length > 3 ? ` and ${vacancyIds.length - 3} more` : '';
  return `Applications digest: ${tally} — ${named}${more}`;
}
