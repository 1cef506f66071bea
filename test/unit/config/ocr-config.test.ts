import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../../src/config/load-config.ts';
import { TriageError } from '../../../src/errors/triage-error.ts';
import { OFFLINE_MAILBOX } from '../../support/offline-mailbox.ts';

function text(ocr: unknown): string {
  return JSON.stringify({
    mailboxes: [OFFLINE_MAILBOX],
    vacancies: [{ id: 'robust-ai', tag: 'PHD-robustAI', title: 'PhD', supervisors: ['chen@uni.example'] }],
    ...(ocr === undefined ? {} : { extraction: { ocr } }),
  });
}

function problems(ocr: unknown, env: Record<string, string> = {}): string {
  try {
    parseConfig(text(ocr), env, 'triage.yaml');
  } catch (error) {
    if (error instanceof TriageError && error.code === 'config-invalid') return error.message;
    throw error;
  }
  throw new Error('parseConfig accepted the configuration');
}

describe('extraction.ocr configuration', () => {
  it('defaults: on, the seven languages we read, 10 pages, 120 s, 200 dpi, 512 MB', () => {
    expect(parseConfig(text(undefined), {}, 'test').extraction.ocr).toEqual({
      enabled: true,
      languages: ['eng', 'deu', 'fra', 'ita', 'spa', 'por', 'chi_sim'],
      maxPages: 10,
      timeoutSeconds: 120,
      dpi: 200,
      memoryMb: 512,
    });
  });

  it('languages as Tesseract writes them ("eng+deu") or as a list; enabled from an environment variable', () => {
    const ocr = parseConfig(text({ languages: 'eng+deu', enabled: '${OCR}' }), { OCR: 'false' }, 'test')
      .extraction.ocr;
    expect(ocr).toMatchObject({ enabled: false, languages: ['eng', 'deu'] });
    expect(parseConfig(text({ languages: ['fra'] }), {}, 'test').extraction.ocr.languages).toEqual(['fra']);
  });

  it('each bad value names its key', () => {
    const message = problems({ dpi: 20, maxPages: 0, timeoutSeconds: 'soon', languages: ['english!'] });
    expect(message).toMatch(/extraction\.ocr\.dpi: .*>=50/);
    expect(message).toMatch(/extraction\.ocr\.maxPages: /);
    expect(message).toMatch(/extraction\.ocr\.timeoutSeconds: /);
    expect(message).toMatch(/extraction\.ocr\.languages\[0\]: must be a Tesseract language name/);
  });

  it('an unknown key and an empty language list are refused', () => {
    expect(problems({ langs: 'eng' })).toMatch(/extraction\.ocr\.langs: un/);
    expect(problems({ languages: [] })).toMatch(
      /extraction\.ocr\.languages: must name at least one language/,
    );
  });
});
