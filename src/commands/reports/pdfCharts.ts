// Charts drawn straight into a PDFKit document (no browser needed): bars and lines with axes, labels
// and a source line under each, so a printed report carries where its numbers came from.
type Doc = PDFKit.PDFDocument;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

const ACCENT = '#2563eb';
const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#9333ea', '#ea580c', '#0891b2'];

function axes(doc: Doc, b: Box, max: number, title: string) {
  doc
    .fontSize(10)
    .fillColor('#111')
    .text(title, b.x, b.y - 14, { width: b.w });
  doc
    .strokeColor('#999')
    .lineWidth(0.5)
    .moveTo(b.x, b.y)
    .lineTo(b.x, b.y + b.h)
    .lineTo(b.x + b.w, b.y + b.h)
    .stroke();
  doc.fontSize(7).fillColor('#555');
  for (const f of [0, 0.5, 1]) {
    const yy = b.y + b.h - f * b.h;
    doc.text(fmt(max * f), b.x - 34, yy - 3, { width: 30, align: 'right' });
    if (f > 0)
      doc
        .strokeColor('#e5e5e5')
        .moveTo(b.x, yy)
        .lineTo(b.x + b.w, yy)
        .stroke();
  }
}

const fmt = (v: number) =>
  v >= 1000 ? `${(v / 1000).toFixed(1)}k` : v >= 10 || v === 0 ? v.toFixed(0) : v.toFixed(2);

export function barChart(
  doc: Doc,
  b: Box,
  title: string,
  labels: string[],
  values: number[],
  source: string,
) {
  const max = Math.max(1, ...values);
  axes(doc, b, max, title);
  const n = Math.max(1, values.length);
  const slot = b.w / n;
  values.forEach((v, i) => {
    const h = (v / max) * b.h;
    doc.rect(b.x + i * slot + slot * 0.15, b.y + b.h - h, slot * 0.7, h).fill(ACCENT);
    doc
      .fontSize(6)
      .fillColor('#333')
      .text(fmt(v), b.x + i * slot, b.y + b.h - h - 8, { width: slot, align: 'center' });
    if (n <= 16 || i % Math.ceil(n / 16) === 0)
      doc
        .fontSize(6)
        .fillColor('#555')
        .text(labels[i] ?? '', b.x + i * slot, b.y + b.h + 3, { width: slot, align: 'center' });
  });
  doc
    .fontSize(6)
    .fillColor('#777')
    .text(source, b.x, b.y + b.h + 14, { width: b.w });
}

export function lineChart(
  doc: Doc,
  b: Box,
  title: string,
  labels: string[],
  series: { name: string; values: (number | null)[] }[],
  source: string,
  percent = false,
) {
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const max = percent ? 1 : Math.max(1, ...all);
  axes(doc, b, max, title);
  const n = Math.max(2, labels.length);
  const xAt = (i: number) => b.x + (i / (n - 1)) * b.w;
  series.forEach((s, k) => {
    const color = PALETTE[k % PALETTE.length]!;
    doc.strokeColor(color).lineWidth(1.2);
    let started = false;
    s.values.forEach((v, i) => {
      if (v === null) return;
      const y = b.y + b.h - (v / max) * b.h;
      if (!started) doc.moveTo(xAt(i), y);
      else doc.lineTo(xAt(i), y);
      started = true;
    });
    if (started) doc.stroke();
    doc.rect(b.x + b.w + 6, b.y + k * 10, 6, 6).fill(color);
    doc
      .fontSize(6)
      .fillColor('#333')
      .text(s.name, b.x + b.w + 14, b.y + k * 10, { width: 80 });
  });
  labels.forEach((l, i) => {
    if (labels.length <= 12 || i % Math.ceil(labels.length / 12) === 0)
      doc
        .fontSize(6)
        .fillColor('#555')
        .text(l, xAt(i) - 15, b.y + b.h + 3, { width: 30, align: 'center' });
  });
  doc
    .fontSize(6)
    .fillColor('#777')
    .text(source, b.x, b.y + b.h + 14, { width: b.w });
}

/** A simple table; returns the y below it. */
export function table(
  doc: Doc,
  x: number,
  y: number,
  widths: number[],
  header: string[],
  rows: (string | number | null)[][],
): number {
  const line = (cells: (string | number | null)[], bold: boolean, yy: number) => {
    let xx = x;
    doc
      .font(bold ? 'Helvetica-Bold' : 'Helvetica')
      .fontSize(7)
      .fillColor('#111');
    cells.forEach((c, i) => {
      doc.text(c === null ? '—' : String(c), xx + 2, yy + 2, {
        width: widths[i]! - 4,
        height: 10,
        ellipsis: true,
        lineBreak: false,
      });
      xx += widths[i]!;
    });
  };
  line(header, true, y);
  let yy = y + 12;
  doc
    .strokeColor('#ccc')
    .lineWidth(0.5)
    .moveTo(x, yy)
    .lineTo(x + widths.reduce((a, b) => a + b, 0), yy)
    .stroke();
  for (const r of rows) {
    line(r, false, yy);
    yy += 11;
  }
  doc.font('Helvetica');
  return yy + 4;
}
