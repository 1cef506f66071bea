import type { DigestView, VacancyView } from './digest-view.ts';
import { candidateCardHtml, renderDigestHtml } from './render-digest-html.ts';
import { tableRowHtml } from './render-table-html.ts';

/**
 * The most HTML a digest sends. Gmail clips a message whose HTML passes 102 KB and the supervisor never sees the
 * rest; quoted-printable encoding and the headers add to the HTML's own size, so the digest keeps well under it.
 */
export const DIGEST_HTML_BYTES = 80_000;
// The ranked table's part of a vacancy's room when it also has cards; the cards get the rest (and what is unused).
const TABLE_SHARE = 0.6;
// Per vacancy, room for the table's heading and column names, which an emptied vacancy does not render.
const TABLE_FRAME_BYTES = 1200;

const size = (html: string): number => Buffer.byteLength(html, 'utf8');

/**
 * The digest cut to `limit` bytes of HTML: each vacancy gets an equal part of the room left after the fixed parts;
 * in it the ranked table's first rows, then new and updated cards in their order. What is left out is counted in
 * `omitted` (the renderers say "…and N more … in the attached CSV"). Pure.
 */
export function fitDigestToSize(view: DigestView, limit = DIGEST_HTML_BYTES): DigestView {
  if (size(renderDigestHtml(view)) <= limit) return view;
  const emptied = { ...view, vacancies: view.vacancies.map((vacancy) => cut(vacancy, 0, 0, 0)) };
  const fixed = size(renderDigestHtml(emptied)) + TABLE_FRAME_BYTES * view.vacancies.length;
  const share = Math.max(0, limit - fixed) / Math.max(1, view.vacancies.length);
  const fitted = { ...view, vacancies: view.vacancies.map((vacancy) => fitVacancy(vacancy, share)) };
  return trimUntilUnder(fitted, limit);
}

function fitVacancy(vacancy: VacancyView, room: number): VacancyView {
  const hasCards = vacancy.new.length + vacancy.updated.length > 0;
  const rows = fitting(vacancy.table.map(tableRowHtml), hasCards ? room * TABLE_SHARE : room);
  let left = room - rows.bytes;
  const added = fitting(vacancy.new.map(candidateCardHtml), left);
  left -= added.bytes;
  const updated = fitting(vacancy.updated.map(candidateCardHtml), left);
  return cut(vacancy, rows.count, added.count, updated.count);
}

/** How many of `pieces`, from the first, fit in `room` bytes, and their size. */
function fitting(pieces: readonly string[], room: number): { count: number; bytes: number } {
  let bytes = 0;
  let count = 0;
  for (const piece of pieces) {
    const next = bytes + size(piece) + 1;
    if (next > room) break;
    bytes = next;
    count += 1;
  }
  return { count, bytes };
}

function cut(vacancy: VacancyView, rows: number, added: number, updated: number): VacancyView {
  return {
    ...vacancy,
    table: vacancy.table.slice(0, rows),
    new: vacancy.new.slice(0, added),
    updated: vacancy.updated.slice(0, updated),
    omitted: {
      table: vacancy.omitted.table + vacancy.table.length - Math.min(rows, vacancy.table.length),
      new: vacancy.omitted.new + vacancy.new.length - Math.min(added, vacancy.new.length),
      updated: vacancy.omitted.updated + vacancy.updated.length - Math.min(updated, vacancy.updated.length),
    },
  };
}

// The estimate leaves room for the "…and N more" lines; should it still be over, cards go first, then table rows.
function trimUntilUnder(view: DigestView, limit: number): DigestView {
  let current = view;
  while (size(renderDigestHtml(current)) > limit) {
    const index = current.vacancies.findLastIndex(
      (vacancy) => vacancy.table.length + vacancy.new.length + vacancy.updated.length > 0,
    );
    const vacancy = current.vacancies[index];
    if (vacancy === undefined) return current;
    const shorter =
      vacancy.updated.length > 0
        ? cut(vacancy, vacancy.table.length, vacancy.new.length, vacancy.updated.length - 1)
        : vacancy.new.length > 0
          ? cut(vacancy, vacancy.table.length, vacancy.new.length - 1, 0)
          : cut(vacancy, vacancy.table.length - 1, 0, 0);
    current = { ...current, vacancies: current.vacancies.with(index, shorter) };
  }
  return current;
}
