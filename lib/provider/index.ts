export * from './protocol';
export * from './eip6963';
export type { PortLike } from './relay';
