import type { Plugin } from 'esbuild';

export interface DeferredRequire {
  /** The exact specifier, as the importer writes it (`form-data`). */
  readonly specifier: string;
  /** Package names; only files inside one of them get the stand-in. */
  readonly importers: readonly string[];
  /** `default`: used through `__importDefault`; a list: the members read off it. */
  readonly access: 'default' | readonly string[];
}

export declare const SDK_DEFERRED_REQUIRES: readonly DeferredRequire[];
export declare function deferredRequires(deferred?: readonly DeferredRequire[]): Plugin;
