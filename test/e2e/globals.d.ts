// What the e2e pages see on window.
interface Window {
  ethereum?: { request(args: { method: string; params?: unknown }): Promise<unknown>; on(event: string, cb: (...args: unknown[]) => void): unknown };
}
