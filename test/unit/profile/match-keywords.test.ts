import { describe, expect, it } from 'vitest';
import { matchKeywords } from '../../../src/profile/match-keywords.ts';

describe('matchKeywords', () => {
  it('matches whole words, case-insensitively, with hyphen, space, line-break or no-space variants', () => {
    const text = `I worked on Explainable-AI for medical
imaging in pytorch, and trained GANs; see my deeplearning notes.`;
    expect(
      matchKeywords(text, [
        'explainable AI',
        'Medical Imaging',
        'PyTorch',
        'GAN',
        'deep learning',
        'segmentation',
      ]),
    ).toEqual(['explainable AI', 'Medical Imaging', 'PyTorch', 'GAN', 'deep learning']);
  });

  it('joins words hyphenated across a line end and ignores accents', () => {
    expect(
      matchKeywords('robust seg-\nmentation; Bildverarbeitung für Röntgen', ['segmentation', 'rontgen']),
    ).toEqual(['segmentation', 'rontgen']);
  });

  it('avoids substring false positives', () => {
    expect(
      matchKeywords('She said the paint was AIRtight; MAIL; Rome; r = 0.5; C++ and C#', ['AI', 'R', 'C']),
    ).toEqual([]);
  });

  it('matches a one-letter keyword only as a word in its own case', () => {
    expect(matchKeywords('Statistics in R and Python', ['R'])).toEqual(['R']);
    expect(matchKeywords('Statistics in r', ['R'])).toEqual([]);
    expect(matchKeywords('C++ and C#', ['C++', 'C#'])).toEqual(['C++', 'C#']);
  });

  it('returns each keyword once, as configured', () => {
    expect(matchKeywords('AI, AI and more ai', ['AI', 'ai', ' AI '])).toEqual(['AI']);
    expect(matchKeywords('anything', ['', '  '])).toEqual([]);
  });
});
