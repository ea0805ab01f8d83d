/**
 * Names as a person reads them: confusable skeletons (UTS #39) of token symbols and host names,
 * and the one rule for a token name that imitates another. Pure; imports no other domain.
 */
export { hostSkeleton, symbolSkeleton, visibleText } from './skeleton.ts';
export { type Imitation, imitatedWellKnown, imitationLabel, type NamedToken, readsAs, WELL_KNOWN_SYMBOLS } from './imitation.ts';
