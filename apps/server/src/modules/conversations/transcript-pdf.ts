import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import type { ConversationDetail } from '@kefu/shared/conversations-api';
import { AppError } from '../../platform/errors.ts';
import { localStamp, transcriptFacts, transcriptMessages, transcriptWho } from './transcript.ts';

// The chat transcript as a PDF: the file kept on a work order as evidence of
// what was agreed (AUD-06) and handed over in a dispute. pdfkit writes it in
// this process (no browser, nothing downloaded at install); Chinese needs a
// CJK font, Noto Sans CJK (Debian's fonts-noto-cjk) unless KEFU_PDF_FONT
// names another TTF/OTF/TTC. Only the glyphs used are embedded.

/**
 * Noto Sans (Simplified Chinese, GB2312 characters) from the npm registry, so
 * a fresh install exports PDFs without system fonts; a system Noto CJK font
 * (fonts-noto-cjk) is preferred when present: it covers every CJK character.
 */
const BUNDLED_FONT = (() => {
  try {
    // the package exports only its index: the fonts sit beside it
    const font = join(dirname(fileURLToPath(import.meta.resolve('@embedpdf/fonts-sc'))), '../fonts/NotoSansHans-Regular.otf');
    return existsSync(font) ? font : undefined;
  } catch {
    return undefined;
  }
})();

const FONT_CANDIDATES = [
  '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/google-noto-cjk/NotoSansCJK-Regular.ttc',
  '/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc',
];

/** the font file and, in a collection (.ttc), the face to use */
export function pdfFont(configured?: string): { path: string; family?: string } {
  const path = configured ?? FONT_CANDIDATES.find((p) => existsSync(p)) ?? BUNDLED_FONT;
  if (!path || !existsSync(path)) throw new AppError('PDF_FONT_MISSING');
  const family = path.endsWith('.ttc') ? (path.includes('Serif') ? 'NotoSerifCJKsc-Regular' : 'NotoSansCJKsc-Regular') : undefined;
  return { path, family };
}

export interface PdfImage {
  contentType: string;
  bytes: Buffer;
}

/**
 * The transcript: a heading, the facts (channel, visitor, agent, work orders,
 * rating), then every message with its time and author; photos the customer
 * or the agent sent (PNG, JPEG) are drawn under their message, other files
 * named. `image` reads a file of the conversation (null when gone).
 */
export async function transcriptPdf(c: ConversationDetail, opts: {
  timeZone: string; company: string; withInternal?: boolean; font: { path: string; family?: string };
  image: (fileId: string) => Promise<PdfImage | null>;
}): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 48, info: { Title: `聊天记录 ${c.id}`, Author: opts.company, Subject: c.channelName } });
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.registerFont('cjk', opts.font.path, opts.font.family);
  doc.font('cjk');
  const width = doc.page.width - 96;

  doc.fontSize(16).fillColor('#222').text('聊天记录', { continued: false });
  doc.fontSize(9).fillColor('#888').text(`${opts.company} · 导出于 ${localStamp(new Date().toISOString(), opts.timeZone)}`);
  doc.moveDown(0.6);
  for (const [k, v] of transcriptFacts(c, opts.timeZone)) {
    doc.fontSize(10).fillColor('#888').text(`${k}  `, { continued: true }).fillColor('#222').text(v);
  }
  doc.moveDown(0.5);
  doc.moveTo(48, doc.y).lineTo(48 + width, doc.y).strokeColor('#ddd').stroke();
  doc.moveDown(0.5);

  for (const m of transcriptMessages(c, opts.withInternal ?? false)) {
    const color = m.author === 'agent' ? '#1677ff' : m.author === 'system' ? '#888' : '#222';
    doc.fontSize(9).fillColor('#888').text(`${localStamp(m.createdAt, opts.timeZone)}  `, { continued: true })
      .fillColor(color).text(`${transcriptWho(m, c.visitorName)}${m.internal ? '(内部备注)' : ''}`);
    if (m.body) doc.fontSize(11).fillColor(m.author === 'system' ? '#888' : '#222').text(m.body, { width });
    for (const f of m.attachments) {
      const img = f.contentType === 'image/png' || f.contentType === 'image/jpeg' ? await opts.image(f.id) : null;
      if (img) {
        // photos at most 220 × 150 pt, never enlarged
        const im = (doc as unknown as { openImage(src: Buffer): { width: number; height: number } }).openImage(img.bytes);
        const scale = Math.min(1, 220 / im.width, 150 / im.height);
        if (doc.y + im.height * scale + 12 > doc.page.height - 48) doc.addPage();
        doc.image(im as never, { width: im.width * scale, height: im.height * scale });
        doc.moveDown(0.2);
      }
      doc.fontSize(9).fillColor('#888').text(`[${f.contentType.startsWith('image/') ? '图片' : '文件'}] ${f.fileName}(${Math.max(1, Math.round(f.size / 1024))} KB)`);
    }
    doc.moveDown(0.5);
  }
  doc.end();
  return done;
}
