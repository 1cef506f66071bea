import { heading, lines, para, table, title } from './blocks.ts';
import type { LabelledDocument } from './labelled-document.ts';

/** Documents that are none of the kinds: a passport page, a fee receipt, a bank statement, a form, a README. */
export const OTHER: LabelledDocument[] = [
  {
    id: 'other-passport',
    filename: 'passport.pdf',
    format: 'pdf',
    kind: 'other',
    spec: {
      blocks: [
        title('PASSPORT'),
        ...lines(`
          Type P    Code IND    Passport No. Z1234567
          Surname SHARMA
          Given Names RAHUL
          Nationality INDIAN    Sex M
          Date of Birth 02/08/2002    Place of Birth NEW DELHI
          Date of Issue 15/01/2021    Date of Expiry 14/01/2031
          Place of Issue DELHI
          P<INDSHARMA<<RAHUL<<<<<<<<<<<<<<<<<<<<<<<<<<
          Z1234567<6IND0208021M3101144<<<<<<<<<<<<<<02
        `),
      ],
    },
  },
  {
    id: 'other-fee-receipt',
    filename: 'receipt.html',
    format: 'html',
    kind: 'other',
    spec: {
      blocks: [
        title('Payment receipt'),
        para('Thank you for your payment. Please keep this receipt for your records.'),
        table([
          ['Item', 'Reference', 'Amount'],
          ['Postgraduate application fee', 'PGR-2025-118734', 'GBP 80.00'],
          ['Card surcharge', '-', 'GBP 0.00'],
          ['Total paid', '', 'GBP 80.00'],
        ]),
        para('Paid by Visa ending 4242 on 01/03/2025 at 14:22. Transaction ID 7c1e9a40f2.'),
      ],
    },
  },
  {
    id: 'other-bank-statement',
    filename: 'proof_of_funds.pdf',
    format: 'pdf',
    kind: 'other',
    spec: {
      blocks: [
        title('State Bank of India - Account Statement'),
        para('Account holder: Rahul Sharma    Account No.: XXXXXXX4821    Period: 01/12/2024 to 28/02/2025'),
        table([
          ['Date', 'Description', 'Debit', 'Credit', 'Balance'],
          ['02/12/2024', 'Opening balance', '', '', '1,254,300.00'],
          ['05/12/2024', 'NEFT transfer from Vinod Sharma', '', '200,000.00', '1,454,300.00'],
          ['18/12/2024', 'ATM withdrawal Roorkee', '5,000.00', '', '1,449,300.00'],
          ['03/01/2025', 'Fixed deposit interest', '', '12,841.50', '1,462,141.50'],
          ['21/01/2025', 'IELTS test fee', '17,000.00', '', '1,445,141.50'],
          ['14/02/2025', 'UPI payment Amazon', '2,349.00', '', '1,442,792.50'],
        ]),
        para('Closing balance as on 28/02/2025: INR 1,442,792.50'),
        para('This is a computer-generated statement and does not require a signature.'),
      ],
    },
  },
  {
    id: 'other-application-form',
    filename: 'application_form.docx',
    format: 'docx',
    kind: 'other',
    spec: {
      blocks: [
        title('Postgraduate Research Application - Summary'),
        ...lines(`
          Application number: PGR-2025-118734
          Programme: PhD Medical Imaging (full-time), start October 2025
          Proposed supervisor: Professor Whitfield
          Funding: applying for a school studentship
          Fee status: overseas
          Applicant declaration accepted on 01/03/2025
        `),
        heading('Uploaded items'),
        para('Please upload each item as a separate file. Items marked * are required.'),
      ],
    },
  },
  {
    id: 'other-code-readme',
    filename: 'README.txt',
    format: 'txt',
    kind: 'other',
    spec: {
      blocks: [
        title('segkit - a small toolkit for 3D medical image segmentation'),
        heading('Installation'),
        para('pip install -e . (Python 3.10+, PyTorch 2.1+)'),
        heading('Usage'),
        ...lines(`
          segkit train --config configs/brats.yaml --gpus 2
          segkit predict --checkpoint runs/best.pt --input scans/ --output masks/
        `),
        heading('License'),
        para('MIT. Contributions are welcome: open an issue first.'),
      ],
    },
  },
];
