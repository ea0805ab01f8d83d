/**
 * Confusable skeletons (Unicode TS #39, section 4): two strings that look alike have the same
 * skeleton. Before the confusable mapping the text is NFKC-folded (full-width and mathematical
 * letters become plain ones), stripped of what cannot be seen (default-ignorable code points
 * such as zero-width spaces and joiners, bidi controls, other format and control characters,
 * white space) and of combining marks, so "ТSLA" (Cyrillic Т), "US\u200BDC" and "ＵＳＤＣ"
 * have the skeletons of TSLA and USDC.
 *
 * The table (data/confusables.json, from scripts/build-confusables.ts) keeps the characters
 * whose prototype is printable ASCII; see the script for why that is enough here.
 */
import table from './data/confusables.json';

const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Bidi_Control}\p{Cf}\p{Cc}\p{White_Space}]/gu;
const MARKS = /\p{M}/gu;

let prototypes: Map<string, string> | undefined;
/** Built on first use, so loading the module costs the worker's start-up nothing. */
function prototypeOf(char: string): string {
  if (!prototypes) {
    prototypes = new Map();
    for (const [prototype, chars] of Object.entries(table.prototypes as Record<string, string>)) {
      for (const c of chars) prototypes.set(c, prototype);
    }
  }
  return prototypes.get(char) ?? char;
}

/** NFKC, then without invisible characters and combining marks. */
function prepared(text: string): string {
  return text.normalize('NFKC').replace(INVISIBLE, '').normalize('NFD').replace(MARKS, '');
}

const mapped = (text: string) => Array.from(text, prototypeOf).join('');

/**
 * The skeleton of a token symbol or name. Symbols are read without regard to case (the old
 * check ignored it too), so the text is upper-cased before the mapping: that folds Cyrillic
 * and Greek small letters onto their capitals, which the table maps to Latin ones.
 */
export function symbolSkeleton(text: string): string {
  let skeleton = remembered.get(text);
  if (skeleton === undefined) {
    skeleton = mapped(prepared(text).toUpperCase());
    if (remembered.size >= REMEMBERED_MAX) remembered.clear();
    remembered.set(text, skeleton);
  }
  return skeleton;
}

// The registry's symbols and names are compared again and again: their skeletons are kept.
const REMEMBERED_MAX = 10_000;
const remembered = new Map<string, string>();

/**
 * The skeleton of a host name, read in lower case as browsers show it: "dinari.corn" reads like
 * "dinari.com", "c0w.fi" like "cow.fi" (the table's prototype of 0 is a capital O).
 */
export function hostSkeleton(host: string): string {
  return mapped(prepared(host).toLowerCase()).toLowerCase();
}

/**
 * The text with every invisible character (other than a plain space) written out as [U+XXXX],
 * so what the user reads is what is there.
 */
export function visibleText(text: string): string {
  return text.replace(INVISIBLE, (c) => (c === ' ' ? c : `[U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}]`));
}
