import { describe, expect, it } from 'vitest';
import { stripUnsafeCharacters } from '../../../src/domain/strip-unsafe-characters.ts';
import { csvCell } from '../../../src/output/csv-cell.ts';
import { echoName } from '../../../src/output/echo-name.ts';
import { echoSubject } from '../../../src/output/echo-subject.ts';
import { headerText } from '../../../src/output/header-text.ts';
import { looksLikeLink } from '../../../src/output/looks-like-link.ts';
import { mailText } from '../../../src/output/mail-text.ts';
import { messageIdText } from '../../../src/output/message-id-text.ts';
import { serverText } from '../../../src/output/server-text.ts';
import { shortenText } from '../../../src/output/shorten-text.ts';
import { terminalText } from '../../../src/output/terminal-text.ts';

describe('stripUnsafeCharacters', () => {
  it.each([
    ['bidi marks and overrides', 'a\u202Ab\u202Ec\u2066d\u2069e\u200Ef\u200Fg\u061Ch', 'abcdefgh'],
    ['zero-width characters', 'a\u200Bb\u200Cc\u200Dd\u2060e\uFEFFf', 'abcdef'],
    ['other format characters (soft hyphen, tags)', 'a\u00ADb\u{E0041}c', 'abc'],
    ['C0, DEL and C1 controls', 'a\u0000b\u0007c\u007Fd\u0085e\u0080f', 'a b c d e f'],
    ['line breaks and separators', 'a\r\nb\u2028c\u2029d', 'a  b c d'],
    ['a CSI sequence, whole', 'a\u001b[1;31mb\u001b[0mc', 'abc'],
    ['an OSC window title, whole', 'a\u001b]0;pwned\u0007b\u001b]2;x\u001b\\c', 'abc'],
    ['an 8-bit CSI, whole', 'a\u009b2Jb', 'ab'],
    ['a lone surrogate', 'a\uD800b', 'ab'],
  ])('removes %s', (_case, input, expected) => {
    expect(stripUnsafeCharacters(input)).toBe(expected);
  });

  it('keeps letters, marks and emoji of every script', () => {
    const text = 'José Núñez 王小明 Nguyễn Thị Minh Khai محمد 🇬🇧 क्षत्रिय';
    expect(stripUnsafeCharacters(text)).toBe(text);
  });

  it('a lone C1 string introducer does not take the rest of the text with it', () => {
    expect(stripUnsafeCharacters('a\u009Dkept', '')).toBe('akept');
  });
});

describe('shortenText', () => {
  it('keeps text within the bound as it is', () => expect(shortenText('short', 5)).toBe('short'));

  it('cuts at the last word boundary near the bound, with an ellipsis', () => {
    expect(shortenText('the quick brown fox jumps', 18)).toBe('the quick brown…');
  });

  it('cuts mid-word when no boundary is near', () => {
    expect(shortenText('a'.repeat(30), 10)).toBe(`${'a'.repeat(9)}…`);
  });

  it('never splits a grapheme (a flag, an emoji with a skin tone)', () => {
    expect(shortenText(`${'x'.repeat(8)}🇬🇧🇬🇧`, 11)).toBe(`${'x'.repeat(8)}…`);
    expect(shortenText('👍🏽👍🏽👍🏽', 6)).toBe('👍🏽…');
  });

  it('cuts a grapheme longer than the bound (a letter under many combining marks) by code points', () => {
    const zalgo = `a${'\u0301'.repeat(500)}`;
    expect(shortenText(zalgo, 10)).toHaveLength(10);
  });
});

describe('headerText', () => {
  it('bidi-in-display-name: direction marks and overrides are removed, whitespace folded', () => {
    expect(headerText('Application\u200f\u200e\u061c gnp.exe')).toBe('Application gnp.exe');
    expect(headerText(' Eve\u202E\r\nBcc:\u0000 x ')).toBe('Eve Bcc: x');
  });

  it('is bounded to 200 characters by default', () => {
    const text = headerText('a '.repeat(100_000));
    expect(text.length).toBeLessThanOrEqual(200);
    expect(text.endsWith('a…')).toBe(true);
  });

  it('composes to NFC', () => expect(headerText('Jose\u0301')).toBe('Jos\u00e9'));
});

describe('echoName', () => {
  it.each([
    'José Núñez',
    '王小明',
    'Nguyễn Thị Minh Khai',
    "O'Brien",
    'Siobhán O’Brien',
    'Anne-Marie Dupont',
    'Ludwig van Beethoven',
    'María de la Cruz',
    'J. R. R. Tolkien',
    'Doe, Jane',
    'Иван Петров',
    'محمد علي',
    'マイケル・ジャクソン',
    'Ἀριστοτέλης',
    'DIEGO FERNÁNDEZ',
  ])('echoes the real name %j', (name) => expect(echoName(name)).toBe(name));

  it('composes a decomposed name to NFC and drops invisible characters', () => {
    expect(echoName('Jose\u0301 Nu\u0301n\u0303ez\u200B')).toBe('José Núñez');
  });

  it.each([
    ['a spammer’s text', 'Win a prize 1 at http://spam.example'],
    ['a phrase of lower-case words', 'Win a prize now'],
    ['a file name', 'Application\u200f\u200e\u061c gnp.exe'],
    ['a domain', 'Offers at SPAM.COM'],
    ['an address', 'jane@example.org'],
    ['an address in brackets', 'Jane (jane@example.org)'],
    ['digits', 'Jane Doe 2'],
    ['symbols', 'Bob & "Alice"'],
    ['markup', '<script>alert(1)</script>'],
    ['too long', `${'Maria '.repeat(11)}Lopez`],
    ['too many words', 'Ana Bea Cid Dan Eva Fer Gil Hal Ian'],
    ['all lower case', 'jane doe'],
    ['nothing', ' \u200B\r\n '],
  ])('does not echo %s', (_case, name) => expect(echoName(name)).toBe(''));
});

