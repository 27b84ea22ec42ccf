export { GENERATOR_VERSION, type GenerateResult, generateDemoMarket, resolveParams } from './generate';
export type { GenerateOptions } from './model';
export { isValidNpi, npiCheckDigit } from './npi';
export { NPPES_COLUMNS, PL_COLUMNS } from './nppesColumns';
