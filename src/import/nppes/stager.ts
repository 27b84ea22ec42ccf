// The reading half of an NPPES import, free of the database so it runs in a worker thread while
// the main thread COPYs: scan the file, validate each row, encode kept rows as COPY text for the
// three stage tables, and hand over a batch every `batchRows` rows.
import { parseRegion } from '../../core/geo/region';
import { zipCentroid } from '../../core/geo/zipCentroid';
import { CopyBuffer } from '../copy';
import { CsvFormatError } from '../csv/records';
import { ImportRefused } from '../fileSource';
import { type RowError, RowErrors } from '../jobs';
import { type DirectInput, directRows } from './directRows';
import { mappedColumns, type NppesHeader, parseNppesHeader } from './header';
import { earlyColumns, earlyOutside, type RowContext, type StagedRow, stageNppesRow } from './row';
import { type ScanRange, scanFile } from './scan';

export type StagerInput = {
  file: string;
  label: string;
  region: string | null;
  knownTaxonomies: string[];
  /** NPIs already in the directory (only with a region: they are kept outside it) */
  knownNpis: string[] | null;
  batchRows: number;
  /** hand over each batch's NPIs (a first load merged during the read checks for repeats; firstLoad.ts) */
  countRepeats?: boolean;
  /**
   * a first load: in-market individuals become providers rows and name words (directRows.ts)
   * instead of stage rows; their taxonomies and other names are staged as usual
   */
  direct?: DirectInput;
  /** read only this part of the file; its header fields are then given */
  part?: { range: ScanRange; header: string[] };
};
export type StageBatch = {
  rows: Uint8Array;
  taxonomies: Uint8Array;
  names: Uint8Array;
  /** with `direct`: providers rows (PROVIDER_INSERT_COLUMNS) and (token, npi) rows */
  providers: Uint8Array;
  tokens: Uint8Array;
  bytesRead: number;
  read: number;
  /** lines of the first and last row staged in this batch (0 when none) */
  firstLine: number;
  lastLine: number;
  /** the NPIs of the rows staged in this batch (with countRepeats) */
  npis: Float64Array;
};
export type StagerResult = {
  read: number;
  rejected: number;
  outside: number;
  /** no row outside the region was staged (kept because its NPI is known) */
  allInMarket: boolean;
  /** latest Last Update Date among the staged rows */
  maxUpdate: string | null;
  errors: RowError[];
  errorCount: number;
  layout: number;
};

export async function stageNppesFile(
  input: StagerInput,
  onBatch: (b: StageBatch) => Promise<void> | void,
): Promise<StagerResult> {
  const errors = new RowErrors();
  const res: StagerResult = {
    read: 0,
    rejected: 0,
    outside: 0,
    allInMarket: true,
    maxUpdate: null,
    errors: errors.items,
    errorCount: 0,
    layout: 0,
  };
  let npis: number[] = [];
  let header: NppesHeader | undefined;
  let ctx: RowContext | undefined;
  let wanted: number[] = [];
  let early: number[] = [];
  const fields: (string | undefined)[] = [];
  const one: StagedRow[] = [];
  const out = {
    rows: new CopyBuffer(),
    taxonomies: new CopyBuffer(),
    names: new CopyBuffer(),
    providers: new CopyBuffer(),
    tokens: new CopyBuffer(),
  };
  const direct = input.direct ? directRows(input.direct) : null;
  let batched = 0;
  let firstLine = 0;
  let lastLine = 0;
  const handOver = async (bytesRead: number) => {
    const { rows, taxonomies, names, providers, tokens } = out;
    const lines = { firstLine, lastLine };
    batched = firstLine = lastLine = 0;
    const batchNpis = npis;
    npis = [];
    await onBatch({
      rows: rows.take(),
      taxonomies: taxonomies.take(),
      names: names.take(),
      providers: providers.take(),
      tokens: tokens.take(),
      bytesRead,
      read: res.read,
      ...lines,
      npis: Float64Array.from(batchNpis),
    });
  };
  let bytes = 0;
  const takeHeader = (all: string[]) => {
    header = parseNppesHeader(all, input.label);
    wanted = mappedColumns(header);
    early = earlyColumns(header);
    ctx = {
      header,
      region: input.region ? parseRegion(input.region, zipCentroid) : null,
      knownTaxonomies: new Set(input.knownTaxonomies),
      knownNpis: input.knownNpis ? new Set(input.knownNpis) : null,
      errors,
    };
  };
  if (input.part) takeHeader(input.part.header);
  try {
    await scanFile(
      input.file,
      input.label,
      {
        record: (line, r) => {
          if (!header) {
            const all: string[] = [];
            for (let i = 0; i < r.count; i++) all.push(r.value(i)!);
            takeHeader(all);
            return;
          }
          res.read++;
          if (ctx!.region) {
            for (const i of early) fields[i] = r.value(i);
            if (earlyOutside(r.count, fields, ctx!)) {
              res.outside++;
              return;
            }
          }
          for (const i of wanted) fields[i] = r.value(i);
          const outcome = stageNppesRow(line, r.count, fields, ctx!, one);
          if (outcome === 'rejected') res.rejected++;
          else if (outcome === 'outside') res.outside++;
          const staged = one.pop();
          if (!staged) return;
          if (outcome === 'outside') res.allInMarket = false;
          if (direct && outcome === 'staged' && staged.values[2] === 1) {
            const row = direct.provider(staged.values);
            out.providers.add(row);
            // words are [a-z0-9] (searchText) and NPIs digits: nothing to escape
            let lines = '';
            for (const w of direct.words(row)) lines += `${w}\t${row[0]}\n`;
            if (lines) out.tokens.addText(lines);
          } else out.rows.add(staged.values);
          for (const t of staged.taxonomies) out.taxonomies.add(t);
          for (const n of staged.names) out.names.add(n);
          if (input.countRepeats) npis.push(Number(staged.values[1]));
          if (!batched++) firstLine = line;
          lastLine = line;
          const d = outcome === 'staged' ? (staged.values[14] as string | null) : null;
          if (d && (!res.maxUpdate || d > res.maxUpdate)) res.maxUpdate = d;
        },
        chunk: async (bytesRead) => {
          bytes = bytesRead;
          if (batched >= input.batchRows) await handOver(bytesRead);
        },
      },
      { range: input.part?.range },
    );
  } catch (e) {
    if (e instanceof CsvFormatError) throw new ImportRefused(e.message);
    throw e;
  }
  if (!header)
    throw new ImportRefused(`${input.label} is empty: expected an NPPES npidata file with a header row.`);
  if (batched) await handOver(bytes);
  res.errorCount = errors.total;
  res.layout = header.layout;
  return res;
}
