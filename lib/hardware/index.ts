export { DERIVATION_SCHEMES, type DerivationScheme, isDerivationScheme } from './paths';
export { type HardwarePayload, type HardwareSignTask, type HardwareSource, hardwarePayload, messageBytes } from './payload';
export { acceptHardwareSignature, type HardwareSignature, HardwareSignatureSchema } from './verify';