describe('echoSubject', () => {
  it.each([
    '[PHD-robustAI] Application for the PhD position',
    '[PHD-robustAI] 申请博士职位 — 王小明',
    'Re: [PHD-robustAI] CV and transcript (2 files)',
    'Application: M.Sc. graduate, Ph.D. plans, e.g. imaging',
  ])('echoes the subject %j', (subject) => expect(echoSubject(subject)).toBe(subject));

  it.each([
    ['a link', '[PHD-robustAI] Win a prize 1 at http://spam.example'],
    ['www', 'Visit www.spam.example now'],
    ['a domain', 'Application gnp.exe'],
    ['an address', 'write to eve@example.org'],
    ['mostly symbols', '$$$ !!! *** ### $$$'],
    ['nothing', '\u202E\r\n'],
  ])('does not echo %s', (_case, subject) => expect(echoSubject(subject)).toBe(''));

  it('cuts a long subject to the bound', () => {
    expect(echoSubject('word '.repeat(1000), 50)).toBe(`${'word '.repeat(9)}word…`);
  });
});

describe('looksLikeLink', () => {
  it.each([
    'http://x.example',
    'HTTPS://X.EXAMPLE',
    'www.example',
    'a@b',
    'spam.example',
    'SPAM.COM',
    'gnp.exe',
  ])('%j is a link', (text) => expect(looksLikeLink(text)).toBe(true));
  it.each(['M.Sc.', 'Ph.D.', 'e.g. this', 'J. R. R. Tolkien', 'end. Next'])('%j is not', (text) =>
    expect(looksLikeLink(text)).toBe(false),
  );

  it('a long run of letters costs linear time', () => {
    const started = performance.now();
    looksLikeLink('a'.repeat(200_000));
    looksLikeLink('a.'.repeat(100_000));
    expect(performance.now() - started).toBeLessThan(500);
  });
});

describe('mailText', () => {
  it('crlf-in-filename: a file name stays one line', () => {
    expect(mailText('cv.pdf\r\n- transcript: fake.pdf', { controls: '' })).toBe(
      'cv.pdf- transcript: fake.pdf',
    );
  });

  it('bounds a value, 500 characters by default', () => {
    expect(mailText('x'.repeat(1000))).toHaveLength(500);
    expect(mailText('x'.repeat(1000), { max: 20 })).toHaveLength(20);
  });
});

describe('terminalText', () => {
  it('escape-in-sender-name: a title change and a screen clear are removed whole', () => {
    expect(terminalText('Jane\u001b]0;pwned\u0007 Doe\u001b[2J\u001b[H')).toBe('Jane Doe');
  });

  it('keeps line breaks (CR LF and a lone CR become LF), turns a tab into a space', () => {
    expect(terminalText('a\r\nb\rc\td\ne')).toBe('a\nb\nc d\ne');
  });

  it('removes C1 controls and bidi overrides', () => {
    expect(terminalText('a\u0085b\u009b31mc\u202Ed')).toBe('abcd');
  });
});

describe('csvCell', () => {
  it('quotes fields with commas, quotes, CR or LF and doubles the quotes (RFC 4180)', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('Doe, Jane')).toBe('"Doe, Jane"');
    expect(csvCell('Bob "the Builder"')).toBe('"Bob ""the Builder"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('cr\rhere')).toBe('"cr\rhere"');
  });

  it.each([
    ['=HYPERLINK("http://evil.example","click")', '"\'=HYPERLINK(""http://evil.example"",""click"")"'],
    ['+1+1', "'+1+1"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['\t=1', "'\t=1"],
    ['\r=1', '"\'\r=1"'],
    ['  =1+1', "'  =1+1"],
    ['\u3000=1+1', "'\u3000=1+1"],
    ['＝1+1', "'＝1+1"],
    ['＋1', "'＋1"],
    ['－1', "'－1"],
    ['＠SUM(A1)', "'＠SUM(A1)"],
    [' ＝cmd', "' ＝cmd"],
    ['﹦1', "'﹦1"],
  ])('fullwidth-equals-csv: defuses %j', (value, expected) => expect(csvCell(value)).toBe(expected));

  it.each(['a=b', 'Jane Doe', '1-2', ''])('leaves %j alone', (value) => expect(csvCell(value)).toBe(value));
});

describe('serverText', () => {
  it('smtp-refusal-with-address: addresses and quoted names are redacted, one line', () => {
    expect(
      serverText(
        '550 5.1.1 <jane.doe@example.org>: Recipient rejected\r\n"Jane Doe" <jane@x.example>; bob@y.example',
      ),
    ).toBe('550 5.1.1 <redacted>: Recipient rejected <redacted>; <redacted>');
  });

  it('keeps a server text without addresses as it is', () => {
    expect(serverText('421 4.7.0 Try again later')).toBe('421 4.7.0 Try again later');
  });

  it('is bounded to 500 characters', () =>
    expect(serverText('x '.repeat(1000)).length).toBeLessThanOrEqual(500));
});

describe('messageIdText', () => {
  it.each([
    ['<a.b@example.org>', '<a.b@example.org>'],
    [' <a@b> ', '<a@b>'],
    [null, null],
    ['no-brackets@example.org', null],
    [`<${'x'.repeat(2000)}@example.org>`, null],
    ['<a b@example.org>', null],
    ['<a\r\nb@example.org>', null],
    ['<é@example.org>', null],
  ])('%j → %j', (id, expected) => expect(messageIdText(id)).toBe(expected));
});
