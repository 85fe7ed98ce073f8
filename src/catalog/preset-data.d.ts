/**
 * Types of the virtual modules that the presets plugin (src/schema/presets-plugin.mts) emits at build time:
 * every preset file validated by its schema, deep-frozen. Only src/catalog imports them.
 */
declare module 'virtual:rackplan-presets/catalog' {
  /**
   * Id, aliases and name of every generation, sorted by file name, in the order of `generationJson` (bundled with
   * the catalog module, so a view can list and order every generation before their data has loaded).
   */
  export const generationIndex: readonly { readonly id: string; readonly aliases: readonly string[]; readonly name: string }[];
  /**
   * Each generation's validated data as JSON text (a Generation), parsed on demand by src/catalog. In the web
   * app's and the CLI's builds it starts empty and `generationLoaders` load each text (src/catalog/presets.ts
   * `loadGenerations`).
   */
  export const generationJson: (string | undefined)[];
  /** The web app's and the CLI's builds: a loader per generation (its chunk), in the order of `generationIndex`; elsewhere null. */
  export const generationLoaders: readonly (() => Promise<{ readonly default: string }>)[] | null;
  export const psus: readonly import('../core/catalog/types').PsuModel[];
  export const cdus: readonly import('../core/catalog/types').CduModel[];
  export const coolants: readonly import('../core/catalog/types').CoolantModel[];
  export const prices: import('../core/catalog/types').PriceBook;
}

declare module 'virtual:rackplan-presets/network' {
  export const switches: import('../core/fabric/types').NetworkCatalog['switches'];
  export const transceivers: import('../core/fabric/types').NetworkCatalog['transceivers'];
  export const cables: import('../core/fabric/types').NetworkCatalog['cables'];
}

declare module 'virtual:rackplan-presets/sites' {
  export const sites: readonly import('../core/sites/types').Site[];
}

declare module 'virtual:rackplan-presets/site-index' {
  /** Id, name and data-center role of every site preset, in the order of `sites` (sorted by id). */
  export const siteIndex: readonly { readonly id: string; readonly name: string; readonly dataCenter: boolean }[];
  /** Each site's validated data as JSON text (a Site); in the web app's build it starts empty and `siteLoaders` load each text. */
  export const siteJson: (string | undefined)[];
  /** The web app's build: a loader per site (its chunk), in the order of `siteIndex`; elsewhere null. */
  export const siteLoaders: readonly (() => Promise<{ readonly default: string }>)[] | null;
}
