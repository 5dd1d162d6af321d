// The bilingual completion certificate as a PDF. The machine has no CJK system font, so the open Noto
// Sans TC (OFL, from @fontsource/noto-sans-tc; its Traditional Chinese file also has Latin glyphs) is
// cut down with harfbuzz (subset-font) to just the characters this certificate uses before pdf-lib embeds
// it: the PDF stays small, and fontkit never lays text out against the full font (about 1 s a line).
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import fontkit from "@pdf-lib/fontkit";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import subsetFont from "subset-font";

const require = createRequire(import.meta.url);
let fontBytes: Promise<Buffer> | null = null;
const loadFont = () => (fontBytes ??= readFile(require.resolve("@fontsource/noto-sans-tc/files/noto-sans-tc-chinese-traditional-400-normal.woff")));

export interface CertificateFacts {
  holder: string;
  programmeZh: string;
  programmeEn: string;
  providerZh: string;
  providerEn: string;
  cohort: string;
  startsOn: string;
  endsOn: string;
  icapLevel: number | null;
  serial: string;
  issuedOn: string;
  verificationUrl: string;
}

interface Line {
  text: string;
  y: number;
  size: number;
  centred: boolean;
  grey?: boolean;
}

function certificateLines(f: CertificateFacts): Line[] {
  const lines: Line[] = [
    { text: "結訓證書", y: 500, size: 30, centred: true },
    { text: "Certificate of Completion", y: 470, size: 20, centred: true, grey: true },
    { text: f.holder, y: 410, size: 26, centred: true },
    { text: `已完成「${f.programmeZh}」${f.cohort}`, y: 370, size: 15, centred: true },
    { text: `has completed ${f.programmeEn}, ${f.cohort}`, y: 348, size: 13, centred: true, grey: true },
    { text: `${f.providerZh} · ${f.providerEn}`, y: 318, size: 12, centred: true, grey: true },
    { text: `期間 Period: ${f.startsOn} – ${f.endsOn}`, y: 290, size: 12, centred: true },
    { text: `證書字號 Serial: ${f.serial}`, y: 110, size: 11, centred: false },
    { text: `發證日期 Issued: ${f.issuedOn}`, y: 90, size: 11, centred: false },
    { text: `查驗網址 Verify: ${f.verificationUrl}`, y: 70, size: 10, centred: false, grey: true },
  ];
  if (f.icapLevel !== null) lines.push({ text: `iCAP 職能級別 iCAP competency level: ${f.icapLevel}`, y: 268, size: 12, centred: true });
  return lines;
}

function centred(page: PDFPage, font: PDFFont, text: string, y: number, size: number, colour = rgb(0.1, 0.1, 0.15)) {
  const width = font.widthOfTextAtSize(text, size);
  page.drawText(text, { x: (page.getWidth() - width) / 2, y, size, font, color: colour });
}

export async function certificatePdf(facts: CertificateFacts): Promise<Uint8Array> {
  const lines = certificateLines(facts);
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  const glyphs = await subsetFont(await loadFont(), lines.map((l) => l.text).join(""), { targetFormat: "truetype" });
  const font = await doc.embedFont(glyphs, { subset: true });
  doc.setTitle(`結訓證書 Certificate of Completion ${facts.serial}`);
  doc.setSubject(`${facts.programmeZh} / ${facts.programmeEn}`);
  doc.setKeywords([facts.serial]);
  const page = doc.addPage([842, 595]);
  page.drawRectangle({ x: 24, y: 24, width: 794, height: 547, borderColor: rgb(0.1, 0.3, 0.55), borderWidth: 2 });
  for (const line of lines) {
    const colour = line.grey ? rgb(0.35, 0.35, 0.4) : rgb(0.1, 0.1, 0.15);
    if (line.centred) centred(page, font, line.text, line.y, line.size, colour);
    else page.drawText(line.text, { x: 60, y: line.y, size: line.size, font, color: colour });
  }
  return doc.save();
}
