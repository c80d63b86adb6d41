/**
 * The stand-in's content: client-based content types (a display URL and a configuration
 * URL, as RiSE → Maintenance → Content types registers them) and the content items placed
 * on its one staff page, each with the settings JSON its configuration page saved.
 */
import { randomUUID } from 'node:crypto';

export interface ContentType {
  key: string;
  name: string;
  displayUrl: string;
  configurationUrl: string | undefined;
}

export interface ContentItem {
  contentKey: string;
  contentItemKey: string;
  contentType: ContentType;
  /** What the configuration page left in #JsonSettings; "" until first saved. */
  settings: string;
}

export class ContentItems {
  /** The staff page's own content record. */
  readonly pageContentKey = randomUUID();
  private readonly types = new Map<string, ContentType>();
  readonly placed: ContentItem[] = [];

  registerType(name: string, displayUrl: string, configurationUrl: string | undefined): ContentType {
    const type: ContentType = { key: randomUUID(), name, displayUrl, configurationUrl };
    this.types.set(type.key, type);
    return type;
  }

  place(contentTypeKey: string): ContentItem | undefined {
    const contentType = this.types.get(contentTypeKey);
    if (!contentType) return undefined;
    const item: ContentItem = { contentKey: this.pageContentKey, contentItemKey: randomUUID(), contentType, settings: '' };
    this.placed.push(item);
    return item;
  }

  find(contentKey: string | undefined, contentItemKey: string | undefined): ContentItem | undefined {
    return this.placed.find(
      (item) => item.contentItemKey === contentItemKey && (contentKey === undefined || item.contentKey === contentKey),
    );
  }
}
