export * from './wallet';
export * from './provider-request';
