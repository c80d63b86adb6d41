/**
 * What every element here shares: it renders into light DOM, so the iMIS theme's
 * CSS reaches its markup, and the layout stylesheet is adopted once for the page.
 */
import { LitElement } from 'lit';
import { adoptStyles } from './adopt-styles.ts';

export class LightElement extends LitElement {
  protected override createRenderRoot(): HTMLElement {
    adoptStyles();
    return this;
  }
}
