// The column-mapping step: the first rows of a file, a suggested mapping onto Rounds' columns, and
// which columns look like patient data (they must be dropped before an import is accepted).
import { createReadStream } from 'node:fs';
import { readCsvBatches } from '../csv/records';
import { REFERRAL_COLUMNS, type ReferralColumn } from './csv';
import { looksLikePatientColumn } from './patientColumns';
import { ReferralImportError } from './run';

const HINTS: Record<ReferralColumn, RegExp> = {
  referring_npi: /refer(ring|rer)?.*npi|ordering.*npi|from.*npi|source.*npi/i,
  receiving_npi: /(receiv|refer(red)?[_ ]?to|to[_ ]|target|performing|rendering).*npi/i,
  receiving_facility: /facility|department|dept|location|site/i,
  service_line: /service[_ ]?line|specialty|taxonomy/i,
  referral_date: /date|ordered|created/i,
  status: /status|state/i,
  count: /^(count|n|qty|quantity|referrals)$/i,
};

export async function previewReferralCsv(path: string, fileName: string, rows = 20) {
  let header: string[] | null = null;
  const sample: string[][] = [];
  for await (const batch of readCsvBatches(createReadStream(path), {
    encoding: 'utf8',
    fileLabel: fileName,
  })) {
    for (const r of batch) {
      if (!header) header = r.fields;
      else if (sample.length < rows) sample.push(r.fields);
    }
    if (sample.length >= rows) break;
  }
  if (!header) throw new ReferralImportError(`${fileName}: the file is empty`);
  const h = header;
  const suggested: Partial<Record<ReferralColumn, string>> = {};
  const used = new Set<string>();
  for (const c of REFERRAL_COLUMNS) {
    const exact = h.find((x) => x.trim().toLowerCase() === c);
    const guess = exact ?? h.find((x) => !used.has(x) && !looksLikePatientColumn(x) && HINTS[c].test(x));
    if (guess) {
      suggested[c] = guess;
      used.add(guess);
    }
  }
  return {
    fileName,
    header: h,
    rows: sample,
    suggestedMapping: suggested,
    patientColumns: h.filter(looksLikePatientColumn),
    columns: REFERRAL_COLUMNS,
  };
}
