import { escapeHtml, FONT, ink, INK, paint, PALETTE } from './digest-html-style.ts';
import type { TableRow } from './digest-table.ts';
import type { VacancyView } from './digest-view.ts';

// The table sits on the white card: rows set a text colour only (no background), which keeps each row small.
const CHANGE_INK = { new: PALETTE.new.color, updated: INK.muted } as const;

/** The ranked table of a vacancy's candidates, with the "and N more" line when rows were left out. Pure. */
export function tableHtml(vacancy: VacancyView): string {
  if (vacancy.table.length === 0) return '';
  const shown = vacancy.table.length;
  const all = shown + vacancy.omitted.table;
  const heading = `Ranking: ${all === shown ? `all ${all}` : `the first ${shown} of ${all}`} ${all === 1 ? 'candidate' : 'candidates'}`;
  const head = [
    '#',
    'Candidate',
    'Degree and grade',
    'Publications',
    'Keywords',
    'Documents',
    'Status',
    'Fit',
  ]
    .map((label, index) => `<th align="${index === 7 ? 'right' : 'left'}" valign="bottom">${label}</th>`)
    .join('');
  return [
    `<tr><td style="${paint(PALETTE.card, 'padding:12px 24px 4px;')}">`,
    `<div style="${ink(INK.heading, 'font-size:13px;line-height:18px;font-weight:700;padding-bottom:4px;')}">${heading}</div>`,
    `<table role="presentation" width="100%" cellpadding="4" cellspacing="0" border="0" style="border-collapse:collapse;font-family:${FONT};font-size:12px;line-height:16px;color:${PALETTE.card.color};">`,
    `<tr style="${ink(INK.muted, 'font-size:11px;')}">${head}</tr>`,
    ...vacancy.table.map(tableRowHtml),
    '</table>',
    omittedLine(vacancy.omitted.table, 'more candidates are ranked'),
    '</td></tr>',
  ]
    .filter((line) => line !== '')
    .join('\n');
}

/** One candidate's row of the ranked table. */
export function tableRowHtml(row: TableRow): string {
  const change =
    row.change === '' ? '' : `<br><span style="color:${CHANGE_INK[row.change]};">${row.change}</span>`;
  const candidate = joinLines(`<b>${escapeHtml(row.name)}</b>`, escapeHtml(row.institution));
  const degree = joinLines(escapeHtml(row.degree), escapeHtml(row.grade));
  const status = row.complete
    ? escapeHtml(row.documents)
    : `<span style="color:${PALETTE.missing.color};">${escapeHtml(row.documents)}</span>`;
  const documents = joinLines(
    status,
    row.references === '' ? '' : `references: ${escapeHtml(row.references)}`,
  );
  const cells = [
    `${row.rank}${change}`,
    candidate,
    degree,
    escapeHtml(row.publications),
    escapeHtml(row.keywords),
    documents,
    escapeHtml(row.status),
  ].map((cell) => `<td>${cell}</td>`);
  return `<tr valign="top" style="border-top:1px solid ${INK.rule};">${cells.join('')}<td align="right">${escapeHtml(row.fit)}</td></tr>`;
}

/** "…and 12 more candidates are ranked in the attached CSV.", or '' when nothing was left out. */
export function omittedLine(count: number, what: string): string {
  if (count === 0) return '';
  return `<div style="${ink(INK.muted, 'font-size:12px;line-height:18px;padding-top:6px;')}">…and ${count} ${what} in the attached CSV.</div>`;
}

function joinLines(first: string, second: string): string {
  return [first, second].filter((part) => part !== '').join('<br>');
}
