import { badge, escapeHtml, FONT, ink, INK, paint, PALETTE, table } from './digest-html-style.ts';
import type { CandidateView, DigestView, VacancyView } from './digest-view.ts';
import { plural } from '../../domain/plural.ts';
import { summaryLine } from './render-digest-text.ts';
import { omittedLine, tableHtml } from './render-table-html.ts';
import { attentionHtml } from './render-attention.ts';

/**
 * The HTML body of a digest: a complete, table-based e-mail document with inline styles only, no external
 * resources, and a text colour wherever a background is set (readable in dark-mode clients). Pure.
 */
export function renderDigestHtml(view: DigestView): string {
  const base = 'font-size:14px;line-height:20px;';
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    '<meta name="color-scheme" content="light dark">',
    '<meta name="supported-color-schemes" content="light dark">',
    `<title>${escapeHtml(view.subject)}</title>`,
    '</head>',
    `<body style="${paint(PALETTE.page, `margin:0;padding:0;font-family:${FONT};${base}`)}">`,
    table(paint(PALETTE.page, base)),
    `<tr><td align="center" style="${paint(PALETTE.page, 'padding:24px 12px;')}">`,
    table(paint(PALETTE.card, `max-width:680px;border:1px solid ${INK.rule};${base}`), '680'),
    headerRow(view),
    ...view.vacancies.map(vacancySection),
    footerRow(view),
    '</table>',
    '</td></tr>',
    '</table>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function headerRow(view: DigestView): string {
  return `<tr><td style="${paint(PALETTE.header, 'padding:20px 24px;')}">
<div style="${ink(PALETTE.header.color, 'font-size:20px;line-height:26px;font-weight:700;')}">Applications digest</div>
<div style="${ink(PALETTE.header.color, 'font-size:13px;line-height:20px;padding-top:4px;')}">${escapeHtml(view.date)} · ${escapeHtml(summaryLine(view))}</div>
</td></tr>`;
}

function vacancySection(vacancy: VacancyView): string {
  const { all, complete, incomplete, registered } = vacancy.totals;
  const form = registered === null ? '' : total(registered, 'registered on the form');
  const deadline =
    vacancy.deadline.at === null
      ? escapeHtml(vacancy.deadline.relative)
      : `${escapeHtml(vacancy.deadline.relative)} (${escapeHtml(vacancy.deadline.at)})`;
  const quiet =
    vacancy.new.length + vacancy.updated.length === 0
      ? `<tr><td style="${paint(PALETTE.card, 'padding:12px 24px 20px;', INK.muted)}">Nothing new since the last digest.</td></tr>`
      : '';
  return [
    `<tr><td style="${paint(PALETTE.card, `padding:24px 24px 8px;border-top:1px solid ${INK.rule};`)}">`,
    `<div style="${ink(INK.heading, 'font-size:18px;line-height:24px;font-weight:700;')}">${escapeHtml(vacancy.title)}</div>`,
    `<div style="${ink(INK.muted, 'font-size:13px;padding-top:2px;')}">${escapeHtml(vacancy.tag ?? 'Open call')} · Deadline: ${deadline}</div>`,
    '</td></tr>',
    `<tr><td style="${paint(PALETTE.card, 'padding:8px 24px 4px;')}">`,
    table(paint(PALETTE.band, 'border-radius:6px;')),
    `<tr>${total(all, `${all === 1 ? 'candidate' : 'candidates'} in all`)}${total(complete, 'complete')}${total(incomplete, 'incomplete')}${form}</tr>`,
    '</table>',
    '</td></tr>',
    tableHtml(vacancy),
    quiet,
    group('New applications', vacancy.new, vacancy.omitted.new),
    group('Updated applications', vacancy.updated, vacancy.omitted.updated),
    attentionHtml(vacancy),
  ]
    .filter((line) => line !== '')
    .join('\n');
}

function total(count: number, label: string): string {
  return `<td width="33%" align="center" style="${paint(PALETTE.band, 'padding:10px 4px;')}"><div style="${ink(PALETTE.band.color, 'font-size:20px;line-height:24px;font-weight:700;')}">${count}</div><div style="${ink(PALETTE.band.color, 'font-size:12px;line-height:16px;')}">${escapeHtml(label)}</div></td>`;
}

function group(title: string, candidates: CandidateView[], omitted: number): string {
  if (candidates.length + omitted === 0) return '';
  const heading = `<tr><td style="${paint(PALETTE.card, 'padding:16px 24px 4px;font-size:12px;line-height:16px;font-weight:700;letter-spacing:0.6px;text-transform:uppercase;', INK.muted)}">${escapeHtml(title)} (${candidates.length + omitted})</td></tr>`;
  const more =
    omitted === 0
      ? []
      : [
          `<tr><td style="${paint(PALETTE.card, 'padding:2px 24px 8px;')}">${omittedLine(omitted, 'more are described')}</td></tr>`,
        ];
  return [heading, ...candidates.map(candidateCardHtml), ...more].join('\n');
}

