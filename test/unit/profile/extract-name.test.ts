import { describe, expect, it } from 'vitest';
import { extractName, isPersonName, namesMatch, surnameOf } from '../../../src/profile/extract-name.ts';
import {
  CHINESE_CV,
  FRENCH_CV,
  GERMAN_CV,
  INDIAN_CV,
  ITALIAN_CV,
  TWO_COLUMN_CV,
  UK_CV,
  US_CV,
} from './fixtures/cv-texts.ts';

describe('extractName', () => {
  it.each([
    ['UK (ALL CAPS with an initial)', UK_CV, 'JANE A. DOE'],
    ['Indian', INDIAN_CV, 'RAHUL SHARMA'],
    ['Italian (after "Curriculum Vitae")', ITALIAN_CV, 'Giulia Rossi'],
    ['French (surname in capitals)', FRENCH_CV, 'Camille DUBOIS'],
    ['German ("Name:" line after "Lebenslauf" and "Persönliche Daten")', GERMAN_CV, 'Jonas Müller'],
    ['US (middle initial)', US_CV, 'Michael J. Carter'],
    ['two-column', TWO_COLUMN_CV, 'AIKO TANAKA'],
    ['Chinese (姓名 line, not the 个人简历 heading)', CHINESE_CV, '李伟'],
  ])('%s', (_case, text, name) => {
    expect(extractName(text)).toBe(name);
  });

  it('reads letter-spaced headings and names beside contact details', () => {
    expect(extractName('J A N E   D O E\nResearch Statement')).toBe('JANE DOE');
    expect(extractName('Curriculum Vitae | María José García-López | maria@example.es')).toBe(
      'María José García-López',
    );
    expect(extractName("Resume\nSeán O'Connor\nDublin")).toBe("Seán O'Connor");
  });

  it('prefers the line that matches the sender’s name', () => {
    expect(extractName('Machine Learning Group\nAnna Schmidt\nPeter Weber', 'Peter Weber')).toBe(
      'Peter Weber',
    );
    expect(extractName('Anna Schmidt\nPeter Weber', '')).toBe('Anna Schmidt');
  });

  it.each([
    ['Curriculum Vitae\nEDUCATION\nMSc Physics, 2020'],
    ['Personal Statement\nDear Professor Smith,'],
    ['University of Edinburgh\n10 Crichton Street\nMachine Learning Engineer'],
    ['个人简历\n教育背景'],
    [''],
  ])('finds no name in %j', (text) => {
    expect(extractName(text)).toBeNull();
  });
});

describe('isPersonName', () => {
  it.each([
    ['Jane Doe', true],
    ['Ludwig van Beethoven', true],
    ['J. R. R. Tolkien', false],
    ['John Ronald Reuel Tolkien Jr Smith', false],
    ['Jane', false],
    ['jane doe', false],
    ['Jane Doe 2023', false],
    ['Computer Science', false],
    ['Research Statement', false],
    ['van Beethoven', false],
    ['张伟', true],
    ['个人简历', false],
  ])('%s → %s', (text, expected) => {
    expect(isPersonName(text)).toBe(expected);
  });
});

describe('namesMatch', () => {
  it.each([
    ['Jane Doe', 'Jane Doe', 'match'],
    ['JANE A. DOE', 'Jane Doe', 'match'],
    ['Doe, Jane', 'Jane Mary Doe', 'match'],
    ['J. Doe', 'Jane Doe', 'match'],
    ['José Núñez', 'Jose Nunez', 'match'],
    ['Jonas Müller', 'jonas.muller', 'match'],
    ['DUBOIS Camille', 'Camille Dubois', 'match'],
    ['María García López', 'Maria Garcia', 'match'],
    ['Mary Smith-Jones', 'Mary Smith', 'match'],
    ['Zhang Wei', 'Wei Zhang', 'match'],
    ['Doe', 'Jane Doe', 'match'],
    ['Jane Doe', 'John Smith', 'mismatch'],
    ['Jane Doe', 'Jane Smith', 'mismatch'],
    ['Jane', 'Jane Doe', 'unknown'],
    ['jdoe42', 'Jane Doe', 'unknown'],
    ['', 'Jane Doe', 'unknown'],
    ['李伟', 'Li Wei', 'unknown'],
    ['李伟', '李伟', 'match'],
    ['李伟', '王芳', 'mismatch'],
  ] as const)('%s ~ %s → %s', (a, b, expected) => {
    expect(namesMatch(a, b)).toBe(expected);
    expect(namesMatch(b, a)).toBe(expected);
  });
});

describe('surnameOf', () => {
  it.each([
    ['Jane A. Doe', 'doe'],
    ['Carter, Michael J.', 'carter'],
    ['DUBOIS Camille', 'dubois'],
    ['Dr. Seán Ó Briain', 'briain'],
    ['', null],
  ])('%s → %s', (name, surname) => {
    expect(surnameOf(name)).toBe(surname);
  });
});
