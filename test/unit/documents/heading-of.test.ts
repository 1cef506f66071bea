import { describe, expect, it } from 'vitest';
import { foldText, headingOf } from '../../../src/documents/kind-evidence/document-text.ts';

describe('headingOf', () => {
  it.each([
    ['★ EXPERIENCES', 'experiences'],
    ['| LANGUAGES', 'languages'],
    ['\uf0b1  Work Experience  \uf0b1', 'work experience'],
    ['E X P E R I E N C E', 'experience'],
    ['E DUCATION', 'education'],
    ['2.1 Related Work:', 'related work'],
    ['— Formación académica —', 'formacion academica'],
    ['C++', 'c++'],
  ])('reads %j as %j', (line, heading) => {
    expect(headingOf(foldText(line))).toBe(heading);
  });

  it('leaves a sentence a sentence', () => {
    expect(headingOf(foldText('I am a student of physics.'))).toBe('i am a student of physics');
  });
});
