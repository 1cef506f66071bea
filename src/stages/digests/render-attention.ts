import { escapeHtml, ink, INK, paint, PALETTE } from './digest-html-style.ts';
import type { VacancyView } from './digest-view.ts';

const POSSIBLY = 'Possibly applications';
const POSSIBLY_NOTE =
  'Mail that looks like an application but did not carry the tag exactly: filed for review, not acknowledged.';
const WAITING = 'Waiting for your answer';
const WAITING_NOTE =
  'Questions from candidates; no automatic reply was sent and they are not marked answered.';

/** A vacancy's possible applications and waiting questions as plain-text lines (none when both are empty). Pure. */
export function attentionLines(vacancy: VacancyView): string[] {
  const lines: string[] = [];
  const possibly = vacancy.possibly.length + vacancy.more.possibly;
  if (possibly > 0) {
    lines.push(...heading(`${POSSIBLY} (${possibly})`), POSSIBLY_NOTE, '');
    vacancy.possibly.forEach((item, index) =>
      lines.push(
        `${index + 1}. ${item.name} <${item.email}> — ${item.reason}`,
        `   "${item.subject}" · ${item.received}`,
        ...(item.evidence === '' ? [] : [`   Looks like an application: ${item.evidence}`]),
        `   Filed in: ${item.folder}`,
        '',
      ),
    );
    lines.push(...more(vacancy.more.possibly, 'triage candidates --review'));
  }
  const waiting = vacancy.waiting.length + vacancy.more.waiting;
  if (waiting > 0) {
    lines.push(...heading(`${WAITING} (${waiting})`), WAITING_NOTE, '');
    vacancy.waiting.forEach((item, index) =>
      lines.push(
        `${index + 1}. ${item.name} <${item.email}> — "${item.subject}" · ${item.received}`,
        `   ${item.firstLines}`,
        '',
      ),
    );
    lines.push(...more(vacancy.more.waiting, 'the vacancy folder'));
  }
  return lines;
}

/** The same as HTML rows of the digest's card table (empty when both lists are). Pure. */
export function attentionHtml(vacancy: VacancyView): string {
  const rows: string[] = [];
  const possibly = vacancy.possibly.length + vacancy.more.possibly;
  if (possibly > 0) {
    rows.push(headingRow(`${POSSIBLY} (${possibly})`, POSSIBLY_NOTE));
    for (const item of vacancy.possibly)
      rows.push(
        itemRow(
          `<b>${escapeHtml(item.name)}</b> &lt;${escapeHtml(item.email)}&gt; — ${escapeHtml(item.reason)}`,
          [
            `“${escapeHtml(item.subject)}” · ${escapeHtml(item.received)}`,
            item.evidence === '' ? '' : `Looks like an application: ${escapeHtml(item.evidence)}`,
            `Filed in: ${escapeHtml(item.folder)}`,
          ],
        ),
      );
    rows.push(...moreRow(vacancy.more.possibly, 'triage candidates --review'));
  }
  const waiting = vacancy.waiting.length + vacancy.more.waiting;
  if (waiting > 0) {
    rows.push(headingRow(`${WAITING} (${waiting})`, WAITING_NOTE));
    for (const item of vacancy.waiting)
      rows.push(
        itemRow(
          `<b>${escapeHtml(item.name)}</b> &lt;${escapeHtml(item.email)}&gt; — “${escapeHtml(item.subject)}” · ${escapeHtml(item.received)}`,
          [escapeHtml(item.firstLines)],
        ),
      );
    rows.push(...moreRow(vacancy.more.waiting, 'the vacancy folder'));
  }
  return rows.join('\n');
}

function heading(title: string): string[] {
  return [title, '-'.repeat(title.length)];
}

function more(count: number, where: string): string[] {
  return count === 0 ? [] : [`…and ${count} more: see ${where}.`, ''];
}

function headingRow(title: string, note: string): string {
  return `<tr><td style="${paint(PALETTE.card, 'padding:16px 24px 4px;', INK.muted)}"><div style="${ink(INK.muted, 'font-size:12px;line-height:16px;font-weight:700;letter-spacing:0.6px;text-transform:uppercase;')}">${escapeHtml(title)}</div><div style="${ink(INK.muted, 'font-size:12px;line-height:16px;padding-top:2px;')}">${escapeHtml(note)}</div></td></tr>`;
}

function itemRow(firstHtml: string, linesHtml: readonly string[]): string {
  const rest = linesHtml.filter((line) => line !== '').join('<br>');
  return `<tr><td style="${paint(PALETTE.card, `padding:6px 24px;font-size:13px;line-height:19px;border-bottom:1px solid ${INK.rule};`)}">${firstHtml}<br><span style="${ink(INK.muted, '')}">${rest}</span></td></tr>`;
}

function moreRow(count: number, where: string): string[] {
  return count === 0
    ? []
    : [
        `<tr><td style="${paint(PALETTE.card, 'padding:2px 24px 8px;', INK.muted)}">…and ${count} more: see ${escapeHtml(where)}.</td></tr>`,
      ];
}
