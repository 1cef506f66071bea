import { describe, expect, it } from 'vitest';
import type { DocumentKind } from '../../../src/domain/document-kinds.ts';
import { guessDocumentKind } from '../../../src/documents/guess-document-kind.ts';

const PDF = 'application/pdf';

const CASES: readonly (readonly [filename: string | null, contentType: string, expected: DocumentKind])[] = [
  // cv
  ['CV_Jane_Doe.pdf', PDF, 'cv'],
  ['JaneDoeCV.pdf', PDF, 'cv'],
  ['cv2025.pdf', PDF, 'cv'],
  ['Resume - Jane Doe.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'cv'],
  ['Résumé_Dupont.pdf', PDF, 'cv'],
  ['Curriculum Vitae.pdf', PDF, 'cv'],
  ['Lebenslauf_Mueller.pdf', PDF, 'cv'],
  ['简历-李伟.pdf', PDF, 'cv'],
  ['履历.pdf', PDF, 'cv'],
  ['履歷表.pdf', PDF, 'cv'],
  ['履歴書_山田.pdf', PDF, 'cv'],
  ['ＣＶ.pdf', PDF, 'cv'],
  ['CV_with_publications.pdf', PDF, 'cv'],
  ['CV.jpg', 'image/jpeg', 'cv'],
  // transcript
  ['Transcript.pdf', PDF, 'transcript'],
  ['transcripts_bsc_msc.pdf', PDF, 'transcript'],
  ['Grades.pdf', PDF, 'transcript'],
  ['Consolidated_Marks_Memo.pdf', PDF, 'transcript'],
  ['Marksheet_Sem1-8.pdf', PDF, 'transcript'],
  ['Academic Record.pdf', PDF, 'transcript'],
  ['Certificado_de_notas.pdf', PDF, 'transcript'],
  ['Notenspiegel.pdf', PDF, 'transcript'],
  ['Bachelorzeugnis.pdf', PDF, 'transcript'],
  ['成绩单.pdf', PDF, 'transcript'],
  ['成績証明書.pdf', PDF, 'transcript'],
  ['Relevé de notes L3.pdf', PDF, 'transcript'],
  ['ToR_MSc.pdf', PDF, 'transcript'],
  // research
  ['cvpr_paper.pdf', PDF, 'research'],
  ['MSc_Thesis_final.pdf', PDF, 'research'],
  ['Dissertation.pdf', PDF, 'research'],
  ['ResearchProposal_v3.pdf', PDF, 'research'],
  ['Publications.pdf', PDF, 'research'],
  ['manuscript_under_review.pdf', PDF, 'research'],
  ['arXiv_2401.12345.pdf', PDF, 'research'],
  ['论文.pdf', PDF, 'research'],
  ['Masterarbeit_Mueller.pdf', PDF, 'research'],
  ['Mémoire de master.pdf', PDF, 'research'],
  ['Diplomarbeit.pdf', PDF, 'research'],
  // cover letter
  ['Cover Letter.pdf', PDF, 'cover-letter'],
  ['coverletter.pdf', PDF, 'cover-letter'],
  ['Motivation_Letter.pdf', PDF, 'cover-letter'],
  ['Anschreiben.pdf', PDF, 'cover-letter'],
  ['Lettre de motivation.pdf', PDF, 'cover-letter'],
  ['Statement of Purpose.pdf', PDF, 'cover-letter'],
  ['SOP.pdf', PDF, 'cover-letter'],
  ['Personal_Statement.docx', 'application/msword', 'cover-letter'],
  ['Carta_de_motivación.pdf', PDF, 'cover-letter'],
  // reference
  ['Reference_Prof_Smith.pdf', PDF, 'reference'],
  ['References.pdf', PDF, 'reference'],
  ['Recommendation_Letter.pdf', PDF, 'reference'],
  ['letter_of_recommendation.pdf', PDF, 'reference'],
  ['Referees.pdf', PDF, 'reference'],
  ['LOR1.pdf', PDF, 'reference'],
  ['Empfehlungsschreiben.pdf', PDF, 'reference'],
  ['推荐信.pdf', PDF, 'reference'],
  // certificate
  ['Degree Certificate.pdf', PDF, 'certificate'],
  ['Diploma.pdf', PDF, 'certificate'],
  ['Diploma_Supplement.pdf', PDF, 'certificate'],
  ['IELTS_TRF.pdf', PDF, 'certificate'],
  ['TOEFL-score.pdf', PDF, 'certificate'],
  ['Zertifikat.pdf', PDF, 'certificate'],
  ['学位证书.jpg', 'image/jpeg', 'certificate'],
  ['毕业证.pdf', PDF, 'certificate'],
  // misleading substrings and nothing at all
  ['colorado.pdf', PDF, 'other'],
  ['isoprene.pdf', PDF, 'other'],
  ['hypothesis_testing.pdf', PDF, 'other'],
  ['preferences.pdf', PDF, 'other'],
  ['wallpaper.png', 'image/png', 'other'],
  ['upgrade_notes.txt', 'text/plain', 'other'],
  ['doctor_visit.pdf', PDF, 'other'],
  ['image001.png', 'image/png', 'other'],
  ['photo.jpg', 'image/jpeg', 'other'],
  ['document.pdf', PDF, 'other'],
  [null, PDF, 'other'],
  ['', PDF, 'other'],
  // parts that are never an applicant's document
  ['CV.ics', 'text/calendar', 'other'],
  ['smime.p7s', 'application/pkcs7-signature', 'other'],
  ['CV_Jane_Doe.eml', 'message/rfc822', 'other'],
];

describe('guessDocumentKind', () => {
  it.each(CASES)('%j (%s) → %s', (filename, contentType, expected) => {
    expect(guessDocumentKind(filename, contentType)).toBe(expected);
  });
});
