import { between, pick, type Random } from '../seeded-random.js';

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A registrant code: 3 alphanumerics, as issued by a national ISRC agency. */
export function registrantCode(random: Random): string {
  return Array.from({ length: 3 }, () => pick(random, [...ALNUM])).join('');
}

/** CC-XXX-YY-NNNNN written without dashes, the form both providers return. */
export function isrc(
  country: string,
  registrant: string,
  year: number,
  designation: number,
): string {
  const yy = String(year % 100).padStart(2, '0');
  return `${country}${registrant}${yy}${String(designation).padStart(5, '0')}`;
}

export const ISRC_PATTERN = /^[A-Z]{2}[A-Z0-9]{3}\d{2}\d{5}$/;

/** UPC-A: 11 digits and a check digit (odd positions weigh 3). */
export function upc(random: Random): string {
  const digits = Array.from({ length: 11 }, () => between(random, 0, 9));
  const sum = digits.reduce((total, digit, index) => total + digit * (index % 2 === 0 ? 3 : 1), 0);
  return [...digits, (10 - (sum % 10)) % 10].join('');
}
