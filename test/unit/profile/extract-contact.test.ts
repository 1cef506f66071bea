import { describe, expect, it } from 'vitest';
import { extractContact, findEmails, findPhones } from '../../../src/profile/extract-contact.ts';
import { findLinks, isValidOrcid } from '../../../src/profile/find-links.ts';
import { UK_CV, US_CV } from './fixtures/cv-texts.ts';

describe('extractContact', () => {
  it('reads a CV header: email, international phone, ORCID, GitHub and a github.io homepage', () => {
    expect(extractContact(UK_CV)).toEqual({
      emails: ['jane.doe@ed-alumni.example.com'],
      phones: ['+447911123456'],
      links: [
        { kind: 'orcid', url: 'https://orcid.org/0000-0002-1825-0097' },
        { kind: 'github', url: 'https://github.com/janedoe' },
        { kind: 'homepage', url: 'https://janedoe.github.io' },
      ],
    });
  });

  it('skips a national phone number with no country to read it by', () => {
    expect(extractContact(US_CV).phones).toEqual([]);
  });
});

describe('findEmails', () => {
  it('lowercases and keeps each address once, in order', () => {
    expect(findEmails('Jane.Doe@Example.ORG, mailto:jane.doe@example.org; j_doe+phd@uni-x.ac.uk.')).toEqual([
      'jane.doe@example.org',
      'j_doe+phd@uni-x.ac.uk',
    ]);
  });

  it('does not take handles or broken addresses', () => {
    expect(findEmails('@janedoe on X; user@localhost; a..b@example.com')).toEqual([]);
  });
});

describe('findPhones', () => {
  it.each([
    ['Phone: +44 7911 123456', ['+447911123456']],
    ['Tel. +44 (0) 20 7946 0958', ['+442079460958']],
    ['Mobile 0044 7911 123456', ['+447911123456']],
    ['+91 98765 43210 / +91-98765-43210', ['+919876543210']],
    ['+1 (415) 555-2671', ['+14155552671']],
    ['电话：+86 138 0013 8000', ['+8613800138000']],
    ['+44 7700 900123 (UK drama range: possible, not assigned)', ['+447700900123']],
  ])('%s', (text, phones) => {
    expect(findPhones(text)).toEqual(phones);
  });

  it('issue-19-digit-body: reads the numbers among the first 40 "+digit" places, not past them', () => {
    const noise = '+1 '.repeat(20_000);
    expect(findPhones(`Phone: +44 7911 123456 ${noise}`)).toEqual(['+447911123456']);
    expect(findPhones(`${noise} Phone: +44 7911 123456`)).toEqual([]);
  });

  it.each([
    ['2019-2023, 09/2019 – 06/2023, 12.03.2021'],
    ['Tel: 07911 123456'],
    ['ORCID 0000-0002-1825-0097'],
    ['DOI 10.1109/TMI.2023.3312345'],
    ['Matrikelnummer: 03712345'],
  ])('finds none in %s', (text) => {
    expect(findPhones(text)).toEqual([]);
  });
});

describe('findLinks', () => {
  it('normalises ORCID, Scholar, GitHub and LinkedIn profile links', () => {
    const text = `https://orcid.org/0000-0001-5109-3700 · ORCID iD: 0000-0001-5109-3700
https://scholar.google.co.uk/citations?hl=en&user=AbCdEfG12345&view_op=list_works
https://www.github.com/jdoe-lab/ · uk.linkedin.com/in/jane-doe-42/`;
    expect(findLinks(text)).toEqual([
      { kind: 'orcid', url: 'https://orcid.org/0000-0001-5109-3700' },
      { kind: 'scholar', url: 'https://scholar.google.com/citations?user=AbCdEfG12345' },
      { kind: 'github', url: 'https://github.com/jdoe-lab' },
      { kind: 'linkedin', url: 'https://www.linkedin.com/in/jane-doe-42' },
    ]);
  });

  it('refuses an ORCID iD whose checksum is wrong', () => {
    expect(findLinks('ORCID: 0000-0002-1825-0098')).toEqual([]);
  });

  it('takes a GitHub profile, not a repository link', () => {
    expect(findLinks('github.com/pytorch/pytorch and github.com/janedoe/thesis-code')).toEqual([]);
    expect(findLinks('https://github.com/features')).toEqual([]);
  });

  it('takes personal pages as homepages, not papers, publishers, social media or a university front page', () => {
    const text = `Homepage: www.janedoe.net, https://www.cs.ox.ac.uk/people/jane.doe/ (lab page).
Paper: https://doi.org/10.1109/TMI.2023.3312345, https://arxiv.org/abs/2101.01234, https://openreview.net/forum?id=x.
University: https://www.ox.ac.uk/ · twitter.com/janedoe · sites.google.com/view/janedoe`;
    expect(findLinks(text)).toEqual([
      { kind: 'homepage', url: 'https://www.janedoe.net' },
      { kind: 'homepage', url: 'https://www.cs.ox.ac.uk/people/jane.doe' },
      { kind: 'homepage', url: 'https://sites.google.com/view/janedoe' },
    ]);
  });

  it('does not read a domain out of an email address or an abbreviation', () => {
    expect(findLinks('jane@www.example.com; B.Sc. e.g. Node.js')).toEqual([]);
  });
});

describe('isValidOrcid', () => {
  it.each([
    ['0000-0002-1825-0097', true],
    ['0000-0001-5109-3700', true],
    ['0000-0002-1694-233X', true],
    ['0000-0002-1825-0098', false],
    ['0000-0002-1825-009', false],
  ])('%s → %s', (id, valid) => {
    expect(isValidOrcid(id)).toBe(valid);
  });
});
