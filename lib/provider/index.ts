export * from './protocol';
export * from './eip6963';
