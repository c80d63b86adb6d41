/** The three upstream lookup lists (PascalCase, as the reference shows them). */
import * as z from 'zod/mini';

// iMIS returns null for an unset default code as readily as "": both mean "none".
const optionalCode = z.pipe(
  z.optional(z.nullable(z.string())),
  z.transform((value) => value ?? ''),
);

export const distributionSchema = z.object({
  Title: z.string(),
  Code: z.string(),
  AppealCode: optionalCode,
  CampaignCode: optionalCode,
});
export type Distribution = z.output<typeof distributionSchema>;

/** Appeals and campaigns share a shape: Description is "CODE - Friendly name". */
export const codeDescriptionSchema = z.object({
  Code: z.string(),
  Description: z.string(),
});
export type Appeal = z.output<typeof codeDescriptionSchema>;
export type Campaign = z.output<typeof codeDescriptionSchema>;

export const distributionListSchema = z.array(distributionSchema);
export const codeDescriptionListSchema = z.array(codeDescriptionSchema);

export const UPSTREAM_LOOKUP_PATHS = {
  distributions: '/api/v1/integrations/distributions',
  appeals: '/api/v1/integrations/appeals',
  campaigns: '/api/v1/integrations/campaigns',
} as const;
export type LookupName = keyof typeof UPSTREAM_LOOKUP_PATHS;

export const UPSTREAM_IMPORT_PATH = '/api/v1/integrations/importGift';

/** The friendly half of "CODE - Friendly name", for pickers that already show the code. */
export function friendlyName(item: { Code: string; Description: string }): string {
  const prefix = `${item.Code} - `;
  return item.Description.startsWith(prefix) ? item.Description.slice(prefix.length) : item.Description;
}
