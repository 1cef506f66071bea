import { z } from 'zod';
import { bool, int } from './schema-fields.ts';

/** The languages OCR reads by default (those installed are used): the languages the rest of the reading knows. */
export const DEFAULT_OCR_LANGUAGES = ['eng', 'deu', 'fra', 'ita', 'spa', 'por', 'chi_sim'] as const;

// Tesseract's names for its trained data: `eng`, `chi_sim`, `deu_latf`.
const languageSchema = z
  .string()
  .regex(/^[a-z]{3}(_[a-z]{2,8})?$/i, 'must be a Tesseract language name such as eng, deu or chi_sim');

/**
 * `extraction.ocr`: reading scans with Tesseract (rasterised by poppler's pdftoppm), each program run as a child of
 * the reading process under a time and memory limit. Used only where both programs are installed.
 */
export const ocrSchema = z.strictObject({
  /** Read image-only pages and attached images by OCR (where tesseract and pdftoppm are installed). */
  enabled: bool().default(true),
  /** Languages to recognise, as a list or Tesseract's `eng+deu`; those not installed are left out. */
  languages: z
    .preprocess(
      (value) => (typeof value === 'string' ? value.split('+').map((part) => part.trim()) : value),
      z.array(languageSchema).min(1, 'must name at least one language'),
    )
    .default([...DEFAULT_OCR_LANGUAGES]),
  /** Pages of one document read by OCR; later image-only pages are not (and the text is marked truncated). */
  maxPages: int(1, 1000).default(10),
  /** Seconds OCR of one document may take in all (added to its and its message's reading time once it starts). */
  timeoutSeconds: int(1, 3600).default(120),
  /** Resolution pages are rasterised at (lowered for a page so large it would exceed 40 megapixels). */
  dpi: int(50, 600).default(200),
  /** Address space each OCR program (pdftoppm, tesseract) may take, in MB. */
  memoryMb: int(64, 16_384).default(512),
});

/** The `extraction.ocr` block, validated. */
export type OcrConfig = z.infer<typeof ocrSchema>;
