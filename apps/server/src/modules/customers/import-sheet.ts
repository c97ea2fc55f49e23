import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { AppError } from '../../platform/errors.ts';

// Reads an uploaded spreadsheet into rows of plain cells. An .xlsx goes
// through exceljs's streaming reader (a big archive is not held as a whole
// workbook); a .csv must be UTF-8, as Excel writes it with "CSV UTF-8".

export type Cell = string | number | Date | null;
export interface SheetRow { rowNo: number; cells: Cell[] }

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
/** What browsers and clients send for the two kinds of file (Windows names a .csv after Excel); text/plain has Fastify's own parser. */
export const IMPORT_CONTENT_TYPES = [XLSX_TYPE, 'text/csv', 'application/csv', 'application/vnd.ms-excel', 'application/octet-stream'] as const;

/** An .xlsx is a zip; anything else must look like text. */
export function sheetKind(bytes: Buffer, fileName: string): 'xlsx' | 'csv' {
  if (bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) return 'xlsx';
  if (/\.(xlsx|xlsm|xls)$/i.test(fileName)) throw new AppError('IMPORT_FILE_UNREADABLE', { name: fileName });
  return 'csv';
}

/** The first worksheet's rows (empty rows left out), at most `maxRows` + a few for the heading. */
export async function readSheet(bytes: Buffer, fileName: string, maxRows: number): Promise<SheetRow[]> {
  const kind = sheetKind(bytes, fileName);
  try {
    return kind === 'xlsx' ? await readXlsx(bytes, maxRows) : readCsv(bytes, maxRows);
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('IMPORT_FILE_UNREADABLE', { name: fileName });
  }
}

function plain(v: unknown): Cell {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || v instanceof Date) return v;
  if (typeof v === 'boolean') return String(v);
  if (typeof v === 'object') {
    const o = v as { richText?: { text: string }[]; text?: unknown; result?: unknown; error?: unknown };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return plain(o.result);
    if ('text' in o) return plain(o.text);
    if ('error' in o) return null;
  }
  return String(v);
}

async function readXlsx(bytes: Buffer, maxRows: number): Promise<SheetRow[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from(bytes), {
    worksheets: 'emit', sharedStrings: 'cache', hyperlinks: 'ignore', styles: 'cache', entries: 'ignore',
  });
  const rows: SheetRow[] = [];
  for await (const sheet of reader) {
    for await (const row of sheet as AsyncIterable<ExcelJS.Row>) {
      const values = row.values as unknown[];
      const cells = values.slice(1).map(plain);
      if (cells.some((c) => c !== null && String(c).trim() !== '')) rows.push({ rowNo: row.number, cells });
      if (rows.length > maxRows + 5) throw new AppError('IMPORT_TOO_MANY_ROWS', { max: maxRows, rows: `${maxRows}+` });
    }
    break; // the first worksheet only: the template's instructions are on the second
  }
  return rows;
}

function readCsv(bytes: Buffer, maxRows: number): SheetRow[] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new AppError('IMPORT_CSV_ENCODING');
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const delimiter = [',', ';', '\t'].map((d) => [d, firstLine.split(d).length] as const).sort((a, b) => b[1] - a[1])[0][0];
  const rows: SheetRow[] = [];
  let cells: Cell[] = [];
  let field = '';
  let quoted = false;
  let rowNo = 1;
  const endRow = () => {
    cells.push(field);
    field = '';
    if (cells.some((c) => String(c).trim() !== '')) rows.push({ rowNo, cells: cells.map((c) => (c === '' ? null : c)) });
    if (rows.length > maxRows + 5) throw new AppError('IMPORT_TOO_MANY_ROWS', { max: maxRows, rows: `${maxRows}+` });
    cells = [];
    rowNo++;
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) { cells.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
    } else field += ch;
  }
  if (field !== '' || cells.length) endRow();
  return rows;
}
