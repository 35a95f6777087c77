/** A display name in the two languages the API answers in (`X-TC-Language`, reference §4.3). */
export interface LocalizedName {
  readonly 'zh-CN': string;
  readonly 'en-US': string;
}

export type CatalogueLanguage = keyof LocalizedName;
