/**
 * When an open batch may be posted, in words: only when it matches the stack in hand
 * (reconcile() of batch-model.ts), or when staff give a reason to post it anyway. A
 * figure not set is not checked; with neither set there is nothing to check against, so
 * a reason is required. The proxy's gate answers with these words; the widget (and its
 * test double) can say the same before asking. Plain code, no zod.
 */
import type { Reconciliation } from './batch-model.ts';
import { formatUsd } from './gift-summary.ts';

const gifts = (n: number) => `${n} gift${n === 1 ? '' : 's'}`;

/** Why this batch may not be posted without a reason, or undefined when it may. */
export function postRefusal(reconciliation: Reconciliation): string | undefined {
  switch (reconciliation.kind) {
    case 'match':
      return undefined;
    case 'none':
      return 'This batch has no expected count or total to check it against; set them, or post anyway with a reason.';
    case 'unresolved':
      // Cannot happen while open (rows have no status yet); said plainly should it ever.
      return `${gifts(reconciliation.refused)} of this batch ${reconciliation.refused === 1 ? 'is' : 'are'} refused or waiting; resolve them, or post anyway with a reason.`;
    case 'differs': {
      const missing: string[] = [];
      const extra: string[] = [];
      const { count, totalCents } = reconciliation;
      if (count) (count > 0 ? missing : extra).push(gifts(Math.abs(count)));
      if (totalCents) (totalCents > 0 ? missing : extra).push(formatUsd(Math.abs(totalCents) / 100));
      const said = [
        missing.length ? `${missing.join(' and ')} still to enter` : '',
        extra.length ? `${extra.join(' and ')} more than expected` : '',
      ].filter(Boolean);
      const fix =
        extra.length === 0 ? (count === 1 ? 'enter it' : 'enter them') : missing.length === 0 ? 'remove the extra gifts' : 'check the rows';
      return `${said.join(', and ')}; ${fix}, correct the expected figures, or post anyway with a reason.`;
    }
  }
}
