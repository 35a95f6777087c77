import type { Plugin } from 'esbuild';

export interface DeferredRequire {
  /** The exact specifier, as the importer writes it (`form-data`). */
  readonly specifier: string;
  /** npm package names; a file gets the stand-in when the package after the last `node_modules/` of its path is one of them. */
  readonly importers: readonly string[];
  /** `default`: used through `__importDefault`; a list: the members read off it. */
  readonly access: 'default' | readonly string[];
}

export declare const SDK_DEFERRED_REQUIRES: readonly DeferredRequire[];
export declare function deferredRequires(deferred?: readonly DeferredRequire[]): Plugin;
