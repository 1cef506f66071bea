import { describe, expect, it } from 'vitest';
import { bodyText } from '../../../src/mail/body-text.ts';

describe('bodyText', () => {
  it('is the text part when there is one, whatever the HTML says', () => {
    expect(bodyText({ text: 'Plain words.', html: '<p>Other words</p>' })).toBe('Plain words.');
  });

  it('is the HTML’s text for an HTML-only message, without link targets or images', () => {
    const text = bodyText({
      text: '',
      html: '<p>I am out of the office.</p><p><a href="https://x.example/a">Me</a><img src="cid:logo"></p>',
    });
    expect(text).toContain('I am out of the office.');
    expect(text).toContain('Me');
    expect(text).not.toContain('https://x.example/a');
    expect(text).not.toContain('cid:logo');
  });

  it('reads only the first 64 KB of the HTML', () => {
    const html = `<p>${'a'.repeat(70 * 1024)}</p><p>far away</p>`;
    expect(bodyText({ text: '', html })).not.toContain('far away');
  });
});
