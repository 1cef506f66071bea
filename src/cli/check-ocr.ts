import type { OcrConfig } from '../config/ocr-schema.ts';
import { probeOcrTools, usableLanguages, type OcrTools } from '../documents/ocr/ocr-tools.ts';
import type { CheckLine } from './check-line.ts';

/** The `check` line on OCR: off, available (versions, languages installed vs configured), or missing (a warning). */
export async function checkOcr(
  ocr: OcrConfig,
  probe: () => Promise<OcrTools> = probeOcrTools,
): Promise<CheckLine> {
  if (!ocr.enabled) {
    return {
      ok: true,
      name: 'ocr',
      detail: 'off (extraction.ocr.enabled: false): scans are recorded unread',
    };
  }
  return ocrLine(ocr, await probe());
}

/** The OCR line for what was found. Pure. */
export function ocrLine(ocr: OcrConfig, tools: OcrTools): CheckLine {
  const missing = [
    ...(tools.tesseract === null ? ['tesseract (tesseract-ocr)'] : []),
    ...(tools.pdftoppm === null ? ['pdftoppm (poppler-utils)'] : []),
  ];
  const languages = usableLanguages(ocr.languages, tools);
  const left = ocr.languages.filter((language) => !languages.includes(language));
  const warn = (detail: string): CheckLine => ({ ok: true, warning: true, name: 'ocr', detail });
  if (missing.length > 0) {
    return warn(
      `enabled but ${missing.join(' and ')} not found: scans are recorded unread (see .ci/ocr-install.sh)`,
    );
  }
  const versions = `tesseract ${tools.tesseract}, pdftoppm ${tools.pdftoppm}`;
  const installed = `installed: ${tools.languages.join('+') || 'none'}`;
  if (languages.length === 0) {
    return warn(`${versions}; none of the languages ${ocr.languages.join('+')} is installed (${installed})`);
  }
  const unused = left.length === 0 ? '' : `; not installed, left out: ${left.join('+')}`;
  const limits = `at most ${ocr.maxPages} pages and ${ocr.timeoutSeconds} s per document, ${ocr.dpi} dpi`;
  const detail = `${versions}; reading ${languages.join('+')} (${installed})${unused}; ${limits}`;
  return left.length === 0 ? { ok: true, name: 'ocr', detail } : warn(detail);
}
