// Names and places for the synthetic NPPES file, shaped like the real one rather than like a
// fixture: surnames and first names follow a long-tailed distribution over a vocabulary of a
// quarter of a million made-up surnames (plus the most common real ones, each ≈ 0.45 % of rows as
// in the US census), and practices spread over the ZIPs of Tennessee and its eight neighbours, a
// quarter of them in the Middle Tennessee ZIPs the search bench asks about. A directory of 40
// surnames in 20 ZIPs would flatter every index and every fuzzy search.
import { zipCentroid, zipCodes } from '../../src/core/geo/zipCentroid';

export const COMMON_LAST = [
  'SMITH',
  'JOHNSON',
  'WILLIAMS',
  'BROWN',
  'JONES',
  'GARCÍA',
  'MILLER',
  'DAVIS',
  'RODRÍGUEZ',
  'MARTINEZ',
  'HERNANDEZ',
  'LOPEZ',
  'GONZALEZ',
  'WILSON',
  'ANDERSON',
  'THOMAS',
  'TAYLOR',
  'MOORE',
  'JACKSON',
  'MARTIN',
  'LEE',
  'PEREZ',
  'THOMPSON',
  'WHITE',
  'HARRIS',
  'SANCHEZ',
  'CLARK',
  'RAMIREZ',
  'LEWIS',
  'ROBINSON',
  'WALKER',
  'YOUNG',
  'ALLEN',
  'KING',
  'WRIGHT',
  'SCOTT',
  'TORRES',
  'NGUYEN',
  'HILL',
  'FLORES',
];
export const COMMON_FIRST = [
  'JAMES',
  'MARY',
  'ROBERT',
  'PATRICIA',
  'JOHN',
  'JENNIFER',
  'MICHAEL',
  'LINDA',
  'DAVID',
  'ELIZABETH',
  'WILLIAM',
  'BARBARA',
  'RICHARD',
  'SUSAN',
  'JOSEPH',
  'JESSICA',
  'THOMAS',
  'SARAH',
  'CHRISTOPHER',
  'KAREN',
  'ZOË',
  'JOSÉ',
  'ANDRÉ',
  'RENÉE',
  'KATHERINE',
  'CATHERINE',
  'MARIA',
  'DANIEL',
  'NANCY',
  'MATTHEW',
];
/** the Middle Tennessee ZIPs (and their cities) the search bench's queries name */
export const HOME_ZIPS: [string, string][] = [
  ['37203', 'NASHVILLE'],
  ['37205', 'NASHVILLE'],
  ['37212', 'NASHVILLE'],
  ['37027', 'BRENTWOOD'],
  ['37064', 'FRANKLIN'],
  ['37067', 'FRANKLIN'],
  ['37075', 'HENDERSONVILLE'],
  ['37086', 'LA VERGNE'],
  ['37115', 'MADISON'],
  ['37122', 'MOUNT JULIET'],
  ['37129', 'MURFREESBORO'],
  ['37130', 'MURFREESBORO'],
  ['37167', 'SMYRNA'],
  ['37211', 'NASHVILLE'],
  ['37214', 'NASHVILLE'],
  ['37221', 'NASHVILLE'],
  ['38401', 'COLUMBIA'],
  ['37042', 'CLARKSVILLE'],
  ['37040', 'CLARKSVILLE'],
  ['37066', 'GALLATIN'],
];
const STATES = new Set(['TN', 'KY', 'VA', 'NC', 'GA', 'AL', 'MS', 'AR', 'MO']);

const ONSET = 'B C D F G H J K L M N P R S T V W Y Z BR CH CL CR DR FL GR KR PR SH ST TR TH WH -'.split(' ');
const VOWEL = 'A E I O U AI EA EE OO OU IE AU Y'.split(' ');
const MIDDLE = 'N R L S T M D V NN LL RR SS TT ND RN LT RT ST NT RL'.split(' ');
const SURNAME_END =
  '- N R S Y E A O ON ER EN ES EY IN SON SEN MAN TON LEY FORD WOOD BERG STEIN SKI EZ INI OV ADA ELLI AWA'.split(
    ' ',
  );
const GIVEN_END = 'A IE O ELLE INE US IAH ETTE IN Y ON ARD'.split(' ');
const SURNAMES = 250_000;
const GIVEN = 6_000;

/** k-th made-up word: its digits in mixed radices pick the syllables (a hash spreads neighbours) */
function word(k: number, salt: number, end: string[]) {
  let h = Math.imul(k + salt, 0x9e3779b1) >>> 0;
  h = Math.imul(h ^ (h >>> 15), 0x85ebca6b) >>> 0;
  const pick = (a: string[]) => {
    const s = a[h % a.length]!;
    h = Math.floor(h / a.length);
    return s === '-' ? '' : s;
  };
  const head = pick(ONSET) + pick(VOWEL) + pick(MIDDLE);
  h = Math.imul(h ^ (k * 31 + salt), 0xc2b2ae35) >>> 0;
  return head + pick(VOWEL) + pick(end);
}

export function syntheticPeople(rand: () => number) {
  const homeCities = new Map(HOME_ZIPS);
  // the region's other ZIPs, shuffled once, then drawn with a skew (u²): some dense, most sparse
  const region = zipCodes().filter((z) => STATES.has(zipCentroid(z)?.state ?? '') && !homeCities.has(z));
  for (let i = region.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [region[i], region[j]] = [region[j]!, region[i]!];
  }
  const surnames = new Map<number, string>();
  const given = new Map<number, string>();
  const cached = (m: Map<number, string>, k: number, make: (k: number) => string) => {
    let s = m.get(k);
    if (s === undefined) {
      s = make(k);
      m.set(k, s);
    }
    return s;
  };
  return {
    surname(): string {
      if (rand() < 0.18) return COMMON_LAST[Math.floor(rand() * COMMON_LAST.length)]!;
      return cached(surnames, Math.floor(SURNAMES * rand() ** 2.5), (k) => word(k, 17, SURNAME_END));
    },
    firstName(): string {
      if (rand() < 0.55) return COMMON_FIRST[Math.floor(rand() * COMMON_FIRST.length)]!;
      return cached(given, Math.floor(GIVEN * rand() ** 2), (k) => word(k, 91, GIVEN_END));
    },
    place(): { zip: string; city: string; state: string } {
      if (rand() < 0.25) {
        const [zip, city] = HOME_ZIPS[Math.floor(rand() * HOME_ZIPS.length)]!;
        return { zip, city, state: 'TN' };
      }
      const zip = region[Math.floor(region.length * rand() ** 2)]!;
      const c = zipCentroid(zip)!;
      return { zip, city: c.city.toUpperCase(), state: c.state };
    },
  };
}