/** One candidate's card: everything the digest knows of them. */
export function candidateCardHtml(candidate: CandidateView): string {
  const kind = candidate.isNew ? badge('NEW', PALETTE.new) : badge('UPDATED', PALETTE.updated);
  const status = candidate.complete
    ? badge('COMPLETE', PALETTE.complete)
    : badge('INCOMPLETE', PALETTE.missing);
  const seen =
    candidate.firstSeen === candidate.lastSeen
      ? candidate.firstSeen
      : `first ${candidate.firstSeen}; latest ${candidate.lastSeen}`;
  // A complete candidate's COMPLETE badge says it all; a "Missing: nothing" row would only lengthen the card.
  const facts: Array<[string, string] | null> = [
    ['Received', `${escapeHtml(seen)} · ${escapeHtml(plural(candidate.messages, 'message'))}`],
    ['Documents', documentsHtml(candidate)],
    candidate.complete ? null : ['Missing', `<b>${escapeHtml(candidate.missing.join(', '))}</b>`],
    candidate.decision === '' ? null : ['Decision', `<b>${escapeHtml(candidate.decision)}</b>`],
    candidate.topics.length === 0 ? null : ['Enquiry about', escapeHtml(candidate.topics.join('; '))],
    candidate.registration === '' ? null : ['Form', escapeHtml(candidate.registration)],
    candidate.references === '' ? null : ['References', escapeHtml(candidate.references)],
    candidate.profile === '' ? null : ['Profile', escapeHtml(candidate.profile)],
    ['Fit score', escapeHtml(candidate.fitText)],
    candidate.flags.length === 0
      ? null
      : ['Flags', candidate.flags.map((flag) => badge(flag, PALETTE.flag)).join(' ')],
    ['Filed in', escapeHtml(candidate.folders.join(', ') || 'not filed yet')],
  ];
  return `<tr><td style="${paint(PALETTE.card, 'padding:6px 24px;')}">
${table(paint(PALETTE.card, `border:1px solid ${INK.rule};border-radius:6px;`))}
<tr><td valign="top" style="${paint(PALETTE.card, 'padding:12px 14px 4px;')}">
<div style="${ink(PALETTE.card.color, 'font-size:16px;line-height:22px;font-weight:700;')}">${escapeHtml(candidate.name)}</div>
<div style="${ink(INK.muted, 'font-size:13px;line-height:18px;')}">${escapeHtml(candidate.email)}</div>
</td><td valign="top" align="right" style="${paint(PALETTE.card, 'padding:12px 14px 4px;white-space:nowrap;')}">${kind} ${status}</td></tr>
<tr><td colspan="2" style="${paint(PALETTE.card, 'padding:4px 14px 12px;')}">
${table(paint(PALETTE.card, 'font-size:13px;line-height:19px;'))}
${facts
  .filter((fact) => fact !== null)
  .map(([label, value]) => factRow(label, value))
  .join('\n')}
</table>
</td></tr>
</table>
</td></tr>`;
}

function documentsHtml(candidate: CandidateView): string {
  if (candidate.documents.length === 0) return 'none';
  return candidate.documents
    .map(
      (document) =>
        `${escapeHtml(document.label)}: <span style="${ink(INK.muted, '')}">${escapeHtml(document.filename)}</span>`,
    )
    .join('<br>');
}

// Fact cells sit on the card's painted table: a text colour suffices, and keeps each candidate's markup small.
function factRow(label: string, valueHtml: string): string {
  const labelStyle = ink(INK.muted, 'padding:3px 8px 3px 0;white-space:nowrap;');
  const valueStyle = ink(PALETTE.card.color, 'padding:3px 0;word-break:break-word;');
  return `<tr><td width="84" valign="top" style="${labelStyle}">${escapeHtml(label)}</td><td valign="top" style="${valueStyle}">${valueHtml}</td></tr>`;
}

function footerRow(view: DigestView): string {
  const signature = view.signature.split('\n').map(escapeHtml).join('<br>');
  return `<tr><td style="${paint(PALETTE.band, `padding:16px 24px;border-top:1px solid ${INK.rule};font-size:12px;line-height:18px;`)}">
Times are shown in ${escapeHtml(view.timezone)}. A CSV of all candidates of each vacancy is attached. Applicant documents are never attached: open them from the filed messages in your mailbox.${signature === '' ? '' : `<br><br>${signature}`}
</td></tr>`;
}
