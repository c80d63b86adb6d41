/**
 * Sample lists the simulator serves: the reference's own examples plus a few
 * realistic funds, some carrying a default appeal or campaign to prefill.
 */
import type { Appeal, Campaign, Distribution } from '../contract/index.ts';

export const SAMPLE_DISTRIBUTIONS: Distribution[] = [
  { Title: 'General Fund', Code: 'GEN', AppealCode: '', CampaignCode: '' },
  { Title: 'Annual Fund', Code: 'ANNUAL', AppealCode: '100000', CampaignCode: 'ACTS' },
  { Title: 'Building Fund', Code: 'BUILD', AppealCode: '100004', CampaignCode: '' },
  { Title: 'Scholarship Fund', Code: 'SCHOL', AppealCode: '', CampaignCode: 'AARS' },
  { Title: 'Alpha', Code: 'ALPHA', AppealCode: '', CampaignCode: '' },
  { Title: 'Alpha Gamma', Code: 'ALGA', AppealCode: '', CampaignCode: '' },
  { Title: 'Zeta Beta', Code: 'ZEBE', AppealCode: '', CampaignCode: '' },
];

export const SAMPLE_APPEALS: Appeal[] = [
  { Code: '100000', Description: '100000 - Alpha' },
  { Code: '100004', Description: '100001 - Beta' },
  { Code: '100003', Description: '100002 - Delta' },
  { Code: 'SPRING', Description: 'SPRING - Spring mailing' },
  { Code: 'YEAREND', Description: 'YEAREND - Year-end letter' },
];

export const SAMPLE_CAMPAIGNS: Campaign[] = [
  // Longer than campaignCode's 10 characters, exactly as the reference's example lists it.
  { Code: '5K_RUN_WALK', Description: '5K_RUN_WALK - 5K Run/Walk' },
  { Code: 'SAFE', Description: 'SAFE - A Safe Place' },
  { Code: 'ACTS', Description: 'ACTS - Acts of Kindness Fund' },
  { Code: 'AARS', Description: 'AARS - Area Alumnae Recognition Scholarship' },
  { Code: 'GALA', Description: 'GALA - Spring Gala' },
];

/**
 * The IDONATE_EXT_CAMPAIGN_DIST_MAPPING gen table: campaign code → distribution code.
 * SAFE and GALA are mapped, so a gift may name either instead of a fund.
 */
export const SAMPLE_CAMPAIGN_MAPPING: Record<string, string> = {
  SAFE: 'GEN',
  GALA: 'ANNUAL',
};
