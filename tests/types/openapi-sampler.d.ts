declare module 'openapi-sampler' {
  export interface SampleOptions {
    skipReadOnly?: boolean;
    skipWriteOnly?: boolean;
    skipNonRequired?: boolean;
    quiet?: boolean;
  }
  export function sample(schema: unknown, options?: SampleOptions, spec?: unknown): unknown;
}
